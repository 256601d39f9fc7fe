#!/usr/bin/env python3
"""Hostile input: time and peak RSS of assertlint on pathological files, generated here.

    python benchmarks/hostile.py                  # every case
    python benchmarks/hostile.py --only backticks-md table-100k
    python benchmarks/hostile.py --timeout 60 --json out.json

Each case is one fresh `assertlint --format json --no-cache -j 1 CANARY HOSTILE` process: the
hostile file beside a small draft with a known finding (the canary), so a row also says whether
the other files of the same run were still checked. A row reports the wall time, the peak RSS of
the process, its exit code, whether the canary's finding came out, and the note assertlint gave
for the hostile file (if any). The bounds the project promises (README, "Hostile input"): every
case under 30 s and 500 MB, the canary always checked.

The cases are those of issue 16: backtick runs (.txt, .md, .rst), the gate case ("put" then
170 "i" then 70 "feel"), floods of "<!--" and "<http:" in Markdown, a run of letters then ")",
dense trigger-laden text with no sentence break (150 kB and 1.2 MB), a 5 MB line, a
100,000-row Markdown table and a paragraph of 80,000 lines (.txt and .md).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CANARY = "Sorry to bother you, but is the report ready?\n"
CANARY_RULE = "APO001"
TIME_BOUND = 30.0
RSS_BOUND_MB = 500.0

_TRIGGERS = ("sorry", "just", "maybe", "I think", "you always", "honestly", "stupid", "obviously",
             "I feel", "please", "I was wondering", "actually", "no offense", "whatever")


def _dense(size: int) -> str:
    """Trigger words, commas and no sentence break: every unit passes the gate."""
    rnd = random.Random(16)
    words = []
    n = 0
    while n < size:
        w = rnd.choice(_TRIGGERS) + rnd.choice((" ", ", ", " and "))
        words.append(w)
        n += len(w)
    return "".join(words)


def _line_5mb() -> str:
    rnd = random.Random(5)
    vocab = "the report is late and you never reply so I think maybe we should talk about it".split()
    out, n = [], 0
    while n < 5_000_000:
        w = rnd.choice(vocab)
        out.append(w)
        n += len(w) + 1
    return " ".join(out)


def _table(rows: int) -> str:
    head = "| name | note | owner |\n|---|---|---|\n"
    return head + "".join(f"| item {i} | you always forget this {i} | me |\n" for i in range(rows))


def _paragraph(lines: int) -> str:
    return "".join(f"line {i} of the notes I just wanted to add\n" for i in range(lines))


CASES = {
    "backticks-txt": ("hostile.txt", lambda: "Hi " + "`" * 1500 + "\n"),
    "backticks-md": ("hostile.md", lambda: "Hi " + "`" * 1500 + "\n"),
    "backticks-rst": ("hostile.rst", lambda: "Hi " + "`" * 1500 + "\n"),
    "backticks-10k-md": ("hostile.md", lambda: ("a `" * 5000) + "\n"),
    "gate": ("hostile.txt", lambda: "put " + "i " * 170 + "feel " * 70),
    "gate-x2": ("hostile.txt", lambda: "put " + "i " * 340 + "feel " * 140),
    "comments-md": ("hostile.md", lambda: "<!--" * 16000 + "\n"),
    "autolinks-md": ("hostile.md", lambda: "<http:" * 16000 + "\n"),
    "letters-paren": ("hostile.txt", lambda: "a" * 32000 + ")\n"),
    "dense-150k": ("hostile.txt", lambda: _dense(150_000)),
    "dense-1.2m": ("hostile.txt", lambda: _dense(1_200_000)),
    "line-5mb": ("hostile.txt", _line_5mb),
    "table-100k": ("hostile.md", lambda: _table(100_000)),
    "paragraph-80k-txt": ("hostile.txt", lambda: _paragraph(80_000)),
    "paragraph-80k-md": ("hostile.md", lambda: _paragraph(80_000)),
}


def assertlint_cmd() -> list[str]:
    exe = shutil.which("assertlint") or os.path.join(os.path.dirname(sys.executable), "assertlint")
    return [exe]


def run_case(name: str, folder: Path, timeout: float) -> dict:
    fname, make = CASES[name]
    case_dir = folder / name
    case_dir.mkdir()
    canary = case_dir / "canary.txt"
    canary.write_text(CANARY, encoding="utf-8")
    hostile = case_dir / fname
    hostile.write_text(make(), encoding="utf-8")
    size = hostile.stat().st_size
    cmd = assertlint_cmd() + ["--format", "json", "--no-cache", "-j", "1", str(canary), str(hostile)]
    env = {**os.environ, "ASSERTLINT_CACHE_DIR": str(case_dir / "cache")}
    out_path, err_path = case_dir / "stdout", case_dir / "stderr"
    t0 = time.perf_counter()
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, stdin=subprocess.DEVNULL, env=env,
                                start_new_session=True)
        timed_out = False
        deadline = t0 + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                os.killpg(proc.pid, signal.SIGKILL)
                timed_out = True
                _, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.05)
    wall = time.perf_counter() - t0
    code = os.waitstatus_to_exitcode(status)
    rss = usage.ru_maxrss / 1024
    canary_ok = False
    try:
        findings = json.loads(out_path.read_text(encoding="utf-8"))
        canary_ok = any(f["path"] == str(canary) and f["rule"] == CANARY_RULE for f in findings)
    except (ValueError, KeyError, TypeError):
        pass
    note = " ".join(line for line in err_path.read_text(encoding="utf-8", errors="replace").splitlines()
                    if str(hostile) in line)[:160]
    ok = not timed_out and wall < TIME_BOUND and rss < RSS_BOUND_MB and canary_ok and code in (0, 1, 2)
    row = {"case": name, "bytes": size, "seconds": round(wall, 2), "peak_rss_mb": round(rss, 1),
           "exit": None if timed_out else code, "timed_out": timed_out, "canary_checked": canary_ok,
           "within_bounds": ok, "note": note}
    flag = "ok " if ok else "BAD"
    shown = f">{timeout:.0f}" if timed_out else f"{wall:.2f}"
    print(f"{flag} {name:<18} {size:>10,} B {shown:>8} s {rss:>8.1f} MB  exit {row['exit']}  "
          f"canary {'yes' if canary_ok else 'NO '}  {note[:90]}", flush=True)
    return row


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", nargs="*", choices=sorted(CASES), help="run only these cases")
    ap.add_argument("--timeout", type=float, default=120.0, help="kill a case after this many seconds")
    ap.add_argument("--json", type=Path, help="write the rows here as JSON")
    args = ap.parse_args()
    names = args.only or list(CASES)
    try:
        load = os.getloadavg()
        print(f"load average before: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} on {os.cpu_count()} cores")
    except OSError:
        pass
    folder = Path(tempfile.mkdtemp(prefix="assertlint-hostile-"))
    rows = []
    try:
        for name in names:
            rows.append(run_case(name, folder, args.timeout))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    bad = [r["case"] for r in rows if not r["within_bounds"]]
    print(f"{len(rows) - len(bad)} of {len(rows)} cases within {TIME_BOUND:.0f} s and {RSS_BOUND_MB:.0f} MB "
          f"with the canary checked" + (f"; outside: {', '.join(bad)}" if bad else ""))
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2) + "\n")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
