"""The REGEX values of rule patterns, checked when a rule loads: each must compile, and none may
nest a repeat inside a repeat or repeat a choice ("(a+)+", "(\\w+\\s?)*", "(a|ab)+"), the shapes
that make a backtracking regex take exponential time on a short word. A possessive repeat
("(?:a|ab)++", "(a+)++") or an atomic group never backtracks, so it is allowed."""
from __future__ import annotations

import re

try:
    import re._parser as _parser  # type: ignore[import-not-found]
    from re import _constants as _c  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python < 3.11
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]

_REPEATS = (_c.MAX_REPEAT, _c.MIN_REPEAT)


def regex_problem(value) -> str | None:
    """Why `value` cannot be a rule's REGEX, or None when it can."""
    if not isinstance(value, str):
        return "must be a string"
    try:
        re.compile(value)
        tree = _parser.parse(value)
    except (re.error, RecursionError, OverflowError) as err:
        return f"is not a valid regular expression ({err})"
    if _risky(tree, inside_repeat=False):
        return ("can take exponential time: it repeats a repeat or a choice (as in '(a+)+' or '(a|ab)*'); "
                "write it without the nesting, or make the outer repeat possessive ('++', '*+')")
    return None


def _risky(seq, inside_repeat: bool) -> bool:
    """True when a repeat holds another repeat or a choice (a backtracking engine may then try
    exponentially many ways). POSSESSIVE_REPEAT and ATOMIC_GROUP never backtrack: whatever they
    hold is bounded, so they are not looked into."""
    for op, av in seq:
        if op in _REPEATS:
            repeats = av[1] is _c.MAXREPEAT or av[1] > 1
            if (repeats and inside_repeat) or _risky(av[2], inside_repeat or repeats):
                return True
        elif op is _c.BRANCH and inside_repeat:
            return True
        elif any(_risky(part, inside_repeat) for part in _parts(op, av)):
            return True
    return False


def _parts(op, av) -> list:
    """The sub-sequences of a parsed item other than a repeat's body: a choice's alternatives, a
    group's body, a look-around's body, a conditional's branches."""
    if op is _c.BRANCH:
        return list(av[1])
    if op is _c.SUBPATTERN:
        return [av[-1]]
    if op in (_c.ASSERT, _c.ASSERT_NOT):
        return [av[1]]
    if op is _c.GROUPREF_EXISTS:
        return [b for b in av[1:] if b]
    return []


def regex_values(attrs: dict):
    """Every REGEX value in a token's attributes ({"TEXT": {"REGEX": ...}}, {"LOWER": {"REGEX": ...}})."""
    for key, value in attrs.items():
        if key == "REGEX":
            yield value
        elif isinstance(value, dict) and "REGEX" in value:
            yield value["REGEX"]
