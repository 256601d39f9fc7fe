"""A release a stranger can install: `python -m build` (an sdist, then a wheel built from that
sdist), `twine check` on both, the wheel installed into a fresh venv and run outside the checkout
on a copy of examples/."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tarfile
import zipfile

import pytest

from conftest import EXAMPLES, ROOT, real_cache_env

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def dists(tmp_path_factory):
    import os

    out = tmp_path_factory.mktemp("dist")
    # no --sdist/--wheel: build makes the sdist, then the wheel *from the sdist*, as a release does
    res = subprocess.run([sys.executable, "-m", "build", "--outdir", str(out), str(ROOT)],
                         capture_output=True, text=True, timeout=900, env=real_cache_env(os.environ))
    assert res.returncode == 0, res.stdout[-3000:] + res.stderr[-3000:]
    sdist = next(out.glob("assertlint-*.tar.gz"))
    wheel = next(out.glob("assertlint-*.whl"))
    return sdist, wheel


def test_sdist_and_wheel_carry_the_rules_and_pass_twine_check(dists):
    sdist, wheel = dists
    from assertlint import __version__

    assert f"assertlint-{__version__}" in wheel.name
    names = zipfile.ZipFile(wheel).namelist()
    assert any(n.startswith("assertlint/rules/judging/") and n.endswith(".toml") for n in names)
    assert "assertlint/rules/lexicons/common.toml" in names
    with tarfile.open(sdist) as tar:
        members = tar.getnames()
        assert not any(m.issym() for m in tar.getmembers()), "the sdist must not rely on a symlink"
    assert any("/rules/judging/" in m for m in members) and any(m.endswith("CHANGELOG.md") for m in members)
    twine = shutil.which("twine") or str(ROOT / ".venv" / "bin" / "twine")
    res = subprocess.run([sys.executable, "-m", "twine", "check", "--strict", str(sdist), str(wheel)],
                         capture_output=True, text=True, timeout=300)
    assert res.returncode == 0 and res.stdout.count("PASSED") == 2, (twine, res.stdout + res.stderr)


def test_wheel_from_sdist_installs_and_lints_examples_outside_the_checkout(dists, tmp_path):
    import os

    _, wheel = dists
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    pip = venv / "bin" / "pip"
    res = subprocess.run([str(pip), "install", "--quiet", str(wheel)], capture_output=True, text=True, timeout=900,
                         env=real_cache_env(os.environ))
    assert res.returncode == 0, res.stderr[-2000:]
    outside = tmp_path / "elsewhere"
    shutil.copytree(EXAMPLES, outside / "examples")
    exe = venv / "bin" / "assertlint"
    env = {**os.environ, "NO_COLOR": "1"}
    res = subprocess.run([str(exe), "--format", "json", "--no-cache", "examples/"], cwd=outside,
                         capture_output=True, text=True, timeout=300, env=env)
    assert res.returncode == 1, res.stderr
    found = json.loads(res.stdout)
    assert {f["path"].split("/")[0] for f in found} == {"examples"}
    assert {"APO001", "JDG001"} <= {f["rule"] for f in found}
    draft = outside / "draft.txt"
    draft.write_text("Sorry to bother you, but is the report ready?\n")
    res = subprocess.run([str(exe), "--fix", "--no-cache", "draft.txt"], cwd=outside, capture_output=True,
                         text=True, timeout=300, env=env)
    assert res.returncode == 0 and draft.read_text() == "Is the report ready?\n", res.stderr
    res = subprocess.run([str(exe), "--list-rules"], cwd=outside, capture_output=True, text=True, timeout=60)
    assert res.returncode == 0 and "JDG001" in res.stdout
    res = subprocess.run([str(exe), "check", "--version"], cwd=outside, capture_output=True, text=True, timeout=60)
    assert res.returncode == 0 and "0.2.0" in res.stdout
