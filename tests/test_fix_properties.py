"""Property tests for --fix over texts built from the rules' own examples, plain sentences and
random Unicode: nothing outside the edited lines changes, fixing is idempotent, no safe fix is
left behind, a clean text comes back byte-identical, nothing crashes."""
from __future__ import annotations

import difflib

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assertlint.engine.linter import Input
from assertlint.rewrite.fixer import apply_edits, fix, select_edits
from assertlint.ruleset import load_rules

RULES = load_rules()
FLAGGED = sorted({t for r in RULES for t in r.examples.flag})
CLEAN = [
    "The build finished at noon.", "Please send the slides by Friday.", "We shipped 3.2 on Tuesday.",
    "Could you review the draft before the call?", "The cache is cleared after each deploy.",
    "Thanks for the notes; I'll merge them today.", "Our office moves to the fourth floor in May.",
]
UNICODE = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=40
)
PIECE = st.one_of(st.sampled_from(FLAGGED), st.sampled_from(CLEAN), UNICODE)
SEP = st.sampled_from([" ", "\n", "\n\n", "\r\n", "  "])


@st.composite
def documents(draw):
    pieces = draw(st.lists(PIECE, min_size=1, max_size=6))
    out = ""
    for p in pieces:
        out += p + draw(SEP)
    return out


SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check(linter):
    return lambda text: linter.check([Input("p.txt", text)])[0]


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset)


@SETTINGS
@given(documents())
def test_one_pass_changes_only_the_lines_it_edits(linter, text):
    findings = _check(linter)(text)
    edits = select_edits(findings)
    new = apply_edits(text, edits)
    allowed: set[int] = set()
    for e in edits:
        allowed.update(range(_line_of(text, e.start), _line_of(text, e.end) + 1))
    old_lines = text.split("\n")
    sm = difflib.SequenceMatcher(a=old_lines, b=new.split("\n"), autojunk=False)
    for tag, i1, i2, _, _ in sm.get_opcodes():
        if tag != "equal":
            touched = set(range(i1, max(i2, i1 + 1)))
            assert touched & allowed, f"lines {sorted(touched)} changed but no edit is there"


@SETTINGS
@given(documents())
def test_fix_is_idempotent_and_leaves_no_safe_fix(linter, text):
    check = _check(linter)
    once = fix(check, text)
    twice = fix(check, once.text)
    assert twice.text == once.text
    if once.passes < 10:
        assert not select_edits(check(once.text)), "a safe fix remains after --fix"


@SETTINGS
@given(st.lists(st.sampled_from(CLEAN), min_size=1, max_size=5), SEP)
def test_clean_text_is_byte_identical(linter, sentences, sep):
    text = sep.join(sentences) + sep
    assert fix(_check(linter), text).text == text
