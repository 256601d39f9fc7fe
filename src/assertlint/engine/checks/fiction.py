"""context.fiction: "skip" drops a label said of a character in a story ("The ex-husband in that
movie was such a creep", "the dad on that sitcom is a total idiot"): the sentence names a person
found in a film, a book, a play or a sitcom (target.FICTION, right after the person's noun), and
names no reader ("you're acting like the villain in that movie" still judges). A sentence set inside a
story from its first words ("In the novel, the mayor is a crook") or about a story's villain or narrator
("the villain's monologue about how everyone is a fool") is told of characters as well."""
from __future__ import annotations

from . import choice
from ..target import FICTION, SECOND_GROUPS, in_fiction

KEY = "fiction"
VALUES = ("allow", "skip")
DEFAULT = "allow"
NOOP = "allow"
ORDER = 74
parse = choice(KEY, VALUES)

_READER = SECOND_GROUPS | {"your", "ur", "yours", "you're", "youre", "ya"}


_CHARACTERS = frozenset({"villain", "villains", "protagonist", "protagonists", "antagonist", "narrator", "heroine", "antihero"})
_CHARACTER_DEPS = frozenset({"nsubj", "nsubjpass", "poss"})


# A play can be a move in a game ("in that play, the ref was ..."): it does not open a story frame
_NOT_FRAMES = frozenset({"play"})
# Words that say a character's story is being discussed ("the villain's monologue ... best scenes")
_STORY_CUES = FICTION | {"scene", "scenes", "monologue", "plot", "chapter", "chapters", "series", "season", "story", "ending"}


def _story_frame(sent) -> bool:
    """"In the novel, ...", "In that old western the sheriff ...": the sentence opens inside a story."""
    first = sent[0]
    if first.lower_ != "in":
        return False
    return any(o.dep_ == "pobj" and o.lemma_.lower() in FICTION and o.lemma_.lower() not in _NOT_FRAMES
               and o.i - first.i <= 4 for o in first.children)


def _about_character(sent) -> bool:
    """The story's villain or narrator is talked about, and the sentence says it is a story."""
    return (any(t.lower_ in _CHARACTERS and t.dep_ in _CHARACTER_DEPS for t in sent)
            and any(t.lemma_.lower() in _STORY_CUES for t in sent))


def keep(m, value) -> bool:
    sent = m.sent
    if any(t.lower_ in _READER for t in sent):
        return True
    if _story_frame(sent) or _about_character(sent):
        return False
    return not any(t.pos_ in ("NOUN", "PROPN") and in_fiction(t) for t in sent)
