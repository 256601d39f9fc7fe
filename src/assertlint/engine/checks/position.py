"""context.position: the match must start the sentence, be the whole sentence, or be the whole
message (all the writer says in the input: "LOL" as the entire reply)."""
from __future__ import annotations

from . import choice
from .. import context as ctx

KEY = "position"
VALUES = ("any", "sentence-start", "whole-sentence", "whole-message")
DEFAULT = "any"
NOOP = "any"
ORDER = 60
parse = choice(KEY, VALUES)

# A message is short: past this many characters of other text, the match is not all it says
# (and the check stays a bounded step on a large file full of matches).
MAX_REST = 4096


def keep(m, value) -> bool:
    if value == "sentence-start":
        return ctx.at_sentence_start(m.sent, m.start)
    if value == "whole-message":
        return _whole_message(m)
    return ctx.whole_sentence(m.sent, m.start, m.end)


# Words a chat reply is padded with that add nothing to what it says ("nobody cares bro 💀", "who asked
# lol"): a match with only these (or emoji) around it is still the whole message.
CHATTER = frozenset("""
bro bruh bruv dude man mate fam sis buddy pal kiddo chief lol lmao lmfao rofl fr tbh ngl smh srsly
honestly seriously literally tho though
""".split())


def _whole_message(m) -> bool:
    """Is the match all the writer says? Nothing else in its parse unit or its block, and nothing
    else in the input but blank lines, quoted lines ("> what they wrote") and @handles. (Without
    the block and the input, it cannot be known.)"""
    if m.block is None or m.prose is None or m.source is None:
        return False
    outside = [t for t in m.doc if not m.start <= t.i < m.end and _says_something(t)]
    if not ctx.whole_sentence(outside, -1, -1):
        return False
    before = m.block[:m.base].split()  # the @handles the unit starts after (and marks respell set off)
    if not all(w.startswith("@") or not any(c.isalnum() for c in w) for w in before):
        return False
    if m.block[m.base + len(m.doc.text):].strip():
        return False
    a, b = m.prose.source_start(0), m.prose.source_end(len(m.block))
    source = m.source
    if a + len(source) - b > MAX_REST:
        return False
    return _only_quotes_and_handles(source[:a]) and _only_quotes_and_handles(source[b:])


def _says_something(tok) -> bool:
    """A token that is more than padding: not an @handle, not chat filler, not an emoji or mark."""
    return not tok.text.startswith("@") and tok.lower_ not in CHATTER and any(c.isalnum() for c in tok.text)


def _only_quotes_and_handles(text: str) -> bool:
    for line in text.splitlines():
        words = line.split()
        if words and not words[0].startswith(">") and not all(w.startswith("@") for w in words):
            return False
    return True
