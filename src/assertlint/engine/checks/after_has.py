"""context.after_has: the sentence just before the match's sentence, in the same paragraph, holds
one of these words ("$lexicon" allowed; "n't" stands for any negated contraction). With
context.after it reads the same sentence: "You left every field blank. Very helpful." is sarcasm
where "You fixed the race in one line. Impressive." is praise, and the difference is in the
sentence before.
"""
from __future__ import annotations

import re

from . import single_words
from .after import previous_sentence

KEY = "after_has"
DEFAULT = ()
NOOP = ()
ORDER = 66
parse = single_words(KEY)


def words_of(sentence: str) -> set[str]:
    """The sentence's words, lower-cased with straight apostrophes, and "n't" when it negates a
    verb ("didn't", "doesnt", "can't")."""
    out = set(_WORDS.findall(sentence.lower().replace("\u2019", "'")))
    if any(w.endswith("n't") or (w.endswith("nt") and w[:-2] in _NEGATABLE) for w in out):
        out.add("n't")
    return out


_WORDS = re.compile(r"[a-z0-9]+(?:['-][a-z0-9]+)*")
_NEGATABLE = frozenset("do does did is are was were have has had could would should ca wo ai".split())


def keep(m, value) -> bool:
    if m.block is None:
        return False
    start = m.base + m.sent.start_char
    return not value.isdisjoint(words_of(previous_sentence(m.block, start)))
