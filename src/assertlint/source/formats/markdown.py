"""Markdown (CommonMark with tables, parsed by markdown-it): paragraphs, headings and table cells;
code, HTML, front matter and (unless asked for) block quotes are left out; link destinations go,
link text stays."""
from __future__ import annotations

import re

from ..blocks import lines_of, paragraph, strip_range
from ..inline import compile_inline
from ..limits import MAX_TABLE_ROWS, readable_part
from ..prose import Prose

NAME = "markdown"
SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")
DIRECTIVES_IN_COMMENTS = True  # a suppression directive counts only inside <!-- -->
INLINE = compile_inline(
    before=[r"(?P<comment_open><!--)"],  # add_inline finds where the comment closes
    after=[
        r"(?P<autolink><(?:https?|ftp|mailto):[^<>\s]*+>)",
        r"(?P<tag></?[A-Za-z][A-Za-z0-9-]*+(?:\s[^<>]*+)?/?>)",
        r"(?P<dest>\]\((?:[^()\s]|\([^()\s]*+\))*+(?:\s++\"[^\"]*+\")?\))",
        r"(?P<refdest>\]\[[^\]]*\])",
        r"(?P<escaped>\\[!-/:-@\[-`{-~])",  # a backslash escape: the character stays, as text
        r"(?P<drop>!?\[|\*{1,3}(?=\S)|(?<=\S)\*{1,3}|(?<![\w])_{1,3}(?=\S)|(?<=\S)_{1,3}(?!\w)|~~)",
    ],
    directive_first=True,
)


def code_lines(text: str) -> set[int]:
    """Indented and fenced code blocks, exactly as Markdown reads them."""
    out: set[int] = set()
    text, _ = _cap_tables(readable_part(text)[0])
    for tok in markdown_parser().parse(text):
        if tok.type in ("fence", "code_block") and tok.map:
            out.update(range(*tok.map))
    return out


_FRONT_MATTER = re.compile(r"\A(---|\+\+\+)[ \t]*\r?\n.*?\r?\n\1[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_md = None


def markdown_parser():
    global _md
    if _md is None:
        from markdown_it import MarkdownIt

        _md = MarkdownIt("commonmark", {"html": True}).enable("table")
    return _md


class Blocks(list):
    """Prose blocks, with notes on what was left out (a table too long to read)."""

    notes: tuple[str, ...] = ()


def _cap_tables(src: str) -> tuple[str, list[str]]:
    """Rows of one table past MAX_TABLE_ROWS blanked out (line count kept): a 100,000-row table
    is data, not prose, and would cost markdown-it minutes and gigabytes."""
    if src.count("|") <= MAX_TABLE_ROWS:
        return src, []
    lines = src.split("\n")
    notes: list[str] = []
    run_start = None
    for i in range(len(lines) + 1):
        row = i < len(lines) and "|" in lines[i]
        if row and run_start is None:
            run_start = i
        elif not row and run_start is not None:
            if i - run_start > MAX_TABLE_ROWS:
                first = run_start + MAX_TABLE_ROWS
                lines[first:i] = [""] * (i - first)
                notes.append(f"a table of {i - run_start:,} rows (line {run_start + 1}): checked the first "
                             f"{MAX_TABLE_ROWS:,}, lines {first + 1}-{i} not read")
            run_start = None
    return ("\n".join(lines) if notes else src), notes


def prose_blocks(text: str, include_blockquotes: bool = False) -> list[Prose]:
    include_quotes = include_blockquotes
    src = text
    fm = _FRONT_MATTER.match(src)
    if fm:  # blank the front matter out, keeping the line count so token maps still fit
        src = "\n" * fm.group(0).count("\n") + src[fm.end():]
    src, notes = _cap_tables(src)
    tokens = markdown_parser().parse(src)
    lines = lines_of(text)
    blocks = Blocks()
    blocks.notes = tuple(notes)
    quote_depth = 0
    for i, tok in enumerate(tokens):
        if tok.type == "blockquote_open":
            quote_depth += 1
        elif tok.type == "blockquote_close":
            quote_depth -= 1
        if tok.type != "inline" or tok.map is None:
            continue
        if quote_depth and not include_quotes:
            continue
        parent = tokens[i - 1].type if i else ""
        if parent not in ("paragraph_open", "heading_open", "th_open", "td_open"):
            continue
        ranges = _locate_inline(text, lines, tok.map, tok.content, cell=parent in ("th_open", "td_open"))
        if ranges:
            prose = paragraph(text, ranges, INLINE)
            if prose:
                blocks.append(prose)
    return blocks


def _loose(content_line: str) -> re.Pattern:
    """A pattern for a content line as it may stand in the source: markdown-it expands tabs,
    and unescapes `\\|` in table cells, so whitespace runs and backslash escapes are loose."""
    parts = []
    for ch in content_line:
        if ch in " \t":
            if parts and parts[-1] == r"[ \t]+":
                continue
            parts.append(r"[ \t]+")
        elif ch.isascii() and not ch.isalnum():
            parts.append(r"\\?" + re.escape(ch))
        else:
            parts.append(re.escape(ch))
    return re.compile("".join(parts))


def _find_on_lines(text: str, src_lines, j: int, cursor: int, cl: str, cell: bool):
    """(line index, start, end) of content line `cl` from source line j on, exact or loosened."""
    for jj in range(j, len(src_lines)):
        s, e = src_lines[jj]
        if cursor < s or cursor > e:
            cursor = s
        k = text.find(cl, cursor, e)
        if k != -1:
            return jj, k, k + len(cl)
        m = _loose(cl).search(text, cursor, e)
        if m:
            return jj, m.start(), m.end()
        if not cell:
            return None  # a paragraph's content lines come one per source line
    return None


def _rest_of_line(text: str, src_lines, j: int, cursor: int, cl: str):
    """Not found on its own line: the line's text from the first character of the content line
    on (or the whole stripped line), rather than drop it."""
    s, e = src_lines[j]
    if cursor < s or cursor > e:
        cursor = s
    k = text.find(cl[:1], cursor, e)
    a, b = strip_range(text, k if k != -1 else cursor, e)
    return (j, a, b) if a < b else None


def _locate_inline(
    text: str, lines: list[tuple[int, int]], line_map: list[int], content: str, *, cell: bool
) -> list[tuple[int, int]]:
    """Find each line of an inline token's content in the source lines it came from.

    An exact match first; then one with whitespace and backslash escapes loosened (mapped back
    to the exact source offsets); and when neither is found, the rest of the source line, so
    that no block is ever lost."""
    first, last = line_map
    src_lines = lines[first:last]
    out: list[tuple[int, int]] = []
    j = 0
    cursor = src_lines[0][0] if src_lines else 0
    for cl in (c.strip() for c in content.split("\n")):
        if not cl:
            continue
        found = _find_on_lines(text, src_lines, j, cursor, cl, cell)
        if found is None and not cell and j < len(src_lines):
            found = _rest_of_line(text, src_lines, j, cursor, cl)
        if found is None:
            continue
        jj, a, b = found
        out.append((a, b))
        cursor = b
        j = jj if cell else jj + 1
    return out
