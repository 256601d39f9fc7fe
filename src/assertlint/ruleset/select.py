"""--select / --ignore: rule ids, id prefixes, category names or style names."""
from __future__ import annotations

from ..errors import UnknownRuleError
from ..taxonomy import CATEGORIES, STYLES
from .model import Rule


def code_matches(code: str, *, id: str, name: str, category: str, style: str) -> bool:
    """Does a selector (rule id, id prefix, rule name, category, style or ALL) name this rule?
    One definition for --select/--ignore, config files, per-file ignores and inline directives."""
    s = code.strip()
    if s in CATEGORIES:
        return category == s
    if s in STYLES:
        return style == s
    if s.upper() == "ALL":
        return True
    return id.upper().startswith(s.upper()) or name == s


def _matches(rule: Rule, selector: str) -> bool:
    return code_matches(selector, id=rule.id, name=rule.name, category=rule.category, style=rule.style)


def _check(rules: list[Rule], selectors: list[str]) -> None:
    for s in selectors:
        if not any(_matches(r, s) for r in rules):
            from ..suggest import did_you_mean

            known = [r.id for r in rules] + [r.name for r in rules] + list(CATEGORIES) + list(STYLES)
            hint = did_you_mean(s, known)
            raise UnknownRuleError(
                f"{s!r} matches no rule id, id prefix, rule name, category or style{hint} (see --list-rules)"
            )


def select_rules(rules: list[Rule], select: list[str] | None = None, ignore: list[str] | None = None) -> list[Rule]:
    select = [s for s in (select or []) if s.strip()]
    ignore = [s for s in (ignore or []) if s.strip()]
    _check(rules, select + ignore)
    chosen = [r for r in rules if not select or any(_matches(r, s) for s in select)]
    return [r for r in chosen if not any(_matches(r, s) for s in ignore)]
