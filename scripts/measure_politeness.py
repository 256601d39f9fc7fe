#!/usr/bin/env python3
"""Aggressive findings on real requests: the Stanford Politeness Corpus.

For each community (Wikipedia; each Stack Exchange site pooled as "Stack Exchange"), take the 25%
most polite and the 25% least polite requests by `Normalized Score` (the paper's quartile
protocol) and report the share of requests with any finding in an aggressive category.

Target (issue 3): most polite <= 1%; least polite >= 5x the most-polite rate.

    python scripts/measure_politeness.py [--data ../shared/data/politeness] [--show N]
"""
from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

AGGRESSIVE = {"judging", "threat", "stonewalling", "confidence-breach", "boundary-violation"}
DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "politeness"
FILES = {"Wikipedia": "wikipedia.annotated.csv", "Stack Exchange": "stack-exchange.annotated.csv"}


def quartiles(values: list[float]) -> tuple[float, float]:
    s = sorted(values)
    n = len(s)

    def q(p: float) -> float:  # linear interpolation, as numpy's default
        pos = (n - 1) * p
        lo = int(pos)
        hi = min(lo + 1, n - 1)
        return s[lo] + (s[hi] - s[lo]) * (pos - lo)

    return q(0.25), q(0.75)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder with the two annotated CSV files")
    ap.add_argument("--show", type=int, default=0, help="print up to N flagged requests per group")
    ap.add_argument("--select", default="", help="comma-separated rule ids, categories or styles (default: all rules)")
    args = ap.parse_args()
    missing = [f for f in FILES.values() if not (args.data / f).is_file()]
    if missing:
        print(f"error: Stanford Politeness Corpus not found in {args.data} (missing {', '.join(missing)}).\n"
              "Put wikipedia.annotated.csv and stack-exchange.annotated.csv there or pass --data.", file=sys.stderr)
        return 2

    from assertlint.api import make_linter
    from assertlint.engine.linter import Input

    linter = make_linter(select=[s for s in args.select.split(",") if s.strip()])
    failed = False
    print(f"{'community':<16}{'group':<14}{'n':>6}{'flagged':>9}{'rate':>9}")
    for community, fname in FILES.items():
        with open(args.data / fname, newline="", encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
        scores = [float(r["Normalized Score"]) for r in rows]
        q1, q3 = quartiles(scores)
        groups = {
            "most polite": [r for r, s in zip(rows, scores) if s >= q3],
            "least polite": [r for r, s in zip(rows, scores) if s <= q1],
        }
        rates = {}
        for gname, grp in groups.items():
            results = linter.check([Input(f"{community}:{i}", r["Request"], "text") for i, r in enumerate(grp)])
            hits = [(r, [f for f in fs if f.category in AGGRESSIVE]) for r, fs in zip(grp, results)]
            hits = [(r, fs) for r, fs in hits if fs]
            rate = len(hits) / len(grp) if grp else 0.0
            rates[gname] = rate
            print(f"{community:<16}{gname:<14}{len(grp):>6}{len(hits):>9}{rate:>9.2%}")
            for r, fs in hits[: args.show]:
                tags = ", ".join(f"{f.rule}:{f.text!r}" for f in fs)
                print(f"    [{tags}] {r['Request'][:200]!r}")
        polite, rude = rates["most polite"], rates["least polite"]
        ratio = rude / polite if polite else float("inf")
        ok = polite <= 0.01 and (rude >= 5 * polite and rude > 0)
        failed |= not ok
        print(f"{community:<16}ratio least/most = {ratio:.1f}x  target: most <= 1%, least >= 5x  -> {'OK' if ok else 'MISS'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
