"""The audit's small records: a message read from an archive, a partition of an archive, the
column names to read, and the job every partition of one audit shares."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

# Metadata roles a message may carry besides its text, in output column order.
ROLES = ("id", "author", "channel", "thread", "timestamp")
FORMATS = ("jsonl", "csv", "parquet", "mbox", "slack")
MARKUPS = {"text": "", "markdown": ".md", "rst": ".rst"}  # the suffix that picks the linter's reader


@dataclass
class Message:
    """One message. `record` locates it in its source: the line of a JSONL file, the data row of
    a CSV or Parquet file (from 1), the message number in an mbox or a Slack day file (from 1).
    `error` says why the record could not be read or checked (then `text` may be None)."""

    source: str
    record: int
    text: str | None = None
    id: object = None
    author: str | None = None
    channel: str | None = None
    thread: str | None = None
    timestamp: datetime | None = None
    error: str | None = None

    @property
    def locator(self) -> str:
        """`source:record`: the `path` of its findings."""
        return f"{self.source}:{self.record}"


@dataclass(frozen=True)
class Columns:
    """Which input column (or JSON field; `a.b` reaches into a nested object) plays each role."""

    text: str = "text"
    id: str = "id"
    author: str = "author"
    channel: str = "channel"
    thread: str = "thread"
    timestamp: str = "timestamp"

    @classmethod
    def parse(cls, pairs: tuple[str, ...] | list[str]) -> "Columns":
        """From `ROLE=NAME` pairs (`--column author=user.login`); ValueError on a bad pair."""
        kw: dict[str, str] = {}
        for pair in pairs:
            role, sep, name = pair.partition("=")
            role, name = role.strip(), name.strip()
            if not sep or not name:
                raise ValueError(f"--column {pair!r}: write ROLE=NAME, e.g. text=body")
            if role not in ("text", *ROLES):
                raise ValueError(f"--column {pair!r}: unknown role {role!r}; roles: text, {', '.join(ROLES)}")
            kw[role] = name
        return cls(**kw)


@dataclass(frozen=True)
class Partition:
    """A slice of one archive, small enough for one task; read on the worker, never shipped.

    `start`/`stop` are byte offsets (JSONL, CSV, mbox), row numbers (Parquet) or indexes into
    `files` (Slack); `first` is the record number of the first record; `count` the messages
    expected (for the progress bar)."""

    index: int
    fmt: str
    source: str  # the archive as the user named it (shown in findings and errors)
    path: str  # the same, absolute (read by workers; they may run elsewhere on a shared disk)
    start: int
    stop: int
    first: int = 1
    count: int = 0
    header: tuple[str, ...] = ()  # CSV: the column names
    files: tuple[str, ...] = ()  # Slack: the day files, relative to the export folder
    id_type: str = "string"  # "int64" or "string": the `id` column's type for this archive
    delimiter: str = ","


@dataclass(frozen=True)
class Job:
    """What every task of one audit shares (small: shipped with each task)."""

    out: str  # absolute path of the output folder
    fingerprint: str
    columns: Columns = field(default_factory=Columns)
    lint: object = None  # backend.LintOptions
    author_salt: str | None = None  # set: authors are pseudonymised with this salt
    markup: str = "text"  # how message texts are written: text (and e-mail), markdown or rst
