#!/usr/bin/env python3
"""Does technical documentation stay quiet? Findings per 10,000 words, by category, beside the
rate of the 23 Just Not Sorry (JNS) patterns on the same text.

    .venv/bin/python scripts/measure_docs_quiet.py [CORPUS ...] [--json]

CORPUS: plain-text or Markdown files (default: ../shared/bench/corpus/large.txt, 200k words of
Node.js / npm / pip documentation prose; see ../shared/bench/SOURCE.md). The target is that the
hedge + minimizer rate is at most half the JNS rate: documentation is full of "just", "actually",
"very", "try", "maybe" and "sort of" used plainly, and assertlint must leave those alone.

The JNS patterns are the extension's own regular expressions (case-insensitive, as the extension
matches them), copied here so the script runs without ../shared; when
../shared/data/lexicons/just-not-sorry/phrases.json exists, that file is used instead.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DEFAULT_CORPUS = SHARED / "bench" / "corpus" / "large.txt"
JNS_JSON = SHARED / "data" / "lexicons" / "just-not-sorry" / "phrases.json"

# (label, pattern) for the 23 Just Not Sorry patterns.
JNS_PATTERNS: list[tuple[str, str]] = [
    ("Just", r"\b(just)\b"),
    ("Actually", r"\b(actually)\b"),
    ("Sorry", r"\b(sorry)\b"),
    ("Apologize / Apologies / Forgive", r"\b(apologize|apologies|forgive)\b"),
    ("I think / We think", r"\b(I think|We think)\b"),
    ("I'm no expert", r"\b(I'm no expert|We're no expert|We're no experts|We're not experts)\b"),
    ("Yes, but", r"\b(Yes, but)\b"),
    ("Literally", r"\b(literally)\b"),
    ("Very", r"\b(very)\b"),
    ("Kind of / Sort of", r"\b(kind of|sort of)\b"),
    ("Does that make sense / If that's okay",
     r"(does that make sense|did that make sense|does this make sense|did this make sense|if that makes sense|if that's (okay|ok))"),
    ("Try", r"\b(try|trying|tried)\b"),
    ("I should", r"\b(I should)\b"),
    ("I feel", r"\b(I feel)\b"),
    ("I believe / We believe / We feel", r"\b(I believe|we believe|we feel)\b"),
    ("I'm just saying", r"\b(I'm just saying)\b"),
    ("In my opinion", r"\b(In my opinion)\b"),
    ("This might be a stupid question", r"\b(This might be a stupid question|This might be a silly idea)\b"),
    ("I may / might / could be wrong", r"\b(I may be wrong|I might be wrong|I could be wrong)\b"),
    ("Honestly / to be honest", r"\b(I'm just being honest here|If I'm being honest|Honestly|to be honest|if I'm honest|to be perfectly honest|in all honesty)\b"),
    ("I guess", r"\b(I guess)\b"),
    ("Maybe", r"\b(Maybe)\b"),
    ("!!!", r"!{3,}"),
]
WORD = re.compile(r"[A-Za-z0-9]+(?:['\u2019][A-Za-z]+)*")
PER = 10_000


def jns_patterns() -> list[tuple[str, re.Pattern]]:
    pats = JNS_PATTERNS
    if JNS_JSON.exists():
        data = json.loads(JNS_JSON.read_text(encoding="utf-8"))
        pats = [(" / ".join(p["displayLabel"]), p["pattern"]) for p in data]
    return [(label, re.compile(p, re.IGNORECASE)) for label, p in pats]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", nargs="*", type=Path, help="text or Markdown files")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--show", type=int, default=0, metavar="N", help="print up to N findings per category")
    args = ap.parse_args(argv)
    paths = args.corpus or [DEFAULT_CORPUS]
    for p in paths:
        if not p.exists():
            print(f"corpus file not found: {p}", file=sys.stderr)
            return 2

    sys.path.insert(0, str(ROOT / "src"))
    from assertlint.api import make_linter
    from assertlint.engine.linter import Input
    from assertlint.source.markup import kind_for
    from assertlint.taxonomy import CATEGORIES

    texts = [p.read_text(encoding="utf-8") for p in paths]
    words = sum(len(WORD.findall(t)) for t in texts)
    jns = Counter()
    for label, rx in jns_patterns():
        for t in texts:
            jns[label] += sum(1 for _ in rx.finditer(t))
    t0 = time.perf_counter()
    linter = make_linter()
    results = linter.check([Input(str(p), t, kind_for(str(p))) for p, t in zip(paths, texts)])
    secs = time.perf_counter() - t0
    by_cat = Counter(f.category for fs in results for f in fs)
    by_rule = Counter(f.rule for fs in results for f in fs)

    def rate(n: int) -> float:
        return n * PER / words if words else 0.0

    jns_total = sum(jns.values())
    hm = by_cat["hedge"] + by_cat["minimizer"]
    passive4 = sum(by_cat[c] for c in ("hedge", "minimizer", "apology", "permission-seeking"))
    out = {
        "corpus": [str(p) for p in paths],
        "words": words,
        "seconds": round(secs, 1),
        "jns_matches": jns_total,
        "jns_per_10k": round(rate(jns_total), 2),
        "jns_by_pattern_per_10k": {k: round(rate(v), 2) for k, v in jns.most_common() if v},
        "findings": sum(by_cat.values()),
        "findings_per_10k": round(rate(sum(by_cat.values())), 2),
        "by_category_per_10k": {c: round(rate(by_cat[c]), 2) for c in CATEGORIES},
        "by_category_count": {c: by_cat[c] for c in CATEGORIES if by_cat[c]},
        "by_rule_count": dict(by_rule.most_common()),
        "hedge_plus_minimizer_per_10k": round(rate(hm), 2),
        "passive_pack_per_10k": round(rate(passive4), 2),
        "target": "hedge + minimizer rate <= 0.5 x JNS rate",
        "ratio_hedge_minimizer_to_jns": round(hm / jns_total, 4) if jns_total else None,
        "meets_target": bool(jns_total) and hm <= 0.5 * jns_total,
    }
    if args.json:
        print(json.dumps(out, indent=2))
    else:
        print(f"corpus: {', '.join(out['corpus'])}")
        print(f"words: {words:,}   lint time: {secs:.1f} s")
        print(f"\nJust Not Sorry patterns: {jns_total} matches = {out['jns_per_10k']:.2f} per 10k words")
        for k, v in out["jns_by_pattern_per_10k"].items():
            print(f"  {k:40s} {v:8.2f}")
        print(f"\nassertlint findings: {out['findings']} = {out['findings_per_10k']:.2f} per 10k words")
        for c in CATEGORIES:
            print(f"  {c:22s} {out['by_category_per_10k'][c]:8.2f}   ({by_cat[c]})")
        print(f"\nhedge + minimizer: {out['hedge_plus_minimizer_per_10k']:.2f} per 10k words "
              f"= {100 * (out['ratio_hedge_minimizer_to_jns'] or 0):.1f}% of the JNS rate "
              f"(target <= 50%): {'OK' if out['meets_target'] else 'MISSED'}")
        if by_rule:
            print("by rule: " + ", ".join(f"{r} {n}" for r, n in by_rule.most_common()))
    if args.show:
        shown = Counter()
        for fs in results:
            for f in fs:
                if shown[f.category] < args.show:
                    shown[f.category] += 1
                    print(f"[{f.category} {f.rule}] {f.text!r}", file=sys.stderr)
    return 0 if out["meets_target"] else 1


if __name__ == "__main__":
    sys.exit(main())
