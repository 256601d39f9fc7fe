"""Every regex the trigger gate compiles takes time linear in the sentence, whatever the rule file.

Each gate regex is timed, in the same run, on a pathological input and on the same input ten
times longer; the longer one may cost at most ~30 times more (a quadratic regex costs ~100
times more, a cubic one ~1000). The inputs are made from each pattern's own literal words in the
shapes that make a backtracking engine try every split: the pattern's words in order with the
last required word missing, each word repeated many times ("put " + "i " * 170 + "feel " * 70
took 12.5 s on the old Python regexes), and the whole sequence repeated.
"""
from __future__ import annotations

import re
import sys
import time

import pytest

from assertlint.engine import triggers
from assertlint.engine.triggers import GateRegex, Gate, gate_bytes, token_regex_source
from assertlint.ruleset.model import Pattern

GROWTH = 30  # 10x the input may cost at most this many times more
FLOOR = 2e-4  # seconds: below this a measurement is noise, so the short input counts as this long


def _unit_words(pattern: Pattern) -> list[tuple[str, list[str]]]:
    """(kind, words) per token of a pattern, as the gate's regex sees it."""
    if pattern.kind == "phrases":
        return [("req", [w]) for w in triggers._WORD.findall(pattern.value[0].lower())]
    out = []
    for tok in pattern.value:
        kind, _ = triggers._token_part(tok)
        words = triggers._token_triggers({k: v for k, v in tok.items() if k != "OP"})
        words = triggers.visible(words) if words else None
        out.append((kind, sorted(words)[:3] if words else ["zzz"]))
    return out


def _inputs(pattern: Pattern, reps: int) -> list[str]:
    units = _unit_words(pattern)
    req = [i for i, (kind, _) in enumerate(units) if kind == "req"]
    if req:
        units = units[: req[-1]]  # the last required word never comes: every start must fail
    words = [ws[0] for _, ws in units] or ["x"]
    every = [w for _, ws in units for w in ws] or ["x"]
    return [
        "".join(f"{w} " * reps for w in words),  # put i i i ... feel feel ...
        " ".join(words) * reps + " ",  # the sequence again and again
        " ".join(reversed(every)) * reps + " ",  # everything, in the wrong order
        "".join(f"{w}" * reps for w in words),  # no spaces at all
    ]


def _best(rx: GateRegex, text: str, n: int = 3) -> float:
    data = gate_bytes(text)
    best = float("inf")
    for _ in range(n):
        t0 = time.perf_counter()
        rx.search_bytes(data)
        best = min(best, time.perf_counter() - t0)
    return best


def _check_growth(patterns: list[Pattern]) -> list[str]:
    slow = []
    for pat in patterns:
        src = token_regex_source(pat)
        if src is None:
            continue
        rx = GateRegex(src)
        for small, large in zip(_inputs(pat, 60), _inputs(pat, 600)):
            t1, t10 = _best(rx, small), _best(rx, large)
            if t10 > GROWTH * max(t1, FLOOR):
                t1, t10 = _best(rx, small, 7), _best(rx, large, 7)  # a busy machine: measure again
                if t10 > GROWTH * max(t1, FLOOR):
                    slow.append(f"{src[:80]}...: {t1 * 1e3:.2f} ms -> {t10 * 1e3:.2f} ms on {small[:40]!r}")
    return slow


HOSTILE = [
    # optional and repeated tokens around wildcards: the shapes that made the Python regexes blow up
    Pattern("tokens", ({"LOWER": "put"}, {"LOWER": "i", "OP": "*"}, {"IS_ALPHA": True, "OP": "*"},
                       {"LOWER": "i", "OP": "*"}, {"LEMMA": "feel"}, {"LOWER": "x"})),
    Pattern("tokens", ({"LOWER": "a"}, {"LOWER": {"IN": ["a", "aa"]}, "OP": "+"}, {"POS": "X"},
                       {"LOWER": "a", "OP": "+"}, {"POS": "X"}, {"LOWER": "a", "OP": "*"}, {"LOWER": "b"})),
    Pattern("tokens", tuple({"LOWER": "i", "OP": "?"} for _ in range(20)) + ({"LOWER": "i"}, {"LOWER": "z"})),
]


def test_gate_regexes_grow_linearly(rules):
    """Every order regex of every built-in rule's patterns and exceptions, and hostile ones."""
    patterns = [p for r in rules for p in r.patterns + r.exceptions] + HOSTILE
    slow = _check_growth(patterns)
    assert not slow, "gate regexes that grow faster than linearly:\n" + "\n".join(slow)


def test_the_reported_case_is_fast():
    """The case from issue 16, on the regex of a pattern built like JDG008's."""
    pat = Pattern("tokens", ({"LOWER": {"IN": ["i", "we"]}}, {"IS_ALPHA": True, "OP": "*"}, {"LEMMA": "feel"},
                             {"LOWER": {"IN": ["put", "let"]}}, {"LOWER": "down"}))
    rx = GateRegex(token_regex_source(pat))
    text = "put " + "i " * 170 + "feel " * 70
    t1 = _best(rx, text)
    t10 = _best(rx, "put " + "i " * 1700 + "feel " * 700)
    assert t10 <= GROWTH * max(t1, FLOOR)
    assert rx.search("we really feel let down") and not rx.search(text)


def test_growth_check_catches_a_backtracking_regex():
    """The check itself can fail: Python's backtracking engine on the old form of a gate regex
    (a lazy wildcard between repeated optional words) grows faster than linearly."""
    src = r"put\s*(?:i\s*)*[\s\S]*?(?:i\s*)*[\s\S]*?feel\s*x"

    class Backtracking:
        def __init__(self, source):
            self.rx = re.compile(source)

        def search_bytes(self, data):
            return self.rx.search(data.decode()) is not None

    rx = Backtracking(src)
    t1 = _best(rx, "put " + "i " * 6 + "feel " * 3, 3)
    t10 = _best(rx, "put " + "i " * 60 + "feel " * 30, 1)  # under a second (about n**3.7)
    assert t10 > GROWTH * max(t1, FLOOR)


def test_whitespace_class_is_pythons():
    """The order regexes spell out Python's \\s, character for character (RE2's \\s is ASCII only)."""
    ws = GateRegex("^" + triggers._WS + "$")
    py = re.compile(r"\s")
    for cp in range(sys.maxunicode + 1):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        c = chr(cp)
        if bool(py.match(c)) != ws.search(c):
            pytest.fail(f"U+{cp:04X}: Python \\s {bool(py.match(c))}, gate {ws.search(c)}")


def test_word_start_is_the_old_lookbehind():
    r"""`\b` on the gate's copy of the text ("_" as "#") starts a word exactly where
    (?<![a-z0-9]) did, before a letter or digit, whatever comes before it."""
    rx = GateRegex(triggers._literal_regex({"sorry"}))
    old = re.compile(r"(?<![a-z0-9])sorry")
    for before in ["", " ", "_", "é", "x", "1", "'", "#", "\u2019", "-", "ß", "\u00a0", "日"]:
        text = before + "sorry"
        assert rx.search(text) == bool(old.search(text)), repr(text)


def test_gate_admits_on_rarest_words_not_punctuation(rules):
    """Patterns are filed under their rarest word set: never under punctuation when they have
    a word, so a comma does not send every sentence to a regex."""
    gate = Gate(rules)
    punct = {w for w in gate.index if not w[:1].isalpha()}
    for mark in punct:
        for rest, rx, ri in gate.index[mark]:
            assert all(not any(w[:1].isalpha() for w in r) for r in rest), (mark, rules[ri].id)
