"""Parquet: a text column and optional metadata columns. Partitions follow row groups; a large
row group is cut into row slices (read by streaming batches, so memory stays bounded by the
batch, not the group). Record = row, from 1. The `id` column keeps its type (integers stay
integers; other types become text)."""
from __future__ import annotations

import math
from collections.abc import Iterator

from ...errors import InputError
from ..model import ROLES, Columns, Message, Partition
from ..values import from_mapping
from .piece import Piece

MAX_SLICES_PER_GROUP = 64  # each slice skips the rows before it: bound that cost
BATCH_ROWS = 1024


def _open(source: str, path: str):
    import pyarrow.parquet as pq

    try:
        return pq.ParquetFile(path)
    except Exception as err:  # pyarrow raises ArrowInvalid/OSError for a file that is not Parquet
        raise InputError(source, f"is not a readable Parquet file ({err})") from None


def _id_type(pf, columns: Columns) -> str:
    import pyarrow as pa

    schema = pf.schema_arrow
    if columns.id not in schema.names:
        return "string"
    t = schema.field(columns.id).type
    return "int64" if pa.types.is_integer(t) else "string"


def plan(source: str, path: str, target: int, columns: Columns) -> Iterator[Piece]:
    pf = _open(source, path)
    names = pf.schema_arrow.names
    if columns.text not in names:
        shown = ", ".join(names[:12]) + (", ..." if len(names) > 12 else "")
        raise InputError(source, f"has no column {columns.text!r} (its columns: {shown}); "
                                 f"name the text column with --column text=NAME")
    id_type = _id_type(pf, columns)
    meta = pf.metadata
    row = 0
    start, size = 0, 0
    for g in range(meta.num_row_groups):
        rg = meta.row_group(g)
        rows, nbytes = rg.num_rows, rg.total_byte_size
        if nbytes > target and rows > 1:  # cut a big group into slices of its own
            if row > start:
                yield Piece(start, row, start + 1, row - start, id_type=id_type)
            slices = min(MAX_SLICES_PER_GROUP, rows, math.ceil(nbytes / target))
            step = math.ceil(rows / slices)
            for a in range(row, row + rows, step):
                b = min(a + step, row + rows)
                yield Piece(a, b, a + 1, b - a, id_type=id_type)
            row += rows
            start, size = row, 0
            continue
        row += rows
        size += nbytes
        if size >= target:
            yield Piece(start, row, start + 1, row - start, id_type=id_type)
            start, size = row, 0
    if row > start:
        yield Piece(start, row, start + 1, row - start, id_type=id_type)


def read(part: Partition, columns: Columns) -> Iterator[Message]:
    pf = _open(part.source, part.path)
    meta = pf.metadata
    names = set(pf.schema_arrow.names)
    wanted = [columns.text] + [getattr(columns, r) for r in ROLES if getattr(columns, r) in names]
    wanted = list(dict.fromkeys(wanted))
    groups, row, first_row = [], 0, None
    for g in range(meta.num_row_groups):
        n = meta.row_group(g).num_rows
        if row + n > part.start and row < part.stop:
            groups.append(g)
            if first_row is None:
                first_row = row
        row += n
    if not groups:
        return
    row = first_row
    for batch in pf.iter_batches(batch_size=BATCH_ROWS, row_groups=groups, columns=wanted):
        n = batch.num_rows
        if row + n <= part.start:
            row += n
            continue
        lo = max(0, part.start - row)
        hi = min(n, part.stop - row)
        if lo > 0 or hi < n:
            batch = batch.slice(lo, hi - lo)
        for i, obj in enumerate(batch.to_pylist()):
            rec = row + lo + i + 1
            yield from_mapping(obj, part.source, rec, columns, part.id_type, f"row {rec}")
        row += n
        if row >= part.stop:
            break
