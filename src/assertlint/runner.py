"""One run over many files: discovery, per-file configuration, linting in batches, then the
filters that come after the engine (per-file ignores, min-severity, inline suppressions,
baseline). The command line is a thin layer over this."""
from __future__ import annotations

import sys
from pathlib import Path
from dataclasses import dataclass, field, replace

from .config import Config, clear_caches, config_for, with_cli
from .engine.linter import Input, Linter
from .errors import AssertlintError, ConfigError, UnknownRuleError
from .findings import Finding
from .source import suppress
from .source.files import discover
from .source.markup import kind_for
from .source.reader import SourceText, decode, read_file
from .taxonomy import Severity


@dataclass
class RunOptions:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    model: str | None = None
    include_blockquotes: bool = False
    config: str | None = None
    isolated: bool = False
    stdin_filename: str | None = None
    report_unused_ignores: bool = False
    jobs: int = 0  # 0: automatic
    force_exclude: bool = False  # apply `exclude` to files named on the command line too
    cache: bool = True


@dataclass
class Checked:
    source: SourceText
    config: Config
    linter: Linter
    findings: list[Finding] = field(default_factory=list)
    unused_ignores: list = field(default_factory=list)
    stdin: bool = False


def _finding_matches(f: Finding, code: str) -> bool:
    from .ruleset.select import code_matches

    return code_matches(code, id=f.rule, name=f.name, category=f.category, style=f.style)


class Runner:
    def __init__(self, opts: RunOptions) -> None:
        self.opts = opts
        clear_caches()
        self.errors: list[str] = []
        self.stdin_bytes: bytes | None = None  # as read, so `--fix -` can echo it back on error
        self._linters: dict[tuple, Linter] = {}

    # -- configuration → linter -----------------------------------------------------------------
    def config_for(self, path: str) -> Config:
        o = self.opts
        if path == "-" and o.stdin_filename:
            path = o.stdin_filename  # the buffer's real name picks its config
        cfg = config_for(path, explicit=o.config, isolated=o.isolated)
        return with_cli(cfg, select=o.select, ignore=o.ignore, extend_select=o.extend_select,
                        model=o.model, include_blockquotes=o.include_blockquotes)

    def linter_for(self, cfg: Config) -> Linter:
        key = (cfg.select, cfg.ignore, cfg.extend_select, cfg.severity, cfg.rule_paths, cfg.model)
        if key not in self._linters:
            from .api import make_linter

            select = list(cfg.select)
            if select and cfg.extend_select:
                select += list(cfg.extend_select)
            where = f"{cfg.path}: " if cfg.path else ""
            try:
                from .cache import cache_dir

                linter = make_linter(select=select, ignore=list(cfg.ignore), rule_paths=list(cfg.rule_paths),
                                     model=cfg.model, cache_dir=cache_dir() if self.opts.cache else None)
            except UnknownRuleError as err:
                raise ConfigError(f"{where}{err}") from None
            if cfg.severity:
                overrides = dict(cfg.severity)
                from .ruleset import load_rules

                rule_cache = cache_dir() if self.opts.cache else None
                known = {r.id for r in load_rules([Path(p) for p in cfg.rule_paths], cache_dir=rule_cache)}
                for rid in overrides:
                    if rid not in known:
                        raise ConfigError(f"{where}severity.{rid}: no such rule (see --list-rules)")
                linter.rules = [replace(r, severity=overrides.get(r.id, r.severity)) for r in linter.rules]
            linter.jobs = self.opts.jobs
            if self.opts.cache:
                from .cache import Cache, fingerprint

                linter.cache = Cache(fingerprint(linter.rules, cfg.model, linter.lexicons))
            self._linters[key] = linter
        return self._linters[key]

    # -- reading --------------------------------------------------------------------------------
    def read(self, paths: list[str]) -> list[tuple[SourceText, Config, bool]]:
        """(source, config, from_stdin) for every file to check; problems go to self.errors."""
        found = discover(paths)
        for p, problem in found.errors:
            self.errors.append(f"{p}: {problem}")
        explicit = set() if self.opts.force_exclude else set(paths)
        out = []
        for p in found.files:
            try:
                if p == "-":
                    name = self.opts.stdin_filename or "-"
                    self.stdin_bytes = sys.stdin.buffer.read() if sys.stdin is not None else b""
                cfg = self.config_for(p)
                if p not in explicit and p != "-" and cfg.excluded(p):
                    continue
                if p == "-":
                    out.append((decode(name, self.stdin_bytes), cfg, True))
                else:
                    out.append((read_file(p), cfg, False))
            except AssertlintError as err:  # a bad file or config: say so, check the others
                self.error(str(err))
        return out

    def error(self, message: str) -> None:
        if message not in self.errors:
            self.errors.append(message)

    # -- linting ----------------------------------------------------------------------------------
    def check_sources(self, sources: list[tuple[SourceText, Config, bool]], texts: list[str] | None = None) -> list[Checked]:
        """Lint each source (or the given replacement texts), grouped by linter, in input order."""
        checked = []
        for src, cfg, std in sources:
            try:
                checked.append(Checked(src, cfg, self.linter_for(cfg), stdin=std))
            except AssertlintError as err:  # a config naming no rule, a bad rule folder
                self.error(str(err))
        groups: dict[int, list[int]] = {}
        for i, c in enumerate(checked):
            groups.setdefault(id(c.linter), []).append(i)
        failed: set[int] = set()
        for idxs in groups.values():
            linter = checked[idxs[0]].linter
            inputs = [self._input(checked[i], texts[i] if texts else None) for i in idxs]
            try:
                results = linter.check(inputs)
            except AssertlintError as err:  # no model, a rule pattern spaCy rejects
                self.error(str(err))
                failed.update(idxs)
                continue
            for i, fs in zip(idxs, results):
                text = texts[i] if texts else checked[i].source.text
                checked[i].findings, checked[i].unused_ignores = self.post(checked[i], fs, text)
        return [c for i, c in enumerate(checked) if i not in failed]

    def check_text(self, c: Checked, text: str) -> list[Finding]:
        fs = c.linter.check([self._input(c, text)])[0]
        return self.post(c, fs, text)[0]

    def _input(self, c: Checked, text: str | None) -> Input:
        path = c.source.path
        return Input(path, c.source.text if text is None else text, kind_for(path), c.config.include_blockquotes)

    def post(self, c: Checked, findings: list[Finding], text: str) -> tuple[list[Finding], list]:
        cfg = c.config
        ignores = cfg.ignores_for(c.source.path) if cfg.per_file_ignores else ()
        if ignores:
            findings = [f for f in findings if not any(_finding_matches(f, code) for code in ignores)]
        if cfg.min_severity != "info":
            floor = Severity[cfg.min_severity]
            findings = [f for f in findings if Severity[f.severity] >= floor]
        sup = suppress.parse(text, kind_for(c.source.path))
        findings = sup.apply(findings)
        return findings, sup.unused()


__all__ = ["Runner", "RunOptions", "Checked", "AssertlintError"]
