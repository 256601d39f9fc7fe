"""Inline masking shared by every markup reader: code spans, URLs, e-mail addresses, markup."""
from __future__ import annotations

import re

from .prose import PLACEHOLDER, Prose
from .suppress import DIRECTIVE_UNNAMED

_COMMON = [
    rf"(?P<directive>{DIRECTIVE_UNNAMED})",
    r"(?P<code>(?P<ticks>`+)(?:(?!(?P=ticks)).)+?(?P=ticks))",
    r"(?P<url>(?:https?|ftp)://[^\s<>\"'`]+|www\.[^\s<>\"'`]+\.[^\s<>\"'`]+)",
    r"(?P<email>(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})+)",
]
_MARKDOWN = [
    r"(?P<comment><!--.*?-->)",
    r"(?P<autolink><(?:https?|ftp|mailto):[^>\s]*>)",
    r"(?P<tag></?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>)",
    r"(?P<dest>\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\))",
    r"(?P<refdest>\]\[[^\]]*\])",
    r"(?P<escaped>\\[!-/:-@\[-`{-~])",  # a backslash escape: the character stays, as text
    r"(?P<drop>!?\[|\*{1,3}(?=\S)|(?<=\S)\*{1,3}|(?<![\w])_{1,3}(?=\S)|(?<=\S)_{1,3}(?!\w)|~~)",
]
_RST = [
    r"(?P<role>:[\w.+-]+:`[^`]+`)",
    r"(?P<rstlink>`[^`<]*<[^>]+>`__?)",
    r"(?P<drop>\*{1,2}(?=\S)|(?<=\S)\*{1,2}|(?<=\S)`_{1,2}|\|)",
]

_PATTERNS = {
    "markdown": re.compile("|".join(_COMMON[:1] + _MARKDOWN[:1] + _COMMON[1:] + _MARKDOWN[1:])),
    "rst": re.compile("|".join(_RST[:2] + _COMMON + _RST[2:])),
    "text": re.compile("|".join(_COMMON)),
}
_TRAILING_PUNCT = ".,;:!?)]}'\""


def add_inline(prose: Prose, source: str, start: int, end: int, kind: str) -> None:
    """Append source[start:end] to `prose`, masking what is not prose."""
    pattern = _PATTERNS[kind]
    pos = start
    for m in pattern.finditer(source, start, end):
        s, e = m.span()
        group = m.lastgroup
        if group == "ticks":
            group = "code"
        if group == "url":
            while e > s and source[e - 1] in _TRAILING_PUNCT:
                e -= 1
        prose.copy(source, pos, s)
        if group in ("drop", "directive"):
            pass  # markup characters with no prose meaning: leave them out
        elif group in ("comment", "tag"):
            pass
        elif group in ("dest", "refdest"):
            pass  # the link text stays, its destination goes
        elif group == "escaped":
            prose.copy(source, s + 1, e)
        elif group == "rstlink":
            inner = source[s + 1 : e].split("<", 1)[0].rstrip()
            if inner:
                prose.copy(source, s + 1, s + 1 + len(inner))
        else:
            prose.synth(PLACEHOLDER, s, e)
        pos = e
    prose.copy(source, pos, end)
