"""Inline masking shared by every markup reader: code spans, URLs, e-mail addresses, markup."""
from __future__ import annotations

import re

from .prose import PLACEHOLDER, Prose
from .directives import DIRECTIVE_UNNAMED

_COMMON = [
    r"(?P<code>(?P<ticks>`+)(?:(?!(?P=ticks)).)+?(?P=ticks))",
    r"(?P<url>(?:https?|ftp)://[^\s<>\"'`]+|www\.[^\s<>\"'`]+\.[^\s<>\"'`]+)",
    r"(?P<email>(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})+)",
]
_DIRECTIVE = rf"(?P<directive>{DIRECTIVE_UNNAMED})"


def compile_inline(before: list[str] = (), after: list[str] = (), *, directive_first: bool = False) -> re.Pattern:
    """The inline-masking pattern of a format: its own alternatives `before` the common ones
    (suppression directives, code spans, URLs, e-mail addresses) and `after` them. With
    `directive_first`, a directive is tried first, then `before` (Markdown: a directive inside a
    comment stays a directive)."""
    if directive_first:
        parts = [_DIRECTIVE, *before, *_COMMON, *after]
    else:
        parts = [*before, _DIRECTIVE, *_COMMON, *after]
    return re.compile("|".join(parts))


_TRAILING_PUNCT = ".,;:!?)]}'\""


def add_inline(prose: Prose, source: str, start: int, end: int, pattern: re.Pattern) -> None:
    """Append source[start:end] to `prose`, masking what `pattern` (a format's INLINE) finds."""
    pos = start
    for m in pattern.finditer(source, start, end):
        s, e = m.span()
        group = m.lastgroup
        if group == "ticks":
            group = "code"
        if group == "url":
            while e > s and source[e - 1] in _TRAILING_PUNCT:
                e -= 1
        prose.copy(source, pos, s)
        if group in ("drop", "directive"):
            pass  # markup characters with no prose meaning: leave them out
        elif group in ("comment", "tag"):
            pass
        elif group in ("dest", "refdest"):
            pass  # the link text stays, its destination goes
        elif group == "escaped":
            prose.copy(source, s + 1, e)
        elif group == "rstlink":
            inner = source[s + 1 : e].split("<", 1)[0].rstrip()
            if inner:
                prose.copy(source, s + 1, s + 1 + len(inner))
        else:
            prose.synth(PLACEHOLDER, s, e)
        pos = e
    prose.copy(source, pos, end)
