"""Inline suppression, one syntax in every format (in Markdown, inside an HTML comment):

    ... text ...  assertlint: ignore                    every finding on this line
    ... text ...  assertlint: ignore[JDG001,hedge]      these rules / categories / styles
    assertlint: ignore-next-line[...]                   the next line
    assertlint: disable[...]  ...  assertlint: enable   a range of lines
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..findings import Finding
from ..taxonomy import CATEGORIES, STYLES

DIRECTIVE = re.compile(
    r"(?:<!--[ \t]*)?assertlint:[ \t]*(?P<verb>ignore-next-line|ignore|disable|enable)"
    r"(?:\[(?P<codes>[^\]\n]*)\])?(?:[ \t]*-->)?"
)


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
    if code in CATEGORIES:
        return f.category == code
    if code in STYLES:
        return f.style == code
    return f.rule.upper().startswith(code.upper()) or f.name == code


def parse(text: str) -> Suppressions:
    if "assertlint:" not in text:
        return Suppressions()
    out: list[Directive] = []
    open_ranges: list[Directive] = []
    lines = text.split("\n")
    n = len(lines)
    for i, line in enumerate(lines, start=1):
        for m in DIRECTIVE.finditer(line):
            codes = tuple(c.strip() for c in (m.group("codes") or "").split(",") if c.strip())
            verb = m.group("verb")
            d = Directive(verb, codes, i, m.start() + 1, i, i, text=m.group(0))
            if verb == "ignore":
                out.append(d)
            elif verb == "ignore-next-line":
                d.first = d.last = i + 1
                out.append(d)
            elif verb == "disable":
                d.last = n
                open_ranges.append(d)
                out.append(d)
            elif verb == "enable":
                for r in open_ranges:
                    if r.last == n and (not codes or set(codes) & set(r.codes) or not r.codes):
                        r.last = i
                open_ranges = [r for r in open_ranges if r.last == n]
                d.used = True  # an `enable` suppresses nothing itself
    return Suppressions(out)
