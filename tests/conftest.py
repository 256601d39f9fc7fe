"""Shared fixtures: the rules and the spaCy pipeline load once per test session."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples"


def shared_path(*parts: str) -> Path:
    """A path in ../shared, or skip the test with a clear reason when it is absent."""
    p = SHARED.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"{p} is not here (../shared ships with the team's checkouts and CI, not with user clones)")
    return p


@pytest.fixture(scope="session")
def rules():
    from assertlint.ruleset import load_rules

    return load_rules()


@pytest.fixture(scope="session")
def lexicons():
    from assertlint.ruleset.loader import builtin_rules_dir, load_lexicons

    return load_lexicons(builtin_rules_dir())


@pytest.fixture(scope="session")
def linter():
    from assertlint.api import make_linter

    return make_linter()


@pytest.fixture(scope="session")
def check(linter):
    from assertlint.engine.linter import Input

    def run(text: str, path: str = "t.txt", kind: str | None = None):
        from assertlint.source.markup import kind_for

        return linter.check([Input(path, text, kind or kind_for(path))])[0]

    return run


REAL_XDG_CACHE_HOME = os.environ.get("XDG_CACHE_HOME")


def real_cache_env(env: dict) -> dict:
    """`env` with the user's own XDG_CACHE_HOME (pip and pre-commit keep their caches there)."""
    env = dict(env)
    env.pop("XDG_CACHE_HOME", None)
    if REAL_XDG_CACHE_HOME is not None:
        env["XDG_CACHE_HOME"] = REAL_XDG_CACHE_HOME
    return env


@pytest.fixture(autouse=True, scope="session")
def _cache_dir(tmp_path_factory):
    """Tests never write a result cache or a cache key into the checkout or the user's home."""
    os.environ["ASSERTLINT_CACHE_DIR"] = str(tmp_path_factory.mktemp("assertlint-cache"))
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("xdg-cache"))


@pytest.fixture(autouse=True)
def _no_color(monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    os.environ.pop("FORCE_COLOR", None)


def pytest_terminal_summary(terminalreporter):
    """The fuzzing suite's count of generated inputs (tests/test_fuzz.py), when it ran."""
    import sys

    fuzz = sys.modules.get("test_fuzz")
    counts = getattr(fuzz, "COUNTS", None)
    if counts and sum(counts.values()):
        terminalreporter.write_line(
            f"fuzz: {sum(counts.values())} generated inputs ({counts['cli']} through the command line, "
            f"{counts['api']} through the API), scale {fuzz.SCALE}")
