"""context.question: skip a match in a question, or require one ("allow": either)."""
from __future__ import annotations

from . import choice
from .. import context as ctx

KEY = "question"
VALUES = ("skip", "allow", "require")
DEFAULT = "allow"
NOOP = "allow"
ORDER = 50
parse = choice(KEY, VALUES)


def keep(m, value) -> bool:
    q = ctx.is_question(m.sent)
    return q if value == "require" else not q
