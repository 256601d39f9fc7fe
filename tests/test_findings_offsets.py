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




def test_quote_regions_pair_real_marks_and_skip_strays():
    from assertlint.engine.context import quote_regions

    text = 'He wrote "per my last email" today.'
    assert [text[s:e] for s, e in quote_regions(text)] == ['"per my last email"']
    # a closing mark with nothing open is a stray: it must not pair with the next mark and hide
    # the words between them
    text = 'If you want drama" you might try a mirror. She said "fine" later.'
    assert [text[s:e] for s, e in quote_regions(text)] == ['"fine"']
    text = 'x="1" and y="2"'
    assert [text[s:e] for s, e in quote_regions(text)] == ['"1"', '"2"']


def test_stray_closing_quote_does_not_hide_the_sentence(check):
    found = check('Enough drama" you are an idiot."\n')
    assert "idiot" in [f.text for f in found]
