"""context.focus: which of the match's tokens context.target judges (a dependency node's name or
a token index); the span's root when unset. It filters nothing by itself."""
from __future__ import annotations

KEY = "focus"
DEFAULT = None
NOOP = None
ORDER = 81


def parse(value, fail, lexicons):
    if not isinstance(value, str) or not value:
        raise fail("context.focus must name a dependency node or a token index")
    return value


def keep(m, value) -> bool:
    return True
