"""context.quoted: skip (default) a match inside quotation marks or reported speech, or a word
talked about rather than said ("the word idiot", "stop calling people idiots")."""
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
    # the word the rule judges by is someone else's, quoted: 'he called the maintainers "lazy clowns"'
    focus_name = m.context.get("focus") if m.context is not None else None
    if focus_name in m.refs:
        word = m.doc[m.refs[focus_name]]
        if ctx.in_regions(m.quotes, m.base + word.idx, m.base + word.idx + len(word)):
            return False
        # ... or given as a name by someone else: "someone called the plan delusional"
        if word.i != m.root.i and ctx.mentioned(word, single=False):
            return ctx.endorsed(m)
    if ctx.reported(m.doc, m.root) or ctx.mentioned(m.root, single=m.end - m.start == 1):
        return ctx.endorsed(m)  # "they call you an idiot, and they're right" is said after all
    return True
