"""One partition, start to end, on whichever process runs it: read its messages, check them in
one batch (parsed together), turn findings and messages into rows, write the part files.
No Dask here: the cluster module runs this as a task; tests run it directly."""
from __future__ import annotations

import os
import time
from collections import Counter

from ..report.pretty import tone_rates, tone_reading
from ..taxonomy import CATEGORIES
from . import parts, readers
from .model import MARKUPS, Job, Message, Partition
from .values import pseudonym

CONTEXT = 80  # characters of text kept before and after a finding's span


class _Doc:  # what tone_rates reads
    def __init__(self, findings, words: int) -> None:
        self.findings = findings
        self.words = words
        self.text = ""


def _context(text: str, start: int, end: int) -> tuple[str, str]:
    before = text[max(0, start - CONTEXT) : start]
    after = text[end : end + CONTEXT]
    if start > CONTEXT and " " in before:
        before = before[before.index(" ") + 1 :]
    if end + CONTEXT < len(text) and " " in after:
        after = after[: after.rindex(" ")]
    return before, after


def _meta(m: Message) -> dict:
    return {"source": m.source, "record": m.record, "id": m.id, "author": m.author, "channel": m.channel,
            "thread": m.thread, "timestamp": m.timestamp}


def _session_path(part: Partition, m: Message, markup: str) -> str:
    """The message's locator with the archive's absolute path: the session finds the config
    from it wherever the worker runs (the findings show the locator as the user named it); a
    suffix picks the markup (`--markup markdown`: `….jsonl:12.md`), as a file's name does."""
    rest = m.source[len(part.source):] if m.source.startswith(part.source) else ""
    return f"{part.path}{rest}:{m.record}{MARKUPS[markup]}"


def check_partition(part: Partition, job: Job, session) -> tuple[list[dict], list[dict], dict]:
    """(finding rows, message rows, counts) for one partition."""
    msgs = _read(part, job)
    results = _check(part, job, session, msgs)
    frows: list[dict] = []
    mrows: list[dict] = []
    for m in msgs:
        meta = _meta(m)
        r = results.get(id(m))
        mrows.append(_message_row(m, meta, r))
        if r is not None and not r.error:
            frows.extend(_finding_rows(m, meta, r.findings))
    counts = {"messages": len(msgs), "checked": sum(1 for m in msgs if m.text is not None), "findings": len(frows),
              "words": sum(r["words"] for r in mrows), "errors": sum(1 for r in mrows if r["error"])}
    return frows, mrows, counts


def _check(part: Partition, job: Job, session, msgs: list[Message]) -> dict[int, object]:
    """The check result of each message that has a text (by id()), all checked in one batch."""
    todo = [m for m in msgs if m.text is not None]
    if not todo:
        return {}
    results = session.check_texts([(m.text, _session_path(part, m, job.markup)) for m in todo])
    return {id(m): r for m, r in zip(todo, results)}


def _read(part: Partition, job: Job) -> list[Message]:
    """The partition's messages, authors (and Slack mentions) pseudonymised when the job says so."""
    salt = job.author_salt
    name_of = (lambda n: pseudonym(n, salt)) if salt else None
    msgs = list(readers.read(part, job.columns, name_of))
    for m in msgs:
        m.author = pseudonym(m.author, salt)
    return msgs


def _message_row(m: Message, meta: dict, r) -> dict:
    """One row of messages.parquet: the message's metadata, and its size, findings per category
    and tone once it was checked; `r` is its check result (None: it had no text to check)."""
    row = {**meta, "path": m.locator, "words": 0, "findings": 0, "tone": None, "tone_score": None,
           "error": m.error}
    row.update(dict.fromkeys(CATEGORIES, 0))
    if r is not None and r.error:
        row["error"] = f"{m.locator}: {r.error}"
    elif r is not None:
        row.update(_tone_columns(m.text, r.findings))
    return row


def _tone_columns(text: str, findings) -> dict:
    """Findings per category, words, findings and the tone reading of one checked message."""
    words = len(text.split())
    counts = Counter(f.category for f in findings)
    rates = tone_rates(_Doc(findings, words))
    return {**{c: counts[c] for c in CATEGORIES}, "words": words, "findings": len(findings),
            "tone": tone_reading(rates)[0], "tone_score": round(sum(rates.values()), 4)}


def _finding_rows(m: Message, meta: dict, findings) -> list[dict]:
    """Rows of findings.parquet: the message's metadata, the finding as the JSON contract has
    it (its path the message's locator), and the text around its span."""
    rows = []
    for f in findings:
        j = f.to_json()
        j["path"] = m.locator
        j["before"], j["after"] = _context(m.text, f.start, f.end)
        rows.append({**meta, **j})
    return rows


def run_partition(part: Partition, job: Job, session) -> dict:
    """Check one partition and write its part files; returns its counts (small, for the client)."""
    t0 = time.perf_counter()
    frows, mrows, counts = check_partition(part, job, session)
    parts.write_part(job.out, part.index, part.id_type, frows, mrows)
    counts.update(index=part.index, seconds=time.perf_counter() - t0, pid=os.getpid())
    return counts
