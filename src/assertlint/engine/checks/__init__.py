"""The context checks a rule's [context] table can ask for: one module per check.

Each module in this package declares
    KEY      the [context] key ("negated")
    DEFAULT  the value a rule gets when it does not set the key
    NOOP     the value that means "do not check" (the check is skipped for it)
    ORDER    when it runs (cheap checks first; results never depend on the order)
    parse(value, fail, lexicons) -> value   validates a rule file's value (fail(msg) raises)
    keep(match, value) -> bool              True to keep the match (a MatchContext)
and is found by `registry()`: adding a check is adding one module here.
"""
from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache
from types import ModuleType


@lru_cache(maxsize=1)
def registry() -> dict[str, ModuleType]:
    """KEY -> check module, in ORDER."""
    mods = []
    for info in pkgutil.iter_modules(__path__):
        if info.name.startswith("_"):
            continue
        mod = importlib.import_module(f"{__name__}.{info.name}")
        mods.append(mod)
    mods.sort(key=lambda m: (m.ORDER, m.KEY))
    return {m.KEY: m for m in mods}


def choice(key: str, values: tuple[str, ...]):
    """A parse() for a key whose value is one of `values`."""

    def parse(value, fail, lexicons):
        if value not in values:
            raise fail(f"context.{key} must be one of {', '.join(values)}")
        return value

    return parse


def active(context) -> tuple[tuple[ModuleType, object], ...]:
    """The (check, value) pairs a rule's context asks for, skipping the no-op values."""
    out = []
    for key, mod in registry().items():
        value = context.get(key, mod.DEFAULT)
        if value != mod.NOOP:
            out.append((mod, value))
    return tuple(out)


class WordSet(frozenset):
    """A frozenset whose repr lists its words sorted: a rule's repr feeds the result cache's
    fingerprint (cache.py), and a plain set's repr follows the per-process string hash."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"WordSet({sorted(self)!r})"


def words(key: str, what: str = "words"):
    """A parse() for a key whose value is a non-empty list of words or phrases ("$lexicon"
    allowed): the entries, lower-cased."""

    def parse(value, fail, lexicons):
        from ...ruleset.lexicon import expand

        found = expand(value, fail, lexicons or {})
        if not isinstance(found, list) or not found or not all(isinstance(w, str) and w.strip() for w in found):
            raise fail(f"context.{key} must be a non-empty list of {what}")
        return [w.lower() for w in found]

    return parse


def single_words(key: str):
    """A parse() for a key whose value is a non-empty list of single words ("$lexicon" allowed): a
    WordSet of them, lower-cased."""
    parse_words = words(key, "single words")

    def parse(value, fail, lexicons):
        found = parse_words(value, fail, lexicons)
        if any(" " in w for w in found):
            raise fail(f"context.{key} must be a non-empty list of single words")
        return WordSet(found)

    return parse
