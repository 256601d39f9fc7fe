"""`--format json`: the public contract, a flat array of findings. `jsonl`: one per line."""
from __future__ import annotations

import json


def render(results, stream, opts) -> None:
    items = [f.to_json() for r in results for f in r.findings]
    json.dump(items, stream, ensure_ascii=False, indent=2)
    stream.write("\n")


def render_lines(results, stream, opts) -> None:
    for r in results:
        for f in r.findings:
            stream.write(json.dumps(f.to_json(), ensure_ascii=False))
            stream.write("\n")
