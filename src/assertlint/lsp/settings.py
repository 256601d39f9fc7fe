"""The client's settings: initializationOptions, workspace/configuration (section "assertlint")
and workspace/didChangeConfiguration, over the defaults the `assertlint server` options gave.

Keys (camelCase, as editors write them; snake_case and kebab-case are accepted too):

    select, ignore, extendSelect      rule ids, prefixes, names, categories or styles
    config, isolated                  one config file for every document / ignore config files
    minSeverity                       info | warning | error
    includeBlockquotes, model         as the command-line options
    debounceMs                        edits closer together than this are checked once, after
                                      a pause this long (default 15); an edit after a pause is
                                      checked at once
    maxDocumentChars                  larger documents are not checked (default 500000)
    reportUnusedIgnores               hint at suppressions that matched nothing (default false)
"""
from __future__ import annotations

from dataclasses import dataclass, fields, replace

from .backend import BackendOptions

DEBOUNCE_MS = 15
MAX_DOCUMENT_CHARS = 500_000


@dataclass(frozen=True)
class ServerSettings:
    debounce_ms: int = DEBOUNCE_MS
    max_document_chars: int = MAX_DOCUMENT_CHARS
    report_unused_ignores: bool = False


_LIST_KEYS = {"select": "select", "ignore": "ignore", "extendselect": "extend_select"}
_BACKEND_SCALARS = {
    "config": ("config", str), "isolated": ("isolated", bool), "minseverity": ("min_severity", str),
    "includeblockquotes": ("include_blockquotes", bool), "model": ("model", str),
}
_SERVER_KEYS = {
    "debouncems": ("debounce_ms", int), "maxdocumentchars": ("max_document_chars", int),
    "reportunusedignores": ("report_unused_ignores", bool),
}


def _norm(key: str) -> str:
    return key.replace("_", "").replace("-", "").lower()


def _codes(value) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, (list, tuple)):
        raise ValueError("must be a list of strings")
    return tuple(v.strip() for item in value if isinstance(item, str) for v in item.split(",") if v.strip())


def section(raw) -> dict:
    """The assertlint settings in what a client sent: {"assertlint": {...}}, or the table itself
    (some clients send only their server's section); {} when it holds neither (another server's
    settings, or null)."""
    if not isinstance(raw, dict):
        return {}
    inner = raw.get("assertlint")
    if isinstance(inner, dict):
        return inner
    known = set(_LIST_KEYS) | set(_BACKEND_SCALARS) | set(_SERVER_KEYS)
    return raw if any(_norm(str(k)) in known for k in raw) else {}


def merge(base: BackendOptions, server: ServerSettings, raw) -> tuple[BackendOptions, ServerSettings, list[str]]:
    """`base` and `server` with the client's values applied; problems as one-line messages
    (a bad value is reported and ignored, the rest still applies)."""
    table = section(raw)
    b: dict = {}
    s: dict = {}
    problems: list[str] = []
    for key, value in table.items():
        if value is None:  # unset: keep the default
            continue
        k = _norm(str(key))
        try:
            if k in _LIST_KEYS:
                b[_LIST_KEYS[k]] = _codes(value)
            elif k in _BACKEND_SCALARS:
                name, typ = _BACKEND_SCALARS[k]
                b[name] = _typed(value, typ)
            elif k in _SERVER_KEYS:
                name, typ = _SERVER_KEYS[k]
                s[name] = _typed(value, typ)
        except ValueError as err:
            problems.append(f"setting assertlint.{key}: {err}")
    if s.get("debounce_ms") is not None and not 0 <= s["debounce_ms"] <= 10_000:
        problems.append("setting assertlint.debounceMs: must be between 0 and 10000")
        del s["debounce_ms"]
    if s.get("max_document_chars") is not None and s["max_document_chars"] < 1:
        problems.append("setting assertlint.maxDocumentChars: must be positive")
        del s["max_document_chars"]
    if b.get("min_severity") not in (None, "info", "warning", "error"):
        problems.append(f"setting assertlint.minSeverity: {b['min_severity']!r}; allowed: info, warning, error")
        del b["min_severity"]
    known = {f.name for f in fields(BackendOptions)}
    return replace(base, **{k: v for k, v in b.items() if k in known}), replace(server, **s), problems


def _typed(value, typ):
    if typ is bool:
        if isinstance(value, bool):
            return value
        raise ValueError("must be true or false")
    if typ is int:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ValueError("must be a number")
        return int(value)
    if not isinstance(value, str):
        raise ValueError("must be a string")
    return value or None
