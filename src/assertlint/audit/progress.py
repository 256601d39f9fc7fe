"""The audit's progress bar (rich, on stderr): messages done of all, messages/s, ETA. It moves as
partitions finish on whichever worker, local or on a cluster. Off a terminal (a pipe, CI) or
with --quiet nothing is drawn."""
from __future__ import annotations

import sys

from ..report.progress import wanted


def _columns():
    from rich.progress import BarColumn, ProgressColumn, SpinnerColumn, TextColumn, TimeElapsedColumn, TimeRemainingColumn
    from rich.text import Text

    class Rate(ProgressColumn):
        def render(self, task) -> Text:
            speed = task.finished_speed or task.speed
            return Text(f"{speed:,.0f} msg/s" if speed else "– msg/s", style="progress.data.speed")

    return (SpinnerColumn(), TextColumn("[bold]{task.description}"), BarColumn(),
            TextColumn("{task.completed:,.0f}/{task.total:,.0f} messages"), Rate(),
            TextColumn("ETA"), TimeRemainingColumn(), TextColumn("elapsed"), TimeElapsedColumn())


class AuditProgress:
    """`advance(messages)` as partitions finish; `done` counts partitions found done at start."""

    def __init__(self, total: int, already: int = 0, *, quiet: bool = False, stream=None, force: bool = False) -> None:
        self.stream = sys.stderr if stream is None else stream
        self.show = force or wanted(max(total, 8), self.stream, quiet)
        self.total = total
        self.already = already
        self._progress = None
        self._task = None

    def __enter__(self) -> "AuditProgress":
        if self.show:
            from rich.console import Console
            from rich.progress import Progress

            self._progress = Progress(*_columns(), console=Console(file=self.stream), transient=False,
                                      speed_estimate_period=60)
            self._progress.__enter__()
            # messages done in an earlier run count as done, not as speed
            self._task = self._progress.add_task("auditing", total=self.total, completed=self.already)
        return self

    def advance(self, messages: int) -> None:
        if self._progress is not None:
            self._progress.advance(self._task, messages)

    def __exit__(self, *exc) -> None:
        if self._progress is not None:
            self._progress.__exit__(*exc)
