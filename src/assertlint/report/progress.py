"""A progress bar on stderr while many files are checked, only when stderr is a terminal.

Off a terminal (pipes, CI logs, tests) nothing is drawn and the work runs in one batch.
"""
from __future__ import annotations

import os
import sys

MIN_FILES = 8  # fewer files finish before a bar would help
CHUNK = 8  # files per batch while the bar is shown (at least; up to 64 for long runs)


def wanted(n_items: int, stream=None, quiet: bool = False) -> bool:
    stream = sys.stderr if stream is None else stream
    if quiet or n_items < MIN_FILES or os.environ.get("CI") or os.environ.get("TERM") == "dumb":
        return False
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError, OSError):
        return False


def run_with_progress(check, items: list, *, stream=None, quiet: bool = False, label: str = "checking") -> list:
    """`check(items)` → one result per item; with a bar, in chunks so the bar can move."""
    stream = sys.stderr if stream is None else stream
    if not wanted(len(items), stream, quiet):
        return check(items)
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    console = Console(file=stream)
    out: list = []
    columns = (SpinnerColumn(), TextColumn(label), BarColumn(), MofNCompleteColumn(), TextColumn("files"),
               TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task(label, total=len(items))
        chunk = max(CHUNK, min(64, len(items) // 50))
        for i in range(0, len(items), chunk):
            part = items[i : i + chunk]
            out.extend(check(part))
            progress.advance(task, len(part))
    return out
