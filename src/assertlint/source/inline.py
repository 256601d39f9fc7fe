"""Inline masking shared by every markup reader: code spans, URLs, e-mail addresses, markup."""
from __future__ import annotations

import re

from .prose import PLACEHOLDER, Prose
from .directives import DIRECTIVE_UNNAMED
from .spans import TickRuns

# Every alternative runs in linear time: a code span is matched by its opening run of backticks
# only, and add_inline finds where it closes (source/spans.py), as it finds the end of an HTML
# comment ("comment_open" in a format's own alternatives); the rest are bounded by the
# characters they exclude, with possessive repeats where backtracking could only fail again.
_EMAIL = r"(?P<email>(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})+)"
_COMMON = [
    r"(?P<code>(?<!`)`++)",
    r"(?P<url>(?:https?|ftp)://[^\s<>\"'`]++|www\.[^\s<>\"'`]+\.[^\s<>\"'`]+)",
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


_OPENINGS = ("(?P<code>", "(?P<comment_open>")


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
        # where an opening (a code span's backticks, "<!--") closes nowhere, the other
        # alternatives are tried at the same place
        others = [p for p in parts if not p.startswith(_OPENINGS)]
        self.fallback = re.compile("|".join(others)) if others else None

    def regex_for(self, source: str, start: int = 0, end: int | None = None) -> re.Pattern:
        """The regex to scan source[start:end] with: the full one only where the text holds "@"."""
        end = len(source) if end is None else end
        return self.full if source.find("@", start, end) >= 0 else self.no_at

    def finditer(self, source: str, start: int = 0, end: int | None = None):
        end = len(source) if end is None else end
        return self.regex_for(source, start, end).finditer(source, start, end)


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


class _Closers:
    """Where the code spans and comments opened in source[start:end] close, found lazily."""

    def __init__(self, source: str, start: int, end: int) -> None:
        self.source, self.start, self.end = source, start, end
        self._runs: TickRuns | None = None
        self._no_comment_close_from: int | None = None

    def code(self, s: int, e: int) -> int | None:
        if self._runs is None:
            self._runs = TickRuns(self.source, self.start, self.end)
        return self._runs.closing(s, e)

    def comment(self, e: int) -> int | None:
        if self._no_comment_close_from is not None and e >= self._no_comment_close_from:
            return None
        k = self.source.find("-->", e, self.end)
        if k == -1:
            self._no_comment_close_from = e
            return None
        return k + 3


def _matches(source: str, start: int, end: int, pattern: InlinePattern):
    """(group, start, end) of each piece of markup `pattern` finds in source[start:end], with code
    spans and comments extended to where they close (an unclosed opening is plain text)."""
    closers = _Closers(source, start, end)
    rx = pattern.regex_for(source, start, end)
    pos = start
    while pos < end:
        m = rx.search(source, pos, end)
        if m is None:
            return
        s, e = m.span()
        group = m.lastgroup
        if group in ("code", "comment_open"):
            close = closers.code(s, e) if group == "code" else closers.comment(e)
            if close is None:  # an opening that nothing closes: what else starts here?
                fallback = pattern.fallback
                m = fallback.match(source, s, end) if fallback is not None else None
                if m is None or m.end() == s:
                    pos = e
                    continue
                group, e = m.lastgroup, m.end()
            else:
                group, e = ("code" if group == "code" else "comment"), close
        yield group, s, e
        pos = e if e > s else e + 1


def add_inline(prose: Prose, source: str, start: int, end: int, pattern: InlinePattern) -> None:
    """Append source[start:end] to `prose`, masking what `pattern` (a format's INLINE) finds."""
    pos = start
    for group, s, e in _matches(source, start, end, pattern):
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
