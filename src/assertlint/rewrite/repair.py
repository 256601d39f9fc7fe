"""Sentence repairs after an edit, and the smallest edit that turns one sentence into another.

A replacement is made inside its sentence, then the sentence is repaired: a capital letter at a
new sentence start, no doubled spaces, no stray or doubled commas, a/an agreement, the end mark
swapped when a statement frame becomes a question (or the reverse). The result is diffed against
the original sentence so the edit touches as little as possible.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..findings import Edit

_WORD = re.compile(r"[^\W\d_]", re.UNICODE)
_LEADING_JUNK = re.compile(r"^(?:[\s,;:.!?\-–—]+|(?:but|and|so)\b[\s,]*)+", re.IGNORECASE)
_AN_EXCEPTIONS = ("one", "once", "user", "use", "usual", "unique", "unit", "univers", "euro", "uni")
_AN_SILENT_H = ("hour", "honest", "honor", "honour", "heir")


def _an(word: str) -> str:
    w = word.lower()
    if w.startswith(_AN_SILENT_H):
        return "an"
    if w.startswith(_AN_EXCEPTIONS):
        return "a"
    return "an" if w[:1] in "aeiou" else "a"


@dataclass
class Draft:
    """A sentence being repaired: `old` as it was, `head` (its indentation, never touched) and
    `body` as edited, with the edit's joint (where the replacement ends) in body."""

    old: str
    head: str
    body: str
    es: int  # where the edit starts in body
    left: str = ""  # body[:joint] and body[joint:] after the joint pass
    right: str = ""
    mood: str | None = None


def tidy_joint(d: Draft, joint: int) -> None:
    """Pass 1: spacing and commas inside and around the edited region; split at the joint."""
    body, es = d.body, d.es
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
    d.left, d.right = left, right


def close_sentence_end(d: Draft) -> None:
    """Pass 2: an edit that reached the sentence end leaves no dangling ", but" and keeps the
    sentence's end mark."""
    left, right = d.left, d.right
    if right.strip(" \t.!?"):
        return
    left = re.sub(r"(?:[,;]?\s*\b(?:but|and|or|so)\b)?[\s,;:]*$", "", left, flags=re.IGNORECASE)
    if left and not right.strip():
        end = re.search(r"[.!?]+[\"'\u201d\u2019)\]]*\s*$", d.old)
        if end and not re.search(r"[.!?][\"'\u201d\u2019)\]]*$", left):
            right = end.group(0)  # keep the sentence's end mark
    d.left, d.right = left, right


_OPENER = re.compile(r"[ \t]*+(?:(?:[-*+\u2022]|(?<!\d)\d++[.)]|#\.)[ \t]++)?[(\[\"'\u201c\u2018]*+")


def _symbols_only(s: str) -> bool:
    """Text with no letter, digit or sentence punctuation: spaces, emoji, pictographs, arrows."""
    return bool(s.strip()) and not any(ch.isalnum() or ch in ".,;:!?\"'()[]{}-*+#" for ch in s)


def restore_sentence_start(d: Draft) -> None:
    """Pass 3: when the edit made a new sentence start, drop leading junk (commas, "but", a stray
    end mark) and restore the capital letter. A `left` with no letters, only a bullet, an opening
    bracket or quote ("- ", "(", "* "), is a sentence start too; that opener stays as it was."""
    old_body = d.old[len(d.head):]
    pre = _OPENER.match(old_body).group(0)
    left = d.left
    body = left + d.right
    if _symbols_only(left) and old_body.startswith(left):
        # an emoji or other symbols before the sentence ("🙂 Sorry, ..."): an opener too
        pre = left + re.match(r"[ \t]*", old_body[len(left):]).group(0)
    elif not (d.es == 0 or not left.strip() or (pre and d.es <= len(pre) and not _WORD.search(left))):
        d.body = body
        return
    if d.es == 0 or not left.strip():
        pre = ""
    rest = (body[len(left):] if pre else body).lstrip()
    m = _LEADING_JUNK.match(rest)
    if m and _WORD.search(rest[m.end():]):
        rest = rest[m.end():]
    if old_body[len(pre):].lstrip()[:1].isupper() and rest[:1].islower():
        rest = rest[0].upper() + rest[1:]
    d.body = pre + rest


def agree_article(d: Draft) -> None:
    """Pass 4: a/an before the joint agrees with the word after it (the joint as pass 1 left it)."""
    body, n = d.body, len(d.left)
    m = re.search(r"\b([Aa]n?)(\s+)$", body[:n])
    if not m:
        return
    nxt = re.match(r"[A-Za-z]+", body[n:])
    if nxt:
        art = _an(nxt.group(0))
        if m.group(1)[0] == "A":
            art = art.capitalize()
        d.body = body[: m.start(1)] + art + body[m.end(1):]


def swap_end_mark(d: Draft) -> None:
    """Pass 5: the end mark follows the new mood (a statement frame that became a question, or
    the reverse): the whole run of marks ("!!", "...", "?!") before closing quotes or brackets."""
    if not d.mood:
        return
    m = re.search(r"([.!?\u2026]*)([\"'\u201d\u2019)\]]*)(\s*)$", d.body)
    core, marks, closers, tail = d.body[: m.start()], m.group(1), m.group(2), m.group(3)
    if d.mood == "question" and "?" not in marks:
        d.body = core + closers + "?" + tail
    elif d.mood == "statement" and "?" in marks:
        d.body = core + closers + "." + tail


def repair(old: str, new: str, edit_start: int, joint: int, mood: str | None = None) -> str | None:
    """Repair sentence `new`, made from `old` by an edit over new[edit_start:joint].

    Returns None when the sentence would be left with no words.
    """
    lead = min(len(old) - len(old.lstrip()), edit_start)  # the sentence's own indentation stays
    d = Draft(old, new[:lead], new[lead:], max(edit_start - lead, 0), mood=mood)
    tidy_joint(d, max(joint - lead, d.es))
    close_sentence_end(d)
    restore_sentence_start(d)
    if not _WORD.search(d.body):
        return None
    agree_article(d)
    swap_end_mark(d)
    return d.head + d.body


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
