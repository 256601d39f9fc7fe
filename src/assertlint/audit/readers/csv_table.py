"""CSV (or TSV, by suffix) with a header row naming the columns. Quoted fields may hold line
breaks, so the plan parses records (one streaming pass) rather than cutting at newlines.
Record = data row, from 1 (the header is not counted)."""
from __future__ import annotations

import codecs
import csv
from collections.abc import Iterator

from ...errors import InputError
from ..model import Columns, Message, Partition
from ..values import from_mapping
from .piece import Piece

BOM = codecs.BOM_UTF8
csv.field_size_limit(2**31 - 1)  # one long message must not stop the archive


class _Offset:
    """The byte offset after the last line handed to the csv reader."""

    def __init__(self, pos: int) -> None:
        self.pos = pos


def _lines(fh, at: _Offset) -> Iterator[str]:
    for raw in iter(fh.readline, b""):
        if at.pos == 0 and raw.startswith(BOM):
            raw = raw[len(BOM):]
            at.pos += len(BOM)
        at.pos += len(raw)
        # surrogateescape keeps the record structure of a line that is not valid UTF-8;
        # the record is then reported (never silently altered)
        yield raw.decode("utf-8", "surrogateescape")


class _Rows:
    """csv rows from a binary file with the byte offset after each row (no read-ahead: the csv
    module pulls exactly the lines a record needs). The line generator holds the offset, not the
    _Rows, so no reference cycle keeps a finished partition's buffers alive."""

    def __init__(self, fh, pos: int, delimiter: str) -> None:
        self._at = _Offset(pos)
        self.reader = csv.reader(_lines(fh, self._at), delimiter=delimiter)

    @property
    def pos(self) -> int:
        return self._at.pos

    def __iter__(self):
        return self

    def __next__(self) -> list[str]:
        while True:
            row = next(self.reader)
            if row:  # a blank line is no record
                return row


def delimiter_for(path: str) -> str:
    return "\t" if path.lower().endswith(".tsv") else ","


def plan(source: str, path: str, target: int, columns: Columns) -> Iterator[Piece]:
    delim = delimiter_for(path)
    with open(path, "rb") as fh:
        rows = _Rows(fh, 0, delim)
        try:
            header = tuple(next(rows))
        except StopIteration:
            return
        except csv.Error as err:
            raise InputError(source, f"is not valid CSV ({err})") from None
        if columns.text not in header:
            shown = ", ".join(header[:12]) + (", ..." if len(header) > 12 else "")
            raise InputError(source, f"has no column {columns.text!r} (its columns: {shown}); "
                                     f"name the text column with --column text=NAME")
        id_type = "string"
        start, first, n, count = rows.pos, 1, 0, 0
        while True:
            try:
                next(rows)
            except StopIteration:
                break
            except csv.Error as err:
                raise InputError(source, f"row {n + 1}: is not valid CSV ({err})") from None
            n += 1
            count += 1
            if rows.pos - start >= target:
                yield Piece(start, rows.pos, first, count, header=header, id_type=id_type, delimiter=delim)
                start, first, count = rows.pos, n + 1, 0
        if count:
            yield Piece(start, rows.pos, first, count, header=header, id_type=id_type, delimiter=delim)


def read(part: Partition, columns: Columns) -> Iterator[Message]:
    header = part.header
    with open(part.path, "rb") as fh:
        fh.seek(part.start)
        rows = _Rows(fh, part.start, part.delimiter)
        n = part.first - 1
        while rows.pos < part.stop:
            try:
                row = next(rows)
            except StopIteration:
                break
            n += 1
            where = f"row {n}"
            if len(row) != len(header):
                yield Message(part.source, n, error=f"{part.source}: {where}: {len(row)} fields, the header has {len(header)}")
                continue
            obj = dict(zip(header, row))
            bad = next((v for v in row if _has_surrogates(v)), None)
            if bad is not None:
                yield Message(part.source, n, error=f"{part.source}: {where}: not valid UTF-8")
                continue
            for key in (columns.author, columns.channel, columns.thread, columns.timestamp, columns.id):
                if obj.get(key) == "":
                    obj[key] = None  # an empty cell is no value
            yield from_mapping(obj, part.source, n, columns, part.id_type, where)


def _has_surrogates(s: str) -> bool:
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False

