"""Candidates → findings: suppression between categories, one finding per overlap in a category,
and one finding per sentence for stacked hedges and minimizers."""
from __future__ import annotations

from bisect import bisect_left

from ..findings import Finding, Suggestion
from ..rewrite.repair import fixed_span, sentence_edit
from ..source.document import LineIndex
from ..taxonomy import MERGE_PER_SENTENCE, Severity


def _overlap(a, b) -> bool:
    return a.start < b.end and b.start < a.end


def _rank(c) -> tuple:
    return (-Severity[c.rule.severity], -(c.end - c.start), c.start, c.rule.id)


def finalize(cands: list, path: str, text: str, index: LineIndex) -> list[Finding]:
    # 1. a rule may suppress findings of other categories that overlap it
    suppressors = sorted((c for c in cands if c.rule.suppresses), key=lambda c: c.start)
    if suppressors:
        starts = [s.start for s in suppressors]
        longest = max(s.end - s.start for s in suppressors)

        def suppressed(c) -> bool:
            # only suppressors starting in [c.start - longest, c.end) can overlap c
            lo = bisect_left(starts, c.start - longest)
            hi = bisect_left(starts, c.end)
            return any(
                s is not c and c.rule.category in s.rule.suppresses and _overlap(s, c) for s in suppressors[lo:hi]
            )

        cands = [c for c in cands if not suppressed(c)]
    # 2. overlapping candidates of one category collapse into the strongest (kept spans of a
    #    category never overlap each other, so two bisects find any conflict)
    kept: list = []
    spans: dict[str, tuple[list[int], list]] = {}
    for c in sorted(cands, key=_rank):
        starts, items = spans.setdefault(c.rule.category, ([], []))
        i = bisect_left(starts, c.start)
        if (i < len(items) and _overlap(items[i], c)) or (i > 0 and _overlap(items[i - 1], c)):
            continue
        starts.insert(i, c.start)
        items.insert(i, c)
        kept.append(c)
    # 3. stacked hedges / minimizers in one sentence become one finding
    groups: dict[tuple, list] = {}
    singles = []
    for c in kept:
        if c.rule.category in MERGE_PER_SENTENCE:
            groups.setdefault((c.rule.category, c.sent_start), []).append(c)
        else:
            singles.append(c)
    findings = [_finding(c, path, text, index) for c in singles]
    for group in groups.values():
        findings.append(_merged(group, path, text, index) if len(group) > 1 else _finding(group[0], path, text, index))
    findings.sort(key=lambda f: (f.start, f.end, f.rule))
    return findings


def _finding(c, path: str, text: str, index: LineIndex, start=None, end=None, suggestions=None) -> Finding:
    start = c.start if start is None else start
    end = c.end if end is None else end
    line, col = index.position(start)
    end_line, end_col = index.position(end)
    r = c.rule
    return Finding(
        path=path, rule=r.id, name=r.name, category=r.category, style=r.style, severity=r.severity,
        message=r.message, start=start, end=end, line=line, column=col, end_line=end_line,
        end_column=end_col, text=text[start:end],
        suggestions=tuple(c.suggestions if suggestions is None else suggestions),
    )


def _merged(group: list, path: str, text: str, index: LineIndex) -> Finding:
    group.sort(key=lambda c: c.start)
    first = min(group, key=_rank)
    start = min(c.start for c in group)
    end = max(c.end for c in group)
    suggestions: list[Suggestion] = []
    safe_parts = [c for c in group if c.parts]
    if safe_parts:  # one safe rewrite that removes every softener with a safe removal
        pieces = []
        pos = start
        for c in safe_parts:
            s, e, repl = c.parts[0]
            pieces.append(text[pos:s])
            pieces.append(repl)
            pos = e
        pieces.append(text[pos:end])
        repl = "".join(pieces)
        edit = sentence_edit(text, first.sent_start, first.sent_end, start, end, repl)
        if edit is not None:
            n = len(safe_parts)
            what = f"all {n} softeners" if n > 1 else "the softener"
            suggestions.append(Suggestion(fixed_span(text, start, end, edit), f"Remove {what} and state the point.",
                                          "safe", edit))
    for c in group:
        suggestions.extend(s for s in c.suggestions if not s.safe)
    return _finding(first, path, text, index, start, end, suggestions)
