"""What a check returns: plain, immutable result objects shared by the session and the reports."""
from __future__ import annotations

from dataclasses import dataclass

from .findings import Finding


@dataclass(frozen=True)
class FileResult:
    """One checked text: its findings after every filter, or the one-line error that stopped it."""

    path: str
    text: str = ""
    findings: tuple[Finding, ...] = ()
    unused_ignores: tuple = ()  # inline directives that suppressed nothing (source.suppress.Directive)
    error: str | None = None
    notes: tuple[str, ...] = ()  # what was left out of the check (a file past assertlint's bounds)

    @property
    def words(self) -> int:
        return len(self.text.split())


@dataclass(frozen=True)
class FixResult:
    """A text after the fix loop: the fixed text and the findings that remain in it."""

    text: str
    findings: tuple[Finding, ...] = ()
    changed: bool = False
    path: str = "-"
    unused_ignores: tuple = ()
    error: str | None = None

    @property
    def words(self) -> int:
        return len(self.text.split())
