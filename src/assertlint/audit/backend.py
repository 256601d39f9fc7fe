"""The audit's one door to the linter: the Session's batched call.

    session = open_session(LintOptions(select=("aggressive",)))
    results = session.check_texts([(text, path), ...])    # parsed together, in input order
    r.path, r.text, r.findings, r.unused_ignores, r.error

`path` names the text in its findings, picks the markup by suffix and the config file (the
nearest .assertlint.toml / pyproject.toml upwards), exactly as for `assertlint FILE`: it is the
same `assertlint.session.Session`. jobs=1: each Dask worker is one process on one core;
cache=False: an archive's messages would flood the per-file result cache.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..session import FileResult as TextResult
from ..session import Session, SessionOptions


@dataclass(frozen=True)
class LintOptions:
    """The SessionOptions an audit sets (the rest keep their defaults)."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    model: str | None = None
    include_blockquotes: bool = False
    config: str | None = None
    isolated: bool = False


def open_session(opts: LintOptions) -> Session:
    """A session for the audit's options; the model loads on the first check."""
    return Session(SessionOptions(
        select=opts.select, ignore=opts.ignore, extend_select=opts.extend_select, model=opts.model,
        include_blockquotes=opts.include_blockquotes, config=opts.config, isolated=opts.isolated,
        jobs=1, cache=False,
    ))


__all__ = ["LintOptions", "TextResult", "open_session"]
