#!/usr/bin/env python3
"""The benchmark harness: wall time, words per second and peak RSS of assertlint on the shared
benchmark corpus, beside proselint (when installed) and raw spaCy on the same text in the same run.

    python benchmarks/run.py                    # every scenario, corpus from ../shared/bench/corpus
    python benchmarks/run.py --only small docs  # some scenarios
    python benchmarks/run.py --corpus DIR --json out.json

Scenarios (each a fresh process, so start-up counts, as for a user):
  small        a 154-word e-mail draft with findings, cold
  clean        a 150-word draft with no trigger word at all, cold (never loads the model)
  medium       2,000 words of doc prose
  docs         200 Markdown files of ~1,000 words, cold, both cores (no cache)
  docs-cached  the same 200 files again with a warm result cache
  large        200,000 words in one file
  engine       in-process: assertlint's time on large.txt against raw nlp.pipe over exactly the
               sentences assertlint parses, with the components it loads (the engine's overhead)
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parent.parent / "shared" / "bench" / "corpus"
CLEAN_DRAFT = (
    "Hello Maria,\n\nThe quarterly numbers are in the shared folder. Revenue grew eight percent "
    "over the last quarter, driven by the new subscription tier. Costs were flat. The support "
    "team closed two hundred tickets, and the average response time dropped to four hours.\n\n"
    "The board meeting moves to Thursday at ten. Please bring the slides for the hiring plan and "
    "the budget for the office move. The agenda is attached. The catering order goes out on "
    "Monday, so send dietary needs to Tom by Friday noon.\n\nOne item for the agenda: the "
    "contract with the cleaning company ends in June. Three quotes arrived last week. The "
    "cheapest is from a local firm with good references. Tom recommends it, and the finance team "
    "agrees. The decision is needed at the meeting.\n\nRegards,\nAnton\n"
)


def words_in(paths: list[Path]) -> int:
    return sum(len(p.read_text(encoding="utf-8").split()) for p in paths)


def measure(cmd: list[str], env: dict | None = None, stdin: str | None = None) -> tuple[float, float, int]:
    """(wall seconds, peak RSS in MB of the process tree's largest process, exit code)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
                            env={**os.environ, **(env or {})})
    if stdin is not None:
        proc.stdin.write(stdin.encode())
        proc.stdin.close()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode(errors="replace")
    if proc.returncode not in (0, 1):
        print(f"  ! {' '.join(cmd[:3])} exited {proc.returncode}: {err[-500:]}", file=sys.stderr)
    return wall, usage.ru_maxrss / 1024, proc.returncode


def assertlint_cmd() -> list[str]:
    exe = shutil.which("assertlint") or os.path.join(os.path.dirname(sys.executable), "assertlint")
    return [exe]


def row(name: str, tool: str, words: int, wall: float, rss: float) -> dict:
    r = {"scenario": name, "tool": tool, "words": words, "seconds": round(wall, 3),
         "words_per_s": int(words / wall) if wall else 0, "peak_rss_mb": round(rss, 1)}
    print(f"{name:<12} {tool:<22} {words:>8} words {wall:>8.2f} s {r['words_per_s']:>9} w/s {rss:>8.1f} MB", flush=True)
    return r


def engine_overhead(corpus: Path) -> list[dict]:
    """assertlint in-process on large.txt (one core, no cache) against raw nlp.pipe on exactly
    the units it parses, and against parsing everything."""
    from assertlint.api import make_linter
    from assertlint.engine.linter import Input, _units
    from assertlint.source.markup import prose_blocks

    text = (corpus / "large.txt").read_text(encoding="utf-8")
    words = len(text.split())
    linter = make_linter(jobs=1)
    nlp = linter.nlp
    linter.compiled
    t0 = time.perf_counter()
    findings = linter.check([Input("large.txt", text, "text")])[0]
    total = time.perf_counter() - t0
    units = [prose.text[a:b] for prose in prose_blocks(text, "text") for a, b in _units(prose)]
    gated = [u for u in units if linter.engine.gate.admits(u)]
    t0 = time.perf_counter()
    for _ in nlp.pipe(gated, batch_size=64):
        pass
    parse = time.perf_counter() - t0
    t0 = time.perf_counter()
    for _ in nlp.pipe(units, batch_size=64):
        pass
    everything = time.perf_counter() - t0
    t = linter.timings
    engine = t["match+context"] + t["merge"] + t["rewrite+findings"]
    overhead = engine / t["parse"] if t["parse"] else 0.0
    print(f"engine       large.txt: {len(findings)} findings; assertlint {total:.2f} s in-process, of which "
          f"reading+markup+gate {t['read+gate']:.2f} s, parse {t['parse']:.2f} s, "
          f"matching+context {t['match+context']:.2f} s, merge {t['merge']:.2f} s, "
          f"rewrites+findings {t['rewrite+findings']:.2f} s")
    print(f"engine       raw nlp.pipe over the {len(gated)}/{len(units)} sentences it parses: {parse:.2f} s; "
          f"parsing everything: {everything:.2f} s ({words / everything:.0f} w/s, components {nlp.pipe_names})")
    print(f"engine       overhead (matching, context, rewrites, merging) = {overhead:.1%} of parse time; "
          f"assertlint in-process vs raw parse of everything: {total / everything:.1%}")
    return [
        {"scenario": "engine", "tool": "assertlint in-process", "words": words, "seconds": round(total, 3)},
        {"scenario": "engine", "tool": "nlp.pipe gated units", "words": words, "seconds": round(parse, 3)},
        {"scenario": "engine", "tool": "nlp.pipe everything", "words": words, "seconds": round(everything, 3)},
        {"scenario": "engine", "tool": "overhead ratio", "value": round(overhead, 4)},
        {"scenario": "engine", "tool": "stage seconds", "value": {k: round(v, 3) for k, v in t.items()}},
    ]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--only", nargs="*", default=None)
    ap.add_argument("--json", type=Path, help="write the rows here as JSON")
    args = ap.parse_args()
    corpus = args.corpus
    if not (corpus / "small.txt").exists():
        print(f"benchmark corpus not found at {corpus} (it lives in ../shared/bench/corpus)", file=sys.stderr)
        return 2
    want = set(args.only or ["small", "clean", "medium", "docs", "docs-cached", "large", "engine"])
    al = assertlint_cmd()
    proselint = shutil.which("proselint")
    docs = sorted((corpus / "docs").glob("*.md"))
    rows: list[dict] = []
    tmp = Path(tempfile.mkdtemp(prefix="assertlint-bench-"))
    nocache = {"ASSERTLINT_CACHE_DIR": str(tmp / "unused")}
    try:
        if "small" in want:
            f = corpus / "small.txt"
            rows.append(row("small", "assertlint", words_in([f]), *measure(al + ["--no-cache", str(f)], nocache)[:2]))
            if proselint:
                rows.append(row("small", "proselint", words_in([f]), *measure([proselint, "check", str(f)])[:2]))
        if "clean" in want:
            f = tmp / "clean.txt"
            f.write_text(CLEAN_DRAFT)
            rows.append(row("clean", "assertlint", words_in([f]), *measure(al + ["--no-cache", str(f)], nocache)[:2]))
        if "medium" in want:
            f = corpus / "medium.txt"
            rows.append(row("medium", "assertlint", words_in([f]), *measure(al + ["--no-cache", str(f)], nocache)[:2]))
            if proselint:
                rows.append(row("medium", "proselint", words_in([f]), *measure([proselint, "check", str(f)])[:2]))
        if "docs" in want or "docs-cached" in want:
            n = words_in(docs)
            if "docs" in want:
                rows.append(row("docs", "assertlint -j2", n, *measure(al + ["--no-cache", "-j", "2", str(corpus / "docs")], nocache)[:2]))
                rows.append(row("docs", "assertlint -j1", n, *measure(al + ["--no-cache", "-j", "1", str(corpus / "docs")], nocache)[:2]))
                if proselint:
                    rows.append(row("docs", "proselint", n, *measure([proselint, "check", *map(str, docs)])[:2]))
            if "docs-cached" in want:
                cache = {"ASSERTLINT_CACHE_DIR": str(tmp / "cache")}
                measure(al + [str(corpus / "docs")], cache)  # warm it
                rows.append(row("docs-cached", "assertlint", n, *measure(al + [str(corpus / "docs")], cache)[:2]))
        if "large" in want:
            f = corpus / "large.txt"
            n = words_in([f])
            rows.append(row("large", "assertlint -j2", n, *measure(al + ["--no-cache", "-j", "2", str(f)], nocache)[:2]))
            if proselint:
                rows.append(row("large", "proselint", n, *measure([proselint, "check", str(f)])[:2]))
        if "engine" in want:
            rows.extend(engine_overhead(corpus))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
