#!/usr/bin/env python3
"""The audit benchmark: messages/s of `assertlint audit` with 1 and 2 local Dask workers on a
generated archive of 1,000,000 words, and the peak RSS of each worker.

    python benchmarks/audit.py                      # 1,000,000 words, 3 repeats of 1 and 2 workers
    python benchmarks/audit.py --words 200000 --repeat 1
    python benchmarks/audit.py --json audit-bench.json

Each run is a fresh `assertlint audit ARCHIVE --out DIR --fresh -j N` process (a LocalCluster of
N single-threaded workers), run in alternating order (1, 2, 2, 1, ...) so that a change of load
on the machine hits both. Figures come from the run's own run.json:
  processing   seconds from the first task submitted to the last one done (the workers already
               started, the model already loaded in each by the worker plugin): messages/s and
               words/s are over this span;
  wall         the whole command, start-up and report included;
  peak RSS     each worker process's own peak (getrusage in the worker);
  core share   a worker's CPU seconds while processing / processing seconds: 1.00 when it had a
               core to itself; lower when other work on the machine took its share;
  msg/CPU-s    messages per CPU-second of the workers: equal for 1 and 2 workers when running in
               parallel costs nothing extra (then only a busy machine keeps scaling below 2x).
Scaling = median messages/s with 2 workers / median with 1. Needs the audit extra
(pip install ".[audit]"). The archive is made here, deterministically (no ../shared needed).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

# Workplace chat: mostly plain sentences, some with the hedges, apologies, minimisers and
# judgements the rules look for, as in real team chat.
SUBJECTS = ["The build", "The release", "Our dashboard", "The staging server", "The new parser", "This migration",
            "The design review", "The client demo", "The invoice run", "The on-call rota", "The API gateway",
            "The test suite", "Her patch", "The nightly job", "The search index", "The backup", "The roadmap"]
VERBS = ["failed again on", "finished before", "needs another look after", "moved to", "is blocked until",
         "passed on", "slowed down after", "was rescheduled for", "depends on", "broke during", "is ready for"]
OBJECTS = ["the Monday deploy", "lunch", "the holiday freeze", "the vendor call", "the last merge", "the audit",
           "the data import", "the retro", "the sprint review", "the security scan", "the customer call",
           "the cache flush", "the schema change", "the load test", "the quarterly report"]
TAILS = ["", "", "", " as far as I can see", " according to the logs", " for the third time", " this week",
         " in the EU region", " with the new flags", " on both clusters"]
TONED = [
    "Sorry to bother you, but could you look at it?", "I just wanted to check in on this.",
    "I think maybe we should roll it back.", "You always ignore the alerts.", "Whatever, do what you want.",
    "I'm no expert, but the numbers look off.", "Is it okay if I take the afternoon off?",
    "Per my last message, this was due yesterday.", "If you don't fix it today, I'll escalate.",
    "Sorry if this is a dumb question, but where are the logs?", "You never test your changes.",
    "I was wondering if you could review my PR.", "Does that make sense?", "Nobody asked you to redesign it.",
]
AUTHORS = [f"user{i:03d}" for i in range(120)]
CHANNELS = ["dev", "ops", "support", "design", "random", "release", "data", "security"]


def generate(path: Path, words: int, seed: int = 14) -> tuple[int, int]:
    """A JSONL archive of about `words` words in messages of ~50 words; (messages, words)."""
    rnd = random.Random(seed)
    t = datetime(2023, 1, 1, tzinfo=timezone.utc)
    n = total = 0
    with open(path, "w", encoding="utf-8") as fh:
        while total < words:
            sents = []
            size = 0
            target = rnd.randint(25, 75)
            while size < target:
                if rnd.random() < 0.12:
                    s = rnd.choice(TONED)
                else:
                    s = f"{rnd.choice(SUBJECTS)} {rnd.choice(VERBS)} {rnd.choice(OBJECTS)}{rnd.choice(TAILS)}."
                sents.append(s)
                size += len(s.split())
            text = " ".join(sents)
            n += 1
            total += len(text.split())
            t += timedelta(minutes=rnd.randint(1, 40))
            fh.write(json.dumps({"id": n, "author": rnd.choice(AUTHORS), "channel": rnd.choice(CHANNELS),
                                 "timestamp": t.isoformat(), "text": text}) + "\n")
    return n, total


def run_once(exe: list[str], archive: Path, out: Path, workers: int) -> dict:
    t0 = time.perf_counter()
    res = subprocess.run([*exe, "audit", str(archive), "--out", str(out), "--fresh", "-j", str(workers), "-q",
                          "--isolated"], capture_output=True, text=True)
    wall = time.perf_counter() - t0
    if res.returncode != 0:
        raise SystemExit(f"audit with {workers} worker(s) exited {res.returncode}: {res.stderr[-2000:]}")
    stats = json.loads((out / "run.json").read_text())
    stats["wall"] = wall
    return stats


def per_cpu_second(s: dict) -> float:
    """Messages per CPU-second of the workers: the work's own cost, whatever else ran."""
    cpu = sum((s.get("cpu_share_per_worker") or {}).values()) * s["seconds_processing"]
    return s["messages_this_run"] / cpu if cpu else 0.0


def load() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "?"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--words", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--json", type=Path, help="write every run's figures here")
    ap.add_argument("--keep", type=Path, help="make the archive and outputs here and keep them")
    args = ap.parse_args()
    exe = [shutil.which("assertlint") or os.path.join(os.path.dirname(sys.executable), "assertlint")]
    tmp = args.keep or Path(tempfile.mkdtemp(prefix="assertlint-audit-bench-"))
    tmp.mkdir(parents=True, exist_ok=True)
    try:
        archive = tmp / "archive.jsonl"
        n, words = generate(archive, args.words)
        print(f"archive: {n:,} messages, {words:,} words, {archive.stat().st_size / 1e6:.1f} MB; "
              f"{os.cpu_count()} CPUs; load average {load()}", flush=True)
        runs: dict[int, list[dict]] = {w: [] for w in args.workers}
        for r in range(args.repeat):
            order = args.workers if r % 2 == 0 else list(reversed(args.workers))
            for w in order:
                s = run_once(exe, archive, tmp / f"out-{w}", w)
                runs[w].append(s)
                rss = max(s.get("peak_rss_mb_per_worker", {0: 0}).values())
                share = s.get("cpu_share_per_worker") or {0: 0}
                print(f"  run {r + 1}, {w} worker(s): {s['messages_per_s']:>8,.0f} msg/s {s['words_per_s']:>9,.0f} w/s "
                      f"processing {s['seconds_processing']:6.1f} s, wall {s['wall']:6.1f} s, "
                      f"peak RSS per worker {rss:5.0f} MB, core share per worker "
                      f"{statistics.mean(share.values()):.2f}, load {load()}", flush=True)
        print()
        print(f"{'workers':>7} {'msg/s':>9} {'words/s':>9} {'processing s':>13} {'wall s':>7} "
              f"{'peak RSS/worker MB':>19} {'core share':>10} {'msg/CPU-s':>10}")
        med = {}
        for w, ss in runs.items():
            med[w] = statistics.median(s["messages_per_s"] for s in ss)
            rss = max(max(s.get("peak_rss_mb_per_worker", {0: 0}).values()) for s in ss)
            share = statistics.median(statistics.mean((s.get("cpu_share_per_worker") or {0: 0}).values()) for s in ss)
            print(f"{w:>7} {med[w]:>9,.0f} {statistics.median(s['words_per_s'] for s in ss):>9,.0f} "
                  f"{statistics.median(s['seconds_processing'] for s in ss):>13.1f} "
                  f"{statistics.median(s['wall'] for s in ss):>7.1f} {rss:>19.0f} {share:>10.2f} "
                  f"{statistics.median(per_cpu_second(s) for s in ss):>10,.0f}")
        if 1 in med and 2 in med:
            print(f"\nscaling, 2 workers / 1 worker (medians of {args.repeat}): {med[2] / med[1]:.2f}x")
        if args.json:
            args.json.write_text(json.dumps({"messages": n, "words": words, "runs": runs}, indent=2, default=str))
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
