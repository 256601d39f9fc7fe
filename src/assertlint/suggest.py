""""Did you mean ...?" for names a user mistyped (config keys, rule ids, rule names)."""
from __future__ import annotations

import difflib
from collections.abc import Iterable


def did_you_mean(word: str, known: Iterable[str], *, upper: bool = False) -> str:
    """'; did you mean 'X'?' for the closest known name, or '' when nothing is close."""
    known = list(dict.fromkeys(known))
    probe = word.upper() if upper else word
    table = {(k.upper() if upper else k): k for k in known}
    close = difflib.get_close_matches(probe, list(table), n=1, cutoff=0.6)
    return f"; did you mean {table[close[0]]!r}?" if close else ""
