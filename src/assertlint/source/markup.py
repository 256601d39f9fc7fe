"""Markup → prose blocks with exact source offsets.

Each reader returns a list of Prose blocks (paragraphs, headings, list items, table cells): the
writer's own words only. Code, URLs, quoted replies, signatures and front matter never reach the
parser.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from .inline import add_inline
from .prose import Prose

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")
RST_SUFFIXES = (".rst", ".rest")


def kind_for(path: str | None) -> str:
    low = (path or "").lower()
    if low.endswith(MARKDOWN_SUFFIXES):
        return "markdown"
    if low.endswith(RST_SUFFIXES):
        return "rst"
    return "text"


def prose_blocks(text: str, kind: str = "text", *, include_blockquotes: bool = False) -> list[Prose]:
    if kind == "markdown":
        return _markdown_blocks(text, include_blockquotes)
    if kind == "rst":
        return _rst_blocks(text)
    return _text_blocks(text, include_blockquotes)


# -- shared helpers ---------------------------------------------------------------------------
def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line without its line ending ("\\n", "\\r\\n" or a trailing "\\r")."""
    out = []
    pos = 0
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        end = n if nl == -1 else nl
        content_end = end - 1 if end > pos and text[end - 1] == "\r" else end
        out.append((pos, content_end))
        if nl == -1:
            break
        pos = nl + 1
    return out


def _paragraph(text: str, ranges: Iterable[tuple[int, int]], kind: str) -> Prose:
    prose = Prose()
    prev_end = None
    for s, e in ranges:
        if prev_end is not None:
            prose.synth(" ", prev_end, s)
        add_inline(prose, text, s, e, kind)
        prev_end = e
    return prose


def _strip(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in " \t":
        s += 1
    while e > s and text[e - 1] in " \t":
        e -= 1
    return s, e


# -- plain text and e-mail ----------------------------------------------------------------------
_REPLY_HEADER = re.compile(
    r"^\s*(?:On\s.{0,200}\s(?:wrote|writes)\s*:\s*$"
    r"|-{2,}\s*Original Message\s*-{2,}\s*$"
    r"|-{2,}\s*Forwarded message\s*-{2,}\s*$"
    r"|Begin forwarded message:\s*$"
    r"|_{10,}\s*$)",
    re.IGNORECASE,
)
_REPLY_HEADER_START = re.compile(r"^\s*On\s", re.IGNORECASE)
_WROTE_END = re.compile(r"\s(?:wrote|writes)\s*:\s*$", re.IGNORECASE)
_HEADER_FIELDS = re.compile(r"^\s*(?:From|Sent|Date|To|Cc|Subject)\s*:", re.IGNORECASE)
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")


def _text_blocks(text: str, include_quotes: bool) -> list[Prose]:
    lines = _lines(text)
    blocks: list[Prose] = []
    para: list[tuple[int, int]] = []

    def flush() -> None:
        if para:
            prose = _paragraph(text, para, "text")
            if prose:
                blocks.append(prose)
            para.clear()

    i = 0
    n = len(lines)
    in_quote = False
    while i < n:
        s, e = lines[i]
        line = text[s:e]
        stripped = line.strip()
        fence = _FENCE.match(line)
        if fence:
            flush()
            marker = fence.group(1)[0] * 3
            i += 1
            while i < n and not text[lines[i][0] : lines[i][1]].strip().startswith(marker):
                i += 1
            i += 1
            continue
        if line in ("-- ", "--"):
            break  # the signature runs to the end
        if _REPLY_HEADER.match(line):
            break  # the quoted or forwarded message runs to the end
        if (
            _REPLY_HEADER_START.match(line)
            and i + 1 < n
            and _WROTE_END.search(text[lines[i + 1][0] : lines[i + 1][1]])
            and len(line) < 200
        ):
            break  # "On Mon, 3 Jun 2024 at 10:02, Ana <ana@x.org>\nwrote:"
        if _HEADER_FIELDS.match(line) and i + 1 < n and _HEADER_FIELDS.match(text[lines[i + 1][0] : lines[i + 1][1]]):
            break  # a pasted header block of a forwarded message
        quoted = stripped.startswith(">")
        if quoted and not include_quotes:
            flush()
            i += 1
            continue
        if not stripped:
            flush()
        else:
            if quoted != in_quote:
                flush()  # someone else's words and the writer's own are separate blocks
                in_quote = quoted
            if quoted:
                s += len(line) - len(line.lstrip(" \t>"))
                if not text[s:e].strip():
                    flush()
                    i += 1
                    continue
            para.append(_strip(text, s, e))
        i += 1
    flush()
    return blocks


# -- Markdown -----------------------------------------------------------------------------------
_FRONT_MATTER = re.compile(r"\A(---|\+\+\+)[ \t]*\r?\n.*?\r?\n\1[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_md = None


def _markdown_parser():
    global _md
    if _md is None:
        from markdown_it import MarkdownIt

        _md = MarkdownIt("commonmark", {"html": True}).enable("table")
    return _md


def _markdown_blocks(text: str, include_quotes: bool) -> list[Prose]:
    src = text
    fm = _FRONT_MATTER.match(src)
    if fm:  # blank the front matter out, keeping the line count so token maps still fit
        src = "\n" * fm.group(0).count("\n") + src[fm.end():]
    tokens = _markdown_parser().parse(src)
    lines = _lines(text)
    blocks: list[Prose] = []
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
            prose = _paragraph(text, ranges, "markdown")
            if prose:
                blocks.append(prose)
    return blocks


def _locate_inline(
    text: str, lines: list[tuple[int, int]], line_map: list[int], content: str, *, cell: bool
) -> list[tuple[int, int]]:
    """Find each line of an inline token's content in the source lines it came from."""
    content_lines = content.split("\n")
    first, last = line_map
    src_lines = lines[first:last]
    out: list[tuple[int, int]] = []
    j = 0
    cursor = src_lines[0][0] if src_lines else 0
    for cl in content_lines:
        cl = cl.strip()
        if not cl:
            continue
        while j < len(src_lines):
            s, e = src_lines[j]
            if cursor < s or cursor > e:
                cursor = s
            k = text.find(cl, cursor, e)
            if k != -1:
                out.append((k, k + len(cl)))
                cursor = k + len(cl)
                if not cell:
                    j += 1
                break
            j += 1
    return out


# -- reStructuredText ---------------------------------------------------------------------------
_RST_UNDERLINE = re.compile(r"^([=\-`:'\"~^_*+#<>])\1{2,}\s*$")
_RST_DIRECTIVE = re.compile(r"^\s*\.\.\s")


def _rst_blocks(text: str) -> list[Prose]:
    lines = _lines(text)
    blocks: list[Prose] = []
    para: list[tuple[int, int]] = []
    skip_indent: int | None = None  # inside a literal block or directive body: skip lines indented deeper
    literal_next = False

    def flush() -> None:
        nonlocal literal_next
        if para:
            last_s, last_e = para[-1]
            if text[last_s:last_e].rstrip().endswith("::"):
                literal_next = True
            prose = _paragraph(text, para, "rst")
            if prose:
                blocks.append(prose)
            para.clear()

    base_indent = 0
    for s, e in lines:
        line = text[s:e]
        stripped = line.strip()
        indent = len(line) - len(line.lstrip())
        if skip_indent is not None:
            if not stripped or indent > skip_indent:
                continue
            skip_indent = None
        if not stripped:
            flush()
            if literal_next:
                skip_indent = base_indent
                literal_next = False
            continue
        if _RST_DIRECTIVE.match(line):
            flush()
            skip_indent = indent
            continue
        if _RST_UNDERLINE.match(line):
            flush()  # a section title's over/underline ends the title block
            continue
        if not para:
            base_indent = indent
        para.append(_strip(text, s, e))
    flush()
    return blocks
