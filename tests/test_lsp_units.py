"""The language server's parts that need no model: positions, incremental sync, edits, settings."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st
from lsprotocol import types as t

from assertlint.lsp import analysis, convert
from assertlint.lsp.backend import BackendOptions, existing_ignore, ignore_directive
from assertlint.lsp.document import UTF8, UTF16, UTF32, Document, Lines
from assertlint.lsp.settings import ServerSettings, merge, section
from lsp_client import ref_offset, ref_position

# Astral emoji (two UTF-16 units, four UTF-8 bytes), CJK (one UTF-16 unit, three UTF-8 bytes),
# every LSP line break, and characters str.splitlines() breaks on but LSP does not.
ALPHABET = st.sampled_from(list("ab Z.") + ["😀", "日", "本", "é", "\n", "\r\n", "\r", "\x0c", "\u2028", "\x85", "\ufeff"])
TEXTS = st.lists(ALPHABET, max_size=40).map("".join)
ENCODINGS = st.sampled_from([UTF8, UTF16, UTF32])


def test_emoji_and_cjk_positions_in_utf16_and_utf8():
    text = "😀 日本語 Sorry\r\nnext 😀x"
    lines = Lines(text)
    at = text.index("Sorry")
    assert lines.position_at(at, UTF16) == (0, 2 + 1 + 3 + 1)  # the emoji is a surrogate pair
    assert lines.position_at(at, UTF8) == (0, 4 + 1 + 9 + 1)
    assert lines.position_at(at, UTF32) == (0, 6)
    x = text.rindex("x")
    assert lines.position_at(x, UTF16) == (1, 7)
    assert lines.offset_at(1, 7, UTF16) == x
    assert lines.offset_at(0, 2, UTF16) == 1  # just after the emoji
    assert lines.offset_at(0, 1, UTF16) == 1  # inside the pair: after the character


def test_lsp_line_breaks_only():
    text = "a\x0cb\u2028c\x85d\re\r\nf\ng"
    lines = Lines(text)
    assert [lines.position_at(text.index(ch), UTF16)[0] for ch in "abcdefg"] == [0, 0, 0, 0, 1, 2, 3]
    assert lines.offset_at(0, 99, UTF16) == text.index("\r")  # clamped to the line's end, before "\r"
    assert lines.offset_at(1, 99, UTF16) == text.index("\r\n")  # never between "\r" and "\n"
    assert lines.offset_at(99, 0, UTF16) == len(text)


@settings(max_examples=300, deadline=None)
@given(TEXTS, st.data(), ENCODINGS)
def test_positions_round_trip_against_the_reference(text, data, enc):
    offset = data.draw(st.integers(0, len(text)))
    if 0 < offset < len(text) and text[offset - 1 : offset + 1] == "\r\n":
        offset -= 1  # no LSP position points between "\r" and "\n"
    lines = Lines(text)
    pos = lines.position_at(offset, enc)
    assert pos == ref_position(text, offset, enc)
    assert lines.offset_at(*pos, enc) == offset


@settings(max_examples=300, deadline=None)
@given(TEXTS, st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60), TEXTS), min_size=1, max_size=4), ENCODINGS)
def test_incremental_changes_equal_the_edited_text(text, edits, enc):
    doc = Document("file:///x.txt", text, 1)
    expected = text
    for a, b, new in edits:
        a, b = sorted((min(a, len(expected)), min(b, len(expected))))
        for i in (a, b):
            if 0 < i < len(expected) and expected[i - 1 : i + 1] == "\r\n":
                a, b = (a - 1 if i == a else a), (b - 1 if i == b else b)
        sl, sc = ref_position(expected, a, enc)
        el, ec = ref_position(expected, b, enc)
        doc.apply(t.TextDocumentContentChangePartial(range=t.Range(t.Position(sl, sc), t.Position(el, ec)), text=new), enc)
        expected = expected[:a] + new + expected[b:]
        assert doc.text == expected
    doc.apply(t.TextDocumentContentChangeWholeDocument(text="whole"), enc)
    assert doc.text == "whole"


@settings(max_examples=300, deadline=None)
@given(TEXTS, TEXTS)
def test_minimal_edit_turns_old_into_new_without_splitting_crlf(old, new):
    a, b, content = convert.minimal_edit(old, new)
    assert old[:a] + content + old[b:] == new
    for i in (a, b):
        assert not (0 < i < len(old) and old[i - 1 : i + 1] == "\r\n")
    # and through LSP positions, as a client applies it
    lines = Lines(old)
    edit = convert.text_edit(lines, a, b, content, UTF16)
    s = ref_offset(old, edit.range.start.line, edit.range.start.character)
    e = ref_offset(old, edit.range.end.line, edit.range.end.character)
    assert old[:s] + edit.new_text + old[e:] == new


def test_ignore_directive_per_format_and_merging():
    assert ignore_directive("markdown", ("APO001",)) == "<!-- assertlint: ignore[APO001] -->"
    assert ignore_directive("text", ("APO001",)) == "assertlint: ignore[APO001]"
    line = "Sorry to bother you, but is it ready? assertlint: ignore[JDG001]"
    a, b, codes = existing_ignore(line, "text")
    assert line[a:b] == "JDG001" and codes == ("JDG001",)
    assert existing_ignore("Sorry. `assertlint: ignore[JDG001]`", "text") is None  # in code: not a directive
    assert existing_ignore("Sorry. assertlint: ignore[JDG001]", "markdown") is None  # Markdown wants <!-- -->


def test_settings_merge_camel_case_and_bad_values():
    base = BackendOptions(select=("passive",))
    opts, srv, problems = merge(base, ServerSettings(), {"assertlint": {
        "ignore": ["APO001", "hedge,MIN"], "extendSelect": "JDG", "minSeverity": "loud",
        "debounceMs": 40, "max_document_chars": "many", "includeBlockquotes": True, "isolated": None}})
    assert opts.select == ("passive",) and opts.ignore == ("APO001", "hedge", "MIN")
    assert opts.extend_select == ("JDG",) and opts.include_blockquotes is True and opts.isolated is False
    assert opts.min_severity is None and srv.debounce_ms == 40 and srv.max_document_chars == ServerSettings().max_document_chars
    assert len(problems) == 2 and any("minSeverity" in p for p in problems) and any("max_document_chars" in p for p in problems)
    # settings are absolute: merging again from the same base forgets earlier values
    opts2, _, _ = merge(base, ServerSettings(), {})
    assert opts2 == base


def test_markup_kind_from_the_suffix_or_the_language_id():
    assert analysis.check_path("/d/notes.md", "markdown") == ("/d/notes.md", "markdown")
    assert analysis.check_path("/d/NOTES", "markdown") == ("/d/NOTES.md", "markdown")
    assert analysis.check_path("/d/a.txt", "restructuredtext") == ("/d/a.txt.rst", "rst")
    assert analysis.check_path("/d/a.rst", "lua") == ("/d/a.rst", "rst")  # unknown id: the suffix decides
    assert analysis.check_path("/d/a.md", "plaintext") == ("/d/a.md", "markdown")  # a markup suffix decides
    assert analysis.check_path(None, "markdown") == ("untitled.md", "markdown")
    assert analysis.check_path(None, "plaintext") == ("untitled.txt", "text")


def test_settings_section_nested_bare_or_someone_elses():
    assert section({"assertlint": {"ignore": ["x"]}, "marksman": {}}) == {"ignore": ["x"]}
    assert section({"minSeverity": "error"}) == {"minSeverity": "error"}  # Helix sends the table itself
    assert section({"rust-analyzer": {"cargo": {}}}) == {} and section(None) == {}
