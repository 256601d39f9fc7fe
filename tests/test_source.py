"""Reading and markup: only the writer's own prose is linted, offsets stay exact."""
from __future__ import annotations

import pytest

from assertlint.errors import InputError
from assertlint.source.document import LineIndex
from assertlint.source.markup import prose_blocks
from assertlint.source.prose import PLACEHOLDER as P
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
    assert got[1] == f"I just wanted to check the {P} call at {P}."
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
    assert got[1] == f"A paragraph with {P} and a link and {P}."
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
    assert got[1] == f"Use {P} and {P} here::"
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


def exact(src: str, kind: str, **kw) -> list[str]:
    """Each block's text, after checking every copied character maps to the same source one."""
    out = []
    for p in prose_blocks(src, kind, **kw):
        for i, ch in enumerate(p.text):
            if not p.is_synthetic(i):
                assert src[p.source_start(i)] == ch
        out.append(p.text)
    return out


def test_plain_text_list_items_are_blocks_without_their_markers():
    src = (
        "Two things:\n- I was wondering if you could look at my PR\n- the report is late\n"
        "* wrapped item that goes\n  on here\n1. first\n2) second\n#. third\n\u2022 dot\nAfter the list.\n"
    )
    assert exact(src, "text") == [
        "Two things:", "I was wondering if you could look at my PR", "the report is late",
        "wrapped item that goes on here", "first", "second", "third", "dot", "After the list.",
    ]
    blocks = prose_blocks(src, "text")
    assert blocks[1].source_start(0) == src.index("I was")  # the first copied character is the item's


def test_plain_text_capital_line_after_no_end_mark_starts_a_block():
    assert exact("Hi Ana\nI was wondering if you could look.\n", "text") == [
        "Hi Ana", "I was wondering if you could look."]
    assert exact("Two things:\nI was wondering.\n", "text") == ["Two things:", "I was wondering."]
    # a wrapped sentence stays one: the line ends in a word that goes on, or the next is lower case
    assert exact("I met with Ana and\nJohn yesterday, then\nwe left.\n", "text") == [
        "I met with Ana and John yesterday, then we left."]


def test_rst_list_items_and_their_continuation_lines():
    src = (
        "Intro:\n\n- item one\n  continued here\n- item two::\n\n    literal code\n\n"
        "  more of item two\n\n#. enumerated\n* star\nNot indented.\n"
    )
    assert exact(src, "rst") == [
        "Intro:", "item one continued here", "item two::", "more of item two", "enumerated", "star",
        "Not indented.",
    ]


def test_email_header_block_at_the_top_is_skipped_not_the_end():
    src = "To: Team\nSubject: Launch\n\nYou always ignore my emails.\n"
    assert exact(src, "text") == ["You always ignore my emails."]
    # further down, a pasted header block is still the forwarded message
    assert exact("Fine.\n\nFrom: Bo\nSent: Monday\nSorry to ask.\n", "text") == ["Fine."]


def test_on_wrote_needs_to_look_like_a_reply_header():
    src = "On Monday we met.\nYou always ignore what I wrote:\n"
    assert exact(src, "text") == ["On Monday we met. You always ignore what I wrote:"]
    assert exact("On the whole I agree with what you wrote:\n", "text") == [
        "On the whole I agree with what you wrote:"]
    for header in (
        "On Mon, 3 Jun 2024 at 10:02, Ana <ana@x.org>\nwrote:",
        "On 6/3/24 10:02 AM, Ana wrote:",
        "On Tue, Jun 4, 2024 at 9:12 AM Jordan Lee <jordan@example.org> wrote:",
        "On Monday, Ana wrote:",
    ):
        assert exact(f"Mine.\n{header}\n> Theirs, sorry.\nTheirs too.\n", "text") == ["Mine."], header


def test_separators_in_the_middle_are_not_signatures():
    body = "".join(f"Line {i} is here.\n" for i in range(13))
    got = exact("Intro.\n--\n" + body, "text")
    assert got[0] == "Intro." and got[1].startswith("Line 0 is here.") and got[1].endswith("Line 12 is here.")
    assert exact("Intro.\n____________\nYou always ignore my emails.\n", "text") == [
        "Intro.", "You always ignore my emails."]
    assert exact("Intro.\n----------\nMore.\n", "text") == ["Intro.", "More."]
    # a short tail after "-- " is the signature; a long one of short lines after "-- " too
    assert exact("Thanks.\n-- \nSam\nOps\n", "text") == ["Thanks."]
    sig = "".join(f"Phone {i}\n" for i in range(15))
    assert exact("Thanks.\n-- \n" + sig, "text") == ["Thanks."]
    # "____" then From: / Sent: is the message being replied to
    assert exact("Mine.\n________________________________\nFrom: Bo\nSent: Mon\nTheirs.\n", "text") == ["Mine."]


def test_rst_admonition_bodies_are_linted_code_directives_are_not():
    src = (
        ".. note:: You always ignore\n   my emails.\n\n"
        ".. warning::\n   :class: loud\n\n   Sorry to bother you.\n\n"
        ".. admonition:: A title\n\n   The body.\n\n"
        ".. versionadded:: 2.1 The spam argument.\n\n"
        ".. code-block:: python\n\n   code()\n\n"
        ".. literalinclude:: x.py\n   :lines: 1-3\n\n"
        ".. math::\n\n   e = mc^2\n\n"
        ".. image:: a.png\n   :alt: picture\n\n"
        ".. figure:: b.png\n   :width: 10\n\n   The caption.\n\n"
        ".. toctree::\n\n   intro\n\n"
        ".. some-extension:: arg\n\n   hidden text\n\n"
        ".. a comment\n   hidden too\n\n"
        ".. note::\n\n   Example::\n\n       literal\n\n"
        "After.\n"
    )
    got = exact(src, "rst")
    assert got == [
        "You always ignore my emails.", "Sorry to bother you.", "A title", "The body.",
        "The spam argument.", "The caption.", "Example::", "After.",
    ]
    assert mapped(src, "rst")[0] == "You always ignore\n   my emails."


def test_markdown_escaped_pipes_and_loose_whitespace_are_located():
    from assertlint.source.blocks import lines_of as _lines
    from assertlint.source.formats.markdown import _locate_inline

    src = "| a | b |\n|---|---|\n| x \\| y you always | two \\| three |\n"
    assert exact(src, "markdown") == ["a", "b", "x | y you always", "two | three"]
    assert mapped(src, "markdown")[2] == "x \\| y you always"
    # content markdown-it rewrote (tabs expanded): matched with whitespace loosened, exact offsets
    src = "Para one\n\tcontinued\there.\n"
    ranges = _locate_inline(src, _lines(src), [0, 2], "Para one\n  continued  here.", cell=False)
    assert [src[a:b] for a, b in ranges] == ["Para one", "continued\there."]
    # never lost: a line that matches nothing keeps its own source text
    ranges = _locate_inline(src, _lines(src), [0, 2], "Para one\nsomething else", cell=False)
    assert [src[a:b] for a, b in ranges] == ["Para one", "continued\there."]
    assert exact("A \\* star and \\`no code\\`.\n", "markdown") == ["A * star and `no code`."]
