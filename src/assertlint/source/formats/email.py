"""E-mail drafts (and plain text, which is read the same way: most plain text assertlint sees is
a message): the writer's own words only. Quoted reply lines (>), reply headers ("On Mon, ...
wrote:", "-----Original Message-----"), forwarded blocks, a header block at the top and the
signature after "-- " are left out; fenced code is skipped; each list item is a block."""
from __future__ import annotations

import re

from ..blocks import LIST_ITEM, lines_of, paragraph, strip_range
from ..inline import compile_inline
from ..prose import Prose

NAME = "email"
SUFFIXES = (".eml",)
DIRECTIVES_IN_COMMENTS = False  # a directive counts anywhere outside code
INLINE = compile_inline()


def code_lines(text: str) -> set[int]:
    """Lines that are code beyond what every format skips (fences, code spans): none."""
    return set()


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


def prose_blocks(text: str, include_blockquotes: bool = False) -> list[Prose]:
    include_quotes = include_blockquotes
    lines = lines_of(text)
    blocks: list[Prose] = []
    para: list[tuple[int, int]] = []

    def flush() -> None:
        nonlocal item_indent
        item_indent = None
        if para:
            prose = paragraph(text, para, INLINE)
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
        para.append(strip_range(text, s, e))
        i += 1
    flush()
    return blocks
