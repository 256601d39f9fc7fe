"""`--format line`: `path:line:col: RULE [category] severity: message` (editors' quickfix lists).

The severity is in the line (Vale's line format leaves it out; vale#350), after the rule id so
that `%f:%l:%c: %m` error formats still read every line.
"""
from __future__ import annotations


def render(results, stream, opts) -> None:
    for r in results:
        for f in r.findings:
            message = " ".join(f.message.split())
            stream.write(f"{f.path}:{f.line}:{f.column}: {f.rule} [{f.category}] {f.severity}: {message}\n")
