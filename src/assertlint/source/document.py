"""A line index over a text: offsets → 1-based line and column, computed once per document."""
from __future__ import annotations

from bisect import bisect_right


class LineIndex:
    """Maps 0-based character offsets to 1-based (line, column).

    Lines end after "\\n"; a lone "\\r" is not a line end, and "\\r\\n" counts as two characters,
    so offsets agree with the file's text exactly.
    """

    __slots__ = ("_starts",)

    def __init__(self, text: str) -> None:
        starts = [0]
        find = text.find
        pos = find("\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = find("\n", pos + 1)
        self._starts = starts

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1

    def line_start(self, line: int) -> int:
        return self._starts[line - 1]

    def __len__(self) -> int:
        return len(self._starts)
