"""context.quoted: skip (default) a match inside quotation marks or reported speech."""
from __future__ import annotations

from . import choice
from .. import context as ctx

KEY = "quoted"
VALUES = ("skip", "allow")
DEFAULT = "skip"
NOOP = "allow"
ORDER = 10
parse = choice(KEY, VALUES)


def keep(m, value) -> bool:
    first, last = m.doc[m.start], m.doc[m.end - 1]
    if ctx.in_regions(m.quotes, m.base + first.idx, m.base + last.idx + len(last)):
        return False
    return not ctx.reported(m.doc, m.root)
