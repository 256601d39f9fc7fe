"""context.banter: which words count as affection or friendly joking in the same breath."""
from __future__ import annotations

import pytest

from assertlint.engine.checks.banter import AFFECTION


@pytest.mark.parametrize("text", [
    "nice try noob, gg, rematch?",
    "my grandma could do that jump (jk)",
    "just messing with you, great run",
    "you daft thing, I put your keys on the hook xx",
    "love you, idiot",
])
def test_friendly_markers(text):
    assert AFFECTION.search(text)


@pytest.mark.parametrize("text", [
    "nice try noob, gg ez",
    "this looks ugly, see x",  # a lone "x" (a variable, a multiplication) is no kiss
    "lol you're pathetic",
    "thanks so much, idiot",
    "I love how you broke the build",
    "another breaking change in a minor release, never change guys",  # mock praise, not a wish
    "it's adorable that you think this benchmark proves anything",  # condescension
    "we loved the cabin, but the host was rude",
    "oh we love a liar, you pathetic clown",  # sarcasm, not affection
])
def test_not_friendly(text):
    assert not AFFECTION.search(text)


@pytest.mark.parametrize("text,flagged", [
    ("you absolute troll, I love it", False),  # delight in what the reader did softens a word said to them
    ("ha, you're such a dork, I love the new haircut", False),
    ("These idiots are suing their own town! I love it.", True),  # about others, it gloats
    ("Good luck enforcing that. I'm sure they will love it too. Idiot.", True),
    ("Did you see these idiots are suing their own town? I love it.", True),  # a "you" elsewhere is not the target
    ("I can't stop wearing this ugly Christmas sweater, I absolutely love it.", False),  # delight in a thing
])
def test_delight_softens_only_a_word_said_to_the_reader(text, flagged):
    import assertlint

    found = assertlint.check(text)
    assert any(f.category == "judging" for f in found) is flagged, [(f.rule, f.text) for f in found]


@pytest.mark.parametrize("text,flagged", [
    ("I'm so proud of your first script, you goofball.", False),  # pride in the reader's work is affection
    ("He just can't be bothered to get out of bed on Sundays, bless him.", False),
    ("I'm not proud of your behaviour, you pathetic moron.", True),  # pride denied is none
    ("Nobody is proud of your work, you clown.", True),
    ("I've never been so proud of you, you crazy idiot.", False),  # "never been so proud" is pride
    ("Happy birthday, you old goat!", False),
    ("Happy birthday to the moron who broke prod.", True),  # a birthday aimed past the label
    ("I'm not that proud of you, you idiot.", True),
    ("Bless her heart, she's an idiot.", True),
])
def test_pride_counts_only_when_it_is_not_denied(text, flagged):
    import assertlint

    found = assertlint.check(text)
    assert any(f.category == "judging" for f in found) is flagged, [(f.rule, f.text) for f in found]
