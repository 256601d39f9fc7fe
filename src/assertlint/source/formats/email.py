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
_WORD_CHARS = "'’-"


def _last_word(line: str) -> str | None:
    """The line's last word (a letter, then letters, digits, apostrophes or hyphens), found from
    the end: a `...$` regex searched from every position is quadratic on a long word."""
    s = line.rstrip(" \t")
    i = len(s)
    while i > 0 and (s[i - 1].isalnum() or s[i - 1] == "_" or s[i - 1] in _WORD_CHARS):
        i -= 1
    for j in range(i, len(s)):
        if s[j].isalpha():
            return s[j:]
    return None


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
    word = _last_word(prev)
    return not (word and word.lower() in _GOES_ON)


_STOP = -1  # a step's answer: the rest of the text is not the writer's


class _Reader:
    """The line scan behind prose_blocks: each step reads the line at i and returns the index of
    the next line to read (or _STOP)."""

    def __init__(self, text: str, include_quotes: bool) -> None:
        self.text = text
        self.lines = lines_of(text)
        self.include_quotes = include_quotes
        self.blocks: list[Prose] = []
        self.para: list[tuple[int, int]] = []
        self.in_quote = False
        self.item_indent: int | None = None  # inside a list item: the column of its text
        self.seen_text = False

    def line(self, i: int) -> str:
        s, e = self.lines[i]
        return self.text[s:e]

    def flush(self) -> None:
        self.item_indent = None
        if self.para:
            prose = paragraph(self.text, self.para, INLINE)
            if prose:
                self.blocks.append(prose)
            self.para.clear()

    def run(self) -> list[Prose]:
        i = 0
        while 0 <= i < len(self.lines):
            i = self.step(i)
        self.flush()
        return self.blocks

    def step(self, i: int) -> int:
        line = self.line(i)
        fence = _FENCE.match(line)
        if fence:
            return self.skip_fence(i, fence.group(1)[0] * 3)
        if not self.seen_text and _HEADER_FIELDS.match(line):
            j = self.header_block_end(i)
            if j is not None:
                self.seen_text = True
                return j
        if line.strip():
            self.seen_text = True
        nxt = self.boundary(i, line)
        if nxt is not None:
            return nxt
        return self.prose_line(i, line)

    def skip_fence(self, i: int, marker: str) -> int:
        self.flush()
        i += 1
        while i < len(self.lines) and not self.line(i).strip().startswith(marker):
            i += 1
        self.seen_text = True
        return i + 1

    def header_block_end(self, i: int) -> int | None:
        """The header block at the top of a draft ("To: Team" / "Subject: Launch"): where it ends."""
        n = len(self.lines)
        j = i + 1
        while j < n and (_HEADER_FIELDS.match(self.line(j)) or self.line(j)[:1] in (" ", "\t") and self.line(j).strip()):
            j += 1
        if j - i >= 2 or j == n or not self.line(j).strip():
            return j
        return None

    def boundary(self, i: int, line: str) -> int | None:
        """Signatures, separators, quoted or forwarded messages: the next index, _STOP, or None."""
        if line in ("-- ", "--"):
            if _is_signature(self.text, self.lines, i):
                return _STOP  # the signature runs to the end
            self.flush()  # a separator in the middle of a document
            return i + 1
        if _QUOTED_REPLY.match(line) or _is_reply_header(self.text, self.lines, i):
            return _STOP  # the quoted or forwarded message runs to the end
        if _OUTLOOK_RULE.match(line):
            if any(_HEADER_FIELDS.match(self.text[a:b]) for a, b in self.lines[i + 1 : i + 4]):
                return _STOP  # "________" then From: / Sent: ...: the message being replied to
            self.flush()
            return i + 1
        if _HEADER_FIELDS.match(line) and i + 1 < len(self.lines) and _HEADER_FIELDS.match(self.line(i + 1)):
            return _STOP  # a pasted header block of a forwarded message
        return None

    def prose_line(self, i: int, line: str) -> int:
        s, e = self.lines[i]
        stripped = line.strip()
        quoted = stripped.startswith(">")
        if (quoted and not self.include_quotes) or not stripped or _SEPARATOR.match(line):
            self.flush()
            return i + 1
        if quoted != self.in_quote:
            self.flush()  # someone else's words and the writer's own are separate blocks
            self.in_quote = quoted
        if quoted:
            s += len(line) - len(line.lstrip(" \t>"))
            if not self.text[s:e].strip():
                self.flush()
                return i + 1
        self.add(s, e)
        return i + 1

    def add(self, s: int, e: int) -> None:
        body = self.text[s:e]
        item = LIST_ITEM.match(body)
        if item:
            self.flush()  # each list item is a block of its own, its marker left out
            self.item_indent = item.end()
            s += item.end()
        elif self.para:
            indent = len(body) - len(body.lstrip(" \t"))
            prev = self.text[self.para[-1][0] : self.para[-1][1]]
            if self.item_indent is not None and indent == 0 and not body[:1].islower():
                self.flush()  # the line after a list item, not indented under it
            elif _starts_sentence(prev, body):
                self.flush()
        self.para.append(strip_range(self.text, s, e))


def prose_blocks(text: str, include_blockquotes: bool = False) -> list[Prose]:
    return _Reader(text, include_blockquotes).run()
