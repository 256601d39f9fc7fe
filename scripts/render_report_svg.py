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

    from assertlint.report import ReportOptions
    from assertlint.report.pretty import render
    from assertlint.session import Session, SessionOptions
    from assertlint.source.reader import read_file

    os.chdir(ROOT)  # paths in the report read as the user typed them
    started = time.perf_counter()
    session = Session(SessionOptions(isolated=True))
    results = [session.check_text(read_file(EXAMPLE).text, EXAMPLE)]
    if results[0].error:
        print(results[0].error, file=sys.stderr)
        return 2
    opts = ReportOptions(color="always", elapsed=time.perf_counter() - started, rules=session.rules(EXAMPLE))
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
