"""Lexicon references in rule files: "$name" stands for the named lexicon's words."""
from __future__ import annotations

import re

LEXICON_REF = re.compile(r"^\$([a-z][a-z0-9_]*)$")


def _words(name: str, fail, lexicons, known: bool = True) -> list[str]:
    if name not in lexicons:
        hint = f"; known: {', '.join(sorted(lexicons)) or 'none'}" if known else ""
        raise fail(f"unknown lexicon ${name}{hint}")
    return list(lexicons[name])


def _expand_list(value: list, fail, lexicons) -> list:
    out: list = []
    for v in value:
        m = LEXICON_REF.match(v) if isinstance(v, str) else None
        if m:
            out.extend(_words(m.group(1), fail, lexicons))
        else:
            out.append(expand(v, fail, lexicons))
    return out


def expand(value, fail, lexicons):
    """Replace "$name" strings inside IN / NOT_IN lists (or a bare "$name") by the lexicon's words."""
    if isinstance(value, dict):
        return {k: expand(v, fail, lexicons) for k, v in value.items()}
    if isinstance(value, list):
        return _expand_list(value, fail, lexicons)
    if isinstance(value, str):
        m = LEXICON_REF.match(value)
        if m:
            return _words(m.group(1), fail, lexicons, known=False)
    return value
