"""`assertlint audit` through the installed entry point: usage and input errors in one line each,
before any cluster starts."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest


def run(*args, cwd=None):
    exe = shutil.which("assertlint") or os.path.join(os.path.dirname(sys.executable), "assertlint")
    return subprocess.run([exe, *args], capture_output=True, text=True, timeout=120, cwd=cwd)


def test_help_and_dispatch():
    res = run("audit", "--help")
    assert res.returncode == 0
    assert "Usage: assertlint audit [OPTIONS] ARCHIVES..." in res.stdout
    assert "--scheduler" in res.stdout and "--hash-authors" in res.stdout
    # the linter's own help still leads, and names audit among the other commands
    top = run("--help").stdout
    assert "Usage: assertlint check [OPTIONS] [PATHS]..." in top and "audit" in top


def test_usage_errors():
    res = run("audit", "a.jsonl")
    assert res.returncode == 2 and "Missing option '--out'" in res.stderr
    res = run("audit", "a.jsonl", "--out", "x", "--column", "who=author")
    assert res.returncode == 2 and "unknown role 'who'" in res.stderr


def test_unreadable_archives_one_line_each(tmp_path):
    pytest.importorskip("distributed", reason="the audit extra is not installed: pip install '.[audit]'")
    pytest.importorskip("pyarrow", reason="the audit extra is not installed: pip install '.[audit]'")
    (tmp_path / "t.csv").write_text("body,who\nhi,ana\n")
    (tmp_path / "notes").mkdir()
    res = run("audit", "missing.jsonl", "t.csv", "notes", "--out", "out", cwd=tmp_path)
    assert res.returncode == 2
    assert res.stderr.splitlines() == [
        "assertlint: error: missing.jsonl: no such file or directory",
        "assertlint: error: t.csv: has no column 'text' (its columns: body, who); name the text column with --column text=NAME",
        "assertlint: error: notes: is a folder but not a Slack export (no channels.json or users.json in it)",
    ]
    assert not (tmp_path / "out").exists()
