"""Reading and markup: only the writer's own prose is linted, offsets stay exact."""
from __future__ import annotations

import pytest

from assertlint.errors import InputError
from assertlint.source.document import LineIndex
from assertlint.source.markup import prose_blocks
from assertlint.source.reader import decode


def texts(src: str, kind: str, **kw) -> list[str]:
    return [p.text for p in prose_blocks(src, kind, **kw)]


def mapped(src: str, kind: str) -> list[str]:
    """The source text each block maps back to."""
    out = []
    for p in prose_blocks(src, kind):
        out.append(src[p.source_start(0) : p.source_end(len(p.text))])
    return out


def test_decode_bom_and_errors():
    s = decode("a.txt", b"\xef\xbb\xbfhi\r\n")
    assert s.text == "hi\r\n" and s.bom and s.encode() == b"\xef\xbb\xbfhi\r\n"
    with pytest.raises(InputError, match=r"a.txt: is not valid UTF-8 \(byte 0xff at byte offset 5\)"):
        decode("a.txt", b"\xef\xbb\xbfab\xff")


def test_line_index_counts_crlf_as_two():
    idx = LineIndex("ab\r\ncd\nef")
    assert idx.position(0) == (1, 1)
    assert idx.position(4) == (2, 1)
    assert idx.position(8) == (3, 2)


def test_plain_text_skips_quotes_signature_and_code():
    src = (
        "Hi Ana,\n\nI just wanted to check\nthe `just_do_it()` call at https://x.org/just.\n\n"
        "```\njust code\n```\n\n"
        "On Mon, 3 Jun 2024, Ana wrote:\n> sorry to bother you\n"
    )
    got = texts(src, "text")
    assert got[0] == "Hi Ana,"
    assert got[1] == "I just wanted to check the x call at x."
    assert len(got) == 2


def test_plain_text_signature_and_quoted_lines():
    src = "Thanks!\n> you always do this\nSee you.\n-- \nSam, sorry to bother\n"
    assert texts(src, "text") == ["Thanks!", "See you."]
    assert texts(src, "text", include_blockquotes=True) == ["Thanks!", "you always do this", "See you."]


def test_outlook_reply_header_ends_the_new_text():
    src = "Fine by me.\n\n-----Original Message-----\nFrom: Bo\nSorry to ask, but\n"
    assert texts(src, "text") == ["Fine by me."]


def test_markdown_skips_code_html_quotes_and_front_matter():
    src = (
        "---\ntitle: just a title\n---\n# Just a heading\n\nA paragraph with `code` and a "
        "[link](https://e.org/x) and <https://auto.link>.\n\n    indented code\n\n"
        "```python\nfenced()\n```\n\n> a quote\n\n<div>html block</div>\n\n- item one\n- item **two**\n\n"
        "| a | b |\n|---|---|\n| cell one | cell two |\n"
    )
    got = texts(src, "markdown")
    assert got[0] == "Just a heading"
    assert got[1] == "A paragraph with x and a link and x."
    assert "item one" in got and "item two" in got
    assert "cell one" in got and "cell two" in got
    joined = " ".join(got)
    for gone in ("title", "indented", "fenced", "quote", "html block"):
        assert gone not in joined


def test_markdown_blockquotes_opt_in():
    assert texts("> sorry to ask\n", "markdown", include_blockquotes=True) == ["sorry to ask"]


def test_rst_skips_literal_blocks_directives_and_roles():
    src = (
        "Title\n=====\n\nUse ``just_run`` and :func:`maybe` here::\n\n    literal block\n\n"
        ".. code-block:: python\n\n    code()\n\nBack to prose.\n"
    )
    got = texts(src, "rst")
    assert got[0] == "Title"
    assert got[1] == "Use x and x here::"
    assert got[2] == "Back to prose."


@pytest.mark.parametrize("kind", ["text", "markdown", "rst"])
def test_blocks_map_back_to_the_source(kind):
    src = "First line\r\nsecond *line* here.\r\n\r\nAnother `x` one.\r\n"
    for p in prose_blocks(src, kind):
        a, b = p.source_start(0), p.source_end(len(p.text))
        assert 0 <= a < b <= len(src)
        for i, ch in enumerate(p.text):
            if not p.is_synthetic(i):
                assert src[p.source_start(i)] == ch
