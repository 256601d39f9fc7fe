"""`--format line`: `path:line:col: RULE [category] message`, one finding a line, for editors'
quickfix lists (Vim `%f:%l:%c: %m`). The format is the one the JSON contract's README names;
severity is in json, jsonl, github and sarif."""
from __future__ import annotations

FORMAT = "line"  # the --format name (report/__init__.py finds formats by this)

from .escape import safe


def render(results, stream, opts) -> None:
    for r in results:
        for f in r.findings:
            message = safe(" ".join(f.message.split()))
            stream.write(f"{safe(f.path)}:{f.line}:{f.column}: {f.rule} [{f.category}] {message}\n")
