"""context.sentence_has: the sentence, outside the match, holds one of these words (lowercase
or lemma; "$lexicon" allowed; an entry with spaces is a run of tokens)."""
from __future__ import annotations

from .. import context as ctx

KEY = "sentence_has"
DEFAULT = ()
NOOP = ()
ORDER = 70


def parse(value, fail, lexicons):
    from ...ruleset.lexicon import expand

    words = expand(value, fail, lexicons or {})
    if not isinstance(words, list) or not words or not all(isinstance(w, str) and w for w in words):
        raise fail("context.sentence_has must be a non-empty list of words")
    return tuple(w.lower() for w in words)


def keep(m, value) -> bool:
    return ctx.sentence_has(m.sent, m.start, m.end, value)
