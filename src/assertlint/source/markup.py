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
_QUOTED_REPLY = re.compile(
    r"^\s*(?:-{2,}\s*Original Message\s*-{2,}\s*$"
    r"|-{2,}\s*Forwarded message\s*-{2,}\s*$"
    r"|Begin forwarded message:\s*$)",
    re.IGNORECASE,
)
_ON_WROTE = re.compile(r"^\s*On\s.{0,200}\s(?:wrote|writes)\s*:\s*$", re.IGNORECASE)
_REPLY_HEADER_START = re.compile(r"^\s*On\s", re.IGNORECASE)
_WROTE_END = re.compile(r"(?:^|\s)(?:wrote|writes)\s*:\s*$", re.IGNORECASE)
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# what makes "On ... wrote:" a reply header and not a sentence: a date, a time, a weekday
# followed by a comma, an e-mail address or an angle bracket
_REPLY_EVIDENCE = re.compile(
    r"\d{1,2}:\d{2}"
    r"|\b\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b"
    r"|\b(?:19|20)\d{2}\b"
    rf"|\b{_MONTH}\s+\d{{1,2}}\b|\b\d{{1,2}}\.?\s+{_MONTH}"
    r"|\b(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|nesday|sday|urday)?\.?,"
    r"|@|<",
    re.IGNORECASE,
)
_OUTLOOK_RULE = re.compile(r"^\s*_{10,}\s*$")
_HEADER_FIELDS = re.compile(r"^\s*(?:From|Sent|Date|To|Cc|Bcc|Subject|Reply-To)\s*:", re.IGNORECASE)
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_SEPARATOR = re.compile(r"^\s*([-=_*~#+])(?:[ \t]*\1){2,}[ \t]*$")  # ----- ===== * * *
LIST_ITEM = re.compile(r"^[ \t]*(?:[-*+\u2022]|\d+[.)]|#\.)[ \t]+(?=\S)")
_SIGNATURE_MAX_LINES = 12
_SHORT_LINE = 60
# a line ending in one of these words goes on into the next line, whatever its capital letter
_GOES_ON = frozenset(
    """a an the and or but nor so yet for of to in on at by with from into onto about as than that
    which who whom whose this these those my your our their his her its is are was were be been am
    has have had do does did will would can could should shall may might must not no if when while
    because although though since until unless via per mr mrs ms dr st vs like dear""".split()
)
_LAST_WORD = re.compile(r"([^\W\d_][\w'’-]*)[ \t]*$")


def _is_reply_header(text: str, lines: list[tuple[int, int]], i: int) -> bool:
    """"On <date>, <name> wrote:" on one line or two; not "On Monday we met. ... I wrote:"."""
    s, e = lines[i]
    line = text[s:e]
    if _ON_WROTE.match(line):
        return bool(_REPLY_EVIDENCE.search(line))
    if not _REPLY_HEADER_START.match(line) or len(line) >= 200 or i + 1 >= len(lines):
        return False
    nxt = text[lines[i + 1][0] : lines[i + 1][1]]
    if not _WROTE_END.search(nxt) or len(nxt) > 120 or line.rstrip()[-1:] in ".!?":
        return False
    return bool(_REPLY_EVIDENCE.search(line + " " + nxt))


def _is_signature(text: str, lines: list[tuple[int, int]], i: int) -> bool:
    """A "-- " line starts the signature when what follows it is short (up to the quoted reply)."""
    conventional = text[lines[i][0] : lines[i][1]] == "-- "
    count = 0
    for s, e in lines[i + 1 :]:
        line = text[s:e]
        if _QUOTED_REPLY.match(line) or _ON_WROTE.match(line) or _OUTLOOK_RULE.match(line):
            break
        if line.strip() and not line.lstrip().startswith(">"):
            count += 1
            if count > _SIGNATURE_MAX_LINES and not conventional:
                return False
            if conventional and len(line.strip()) > _SHORT_LINE and count > _SIGNATURE_MAX_LINES:
                return False
            if conventional and len(line.strip()) > _SHORT_LINE:
                conventional = False  # a long line: only a short tail is still a signature
    return True


def _starts_sentence(prev: str, line: str) -> bool:
    """Plain text: does `line` start a new sentence although `prev` has no end mark?

    "Two things:" / "Hi Ana" before "I was wondering ..." are not the start of one sentence; a
    wrapped line ("... the report from" / "Monday is late.") is."""
    first = line.lstrip()[:1]
    if not first.isupper():
        return False
    prev = prev.rstrip()
    if prev.endswith(":"):
        return True
    if not prev or not (prev[-1].isalnum() or prev[-1] in ")]"):
        return False
    m = _LAST_WORD.search(prev)
    return not (m and m.group(1).lower() in _GOES_ON)


def _text_blocks(text: str, include_quotes: bool) -> list[Prose]:
    lines = _lines(text)
    blocks: list[Prose] = []
    para: list[tuple[int, int]] = []

    def flush() -> None:
        nonlocal item_indent
        item_indent = None
        if para:
            prose = _paragraph(text, para, "text")
            if prose:
                blocks.append(prose)
            para.clear()

    i = 0
    n = len(lines)
    in_quote = False
    item_indent: int | None = None  # inside a list item: the column of its text
    seen_text = False
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
            seen_text = True
            continue
        if not seen_text and _HEADER_FIELDS.match(line):
            # the header block at the top of a draft ("To: Team" / "Subject: Launch"): skip it
            j = i + 1
            while j < n and (
                _HEADER_FIELDS.match(text[lines[j][0] : lines[j][1]])
                or text[lines[j][0] : lines[j][1]][:1] in (" ", "\t") and text[lines[j][0] : lines[j][1]].strip()
            ):
                j += 1
            if j - i >= 2 or j == n or not text[lines[j][0] : lines[j][1]].strip():
                i = j
                seen_text = True
                continue
        if stripped:
            seen_text = True
        if line in ("-- ", "--"):
            if _is_signature(text, lines, i):
                break  # the signature runs to the end
            flush()  # a separator in the middle of a document
            i += 1
            continue
        if _QUOTED_REPLY.match(line) or _is_reply_header(text, lines, i):
            break  # the quoted or forwarded message runs to the end
        if _OUTLOOK_RULE.match(line):
            if any(_HEADER_FIELDS.match(text[a:b]) for a, b in lines[i + 1 : i + 4]):
                break  # "________" then From: / Sent: ...: the message being replied to
            flush()
            i += 1
            continue
        if _HEADER_FIELDS.match(line) and i + 1 < n and _HEADER_FIELDS.match(text[lines[i + 1][0] : lines[i + 1][1]]):
            break  # a pasted header block of a forwarded message
        quoted = stripped.startswith(">")
        if quoted and not include_quotes:
            flush()
            i += 1
            continue
        if not stripped or _SEPARATOR.match(line):
            flush()
            i += 1
            continue
        if quoted != in_quote:
            flush()  # someone else's words and the writer's own are separate blocks
            in_quote = quoted
        if quoted:
            s += len(line) - len(line.lstrip(" \t>"))
            if not text[s:e].strip():
                flush()
                i += 1
                continue
        body = text[s:e]
        item = LIST_ITEM.match(body)
        if item:
            flush()  # each list item is a block of its own, its marker left out
            item_indent = item.end()
            s += item.end()
        elif para:
            indent = len(body) - len(body.lstrip(" \t"))
            prev = text[para[-1][0] : para[-1][1]]
            if item_indent is not None and indent == 0 and not body[:1].islower():
                flush()  # the line after a list item, not indented under it
            elif _starts_sentence(prev, body):
                flush()
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


def _locate_inline(
    text: str, lines: list[tuple[int, int]], line_map: list[int], content: str, *, cell: bool
) -> list[tuple[int, int]]:
    """Find each line of an inline token's content in the source lines it came from.

    An exact match first; then one with whitespace and backslash escapes loosened (mapped back
    to the exact source offsets); and when neither is found, the rest of the source line, so
    that no block is ever lost."""
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
        found = None
        for jj in range(j, len(src_lines)):
            s, e = src_lines[jj]
            if cursor < s or cursor > e:
                cursor = s
            k = text.find(cl, cursor, e)
            if k != -1:
                found = jj, k, k + len(cl)
                break
            m = _loose(cl).search(text, cursor, e)
            if m:
                found = jj, m.start(), m.end()
                break
            if not cell:
                break  # a paragraph's content lines come one per source line
        if found is None and not cell and j < len(src_lines):
            # not found on its own line: keep the line's text from the first character of the
            # content line on (or the whole stripped line), rather than drop it
            s, e = src_lines[j]
            if cursor < s or cursor > e:
                cursor = s
            k = text.find(cl[:1], cursor, e)
            a, b = _strip(text, k if k != -1 else cursor, e)
            if a < b:
                found = j, a, b
        if found is None:
            continue
        jj, a, b = found
        out.append((a, b))
        cursor = b
        j = jj if cell else jj + 1
    return out


# -- reStructuredText ---------------------------------------------------------------------------
_RST_UNDERLINE = re.compile(r"^([=\-`:'\"~^_*+#<>])\1{2,}\s*$")
_RST_EXPLICIT = re.compile(r"^(\s*)\.\.(?:\s|$)")  # a directive, comment, target or footnote
_RST_DIRECTIVE = re.compile(r"^\s*\.\.[ \t]+([\w][\w:+.-]*)[ \t]*::(?:[ \t]+|$)")
_RST_OPTION = re.compile(r"^\s+:[\w.-][^:]*:(?:\s|$)")
# directives whose body is the writer's prose; every other one (code-block, code, sourcecode,
# literalinclude, highlight, math, raw, include, image, toctree, csv-table, list-table, table,
# parsed-literal, an extension's unknown directive ...) keeps its body out of the linter
_RST_PROSE_BODY = {  # name -> what its argument on the directive line is
    **dict.fromkeys(
        ("note", "warning", "tip", "hint", "important", "caution", "danger", "error", "attention",
         "seealso", "todo", "centered"),
        "prose",  # the first words of the body
    ),
    **dict.fromkeys(("admonition", "topic", "sidebar", "rubric"), "title"),
    **dict.fromkeys(("versionadded", "versionchanged", "deprecated", "versionremoved"), "version"),
    **dict.fromkeys(("figure", "container", "compound", "only", "class", "glossary", "hlist", "highlights"), "skip"),
}
_VERSION_ARG = re.compile(r"\S+[ \t]*")


def _rst_blocks(text: str, code_lines: set[int] | None = None) -> list[Prose]:
    """reST prose blocks; `code_lines`, when given, collects the indices of the lines of literal
    blocks and directive bodies (not comments) that were skipped."""
    lines = _lines(text)
    blocks: list[Prose] = []
    para: list[tuple[int, int]] = []
    skip_indent: int | None = None  # inside a literal block or directive body: skip lines indented deeper
    literal_next = False
    options_after: int | None = None  # just after a prose directive: skip its :option: lines
    item_indent: int | None = None  # the paragraph is a list item: the column of its text

    def flush() -> None:
        nonlocal literal_next, item_indent
        item_indent = None
        if para:
            last_s, last_e = para[-1]
            if text[last_s:last_e].rstrip().endswith("::"):
                literal_next = True
            prose = _paragraph(text, para, "rst")
            if prose:
                blocks.append(prose)
            para.clear()

    base_indent = 0
    skip_code = False
    for no, (s, e) in enumerate(lines):
        line = text[s:e]
        stripped = line.strip()
        indent = len(line) - len(line.lstrip())
        if skip_indent is not None:
            if not stripped or indent > skip_indent:
                if skip_code and code_lines is not None:
                    code_lines.add(no)
                continue
            skip_indent = None
        if options_after is not None:
            if stripped and indent > options_after and _RST_OPTION.match(line):
                continue
            options_after = None
        if not stripped:
            flush()
            if literal_next:
                skip_indent = base_indent
                skip_code = True
                literal_next = False
            continue
        explicit = _RST_EXPLICIT.match(line)
        if explicit:
            flush()
            literal_next = False
            d = _RST_DIRECTIVE.match(line)
            what = _RST_PROSE_BODY.get(d.group(1).lower()) if d else None
            if what is None:
                skip_indent = indent  # code, a comment, a target, a footnote: not prose
                skip_code = d is not None
                continue
            options_after = indent
            a, b = _strip(text, s + d.end(), e)
            if what == "version" and a < b:
                v = _VERSION_ARG.match(text, a, b)
                a = v.end() if v else b
            if a < b and what in ("prose", "title", "version"):
                base_indent = indent
                para.append((a, b))
                if what == "title":
                    flush()
            continue
        if _RST_UNDERLINE.match(line):
            flush()  # a section title's over/underline ends the title block
            continue
        item = LIST_ITEM.match(line)
        if item:
            flush()  # each list item is a block of its own, its marker left out
            item_indent = base_indent = item.end()
            para.append(_strip(text, s + item.end(), e))
            continue
        if para and item_indent is not None and indent < item_indent:
            flush()  # not indented to the item's text: the item has ended
        if not para:
            base_indent = indent
        para.append(_strip(text, s, e))
    flush()
    return blocks
