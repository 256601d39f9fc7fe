"""One check path for the command line, the Python API, the language server and the audit.

    from assertlint.session import Session, SessionOptions
    s = Session(SessionOptions(select=("hedge",)))
    r = s.check_text("I think maybe we should go.", path="notes.md")
    r.findings, r.unused_ignores, r.error
    s.fix_text("Sorry to bother you, but is it ready?").text   # 'Is it ready?'

A Session resolves the configuration of each path exactly as the command line does (the nearest
`.assertlint.toml` or `pyproject.toml` upwards, or `--config`, or none with `isolated`), builds
one fully configured linter per distinct configuration (severities, jobs and cache passed in,
never changed afterwards), and applies the filters that come after the engine in one order:
per-file ignores, min-severity, inline suppressions, then the baseline. Making a Session is
cheap; spaCy and the model load on the first text that needs parsing.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from .config import Config, ConfigResolver, with_cli
from .errors import AssertlintError, ConfigError, UnknownRuleError
from .findings import Finding
from .results import FileResult, FixResult
from .taxonomy import Severity

__all__ = ["Session", "SessionOptions", "FileResult", "FixResult", "Finding"]


@dataclass(frozen=True)
class SessionOptions:
    """The command line's options that shape a check (configuration files add to them per path)."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    model: str | None = None
    include_blockquotes: bool = False
    config: str | None = None  # one config file for every path
    isolated: bool = False  # ignore every config file
    jobs: int = 1  # processes to parse with; 0: automatic
    cache: bool = False  # the per-file result cache
    min_severity: str | None = None
    exclude: tuple[str, ...] = ()  # replaces the config's `exclude`
    extend_exclude: tuple[str, ...] = ()  # adds to it
    force_exclude: bool = False  # `exclude` applies to paths named explicitly too
    stdin_filename: str | None = None  # the name of "-" (its suffix picks the markup and config)
    baseline: str | None = None  # report only findings that are not in this baseline file


def _codes(values) -> tuple[str, ...]:
    if isinstance(values, str):
        values = (values,)
    return tuple(v.strip() for item in values or () for v in item.split(",") if v.strip())


class Session:
    def __init__(self, options: SessionOptions | None = None, **kwargs) -> None:
        opts = options or SessionOptions(**kwargs)
        if options is not None and kwargs:
            opts = replace(options, **kwargs)
        self.options = replace(
            opts, select=_codes(opts.select), ignore=_codes(opts.ignore), extend_select=_codes(opts.extend_select)
        )
        self._configs = ConfigResolver()
        self._linters: dict[tuple, object] = {}
        self._baseline = None

    # -- configuration ----------------------------------------------------------------------------
    def _config_name(self, path: str | None) -> str:
        if path is None or path == "-":
            return self.options.stdin_filename or "-"
        return path

    def settings_for(self, path: str | None = None) -> Config:
        """The resolved, immutable settings for `path` (config file plus these options)."""
        o = self.options
        name = self._config_name(path)
        lookup = "-" if name == "-" else name
        cfg = self._configs.config_for(lookup, explicit=o.config, isolated=o.isolated)
        return with_cli(cfg, select=o.select, ignore=o.ignore, extend_select=o.extend_select, model=o.model,
                        include_blockquotes=o.include_blockquotes, min_severity=o.min_severity,
                        exclude=o.exclude, extend_exclude=o.extend_exclude)

    def excluded(self, path: str) -> bool:
        """True when the configuration (or --exclude) excludes `path`."""
        if path == "-":
            if not self.options.stdin_filename:
                return False
            path = self.options.stdin_filename
        return self.settings_for(path).excluded(path)

    def reload(self) -> None:
        """Forget configuration files and linters read so far (a config or rule file changed)."""
        self._configs.clear()
        self._linters.clear()
        self._baseline = None

    def rules(self, path: str | None = None) -> tuple:
        """The selected rules (Rule objects, severities applied) for `path`'s configuration."""
        return self.linter_for(self.settings_for(path)).rules

    def linter_for(self, cfg: Config):
        """The one linter for this configuration's rule selection, built on first use."""
        key = (cfg.select, cfg.ignore, cfg.extend_select, cfg.severity, cfg.rule_paths, cfg.model)
        linter = self._linters.get(key)
        if linter is None:
            linter = self._linters[key] = self._build_linter(cfg)
        return linter

    def _build_linter(self, cfg: Config):
        from .linter import make_linter

        where = f"{cfg.path}: " if cfg.path else ""
        select = list(cfg.select) + (list(cfg.extend_select) if cfg.select else [])
        try:
            return make_linter(select=select, ignore=list(cfg.ignore), rule_paths=list(cfg.rule_paths),
                               model=cfg.model, severity=dict(cfg.severity), jobs=self.options.jobs,
                               cache=self.options.cache)
        except UnknownRuleError as err:
            raise ConfigError(f"{where}{err}") from None
        except ConfigError as err:
            raise ConfigError(f"{where}{err}") from None

    # -- checking ---------------------------------------------------------------------------------
    def _name(self, path: str | None) -> str:
        """The path findings carry: '-' (or --stdin-filename) for standard input and None."""
        return self._config_name(path)

    def check_text(self, text: str, path: str | None = None) -> FileResult:
        return self.check_texts([(text, path)])[0]

    def check_texts(self, items: Iterable[tuple[str, str | None]], *, baseline: bool = True) -> list[FileResult]:
        """Check many texts, parsed together per configuration; results in input order.
        `baseline=False` leaves the baseline filter out (the command line applies it last)."""
        raw = self._check_raw(list(items))
        if not (baseline and self.options.baseline):
            return raw
        return [r if r.error else replace(r, findings=tuple(self.filter_baseline(list(r.findings)))) for r in raw]

    def _check_raw(self, items: Sequence[tuple[str, str | None]]) -> list[FileResult]:
        """Findings after per-file ignores, min-severity and inline suppressions (no baseline)."""
        from .engine.linter import Input
        from .engine.parallel import WorkerFailure
        from .source.markup import kind_for

        results: list[FileResult | None] = [None] * len(items)
        groups: dict[int, tuple[object, list[tuple[int, Config]]]] = {}
        for i, (text, path) in enumerate(items):
            name = self._name(path)
            problem = _not_text(text)
            if problem:
                results[i] = FileResult(name, text if isinstance(text, str) else "", error=f"{name}: {problem}")
                continue
            try:
                cfg = self.settings_for(path)
                linter = self.linter_for(cfg)
            except AssertlintError as err:
                results[i] = FileResult(name, text, error=str(err))
                continue
            groups.setdefault(id(linter), (linter, []))[1].append((i, cfg))
        for linter, members in groups.values():
            inputs = []
            for i, cfg in members:
                text, path = items[i]
                name = self._name(path)
                inputs.append(Input(name, text, kind_for(name), cfg.include_blockquotes))
            try:
                found, notes = linter.check_notes(inputs)
            except AssertlintError as err:  # no model, a rule pattern spaCy rejects
                for i, _ in members:
                    results[i] = FileResult(self._name(items[i][1]), items[i][0], error=str(err))
                continue
            for (i, cfg), fs, ns in zip(members, found, notes):
                text, path = items[i]
                name = self._name(path)
                if isinstance(fs, WorkerFailure):  # its worker process died: this file alone fails
                    results[i] = FileResult(name, text, error=f"{name}: {fs.message}")
                    continue
                kept, unused, note = post_filter(cfg, name, text, fs)
                results[i] = FileResult(name, text, tuple(kept), tuple(unused), notes=ns + ((note,) if note else ()))
        return results  # type: ignore[return-value]

    def fix_text(self, text: str, path: str | None = None, unsafe: bool = False, *,
                 checked: FileResult | None = None, baseline: bool = True) -> FixResult:
        """Apply the safe (with `unsafe`, also the unsafe) rewrites to a fixed point.
        `checked`: this text's result from check_texts(..., baseline=False), to save a parse."""
        from .rewrite.fixer import fix

        name = self._name(path)
        first = checked if checked is not None and checked.text == text else self._check_raw([(text, path)])[0]
        if first.error is not None:
            return FixResult(text, (), False, name, (), first.error)
        last = {"res": first}

        def check(t: str) -> list[Finding]:
            if t != last["res"].text:
                last["res"] = self._check_raw([(t, path)])[0]
            if last["res"].error is not None:
                raise _FixStopped(last["res"].error)
            return list(last["res"].findings)

        try:
            done = fix(check, text, unsafe=unsafe)
        except _FixStopped as err:
            return FixResult(text, (), False, name, (), str(err))
        findings = tuple(self.filter_baseline(done.remaining) if baseline else done.remaining)
        unused = last["res"].unused_ignores if last["res"].text == done.text else ()
        return FixResult(done.text, findings, done.text != text, name, unused)

    def filter_baseline(self, findings: list[Finding]) -> list[Finding]:
        """The findings that are not in the baseline (all of them without one)."""
        from .baseline import filter_new

        if not self.options.baseline:
            return findings
        self.load_baseline()
        return filter_new(findings, self._baseline)

    def load_baseline(self) -> None:
        """Read the baseline now (a missing or malformed file raises ConfigError)."""
        if self.options.baseline and self._baseline is None:
            from .baseline import load_baseline

            self._baseline = load_baseline(self.options.baseline)


class _FixStopped(Exception):
    pass


def _not_text(text) -> str | None:
    """Why `text` cannot be checked (the API may be handed anything), or None."""
    if not isinstance(text, str):
        return f"is a {type(text).__name__}, not text; not checked"
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as err:
        return (f"holds a lone surrogate (U+{ord(text[err.start]):04X} at offset {err.start}), which is not "
                "text; not checked")
    return None


def _finding_matches(f: Finding, code: str) -> bool:
    from .ruleset.select import code_matches

    return code_matches(code, id=f.rule, name=f.name, category=f.category, style=f.style)


def post_filter(cfg: Config, path: str, text: str, findings: list[Finding]) -> tuple[list[Finding], list, str | None]:
    """The filters after the engine, in order: per-file ignores, min-severity, inline suppressions.
    Returns the findings kept, the unused suppressions and a note on directives left out."""
    from .source import suppress
    from .source.markup import kind_for

    ignores = cfg.ignores_for(path) if cfg.per_file_ignores and path != "-" else ()
    if ignores:
        findings = [f for f in findings if not any(_finding_matches(f, code) for code in ignores)]
    if cfg.min_severity != "info":
        floor = Severity[cfg.min_severity]
        findings = [f for f in findings if Severity[f.severity] >= floor]
    sup = suppress.parse(text, kind_for(path))
    return sup.apply(findings), sup.unused(), sup.note
