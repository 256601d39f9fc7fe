"""No code from a linted folder or a cache is ever run, and a cache can only cost a miss: a
planted pickle executes nothing, and crafted or edited cache entries change no finding and no fix."""
from __future__ import annotations

import hashlib
import hmac
import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

FLAGGED = "Sorry to bother you, but is the report ready? You always ignore my emails.\n"


class _Boom:
    def __init__(self, marker: str) -> None:
        self.marker = marker

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


def _cli(args, cwd: Path, cache: Path, xdg: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "ASSERTLINT_CACHE_DIR": str(cache), "XDG_CACHE_HOME": str(xdg), "NO_COLOR": "1"}
    return subprocess.run([sys.executable, "-m", "assertlint", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=300)


def _old_rule_cache_name() -> str:
    """The name assertlint 0.1 gave its pickled rule cache (from world-readable file stats)."""
    from assertlint import __version__
    from assertlint.ruleset.loader import builtin_rules_dir

    h = hashlib.sha256(__version__.encode())
    for path in sorted(builtin_rules_dir().rglob("*.toml")):
        st = path.stat()
        h.update(f"{path}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return f"rules-{h.hexdigest()[:24]}.pickle"


def _plant_pickles(folder: Path, marker: Path) -> None:
    payload = pickle.dumps(_Boom(str(marker)))
    folder.mkdir(parents=True, exist_ok=True)
    for name in (_old_rule_cache_name(), "rules.pickle", "cache.pkl"):
        (folder / name).write_bytes(payload)


def test_planted_pickle_and_crafted_entries_change_nothing(tmp_path):
    repo = tmp_path / "repo"
    repo.mkdir()
    draft = repo / "draft.txt"
    draft.write_text(FLAGGED)
    cache = repo / ".assertlint_cache"  # the old default: a cache inside the linted folder
    xdg = tmp_path / "home-cache"
    marker = tmp_path / "PWNED"
    _plant_pickles(cache, marker)
    _plant_pickles(xdg / "assertlint", marker)

    clean = _cli(["--format", "json", "--no-cache", "draft.txt"], repo, cache, xdg)
    assert clean.returncode == 1, clean.stderr
    expected = json.loads(clean.stdout)
    first = _cli(["--format", "json", "draft.txt"], repo, cache, xdg)  # writes real entries
    assert json.loads(first.stdout) == expected
    entries = [p for p in cache.rglob("*.json") if "rule-data" not in p.parts]
    assert entries, "the run wrote a cache entry"

    # tamper with every entry: other findings, text not in the file, an edit that injects text
    for p in entries:
        entry = json.loads(p.read_text())
        body = json.loads(entry["body"])
        for f in body:
            f["text"] = "rm -rf /"
            f["message"] = "click http://evil.example"
            for s in f["suggestions"]:
                s["edit"] = {"start": 0, "end": 0, "content": "INJECTED "}
                s["applicability"] = "safe"
        entry["body"] = json.dumps(body)
        p.write_text(json.dumps(entry))
    # and a fully forged entry signed with a key the attacker chose
    forged_key = b"0" * 64
    body = json.dumps([{**expected[0], "suggestions": [{"replacement": "", "description": "x",
                        "applicability": "safe", "edit": {"start": 0, "end": 0, "content": "INJECTED "}}]}])
    for p in entries:
        fp, key = p.parent.parent.name, p.stem
        sig = hmac.new(forged_key, f"2\0{fp}\0{key}\0{body}".encode(), hashlib.sha256).hexdigest()
        p.write_text(json.dumps({"format": 2, "hmac": sig, "body": body}))
        (cache / "cache-key").write_bytes(forged_key)  # a key planted beside the entries is not used

    again = _cli(["--format", "json", "draft.txt"], repo, cache, xdg)
    assert json.loads(again.stdout) == expected
    fixed = _cli(["--fix", "draft.txt"], repo, cache, xdg)
    assert fixed.returncode == 1, fixed.stderr
    assert "INJECTED" not in draft.read_text() and draft.read_text().startswith("Is the report ready?")
    assert not marker.exists(), "a planted pickle was loaded"


def test_a_correctly_signed_entry_still_must_match_the_file(tmp_path, monkeypatch):
    """Defence in depth: even an entry with a valid signature whose text is not the file's is a miss."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    from assertlint.api import make_linter
    from assertlint.cache import Cache
    from assertlint.engine.linter import Input

    linter = make_linter(cache=True)
    cache: Cache = linter.cache
    cache.root = str(tmp_path / "c")
    cache.folder = os.path.join(cache.root, cache.fingerprint)
    text = FLAGGED
    real = linter.check([Input("a.txt", text)])[0]
    key = cache.key(text, "text", False)
    assert [f.rule for f in cache.get(key, "a.txt", text)] == [f.rule for f in real]
    other = text.replace("always", "ALWAYS")
    assert cache.get(key, "a.txt", other) is None  # same length, other text at the offsets
    assert cache.get(key, "a.txt", "short") is None  # offsets outside the text


def test_no_pickle_anywhere_in_the_package():
    src = ROOT / "src" / "assertlint"
    for p in src.rglob("*.py"):
        text = p.read_text(encoding="utf-8")
        assert "import pickle" not in text and "pickle.load" not in text, p


def test_key_readable_by_others_disables_the_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    from assertlint.cache import signing_key

    key = signing_key()
    assert key and len(key) == 64
    keyfile = tmp_path / "assertlint" / "cache-key"
    os.chmod(keyfile, 0o644)
    assert signing_key() is None


def test_rule_data_cache_is_signed_plain_data(tmp_path, monkeypatch):
    """The rule files' contents may come from a JSON cache; an edited or planted one is ignored."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("ASSERTLINT_CACHE_DIR", str(tmp_path / "cache"))
    from assertlint.ruleset import loader

    loader._load_rules_memo.cache_clear()
    fresh = {r.id: r.message for r in loader.load_rules()}
    loader._load_rules_memo.cache_clear()
    assert {r.id: r.message for r in loader.load_rules(cache=True)} == fresh  # writes the cache
    entries = list((tmp_path / "cache" / "rule-data").glob("*.json"))
    assert len(entries) == 1
    entry = json.loads(entries[0].read_text())
    body = json.loads(entry["body"])
    for data in body.values():
        if "message" in data:
            data["message"] = "TAMPERED"
    entry["body"] = json.dumps(body)
    entries[0].write_text(json.dumps(entry))
    loader._load_rules_memo.cache_clear()
    assert {r.id: r.message for r in loader.load_rules(cache=True)} == fresh
    entries[0].write_bytes(pickle.dumps(_Boom(str(tmp_path / "PWNED"))))
    loader._load_rules_memo.cache_clear()
    assert {r.id: r.message for r in loader.load_rules(cache=True)} == fresh
    assert not (tmp_path / "PWNED").exists()
    loader._load_rules_memo.cache_clear()
