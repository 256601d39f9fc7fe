"""The rule schema: unknown or missing keys are errors naming the file, the rule and the key."""
from __future__ import annotations

import tomllib

import pytest

from assertlint.errors import RuleError
from assertlint.ruleset import load_rules, select_rules
from assertlint.ruleset.loader import parse_rule
from assertlint.taxonomy import CATEGORIES, PREFIX_OF

GOOD = """
id = "XYZ001"
name = "demo-rule"
category = "hedge"
severity = "info"
message = "m"
why = "w"
use_instead = "u"
[[patterns]]
phrases = ["kind of"]
[[suggestions]]
replacement = ""
applicability = "safe"
description = "d"
[examples]
flag = ["It is kind of late."]
clean = ["What kind of tree is it?"]
"""


def parse(text: str):
    return parse_rule(tomllib.loads(text), "demo.toml")


def test_good_rule_parses():
    r = parse(GOOD)
    assert r.id == "XYZ001" and r.style == "passive" and r.fix == "safe"


@pytest.mark.parametrize(
    "change,expect",
    [
        (("severity = \"info\"", "severity = \"info\"\ncolour = \"red\""), "unknown key 'colour'"),
        (("category = \"hedge\"", "category = \"hedging\""), "unknown category 'hedging'"),
        (("message = \"m\"\n", ""), "missing required key 'message'"),
        (("severity = \"info\"", "severity = \"fatal\""), "unknown severity"),
        (("clean = [\"What kind of tree is it?\"]", "clean = []"), "examples.clean must be a non-empty list"),
        (("replacement = \"\"", "replacement = \"<day>\""), "display-only"),
        (("phrases = [\"kind of\"]", "phrases = [\"kind of\"]\ntokens = [{LOWER = \"x\"}]"), "exactly one of"),
        (("[[suggestions]]", "[context]\nloudness = 3\n[[suggestions]]"), "unknown context key 'loudness'"),
        (("phrases = [\"kind of\"]", "tokens = [{LOWR = \"x\"}]"), "unknown token attribute 'LOWR'"),
        (("[[suggestions]]", "[context]\nafter_lacks = [\"you and i\"]\n[[suggestions]]"), "context.after_lacks must be a non-empty list of single words"),
        (("[[suggestions]]", "[context]\nafter_has = []\n[[suggestions]]"), "context.after_has must be a non-empty list"),
    ],
)
def test_bad_rule_is_an_error_naming_file_rule_and_key(change, expect):
    bad = GOOD.replace(*change)
    assert bad != GOOD
    with pytest.raises(RuleError) as err:
        parse(bad)
    msg = str(err.value)
    assert msg.startswith("demo.toml: rule XYZ001:"), msg
    assert expect in msg


def test_builtin_rules_cover_every_category_twice(rules):
    for cat in CATEGORIES:
        assert sum(r.category == cat for r in rules) >= 2, f"fewer than two rules in {cat}"


def test_builtin_ids_use_category_prefix_and_are_unique(rules):
    ids = [r.id for r in rules]
    assert len(ids) == len(set(ids))
    for r in rules:
        assert r.id.startswith(PREFIX_OF[r.category]), r.id


def test_every_rule_offers_a_suggestion(rules):
    assert all(r.suggestions for r in rules)


def test_select_and_ignore(rules):
    assert {r.category for r in select_rules(rules, ["passive"])} <= {
        "hedge", "minimizer", "apology", "permission-seeking", "self-deprecation", "validation-seeking"
    }
    assert all(r.category != "hedge" for r in select_rules(rules, [], ["hedge"]))
    one = rules[0]
    assert [r.id for r in select_rules(rules, [one.id])] == [one.id]
    assert all(not r.id.startswith("JDG") for r in select_rules(rules, ["ALL"], ["JDG"]))


def test_unknown_selector_is_an_error(rules):
    from assertlint.errors import UnknownRuleError

    with pytest.raises(UnknownRuleError):
        select_rules(rules, ["NOPE999"])
