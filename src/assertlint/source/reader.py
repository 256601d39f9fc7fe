"""Decode a file's bytes into text, remembering how to write it back unchanged."""
from __future__ import annotations

import codecs
import errno
import os
import stat
from dataclasses import dataclass

from ..errors import InputError

_BINARY_SNIFF = 8192


@dataclass(frozen=True)
class SourceText:
    """A file's text as assertlint sees it: UTF-8 decoded, BOM removed, newlines untouched."""

    path: str
    text: str
    bom: bool = False

    def encode(self, text: str | None = None) -> bytes:
        """Bytes for `text` (default: the original) with the same BOM as read."""
        body = (self.text if text is None else text).encode("utf-8")
        return (codecs.BOM_UTF8 + body) if self.bom else body


def decode(path: str, data: bytes) -> SourceText:
    """Decode `data` or raise InputError naming the file and the problem."""
    bom = data.startswith(codecs.BOM_UTF8)
    if bom:
        data = data[len(codecs.BOM_UTF8):]
    if b"\x00" in data[:_BINARY_SNIFF]:
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            raise InputError(path, "is UTF-16 encoded; assertlint reads UTF-8 text")
        raise InputError(path, "looks like a binary file (it contains NUL bytes); skipped")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        offset = err.start + (3 if bom else 0)
        raise InputError(
            path, f"is not valid UTF-8 (byte 0x{data[err.start]:02x} at byte offset {offset}); skipped"
        ) from None
    return SourceText(path=path, text=text, bom=bom)


MAX_FILE_BYTES = 64 * 1024 * 1024  # a larger "text" file is not checked (it would not fit the bounds)


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "is a directory"
    if stat.S_ISFIFO(mode):
        return "is a FIFO (named pipe), not a regular file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "is a device, not a regular file"
    if stat.S_ISSOCK(mode):
        return "is a socket, not a regular file"
    return "is not a regular file"


def read_regular(path: str, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of `path`, which must be a regular file of at most `limit` bytes; OSError (with
    a one-line strerror) otherwise. Opened without blocking, so a FIFO or a device named where a
    file is expected is an error, never a hang; the check is on the opened file itself."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise OSError(errno.EINVAL, _kind(st.st_mode))
        if st.st_size > limit:
            raise OSError(errno.EFBIG, f"is too large to check ({st.st_size / 1e6:,.0f} MB; the limit is "
                                       f"{limit / 1e6:,.0f} MB)")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        chunks = []
        size = 0
        while True:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                break
            size += len(chunk)
            if size > limit:
                raise OSError(errno.EFBIG, f"is too large to check (over {limit / 1e6:,.0f} MB)")
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def problem(err: OSError) -> str:
    """A one-line description of why a file could not be read."""
    if isinstance(err, FileNotFoundError):
        return "no such file or directory"
    if isinstance(err, IsADirectoryError):
        return "is a directory"
    if isinstance(err, PermissionError):
        return "permission denied"
    if err.errno in (errno.EINVAL, errno.EFBIG) and err.strerror:
        return err.strerror
    return f"cannot be read ({err.strerror or err})"


def read_file(path: str) -> SourceText:
    try:
        data = read_regular(path)
    except OSError as err:
        raise InputError(path, problem(err)) from None
    return decode(path, data)
