"""Configuration: `[tool.assertlint]` in pyproject.toml or a `.assertlint.toml` (top level).

The nearest config file upwards from each checked file wins, as in ruff. `--config PATH` names
one file for every input; `--isolated` ignores all of them. Unknown keys and bad values are
errors naming the file, the key and what is allowed.
"""
from __future__ import annotations

import fnmatch
import os
import tomllib
from dataclasses import dataclass, field, replace
from functools import lru_cache

from .errors import ConfigError
from .taxonomy import SEVERITIES

CONFIG_FILES = (".assertlint.toml", "pyproject.toml")
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
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    def excluded(self, path: str) -> bool:
        rel = _rel(path, self.root)
        return any(_glob(rel, pat) for pat in self.exclude)

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
    pattern = pattern.rstrip("/")
    if fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(os.path.basename(rel), pattern):
        return True
    # a folder pattern excludes everything below it
    parts = rel.split("/")
    return any(fnmatch.fnmatch("/".join(parts[:i]), pattern) for i in range(1, len(parts)))


def _strings(value, where: str, key: str, split: bool = True) -> tuple[str, ...]:
    """A list of strings; rule selectors may also be comma-separated, globs and paths never."""
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: '{key}' must be a list of strings")
    if not split:
        return tuple(v for v in value if v.strip())
    return tuple(v.strip() for item in value for v in item.split(",") if v.strip())


def parse_config(data: dict, path: str) -> Config:
    where = path
    unknown = sorted(set(data) - set(KEYS))
    if unknown:
        raise ConfigError(f"{where}: unknown key '{unknown[0]}'; allowed keys: {', '.join(KEYS)}")
    kw: dict = {"path": path, "root": os.path.dirname(os.path.abspath(path))}
    for key in ("select", "ignore", "extend-select", "exclude", "rule-paths"):
        if key in data:
            kw[key.replace("-", "_")] = _strings(data[key], where, key, split=key not in ("exclude", "rule-paths"))
    if "rule-paths" in kw or "rule_paths" in kw:
        kw["rule_paths"] = tuple(os.path.normpath(os.path.join(kw["root"], p)) for p in kw["rule_paths"])
    if "severity" in data:
        sev = data["severity"]
        if not isinstance(sev, dict):
            raise ConfigError(f"{where}: 'severity' must be a table of rule id = severity")
        for rid, level in sev.items():
            if level not in SEVERITIES:
                raise ConfigError(f"{where}: severity.{rid} = {level!r}; allowed: {', '.join(SEVERITIES)}")
        kw["severity"] = tuple(sorted(sev.items()))
    if "per-file-ignores" in data:
        pfi = data["per-file-ignores"]
        if not isinstance(pfi, dict):
            raise ConfigError(f"{where}: 'per-file-ignores' must be a table of glob = [rules]")
        kw["per_file_ignores"] = tuple((g, _strings(v, where, f"per-file-ignores.{g}")) for g, v in pfi.items())
    if "model" in data:
        if not isinstance(data["model"], str) or not data["model"].strip():
            raise ConfigError(f"{where}: 'model' must be the name of an installed spaCy pipeline")
        kw["model"] = data["model"]
    if "include-blockquotes" in data:
        if not isinstance(data["include-blockquotes"], bool):
            raise ConfigError(f"{where}: 'include-blockquotes' must be true or false")
        kw["include_blockquotes"] = data["include-blockquotes"]
    if "min-severity" in data:
        if data["min-severity"] not in SEVERITIES:
            raise ConfigError(f"{where}: 'min-severity' = {data['min-severity']!r}; allowed: {', '.join(SEVERITIES)}")
        kw["min_severity"] = data["min-severity"]
    return Config(**kw)


@lru_cache(maxsize=256)
def load_config_file(path: str) -> Config | None:
    """The config in `path`, or None for a pyproject.toml with no [tool.assertlint] table."""
    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"{path}: invalid TOML: {err}") from None
    except UnicodeDecodeError as err:
        raise ConfigError(f"{path}: is not valid UTF-8 (byte offset {err.start})") from None
    except OSError as err:
        raise ConfigError(f"{path}: cannot be read ({err.strerror or err})") from None
    if os.path.basename(path) == "pyproject.toml":
        tool = data.get("tool", {})
        if "assertlint" not in tool:
            return None
        section = tool["assertlint"]
        if not isinstance(section, dict):
            raise ConfigError(f"{path}: [tool.assertlint] must be a table")
        return parse_config(section, path)
    return parse_config(data, path)


@lru_cache(maxsize=1024)
def _find_for_dir(folder: str) -> Config:
    cur = folder
    while True:
        for name in CONFIG_FILES:
            candidate = os.path.join(cur, name)
            if os.path.isfile(candidate):
                cfg = load_config_file(candidate)
                if cfg is not None:
                    return cfg
        parent = os.path.dirname(cur)
        if parent == cur:
            return Config()
        cur = parent


def clear_caches() -> None:
    """Forget config files read so far (one run reads each once; a new run reads them anew)."""
    load_config_file.cache_clear()
    _find_for_dir.cache_clear()


def config_for(path: str, *, explicit: str | None = None, isolated: bool = False) -> Config:
    if isolated:
        return Config()
    if explicit:
        cfg = load_config_file(os.path.abspath(explicit))
        if cfg is None:
            raise ConfigError(f"{explicit}: has no [tool.assertlint] table")
        return cfg
    folder = os.path.abspath(os.getcwd() if path == "-" else os.path.dirname(os.path.abspath(path)))
    return _find_for_dir(folder)


def with_cli(cfg: Config, *, select=(), ignore=(), extend_select=(), model=None, include_blockquotes=False) -> Config:
    """Command-line options over a config: --select replaces, --ignore and --extend-select add."""
    return replace(
        cfg,
        select=tuple(select) or cfg.select,
        ignore=cfg.ignore + tuple(ignore),
        extend_select=cfg.extend_select + tuple(extend_select),
        model=model or cfg.model,
        include_blockquotes=include_blockquotes or cfg.include_blockquotes,
    )
