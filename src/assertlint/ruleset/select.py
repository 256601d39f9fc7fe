"""--select / --ignore: rule ids, id prefixes, category names or style names."""
from __future__ import annotations

from ..errors import UnknownRuleError
from ..taxonomy import CATEGORIES, STYLES
from .model import Rule


def _matches(rule: Rule, selector: str) -> bool:
    s = selector.strip()
    if s in CATEGORIES:
        return rule.category == s
    if s in STYLES:
        return rule.style == s
    if s.upper() == "ALL":
        return True
    return rule.id.upper().startswith(s.upper()) or rule.name == s


def _check(rules: list[Rule], selectors: list[str]) -> None:
    for s in selectors:
        if not any(_matches(r, s) for r in rules):
            raise UnknownRuleError(
                f"{s!r} matches no rule id, id prefix, rule name, category or style (see --list-rules)"
            )


def select_rules(rules: list[Rule], select: list[str] | None = None, ignore: list[str] | None = None) -> list[Rule]:
    select = [s for s in (select or []) if s.strip()]
    ignore = [s for s in (ignore or []) if s.strip()]
    _check(rules, select + ignore)
    chosen = [r for r in rules if not select or any(_matches(r, s) for s in select)]
    return [r for r in chosen if not any(_matches(r, s) for s in ignore)]
