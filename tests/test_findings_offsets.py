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


def test_gate_never_changes_findings(rules, lexicons):
    """Parsing only the blocks with a trigger finds exactly what parsing everything finds."""
    from assertlint.engine.linter import Input, Linter

    texts = [t for r in rules for t in r.examples.flag + r.examples.clean]
    texts += [p.read_text(encoding="utf-8") for p in FILES]
    gated = Linter(rules, lexicons=lexicons)
    full = Linter(rules, lexicons=lexicons, gate=False)
    inputs = [Input(f"{i}.txt", t) for i, t in enumerate(texts)]
    assert gated.check(inputs) == full.check(inputs)
