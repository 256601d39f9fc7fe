"""Plain text: read as a message draft (see formats/email.py): quoted replies, reply headers,
signatures and fenced code are not the writer's words."""
from __future__ import annotations

from .email import INLINE, code_lines, prose_blocks

NAME = "text"
SUFFIXES = (".txt", ".text")
DIRECTIVES_IN_COMMENTS = False

__all__ = ["NAME", "SUFFIXES", "DIRECTIVES_IN_COMMENTS", "INLINE", "code_lines", "prose_blocks"]
