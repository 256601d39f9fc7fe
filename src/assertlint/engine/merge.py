"""Candidates → groups, each of which becomes one finding: suppression between categories, one
candidate per overlap in a category, and one group per sentence for stacked hedges and
minimizers. (The rewrite layer turns each group into a finding with its suggestions.)"""
from __future__ import annotations

from bisect import bisect_left

from ..taxonomy import MERGE_PER_SENTENCE, Severity


def _overlap(a, b) -> bool:
    return a.start < b.end and b.start < a.end


def rank(c) -> tuple:
    """The strongest candidate first: severity, then length, then position, then rule id."""
    return (-Severity[c.rule.severity], -(c.end - c.start), c.start, c.rule.id)


def _unsuppressed(cands: list) -> list:
    """A rule may suppress candidates of other categories that overlap it."""
    suppressors = sorted((c for c in cands if c.rule.suppresses), key=lambda c: c.start)
    if not suppressors:
        return cands
    starts = [s.start for s in suppressors]
    longest = max(s.end - s.start for s in suppressors)

    def suppressed(c) -> bool:
        # only suppressors starting in [c.start - longest, c.end) can overlap c
        lo = bisect_left(starts, c.start - longest)
        hi = bisect_left(starts, c.end)
        return any(s is not c and c.rule.category in s.rule.suppresses and _overlap(s, c) for s in suppressors[lo:hi])

    return [c for c in cands if not suppressed(c)]


def _strongest_per_overlap(cands: list) -> list:
    """Overlapping candidates of one category collapse into the strongest (kept spans of a
    category never overlap each other, so two bisects find any conflict)."""
    kept: list = []
    spans: dict[str, tuple[list[int], list]] = {}
    for c in sorted(cands, key=rank):
        starts, items = spans.setdefault(c.rule.category, ([], []))
        i = bisect_left(starts, c.start)
        if (i < len(items) and _overlap(items[i], c)) or (i > 0 and _overlap(items[i - 1], c)):
            continue
        starts.insert(i, c.start)
        items.insert(i, c)
        kept.append(c)
    return kept


def select_groups(cands: list) -> list[list]:
    """The groups of candidates that become findings, sorted by position."""
    groups: dict[tuple, list] = {}
    out: list[list] = []
    for c in _strongest_per_overlap(_unsuppressed(cands)):
        if c.rule.category in MERGE_PER_SENTENCE:  # stacked hedges / minimizers: one per sentence
            key = (c.rule.category, c.sent_start)
            if key not in groups:
                groups[key] = []
                out.append(groups[key])
            groups[key].append(c)
        else:
            out.append([c])
    for g in out:
        g.sort(key=lambda c: c.start)
    out.sort(key=lambda g: (min(c.start for c in g), max(c.end for c in g), min(g, key=rank).rule.id))
    return out
