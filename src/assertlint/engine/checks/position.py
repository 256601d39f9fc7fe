"""context.position: the match must start the sentence, or be the whole sentence."""
from __future__ import annotations

from . import choice
from .. import context as ctx

KEY = "position"
VALUES = ("any", "sentence-start", "whole-sentence")
DEFAULT = "any"
NOOP = "any"
ORDER = 60
parse = choice(KEY, VALUES)


def keep(m, value) -> bool:
    if value == "sentence-start":
        return ctx.at_sentence_start(m.sent, m.start)
    return ctx.whole_sentence(m.sent, m.start, m.end)
