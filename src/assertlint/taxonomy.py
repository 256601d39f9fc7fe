"""The closed vocabularies: categories, styles, severities, applicabilities.

The category and style names are a public contract (see TAXONOMY.md in the docs).
"""
from __future__ import annotations

from enum import IntEnum

STYLE_OF: dict[str, str] = {
    "judging": "aggressive",
    "threat": "aggressive",
    "stonewalling": "aggressive",
    "confidence-breach": "aggressive",
    "boundary-violation": "aggressive",
    "passive-aggressive": "passive-aggressive",
    "hedge": "passive",
    "minimizer": "passive",
    "apology": "passive",
    "permission-seeking": "passive",
    "self-deprecation": "passive",
    "validation-seeking": "passive",
}
CATEGORIES: tuple[str, ...] = tuple(STYLE_OF)
STYLES: tuple[str, ...] = ("aggressive", "passive-aggressive", "passive")

# Rule id prefix for each category: ids read like HDG001, JDG002.
PREFIX_OF: dict[str, str] = {
    "judging": "JDG",
    "threat": "THR",
    "stonewalling": "STW",
    "confidence-breach": "CNF",
    "boundary-violation": "BND",
    "passive-aggressive": "PAG",
    "hedge": "HDG",
    "minimizer": "MIN",
    "apology": "APO",
    "permission-seeking": "PRM",
    "self-deprecation": "SDP",
    "validation-seeking": "VAL",
}

# Categories whose findings in one sentence merge into one finding ("one finding per clause,
# however many hedges are stacked in it").
MERGE_PER_SENTENCE: frozenset[str] = frozenset({"hedge", "minimizer"})


class Severity(IntEnum):
    info = 1
    warning = 2
    error = 3


SEVERITIES: tuple[str, ...] = tuple(s.name for s in Severity)

APPLICABILITIES: tuple[str, ...] = ("safe", "unsafe", "display-only")
