"""context.fiction: "skip" drops a label said of a character in a story ("The ex-husband in that
movie was such a creep", "the dad on that sitcom is a total idiot"): the sentence names a person
found in a film, a book, a play or a sitcom (target.FICTION, right after the person's noun), and
names no reader ("you're acting like the villain in that movie" still judges)."""
from __future__ import annotations

from . import choice
from ..target import FICTION, SECOND_GROUPS

KEY = "fiction"
VALUES = ("allow", "skip")
DEFAULT = "allow"
NOOP = "allow"
ORDER = 74
parse = choice(KEY, VALUES)

_READER = SECOND_GROUPS | {"your", "ur", "yours", "you're", "youre", "ya"}


def keep(m, value) -> bool:
    sent = m.sent
    if any(t.lower_ in _READER for t in sent):
        return True
    # (read off the preposition, wherever the parser hangs it: "the ex in that movie was ..."; the
    # preposition must follow a noun, the character: "he fell asleep in the movie" names none)
    doc = sent.doc
    return not any(t.dep_ == "pobj" and t.lemma_.lower() in FICTION and t.head.lower_ in _WHERE
                   and t.head.i > sent.start and doc[t.head.i - 1].pos_ in ("NOUN", "PROPN") for t in sent)


_WHERE = frozenset({"in", "from", "on"})
