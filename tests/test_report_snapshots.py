"""Snapshots of every output format on examples/ (tests/snapshots/).

Rules change often, and every rule change moves these. Regenerate them all with one command:

    ASSERTLINT_UPDATE_SNAPSHOTS=1 python -m pytest -q tests/test_report_snapshots.py

then read the diff (`git diff tests/snapshots/`) before committing. Elapsed times, the tool
version and this checkout's absolute path are normalised out; trailing spaces are stripped.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from assertlint import __version__
from assertlint.cli import main

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOTS = Path(__file__).resolve().parent / "snapshots"
UPDATE = os.environ.get("ASSERTLINT_UPDATE_SNAPSHOTS") == "1"

CASES = {
    "pretty.txt": ["--format", "pretty"],
    "json.json": ["--format", "json"],
    "jsonl.jsonl": ["--format", "jsonl"],
    "line.txt": ["--format", "line"],
    "github.txt": ["--format", "github"],
    "sarif.sarif.json": ["--format", "sarif"],
    "statistics.txt": ["--statistics"],
    "statistics-line.txt": ["--statistics", "--format", "line"],
}


def normalise(out: str) -> str:
    out = re.sub(r"checked in \d+\.\d+ s", "checked in 0.00 s", out)
    out = out.replace(f'"version": "{__version__}"', '"version": "<VERSION>"')
    out = out.replace(f'"semanticVersion": "{__version__}"', '"semanticVersion": "<VERSION>"')
    out = out.replace(ROOT.as_uri(), "file://<ROOT>").replace(str(ROOT), "<ROOT>")
    return "\n".join(line.rstrip() for line in out.splitlines()) + "\n"


@pytest.mark.parametrize("name", sorted(CASES))
def test_snapshot(name, monkeypatch):
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.delenv("CI", raising=False)
    res = CliRunner().invoke(main, ["--isolated", *CASES[name], "examples/"], catch_exceptions=False)
    assert res.exit_code == 1, res.output  # examples/ has findings
    assert res.stderr == ""
    got = normalise(res.stdout)
    path = SNAPSHOTS / f"examples.{name}"
    if UPDATE:
        SNAPSHOTS.mkdir(exist_ok=True)
        path.write_text(got, encoding="utf-8", newline="\n")
        return
    assert path.exists(), f"no snapshot {path.name}: run ASSERTLINT_UPDATE_SNAPSHOTS=1 python -m pytest -q {__file__}"
    want = path.read_text(encoding="utf-8")
    assert got == want, (
        f"{path.name} differs from the output (rules or the report changed?). If the change is intended, run\n"
        f"  ASSERTLINT_UPDATE_SNAPSHOTS=1 python -m pytest -q tests/test_report_snapshots.py\n"
        f"and review git diff tests/snapshots/"
    )


def test_no_stale_snapshots():
    expected = {f"examples.{name}" for name in CASES}
    present = {p.name for p in SNAPSHOTS.glob("examples.*")} if SNAPSHOTS.is_dir() else set()
    stale = sorted(present - expected)
    if UPDATE:
        for n in stale:
            (SNAPSHOTS / n).unlink()
        return
    assert not stale, f"snapshots with no test case: {stale}"
