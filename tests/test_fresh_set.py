"""The fresh labelled set (tests/data/fresh.jsonl) scored through the Python API, the way
../shared/eval/score.py scores a set through the command line: per-category precision, recall
and F1 over the `categories` each item expects (`allowed` may be found without counting as a
false alarm), micro-F1, and the clean-rate (items labelled [] with no unexpected finding).

The set was written independently of the dev set to measure generalisation. The floors sit a
little under what the rules reach, so a regression fails here."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

FRESH = Path(__file__).resolve().parent / "data" / "fresh.jsonl"
CATEGORIES = [
    "judging", "threat", "stonewalling", "confidence-breach", "boundary-violation",
    "passive-aggressive",
    "hedge", "minimizer", "apology", "permission-seeking", "self-deprecation", "validation-seeking",
]
MIN_MICRO_F1 = 0.94      # reached 0.972
MIN_CLEAN_RATE = 0.97    # reached 1.000
MIN_CATEGORY_F1 = 0.80   # lowest category reached 0.92


def _f1(tp: int, fp: int, fn: int) -> float:
    pr = tp / (tp + fp) if tp + fp else 1.0
    rc = tp / (tp + fn) if tp + fn else 1.0
    return 2 * pr * rc / (pr + rc) if pr + rc else 0.0


@pytest.fixture(scope="module")
def scores(linter):
    from assertlint.engine.linter import Input

    items = [json.loads(line) for line in FRESH.read_text(encoding="utf-8").splitlines() if line.strip()]
    results = linter.check([Input(it["id"] + ".txt", it["text"] + "\n", "text") for it in items])
    tp, fp, fn = Counter(), Counter(), Counter()
    clean = clean_ok = 0
    misses = []
    for it, findings in zip(items, results):
        want, ok = set(it["categories"]), set(it.get("allowed", []))
        got = {f.category for f in findings}
        for c in got & want:
            tp[c] += 1
        for c in got - want - ok:
            fp[c] += 1
        for c in want - got:
            fn[c] += 1
        if not want:
            clean += 1
            clean_ok += not (got - ok)
        if want - got or got - want - ok:
            misses.append(f"{it['id']}: missed={sorted(want - got)} extra={sorted(got - want - ok)} :: {it['text']}")
    per_cat = {c: _f1(tp[c], fp[c], fn[c]) for c in CATEGORIES}
    micro = _f1(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    return {"items": items, "per_cat": per_cat, "micro": micro, "clean_rate": clean_ok / clean, "misses": misses}


def test_fresh_set_is_well_formed():
    items = [json.loads(line) for line in FRESH.read_text(encoding="utf-8").splitlines() if line.strip()]
    ids = [it["id"] for it in items]
    assert len(ids) == len(set(ids))
    for it in items:
        assert set(it) <= {"id", "text", "categories", "allowed", "note"}
        assert it["categories"] == sorted(it["categories"])
        assert set(it["categories"]) | set(it.get("allowed", [])) <= set(CATEGORIES), it["id"]
    assert sum(not it["categories"] for it in items) >= 60
    for c in CATEGORIES:
        assert sum(c in it["categories"] for it in items) >= 10, c


def test_fresh_micro_f1(scores):
    assert scores["micro"] >= MIN_MICRO_F1, "\n".join(scores["misses"])


def test_fresh_clean_rate(scores):
    assert scores["clean_rate"] >= MIN_CLEAN_RATE, "\n".join(scores["misses"])


@pytest.mark.parametrize("category", CATEGORIES)
def test_fresh_category_f1(scores, category):
    assert scores["per_cat"][category] >= MIN_CATEGORY_F1, "\n".join(scores["misses"])
