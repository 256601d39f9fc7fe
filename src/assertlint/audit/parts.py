"""The output folder: the job manifest, one pair of Parquet part files per partition, and the
final findings.parquet / messages.parquet assembled from them.

    OUT/parts/job.json                  what the audit is (inputs, options) and its author salt
    OUT/parts/p000042.findings.parquet  one row per finding of partition 42
    OUT/parts/p000042.messages.parquet  one row per message of partition 42 (written last: its
                                        presence marks the partition done)

Each part file is written to a temporary name and renamed into place, so a killed worker leaves
either the whole file or none; a partition whose messages part exists is never checked again
and its messages are never counted twice. A rerun of the same audit (same inputs, same options)
picks up where the last one stopped.
"""
from __future__ import annotations

import json
import os
import secrets
import shutil

from ..atomic import PREFIX, replacing, write_whole
from ..errors import ConfigError
from ..taxonomy import CATEGORIES

PARTS = "parts"
JOB = "job.json"
FINDINGS = "findings.parquet"
MESSAGES = "messages.parquet"


def _pa():
    import pyarrow as pa

    return pa


def meta_fields(id_type: str) -> list:
    pa = _pa()
    return [
        pa.field("source", pa.string()),
        pa.field("record", pa.int64()),
        pa.field("id", pa.int64() if id_type == "int64" else pa.string()),
        pa.field("author", pa.string()),
        pa.field("channel", pa.string()),
        pa.field("thread", pa.string()),
        pa.field("timestamp", pa.timestamp("us", tz="UTC")),
    ]


def findings_schema(id_type: str):
    """Message metadata, then the JSON contract's fields (same names and meaning), then the
    text around the span (`before`, `after`) for reading a finding without the archive."""
    pa = _pa()
    edit = pa.struct([("start", pa.int64()), ("end", pa.int64()), ("content", pa.string())])
    suggestion = pa.struct([
        ("replacement", pa.string()), ("safe", pa.bool_()), ("description", pa.string()),
        ("applicability", pa.string()), ("edit", edit),
    ])
    ints = ("start", "end", "line", "column", "end_line", "end_column")
    strs = ("path", "rule", "name", "category", "style", "severity", "message")
    return pa.schema(
        meta_fields(id_type)
        + [pa.field(n, pa.string()) for n in strs]
        + [pa.field(n, pa.int64()) for n in ints]
        + [pa.field("text", pa.string()), pa.field("suggestions", pa.list_(suggestion)),
           pa.field("before", pa.string()), pa.field("after", pa.string())]
    )


def messages_schema(id_type: str):
    """Per message: where it is, its size, its findings per category, its tone."""
    pa = _pa()
    return pa.schema(
        meta_fields(id_type)
        + [pa.field("path", pa.string()), pa.field("words", pa.int64()), pa.field("findings", pa.int64())]
        + [pa.field(c, pa.int32()) for c in CATEGORIES]
        + [pa.field("tone", pa.string()), pa.field("tone_score", pa.float64()), pa.field("error", pa.string())]
    )


def part_path(out: str, index: int, kind: str) -> str:
    return os.path.join(out, PARTS, f"p{index:06d}.{kind}.parquet")


def done(out: str, index: int) -> bool:
    return os.path.exists(part_path(out, index, "messages"))


def write_table(table, path: str) -> None:
    """Write to a temporary file in the same folder, then rename (atomic on one filesystem)."""
    import pyarrow.parquet as pq

    with replacing(path) as tmp:
        pq.write_table(table, tmp, compression="zstd")


def write_part(out: str, index: int, id_type: str, findings: list[dict], messages: list[dict]) -> None:
    pa = _pa()
    write_table(pa.Table.from_pylist(findings, schema=findings_schema(id_type)), part_path(out, index, "findings"))
    write_table(pa.Table.from_pylist(messages, schema=messages_schema(id_type)), part_path(out, index, "messages"))


def open_job(out: str, fingerprint: str, description: dict, *, fresh: bool, shown: str | None = None) -> dict:
    """Start or resume the job in `out`; returns the manifest. ConfigError when `out` holds
    another audit's parts (other inputs or options) and `fresh` is not set."""
    parts = os.path.join(out, PARTS)
    path = os.path.join(parts, JOB)
    if os.path.exists(path) and not fresh:
        try:
            with open(path, encoding="utf-8") as fh:
                job = json.load(fh)
        except (OSError, ValueError) as err:
            raise ConfigError(f"{path}: cannot be read ({err}); use --fresh to start over") from None
        if job.get("fingerprint") != fingerprint:
            raise ConfigError(
                f"{shown or out}: holds the results of another audit (its inputs or options differ); "
                f"use --fresh to discard them, or another --out"
            )
        for name in os.listdir(parts):  # what killed writers left behind
            if name.startswith(PREFIX):
                try:
                    os.unlink(os.path.join(parts, name))
                except OSError:
                    pass
        return job
    if os.path.isdir(parts):
        shutil.rmtree(parts)
    for name in (FINDINGS, MESSAGES, "report.html", "run.json"):
        try:
            os.unlink(os.path.join(out, name))
        except FileNotFoundError:
            pass
    os.makedirs(parts, exist_ok=True)
    job = {"fingerprint": fingerprint, "salt": secrets.token_hex(16), **description}
    write_whole(path, json.dumps(job, indent=2))
    return job


def assemble(out: str, partitions: list) -> tuple[str, str]:
    """Concatenate the parts, in partition order, into OUT/findings.parquet and
    OUT/messages.parquet, one part at a time (bounded memory). An archive's `id` keeps its type
    when every archive agrees on it; otherwise ids are written as text."""
    import pyarrow.parquet as pq

    types = {p.id_type for p in partitions}
    id_type = types.pop() if len(types) == 1 else "string"
    paths = []
    for kind, schema in (("findings", findings_schema(id_type)), ("messages", messages_schema(id_type))):
        final = os.path.join(out, FINDINGS if kind == "findings" else MESSAGES)
        with replacing(final) as tmp, pq.ParquetWriter(tmp, schema, compression="zstd") as writer:
            for p in partitions:
                table = pq.read_table(part_path(out, p.index, kind))
                if table.schema != schema:
                    table = table.cast(schema)
                if table.num_rows:
                    writer.write_table(table, row_group_size=64 * 1024)
        paths.append(final)
    return paths[0], paths[1]
