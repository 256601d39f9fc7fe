"""`--format json`: the public contract, a flat array of findings."""
from __future__ import annotations

FORMAT = "json"  # the --format name (report/__init__.py finds formats by this)

import json

from .escape import json_safe


def render(results, stream, opts) -> None:
    items = [f.to_json() for r in results for f in r.findings]
    stream.write(json_safe(json.dumps(items, ensure_ascii=False, indent=2)))
    stream.write("\n")
