#!/usr/bin/env python3
"""The benchmark harness: assertlint against proselint 0.16.0 (its peer, a regex linter) on the
shared benchmark corpus, as ratios from alternating runs on the same machine in the same minutes.

    pip install proselint==0.16.0               # the peer (into the same environment)
    python benchmarks/run.py                    # every peer scenario, 5 pairs each (a few minutes)
    python benchmarks/run.py --only docs daemon --pairs 9
    python benchmarks/run.py --json out.json    # the raw times too

Each scenario runs assertlint and proselint alternately (A B, B A, ...), each a fresh process with
default options, and reports the medians, their ratio and the median of the per-pair ratios, the
CPU time, assertlint's peak RSS (the daemon's own included), and the load average before and
after: on a shared machine a ratio means something only beside the load it was measured under.
Exit status 1 when a ratio misses its target (issue 15).

Peer scenarios:
  small        the 154-word e-mail draft, cold (an empty result cache)        no target: as before
  docs         200 Markdown files of ~1,000 words, cold                        target <= 0.75
  large        200,000 words in one file, cold                                 target <= 0.8
  docs-cached  the same 200 files with every result cached                     target <= 0.1
  daemon       the draft through a running `assertlint daemon`                 target <= 0.5
Other scenarios (assertlint alone, one run each): clean (150 words, no trigger word), medium
(2,000 words); engine: in-process stage times on large.txt against raw nlp.pipe.
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


# -- the peer comparison: alternating pairs, medians ------------------------------------------------
TARGETS = {"docs": 0.75, "large": 0.8, "docs-cached": 0.1, "daemon": 0.5}
PEER_SCENARIOS = ("small", "docs", "large", "docs-cached", "daemon")


def loadavg() -> str:
    try:
        with open("/proc/loadavg") as fh:
            return " ".join(fh.read().split()[:3])
    except OSError:
        return "?"


def timed(cmd: list[str], env: dict | None = None) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds of the process and its waited-for children, peak RSS MB)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
                            env={**os.environ, **(env or {})})
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        err = proc.stderr.read().decode(errors="replace")
        print(f"  ! {' '.join(cmd[:4])} exited {code}: {err[-400:]}", file=sys.stderr)
    proc.stderr.close()
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def median(xs: list[float]) -> float:
    xs = sorted(xs)
    n = len(xs)
    return xs[n // 2] if n % 2 else (xs[n // 2 - 1] + xs[n // 2]) / 2


def daemon_status(env: dict) -> dict | None:
    res = subprocess.run(assertlint_cmd() + ["daemon", "status"], capture_output=True, text=True,
                         env={**os.environ, **env})
    if res.returncode != 0:
        return None
    import re

    m = re.search(r"peak RSS ([0-9.]+) MB", res.stdout)
    return {"peak_rss_mb": float(m.group(1)) if m else 0.0}


def peer_scenario(name: str, corpus: Path, tmp: Path, pairs: int, proselint: str) -> dict:
    """`pairs` alternating runs of assertlint and proselint, default options, each a fresh process."""
    al = assertlint_cmd()
    docs = sorted((corpus / "docs").glob("*.md"))
    fresh = iter(range(10**6))

    def cold_env() -> dict:  # an empty result cache every run: default options, nothing cached yet
        return {"ASSERTLINT_CACHE_DIR": str(tmp / f"cold-{next(fresh)}")}

    env_of = cold_env
    if name == "small":
        mine, peer = al + [str(corpus / "small.txt")], [proselint, "check", str(corpus / "small.txt")]
    elif name == "docs":
        mine, peer = al + [str(corpus / "docs")], [proselint, "check", *map(str, docs)]
    elif name == "large":
        mine, peer = al + [str(corpus / "large.txt")], [proselint, "check", str(corpus / "large.txt")]
    elif name == "docs-cached":
        warm = {"ASSERTLINT_CACHE_DIR": str(tmp / "warm-cache")}
        timed(al + [str(corpus / "docs")], warm)  # fill the cache once
        mine, peer = al + [str(corpus / "docs")], [proselint, "check", *map(str, docs)]
        env_of = lambda: warm  # noqa: E731
    elif name == "daemon":
        denv = {"ASSERTLINT_RUNTIME_DIR": str(tmp / "runtime"), "ASSERTLINT_CACHE_DIR": str(tmp / "daemon-cache")}
        subprocess.run(al + ["daemon", "start"], env={**os.environ, **denv}, check=True, capture_output=True)
        mine, peer = al + ["--daemon", "--no-cache", str(corpus / "small.txt")], [proselint, "check", str(corpus / "small.txt")]
        env_of = lambda: denv  # noqa: E731
    else:
        raise ValueError(name)
    timed(mine, env_of())  # one untimed run each: the OS file cache is warm for both
    timed(peer)
    load_before = loadavg()
    a, p, a_cpu, p_cpu, rss = [], [], [], [], 0.0
    for k in range(pairs):
        order = [(mine, True), (peer, False)] if k % 2 == 0 else [(peer, False), (mine, True)]
        for cmd, is_mine in order:
            wall, cpu, mb = timed(cmd, env_of() if is_mine else None)
            (a if is_mine else p).append(wall)
            (a_cpu if is_mine else p_cpu).append(cpu)
            if is_mine:
                rss = max(rss, mb)
    if name == "daemon":
        st = daemon_status(denv)
        rss = max(rss, st["peak_rss_mb"] if st else 0.0)
        subprocess.run(al + ["daemon", "stop"], env={**os.environ, **denv}, capture_output=True)
    ratio = median(a) / median(p)
    pair_ratio = median([x / y for x, y in zip(a, p)])
    target = TARGETS.get(name)
    verdict = "" if target is None else ("ok" if ratio <= target else "MISSED")
    print(f"{name:<12} assertlint {median(a):6.2f} s (cpu {median(a_cpu):5.2f})  proselint {median(p):6.2f} s "
          f"(cpu {median(p_cpu):5.2f})  ratio {ratio:5.2f} (per pair {pair_ratio:4.2f})"
          f"{'' if target is None else f'  target <= {target}: {verdict}'}  peak RSS {rss:5.1f} MB  "
          f"load {load_before} -> {loadavg()}", flush=True)
    return {"scenario": name, "pairs": pairs, "assertlint_s": [round(x, 3) for x in a],
            "proselint_s": [round(x, 3) for x in p], "assertlint_median_s": round(median(a), 3),
            "proselint_median_s": round(median(p), 3), "ratio": round(ratio, 3), "pair_ratio_median": round(pair_ratio, 3),
            "assertlint_cpu_median_s": round(median(a_cpu), 3), "proselint_cpu_median_s": round(median(p_cpu), 3),
            "target": target, "met": None if target is None else ratio <= target, "peak_rss_mb": round(rss, 1),
            "load_before": load_before, "load_after": loadavg()}


def compile_bytecode() -> None:
    """Byte-compile assertlint as an installed wheel is (PYTHONDONTWRITEBYTECODE=1 here would
    otherwise make every run of a development install compile its modules again)."""
    import compileall

    import assertlint

    compileall.compile_dir(os.path.dirname(assertlint.__file__), quiet=1)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--only", nargs="*", default=None, help=f"scenarios (default: {' '.join(PEER_SCENARIOS)})")
    ap.add_argument("--pairs", type=int, default=5, help="alternating assertlint/proselint pairs per scenario (default 5)")
    ap.add_argument("--json", type=Path, help="write the rows here as JSON")
    args = ap.parse_args()
    corpus = args.corpus
    if not (corpus / "small.txt").exists():
        print(f"benchmark corpus not found at {corpus} (it lives in ../shared/bench/corpus)", file=sys.stderr)
        return 2
    want = list(args.only or PEER_SCENARIOS)
    proselint = shutil.which("proselint")
    rows: list[dict] = []
    compile_bytecode()
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"machine: {cores} usable cores, load average {loadavg()} (1, 5, 15 min); "
          f"{args.pairs} alternating pairs per scenario, medians; default options", flush=True)
    tmp = Path(tempfile.mkdtemp(prefix="assertlint-bench-"))
    try:
        for name in want:
            if name in PEER_SCENARIOS:
                if not proselint:
                    print("proselint is not installed (pip install proselint==0.16.0): no peer to compare with",
                          file=sys.stderr)
                    return 2
                rows.append(peer_scenario(name, corpus, tmp, args.pairs, proselint))
            elif name in ("clean", "medium"):
                f = corpus / "medium.txt" if name == "medium" else tmp / "clean.txt"
                if name == "clean":
                    f.write_text(CLEAN_DRAFT)
                env = {"ASSERTLINT_CACHE_DIR": str(tmp / "unused")}
                rows.append(row(name, "assertlint", words_in([f]), *measure(assertlint_cmd() + ["--no-cache", str(f)], env)[:2]))
            elif name == "engine":
                rows.extend(engine_overhead(corpus))
            else:
                print(f"unknown scenario {name!r}", file=sys.stderr)
                return 2
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"load average at the end: {loadavg()}")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2) + "\n")
    return 0 if all(r.get("met") is not False for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
