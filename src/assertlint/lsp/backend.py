"""The language server's one door into the linter.

Everything the server needs from assertlint goes through this module, shaped like the Session
contract (`assertlint.session`, issue 12) so that swapping this body for a real Session is a
matter of a few lines:

    Session contract                      here
    ------------------------------------  -------------------------------------------------
    SessionOptions(...)                   BackendOptions (same fields and defaults)
    Session(opts)                         Backend(opts)
    s.check_text(text, path)              Backend.check_text -> FileResult (same fields)
    s.fix_text(text, path, unsafe)        Backend.fix_text   -> FixResult (same fields)
    s.settings_for(path)                  Backend.settings_for
    s.excluded(path)                      Backend.excluded
    s.rules()                             Backend.rules
    s.reload()                            Backend.reload
    (derived from rules())                Backend.rule(code, path): hover and explain
    (a check_text of a short text)        Backend.warm(): load the model before the first edit

Beyond the contract, facts the server must agree on with the CLI: CONFIG_NAMES (the config files
looked for), markup_kind(path), ignore_directive / existing_ignore (the inline suppression syntax
of source/suppress.py), rule_markdown / reflow (what --explain prints). For now the body runs on
the CLI's own Runner: the same config resolution, per-file ignores, min-severity and inline
suppressions.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass, replace

from ..config import CONFIG_FILES, Config, clear_caches
from ..engine.linter import Input
from ..errors import AssertlintError
from ..findings import Finding
from ..runner import Checked, Runner, RunOptions
from ..source import suppress
from ..source.markup import kind_for
from ..source.reader import SourceText
from ..taxonomy import SEVERITIES

__all__ = [
    "Backend", "BackendOptions", "FileResult", "FixResult", "Finding", "CONFIG_NAMES", "markup_kind",
    "ignore_directive", "existing_ignore", "rule_markdown", "reflow", "AssertlintError", "SEVERITIES",
]

CONFIG_NAMES: tuple[str, ...] = CONFIG_FILES


@dataclass(frozen=True)
class BackendOptions:
    """SessionOptions: what the command line would pass (the client's settings, here)."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    model: str | None = None
    include_blockquotes: bool = False
    config: str | None = None
    isolated: bool = False
    jobs: int = 1  # a server process has threads: never fork workers
    cache: bool = False  # no result cache on disk for buffers that change at every keystroke
    min_severity: str | None = None
    exclude: tuple[str, ...] = ()
    extend_exclude: tuple[str, ...] = ()
    force_exclude: bool = False
    stdin_filename: str | None = None


@dataclass(frozen=True)
class FileResult:
    path: str | None
    text: str
    findings: tuple[Finding, ...] = ()
    unused_ignores: tuple = ()  # suppress.Directive: line, column, text
    error: str | None = None  # a config or rule problem: one line naming the file


@dataclass(frozen=True)
class FixResult:
    text: str
    findings: tuple[Finding, ...] = ()
    changed: bool = False


def markup_kind(path: str | None) -> str:
    """"markdown", "rst" or "text", by the path's suffix, as the CLI decides."""
    return kind_for(path)


def ignore_directive(kind: str, codes: tuple[str, ...]) -> str:
    """The inline directive that suppresses `codes` on its line, as suppress.py reads it."""
    body = f"assertlint: ignore[{','.join(codes)}]"
    return f"<!-- {body} -->" if kind == "markdown" else body


def existing_ignore(line: str, kind: str) -> tuple[int, int, tuple[str, ...]] | None:
    """An `ignore[...]` directive already on `line`: (start, end) of its codes and the codes."""
    parsed = suppress.parse(line, kind)
    for d in parsed.directives:
        if d.verb == "ignore" and d.codes:
            m = suppress.DIRECTIVE.search(line, d.column - 1)
            if m and m.group("codes") is not None:
                return m.start("codes"), m.end("codes"), d.codes
    return None


def rule_markdown(rule) -> str:
    """What `assertlint --explain RULE` shows, as Markdown."""
    from ..ruleset.docs import rule_markdown as md

    return md(rule)


def reflow(s: str) -> str:
    """A rule's hard-wrapped TOML text as flowing paragraphs."""
    from ..ruleset.docs import reflow as rf

    return rf(s)


class Backend:
    """Session(opts) over the CLI's Runner. One instance is used from one thread at a time."""

    def __init__(self, opts: BackendOptions | None = None) -> None:
        self.opts = opts or BackendOptions()
        if self.opts.min_severity is not None and self.opts.min_severity not in SEVERITIES:
            raise AssertlintError(f"min-severity {self.opts.min_severity!r}; allowed: {', '.join(SEVERITIES)}")
        self._lock = threading.RLock()
        self._runner = self._new_runner()
        self._all_rules: tuple | None = None

    def _new_runner(self) -> Runner:
        o = self.opts
        return Runner(RunOptions(
            select=tuple(o.select), ignore=tuple(o.ignore), extend_select=tuple(o.extend_select), model=o.model,
            include_blockquotes=o.include_blockquotes, config=o.config, isolated=o.isolated, jobs=o.jobs,
            cache=o.cache, force_exclude=o.force_exclude, stdin_filename=o.stdin_filename,
        ))

    # -- the contract -------------------------------------------------------------------------
    def settings_for(self, path: str | None) -> Config:
        """The resolved settings for `path` (None: the current folder's, as for standard input)."""
        with self._lock:
            cfg = self._runner.config_for(path or "-")
        if self.opts.min_severity:
            cfg = replace(cfg, min_severity=self.opts.min_severity)
        if self.opts.exclude or self.opts.extend_exclude:
            cfg = replace(cfg, exclude=(self.opts.exclude or cfg.exclude) + tuple(self.opts.extend_exclude))
        return cfg

    def excluded(self, path: str | None) -> bool:
        return bool(path) and self.settings_for(path).excluded(path)

    def check_text(self, text: str, path: str | None = None) -> FileResult:
        with self._lock:
            try:
                cfg = self.settings_for(path)
                linter = self._runner.linter_for(cfg)
                name = path or "-"
                c = Checked(SourceText(name, text), cfg, linter)
                found = linter.check([Input(name, text, kind_for(path), cfg.include_blockquotes)])[0]
                findings, unused = self._runner.post(c, found, text)
            except AssertlintError as err:
                return FileResult(path, text, error=str(err))
            return FileResult(path, text, tuple(findings), tuple(unused))

    def fix_text(self, text: str, path: str | None = None, unsafe: bool = False) -> FixResult:
        from ..rewrite.fixer import fix

        def check(t: str) -> list[Finding]:
            r = self.check_text(t, path)
            if r.error:
                raise AssertlintError(r.error)
            return list(r.findings)

        try:
            res = fix(check, text, unsafe=unsafe)
        except AssertlintError:
            return FixResult(text, (), False)
        return FixResult(res.text, tuple(res.remaining), res.text != text)

    def rules(self) -> tuple:
        """The rules the options select (the built-in ones, before any config file)."""
        with self._lock:
            return tuple(self._runner.linter_for(self.settings_for(None)).rules)

    def reload(self) -> None:
        """Forget cached configs and linters: a config or rule file was edited."""
        with self._lock:
            clear_caches()
            self._runner = self._new_runner()
            self._all_rules = None

    # -- derived --------------------------------------------------------------------------------
    def rule(self, code: str, path: str | None = None):
        """The rule with this id or name: as configured for `path` (severity overrides, rule
        packs), else any built-in rule (an explain request may name one that is not selected)."""
        want = code.strip()
        pools = []
        try:
            with self._lock:
                pools.append(self._runner.linter_for(self.settings_for(path)).rules)
        except AssertlintError:
            pass
        if self._all_rules is None:
            from ..ruleset import load_rules

            self._all_rules = tuple(load_rules())
        pools.append(self._all_rules)
        for pool in pools:
            for r in pool:
                if r.id.upper() == want.upper() or r.name == want:
                    return r
        return None

    def warm(self) -> None:
        """Load the model and compile the matchers now, so the first real check is warm."""
        self.check_text("Sorry to bother you, but I just wanted to ask if you always do this.", None)

