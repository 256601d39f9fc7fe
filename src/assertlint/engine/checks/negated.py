"""context.negated: skip a match in a negated clause, or require one ("allow": either); "denied":
skip only a clause that a negated verb of thinking or saying denies ("I don't think you're stupid",
"nobody thinks your code is garbage"), leaving the rule's own negation handling to its patterns."""
from __future__ import annotations

from . import choice
from .. import context as ctx

KEY = "negated"
VALUES = ("skip", "allow", "require", "denied")
DEFAULT = "allow"
NOOP = "allow"
ORDER = 20
parse = choice(KEY, VALUES)


_ARGUMENT = frozenset({"dobj", "pobj", "nsubj", "nsubjpass", "dative", "appos"})


def keep(m, value) -> bool:
    if value == "denied":
        return not ctx.denied(m.root, m.start, m.end) or ctx.endorsed(m)
    neg = ctx.negated(m.verb, m.start, m.end) and not _owned_label(m.root)
    if value == "require":
        return neg
    if neg:
        return False
    return not ctx.denied(m.root, m.start, m.end) or ctx.endorsed(m)


def _owned_label(root) -> bool:
    """"Nobody wants your whining", "your snarky comments are not helping": a label fixed to
    someone's conduct by a possessive is not undone by negating the verb around it (unlike "you
    are not rude", where the negation denies the label itself)."""
    return root.pos_ in ("NOUN", "PROPN") and root.dep_ in _ARGUMENT and any(
        c.dep_ == "poss" and c.lower_ in ("your", "ur", "yer", "his", "her", "their") for c in root.children)
