"""The public Python API the command line is built on.

    >>> import assertlint
    >>> [f.rule for f in assertlint.check("Sorry to bother you, but is the report ready?")]
    ['APO001']
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache

from .engine.linter import Input, Linter
from .findings import Finding
from .ruleset import load_rules, select_rules
from .ruleset.loader import builtin_rules_dir, load_lexicons
from .source.markup import kind_for

__all__ = ["check", "check_many", "Linter", "Input", "make_linter"]


def make_linter(
    *,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] | None = None,
    rule_paths: Sequence[str] | None = None,
    model: str | None = None,
    cache_dir: str | None = None,
) -> Linter:
    """A Linter over the built-in rules (plus `rule_paths`), narrowed by select/ignore.
    `cache_dir` keeps the parsed rule files there between runs."""
    from pathlib import Path

    rules = load_rules([Path(p) for p in (rule_paths or [])], cache_dir=cache_dir)
    rules = select_rules(rules, list(select or []), list(ignore or []))
    lexicons = load_lexicons(builtin_rules_dir())
    for p in rule_paths or []:
        lexicons.update(load_lexicons(Path(p)))
    return Linter(rules, model=model, lexicons=lexicons)


@lru_cache(maxsize=1)
def _default_linter() -> Linter:
    return make_linter()


def check(text: str, *, path: str | None = None, kind: str | None = None) -> list[Finding]:
    """Lint one text. `path` names it in the findings and picks the markup (by suffix)."""
    return check_many([text], paths=[path] if path else None, kind=kind)[0]


def check_many(
    texts: Iterable[str], *, paths: Sequence[str] | None = None, kind: str | None = None
) -> list[list[Finding]]:
    """Lint many texts in one batch (parsed together with nlp.pipe)."""
    texts = list(texts)
    names = list(paths) if paths else ["-"] * len(texts)
    if len(names) != len(texts):
        raise ValueError("paths and texts differ in length")
    inputs = [Input(p, t, kind or kind_for(p)) for p, t in zip(names, texts)]
    return _default_linter().check(inputs)
