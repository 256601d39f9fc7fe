"""The language server's diagnostics are the command line's findings: same rules, same
severities, same places (the CLI's 1-based code-point line/column turned into LSP's 0-based
UTF-16 positions here, independently of the server's own conversion)."""
from __future__ import annotations

import codecs
import json

import pytest
from click.testing import CliRunner

from assertlint.cli import main
from conftest import EXAMPLES
from lsp_client import Editor, ref_range, rng

pytestmark = pytest.mark.slow

DOCS = sorted(p for p in EXAMPLES.iterdir() if p.suffix in (".txt", ".md"))


def cli_findings(paths) -> dict[str, list[dict]]:
    res = CliRunner().invoke(main, ["--no-cache", "--format", "json", *map(str, paths)], catch_exceptions=False)
    assert res.exit_code in (0, 1), res.output
    out: dict[str, list[dict]] = {str(p): [] for p in paths}
    for f in json.loads(res.stdout):
        out[f["path"]].append(f)
    return out


def utf16_column(line_text: str, column: int) -> int:
    return len(line_text[: column - 1].encode("utf-16-le")) // 2


def expected(text: str, findings: list[dict]) -> list[tuple]:
    """From the CLI's line/column fields (lines split at "\\n", as the CLI counts them)."""
    lines = text.split("\n")
    out = []
    for f in findings:
        start = (f["line"] - 1, utf16_column(lines[f["line"] - 1], f["column"]))
        end = (f["end_line"] - 1, utf16_column(lines[f["end_line"] - 1], f["end_column"]))
        out.append((f["rule"], f["severity"], start, end))
    return out


SEVERITY = {1: "error", 2: "warning", 3: "info"}


def got(diags) -> list[tuple]:
    return [(d.code, SEVERITY[d.severity], *rng(d)) for d in diags]


def test_diagnostics_equal_the_cli_on_the_examples():
    assert len(DOCS) >= 5
    cli = cli_findings(DOCS)
    assert sum(map(len, cli.values())) >= 20  # the examples are full of findings
    ed = Editor(cwd=str(EXAMPLES.parent))
    try:
        for p in DOCS:
            text = p.read_text(encoding="utf-8")
            ed.open(p.as_uri(), text, "markdown" if p.suffix == ".md" else "plaintext")
            diags = ed.diagnostics(p.as_uri(), 1)
            assert got(diags) == expected(text, cli[str(p)]), p.name
            assert [d.message for d in diags] == [f"{f['message']} ({f['category']})" for f in cli[str(p)]]
    finally:
        ed.kill()


def test_diagnostics_equal_the_cli_with_emoji_cjk_crlf_and_bom(tmp_path):
    """The examples again, each line led by astral and CJK characters, saved with CRLF and a
    BOM; the client holds the BOM in its text, so every offset moves by one code unit."""
    files = []
    for p in DOCS:
        body = "\r\n".join(f"😀 日本語 {line}" if line.strip() and not line.startswith(("#", ">", "-", "<", "`")) else line
                           for line in p.read_text(encoding="utf-8").split("\n"))
        q = tmp_path / p.name
        q.write_bytes(codecs.BOM_UTF8 + body.encode("utf-8"))
        files.append((q, body))
    cli = cli_findings([q for q, _ in files])
    assert sum(map(len, cli.values())) >= 20
    ed = Editor(cwd=str(tmp_path))
    try:
        for q, body in files:
            doc = "\ufeff" + body
            ed.open(q.as_uri(), doc, "markdown" if q.suffix == ".md" else "plaintext")
            want = [(f["rule"], f["severity"], *ref_range(doc, f["start"] + 1, f["end"] + 1)) for f in cli[str(q)]]
            assert got(ed.diagnostics(q.as_uri(), 1)) == want, q.name
    finally:
        ed.kill()
