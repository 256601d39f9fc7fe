"""`--statistics`: counts per rule instead of the findings (like ruff's), most frequent first.

`json` gives an array of {count, rule, name, category, style, fixable}; `jsonl` one such object
per line; every other format a table (rich for `pretty`, tab-free aligned text otherwise).
"""
from __future__ import annotations

import json

from .escape import json_safe
from collections import Counter


def rule_counts(results) -> list[dict]:
    counts: Counter = Counter()
    first: dict = {}
    fixable: Counter = Counter()
    for r in results:
        for f in r.findings:
            counts[f.rule] += 1
            first.setdefault(f.rule, f)
            if any(s.applicability == "safe" for s in f.suggestions):
                fixable[f.rule] += 1
    rows = []
    for rule, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        f = first[rule]
        rows.append({"count": n, "rule": rule, "name": f.name, "category": f.category, "style": f.style,
                     "fixable": fixable[rule]})
    return rows


def render(fmt: str, results, stream, opts) -> None:
    rows = rule_counts(results)
    if fmt == "json":
        stream.write(json_safe(json.dumps(rows, ensure_ascii=False, indent=2)))
        stream.write("\n")
    elif fmt == "jsonl":
        for row in rows:
            stream.write(json_safe(json.dumps(row, ensure_ascii=False)) + "\n")
    elif fmt == "pretty":
        _pretty(rows, stream, opts)
    else:
        _plain(rows, stream)


def _pretty(rows: list[dict], stream, opts) -> None:
    from rich.table import Table
    from rich.text import Text

    from .pretty import STYLE_COLOR, make_console

    console = make_console(stream, opts.color)
    if not rows:
        console.print(Text("No findings.", style="bold green"))
        return
    table = Table(box=None, show_edge=False, pad_edge=False, header_style="bold")
    for col, just in (("count", "right"), ("id", "left"), ("name", "left"), ("category", "left"),
                      ("fixable", "right")):
        table.add_column(col, justify=just)
    for row in rows:
        table.add_row(str(row["count"]), row["rule"], row["name"],
                      Text(row["category"], style=STYLE_COLOR.get(row["style"], "")),
                      str(row["fixable"]) if row["fixable"] else "")
    console.print(table)
    total = sum(row["count"] for row in rows)
    console.print(Text(f"{total} finding{'s' if total != 1 else ''} in total", style="dim"))


def _plain(rows: list[dict], stream) -> None:
    """line, github, sarif: plain aligned columns, like `ruff --statistics`."""
    width_n = max((len(str(row["count"])) for row in rows), default=1)
    width_id = max((len(row["rule"]) for row in rows), default=6)
    width_name = max((len(row["name"]) for row in rows), default=4)
    width_cat = max((len(row["category"]) for row in rows), default=8)
    for row in rows:  # [*] every finding fixable with --fix, [-] some
        fix = "[*]" if row["fixable"] == row["count"] else ("[-]" if row["fixable"] else "")
        line = (f"{row['count']:>{width_n}}  {row['rule']:<{width_id}}  {row['name']:<{width_name}}  "
                f"{row['category']:<{width_cat}}  {fix}")
        stream.write(line.rstrip() + "\n")
