"""Apply suggestions: choose non-overlapping edits, apply them back to front, repeat to a fixed point."""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from ..findings import Edit, Finding
from ..taxonomy import Severity

MAX_PASSES = 10


@dataclass
class FixResult:
    text: str
    applied: int
    remaining: list[Finding]
    passes: int


def chosen_edit(f: Finding, unsafe: bool) -> Edit | None:
    for s in f.suggestions:
        if s.edit is None:
            continue
        if s.applicability == "safe" or (unsafe and s.applicability == "unsafe"):
            return s.edit
    return None


def _conflict(a: Edit, b: Edit) -> bool:
    return a.start <= b.end and b.start <= a.end


def select_edits(findings: list[Finding], unsafe: bool = False) -> list[Edit]:
    """Non-overlapping edits in a fixed order: severity first, then position. The rest wait."""
    ranked = sorted(
        ((f, e) for f in findings if (e := chosen_edit(f, unsafe)) is not None),
        key=lambda fe: (-Severity[fe[0].severity], fe[1].start, fe[1].end, fe[0].rule),
    )
    chosen: list[Edit] = []  # sorted by start, never conflicting with each other
    starts: list[int] = []
    for _, e in ranked:
        i = bisect_left(starts, e.start)
        if (i < len(chosen) and _conflict(e, chosen[i])) or (i > 0 and _conflict(e, chosen[i - 1])):
            continue
        starts.insert(i, e.start)
        chosen.insert(i, e)
    return chosen


def apply_edits(text: str, edits: list[Edit]) -> str:
    """Apply non-overlapping edits from the end backwards; text outside them is untouched."""
    for e in sorted(edits, key=lambda e: e.start, reverse=True):
        text = text[: e.start] + e.content + text[e.end :]
    return text


def fix(check, text: str, unsafe: bool = False) -> FixResult:
    """`check(text) -> findings`; returns the fixed text and the findings that remain."""
    applied = 0
    findings = check(text)
    passes = 0
    seen = {text}
    while passes < MAX_PASSES:
        edits = select_edits(findings, unsafe)
        if not edits:
            break
        new = apply_edits(text, edits)
        passes += 1
        if new in seen:  # an edit that undoes another: stop rather than loop
            break
        seen.add(new)
        applied += len(edits)
        text = new
        findings = check(text)
    return FixResult(text, applied, findings, passes)
