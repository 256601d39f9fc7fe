"""What a reader's `plan` yields: one partition before it has its global index. Its own module,
so the readers depend on it and never on the package that dispatches to them."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Piece:
    """A partition before it has its global index."""

    start: int
    stop: int
    first: int
    count: int
    header: tuple[str, ...] = ()
    files: tuple[str, ...] = ()
    id_type: str = "string"
    delimiter: str = ","
