"""The public Python API: `check`, `check_many` and `fix`, all through one Session, so they give
the same answers as the command line (configuration, per-file ignores, min-severity, inline
suppressions).

    >>> import assertlint
    >>> [f.rule for f in assertlint.check("Sorry to bother you, but is the report ready?")]
    ['APO001']
    >>> assertlint.fix("Sorry to bother you, but is the report ready?")
    'Is the report ready?'
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from pathlib import Path

from .engine.linter import Input
from .linter import Linter
from .errors import AssertlintError
from .findings import Finding

__all__ = ["check", "check_many", "fix", "Linter", "Input", "make_linter", "session"]


def make_linter(
    *,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] | None = None,
    rule_paths: Sequence[str] | None = None,
    model: str | None = None,
    severity: Mapping[str, str] | None = None,
    jobs: int = 1,
    cache: bool = False,
) -> Linter:
    """A fully configured Linter over the built-in rules (plus `rule_paths`), narrowed by
    select/ignore, with `severity` overrides ({rule id: level}), `jobs` and the result cache."""
    from dataclasses import replace

    from .errors import ConfigError
    from .ruleset import load_rules, select_rules
    from .ruleset.loader import builtin_rules_dir, load_lexicons

    all_rules = load_rules([Path(p) for p in (rule_paths or [])])
    rules = select_rules(all_rules, list(select or []), list(ignore or []))
    if severity:
        known = {r.id for r in all_rules}
        for rid in severity:
            if rid not in known:
                raise ConfigError(f"severity.{rid}: no such rule (see --list-rules)")
        rules = [replace(r, severity=severity.get(r.id, r.severity)) for r in rules]
    lexicons = load_lexicons(builtin_rules_dir())
    for p in rule_paths or []:
        lexicons.update(load_lexicons(Path(p)))
    result_cache = None
    if cache:
        from .cache import Cache, fingerprint

        result_cache = Cache(fingerprint(rules, model, lexicons), rules=rules)
    return Linter(rules, model=model, lexicons=lexicons, jobs=jobs, cache=result_cache)


@lru_cache(maxsize=1)
def session():
    """The session behind check/check_many/fix: configuration found from each path (or the
    working folder), as on the command line."""
    from .session import Session

    return Session()


def _raise(res) -> None:
    if res.error is not None:
        raise AssertlintError(res.error)


def check(text: str, *, path: str | None = None) -> list[Finding]:
    """Lint one text. `path` names it in the findings, picks the markup (by suffix) and the config."""
    res = session().check_text(text, path=path)
    _raise(res)
    return list(res.findings)


def check_many(texts: Iterable[str], *, paths: Sequence[str] | None = None) -> list[list[Finding]]:
    """Lint many texts in one batch (parsed together with nlp.pipe)."""
    texts = list(texts)
    names = list(paths) if paths else [None] * len(texts)
    if len(names) != len(texts):
        raise ValueError("paths and texts differ in length")
    results = session().check_texts(list(zip(texts, names)))
    for r in results:
        _raise(r)
    return [list(r.findings) for r in results]


def fix(text: str, *, path: str | None = None, unsafe: bool = False) -> str:
    """The text with the safe rewrites applied (with `unsafe`, also the unsafe ones)."""
    res = session().fix_text(text, path=path, unsafe=unsafe)
    _raise(res)
    return res.text
