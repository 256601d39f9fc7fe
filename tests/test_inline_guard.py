"""The inline-masking regex's cheap path (no e-mail alternative where the text has no "@", and a
look-ahead for the characters an alternative can start with) finds exactly what the full regex
finds, in every format."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from assertlint.source import formats
from assertlint.source.inline import _first_chars, compile_inline
from conftest import EXAMPLES, shared_path

PATTERNS = [formats.get(name).INLINE for name in ("markdown", "rst", "text", "email")]


def _spans(rx_iter):
    return [(m.span(), m.lastgroup) for m in rx_iter]


def _same(text: str) -> None:
    for pat in PATTERNS:
        assert _spans(pat.finditer(text)) == _spans(pat.full.finditer(text)), (pat.pattern[:40], text[:80])
        mid = len(text) // 3
        assert _spans(pat.finditer(text, mid, 2 * mid)) == _spans(pat.full.finditer(text, mid, 2 * mid))


def test_guarded_pattern_finds_what_the_full_one_finds_on_real_text():
    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.rglob("*")) if p.suffix in (".md", ".txt", ".rst", ".eml")]
    corpus = shared_path("bench", "corpus")
    texts += [p.read_text(encoding="utf-8") for p in sorted((corpus / "docs").glob("*.md"))[:60]]
    for text in texts:
        _same(text)
    assert all(p.no_at.pattern.startswith("(?=[") for p in PATTERNS), "every format's guard should apply"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="ab hfw:/.@`*_~[]()<>!\\-|=#\n'\"x1assertlint:ignore", max_size=80))
def test_guarded_pattern_finds_what_the_full_one_finds_on_any_text(text):
    _same(text)


def test_first_characters():
    assert _first_chars(r"ab|c[de]|(?:x)?y") == frozenset("acy") | frozenset("x")
    assert _first_chars(r"(?<=\S)\*+|_") == frozenset("*_")
    assert _first_chars(r"\w+@x") is None  # a category: no small set
    assert _first_chars(r"a*") is None  # may match empty: no guard
    assert _first_chars(r"(?i)a") is None
    pat = compile_inline(before=[r"(?P<x>\d+)"])  # a format whose alternative starts anywhere
    assert not pat.no_at.pattern.startswith("(?=") and "email" not in pat.no_at.pattern
