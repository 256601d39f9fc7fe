"""context.praise: skip a match whose verb praises ("you always deliver")."""
from __future__ import annotations

from . import choice
from .. import context as ctx

KEY = "praise"
VALUES = ("skip", "allow")
DEFAULT = "allow"
NOOP = "allow"
ORDER = 40
parse = choice(KEY, VALUES)


def keep(m, value) -> bool:
    return not ctx.praised(m.verb, m.start, m.end, m.lexicons)
