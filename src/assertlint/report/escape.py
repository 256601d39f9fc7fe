"""Terminal-safe text: control characters in a file's text or name never reach a terminal raw.

C0 controls (but a tab, shown as a space), DEL, C1 controls (ESC [ ... sequences and their 8-bit
forms), line and paragraph separators and the BIDI embedding, override and isolate characters
(the "Trojan Source" ones) are shown as \\xNN or \\uNNNN. The pretty, line and github reports
and every error and note pass user text through `safe`; JSON and SARIF escape by construction."""
from __future__ import annotations

import re

_UNSAFE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]")


def _show(m: re.Match) -> str:
    c = ord(m.group(0))
    return f"\\x{c:02x}" if c < 0x100 else f"\\u{c:04x}"


def safe(text: str) -> str:
    """`text` with every unsafe character escaped (a tab becomes a space)."""
    return text if text.isprintable() else safe_keep_tabs(text.replace("\t", " "))


_JSON_UNSAFE = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]")


def safe_keep_tabs(text: str) -> str:
    """`safe`, but a tab stays a tab (a diff line must keep its indentation)."""
    return _UNSAFE.sub(_show, text)


def json_safe(dumped: str) -> str:
    """JSON text (json.dumps(..., ensure_ascii=False)) with the characters JSON leaves raw but a
    terminal acts on (DEL, C1 controls, BIDI, line separators) written as \\uNNNN escapes: the
    same JSON value, safe to print."""
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", dumped)
