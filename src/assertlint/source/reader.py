"""Decode a file's bytes into text, remembering how to write it back unchanged."""
from __future__ import annotations

import codecs
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


def read_file(path: str) -> SourceText:
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except FileNotFoundError:
        raise InputError(path, "no such file or directory") from None
    except IsADirectoryError:
        raise InputError(path, "is a directory") from None
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except OSError as err:
        raise InputError(path, f"cannot be read ({err.strerror or err})") from None
    return decode(path, data)
