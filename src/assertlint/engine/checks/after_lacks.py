"""context.after_lacks: the sentence just before the match's sentence, in the same paragraph, holds
none of these words ("$lexicon" allowed). With context.after it tells whose deed the sentence
before was: "You pushed straight to main. Unacceptable." judges the reader, where "You and I both
pushed straight to main. Unacceptable." shares the blame.
"""
from __future__ import annotations

from . import single_words
from .after import previous_sentence
from .after_has import words_of

KEY = "after_lacks"
DEFAULT = ()
NOOP = ()
ORDER = 67
parse = single_words(KEY)


def keep(m, value) -> bool:
    if m.block is None:
        return True
    start = m.base + m.sent.start_char
    return value.isdisjoint(words_of(previous_sentence(m.block, start)))
