"""context.target: what the evaluative word must be aimed at (engine/target.py sorts it into
reader, person, work, pointer, addressed, artifact, named, self, thing, label, exclamation or
none; a rule that accepts "pointer" accepts "addressed"). The word is the span's
root, or the token `context.focus` names."""
from __future__ import annotations

from ..target import BROADER, CLASSES, target_class

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
    return found in value or BROADER.get(found) in value
