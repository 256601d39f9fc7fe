"""context.subject: the person of the clause's subject must be one of these (first, second,
third, none for an imperative)."""
from __future__ import annotations

from .. import context as ctx

KEY = "subject"
PERSONS = ("first", "second", "third", "none")
DEFAULT = ()
NOOP = ()
ORDER = 30


def parse(value, fail, lexicons):
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or any(s not in PERSONS for s in value):
        raise fail(f"context.subject must list some of {', '.join(PERSONS)}")
    return tuple(value)


def keep(m, value) -> bool:
    return ctx.subject_person(m.verb) in value
