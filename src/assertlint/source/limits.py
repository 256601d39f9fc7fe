"""Bounds on the work one input may cost, so that any file (a 5 MB line, a 100,000-row table, a
base64 blob, a paragraph of 80,000 lines) is checked in bounded time and memory. Each bound sits
far above a normal document: a 200,000-word book parses about 70,000 characters after the gate.
Past a bound the file gets a note saying what was left out, and the other files are checked."""
from __future__ import annotations

import re

from .prose import PLACEHOLDER, Prose

MAX_READ_CHARS = 8_000_000  # the markup of at most this much of a file is read (about 1.3 million words)
MAX_PARSE_CHARS = 250_000  # characters a file may send to the parser after the gate
MAX_WORD_CHARS = 100  # a longer run without spaces (base64, minified data, a hash) is not prose
MAX_TABLE_ROWS = 2_000  # Markdown: rows of one table past this are not read
MAX_DIRECTIVES = 1_000  # inline suppression directives counted in one file

_LONG_WORD = re.compile(rf"(?<!\S)\S{{{MAX_WORD_CHARS + 1},}}+")


def readable_part(text: str) -> tuple[str, str | None]:
    """The part of `text` whose markup is read (whole lines), and a note when that is not all."""
    if len(text) <= MAX_READ_CHARS:
        return text, None
    cut = text.rfind("\n", 0, MAX_READ_CHARS) + 1 or MAX_READ_CHARS
    line = text.count("\n", 0, cut) + (0 if text[cut - 1 : cut] == "\n" else 1)
    return text[:cut], (f"too long to check fully ({len(text):,} characters): checked the first "
                        f"{cut:,}, up to line {line}")


def mask_long_words(prose: Prose) -> Prose:
    """Runs without spaces longer than MAX_WORD_CHARS read as a placeholder, as code does: the
    parser never sees a megabyte "word", and no rule's regex runs on one."""
    text = prose.text
    if len(text) <= MAX_WORD_CHARS:
        return prose
    swaps = [(m.start(), m.end(), PLACEHOLDER) for m in _LONG_WORD.finditer(text)]
    return prose.respelled(swaps) if swaps else prose
