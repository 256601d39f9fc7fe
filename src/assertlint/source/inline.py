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
_COMMON = [
    r"(?P<code>(?<!`)`++)",
    r"(?P<url>(?:https?|ftp)://[^\s<>\"'`]++|www\.[^\s<>\"'`]+\.[^\s<>\"'`]+)",
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
    pattern = re.compile("|".join(parts))
    # where an opening closes nowhere, the other alternatives are tried at the same place
    rest = [p for p in parts if not p.startswith(_OPENINGS)]
    _FALLBACK[pattern] = re.compile("|".join(rest)) if rest else None
    return pattern


_OPENINGS = ("(?P<code>", "(?P<comment_open>")
_FALLBACK: dict[re.Pattern, re.Pattern | None] = {}


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


def _matches(source: str, start: int, end: int, pattern: re.Pattern):
    """(group, start, end) of each piece of markup `pattern` finds in source[start:end], with code
    spans and comments extended to where they close (an unclosed opening is plain text)."""
    closers = _Closers(source, start, end)
    pos = start
    while pos < end:
        m = pattern.search(source, pos, end)
        if m is None:
            return
        s, e = m.span()
        group = m.lastgroup
        if group in ("code", "comment_open"):
            close = closers.code(s, e) if group == "code" else closers.comment(e)
            if close is None:  # an opening that nothing closes: what else starts here?
                fallback = _FALLBACK.get(pattern)
                m = fallback.match(source, s, end) if fallback is not None else None
                if m is None or m.end() == s:
                    pos = e
                    continue
                group, e = m.lastgroup, m.end()
            else:
                group, e = ("code" if group == "code" else "comment"), close
        yield group, s, e
        pos = e if e > s else e + 1


def add_inline(prose: Prose, source: str, start: int, end: int, pattern: re.Pattern) -> None:
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
