"""context.fiction: "skip" drops a label said of a character in a story ("The ex-husband in that
movie was such a creep", "the dad on that sitcom is a total idiot"): the sentence names a person
found in a film, a book, a play or a sitcom (target.FICTION, right after the person's noun), and
names no reader ("you're acting like the villain in that movie" still judges)."""
from __future__ import annotations

from . import choice
from ..target import SECOND_GROUPS, in_fiction

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
    return not any(t.pos_ in ("NOUN", "PROPN") and in_fiction(t) for t in sent)
