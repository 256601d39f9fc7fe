#!/usr/bin/env python3
"""Warm diagnostics latency of `assertlint server`, as an editor sees it.

For a 150-word draft and a 2,000-word document (../shared/bench/corpus/small.txt, medium.txt):
open the document in a fresh server, let it warm up, then make many edits, one at a time (a word
typed into, or deleted from, a random sentence: an incremental didChange), and time each from
writing the didChange notification to reading the publishDiagnostics for that version (the
debounce included). Two paces:

  - pause: the next edit comes --pause-ms (150) after the diagnostics, a typing pace of about
    60 words a minute: the server sees an edit after a pause and checks it at once;
  - burst: three edits 5 ms apart (closer than the debounce), timed from the last one: its
    check waits for the debounce (15 ms by default) after it, and for the check of the burst's first edit
    if that one is still running. The conservative figure.

Beside it, in the same run:

  - the floor of the transport: a request the server answers without checking (hover on a
    position with no finding) timed the same way;
  - the floor of the work: the same edited texts checked in this process through the backend,
    warm, with no server in between.

Then the server's resident memory (VmRSS now and its peak VmHWM, from /proc).

    python benchmarks/lsp_latency.py                       # both documents, 3 fresh servers each
    python benchmarks/lsp_latency.py --edits 200 --repeat 5 --json out.json

The machine may be shared: figures vary with its load, so each scenario runs in several fresh
servers and the medians are printed.
"""
from __future__ import annotations

import argparse
import json
import os
import queue
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent.parent / "shared" / "bench" / "corpus"
WORDS = ["really", "quickly", "team", "probably", "update", "maybe", "clearly", "notes", "just", "today"]


class Server:
    """A bare JSON-RPC client over the server's stdio (no client library in the timing path)."""

    def __init__(self, cmd: list[str], cwd: str) -> None:
        self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                     cwd=cwd)
        self.inbox: queue.Queue = queue.Queue()
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        out = self.proc.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    return
                line = line.strip()
                if not line:
                    break
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            msg = json.loads(out.read(length))
            self.inbox.put((time.perf_counter(), msg))

    def send(self, msg: dict) -> float:
        body = json.dumps({"jsonrpc": "2.0", **msg}).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()
        return time.perf_counter()

    def request(self, method: str, params) -> tuple[float, float, dict]:
        self.next_id += 1
        rid = self.next_id
        t0 = self.send({"id": rid, "method": method, "params": params})
        while True:
            t1, msg = self.inbox.get(timeout=120)
            if msg.get("id") == rid and "method" not in msg:
                return t0, t1, msg
            if "id" in msg and "method" in msg:  # a request from the server: answer it
                self.send({"id": msg["id"], "result": None})

    def notify(self, method: str, params) -> float:
        return self.send({"method": method, "params": params})

    def wait_diagnostics(self, uri: str, version: int) -> tuple[float, list]:
        while True:
            t1, msg = self.inbox.get(timeout=120)
            if msg.get("method") == "textDocument/publishDiagnostics":
                p = msg["params"]
                if p["uri"] == uri and p.get("version") == version:
                    return t1, p["diagnostics"]
            elif "id" in msg and "method" in msg:
                self.send({"id": msg["id"], "result": None})

    def memory_mb(self) -> tuple[float, float]:
        fields = {}
        with open(f"/proc/{self.proc.pid}/status") as fh:
            for line in fh:
                k, _, v = line.partition(":")
                fields[k] = v.strip()
        return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024

    def close(self) -> None:
        try:
            self.request("shutdown", None)
            self.notify("exit", None)
            self.proc.wait(10)
        except Exception:
            self.proc.kill()


def position(text: str, offset: int) -> dict:
    """LSP position (UTF-16) of a code-point offset; the corpus lines end in "\\n"."""
    before = text[:offset]
    line = before.count("\n")
    col = before[before.rfind("\n") + 1 :]
    return {"line": line, "character": len(col.encode("utf-16-le")) // 2}


def pct(values: list[float], q: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, int(round(q * (len(s) - 1))))]


def edits_for(text: str, n: int, seed: int) -> list[tuple[int, int, str]]:
    """n edits (start, end, new text), alternately typing a word after a random word and
    deleting it again, so the document stays the size it was."""
    rng = random.Random(seed)
    spaces = [i for i, ch in enumerate(text) if ch == " "]
    out = []
    for _ in range(n // 2 + 1):
        at = rng.choice(spaces)
        word = " " + rng.choice(WORDS)
        out.append((at, at, word))
        out.append((at, at + len(word), ""))
    return out[:n]


def run_once(name: str, text: str, n: int, seed: int, cmd: list[str], pace: str, pause: float) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        uri = Path(tmp, f"{name}.txt").as_uri()
        srv = Server(cmd, tmp)
        try:
            srv.request("initialize", {"processId": os.getpid(), "rootUri": Path(tmp).as_uri(), "capabilities": {}})
            srv.notify("initialized", {})
            t0 = srv.notify("textDocument/didOpen", {"textDocument": {
                "uri": uri, "languageId": "plaintext", "version": 1, "text": text}})
            t1, _ = srv.wait_diagnostics(uri, 1)
            first = t1 - t0
            cur, version = text, 1
            latencies, findings = [], []
            burst = 3 if pace == "burst" else 1
            plan = edits_for(text, (n + 10) * burst, seed)
            for i in range(n + 10):
                for a, b, new in plan[i * burst : (i + 1) * burst]:
                    version += 1
                    change = {"range": {"start": position(cur, a), "end": position(cur, b)}, "text": new}
                    cur = cur[:a] + new + cur[b:]
                    t0 = srv.notify("textDocument/didChange", {
                        "textDocument": {"uri": uri, "version": version}, "contentChanges": [change]})
                    if burst > 1:
                        time.sleep(0.005)
                t1, diags = srv.wait_diagnostics(uri, version)  # the last edit's version
                if i >= 10:  # the first ten edits warm the paths up
                    latencies.append(t1 - t0)
                    findings.append(len(diags))
                time.sleep(pause)
            # the transport's floor: a request answered without a check (no finding at 0:0)
            floor = []
            for _ in range(50):
                t0, t1, _ = srv.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                                "position": {"line": 0, "character": 0}})
                floor.append(t1 - t0)
            rss, hwm = srv.memory_mb()
        finally:
            srv.close()
    return {"doc": name, "words": len(text.split()), "edits": len(latencies), "first_open_s": first,
            "median_ms": statistics.median(latencies) * 1000, "p95_ms": pct(latencies, 0.95) * 1000,
            "max_ms": max(latencies) * 1000, "transport_median_ms": statistics.median(floor) * 1000,
            "findings_median": statistics.median(findings), "rss_mb": rss, "peak_rss_mb": hwm}


def in_process_floor(name: str, text: str, n: int, seed: int) -> dict:
    """The same edited texts checked warm through the backend in this process: the work alone."""
    sys.path.insert(0, str(HERE.parent / "src"))
    from assertlint.lsp.backend import Backend

    backend = Backend()
    backend.check_text(text, f"/tmp/{name}.txt")
    cur, times = text, []
    for i, (a, b, new) in enumerate(edits_for(text, n + 10, seed)):
        cur = cur[:a] + new + cur[b:]
        t0 = time.perf_counter()
        backend.check_text(cur, f"/tmp/{name}.txt")
        if i >= 10:
            times.append(time.perf_counter() - t0)
    return {"check_median_ms": statistics.median(times) * 1000, "check_p95_ms": pct(times, 0.95) * 1000}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--edits", type=int, default=100, help="timed edits per server (default 100)")
    ap.add_argument("--repeat", type=int, default=3, help="fresh servers per document (default 3)")
    ap.add_argument("--debounce-ms", type=int, default=None, help="pass --debounce-ms to the server")
    ap.add_argument("--pause-ms", type=int, default=150, help="think time between edits in the 'pause' pace")
    ap.add_argument("--only", nargs="*", choices=["pause", "burst"], default=["pause", "burst"])
    ap.add_argument("--json", type=Path, help="write the rows here")
    args = ap.parse_args()
    if not (args.corpus / "small.txt").exists():
        sys.exit(f"no corpus at {args.corpus} (it ships in ../shared/bench/corpus); pass --corpus DIR")
    cmd = [sys.executable, "-m", "assertlint", "server"]
    if args.debounce_ms is not None:
        cmd += ["--debounce-ms", str(args.debounce_ms)]
    try:
        load = os.getloadavg()
        print(f"load average before: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} on {os.cpu_count()} cores")
    except OSError:
        pass
    rows = []
    for pace in args.only:
        pause = args.pause_ms / 1000
        for name in ("small", "medium"):
            text = (args.corpus / f"{name}.txt").read_text(encoding="utf-8")
            mine = []
            for k in range(args.repeat):
                r = run_once(name, text, args.edits, seed=k, cmd=cmd, pace=pace, pause=pause)
                r.update(in_process_floor(name, text, args.edits, seed=k))
                r.update(run=k + 1, pace=pace)
                rows.append(r)
                mine.append(r)
                print(f"{pace:<5} {name:<6} {r['words']:>5} words run {k + 1}: didChange->diagnostics median "
                      f"{r['median_ms']:6.1f} ms p95 {r['p95_ms']:6.1f} ms max {r['max_ms']:6.1f} ms | in-process check "
                      f"median {r['check_median_ms']:5.1f} p95 {r['check_p95_ms']:5.1f} ms | transport "
                      f"{r['transport_median_ms']:4.1f} ms | RSS {r['rss_mb']:.0f} MB (peak {r['peak_rss_mb']:.0f})",
                      flush=True)
            print(f"{pace:<5} {name:<6} median of {len(mine)} runs: median "
                  f"{statistics.median(r['median_ms'] for r in mine):.1f} ms, p95 "
                  f"{statistics.median(r['p95_ms'] for r in mine):.1f} ms, in-process check p95 "
                  f"{statistics.median(r['check_p95_ms'] for r in mine):.1f} ms, peak RSS "
                  f"{max(r['peak_rss_mb'] for r in mine):.0f} MB", flush=True)
    try:
        load = os.getloadavg()
        print(f"load average after: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    except OSError:
        pass
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
