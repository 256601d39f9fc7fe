"""Unix mailboxes (mbox). Each message is parsed with the standard library (`mailbox`,
`email`); its plain-text body is checked as an e-mail draft is by the linter, so quoted reply
lines, "On ... wrote:" headers, forwarded blocks and the signature are left out. Metadata:
author = the From address, channel = List-Id (else the mailbox's name), thread = the first
Message-ID in References (else In-Reply-To, else its own), timestamp = Date, id = Message-ID.
Record = message number, from 1. Messages start at lines beginning "From " (as `mailbox.mbox`
reads them)."""
from __future__ import annotations

import email.utils
import mailbox
import os
import re
from collections.abc import Iterator
from email.header import decode_header, make_header
from html.parser import HTMLParser

from ..model import Columns, Message, Partition
from ..values import parse_timestamp
from .piece import Piece

_MSGID = re.compile(r"<[^<>\s]+>")


def plan(source: str, path: str, target: int, columns: Columns) -> Iterator[Piece]:
    with open(path, "rb") as fh:
        pos = 0
        start = None  # offset of the partition's first message
        first = n = count = 0
        for raw in fh:
            if raw.startswith(b"From "):
                n += 1
                if start is None:
                    start, first, count = pos, n, 0
                elif pos - start >= target:
                    yield Piece(start, pos, first, count)
                    start, first, count = pos, n, 0
                count += 1
            pos += len(raw)
        if start is not None and pos > start:
            yield Piece(start, pos, first, count)


def _messages(fh, start: int, stop: int) -> Iterator[bytes]:
    fh.seek(start)
    pos = start
    cur: list[bytes] = []
    while pos < stop:
        raw = fh.readline()
        if not raw:
            break
        pos += len(raw)
        if raw.startswith(b"From ") and cur:
            yield b"".join(cur)
            cur = []
        cur.append(raw)
    if cur:
        yield b"".join(cur)


def read(part: Partition, columns: Columns) -> Iterator[Message]:
    channel_default = os.path.splitext(os.path.basename(part.source.rstrip("/")))[0]
    with open(part.path, "rb") as fh:
        for k, raw in enumerate(_messages(fh, part.start, part.stop)):
            n = part.first + k
            yield _message(raw, part.source, n, channel_default)


def _header(msg, name: str) -> str | None:
    value = msg.get(name)
    if value is None:
        return None
    try:
        return str(make_header(decode_header(str(value)))).strip()
    except Exception:  # a malformed encoded word: keep the header as it came
        return str(value).strip()


def _message(raw: bytes, source: str, n: int, channel_default: str) -> Message:
    where = f"{source}: message {n}"
    try:
        msg = _parse(raw)
    except Exception as err:  # the parser is lenient; this is a guard, not a path
        return Message(source, n, error=f"{where}: cannot be parsed ({err})")
    m = Message(source, n, text=body_text(msg))
    m.id = _header(msg, "Message-ID")
    m.author = _author(msg)
    m.channel = _channel(msg) or channel_default
    m.thread = _thread(msg) or m.id
    date = _header(msg, "Date")
    if date:
        try:
            m.timestamp = parse_timestamp(email.utils.parsedate_to_datetime(date))
        except (TypeError, ValueError, IndexError):
            m.error = f"{where}: Date {date!r} cannot be read (the text is still checked)"
    return m


def _parse(raw: bytes) -> mailbox.mboxMessage:
    """One raw message ("From " line, headers, body) as mailbox.mbox reads it."""
    from_line, _, body = raw.partition(b"\n")
    if body.endswith(b"\n\n"):
        body = body[:-1]  # the blank line before the next "From " separates, as in mailbox.mbox
    msg = mailbox.mboxMessage(body.replace(b"\r\n", b"\n"))
    msg.set_from(from_line[5:].decode("ascii", "replace").rstrip("\r"))
    return msg


def _author(msg) -> str | None:
    """The From address in lower case; a From without an address as it is written."""
    sender = _header(msg, "From")
    if not sender:
        return None
    name, addr = email.utils.parseaddr(sender)
    return addr.lower() if addr else (name or sender)


def _channel(msg) -> str | None:
    """The list's id: what List-Id has between < >, else the whole header."""
    lid = _header(msg, "List-Id")
    found = _MSGID.search(lid) if lid else None
    return found.group(0)[1:-1] if found else lid


def _thread(msg) -> str | None:
    """The thread's first message: the first id in References, else in In-Reply-To."""
    refs = _MSGID.findall(_header(msg, "References") or "")
    reply_to = _MSGID.findall(_header(msg, "In-Reply-To") or "")
    return refs[0] if refs else reply_to[0] if reply_to else None


def body_text(msg) -> str:
    """The message's own text: its text/plain parts (not attachments), else its HTML as text."""
    plain, html = [], []
    for part in msg.walk():
        if part.is_multipart() or part.get_content_disposition() == "attachment":
            continue
        ctype = part.get_content_type()
        if ctype not in ("text/plain", "text/html"):
            continue
        payload = part.get_payload(decode=True) or b""
        charset = part.get_content_charset() or "utf-8"
        try:
            text = payload.decode(charset, "replace")
        except LookupError:  # an unknown charset name
            text = payload.decode("utf-8", "replace")
        (plain if ctype == "text/plain" else html).append(text)
    if plain:
        return "\n\n".join(plain)
    return "\n\n".join(_html_text(h) for h in html)


class _Text(HTMLParser):
    BLOCK = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "blockquote", "pre"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skip = 0
        self.quote = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        if tag == "blockquote":
            self.quote += 1
        if tag in self.BLOCK:
            self.out.append("\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self.skip:
            self.skip -= 1
        if tag == "blockquote" and self.quote:
            self.quote -= 1
        if tag in self.BLOCK:
            self.out.append("\n")

    def handle_data(self, data):
        if self.skip:
            return
        if self.quote:  # quoted HTML replies read as "> " lines, as in a plain-text reply
            data = "\n".join("> " + line for line in data.split("\n"))
        self.out.append(data)


def _html_text(html: str) -> str:
    p = _Text()
    p.feed(html)
    p.close()
    return re.sub(r"\n{3,}", "\n\n", "".join(p.out)).strip() + "\n"
