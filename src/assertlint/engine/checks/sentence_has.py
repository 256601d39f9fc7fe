"""context.sentence_has: the sentence, outside the match, holds one of these words (lowercase
or lemma; "$lexicon" allowed; an entry with spaces is a run of tokens)."""
from __future__ import annotations

from . import words
from .. import context as ctx

KEY = "sentence_has"
DEFAULT = ()
NOOP = ()
ORDER = 70


_parse = words(KEY)


def parse(value, fail, lexicons):
    return tuple(_parse(value, fail, lexicons))


def keep(m, value) -> bool:
    return ctx.sentence_has(m.sent, m.start, m.end, value)
