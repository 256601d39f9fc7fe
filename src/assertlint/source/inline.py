"""Inline masking shared by every markup reader: code spans, URLs, e-mail addresses, markup."""
from __future__ import annotations

import re

from .prose import PLACEHOLDER, Prose
from .directives import DIRECTIVE_UNNAMED

_EMAIL = r"(?P<email>(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})+)"
_COMMON = [
    r"(?P<code>(?P<ticks>`+)(?:(?!(?P=ticks)).)+?(?P=ticks))",
    r"(?P<url>(?:https?|ftp)://[^\s<>\"'`]+|www\.[^\s<>\"'`]+\.[^\s<>\"'`]+)",
    _EMAIL,
]
_DIRECTIVE = rf"(?P<directive>{DIRECTIVE_UNNAMED})"


def compile_inline(before: list[str] = (), after: list[str] = (), *, directive_first: bool = False) -> "InlinePattern":
    """The inline-masking pattern of a format: its own alternatives `before` the common ones
    (suppression directives, code spans, URLs, e-mail addresses) and `after` them. With
    `directive_first`, a directive is tried first, then `before` (Markdown: a directive inside a
    comment stays a directive)."""
    if directive_first:
        parts = [_DIRECTIVE, *before, *_COMMON, *after]
    else:
        parts = [*before, _DIRECTIVE, *_COMMON, *after]
    return InlinePattern(parts)


class InlinePattern:
    """The alternatives as one regex, with a cheap way through text that holds no "@": there the
    e-mail alternative cannot match, so a regex without it runs, behind a look-ahead for the
    characters some other alternative can start with (one test per position instead of one per
    alternative). Same matches as the full regex, in the same order."""

    def __init__(self, parts: list[str]) -> None:
        self.full = re.compile("|".join(parts))
        self.pattern = self.full.pattern
        rest = "|".join(p for p in parts if p != _EMAIL)
        first = _first_chars(rest)
        self.no_at = re.compile(f"(?=[{_char_class(first)}])(?:{rest})" if first else rest)

    def finditer(self, source: str, start: int = 0, end: int | None = None):
        end = len(source) if end is None else end
        rx = self.full if source.find("@", start, end) >= 0 else self.no_at
        return rx.finditer(source, start, end)


def _char_class(chars: frozenset[str]) -> str:
    return "".join("\\" + c if c in "\\]^-[" else c for c in sorted(chars))


def _first_chars(pattern: str) -> frozenset[str] | None:
    """The characters a match of `pattern` can start with, or None when that is not a small set
    (a class like \\w, any character, a match that may be empty, flags)."""
    from re import _constants as c, _parser

    try:
        parsed = _parser.parse(pattern)
    except re.error:
        return None
    if parsed.state.flags & (re.IGNORECASE | re.VERBOSE):
        return None
    found, nullable = _seq_first(list(parsed), c)
    return None if found is None or nullable else frozenset(found)


def _seq_first(items, c):
    """(first characters, whether the sequence can match empty) of a parsed sequence."""
    out: set[str] = set()
    for op, av in items:
        first, nullable = _item_first(op, av, c)
        if first is None:
            return None, False
        out |= first
        if not nullable:
            return out, False
    return out, True


def _item_first(op, av, c):
    if op is c.LITERAL:
        return {chr(av)}, False
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
        return set(), True  # zero-width
    if op is c.IN:
        return _class_first(av, c), False
    if op is c.SUBPATTERN:
        return (None, False) if av[1] or av[2] else _seq_first(list(av[3]), c)
    if op is c.BRANCH:
        out, any_empty = set(), False
        for seq in av[1]:
            first, nullable = _seq_first(list(seq), c)
            if first is None:
                return None, False
            out |= first
            any_empty = any_empty or nullable
        return out, any_empty
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        first, nullable = _seq_first(list(av[2]), c)
        return first, nullable or av[0] == 0
    if op is c.ATOMIC_GROUP:
        return _seq_first(list(av), c)
    return None, False  # any character, a category, a back-reference: no small set


def _class_first(items, c):
    out: set[str] = set()
    for op, av in items:
        if op is c.LITERAL:
            out.add(chr(av))
        elif op is c.RANGE and av[1] - av[0] < 128:
            out.update(chr(x) for x in range(av[0], av[1] + 1))
        else:
            return None  # negated, a category, a wide range
    return out


_TRAILING_PUNCT = ".,;:!?)]}'\""


def add_inline(prose: Prose, source: str, start: int, end: int, pattern: "InlinePattern") -> None:
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
