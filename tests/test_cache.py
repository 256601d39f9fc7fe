"""The per-file result cache: same findings, no model load when everything is cached, a corrupt
entry is recomputed, a rule change invalidates."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

FLAGGED = "Sorry to bother you, but is the report ready?\n"


def _run(args, cache: Path, cwd: Path, code_suffix: str = ""):
    code = (
        "import sys, json\n"
        "from click.testing import CliRunner\n"
        "from assertlint.cli import main\n"
        f"res = CliRunner().invoke(main, {args!r}, catch_exceptions=False)\n"
        "print(json.dumps({'out': res.stdout, 'code': res.exit_code, 'spacy': 'spacy' in sys.modules}))\n"
        + code_suffix
    )
    env = {**os.environ, "ASSERTLINT_CACHE_DIR": str(cache)}
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=cwd, env=env, timeout=120)
    assert res.returncode == 0, res.stderr
    return json.loads(res.stdout.strip().splitlines()[-1])


def test_cached_run_gives_same_findings_and_loads_no_model(tmp_path):
    (tmp_path / "a.txt").write_text(FLAGGED)
    (tmp_path / "b.md").write_text("# Notes\n\nYou always ignore my emails.\n")
    cache = tmp_path / "cache"
    first = _run(["--format", "json", str(tmp_path)], cache, tmp_path)
    assert first["spacy"] and first["code"] == 1
    second = _run(["--format", "json", str(tmp_path)], cache, tmp_path)
    assert second["out"] == first["out"]
    assert not second["spacy"], "an all-cached run must not import spaCy"
    assert (cache / ".gitignore").exists()


def test_corrupt_entry_is_recomputed_and_no_cache_writes_nothing(tmp_path):
    (tmp_path / "a.txt").write_text(FLAGGED)
    cache = tmp_path / "cache"
    first = _run(["--format", "json", str(tmp_path / "a.txt")], cache, tmp_path)
    entries = [p for p in cache.rglob("*.json") if "rule-data" not in p.parts]
    assert len(entries) == 1
    entries[0].write_text("{not json")
    again = _run(["--format", "json", str(tmp_path / "a.txt")], cache, tmp_path)
    assert again["out"] == first["out"] and again["spacy"]
    other = tmp_path / "other-cache"
    _run(["--no-cache", str(tmp_path / "a.txt")], other, tmp_path)
    assert not other.exists()


def test_rule_set_change_invalidates(tmp_path):
    from assertlint.cache import fingerprint
    from assertlint.ruleset import load_rules

    rules = load_rules()
    assert fingerprint(rules, None, {}) == fingerprint(list(rules), None, {})
    assert fingerprint(rules, None, {}) != fingerprint(rules[1:], None, {})
    assert fingerprint(rules, None, {}) != fingerprint(rules, "en_core_web_md", {})


def test_fingerprint_is_the_same_in_every_process(tmp_path):
    """The rule set's fingerprint must not follow the per-process string hash (a set's repr
    does): otherwise no run ever finds the results an earlier run cached."""
    code = (
        "from assertlint.linter import make_linter\n"
        "from assertlint.ruleset.loader import load_rules\n"
        "from assertlint.cache import fingerprint\n"
        "linter = make_linter()\n"
        "print(fingerprint(load_rules([]), linter.model, linter.lexicons))\n"
    )
    seen = set()
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "ASSERTLINT_CACHE_DIR": str(tmp_path / seed)}
        res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
        assert res.returncode == 0, res.stderr
        seen.add(res.stdout.strip().splitlines()[-1])
    assert len(seen) == 1, seen
