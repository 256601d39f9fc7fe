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

from collections.abc import Iterable, Sequence
from functools import lru_cache

from .engine.linter import Input
from .linter import Linter, make_linter
from .errors import AssertlintError
from .findings import Finding

__all__ = ["check", "check_many", "fix", "Linter", "Input", "make_linter", "session"]


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
