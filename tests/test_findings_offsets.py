"""Every finding's start/end points into the original file: text[start:end] == finding.text."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import EXAMPLES

FILES = sorted(p for p in EXAMPLES.rglob("*") if p.suffix in (".txt", ".md", ".rst"))


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_examples_offsets_exact(path: Path, check):
    text = path.read_bytes().decode("utf-8-sig")
    for f in check(text, str(path)):
        assert text[f.start : f.end] == f.text
        assert f.line >= 1 and f.column >= 1


def test_markdown_offsets_exact(check):
    text = "# Notes\n\nHi *team*, sorry to bother you, but is the\n**report** ready?\n\n> sorry to bother you, but\n"
    found = check(text, "n.md")
    assert [f.text for f in found] == ["sorry to bother you, but"]
    f = found[0]
    assert (f.line, f.column) == (3, 12)


def test_code_and_urls_never_flagged(check):
    text = "Run `sorry_to_bother_you()` or see https://e.org/per-my-last-email for details.\n"
    assert check(text) == []


def test_quoted_speech_is_not_flagged(check):
    assert check('He wrote "per my last email" in the subject.') == []
    assert check("She said you always ignore her emails.") == []


