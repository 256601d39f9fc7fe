"""`--format jsonl`: the JSON contract's findings, one object per line."""
from __future__ import annotations

import json

from .escape import json_safe

FORMAT = "jsonl"  # the --format name (report/__init__.py finds formats by this)


def render(results, stream, opts) -> None:
    for r in results:
        for f in r.findings:
            stream.write(json_safe(json.dumps(f.to_json(), ensure_ascii=False)))
            stream.write("\n")
