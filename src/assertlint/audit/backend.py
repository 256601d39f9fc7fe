"""The audit's one door to the linter: the Session contract's batched call.

    session = open_session(LintOptions(select=("aggressive",)))
    results = session.check_texts([(text, path), ...])    # parsed together, in input order
    r.path, r.text, r.findings, r.unused_ignores, r.error

`path` names the text in its findings, picks the markup by suffix and the config file (the
nearest .assertlint.toml / pyproject.toml upwards), exactly as `Session.check_texts` does.

Until `assertlint.session.Session` (issue 12) lands, this runs on the public API
(`api.make_linter`, `Linter.check`) with the command line's own post-engine filters
(`runner.Runner.post`: per-file ignores, min-severity, inline suppressions), through the
command line's Runner so configs and linters resolve as they do for `assertlint FILE`. Then
`open_session` becomes

    Session(SessionOptions(select=o.select, ignore=o.ignore, extend_select=o.extend_select,
                           model=o.model, include_blockquotes=o.include_blockquotes,
                           config=o.config, isolated=o.isolated, jobs=1, cache=False))

and nothing else in the audit changes. jobs=1: each Dask worker is one process on one core;
cache=False: an archive's messages would flood the per-file result cache.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..errors import AssertlintError
from ..findings import Finding


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


@dataclass
class TextResult:
    """The fields of session.FileResult the audit reads."""

    path: str | None
    text: str
    findings: tuple[Finding, ...] = ()
    unused_ignores: tuple = ()
    error: str | None = None


class _ApiSession:
    """Session.check_texts over today's API (see the module docstring)."""

    def __init__(self, opts: LintOptions) -> None:
        from ..runner import RunOptions, Runner

        self.opts = opts
        self._runner = Runner(RunOptions(
            select=opts.select, ignore=opts.ignore, extend_select=opts.extend_select, model=opts.model,
            include_blockquotes=opts.include_blockquotes, config=opts.config, isolated=opts.isolated,
            jobs=1, cache=False,
        ))

    def check_texts(self, items: Sequence[tuple[str, str | None]]) -> list[TextResult]:
        from ..engine.linter import Input
        from ..runner import Checked
        from ..source.markup import kind_for
        from ..source.reader import SourceText

        runner = self._runner
        out: list[TextResult | None] = [None] * len(items)
        groups: dict[int, list[tuple[int, Checked]]] = {}
        for i, (text, path) in enumerate(items):
            name = path or "-"
            try:
                cfg = runner.config_for(name)
                linter = runner.linter_for(cfg)
            except AssertlintError as err:  # a bad config file, a selection naming no rule
                out[i] = TextResult(path, text, error=str(err))
                continue
            groups.setdefault(id(linter), []).append((i, Checked(SourceText(name, text), cfg, linter)))
        for members in groups.values():
            linter = members[0][1].linter
            inputs = [Input(c.source.path, c.source.text, kind_for(c.source.path), c.config.include_blockquotes)
                      for _, c in members]
            try:
                results = linter.check(inputs)
            except AssertlintError as err:  # no model, a rule pattern spaCy rejects
                for i, c in members:
                    out[i] = TextResult(path=items[i][1], text=c.source.text, error=str(err))
                continue
            for (i, c), fs in zip(members, results):
                kept, unused = runner.post(c, fs, c.source.text)
                out[i] = TextResult(items[i][1], c.source.text, tuple(kept), tuple(unused))
        return out  # type: ignore[return-value]


def open_session(opts: LintOptions) -> _ApiSession:
    """A session for the audit's options; the model loads on the first check."""
    return _ApiSession(opts)


__all__ = ["LintOptions", "TextResult", "open_session"]
