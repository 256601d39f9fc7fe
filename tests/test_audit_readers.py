"""Audit input formats: every record read exactly once whatever the partition size, with its
metadata; bad records reported with file and record, the rest still read."""
from __future__ import annotations

import json
import os
from datetime import datetime, timezone

import pytest

from assertlint.audit import readers
from assertlint.audit.model import Columns
from assertlint.errors import InputError

from audit_archives import SLACK_USERS, messages, write

FORMATS = ["jsonl", "csv", "parquet", "mbox", "slack"]


def needs(fmt):
    if fmt == "parquet":
        pytest.importorskip("pyarrow", reason="the audit extra (pyarrow) is not installed: pip install '.[audit]'")


def read_all(path, fmt, target, columns=Columns()):
    parts = list(readers.plan(path, fmt, target, columns))
    assert [p.index for p in parts] == list(range(len(parts)))
    msgs = [m for p in parts for m in readers.read(p, columns)]
    return parts, msgs


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("target", [1, 700, 10**9])
def test_each_record_once_with_its_metadata(tmp_path, fmt, target):
    needs(fmt)
    src = messages(60)
    path, texts = write(fmt, tmp_path, src)
    parts, msgs = read_all(path, fmt, target)
    if target == 1 and fmt != "parquet":
        assert len(parts) > 10  # a tiny target really cuts the archive into many partitions
    assert [m.error for m in msgs if m.error] == []
    assert [m.text for m in msgs] == texts
    assert sum(p.count for p in parts) == len(msgs)  # what the progress bar expects
    locs = [m.locator for m in msgs]
    assert len(set(locs)) == len(locs)
    if fmt == "slack":
        return _check_slack(msgs, src)
    for m, s in zip(msgs, src):
        ts = datetime.fromisoformat(s["timestamp"])
        assert m.timestamp == ts
        if fmt == "mbox":
            assert m.author == f"{s['author']}@example.org"
            assert m.channel == f"{s['channel']}.example.org"
            assert m.id == f"<{s['id']}@example.org>"
            assert m.thread.endswith("@example.org>")
        else:
            assert (m.author, m.channel, m.thread) == (s["author"], s["channel"], s["thread"])
            assert m.id == (str(s["id"]) if fmt == "csv" else s["id"])  # JSON and Parquet ints stay ints
    if fmt == "mbox":  # a thread is named by its first message's id
        first = {}
        for m, s in zip(msgs, src):
            first.setdefault(s["thread"], m.id)
            assert m.thread == first[s["thread"]]


def _check_slack(msgs, src):
    by_author = {uid: a.title() for a, uid in SLACK_USERS.items()}
    assert {m.author for m in msgs} <= set(by_author.values())
    assert {m.channel for m in msgs} == {s["channel"] for s in src}
    for m in msgs:
        assert m.source.endswith(".json") and m.source.startswith(str(m.source.split("/slack-export/")[0]))
        assert isinstance(m.id, str) and float(m.id) == pytest.approx(m.timestamp.timestamp(), abs=1e-5)
        assert m.timestamp.date().isoformat() in m.source  # a day file holds that day's messages


def test_jsonl_bad_records_are_reported_and_the_rest_read(tmp_path):
    p = tmp_path / "a.jsonl"
    lines = [
        json.dumps({"id": 1, "text": "You always ignore me."}),
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"id": 4, "body": "no text field"}),
        json.dumps({"id": "five", "text": "ok", "timestamp": "yesterday"}),
        "",
        json.dumps({"id": 7, "text": None}),
        json.dumps({"id": 8, "text": 3}),
    ]
    p.write_bytes(("\n".join(lines) + "\n").encode() + b'{"id": 9, "text": "caf\xe9"}\n')
    _, msgs = read_all(str(p), "jsonl", 10**9)
    by = {m.record: m for m in msgs}
    assert by[1].text == "You always ignore me." and by[1].error is None
    assert by[2].error.startswith(f"{p}: line 2: not valid JSON")
    assert by[3].error == f"{p}: line 3: not a JSON object"
    assert by[4].error == f"{p}: line 4: no 'text' field (the text to check)"
    # metadata problems: reported, and the text is still checked
    assert by[5].text == "ok" and "id 'five' is not an integer" in by[5].error and "'yesterday'" in by[5].error
    assert 6 not in by  # a blank line is no record
    assert by[7].text == "" and by[7].error is None
    assert by[8].error == f"{p}: line 8: 'text' is not text"
    assert by[9].error.startswith(f"{p}: line 9: not valid UTF-8")


def test_columns_are_configurable_and_nested(tmp_path):
    p = tmp_path / "issues.jsonl"
    p.write_text(json.dumps({"number": 12, "body": "You never test.", "user": {"login": "octo"},
                             "created_at": "2024-01-02T03:04:05Z", "repo": "a/b"}) + "\n")
    cols = Columns.parse(["text=body", "id=number", "author=user.login", "timestamp=created_at", "channel=repo"])
    _, [m] = read_all(str(p), "jsonl", 10**9, cols)
    assert (m.text, m.id, m.author, m.channel) == ("You never test.", 12, "octo", "a/b")
    assert m.timestamp == datetime(2024, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
    with pytest.raises(ValueError, match="unknown role 'body'"):
        Columns.parse(["body=text"])
    with pytest.raises(ValueError, match="ROLE=NAME"):
        Columns.parse(["text"])


def test_csv_problems(tmp_path):
    p = tmp_path / "t.csv"
    p.write_text("body,who\nhello,ana\n")
    with pytest.raises(InputError, match=r"t.csv: has no column 'text' \(its columns: body, who\)"):
        list(readers.plan(str(p), "csv", 100, Columns()))
    p.write_bytes(b"\xef\xbb\xbftext,author\r\n\"multi\nline, quoted\",ana\r\nshort\r\nbad \xff byte,bo\r\nok,cy\r\n")
    _, msgs = read_all(str(p), "csv", 1)
    assert msgs[0].text == "multi\nline, quoted" and msgs[0].author == "ana"
    assert msgs[1].error == f"{p}: row 2: 1 fields, the header has 2"
    assert msgs[2].error == f"{p}: row 3: not valid UTF-8"
    assert (msgs[3].text, msgs[3].author, msgs[3].record) == ("ok", "cy", 4)


def test_detect(tmp_path):
    (tmp_path / "notes").mkdir()
    with pytest.raises(InputError, match="not a Slack export"):
        readers.detect(str(tmp_path / "notes"))
    with pytest.raises(InputError, match="no such file"):
        readers.detect(str(tmp_path / "missing.jsonl"))
    box = tmp_path / "inbox"
    box.write_bytes(b"From a@b Mon Jan  1 00:00:00 2024\nSubject: x\n\nhi\n")
    assert readers.detect(str(box)) == "mbox"
    odd = tmp_path / "data.bin"
    odd.write_bytes(b"\x00\x01")
    with pytest.raises(InputError, match="--input-format"):
        readers.detect(str(odd))


def test_mbox_html_only_and_encoded_headers(tmp_path):
    p = tmp_path / "list.mbox"
    p.write_bytes(
        b"From x@y Mon Jan  1 00:00:00 2024\n"
        b"From: =?utf-8?q?Ren=C3=A9e?= <Renee@Example.org>\nDate: not a date\nContent-Type: text/html\n\n"
        b"<p>Sorry to bother you, but <b>is it ready</b>?</p><blockquote>You never reply.</blockquote>\n\n"
        b"From x@y Mon Jan  1 00:00:00 2024\nFrom: bo@example.org\n\n>From the start, thanks.\n"
    )
    _, msgs = read_all(str(p), "mbox", 10**9)
    assert msgs[0].author == "renee@example.org"
    assert "Sorry to bother you, but is it ready?" in msgs[0].text
    assert "> You never reply." in msgs[0].text  # quoted HTML reads as a quoted reply
    assert "Date 'not a date' cannot be read" in msgs[0].error
    assert msgs[1].text == ">From the start, thanks.\n" and msgs[1].channel == "list"


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "mbox"])
def test_memory_stays_flat_whatever_the_archive_size(tmp_path, fmt):
    """Planning and reading stream: peak Python memory for an archive 8 times larger stays
    about the same (partitions of 16 KB; messages consumed one at a time, as a worker's batch
    is bounded by its partition)."""
    import gc
    import tracemalloc

    def peak(n, name=""):
        folder = tmp_path / f"{n}{name}"
        folder.mkdir()
        path, _ = write(fmt, folder, messages(n, seed=n))
        gc.collect()
        tracemalloc.start()
        count = 0
        for p in readers.plan(path, fmt, 16 * 1024, Columns()):
            for m in readers.read(p, Columns()):
                count += 1
        _, top = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        assert count == n
        return top, os.path.getsize(path)

    peak(50, "warm")  # imports and first-use caches are not the archive's
    small, small_size = peak(400)
    large, large_size = peak(3200)
    assert large_size > 7 * small_size
    assert large < 1.5 * small + 64 * 1024, (small, large)


def test_slack_numeric_ts_stays_text(tmp_path):
    """Slack writes `ts` as a string; a hand-made export with numbers must not turn the id column
    into integers (one partition's Parquet schema would then differ from the others)."""
    root = tmp_path / "export"
    (root / "general").mkdir(parents=True)
    (root / "users.json").write_text(json.dumps([{"id": "U1", "name": "ana"}]))
    (root / "channels.json").write_text(json.dumps([{"name": "general"}]))
    (root / "general" / "2024-01-02.json").write_text(json.dumps(
        [{"type": "message", "user": "U1", "text": "hello", "ts": 1704153600.000100}]))
    _, msgs = read_all(str(root), "slack", 10**9)
    assert msgs and all(isinstance(m.id, str) and isinstance(m.thread, str) for m in msgs)
