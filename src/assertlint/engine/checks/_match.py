"""What a context check sees of one match: the parse, the span and what is derived from it
(computed once, on first use)."""
from __future__ import annotations

from functools import cached_property

from .. import context as ctx


class MatchContext:
    def __init__(self, doc, start: int, end: int, *, quotes, base: int, lexicons: dict, refs=None,
                 context=None, block: str | None = None, prose=None, source: str | None = None) -> None:
        self.doc = doc
        self.block = block  # the text of the whole prose block (parse text), when the caller has it
        self.prose = prose  # the block itself (its offsets map back into `source`), and
        self.source = source  # the whole input it came from, when the caller has them
        self.refs = refs or {}  # the match's named tokens: "0", "1", ... or a dependency node's RIGHT_ID
        self.context = context  # the rule's whole [context] table (a check may read another key)
        self.start = start  # token indices, end exclusive
        self.end = end
        self.quotes = quotes  # quotation regions of the prose block (parse offsets)
        self.base = base  # offset of this parse unit in its prose block
        self.lexicons = lexicons

    @cached_property
    def root(self):
        return ctx.span_root(self.doc, self.start, self.end)

    @cached_property
    def verb(self):
        return ctx.governing_verb(self.root)

    @cached_property
    def sent(self):
        return self.doc[self.start].sent
