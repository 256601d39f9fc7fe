"""Prose: the text handed to the parser, with a map back to offsets in the original file.

Markup readers build a Prose per block (a paragraph, a heading, a list item, a table cell).
Characters copied from the file keep their offsets; synthetic characters (a placeholder for a
code span or a URL, a space for a line break) map to the range of the file they stand for.
"""
from __future__ import annotations

from bisect import bisect_right
from itertools import islice

# Stands in for code spans and URLs: a neutral noun no rule names, which the tagger reads as a noun
# wherever it stands ("Your `fix` is garbage" parses as "Your item is garbage"; "x" was read as
# punctuation or a symbol, and the sentence around it lost its subject or object).
PLACEHOLDER = "item"


class Prose:
    __slots__ = ("_text", "_parts", "_len", "_pstarts", "_pieces")

    def __init__(self) -> None:
        # the text is built from parts and joined once when read: appending stays linear
        self._text: str | None = ""
        self._parts: list[str] = []
        self._len = 0
        self._pstarts: list[int] = []
        # (parse_start, parse_len, orig_start, orig_end, identity)
        self._pieces: list[tuple[int, int, int, int, bool]] = []

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = "".join(self._parts)
            self._parts = [self._text]
        return self._text

    def _append(self, piece: str) -> None:
        if self._text is not None and self._parts == [] and self._text:
            self._parts = [self._text]
        self._parts.append(piece)
        self._len += len(piece)
        self._text = None

    # -- as plain data (engine/parallel.py sends blocks between processes as JSON) ------------
    def to_data(self) -> list:
        return [self.text, [list(p) for p in self._pieces]]

    @classmethod
    def from_data(cls, data: list) -> "Prose":
        text, pieces = data
        out = cls()
        out._text, out._parts, out._len = text, [text], len(text)
        out._pieces = [(int(a), int(b), int(c), int(d), bool(e)) for a, b, c, d, e in pieces]
        out._pstarts = [p[0] for p in out._pieces]
        return out

    # -- building -------------------------------------------------------------------------
    def copy(self, source: str, start: int, end: int) -> None:
        """Append source[start:end] unchanged (offsets map one to one)."""
        if end <= start:
            return
        p = self._len
        last = self._pieces[-1] if self._pieces else None
        if last and last[4] and last[0] + last[1] == p and last[3] == start:
            self._pieces[-1] = (last[0], last[1] + end - start, last[2], end, True)
        else:
            self._pstarts.append(p)
            self._pieces.append((p, end - start, start, end, True))
        self._append(source[start:end])

    def synth(self, text: str, start: int, end: int) -> None:
        """Append `text`, standing for source[start:end]."""
        if not text:
            return
        p = self._len
        self._pstarts.append(p)
        self._pieces.append((p, len(text), start, end, False))
        self._append(text)

    def respelled(self, swaps: list[tuple[int, int, str]]) -> "Prose":
        """A copy where each parse range [start, end) (sorted, disjoint, each inside one copied
        piece) reads `text` instead, as a synthetic piece standing for the same source range."""
        out = Prose()
        pos = 0
        for start, end, text in swaps:
            piece = self._piece(start)
            if not piece[4] or end > piece[0] + piece[1] or end <= start:
                continue  # not wholly inside copied text: leave it as it is
            self._copy_into(out, pos, start)
            out.synth(text, self.source_start(start), self.source_end(end))
            pos = end
        self._copy_into(out, pos, self._len)
        return out

    def _copy_into(self, out: "Prose", a: int, b: int) -> None:
        """Append this prose's parse text [a, b) to `out`, with its mapping."""
        if b <= a:
            return
        i = max(bisect_right(self._pstarts, a) - 1, 0)
        text = self.text
        while i < len(self._pieces):
            ps, plen, os_, oe, ident = self._pieces[i]
            if ps >= b:
                break
            lo, hi = max(a, ps), min(b, ps + plen)
            if hi > lo:
                if ident:
                    p = out._len
                    out._pstarts.append(p)
                    out._pieces.append((p, hi - lo, os_ + lo - ps, os_ + hi - ps, True))
                    out._append(text[lo:hi])
                else:  # a synthetic piece is never cut: it goes whole
                    out.synth(text[ps : ps + plen], os_, oe)
            i += 1

    def retyped(self, text: str) -> "Prose":
        """A copy whose parse text is `text`, of the same length, each character standing where
        the one it replaces stood (a curly apostrophe typed straight): the map is unchanged."""
        if len(text) != self._len:
            raise ValueError("retyped text must keep the length")
        return Prose.from_data([text, self._pieces])

    # -- mapping --------------------------------------------------------------------------
    def _piece(self, p: int) -> tuple[int, int, int, int, bool]:
        return self._pieces[max(bisect_right(self._pstarts, p) - 1, 0)]

    def source_start(self, p: int) -> int:
        ps, plen, os_, oe, ident = self._piece(p)
        return os_ + (p - ps) if ident else os_

    def source_end(self, p: int) -> int:
        """Source offset for an exclusive parse end offset p (> 0)."""
        ps, plen, os_, oe, ident = self._piece(max(p - 1, 0))
        return os_ + (p - ps) if ident else oe

    def is_synthetic(self, p: int) -> bool:
        return not self._piece(p)[4]

    def _pieces_from(self, start: int):
        """The pieces from the one that covers source offset `start` on (pieces are in source
        order): a finding in a block of 80,000 lines looks at its own, not at all of them."""
        i = bisect_right(self._pieces, start, key=lambda p: p[2])
        return islice(self._pieces, max(i - 2, 0), None)

    def plain(self, source: str, start: int, end: int) -> bool:
        """Is source[start:end] plain prose: copied as it is, or line breaks and indentation
        joining copied lines? False when markup or masked code lies inside (an edit there
        would damage it)."""
        covered = start
        for ps, plen, os_, oe, ident in self._pieces_from(start):
            if oe <= covered:
                continue
            if os_ >= end:
                break
            if os_ > covered:
                return False  # a gap: markup the reader left out
            if not ident and source[os_:oe].strip():
                return False  # a placeholder for code, a URL or markup
            covered = oe
            if covered >= end:
                return True
        return covered >= end

    def rough_ranges(self, source: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
        """The parts of source[start:end] that are not plain prose (see `plain`): gaps the reader
        left out and placeholders for code, URLs or markup. `plain(a, b)` for a span inside
        [start, end) is True exactly when no range here overlaps it."""
        out: list[tuple[int, int]] = []
        covered = start
        for ps, plen, os_, oe, ident in self._pieces_from(start):
            if oe <= covered:
                continue
            if os_ >= end:
                break
            if os_ > covered:
                out.append((covered, os_))
            if not ident and source[os_:oe].strip():
                out.append((os_, oe))
            covered = max(covered, oe)
        if covered < end:
            out.append((covered, end))
        return tuple(out)

    def __bool__(self) -> bool:
        return bool(self.text.strip())

    def __repr__(self) -> str:
        return f"Prose({self.text!r})"
