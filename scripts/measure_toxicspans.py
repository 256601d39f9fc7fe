#!/usr/bin/env python3
"""Recall of the judging and threat rules on real comments: ToxicSpans (Civil Comments).

A post counts as an insult post (threat post) when a strict majority of its raters marked at
least one Insult (Threat) span in it (`comment_type_votes.csv`). Judging recall = share of insult
posts with any `judging` finding; threat recall = share of threat posts with any `threat` finding.
Also reports, as a rough precision check, the rate of aggressive findings on posts that a strict
majority of raters judged not toxic.

Targets (issue 3): judging recall >= 0.60 on insult posts; threat recall >= 0.50 on threat posts.

    python scripts/measure_toxicspans.py [--data ../shared/data/toxicspans] [--show N] [--limit N]
"""
from __future__ import annotations

import argparse
import csv
import random
import sys
from pathlib import Path

AGGRESSIVE = {"judging", "threat", "stonewalling", "confidence-breach", "boundary-violation"}
DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "toxicspans"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder with comments.csv and comment_type_votes.csv")
    ap.add_argument("--show", type=int, default=0, help="print up to N missed posts per group")
    ap.add_argument("--limit", type=int, default=0, help="use a random sample of N insult posts (faster)")
    ap.add_argument("--select", default="", help="comma-separated rule ids, categories or styles (default: all rules)")
    args = ap.parse_args()
    need = ["comments.csv", "comment_type_votes.csv"]
    missing = [f for f in need if not (args.data / f).is_file()]
    if missing:
        print(f"error: ToxicSpans data not found in {args.data} (missing {', '.join(missing)}).\n"
              "Put comments.csv and comment_type_votes.csv there or pass --data.", file=sys.stderr)
        return 2

    csv.field_size_limit(10**7)
    with open(args.data / "comments.csv", newline="", encoding="utf-8") as fh:
        text = {r["comment_id"]: r["comment_text"] for r in csv.DictReader(fh)}
    with open(args.data / "comment_type_votes.csv", newline="", encoding="utf-8") as fh:
        votes = list(csv.DictReader(fh))

    def majority(r, key):
        return 2 * int(r[key]) > int(r["n_annotators"])

    insult = [r["comment_id"] for r in votes if majority(r, "n_insult") and r["comment_id"] in text]
    threat = [r["comment_id"] for r in votes if majority(r, "n_threat") and r["comment_id"] in text]
    nontoxic = [r["comment_id"] for r in votes if majority(r, "n_not_toxic") and r["comment_id"] in text]
    if args.limit:
        rng = random.Random(0)
        insult = rng.sample(insult, min(args.limit, len(insult)))
        nontoxic = rng.sample(nontoxic, min(args.limit, len(nontoxic)))

    from assertlint.api import make_linter
    from assertlint.engine.linter import Input

    linter = make_linter(select=[s for s in args.select.split(",") if s.strip()])
    ids = sorted(set(insult) | set(threat) | set(nontoxic))
    results = linter.check([Input(i, text[i], "text") for i in ids])
    cats = {i: {f.category for f in fs} for i, fs in zip(ids, results)}

    def report(name, group, category, target):
        hit = [i for i in group if category in cats[i]]
        rec = len(hit) / len(group) if group else 0.0
        ok = rec >= target
        print(f"{name:<28}{len(group):>6} posts  {category:<10} recall {rec:.3f}  (target >= {target:.2f}) -> {'OK' if ok else 'MISS'}")
        for i in [i for i in group if category not in cats[i]][: args.show]:
            print(f"    miss: {text[i][:200]!r}")
        return ok

    ok1 = report("insult (majority of raters)", insult, "judging", 0.60)
    ok2 = report("threat (majority of raters)", threat, "threat", 0.50)
    flagged = [i for i in nontoxic if cats[i] & AGGRESSIVE]
    rate = len(flagged) / len(nontoxic) if nontoxic else 0.0
    print(f"{'not toxic (majority)':<28}{len(nontoxic):>6} posts  any aggressive finding: {rate:.3f}  (information only)")
    return 0 if ok1 and ok2 else 1


if __name__ == "__main__":
    sys.exit(main())
