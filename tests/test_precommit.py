"""The real pre-commit with the README's snippet, pointed at this checkout: at the release tag
the snippet names (v<version>) when the tag exists here, else at HEAD. Fails on findings, passes
when clean."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT, real_cache_env

pytestmark = pytest.mark.slow


def _git(*args, cwd):
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True)


@pytest.fixture(scope="module")
def precommit():
    exe = shutil.which("pre-commit") or os.path.join(os.path.dirname(sys.executable), "pre-commit")
    if not os.path.exists(exe):
        pytest.fail("pre-commit is not installed: pip install '.[test]' brings it")
    if not (ROOT / ".git").exists():
        pytest.skip("this copy of assertlint is not a git checkout, so pre-commit cannot clone it")
    from assertlint import __version__

    snippet = re.search(r"```yaml\n(repos:.*?)```", (ROOT / "README.md").read_text(), re.S).group(1)
    tag = f"v{__version__}"
    assert f"rev: {tag}" in snippet, "the README's pre-commit snippet names the release tag"
    has_tag = subprocess.run(["git", "rev-parse", "-q", "--verify", f"refs/tags/{tag}"], cwd=ROOT,
                             capture_output=True, text=True).returncode == 0
    rev = tag if has_tag else _git("rev-parse", "HEAD", cwd=ROOT).stdout.strip()
    shown = _git("show", f"{rev}:.pre-commit-hooks.yaml", cwd=ROOT)
    assert "id: assertlint" in shown.stdout
    config = re.sub(r"repo: \S+", f"repo: {ROOT}", snippet)
    config = re.sub(r"rev: \S+", f"rev: {rev}", config)
    return exe, config


def test_precommit_fails_on_findings_and_passes_clean(tmp_path, precommit):
    exe, config = precommit
    repo = tmp_path / "repo"
    repo.mkdir()
    _git("init", "-q", cwd=repo)
    _git("config", "user.email", "t@example.org", cwd=repo)
    _git("config", "user.name", "t", cwd=repo)
    (repo / ".pre-commit-config.yaml").write_text(config)
    (repo / "clean.md").write_text("# Plan\n\nThe release ships on Tuesday. Could you review the notes by noon?\n")
    _git("add", ".", cwd=repo)
    env = real_cache_env({**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "NO_COLOR": "1"})
    env.pop("VIRTUAL_ENV", None)
    ok = subprocess.run([exe, "run", "--all-files"], cwd=repo, env=env, capture_output=True, text=True, timeout=900)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    (repo / "draft.txt").write_text("Sorry to bother you, but is the report ready?\n")
    _git("add", ".", cwd=repo)
    bad = subprocess.run([exe, "run", "--all-files"], cwd=repo, env=env, capture_output=True, text=True, timeout=900)
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "APO001" in bad.stdout and "draft.txt" in bad.stdout
