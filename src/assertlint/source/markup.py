"""Markup → prose blocks with exact source offsets, through the input format registry
(source/formats: one module per format). Code, URLs, quoted replies, signatures and front matter
never reach the parser."""
from __future__ import annotations

from . import formats
from .prose import Prose


def kind_for(path: str | None) -> str:
    """The input format of `path`, by suffix ("text" when no format owns it)."""
    return formats.for_path(path).NAME


def prose_blocks(text: str, kind: str = "text", *, include_blockquotes: bool = False) -> list[Prose]:
    return formats.get(kind).prose_blocks(text, include_blockquotes)
