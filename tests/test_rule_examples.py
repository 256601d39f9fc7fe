"""Every rule's own examples: `flag` texts must trigger it, `clean` texts must not.

Each example is checked twice: with the rule alone (the rule's own logic) and, for `flag`, with
every rule on (the finding survives merging and suppression, in this rule's category).
"""
from __future__ import annotations

import pytest

from assertlint.engine.linter import Input
from assertlint.linter import Linter
from assertlint.ruleset import load_rules
from assertlint.ruleset.loader import builtin_rules_dir, load_lexicons

RULES = load_rules()
LEX = load_lexicons(builtin_rules_dir())
_single: dict[str, Linter] = {}


def single(rule) -> Linter:
    if rule.id not in _single:
        _single[rule.id] = Linter([rule], lexicons=LEX)
    return _single[rule.id]


FLAG = [(r, t) for r in RULES for t in r.examples.flag]
CLEAN = [(r, t) for r in RULES for t in r.examples.clean]


def test_every_rule_has_examples_of_both_kinds():
    assert RULES, "no rules were loaded"
    for r in RULES:
        assert r.examples.flag and r.examples.clean, r.id


@pytest.mark.parametrize("rule,text", FLAG, ids=[f"{r.id}-{i}" for i, (r, _) in enumerate(FLAG)])
def test_flag_example_triggers_rule(rule, text, linter):
    alone = single(rule).check([Input("ex.txt", text)])[0]
    assert alone, f"{rule.id} missed its flag example {text!r}"
    every = linter.check([Input("ex.txt", text)])[0]
    assert rule.category in {f.category for f in every}, f"{rule.category} lost with all rules on: {text!r}"
    for f in every:
        assert text[f.start : f.end] == f.text


@pytest.mark.parametrize("rule,text", CLEAN, ids=[f"{r.id}-{i}" for i, (r, _) in enumerate(CLEAN)])
def test_clean_example_stays_clean(rule, text):
    found = single(rule).check([Input("ex.txt", text)])[0]
    assert not found, f"{rule.id} fired on its clean example {text!r}: {[f.text for f in found]}"
