"""Helpers every input format shares: lines with their offsets, paragraphs made of line ranges
(inline markup masked), list items."""
from __future__ import annotations

import re
from collections.abc import Iterable

from .inline import add_inline
from .prose import Prose

LIST_ITEM = re.compile(r"^[ \t]*(?:[-*+\u2022]|\d+[.)]|#\.)[ \t]+(?=\S)")

def lines_of(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line without its line ending ("\\n", "\\r\\n" or a trailing "\\r")."""
    out = []
    pos = 0
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        end = n if nl == -1 else nl
        content_end = end - 1 if end > pos and text[end - 1] == "\r" else end
        out.append((pos, content_end))
        if nl == -1:
            break
        pos = nl + 1
    return out


def paragraph(text: str, ranges: Iterable[tuple[int, int]], pattern) -> Prose:
    prose = Prose()
    prev_end = None
    for s, e in ranges:
        if prev_end is not None:
            prose.synth(" ", prev_end, s)
        add_inline(prose, text, s, e, pattern)
        prev_end = e
    return prose


def strip_range(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in " \t":
        s += 1
    while e > s and text[e - 1] in " \t":
        e -= 1
    return s, e
