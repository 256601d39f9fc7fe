"""context.negated: skip a match in a negated clause, or require one ("allow": either)."""
from __future__ import annotations

from . import choice
from .. import context as ctx

KEY = "negated"
VALUES = ("skip", "allow", "require")
DEFAULT = "allow"
NOOP = "allow"
ORDER = 20
parse = choice(KEY, VALUES)


def keep(m, value) -> bool:
    neg = ctx.negated(m.verb, m.start, m.end)
    return neg if value == "require" else not neg
