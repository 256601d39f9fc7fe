"""`--format line`: path:line:col: RULE [category] message (editors' quickfix lists)."""
from __future__ import annotations


def render(results, stream, opts) -> None:
    for r in results:
        for f in r.findings:
            stream.write(f"{f.path}:{f.line}:{f.column}: {f.rule} [{f.category}] {f.message}\n")
