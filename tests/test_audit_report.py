"""The audit's outputs without Dask: Parquet contents, the same findings as the command line,
pseudonymised authors, resume refusal, report.html self-contained and opening in Chromium."""
from __future__ import annotations

import re
import shutil
import subprocess
import tempfile

import pytest

pytest.importorskip("pyarrow", reason="the audit extra is not installed: pip install '.[audit]'")

import pyarrow.parquet as pq  # noqa: E402

from audit_archives import messages, write  # noqa: E402
from audit_helpers import audit_findings, audit_in_process, cli_findings, reader_texts, same_findings  # noqa: E402


@pytest.fixture(scope="module")
def jsonl_audit(tmp_path_factory):
    folder = tmp_path_factory.mktemp("report")
    archive, _ = write("jsonl", folder, messages(80))
    out = folder / "out"
    summary, errors = audit_in_process([archive], out)
    return archive, out, summary, errors


def test_parquet_rows_and_cli_parity(jsonl_audit, tmp_path):
    archive, out, summary, errors = jsonl_audit
    assert errors == []
    msgs = pq.read_table(out / "messages.parquet")
    finds = pq.read_table(out / "findings.parquet")
    assert msgs.num_rows == 80 and summary.messages == 80
    assert msgs.column("id").to_pylist() == [1000 + i for i in range(80)]  # passed through, int stays int
    assert str(finds.schema.field("id").type) == "int64"
    for col in ("source", "record", "author", "channel", "thread", "timestamp", "path", "rule", "suggestions"):
        assert col in finds.column_names
    # per-message counts agree with the findings
    per_msg = {}
    for r in finds.select(["path", "category"]).to_pylist():
        per_msg.setdefault(r["path"], []).append(r["category"])
    for row in msgs.to_pylist():
        cats = per_msg.get(row["path"], [])
        assert row["findings"] == len(cats)
        assert all(row[c] == cats.count(c) for c in set(cats))
        assert (row["tone"] == "assertive") == (not cats)
    same_findings(cli_findings(reader_texts(archive, "jsonl"), tmp_path / "cli"), audit_findings(out))


def test_inline_suppression_and_quoted_reply_as_cli(jsonl_audit):
    _, out, _, _ = jsonl_audit
    rows = pq.read_table(out / "findings.parquet").to_pylist()
    # message 6 (index 5) opens with "You never reply on time.  assertlint: ignore[judging]"
    assert not [r for r in rows if r["record"] == 6 and r["category"] == "judging" and r["line"] == 1]
    # the quoted reply in message 4 (index 3) is not the writer's words
    quoted_line = 1 + next(i for i, line in enumerate(messages(80)[3]["text"].split("\n")) if line.startswith(">"))
    assert not [r for r in rows if r["record"] == 4 and r["line"] == quoted_line]


def test_hash_authors_pseudonymises_every_output(tmp_path):
    archive, _ = write("jsonl", tmp_path, messages(30))
    summary, _ = audit_in_process([archive], tmp_path / "out", hash_authors=True)
    from assertlint.audit.html import render

    page = render(summary)
    authors = set(pq.read_table(tmp_path / "out" / "messages.parquet").column("author").to_pylist())
    assert authors and all(re.fullmatch(r"author-[0-9a-f]{10}", a) for a in authors)
    assert set(pq.read_table(tmp_path / "out" / "findings.parquet").column("author").to_pylist()) <= authors
    for name in ("ana", "chidi", "dana"):
        assert f">{name}<" not in page
    assert "pseudonymised" in page


def test_resume_refuses_another_audits_folder(tmp_path):
    from assertlint.audit import parts
    from assertlint.errors import ConfigError

    parts.open_job(str(tmp_path), "a" * 64, {}, fresh=False)
    (tmp_path / "parts" / "p000000.messages.parquet").write_bytes(b"x")
    assert parts.open_job(str(tmp_path), "a" * 64, {}, fresh=False)["fingerprint"] == "a" * 64
    assert parts.done(str(tmp_path), 0)  # resuming keeps what was done
    with pytest.raises(ConfigError, match="holds the results of another audit.*--fresh"):
        parts.open_job(str(tmp_path), "b" * 64, {}, fresh=False)
    parts.open_job(str(tmp_path), "b" * 64, {}, fresh=True)
    assert not parts.done(str(tmp_path), 0)


EXTERNAL = re.compile(r"""(?:src|href)\s*=\s*["']?(?!#|data:)[a-z]+:|url\(\s*["']?(?!data:|#)|@import|<script|<link|<img""", re.I)


def test_report_is_self_contained(jsonl_audit):
    _, out, summary, _ = jsonl_audit
    page = (out / "report.html").read_text() if (out / "report.html").exists() else None
    from assertlint.audit.html import render

    page = page or render(summary)
    assert not EXTERNAL.search(page), EXTERNAL.search(page)
    assert "default-src 'none'" in page  # the browser itself refuses any fetch
    assert page.count("<svg") > 10
    for rule in summary.rules[:3]:
        assert rule.rule in page
    assert "Tone over time" in page and "Per channel" in page and "Per author" in page


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        exe = shutil.which(name)
        if exe:
            return exe
    pytest.skip("Chromium is not installed (Debian: apt-get install chromium); CI installs it")


CHROME_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.mark.slow
def test_report_opens_in_headless_chromium(jsonl_audit, tmp_path):
    from assertlint.audit.html import render

    _, _, summary, _ = jsonl_audit
    page = tmp_path / "report.html"
    page.write_text(render(summary), encoding="utf-8")
    exe = chromium()
    profile = tempfile.mkdtemp(prefix="chromium-profile-")
    try:
        res = subprocess.run(
            [exe, *CHROME_FLAGS, f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0",
             "--virtual-time-budget=3000", "--dump-dom", page.as_uri()],
            capture_output=True, text=True, timeout=120,
        )
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    assert res.returncode == 0, res.stderr[-2000:]
    dom = res.stdout
    assert "<h1>Tone audit</h1>" in dom and dom.count("<rect") > 20
    problems = [line for line in res.stderr.splitlines()
                if "CONSOLE" in line or "Uncaught" in line or "Refused to" in line or "net::ERR" in line]
    assert problems == []


def test_archives_with_different_id_types_write_ids_as_text(tmp_path):
    src = messages(12)
    a, _ = write("jsonl", tmp_path, src)  # integer ids
    b, _ = write("mbox", tmp_path, src)  # Message-ID text
    summary, errors = audit_in_process([a, b], tmp_path / "out")
    assert errors == [] and summary.messages == 24
    ids = pq.read_table(tmp_path / "out" / "messages.parquet").column("id").to_pylist()
    assert ids[:12] == [str(m["id"]) for m in src] and ids[12] == f"<{src[0]['id']}@example.org>"


def test_slack_mentions_pseudonymised_too(tmp_path):
    archive, texts = write("slack", tmp_path, messages(12))
    audit_in_process([archive], tmp_path / "out", hash_authors=True)
    rows = pq.read_table(tmp_path / "out" / "findings.parquet").to_pylist()
    assert any(t.startswith("@") for t in texts)  # the archive does mention people
    for r in rows:
        for name in ("Ana", "Bo", "Chidi", "Dana", "Eli"):
            assert f"@{name} " not in r["before"] + r["text"] + r["after"]


def test_progress_bar_shows_rate_and_eta():
    import io

    from assertlint.audit.progress import AuditProgress

    stream = io.StringIO()
    with AuditProgress(1000, already=200, stream=stream, force=True) as bar:
        import time

        for _ in range(4):
            time.sleep(0.05)
            bar.advance(100)
    text = stream.getvalue()
    assert "600/1,000 messages" in text and "msg/s" in text and "ETA" in text
    assert "– msg/s" not in text.splitlines()[-1]  # a rate once messages were done in this run


def test_markdown_markup_reads_issues_as_the_cli_reads_md_files(tmp_path):
    """GitHub issues: --markup markdown leaves out HTML comments (issue templates), code and
    block quotes exactly as `assertlint notes.md` does."""
    import json

    bodies = [
        "<!-- You always ignore the template. Please fill it in. -->\nThe upload fails. Sorry to bother you, but any news?",
        "> You never test your changes.\n\nI think maybe we should revert it.",
        "```\nYou always break the build\n```\nI just wanted to ask: is it ready?",
        "Per my last comment, the deadline was **yesterday**. You never read the docs.",
    ]
    archive = tmp_path / "issues.jsonl"
    archive.write_text("".join(json.dumps({"id": i, "text": b}) + "\n" for i, b in enumerate(bodies)))
    audit_in_process([str(archive)], tmp_path / "md", markup="markdown")
    audit_in_process([str(archive)], tmp_path / "txt")
    texts = reader_texts(str(archive), "jsonl")
    md = audit_findings(tmp_path / "md")
    same_findings(cli_findings(texts, tmp_path / "cli-md", suffix=".md"), md)
    same_findings(cli_findings(texts, tmp_path / "cli-txt"), audit_findings(tmp_path / "txt"))
    loc = f"{archive}:1"
    assert not [f for f in md.get(loc, []) if f["start"] < 60]  # nothing from inside the comment
    assert [f for f in audit_findings(tmp_path / "txt").get(loc, []) if f["start"] < 60]  # as plain text: flagged
