#!/usr/bin/env python3
"""Quality on real text nobody here wrote: every file in ../shared/data/realtext, scored by category.

Multi-label files (`*_multi_*.jsonl`) are scored as ../shared/eval/score.py scores them
(micro-F1 over the 12 categories, `allowed` categories not counted as false alarms, clean-rate);
binary files (`*_binary_*.jsonl`) as ../shared/eval/score_binary.py does (an item is flagged
when it gets an aggressive-style finding; F1 and the false-alarm rate on label-0 items). Each
text is linted as a .txt file with a final newline, exactly as the scorers write it, but
in-process and in one batch, so a full run costs one model load.

    python scripts/measure_realtext.py                       # every file, one summary line each
    python scripts/measure_realtext.py --show-misses 20      # misses and false alarms, for rule work
    python scripts/measure_realtext.py --rules               # per rule: items flagged, on clean / on positives
    python scripts/measure_realtext.py --only vcu --groups   # one source, rates per fine label

The data are GPL/MIT evaluation sets: read here, never copied into the repository.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "realtext"
AGGRESSIVE = {"judging", "threat", "stonewalling", "confidence-breach", "boundary-violation"}
# The bars of issue 11 on the dev halves (None: no bar for that file).
BARS = {
    "vcu_locked_issues_multi_dev": "micro-F1 >= 0.60, clean-rate >= 0.97",
    "ferreira_sentences_multi_dev": "micro-F1 >= 0.50, clean-rate >= 0.97",
    "toxicr_codereview_binary_dev": "F1 >= 0.69, false alarms <= 0.08",
    "vcu_locked_issues_binary_dev": "F1 >= 0.54, false alarms <= 0.08",
}


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score_multi(items, found) -> tuple[str, list, list]:
    tp, fp, fn = Counter(), Counter(), Counter()
    clean = clean_ok = 0
    misses, alarms = [], []
    for it in items:
        want, ok = set(it["categories"]), set(it.get("allowed", []))
        got = {f["category"] for f in found[it["id"]]}
        for c in got & want:
            tp[c] += 1
        for c in got - want - ok:
            fp[c] += 1
        for c in want - got:
            fn[c] += 1
        if not want:
            clean += 1
            clean_ok += not (got - ok)
        if want - got:
            misses.append(it)
        if got - want - ok:
            alarms.append(it)
    cats = sorted(set(tp) | set(fp) | set(fn))
    per = "  ".join(f"{c}:{prf(tp[c], fp[c], fn[c])[2]:.2f}({tp[c]}/{fp[c]}/{fn[c]})" for c in cats)
    _, _, micro = prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    return f"micro_f1={micro:.3f} clean_rate={clean_ok / clean if clean else 1:.3f}  [{per}]", misses, alarms


def score_binary(items, found, positive: set[str]) -> tuple[str, list, list]:
    tp = fp = fn = tn = 0
    misses, alarms = [], []
    for it in items:
        y = int(it["label"])
        p = bool({f["category"] for f in found[it["id"]]} & positive)
        tp += y and p
        fn += y and not p
        fp += (not y) and p
        tn += (not y) and not p
        if y and not p:
            misses.append(it)
        if p and not y:
            alarms.append(it)
    pr, rc, f1 = prf(tp, fp, fn)
    return f"P={pr:.3f} R={rc:.3f} F1={f1:.3f} false_alarms={fp / (fp + tn) if fp + tn else 0:.3f}", misses, alarms


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--only", default="", help="only files whose name contains this")
    ap.add_argument("--show-misses", type=int, default=0, metavar="N", help="print N misses and N false alarms per file")
    ap.add_argument("--rules", action="store_true", help="per rule: items it flags that are clean / positive")
    ap.add_argument("--groups", action="store_true", help="flag rate per fine label (group)")
    ap.add_argument("--select", default="", help="rule ids, categories or styles (default: all rules)")
    ap.add_argument("--seed", type=int, default=0, help="shuffle the shown examples with this seed (0: file order)")
    args = ap.parse_args()
    files = sorted(p for p in args.data.glob("*.jsonl") if args.only in p.name)
    if not files:
        print(f"error: no realtext files in {args.data} (../shared ships with the team's checkouts and CI,"
              " not with user clones; pass --data)", file=sys.stderr)
        return 2

    from assertlint.api import make_linter
    from assertlint.engine.linter import Input

    linter = make_linter(select=[s for s in args.select.split(",") if s.strip()])
    sets = {p.stem: load(p) for p in files}
    inputs = [Input(f"{name}/{it['id']}.txt", it["text"] + "\n") for name, items in sets.items() for it in items]
    results = linter.check(inputs)
    found_all = {inp.path: [f.to_json() for f in fs] for inp, fs in zip(inputs, results)}

    import random

    rng = random.Random(args.seed)
    for name, items in sets.items():
        found = {it["id"]: found_all[f"{name}/{it['id']}.txt"] for it in items}
        if "_binary" in name:
            line, misses, alarms = score_binary(items, found, AGGRESSIVE)
        else:
            line, misses, alarms = score_multi(items, found)
        bar = BARS.get(name)
        print(f"{name:32} {line}" + (f"   (bar: {bar})" if bar else ""))
        if args.groups:
            groups = defaultdict(lambda: [0, 0])
            for it in items:
                y = int(it["label"]) if "_binary" in name else int(bool(it["categories"]))
                g = groups[(y, it.get("group") or "-")]
                g[0] += 1
                g[1] += bool({f["category"] for f in found[it["id"]]} & AGGRESSIVE)
            for (y, g), (n, k) in sorted(groups.items(), key=lambda kv: (-kv[0][0], -kv[1][0])):
                print(f"    {y} {g[:40]:40} n={n:4} aggressive-flagged={k / n:.2f}")
        if args.rules:
            per = defaultdict(lambda: [0, 0])
            for it in items:
                positive = bool(int(it["label"])) if "_binary" in name else bool(it["categories"])
                for rid in {f["rule"] for f in found[it["id"]]}:
                    per[rid][positive] += 1
            for rid, (neg, pos) in sorted(per.items(), key=lambda kv: -sum(kv[1])):
                print(f"    {rid:8} on clean={neg:3}  on positive={pos:3}")
        if args.show_misses:
            if args.seed:
                rng.shuffle(misses)
                rng.shuffle(alarms)
            for label, xs in (("MISS", misses), ("FALSE ALARM", alarms)):
                for it in xs[: args.show_misses]:
                    rules = sorted({(f["rule"], f["text"]) for f in found[it["id"]]})
                    print(f"  {label} {it['id']} [{it.get('group', '')}] {rules} :: {it['text'][:300]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
