"""Route every rule pattern to the one spaCy matcher that fits its shape, in one place."""
from __future__ import annotations

from dataclasses import dataclass

from ..errors import RuleError
from ..ruleset.model import Pattern, Rule


@dataclass(frozen=True)
class RawMatch:
    rule: int  # index into CompiledRules.rules
    exception: bool
    start: int  # token indices, end exclusive
    end: int
    refs: dict  # template name → token index ("0", "1", ... or a dependency node's RIGHT_ID)


class CompiledRules:
    """All loaded rules in one PhraseMatcher, one Matcher and one DependencyMatcher."""

    def __init__(self, rules: list[Rule], nlp) -> None:
        from spacy.matcher import DependencyMatcher, Matcher, PhraseMatcher

        self.rules = rules
        self.phrase = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.matcher = Matcher(nlp.vocab, validate=True)
        self.dep = DependencyMatcher(nlp.vocab, validate=True)
        self._keys: dict[int, tuple[int, bool, Pattern]] = {}
        self.needs_parse = False
        make_doc = nlp.make_doc
        for ri, rule in enumerate(rules):
            for exc, patterns in ((False, rule.patterns), (True, rule.exceptions)):
                for pi, pat in enumerate(patterns):
                    key = f"{rule.id}{'!' if exc else '#'}{pi}"
                    kid = nlp.vocab.strings.add(key)
                    self._keys[kid] = (ri, exc, pat)
                    try:
                        if pat.kind == "phrases":
                            self.phrase.add(key, [make_doc(p) for p in pat.value])
                        elif pat.kind == "tokens":
                            self.matcher.add(key, [list(pat.value)])
                        else:
                            self.dep.add(key, [list(pat.value)])
                    except (ValueError, KeyError, TypeError) as err:
                        where = "exceptions" if exc else "patterns"
                        first = str(err).strip().splitlines()
                        msg = " ".join(line.strip() for line in first[:6] if line.strip())
                        raise RuleError(rule.source, f"{where}[{pi}] is not a valid spaCy {pat.kind} pattern: {msg}", rule.id) from None

    def __call__(self, doc) -> list[RawMatch]:
        out: list[RawMatch] = []
        keys = self._keys
        if len(self.phrase):
            for kid, s, e in self.phrase(doc):
                ri, exc, _ = keys[kid]
                out.append(RawMatch(ri, exc, s, e, {str(i): s + i for i in range(e - s)}))
        if len(self.matcher):
            for kid, s, e in self.matcher(doc):
                ri, exc, _ = keys[kid]
                # "last": the final token, whatever optional tokens came before it
                out.append(RawMatch(ri, exc, s, e, {**{str(i): s + i for i in range(e - s)}, "last": e - 1}))
        if len(self.dep):
            for kid, toks in self.dep(doc):
                ri, exc, pat = keys[kid]
                refs = {node["RIGHT_ID"]: t for node, t in zip(pat.value, toks)}
                out.append(RawMatch(ri, exc, min(toks), max(toks) + 1, refs))
        return out
