"""Configuration: `[tool.assertlint]` in pyproject.toml or a `.assertlint.toml` (top level).

The nearest config file upwards from each checked file wins, as in ruff. `--config PATH` names
one file for every input; `--isolated` ignores all of them. Unknown keys and bad values are
errors naming the file, the key and what is allowed.
"""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, replace

from .errors import ConfigError
from .taxonomy import SEVERITIES

CONFIG_FILES = (".assertlint.toml", "pyproject.toml")
MAX_CONFIG_BYTES = 16 * 1024 * 1024
KEYS = (
    "select", "ignore", "extend-select", "severity", "exclude", "per-file-ignores", "rule-paths",
    "model", "include-blockquotes", "min-severity",
)


@dataclass(frozen=True)
class Config:
    path: str | None = None  # the file it came from (None: defaults)
    root: str = "."  # the folder globs are relative to
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    severity: tuple[tuple[str, str], ...] = ()
    exclude: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    rule_paths: tuple[str, ...] = ()
    model: str | None = None
    include_blockquotes: bool = False
    min_severity: str = "info"
    cli_exclude: tuple[str, ...] = ()  # --exclude / --extend-exclude, relative to cli_root (the cwd)
    cli_root: str = "."
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    def excluded(self, path: str) -> bool:
        rel = _rel(path, self.root)
        if any(_glob(rel, pat) for pat in self.exclude):
            return True
        rel = _rel(path, self.cli_root)
        return any(_glob(rel, pat) for pat in self.cli_exclude)

    def ignores_for(self, path: str) -> tuple[str, ...]:
        rel = _rel(path, self.root)
        out: list[str] = []
        for pat, codes in self.per_file_ignores:
            if _glob(rel, pat):
                out.extend(codes)
        return tuple(out)


def _rel(path: str, root: str) -> str:
    try:
        return os.path.relpath(os.path.abspath(path), os.path.abspath(root)).replace(os.sep, "/")
    except ValueError:
        return path


def _glob(rel: str, pattern: str) -> bool:
    """gitignore-style: a pattern without a slash matches at any depth, "dir/" matches a folder
    and everything below it, `*` never crosses a `/`."""
    from .source.ignore import matches

    return matches((pattern,), rel)


def _strings(value, where: str, key: str, split: bool = True) -> tuple[str, ...]:
    """A list of strings; rule selectors may also be comma-separated, globs and paths never."""
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: '{key}' must be a list of strings")
    if not split:
        return tuple(v for v in value if v.strip())
    return tuple(v.strip() for item in value for v in item.split(",") if v.strip())


def _parse_severity(sev, where: str):
    if not isinstance(sev, dict):
        raise ConfigError(f"{where}: 'severity' must be a table of rule id = severity")
    for rid, level in sev.items():
        if level not in SEVERITIES:
            raise ConfigError(f"{where}: severity.{rid} = {level!r}; allowed: {', '.join(SEVERITIES)}")
    return tuple(sorted(sev.items()))


def _parse_pfi(pfi, where: str):
    if not isinstance(pfi, dict):
        raise ConfigError(f"{where}: 'per-file-ignores' must be a table of glob = [rules]")
    return tuple((g, _strings(v, where, f"per-file-ignores.{g}")) for g, v in pfi.items())


def _parse_model(value, where: str):
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"{where}: 'model' must be the name of an installed spaCy pipeline")
    return value


def _parse_bool(key: str):
    def parse(value, where: str):
        if not isinstance(value, bool):
            raise ConfigError(f"{where}: '{key}' must be true or false")
        return value

    return parse


def _parse_min_severity(value, where: str):
    if value not in SEVERITIES:
        raise ConfigError(f"{where}: 'min-severity' = {value!r}; allowed: {', '.join(SEVERITIES)}")
    return value


def _parse_list(key: str, split: bool):
    return lambda value, where: _strings(value, where, key, split=split)


_PARSERS = {
    "select": _parse_list("select", True),
    "ignore": _parse_list("ignore", True),
    "extend-select": _parse_list("extend-select", True),
    "exclude": _parse_list("exclude", False),
    "rule-paths": _parse_list("rule-paths", False),
    "severity": _parse_severity,
    "per-file-ignores": _parse_pfi,
    "model": _parse_model,
    "include-blockquotes": _parse_bool("include-blockquotes"),
    "min-severity": _parse_min_severity,
}


def parse_config(data: dict, path: str) -> Config:
    where = path
    unknown = sorted(set(data) - set(KEYS))
    if unknown:
        from .suggest import did_you_mean

        hint = did_you_mean(unknown[0], KEYS)
        raise ConfigError(f"{where}: unknown key '{unknown[0]}'{hint}; allowed keys: {', '.join(KEYS)}")
    kw: dict = {"path": path, "root": os.path.dirname(os.path.abspath(path))}
    for key, value in data.items():
        kw[key.replace("-", "_")] = _PARSERS[key](value, where)
    if "rule_paths" in kw:
        kw["rule_paths"] = tuple(os.path.normpath(os.path.join(kw["root"], p)) for p in kw["rule_paths"])
    return Config(**kw)


def load_config_file(path: str) -> Config | None:
    """The config in `path`, or None for a pyproject.toml with no [tool.assertlint] table."""
    from .source.reader import problem, read_regular

    try:
        data = tomllib.loads(read_regular(path, MAX_CONFIG_BYTES).decode("utf-8"))
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"{path}: invalid TOML: {err}") from None
    except UnicodeDecodeError as err:
        raise ConfigError(f"{path}: is not valid UTF-8 (byte offset {err.start})") from None
    except RecursionError:
        raise ConfigError(f"{path}: invalid TOML: nested too deeply") from None
    except OSError as err:
        raise ConfigError(f"{path}: {problem(err)}") from None
    if os.path.basename(path) == "pyproject.toml":
        tool = data.get("tool", {})
        if "assertlint" not in tool:
            return None
        section = tool["assertlint"]
        if not isinstance(section, dict):
            raise ConfigError(f"{path}: [tool.assertlint] must be a table")
        return parse_config(section, path)
    return parse_config(data, path)


class ConfigResolver:
    """Finds the config for each path (the nearest one upwards), reading each file once until
    `clear()`. Each Session has its own, so a new Session sees edited config files."""

    def __init__(self) -> None:
        self._files: dict[str, tuple[Config | None, ConfigError | None]] = {}
        self._dirs: dict[str, Config] = {}

    def clear(self) -> None:
        self._files.clear()
        self._dirs.clear()

    def load(self, path: str) -> Config | None:
        if path not in self._files:
            try:
                self._files[path] = (load_config_file(path), None)
            except ConfigError as err:
                self._files[path] = (None, err)
        cfg, err = self._files[path]
        if err is not None:
            raise err
        return cfg

    def for_dir(self, folder: str) -> Config:
        if folder in self._dirs:
            return self._dirs[folder]
        cfg = None
        for name in CONFIG_FILES:
            candidate = os.path.join(folder, name)
            if os.path.isfile(candidate):
                cfg = self.load(candidate)
                if cfg is not None:
                    break
        if cfg is None:
            parent = os.path.dirname(folder)
            cfg = Config() if parent == folder else self.for_dir(parent)
        self._dirs[folder] = cfg
        return cfg

    def config_for(self, path: str, *, explicit: str | None = None, isolated: bool = False) -> Config:
        if isolated:
            return Config()
        if explicit:
            cfg = self.load(os.path.abspath(explicit))
            if cfg is None:
                raise ConfigError(f"{explicit}: has no [tool.assertlint] table")
            return cfg
        folder = os.path.abspath(os.getcwd() if path == "-" else os.path.dirname(os.path.abspath(path)))
        return self.for_dir(folder)


def config_for(path: str, *, explicit: str | None = None, isolated: bool = False) -> Config:
    """The config for one path, read afresh."""
    return ConfigResolver().config_for(path, explicit=explicit, isolated=isolated)


def with_cli(cfg: Config, *, select=(), ignore=(), extend_select=(), model=None, include_blockquotes=False,
             min_severity=None, exclude=(), extend_exclude=()) -> Config:
    """Command-line options over a config: --select and --exclude replace, --ignore,
    --extend-select and --extend-exclude add, --min-severity and --model win."""
    if min_severity is not None and min_severity not in SEVERITIES:
        raise ConfigError(f"--min-severity {min_severity!r}; allowed: {', '.join(SEVERITIES)}")
    return replace(
        cfg,
        select=tuple(select) or cfg.select,
        ignore=cfg.ignore + tuple(ignore),
        extend_select=cfg.extend_select + tuple(extend_select),
        model=model or cfg.model,
        include_blockquotes=include_blockquotes or cfg.include_blockquotes,
        min_severity=min_severity or cfg.min_severity,
        exclude=() if exclude else cfg.exclude,
        cli_exclude=tuple(exclude) + tuple(extend_exclude),
        cli_root=os.getcwd() if (exclude or extend_exclude) else cfg.cli_root,
    )
