"""Inline suppression, one syntax in every format (in Markdown, inside an HTML comment):

    ... text ...  assertlint: ignore                    every finding on this line
    ... text ...  assertlint: ignore[JDG001,hedge]      these rules / categories / styles
    assertlint: ignore-next-line[...]                   the next line
    assertlint: disable[...]  ...  assertlint: enable   a range of lines
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from ..findings import Finding

from .directives import DIRECTIVE
from .limits import MAX_DIRECTIVES
from .spans import code_spans, comment_spans


@dataclass
class Directive:
    verb: str
    codes: tuple[str, ...]  # empty: every rule
    line: int  # 1-based line of the directive
    column: int
    first: int  # lines it covers, inclusive
    last: int
    used: bool = False
    text: str = ""


@dataclass
class Suppressions:
    directives: list[Directive] = field(default_factory=list)
    note: str | None = None  # what was left out (source/limits.MAX_DIRECTIVES)

    def covers(self, f: Finding) -> bool:
        hit = False
        for d in self.directives:
            if d.first <= f.line <= d.last and (not d.codes or any(_matches(f, c) for c in d.codes)):
                d.used = True
                hit = True
        return hit

    def apply(self, findings: list[Finding]) -> list[Finding]:
        return [f for f in findings if not self.covers(f)] if self.directives else findings

    def unused(self) -> list[Directive]:
        return [d for d in self.directives if not d.used]


def _matches(f: Finding, code: str) -> bool:
    from ..ruleset.select import code_matches

    return code_matches(code, id=f.rule, name=f.name, category=f.category, style=f.style)


_FENCE = re.compile(r"^[ \t]*+(`{3,}|~{3,})")


def _blank_code_spans(line: str) -> str:
    out, pos = [], 0
    for s, e in code_spans(line):
        out += [line[pos:s], " " * (e - s)]
        pos = e
    out.append(line[pos:])
    return "".join(out)


def _mask_code(text: str, kind: str = "text") -> str:
    """`text` with fenced code blocks and backtick code spans blanked out (same length, same
    line breaks): a directive shown as an example in code is not a directive."""
    out = []
    fence: str | None = None
    lines = text.split("\n")
    from . import formats

    code_lines = formats.get(kind).code_lines(text)
    for i, line in enumerate(lines):
        if i in code_lines:
            out.append(" " * len(line))
            continue
        if fence is not None:
            if line.strip().startswith(fence):
                fence = None
            out.append(" " * len(line))
            continue
        m = _FENCE.match(line)
        if m:
            fence = m.group(1)
            out.append(" " * len(line))
            continue
        out.append(_blank_code_spans(line) if "`" in line else line)
    return "\n".join(out)


def parse(text: str, kind: str = "text") -> Suppressions:
    """The directives in `text`, a file of markup `kind` ("text", "markdown" or "rst").

    Directives inside code (backtick spans, fenced blocks) do not count; in Markdown only a
    directive inside an HTML comment counts."""
    if "assertlint:" not in text:
        return Suppressions()
    masked = _mask_code(text, kind)
    if "assertlint:" not in masked:
        return Suppressions()
    from . import formats

    in_comments = formats.get(kind).DIRECTIVES_IN_COMMENTS
    comments = list(comment_spans(masked)) if in_comments else None
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
    state = _State(len(line_starts))
    for count, m in enumerate(DIRECTIVE.finditer(masked)):
        if count == MAX_DIRECTIVES:  # past this, each finding would be checked against thousands
            line = bisect_right(line_starts, m.start())
            state.note = f"more than {MAX_DIRECTIVES:,} suppression directives: those from line {line} on are ignored"
            break
        comment_end = _comment_end(comments, m.start("verb"))
        if comment_end is False:
            continue  # Markdown: a directive is written inside <!-- -->
        line0 = bisect_right(line_starts, m.start()) - 1
        i = line0 + 1
        codes = tuple(c.strip() for c in (m.group("codes") or "").split(",") if c.strip())
        d = Directive(m.group("verb"), codes, i, m.start() - line_starts[line0] + 1, i, i,
                      text=text[m.start() : m.end()])
        if d.verb == "ignore-next-line":
            # the line after the directive (in Markdown, after the comment it is written in)
            d.first = d.last = (bisect_right(line_starts, comment_end - 1) if comment_end else i) + 1
        state.add(d)
    return Suppressions(state.out, state.note)


def _comment_end(comments, at: int):
    """Where the comment holding a directive ends; None: comments do not matter; False: not in one."""
    if comments is None:
        return None
    i = bisect_right(comments, (at, float("inf"))) - 1  # the last comment starting at or before `at`
    return comments[i][1] if i >= 0 and at < comments[i][1] else False


class _State:
    """Directives as they are read: ranges opened by `disable` close at a matching `enable`."""

    def __init__(self, n_lines: int) -> None:
        self.n = n_lines
        self.note: str | None = None
        self.out: list[Directive] = []
        self.open: list[Directive] = []

    def add(self, d: Directive) -> None:
        if d.verb in ("ignore", "ignore-next-line"):
            self.out.append(d)
        elif d.verb == "disable":
            d.last = self.n
            self.open.append(d)
            self.out.append(d)
        else:  # enable
            for r in self.open:
                if r.last == self.n and (not d.codes or set(d.codes) & set(r.codes) or not r.codes):
                    r.last = d.line
            self.open = [r for r in self.open if r.last == self.n]
            d.used = True  # an `enable` suppresses nothing itself
