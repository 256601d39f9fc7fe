"""An open document as the server holds it, and LSP positions.

LSP positions are (line, character): lines end at "\\n", "\\r\\n" or "\\r"; characters count code
units of the negotiated encoding (UTF-16 unless the client and server agreed on UTF-8 or UTF-32).
assertlint's findings carry code-point offsets into the text, so every position crosses here.
Incremental changes are applied by offset, which keeps CRLF, lone CR, BOM and astral characters
exactly as the client has them.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"
_EOL = re.compile(r"\r\n|\r|\n")


def units(s: str, encoding: str) -> int:
    """The length of `s` in code units of `encoding`."""
    if encoding == UTF32 or s.isascii():
        return len(s)
    if encoding == UTF8:
        return len(s.encode("utf-8", "surrogatepass"))
    return len(s.encode("utf-16-le", "surrogatepass")) // 2


def _index_of_units(s: str, n: int, encoding: str) -> int:
    """The code-point index in `s` where `n` code units have passed (a position inside a
    character lands after it); clamped to len(s)."""
    if n <= 0:
        return 0
    if encoding == UTF32 or s.isascii():
        return min(n, len(s))
    count = 0
    for i, ch in enumerate(s):
        if count >= n:
            return i
        o = ord(ch)
        if encoding == UTF8:
            count += 1 if o < 0x80 else 2 if o < 0x800 else 3 if o < 0x10000 else 4
        else:
            count += 2 if o > 0xFFFF else 1
    return len(s)


class Lines:
    """Line starts of a text by LSP's rules."""

    __slots__ = ("text", "starts")

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0] + [m.end() for m in _EOL.finditer(text)]

    def line_end(self, line: int) -> int:
        """Offset of the end of `line`'s content (before its line break)."""
        if line + 1 < len(self.starts):
            end = self.starts[line + 1]
            brk = self.text[end - 2 : end] if end >= 2 else self.text[:end]
            return end - (2 if brk == "\r\n" else 1)
        return len(self.text)

    def offset_at(self, line: int, character: int, encoding: str) -> int:
        """The code-point offset of an LSP position (clamped into the text, as the spec asks)."""
        if line < 0:
            return 0
        if line >= len(self.starts):
            return len(self.text)
        start = self.starts[line]
        end = self.line_end(line)
        return start + _index_of_units(self.text[start:end], character, encoding)

    def position_at(self, offset: int, encoding: str) -> tuple[int, int]:
        offset = max(0, min(offset, len(self.text)))
        line = bisect_right(self.starts, offset) - 1
        start = self.starts[line]
        end = self.line_end(line)
        return line, units(self.text[start : min(offset, end)], encoding)


@dataclass
class Document:
    uri: str
    text: str
    version: int | None
    language_id: str = ""
    path: str | None = None  # a file system path (file: URIs), else None
    changed_at: float = float("-inf")  # event-loop time of the last change (for the debounce)
    _lines: Lines | None = None

    @property
    def lines(self) -> Lines:
        if self._lines is None or self._lines.text is not self.text:
            self._lines = Lines(self.text)
        return self._lines

    def apply(self, change, encoding: str) -> None:
        """One content change: with a range (incremental) or the whole text."""
        rng = getattr(change, "range", None)
        if rng is None:
            self.text = change.text
            return
        lines = self.lines
        a = lines.offset_at(rng.start.line, rng.start.character, encoding)
        b = lines.offset_at(rng.end.line, rng.end.character, encoding)
        if b < a:
            a, b = b, a
        self.text = self.text[:a] + change.text + self.text[b:]
