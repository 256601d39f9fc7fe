"""Each sentence-repair pass on its own (rewrite/repair.py), then the passes together."""
from __future__ import annotations

from assertlint.rewrite.repair import (
    Draft, agree_article, close_sentence_end, repair, restore_sentence_start, swap_end_mark, tidy_joint,
)


def draft(old: str, new: str, es: int, left: str = "", right: str = "", mood=None) -> Draft:
    return Draft(old, "", new, es, left, right, mood)


def test_tidy_joint_fixes_spaces_and_commas_at_the_joint():
    d = draft("I think maybe we should go.", "I think  we should go.", 8)  # "maybe" removed
    tidy_joint(d, 8)
    assert d.left + d.right == "I think we should go."
    d = draft("We ship on Monday, honestly.", "We ship on Monday, .", 19)  # "honestly" removed
    tidy_joint(d, 19)
    assert d.left + d.right == "We ship on Monday."


def test_close_sentence_end_drops_a_dangling_but_and_keeps_the_end_mark():
    d = draft("The plan looks risky, but what do I know?", "", 0, left="The plan looks risky, but", right="")
    close_sentence_end(d)
    assert d.left + d.right == "The plan looks risky?"
    untouched = draft("x", "", 0, left="We go", right=" now.")
    close_sentence_end(untouched)
    assert (untouched.left, untouched.right) == ("We go", " now.")


def test_restore_sentence_start_capitalises_and_drops_junk():
    d = draft("Sorry to bother you, but is it ready?", "", 0, left="", right=", but is it ready?")
    restore_sentence_start(d)
    assert d.body == "Is it ready?"
    d = draft("What do I know, I'm only the intern.", "", 0, left="", right=". I'm only the intern.")
    restore_sentence_start(d)
    assert d.body == "I'm only the intern."  # a stray end mark left by the replacement goes too
    d = draft("- Sorry, is it ready?", "", 2, left="- ", right="is it ready?")
    restore_sentence_start(d)
    assert d.body == "- Is it ready?"  # the bullet stays
    mid = draft("We go now.", "", 3, left="We ", right="now.")
    restore_sentence_start(mid)
    assert mid.body == "We now."


def test_agree_article():
    d = draft("x", "It is an idea.", 0, left="It is a ")
    d.body = "It is a idea."
    agree_article(d)
    assert d.body == "It is an idea."
    d = draft("x", "", 0, left="An ")
    d.body = "An user story."
    agree_article(d)
    assert d.body == "A user story."


def test_swap_end_mark():
    d = draft("x", "", 0, mood="question")
    d.body = "Could you review my PR."
    swap_end_mark(d)
    assert d.body == "Could you review my PR?"
    d = draft("x", "", 0, mood="statement")
    d.body = 'She said "fine?!"'
    swap_end_mark(d)
    assert d.body == 'She said "fine".'
    d = draft("x", "", 0)
    d.body = "No mood."
    swap_end_mark(d)
    assert d.body == "No mood."


def test_the_passes_together():
    assert repair("Sorry to bother you, but is it ready?", ", but is it ready?", 0, 0) == "Is it ready?"
    assert repair("Sorry.", "", 0, 0) is None
    assert repair("  I was wondering if you could go.", "  Could you go.", 2, 11, "question") == "  Could you go?"


def test_an_emoji_before_the_sentence_keeps_the_capital_letter_repair():
    old = "🙂 Sorry to bother you, but is the report ready?"
    assert repair(old, "🙂 " + old[26:], 2, 2) == "🙂 Is the report ready?"
    d = draft("👉 Sorry, but I disagree.", "", 2, left="👉", right=" I disagree.")
    restore_sentence_start(d)
    assert d.body == "👉 I disagree."
