"""context.after: a rule that asks for the sentence before its match reads that sentence, in the
same paragraph, and nothing further back."""
from __future__ import annotations

import assertlint
from assertlint.engine.checks import after


def test_previous_sentence_is_the_one_just_before():
    block = "Thanks for the PR. Beautiful code. Shame it doesn't compile."
    base = block.index("Shame")
    assert after.previous_sentence(block, base) == "Beautiful code."


def test_no_previous_sentence_at_the_start_of_a_paragraph():
    assert after.previous_sentence("Shame it doesn't compile.", 0) == ""


def test_previous_sentence_is_read_from_a_bounded_window():
    block = "x" * 10_000 + " Shame."
    base = block.index("Shame")
    assert len(after.previous_sentence(block, base)) <= after.WINDOW


def test_opening_skips_chat_openers_but_keeps_so():
    assert after.opening("Oh wow, beautiful code!")[:2] == ["beautiful", "code"]
    assert after.opening("So you\u2019re saying we should wait.")[:3] == ["so", "you're", "saying"]


def _rules(text: str) -> set[str]:
    return {f.rule for f in assertlint.check(text)}


def test_the_praise_before_decides():
    assert "PAG017" in _rules("Beautiful code. Shame it doesn't compile.")
    assert "PAG017" not in _rules("The build is red. Shame it doesn't compile.")


def test_a_sentence_in_another_paragraph_is_not_before():
    assert "PAG017" not in _rules("Beautiful code.\n\nShame it doesn't compile.\n")


def test_a_restatement_then_a_verdict():
    assert "JDG026" in _rules("So your fix for the leak is to buy more RAM. Incredible.")
    assert "JDG026" not in _rules("I ran your fix for the leak on the staging box. Incredible.")


def test_after_has_reads_the_words_of_the_sentence_before():
    from assertlint.engine.checks import after_has

    assert "n't" in after_has.words_of("Your PR doesnt build.")
    assert "blank" in after_has.words_of("You left every field blank.")
    assert "n't" not in after_has.words_of("You fixed it.")


def test_praise_after_a_fault_is_sarcasm_and_after_a_fix_is_praise():
    assert "JDG027" in _rules("You left every field of the template blank. Very helpful.")
    assert "JDG027" not in _rules("You fixed the race in one line. Impressive.")


def test_after_lacks_tells_whose_deed_came_before():
    assert "JDG028" in _rules("You pushed straight to main without a review. Unacceptable.")
    assert "JDG028" not in _rules("I pushed straight to main without a review. Unacceptable.")
    # the sentence opens with the reader, but the writer shares the deed (context.after_lacks)
    assert "JDG028" not in _rules("You and I both pushed straight to main without a review. Unacceptable.")
    assert "JDG028" in _rules("You ignored my report for a year. Unacceptable.")
    assert "JDG028" not in _rules("You pushed straight to main without a review.\n\nUnacceptable.\n")


def test_an_outburst_after_the_writers_own_deed_is_self_criticism():
    def judged(text):
        return any(f.category == "judging" for f in assertlint.check(text))

    assert not judged("I forgot to push the fix before the demo. Pathetic.")
    assert judged("You forgot to push the fix before the demo. Pathetic.")
    assert judged("I asked you three times for the logs. Pathetic.")
