"""context.after: the sentence just before the match's sentence, in the same paragraph, opens with
one of these phrases ("$lexicon" allowed). Some turns are only hostile after what came before:
"Shame it doesn't compile." after "Beautiful code.", "Bold plan." after "So you're saying we
should rewrite the parser." A rule asks for the opening it needs; the check reads the raw text of
the paragraph (the previous sentence is not parsed with this one), after chat openers ("oh",
"wow", "ok", "well").
"""
from __future__ import annotations

import re

from . import words
from .. import context as ctx

KEY = "after"
DEFAULT = ()
NOOP = ()
ORDER = 65

# The sentence before is read from at most this many characters before the match's sentence, so
# the check is a bounded step however long the paragraph.
WINDOW = 600
_END = re.compile(r"(?<![.!?\u2026])[.!?\u2026]+[\"'\u201d\u2019)\]]*\s+")
_WORDS = re.compile(r"[a-z0-9]+(?:['\u2019][a-z]+)?")


_parse = words(KEY, "phrases")


def parse(value, fail, lexicons):
    return tuple(tuple(w.split()) for w in _parse(value, fail, lexicons))


def previous_sentence(block: str, base: int) -> str:
    """The sentence that ends where the text at `base` starts ("" when the paragraph starts there)."""
    before = block[max(0, base - WINDOW):base].rstrip()
    if not before:
        return ""
    starts = [m.end() for m in _END.finditer(before)]
    return before[starts[-1]:] if starts else before


def opening(sentence: str) -> list[str]:
    """The sentence's words, lower-cased with straight apostrophes, chat openers left off."""
    found = [w.replace("\u2019", "'") for w in _WORDS.findall(sentence.lower())]
    k = 0
    while k < len(found) - 1 and found[k] in ctx.OPENERS and found[k] != "so":
        k += 1
    return found[k:]


def keep(m, value) -> bool:
    if m.block is None:
        return False
    start = m.base + m.sent.start_char  # the parser may find two sentences in one unit
    said = opening(previous_sentence(m.block, start))
    return any(tuple(said[:len(p)]) == p for p in value)
