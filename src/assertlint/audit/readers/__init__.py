"""Input formats. Each module has

    plan(source, path, target, columns) -> Iterator[Piece]   on the client, streaming
    read(partition, columns) -> Iterator[Message]             on a worker, one partition

`plan` cuts an archive into pieces of about `target` bytes of input at record boundaries, with
one pass and bounded memory; `read` reads exactly the records of one piece. The cut depends on
the archive and `target` only, never on the number of workers, so a rerun plans the same
partitions and can resume. `module(fmt)` finds a format's module by name (MODULES), so
adding a format is one module here, its entry in MODULES and its name in model.FORMATS.
"""
from __future__ import annotations

import importlib
import os
from collections.abc import Iterator
from types import ModuleType

from ...errors import InputError
from ..model import FORMATS, Columns, Message, Partition
from .piece import Piece

# format name -> its module in this package
MODULES = {"jsonl": "jsonl", "csv": "csv_table", "parquet": "parquet", "mbox": "mbox", "slack": "slack"}

SUFFIXES = {
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".csv": "csv", ".tsv": "csv",
    ".parquet": "parquet", ".pq": "parquet",
    ".mbox": "mbox", ".mbx": "mbox",
}


def module(fmt: str) -> ModuleType:
    """The reader module of format `fmt`, imported by name on first use (a worker imports only
    the readers it runs; the readers never import this package back)."""
    try:
        name = MODULES[fmt]
    except KeyError:
        raise ValueError(f"unknown format {fmt!r}") from None
    return importlib.import_module(f"{__name__}.{name}")


def detect(path: str) -> str:
    """The format of `path` from its suffix or shape; InputError when it cannot be told."""
    if os.path.isdir(path):
        if any(os.path.isfile(os.path.join(path, n)) for n in ("channels.json", "users.json", "groups.json", "dms.json")):
            return "slack"
        raise InputError(path, "is a folder but not a Slack export (no channels.json or users.json in it)")
    if not os.path.exists(path):
        raise InputError(path, "no such file or directory")
    ext = os.path.splitext(path)[1].lower()
    if ext in SUFFIXES:
        return SUFFIXES[ext]
    try:
        with open(path, "rb") as fh:
            head = fh.read(5)
    except OSError as err:
        raise InputError(path, f"cannot be read ({err.strerror or err})") from None
    if head == b"From ":
        return "mbox"  # Unix mailboxes often have no suffix
    raise InputError(path, f"cannot tell its format from the name; use --input-format ({', '.join(FORMATS)})")


def plan(source: str, fmt: str, target: int, columns: Columns, first_index: int = 0) -> Iterator[Partition]:
    """The partitions of one archive, numbered from `first_index`. InputError for an archive
    that cannot be read at all (missing, no text column); record-level problems surface later."""
    path = os.path.abspath(source)
    if fmt == "slack":
        if not os.path.isdir(path):
            raise InputError(source, "is not a folder (a Slack export is the unpacked export folder)")
    elif not os.path.isfile(path):
        raise InputError(source, "no such file" if not os.path.exists(path) else "is not a file")
    i = first_index
    try:
        for piece in module(fmt).plan(source, path, target, columns):
            yield Partition(index=i, fmt=fmt, source=source, path=path, start=piece.start, stop=piece.stop,
                            first=piece.first, count=piece.count, header=piece.header, files=piece.files,
                            id_type=piece.id_type, delimiter=piece.delimiter)
            i += 1
    except OSError as err:
        raise InputError(source, f"cannot be read ({err.strerror or err})") from None


def read(part: Partition, columns: Columns, name_of=None) -> Iterator[Message]:
    """The messages of one partition. `name_of` pseudonymises names inside the text where a
    format marks them (Slack mentions)."""
    if part.fmt == "slack":
        return module(part.fmt).read(part, columns, name_of=name_of)
    return module(part.fmt).read(part, columns)


__all__ = ["Piece", "detect", "plan", "read", "module"]
