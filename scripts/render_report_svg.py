#!/usr/bin/env python3
"""Render the pretty report of examples/draft.txt to docs/report.svg (for the README).

    python scripts/render_report_svg.py

Runs the linter on examples/draft.txt as `assertlint examples/draft.txt` would (no config
files), prints the report on a recording rich Console (colour, 100 columns) and exports it with
Console.export_svg. Rerun it when rules or the report change.
"""
from __future__ import annotations

import io
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = "examples/draft.txt"
OUT = ROOT / "docs" / "report.svg"


def main() -> int:
    from rich.console import Console

    from assertlint.report import FileResult, ReportOptions, rules_in_use
    from assertlint.report.pretty import render
    from assertlint.runner import RunOptions, Runner

    os.chdir(ROOT)  # paths in the report read as the user typed them
    started = time.perf_counter()
    runner = Runner(RunOptions(isolated=True))
    checked = runner.check_sources(runner.read([EXAMPLE]))
    if runner.errors:
        print("\n".join(runner.errors), file=sys.stderr)
        return 2
    results = [FileResult(c.source.path, c.findings, c.source.text, words=len(c.source.text.split()))
               for c in checked]
    opts = ReportOptions(color="always", elapsed=time.perf_counter() - started,
                         rules=rules_in_use(c.linter for c in checked))
    console = Console(record=True, file=io.StringIO(), width=100, force_terminal=True, color_system="truecolor",
                      highlight=False, emoji=False, markup=False, soft_wrap=False)
    console.print(f"$ assertlint {EXAMPLE}", style="bold")
    render(results, None, opts, console=console)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    console.save_svg(str(OUT), title=f"assertlint {EXAMPLE}")
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
