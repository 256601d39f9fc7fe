"""Baselines: record today's findings, then report only new ones.

A finding matches a baseline entry by path, rule and its flagged text with case and spacing
normalised, never by line number, so edits elsewhere in a file do not resurrect old findings.
"""
from __future__ import annotations

import json
import os
from collections import Counter

from .errors import ConfigError
from .findings import Finding

VERSION = 1


def _key(path: str, rule: str, text: str, base: str) -> tuple[str, str, str]:
    """Paths are kept relative to the baseline file's folder, so a baseline works from any
    working directory and whichever way the files were named on the command line."""
    if path != "-":
        path = os.path.relpath(os.path.abspath(path), base)
    return (path.replace(os.sep, "/"), rule, " ".join(text.lower().split()))


def _base(baseline_path: str) -> str:
    return os.path.dirname(os.path.abspath(baseline_path))


def write_baseline(path: str, findings: list[Finding]) -> int:
    base = _base(path)
    counts = Counter(_key(f.path, f.rule, f.text, base) for f in findings)
    entries = [{"path": p, "rule": r, "text": t, "count": n} for (p, r, t), n in sorted(counts.items())]
    try:
        with open(path, "w", encoding="utf-8") as fh:
            json.dump({"assertlint-baseline": VERSION, "findings": entries}, fh, indent=2, ensure_ascii=False)
            fh.write("\n")
    except OSError as err:
        raise ConfigError(f"{path}: baseline cannot be written ({err.strerror or err})") from None
    return len(findings)


def load_baseline(path: str) -> tuple[Counter, str]:
    """The baseline's entries and the folder its paths are relative to."""
    from .source.reader import problem, read_regular

    try:
        data = json.loads(read_regular(path, MAX_BASELINE_BYTES).decode("utf-8"), parse_constant=_no_constant)
        if not isinstance(data, dict) or data.get("assertlint-baseline") != VERSION:
            raise ValueError("not an assertlint baseline (version 1)")
        if not isinstance(data.get("findings"), list):
            raise ValueError("'findings' must be a list")
        entries = Counter()
        for e in data["findings"]:
            key, count = _entry(e)
            entries[key] += count
        return entries, _base(path)
    except FileNotFoundError:
        raise ConfigError(f"{path}: baseline file not found") from None
    except OSError as err:
        raise ConfigError(f"{path}: baseline cannot be read ({problem(err)})") from None
    except RecursionError:
        raise ConfigError(f"{path}: not a valid baseline file (nested too deeply)") from None
    except (ValueError, KeyError, TypeError, AttributeError) as err:
        raise ConfigError(f"{path}: not a valid baseline file ({err})") from None


MAX_BASELINE_BYTES = 256 * 1024 * 1024


def _no_constant(name: str):
    raise ValueError(f"{name} is not a valid JSON number")


def _entry(e) -> tuple[tuple[str, str, str], int]:
    """One baseline entry: path, rule and text strings, and a count (a whole number, 1 when absent)."""
    if not isinstance(e, dict):
        raise ValueError("each finding must be an object")
    key = (e["path"], e["rule"], e["text"])
    if not all(isinstance(k, str) for k in key):
        raise ValueError("'path', 'rule' and 'text' must be strings")
    count = e.get("count", 1)
    if type(count) is not int or count < 0:
        raise ValueError(f"'count' must be a whole number, not {count!r}"[:120])
    return key, count


def filter_new(findings: list[Finding], baseline: tuple[Counter, str]) -> list[Finding]:
    entries, base = baseline
    left = Counter(entries)
    out = []
    for f in findings:
        k = _key(f.path, f.rule, f.text, base)
        if left[k] > 0:
            left[k] -= 1
        else:
            out.append(f)
    return out
