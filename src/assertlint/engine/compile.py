"""Route every rule pattern to the one spaCy matcher that fits its shape, in one place."""
from __future__ import annotations

from dataclasses import dataclass

from ..errors import RuleError
from ..ruleset.model import Pattern, Rule
from .triggers import matcher_tokens, phrase_variants


@dataclass(frozen=True)
class RawMatch:
    rule: int  # index into CompiledRules.rules
    exception: bool
    start: int  # token indices, end exclusive
    end: int
    refs: dict  # template name → token index ("0", "1", ... or a dependency node's RIGHT_ID)
    message: str | None = None  # the pattern's own message
    pattern: int = -1  # index into the rule's patterns (or its exceptions, when `exception`)


class _RuleMatchers:
    """The matchers of one rule: only the kinds it uses."""

    __slots__ = ("phrase", "matcher", "dep")

    def __init__(self) -> None:
        self.phrase = self.matcher = self.dep = None


class CompiledRules:
    """Every loaded rule routed, by pattern shape, to a PhraseMatcher (literal phrases), a Matcher
    (token patterns) or a DependencyMatcher (dependency patterns). Each rule has its own matchers,
    built the first time the trigger gate sends it a sentence (most rules never meet one in a
    given text), so a sentence is matched only against the rules that could match it."""

    def __init__(self, rules: list[Rule], nlp) -> None:
        self.rules = rules
        self._nlp = nlp
        self._keys: dict[int, tuple[int, bool, int, Pattern]] = {}
        self._per_rule: list[_RuleMatchers | None] = [None] * len(rules)
        self._hyphenated: frozenset | None = None

    def compile_all(self) -> None:
        """Build every rule's matchers now (a pattern spaCy rejects raises RuleError here)."""
        for ri in range(len(self.rules)):
            self._matchers(ri)

    def _matchers(self, ri: int) -> _RuleMatchers:
        m = self._per_rule[ri]
        if m is None:
            m = self._per_rule[ri] = self._compile(ri)
        return m

    def _compile(self, ri: int) -> _RuleMatchers:
        from spacy.matcher import DependencyMatcher, Matcher, PhraseMatcher

        rule = self.rules[ri]
        make_doc = self._nlp.make_doc
        vocab = self._nlp.vocab
        m = _RuleMatchers()
        for exc, patterns in ((False, rule.patterns), (True, rule.exceptions)):
            for pi, pat in enumerate(patterns):
                key = f"{rule.id}{'!' if exc else '#'}{pi}"
                kid = vocab.strings.add(key)
                self._keys[kid] = (ri, exc, pi, pat)
                try:
                    if pat.kind == "phrases":
                        if m.phrase is None:
                            m.phrase = PhraseMatcher(vocab, attr="LOWER")
                        m.phrase.add(key, [self._phrase_doc(make_doc, v) for p in pat.value for v in phrase_variants(p)])
                    elif pat.kind == "tokens":
                        if m.matcher is None:
                            m.matcher = Matcher(vocab, validate=True)
                        m.matcher.add(key, [_clause_starts(pat.value)])
                    else:
                        if m.dep is None:
                            m.dep = DependencyMatcher(vocab, validate=True)
                        m.dep.add(key, [list(pat.value)])
                except (ValueError, KeyError, TypeError) as err:
                    where = "exceptions" if exc else "patterns"
                    first = str(err).strip().splitlines()
                    msg = " ".join(line.strip() for line in first[:6] if line.strip())
                    raise RuleError(rule.source, f"{where}[{pi}] is not a valid spaCy {pat.kind} pattern: {msg}", rule.id) from None
        return m

    def _phrase_doc(self, make_doc, text: str):
        """A phrase tokenized as the text will be when it is matched: a hyphenated word that some
        token pattern names is merged in the text (__call__), so it is merged in the phrase too,
        or the phrase "a first-year student would" could never match once "first-year" is named."""
        doc = make_doc(text)
        if "-" in text and self.hyphenated:
            merge_hyphenated(doc, self.hyphenated)
        return doc

    @property
    def hyphenated(self) -> frozenset:
        """The hyphenated words token patterns name ("brain-dead", "half-baked"): the tokenizer
        splits them at the hyphen, so a one-token pattern could never meet them whole."""
        if self._hyphenated is None:
            self._hyphenated = hyphenated_words(self.rules)
        return self._hyphenated

    def __call__(self, doc, only=None) -> list[RawMatch]:
        """Matches of every rule, or only of the rule indices in `only`."""
        if self.hyphenated and "-" in doc.text:
            merge_hyphenated(doc, self.hyphenated)
        out: list[RawMatch] = []
        keys = self._keys
        for ri in range(len(self._per_rule)) if only is None else sorted(only):
            m = self._matchers(ri)
            if m.phrase is not None:
                for kid, s, e in m.phrase(doc):
                    _, exc, pi, pat = keys[kid]
                    out.append(RawMatch(ri, exc, s, e, {str(i): s + i for i in range(e - s)}, pat.message, pi))
            if m.matcher is not None:
                for kid, s, e in m.matcher(doc):
                    _, exc, pi, pat = keys[kid]
                    # "last": the final token, whatever optional tokens came before it
                    refs = {**{str(i): s + i for i in range(e - s)}, "last": e - 1}
                    out.append(RawMatch(ri, exc, s, e, refs, pat.message, pi))
            if m.dep is not None:
                for kid, toks in m.dep(doc):
                    _, exc, pi, pat = keys[kid]
                    refs = {node["RIGHT_ID"]: t for node, t in zip(pat.value, toks)}
                    out.append(RawMatch(ri, exc, min(toks), max(toks) + 1, refs, pat.message, pi))
        return out


_WORD_ATTRS = ("LOWER", "ORTH", "TEXT", "NORM")
CLAUSE_START = "assertlint_clause_start"


def _clause_starts(tokens) -> list[dict]:
    return [_clause_start(tok) for tok in matcher_tokens(tokens)]


def _clause_start(tok: dict) -> dict:
    """A token pattern's IS_SENT_START read as the start of the sentence's clause, so that an
    opener set off by a comma ("Look, go away.", "Sam, whatever you say.") leaves it in place
    (engine/context.py: clause_start)."""
    if tok.get("IS_SENT_START") is not True:
        return tok
    from spacy.tokens import Token

    from .context import clause_start

    if not Token.has_extension(CLAUSE_START):
        Token.set_extension(CLAUSE_START, getter=clause_start)
    out = {k: v for k, v in tok.items() if k != "IS_SENT_START"}
    out["_"] = {**out.get("_", {}), CLAUSE_START: True}
    return out


def hyphenated_words(rules) -> frozenset:
    """Every word with an inner hyphen in a LOWER / ORTH / TEXT / NORM value of a token or
    dependency pattern (phrases are tokenized like the text, so they need nothing)."""
    out: set[str] = set()

    def visit(v) -> None:
        if isinstance(v, list):
            for x in v:
                visit(x)
        elif isinstance(v, dict):
            for k, x in v.items():
                if k in _WORD_ATTRS:
                    vals = x.get("IN", ()) if isinstance(x, dict) else (x,)
                    out.update(w.lower() for w in vals if isinstance(w, str) and "-" in w.strip("-"))
                else:
                    visit(x)

    for rule in rules:
        for pat in (*rule.patterns, *rule.exceptions):
            if pat.kind != "phrases":
                visit(list(pat.value))
    return frozenset(out)


def merge_hyphenated(doc, words: frozenset) -> None:
    """Merge "brain", "-", "dead" (written with no spaces) into one token "brain-dead" when the
    rules name that word; the merged token keeps the span root's place in the parse (its tag too,
    unless it describes a noun: _describing), its lemma is the word as written, and its offsets are
    the words' own, so findings still point at what was typed."""
    spans = []
    i, n = 0, len(doc)
    while i < n - 2:
        end = _hyphenated_end(doc, i, n, words)
        if end:
            spans.append(doc[i:end])
            i = end
        else:
            i += 1
    if spans:
        with doc.retokenize() as retokenizer:
            for span in spans:
                retokenizer.merge(span, attrs=_describing(span))


# "a half-assed release", "the code is half-assed": a compound that describes a noun is an
# adjective, whatever tag its last part had alone ("assed" VBN)
_DESCRIBING_DEPS = frozenset({"amod", "acomp"})


def _describing(span) -> dict:
    attrs = {"LEMMA": span.text.lower()}
    root = span.root
    if root.dep_ in _DESCRIBING_DEPS and root.pos_ != "ADJ":
        attrs.update(POS="ADJ", TAG="JJ")
    return attrs


def _hyphenated_end(doc, i: int, n: int, words: frozenset) -> int:
    """The end of the longest run doc[i], "-", doc[i+2], ("-", ...) written without spaces whose
    text is in `words`, or 0."""
    found = 0
    j = i
    while j + 2 < n and doc[j + 1].text == "-" and not doc[j].whitespace_ and not doc[j + 1].whitespace_:
        j += 2
        if doc[i : j + 1].text.lower() in words:
            found = j + 1
    return found
