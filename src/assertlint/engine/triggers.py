"""The trigger gate: which text blocks could match any rule, decided without the parser.

For every pattern the gate derives, from the rule file itself, one token the pattern cannot match
without (a literal word, or the inflections of a lemma). A block whose words include none of the
derived triggers is never parsed. Patterns with no literal token make the gate let everything
through, so a rule can never be silently skipped.
"""
from __future__ import annotations

import re

from ..ruleset.model import Pattern, Rule

_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")
_IRREGULAR = {
    "be": "am is are was were been being 's 're 'm",
    "have": "has had having 've 's 'd",
    "do": "does did done doing",
    "go": "goes went gone going",
    "say": "says said saying",
    "tell": "tells told telling",
    "think": "thinks thought thinking",
    "feel": "feels felt feeling",
    "make": "makes made making",
    "get": "gets got gotten getting",
    "know": "knows knew known knowing",
    "take": "takes took taken taking",
    "give": "gives gave given giving",
    "see": "sees saw seen seeing",
    "hear": "hears heard hearing",
    "read": "reads read reading",
    "write": "writes wrote written writing",
    "leave": "leaves left leaving",
    "keep": "keeps kept keeping",
    "mean": "means meant meaning",
    "send": "sends sent sending",
    "find": "finds found finding",
    "bring": "brings brought bringing",
    "break": "breaks broke broken breaking",
    "speak": "speaks spoke spoken speaking",
    "forget": "forgets forgot forgotten forgetting",
    "will": "will would 'll 'd wo",
    "can": "can could ca",
    "shall": "shall should",
    "may": "may might",
    "sorry": "sorry sorrier",
}


def inflections(lemma: str) -> set[str]:
    """A superset of the word forms a lemma can take (a gate may let too much through, never too little)."""
    w = lemma.lower()
    forms = {w, w + "s", w + "es", w + "ed", w + "d", w + "ing", w + "er", w + "est", w + "ly"}
    if w.endswith("e"):
        forms |= {w[:-1] + "ing", w[:-1] + "ed"}
    if w.endswith("y"):
        forms |= {w[:-1] + "ies", w[:-1] + "ied", w[:-1] + "ier", w[:-1] + "iest", w[:-1] + "ily"}
    if len(w) >= 3 and w[-1] not in "aeiouwxy":
        forms |= {w + w[-1] + "ed", w + w[-1] + "ing", w + w[-1] + "er"}
    if w.endswith("ie"):
        forms.add(w[:-2] + "ying")
    forms |= set(_IRREGULAR.get(w, "").split())
    return forms


def _words(value) -> set[str] | None:
    """The words a token constraint value admits, or None when it is not a closed literal set."""
    if isinstance(value, str):
        return {value.lower()}
    if isinstance(value, dict) and set(value) == {"IN"}:
        return {str(v).lower() for v in value["IN"]}
    return None


def _token_triggers(attrs: dict) -> set[str] | None:
    if attrs.get("OP") in ("?", "*", "!"):
        return None
    for key in ("LOWER", "ORTH", "TEXT", "NORM"):
        if key in attrs:
            return _words(attrs[key])
    if "LEMMA" in attrs:
        words = _words(attrs["LEMMA"])
        if words is not None:
            return set().union(*(inflections(w) for w in words))
    return None


def _score(words: set[str]) -> float:
    """Lower is better: prefer few, long words (they are rarer in running text)."""
    if any(not _WORD.fullmatch(w) for w in words):
        return float("inf")  # punctuation or contraction pieces are not visible to the gate
    return sum(1.0 / len(w) for w in words)


def pattern_triggers(pattern: Pattern) -> set[str] | None:
    if pattern.kind == "phrases":
        out: set[str] = set()
        for phrase in pattern.value:
            words = _WORD.findall(phrase.lower())
            if not words:
                return None
            out.add(max(words, key=len))
        return out
    candidates = []
    for node in pattern.value:
        attrs = node.get("RIGHT_ATTRS", node) if pattern.kind == "dependency" else node
        words = _token_triggers(attrs)
        if words:
            candidates.append(words)
    if not candidates:
        return None
    best = min(candidates, key=_score)
    return None if _score(best) == float("inf") else best


class Gate:
    def __init__(self, rules: list[Rule]) -> None:
        triggers: set[str] = set()
        self.open = False  # True: some pattern has no trigger, so every block is parsed
        self.ungated: list[str] = []
        for rule in rules:
            for pattern in rule.patterns:
                words = pattern_triggers(pattern)
                if words is None:
                    self.open = True
                    self.ungated.append(rule.id)
                else:
                    triggers |= words
        self.triggers = frozenset(triggers)

    def admits(self, text: str) -> bool:
        if self.open:
            return True
        trig = self.triggers
        low = text.lower().replace("\u2019", "'")
        return any(w in trig or w.split("'", 1)[0] in trig for w in _WORD.findall(low))
