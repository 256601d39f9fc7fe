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


def _key(path: str, rule: str, text: str) -> tuple[str, str, str]:
    return (os.path.normpath(path).replace(os.sep, "/"), rule, " ".join(text.lower().split()))


def write_baseline(path: str, findings: list[Finding]) -> int:
    counts = Counter(_key(f.path, f.rule, f.text) for f in findings)
    entries = [{"path": p, "rule": r, "text": t, "count": n} for (p, r, t), n in sorted(counts.items())]
    with open(path, "w", encoding="utf-8") as fh:
        json.dump({"assertlint-baseline": VERSION, "findings": entries}, fh, indent=2, ensure_ascii=False)
        fh.write("\n")
    return len(findings)


def load_baseline(path: str) -> Counter:
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
        if data.get("assertlint-baseline") != VERSION:
            raise ValueError("not an assertlint baseline (version 1)")
        return Counter({_key(e["path"], e["rule"], e["text"]): int(e.get("count", 1)) for e in data["findings"]})
    except FileNotFoundError:
        raise ConfigError(f"{path}: baseline file not found") from None
    except (ValueError, KeyError, TypeError, AttributeError) as err:
        raise ConfigError(f"{path}: not a valid baseline file ({err})") from None


def filter_new(findings: list[Finding], baseline: Counter) -> list[Finding]:
    left = Counter(baseline)
    out = []
    for f in findings:
        k = _key(f.path, f.rule, f.text)
        if left[k] > 0:
            left[k] -= 1
        else:
            out.append(f)
    return out
