"""context.banter: "skip" drops a match said with open affection in the same breath, the way
friends tease ("ur such an idiot, i love u", "you're a terrible liar, I knew you'd planned the
party. Love you!"): the text around the match (its block, up to WINDOW characters either
side, so the next sentence counts) holds a marker of affection or of joking among friends ("jk",
"just messing with you", "gg" after a game but not "gg ez", a kiss mark "xx" at the end; a lone "x"
is not one, since it is also a variable or a multiplication). Laughter alone is not one ("lol you're pathetic"
mocks), nor are thanks ("thanks so much, idiot" is sarcasm) or "I love how you ...". Delight ("I love
it") does not soften a word for other people: "these idiots are suing their own town! I love it"
gloats."""
from __future__ import annotations

import re

from . import choice
from ..context import SECOND
from ..target import target_class

KEY = "banter"
VALUES = ("allow", "skip")
DEFAULT = "allow"
NOOP = "allow"
ORDER = 72
parse = choice(KEY, VALUES)

WINDOW = 160
AFFECTION = re.compile(
    r"\b(?:love (?:you|u|ya)|luv (?:you|u|ya)|adore (?:you|u)|proud of (?:you|u|your|ur)(?! \w+ if\b| if\b)|bless (?:him|her|them)(?! heart)|happy birthday(?! to (?:the|that|this)\b)|i love (?:ur|your)\b(?! (?:how|when))"
    r"|ily|ilysm|ilu|affectionately|lovingly|with love|fav(?:ou?rite)? (?:person|human)|bestie"
    r"|we(?:'ve| have) all been there|happens to the best of us|(?:you|u|ya) (?:absolute |total |utter )?legend"
    r"|jk|j/k|just kidding|only kidding|just joking|only joking|just messing(?: with (?:you|u|ya))?|just teasing"
    r"|gg(?! ?ez)|good game|no hard feelings|same time next week)\b|\sxx+(?=\s*$|\s*[!.])"
    r"|<3|\u2764|\U0001F618|\U0001F61A|\U0001F619|\U0001F970|\U0001F60D|\U0001F495|\U0001F496|\U0001F497|\U0001F917|\U0001F49C|\U0001F499|\U0001F49A|\U0001F49B|\U0001F9E1|\U0001F90D|\U0001FA77",
    re.I)


# Delight ("I love it", "love the new haircut") softens a word said to the reader or of a thing
# ("you absolute troll, I love it", "so polite it's ridiculous, I love it"); after a word for other
# people ("these idiots are suing their own town! I love it") it gloats.
DELIGHT = re.compile(r"\b(?:i|we)(?: (?:just|really|absolutely|totally|kinda|kind of|honestly))? love (?:it|the|this|that)\b(?! (?:how|when))"
                     r"|(?:^|[.!?,;]\s*)love it\b", re.I)


def keep(m, value) -> bool:
    if m.block is None:
        text = m.sent.text
    else:
        at = m.base + m.doc[m.start].idx
        end = m.base + m.doc[m.end - 1].idx + len(m.doc[m.end - 1])
        text = m.block[max(0, at - WINDOW) : end + WINDOW]
    if any(_affectionate(text, found) for found in AFFECTION.finditer(text)):
        return False
    return DELIGHT.search(text) is None or _gloating(m)


_DENIED = re.compile(r"(?:(?:\bnot|n't|\bnobody(?: is| was)?|\bno one(?: is| was)?)\s+(?:\w+\s+)?"
                     r"|\bnever(?: been)?\s+(?:(?!(?:so|more|as|ever)\b)\w+\s+)?)$", re.I)


def _affectionate(text: str, found) -> bool:
    """An affection marker, unless denied just before it ("I'm not proud of your behaviour", "nobody is
    proud of your work")."""
    return _DENIED.search(text[max(0, found.start() - 24):found.start()]) is None


_YOURS = SECOND | {"your", "ur", "yours"}


def _gloating(m) -> bool:
    """Is the word aimed at other people or their doings, with no "you" or "your" in its clause
    ("these idiots are suing their own town")? "Your new haircut is ridiculous, I love it" is not."""
    root = m.root
    clause = root.head if root.head.i != root.i else root
    if any(t.lower_ in _YOURS for t in clause.subtree) or any(t.lower_ in _YOURS for t in m.doc[m.start : m.end]):
        return False
    found = target_class(root)
    # a noun of contempt names its own target ("these idiots"); a word on a thing ("this ugly
    # sweater, I love it") is delight in the thing
    return found in ("person", "label", "named") or found == "work" and root.pos_ == "NOUN"
