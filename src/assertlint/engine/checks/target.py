"""context.target: what the evaluative word must be aimed at (engine/target.py sorts it into
reader, person, work, pointer, addressed, artifact, named, self, thing, label, exclamation,
epithet or none; a rule that accepts "pointer" accepts "addressed", and one that accepts
"exclamation" accepts "epithet"). The word is the span's
root, or the token `context.focus` names. An exclamation right after a sentence that opens with the
writer and names nobody else ("I forgot to push the fix. Pathetic.") counts as "self"."""
from __future__ import annotations

from ..context import SECOND
from ..target import BROADER, CLASSES, target_class
from .after import opening, previous_sentence

KEY = "target"
DEFAULT = ()
NOOP = ()
ORDER = 80


def parse(value, fail, lexicons):
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value or any(t not in CLASSES for t in value):
        raise fail(f"context.target must list some of {', '.join(CLASSES)}")
    return tuple(value)


def keep(m, value) -> bool:
    focus_name = m.context.get("focus") if m.context is not None else None
    focus = m.doc[m.refs[focus_name]] if focus_name in m.refs else m.root
    found = target_class(focus)
    if found in ("exclamation", "epithet") and _after_own_deed(m):
        found = "self"
    elif found == "epithet" and _answers_question(m):
        found = "none"
    return found in value or BROADER.get(found) in value


_WRITER = frozenset({"i", "i'm", "im", "i've", "ive", "i'd", "id", "my", "we", "we're", "we've", "our", "me", "myself"})
# anyone else named in the sentence before makes the outburst theirs to take ("I asked you three
# times. Pathetic.", "I told him three times. Pathetic.")
_OTHERS = SECOND | frozenset({
    "your", "ur", "you're", "youre", "you've", "youve", "you'd", "youd", "you'll", "youll", "yours", "y",
    "he", "she", "they", "him", "her", "them", "his", "their", "he's", "she's", "they're",
})


def _after_own_deed(m) -> bool:
    """"I forgot to push the fix before the demo. Pathetic.": an outburst right after a sentence
    that opens with the writer and names nobody else is self-criticism, so the exclamation counts
    as "self" ("I asked you three times. Pathetic." is not)."""
    if m.block is None:
        return False
    said = opening(previous_sentence(m.block, m.base + m.sent.start_char))
    return bool(said) and said[0] in _WRITER and _OTHERS.isdisjoint(said)


def _answers_question(m) -> bool:
    """"What lives under the bridge in the fairy tale? Troll.": a noun standing alone right after
    a question that asks what or which thing it is answers it. Not after a question that names
    someone here ("What did you even test? Troll.") or asks anything else ("Who approved this?
    Idiots.", "Why is he still posting? Troll.")."""
    if m.block is None:
        return False
    asked = previous_sentence(m.block, m.base + m.sent.start_char).rstrip()
    words = opening(asked)
    if words[:1] == ["so"]:
        words = words[1:]
    return asked.endswith("?") and bool(words) and words[0] in _WHAT and _OTHERS.isdisjoint(words)


_WHAT = frozenset({"what", "what's", "whats", "which"})
