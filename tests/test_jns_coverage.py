"""Just Not Sorry coverage: the 23 patterns of the Just Not Sorry browser extension
(../shared/data/lexicons/just-not-sorry/phrases.json), each with a realistic sentence where the
phrase undercuts the writer and assertlint flags it (in the expected category), and one where the
phrase is used plainly and assertlint stays silent.

Some patterns are not findings at all in the assertlint taxonomy; their rows carry the reason
instead of a flag sentence. Their plain sentence is still checked for silence.

JNS flags the word everywhere ("just", "sorry", "I think", "very"); the point of this table is
that assertlint flags the self-undercutting use and leaves the plain one alone.
"""
from __future__ import annotations

import json
import re
from typing import NamedTuple

import pytest

from conftest import shared_path


class Row(NamedTuple):
    label: str  # the JNS displayLabel(s), joined with " / "
    pattern: str  # the JNS regular expression (matched case-insensitively, as the extension does)
    flag: str | None  # the phrase undercutting the writer
    category: str | None  # the category assertlint reports for `flag`
    clean: str  # the phrase used plainly (or only mentioned): assertlint stays silent
    reason: str | None = None  # why the phrase is not a finding (rows with no `flag`)


ROWS: list[Row] = [
    Row("Just", r"\b(just)\b",
        "I just wanted to check whether the invoice went out.", "minimizer",
        "I just got back from the dentist."),
    Row("Actually", r"\b(actually)\b",
        None, None,
        "The bug is actually in the parser, not the lexer.",
        "'Actually' marks a correction or a contrast with what was expected; that is content, not "
        "self-undercutting, and the taxonomy has no category for it."),
    Row("Sorry", r"\b(sorry)\b",
        "Sorry to bother you, but is the report ready?", "apology",
        "I'm sorry I missed the deadline; the draft is attached."),
    Row("Apologize / Apologies / Forgive", r"\b(apologize|apologies|forgive)\b",
        "Apologies for the interruption, do you have the slides?", "apology",
        "Please forgive me for missing your birthday; dinner is on me this week."),
    Row("I think / We think", r"\b(I think|We think)\b",
        "I think maybe we should push the release to June.", "hedge",
        "I think the second design is stronger because it loads faster."),
    Row("I'm no expert / We're no expert / We're no experts / We're not experts",
        r"\b(I'm no expert|We're no expert|We're no experts|We're not experts)\b",
        "I'm no expert, but the forecast looks optimistic.", "self-deprecation",
        "We're not experts in tax law, so we hired an accountant."),
    Row("Yes, but", r"\b(Yes, but)\b",
        None, None,
        "Yes, but only after the security review signs off.",
        "'Yes, but' is how an assertive writer agrees with a condition or disagrees in part; "
        "disagreeing is not a finding (apologising for it is: see 'Sorry')."),
    Row("Literally", r"\b(literally)\b",
        None, None,
        "The config file is literally named settings, with no extension.",
        "An intensifier or a precision marker: a matter of style, not of tone."),
    Row("Very", r"\b(very)\b",
        None, None,
        "The new build is very fast on the M2 runners.",
        "An intensifier: a matter of style (see proselint / write-good), not of tone."),
    Row("Kind of / Sort of", r"\b(kind of|sort of)\b",
        "It's sort of a problem that the tests are flaky.", "hedge",
        "What kind of tree is that by the gate?"),
    Row("Does that make sense / Did that make sense / Does this make sense / Did this make sense / "
        "If that makes sense / If that's okay",
        r"(does that make sense|did that make sense|does this make sense|did this make sense|"
        r"if that makes sense|if that's (okay|ok))",
        "We need two more testers. Does that make sense?", "validation-seeking",
        "Only merge the branch if that's okay with the release manager."),
    Row("Try / Trying / Tried", r"\b(try|trying|tried)\b",
        None, None,
        "Try restarting the server before you file a ticket.",
        "Trying is what people do; 'try X' is an instruction. The self-undercutting reading "
        "('I'll try to ...') is too rare to separate from the plain ones."),
    Row("I should", r"\b(I should)\b",
        None, None,
        "I should have the draft ready by Friday.",
        "An expectation or an obligation the writer states about themselves; not a hedge, an "
        "apology or a request for permission."),
    Row("I feel", r"\b(I feel)\b",
        "I feel like maybe we're overbuilding this.", "hedge",
        "I feel frustrated that the review was moved twice."),
    Row("I believe / We believe / We feel", r"\b(I believe|we believe|we feel)\b",
        "We feel like perhaps the scope is too wide for one sprint.", "hedge",
        "We believe in shipping small changes often."),
    Row("I'm just saying", r"\b(I'm just saying)\b",
        "I'm just saying the plan is risky.", "minimizer",
        "I'm just saying goodbye to the team, then I'll join you."),
    Row("In my opinion", r"\b(In my opinion)\b",
        None, None,
        "In my opinion, the second design is stronger because it loads faster.",
        "Owning a view is assertive (an 'I' statement). The apologetic forms are findings: 'in my "
        "humble opinion', 'IMHO' (HDG010) and 'that's just my opinion' (HDG011)."),
    Row("This might be a stupid question / This might be a silly idea",
        r"\b(This might be a stupid question|This might be a silly idea)\b",
        "This might be a stupid question, but why are we storing passwords in plain text?",
        "self-deprecation",
        'He opened his talk with "this might be a stupid question" and then found the bug.'),
    Row("I may be wrong / I might be wrong / I could be wrong",
        r"\b(I may be wrong|I might be wrong|I could be wrong)\b",
        "I could be wrong, but the contract ends in May.", "hedge",
        'The phrase "I could be wrong" appears in half of our review comments.'),
    Row("I'm just being honest here / If I'm being honest / Honestly / to be honest / "
        "if I'm honest / to be perfectly honest / in all honesty",
        r"\b(I'm just being honest here|If I'm being honest|Honestly|to be honest|if I'm honest|"
        r"to be perfectly honest|in all honesty)\b",
        None, None,
        "To be honest, I'd prefer the earlier slot.",
        "A sincerity marker, not self-undercutting; the taxonomy has no category for it (with an "
        "insult after it, the insult is the finding: 'Honestly, you're lazy' is judging)."),
    Row("I guess", r"\b(I guess)\b",
        "I guess we should go with the cheaper option.", "hedge",
        "In the game, I guess a word and you give me clues."),
    Row("Maybe", r"\b(Maybe)\b",
        "Maybe we should move the date to June.", "hedge",
        "Maybe the server is down; I'm checking the logs now."),
    Row("!!!", r"!{3,}",
        None, None,
        "The build is green!!!",
        "Emphatic punctuation is style; it neither undercuts the writer nor, on its own, attacks "
        "the reader."),
]

# A second flag sentence for patterns that name two different habits.
EXTRA_FLAGS: list[tuple[str, str, str]] = [
    ("If that's okay", "I'll take the window seat, if that's okay.", "permission-seeking"),
    ("I may be wrong", "I may be wrong, but the invoice total looks doubled.", "hedge"),
    ("Forgive", "Forgive me for asking, but when does the contract end?", "apology"),
    ("In my opinion", "In my humble opinion, the launch should wait a week.", "hedge"),
    ("Just", "Quick question, just need your sign-off on the PO.", "minimizer"),
]


def _categories(linter, text: str) -> set[str]:
    from assertlint.engine.linter import Input

    return {f.category for f in linter.check([Input("jns.txt", text)])[0]}


def test_the_table_has_23_patterns():
    assert len(ROWS) == 23
    assert len({r.pattern for r in ROWS}) == 23
    for r in ROWS:
        assert (r.flag is None) == (r.category is None), r.label
        assert r.flag is not None or r.reason, f"{r.label}: a row without a flag sentence needs a reason"


@pytest.mark.parametrize("row", ROWS, ids=[r.label.split(" / ")[0] for r in ROWS])
def test_sentences_contain_the_phrase(row):
    rx = re.compile(row.pattern, re.IGNORECASE)
    assert rx.search(row.clean), f"plain sentence lacks the JNS phrase: {row.clean!r}"
    if row.flag:
        assert rx.search(row.flag), f"flag sentence lacks the JNS phrase: {row.flag!r}"


FLAGGED = [r for r in ROWS if r.flag] + [
    Row(label, "", text, cat, "") for label, text, cat in EXTRA_FLAGS
]


@pytest.mark.parametrize("row", FLAGGED, ids=[f"{r.label.split(' / ')[0]}:{r.category}" for r in FLAGGED])
def test_undercutting_use_is_flagged(row, linter):
    found = _categories(linter, row.flag)
    assert row.category in found, f"{row.flag!r}: expected {row.category}, got {sorted(found) or 'nothing'}"


@pytest.mark.parametrize("row", ROWS, ids=[r.label.split(" / ")[0] for r in ROWS])
def test_plain_use_is_silent(row, linter):
    found = _categories(linter, row.clean)
    assert not found, f"{row.clean!r}: expected no finding, got {sorted(found)}"


def test_labels_and_patterns_match_just_not_sorry():
    path = shared_path("data", "lexicons", "just-not-sorry", "phrases.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    theirs = [(" / ".join(p["displayLabel"]), p["pattern"]) for p in data]
    ours = [(r.label, r.pattern) for r in ROWS]
    assert len(theirs) == 23
    assert [p for _, p in ours] == [p for _, p in theirs]
    assert [label for label, _ in ours] == [label for label, _ in theirs]
