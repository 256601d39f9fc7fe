"""Code spans and HTML comments found by a scanner, not a backtracking regex: a run of backticks
closes at the next run of exactly the same length (CommonMark), a comment at the next `-->`.
Both are linear in the text whatever it holds (a regex with a lazy body and a back-reference is
cubic on a long run of backticks, and `<!--.*?-->` quadratic on many unclosed comments)."""
from __future__ import annotations

import re
from bisect import bisect_right

TICK_RUN = re.compile(r"`++")


class TickRuns:
    """The backtick runs of text[start:end], by length: closing a span is a lookup."""

    __slots__ = ("_by_len",)

    def __init__(self, text: str, start: int, end: int) -> None:
        by_len: dict[int, list[int]] = {}
        for m in TICK_RUN.finditer(text, start, end):
            by_len.setdefault(m.end() - m.start(), []).append(m.start())
        self._by_len = by_len

    def closing(self, s: int, e: int) -> int | None:
        """The end of the code span that the run text[s:e] opens, or None (the run is literal)."""
        starts = self._by_len.get(e - s, ())
        i = bisect_right(starts, s)
        return starts[i] + (e - s) if i < len(starts) else None


def code_spans(text: str, start: int = 0, end: int | None = None):
    """(start, end) of each code span in text[start:end] (one line: spans never cross lines here)."""
    end = len(text) if end is None else end
    if text.find("`", start, end) == -1:
        return
    runs = TickRuns(text, start, end)
    pos = start
    while True:
        m = TICK_RUN.search(text, pos, end)
        if m is None:
            return
        close = runs.closing(m.start(), m.end())
        if close is None:
            pos = m.end()
            continue
        yield m.start(), close
        pos = close


def comment_spans(text: str, start: int = 0, end: int | None = None):
    """(start, end) of each HTML comment `<!-- ... -->` in text[start:end]; an unclosed one is none."""
    end = len(text) if end is None else end
    pos = start
    while True:
        s = text.find("<!--", pos, end)
        if s == -1:
            return
        e = text.find("-->", s + 4, end)
        if e == -1:
            return  # no comment closes after here: none after a later opening either
        yield s, e + 3
        pos = e + 3
