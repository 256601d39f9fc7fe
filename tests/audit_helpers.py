"""Helpers for the audit tests: the command line's findings on the same texts, the audit's
findings read back from findings.parquet, and an in-process audit (no Dask) for the page tests."""
from __future__ import annotations

import json
import os

from click.testing import CliRunner

CONTRACT = ("rule", "name", "category", "style", "severity", "message", "start", "end", "line", "column",
            "end_line", "end_column", "text", "suggestions")


def _norm(f: dict) -> dict:
    out = {k: f[k] for k in CONTRACT}
    out["suggestions"] = [{k: v for k, v in s.items() if not (k == "edit" and v is None)} for s in f["suggestions"]]
    return out


def reader_texts(archive: str, fmt: str, target: int = 10**9) -> dict[str, str]:
    """locator → text as the audit's reader gives it."""
    from assertlint.audit import readers
    from assertlint.audit.model import Columns

    return {m.locator: m.text for p in readers.plan(archive, fmt, target, Columns())
            for m in readers.read(p, Columns()) if m.text is not None}


def cli_findings(texts: dict[str, str], folder, suffix: str = ".txt") -> dict[str, list[dict]]:
    """`assertlint --format json --isolated --no-cache` on each text written to its own file
    (`suffix` picks the markup): locator → findings (contract fields, without path)."""
    from assertlint.cli import main

    os.makedirs(folder, exist_ok=True)
    names = {}
    for i, (loc, text) in enumerate(texts.items()):
        p = os.path.join(folder, f"m{i:05d}{suffix}")
        with open(p, "wb") as fh:
            fh.write(text.encode("utf-8"))
        names[p] = loc
    res = CliRunner().invoke(main, ["--format", "json", "--isolated", "--no-cache", *names], catch_exceptions=False)
    assert res.exit_code in (0, 1), res.output
    out: dict[str, list[dict]] = {loc: [] for loc in texts}
    for f in json.loads(res.stdout):
        out[names[f["path"]]].append(_norm(f))
    return out


def audit_findings(out_dir) -> dict[str, list[dict]]:
    """locator → findings from OUT/findings.parquet (contract fields, without path)."""
    import pyarrow.parquet as pq

    rows = pq.read_table(os.path.join(out_dir, "findings.parquet")).to_pylist()
    got: dict[str, list[dict]] = {}
    for r in rows:
        got.setdefault(r["path"], []).append(_norm(r))
    return got


def same_findings(expected: dict[str, list[dict]], got: dict[str, list[dict]]) -> None:
    missing = {k: v for k, v in expected.items() if v and got.get(k) != v}
    extra = {k: v for k, v in got.items() if k not in expected or not expected[k]}
    assert not missing and not extra, (list(missing.items())[:2], list(extra.items())[:2])
    assert sum(map(len, expected.values())) > 0  # the archive does have findings


def audit_in_process(archives, out, *, hash_authors=False, target=2048, lint=None, markup="text"):
    """The audit's own steps without Dask: plan, run each partition here, assemble, summarise."""
    from assertlint.audit import parts
    from assertlint.audit.backend import LintOptions, open_session
    from assertlint.audit.model import Columns, Job
    from assertlint.audit.process import run_partition
    from assertlint.audit.run import AuditOptions, fingerprint, plan_all
    from assertlint.audit.summary import summarize

    opts = AuditOptions(archives=tuple(archives), out=str(out), lint=lint or LintOptions(isolated=True),
                        partition_bytes=target, hash_authors=hash_authors, markup=markup)
    errors: list[str] = []
    formats, partitions = plan_all(opts, errors)
    digest, desc = fingerprint(opts, formats)
    os.makedirs(out, exist_ok=True)
    manifest = parts.open_job(str(out), digest, desc, fresh=False)
    job = Job(out=os.path.abspath(out), fingerprint=digest, columns=Columns(), lint=opts.lint,
              author_salt=manifest["salt"] if hash_authors else None, markup=markup)
    session = open_session(opts.lint)
    for p in partitions:
        run_partition(p, job, session)
    f, m = parts.assemble(os.path.abspath(out), partitions)
    return summarize(m, f, hashed_authors=hash_authors, sources=[a for a, _ in formats]), errors
