"""The language server's one door into the linter: a thin layer over `assertlint.session`.

Everything the server needs from assertlint goes through this module. Checking, fixing, config
resolution per document, per-file ignores, min-severity and inline suppressions are the
Session's, so the server and the command line give the same answers:

    Backend(opts)                  Session(SessionOptions(...))
    check_text / fix_text          Session.check_text / Session.fix_text
    settings_for / excluded        Session.settings_for / Session.excluded
    rules / reload                 Session.rules / Session.reload
    rule(code, path)               a rule by id or name, for hover and explain
    warm()                         load the model before the first edit

Beyond the Session, facts the server must agree on with the CLI: CONFIG_NAMES (the config files
looked for), markup_kind(path), ignore_directive / existing_ignore (the inline suppression syntax
of source/suppress.py), rule_markdown / reflow (what --explain prints).
"""
from __future__ import annotations

import threading
from dataclasses import dataclass, replace

from ..config import CONFIG_FILES, Config
from ..errors import AssertlintError
from ..findings import Finding
from ..session import Session, SessionOptions
from ..source import suppress
from ..source.markup import kind_for
from ..taxonomy import SEVERITIES

__all__ = [
    "Backend", "BackendOptions", "FileResult", "FixResult", "Finding", "CONFIG_NAMES", "markup_kind",
    "ignore_directive", "existing_ignore", "rule_markdown", "reflow", "AssertlintError", "SEVERITIES",
]

CONFIG_NAMES: tuple[str, ...] = CONFIG_FILES

# The server's options are the Session's: a server process has threads (never fork workers) and
# buffers change at every keystroke (no result cache on disk).
BackendOptions = SessionOptions


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
    """A Session for the server. One instance is used from one thread at a time."""

    def __init__(self, opts: BackendOptions | None = None) -> None:
        self.opts = replace(opts or BackendOptions(), jobs=1, cache=False)
        if self.opts.min_severity is not None and self.opts.min_severity not in SEVERITIES:
            raise AssertlintError(f"min-severity {self.opts.min_severity!r}; allowed: {', '.join(SEVERITIES)}")
        self._lock = threading.RLock()
        self._session = Session(self.opts)
        self._all_rules: tuple | None = None

    # -- the Session's calls --------------------------------------------------------------------
    def settings_for(self, path: str | None) -> Config:
        """The resolved settings for `path` (None: the current folder's, as for standard input)."""
        with self._lock:
            return self._session.settings_for(path)

    def excluded(self, path: str | None) -> bool:
        with self._lock:
            return bool(path) and self._session.excluded(path)

    def check_text(self, text: str, path: str | None = None) -> FileResult:
        with self._lock:
            try:
                r = self._session.check_text(text, path)
            except AssertlintError as err:
                return FileResult(path, text, error=str(err))
        return FileResult(path, text, tuple(r.findings), tuple(r.unused_ignores), r.error)

    def fix_text(self, text: str, path: str | None = None, unsafe: bool = False) -> FixResult:
        with self._lock:
            try:
                r = self._session.fix_text(text, path, unsafe=unsafe)
            except AssertlintError:
                return FixResult(text, (), False)
        if r.error:
            return FixResult(text, (), False)
        return FixResult(r.text, tuple(r.findings), r.changed)

    def rules(self) -> tuple:
        """The rules the options select (the built-in ones, before any config file)."""
        with self._lock:
            return tuple(self._session.rules(None))

    def reload(self) -> None:
        """Forget cached configs and linters: a config or rule file was edited."""
        with self._lock:
            self._session.reload()
            self._all_rules = None

    # -- derived --------------------------------------------------------------------------------
    def rule(self, code: str, path: str | None = None):
        """The rule with this id or name: as configured for `path` (severity overrides, rule
        packs), else any built-in rule (an explain request may name one that is not selected)."""
        want = code.strip()
        pools = []
        try:
            with self._lock:
                pools.append(self._session.rules(path))
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

