"""Sentence repairs after an edit, and the smallest edit that turns one sentence into another.

A replacement is made inside its sentence, then the sentence is repaired: a capital letter at a
new sentence start, no doubled spaces, no stray or doubled commas, a/an agreement, the end mark
swapped when a statement frame becomes a question (or the reverse). The result is diffed against
the original sentence so the edit touches as little as possible.
"""
from __future__ import annotations

import re

from ..findings import Edit

_WORD = re.compile(r"[^\W\d_]", re.UNICODE)
_LEADING_JUNK = re.compile(r"^(?:[\s,;:\-–—]+|(?:but|and|so)\b[\s,]*)+", re.IGNORECASE)
_AN_EXCEPTIONS = ("one", "once", "user", "use", "usual", "unique", "unit", "univers", "euro", "uni")
_AN_SILENT_H = ("hour", "honest", "honor", "honour", "heir")


def _an(word: str) -> str:
    w = word.lower()
    if w.startswith(_AN_SILENT_H):
        return "an"
    if w.startswith(_AN_EXCEPTIONS):
        return "a"
    return "an" if w[:1] in "aeiou" else "a"


def repair(old: str, new: str, edit_start: int, joint: int, mood: str | None = None) -> str | None:
    """Repair sentence `new`, made from `old` by an edit over new[edit_start:joint].

    Returns None when the sentence would be left with no words.
    """
    lead = min(len(old) - len(old.lstrip()), edit_start)  # the sentence's own indentation stays
    head, body = new[:lead], new[lead:]
    es = max(edit_start - lead, 0)
    joint = max(joint - lead, es)
    # 1. spacing and commas inside and around the edited region
    a = max(es - 1, 0)
    b = min(joint + 1, len(body))
    region = re.sub(r"(?<![\n\r \t])[ \t]{2,}", " ", body[a:b])  # never a line's indentation
    region = re.sub(r"[ \t]+(?=[,.;:?!])", "", region)
    region = re.sub(r",(?=\s*[,.;:?!])", "", region)
    body = body[:a] + region + body[b:]
    joint = max(min(joint - ((b - a) - len(region)), len(body)), 0)
    left, right = body[:joint], body[joint:]
    if left and right and left[-1] in " \t" and right[:1] in " \t":
        right = right.lstrip(" \t")
    if left and left[-1] in " \t" and right[:1] in ",.;:?!":
        left = left.rstrip(" \t")
    if left.rstrip().endswith(",") and right.lstrip()[:1] in (",", ".", "?", "!", ";", ":"):
        left = left.rstrip()[:-1]
    if left.rstrip().endswith((",", ";", ":")) and not right.strip(" \t"):
        left = left.rstrip()[:-1]
    if not right.strip(" \t.!?"):  # the edit reached the sentence end: no dangling ", but"
        left = re.sub(r"(?:[,;]?\s*\b(?:but|and|or|so)\b)?[\s,;:]*$", "", left, flags=re.IGNORECASE)
        if left and not right.strip():
            end = re.search(r"[.!?]+[\"'\u201d\u2019)\]]*\s*$", old)
            if end and not re.search(r"[.!?][\"'\u201d\u2019)\]]*$", left):
                right = end.group(0)  # keep the sentence's end mark
    body = left + right
    # 2. the edit made a new sentence start: drop leading junk, restore the capital letter. A
    # `left` with no letters, only a bullet, an opening bracket or quote ("- ", "(", "* "), is a
    # sentence start too; that opener stays as the original sentence had it.
    pre = re.match(r"[ \t]*(?:(?:[-*+\u2022]|\d+[.)]|#\.)[ \t]+)?[(\[\"'\u201c\u2018]*", old[lead:]).group(0)
    if es == 0 or not left.strip() or (pre and es <= len(pre) and not _WORD.search(left)):
        if es == 0 or not left.strip():
            pre = ""
        rest = body[len(left):] if pre else body
        rest = rest.lstrip()
        m = _LEADING_JUNK.match(rest)
        if m and _WORD.search(rest[m.end():]):
            rest = rest[m.end():]
        if old[lead:][len(pre):].lstrip()[:1].isupper() and rest[:1].islower():
            rest = rest[0].upper() + rest[1:]
        body = pre + rest
    if not _WORD.search(body):
        return None
    # 3. a/an before the joint
    m = re.search(r"\b([Aa]n?)(\s+)$", body[: len(left)])
    if m:
        nxt = re.match(r"[A-Za-z]+", body[len(left):])
        if nxt:
            art = _an(nxt.group(0))
            if m.group(1)[0] == "A":
                art = art.capitalize()
            body = body[: m.start(1)] + art + body[m.end(1):]
    # 4. end mark: the whole run of marks ("!!", "...", "?!") before any closing quotes or brackets
    if mood:
        m = re.search(r"([.!?\u2026]*)([\"'\u201d\u2019)\]]*)(\s*)$", body)
        core, marks, closers, tail = body[: m.start()], m.group(1), m.group(2), m.group(3)
        if mood == "question" and "?" not in marks:
            body = core + closers + "?" + tail
        elif mood == "statement" and "?" in marks:
            body = core + closers + "." + tail
    return head + body


def sentence_edit(
    text: str, sent_start: int, sent_end: int, start: int, end: int, replacement: str, mood: str | None = None
) -> Edit | None:
    """The edit of `text` that puts `replacement` at [start, end) and repairs the sentence."""
    old = text[sent_start:sent_end]
    a, b = start - sent_start, end - sent_start
    new = old[:a] + replacement + old[b:]
    fixed = repair(old, new, a, a + len(replacement), mood)
    if fixed is None or fixed == old:
        return None
    p = 0
    limit = min(len(old), len(fixed))
    while p < limit and old[p] == fixed[p]:
        p += 1
    s = 0
    while s < limit - p and old[len(old) - 1 - s] == fixed[len(fixed) - 1 - s]:
        s += 1
    return Edit(sent_start + p, sent_end - s, fixed[p : len(fixed) - s])


def widened(text: str, start: int, end: int, edit: Edit) -> tuple[int, int]:
    """The span [start, end) grown to cover `edit` and to whole words at both ends."""
    a, b = min(start, edit.start), max(end, edit.end)
    while 0 < a < len(text) and text[a - 1].isalnum() and text[a].isalnum():
        a -= 1
    while 0 < b < len(text) and text[b - 1].isalnum() and text[b].isalnum():
        b += 1
    return a, b


def fixed_span(text: str, start: int, end: int, edit: Edit) -> str:
    """What the flagged span reads as once `edit` is applied: the text of `widened(...)` after
    the edit ("Sorry to bother you, but is" -> "Is")."""
    a, b = widened(text, start, end, edit)
    return text[a:edit.start] + edit.content + text[edit.end:b]
