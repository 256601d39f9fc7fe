"""JSON Lines: one JSON object per line; `text` and metadata are fields (`a.b` reaches into
nested objects, e.g. `user.login` in a GitHub issues dump). Record = line number."""
from __future__ import annotations

import codecs
import json
from collections.abc import Iterator

from ..model import Columns, Message, Partition
from ..values import _MISSING, from_mapping, id_type_of, lookup
from .piece import Piece

BOM = codecs.BOM_UTF8


def plan(source: str, path: str, target: int, columns: Columns) -> Iterator[Piece]:
    id_type = None
    with open(path, "rb") as fh:
        start = pos = 0
        line = first = 1
        count = 0
        for raw in fh:
            pos += len(raw)
            if raw.strip():
                count += 1
                if id_type is None:
                    id_type = _peek_id_type(raw, columns)
            if pos - start >= target:
                yield Piece(start, pos, first, count, id_type=id_type or "string")
                start, first, count = pos, line + 1, 0
            line += 1
        if pos > start:
            yield Piece(start, pos, first, count, id_type=id_type or "string")


def _peek_id_type(raw: bytes, columns: Columns) -> str | None:
    """The `id` column's type, from the first record that parses ("int64" keeps integer ids)."""
    try:
        obj = json.loads(raw[len(BOM):] if raw.startswith(BOM) else raw)
    except ValueError:
        return None
    if not isinstance(obj, dict):
        return None
    value = lookup(obj, columns.id)
    return "string" if value is _MISSING or value is None else id_type_of(value)


def read(part: Partition, columns: Columns) -> Iterator[Message]:
    with open(part.path, "rb") as fh:
        fh.seek(part.start)
        pos, line = part.start, part.first - 1
        while pos < part.stop:
            raw = fh.readline()
            if not raw:
                break
            pos += len(raw)
            line += 1
            if line == 1 and raw.startswith(BOM):
                raw = raw[len(BOM):]
            if not raw.strip():
                continue
            try:
                obj = json.loads(raw)
            except UnicodeDecodeError as err:
                yield Message(part.source, line, error=f"{part.source}: line {line}: not valid UTF-8 ({err.reason})")
                continue
            except ValueError as err:
                why = getattr(err, "msg", None) or str(err)
                yield Message(part.source, line, error=f"{part.source}: line {line}: not valid JSON ({why})")
                continue
            yield from_mapping(obj, part.source, line, columns, part.id_type, f"line {line}")
