"""The wheel carries the rules: build it, install it into a fresh venv, run it outside the checkout."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import ROOT

pytestmark = pytest.mark.slow


def test_wheel_installs_and_runs_outside_the_checkout(tmp_path):
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(ROOT)],
                   check=True, capture_output=True, timeout=600)
    wheel = next(dist.glob("assertlint-*.whl"))
    import zipfile

    names = zipfile.ZipFile(wheel).namelist()
    assert any(n.startswith("assertlint/rules/judging/") and n.endswith(".toml") for n in names)
    assert "assertlint/rules/lexicons/common.toml" in names
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    pip = venv / "bin" / "pip"
    res = subprocess.run([str(pip), "install", "--quiet", str(wheel)], capture_output=True, text=True, timeout=900)
    assert res.returncode == 0, res.stderr[-2000:]
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "draft.txt").write_text("Sorry to bother you, but is the report ready?\n")
    exe = venv / "bin" / "assertlint"
    res = subprocess.run([str(exe), "--format", "json", "--no-cache", "draft.txt"], cwd=outside,
                         capture_output=True, text=True, timeout=120)
    assert res.returncode == 1, res.stderr
    assert [f["rule"] for f in json.loads(res.stdout)] == ["APO001"]
    res = subprocess.run([str(exe), "--list-rules"], cwd=outside, capture_output=True, text=True, timeout=60)
    assert res.returncode == 0 and "JDG001" in res.stdout
