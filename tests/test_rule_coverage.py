"""Every rule's examples exercise all of the rule: each pattern is reached by one of its `flag`
examples, and each exception meets, in one of its `clean` examples, a match it cancels.

test_rule_examples.py proves that the examples come out right; this proves that they test
something. A pattern no flag example reaches may be dead (a word the tokenizer never produces as
one token, an exception of the same rule that always cancels it) and nothing would notice; an
exception no clean example needs may cancel nothing, or cancel far more than its comment says,
and nothing would notice either. "Reached" means the pattern's matcher matched in the example,
whatever the checks then decided (test_rule_examples.py checks the outcome); "used" means the
exception overlapped a match of one of the rule's patterns in the example. That shows what the
exception is for; the slower test at the end also proves an example needs it: removing the
exception flags one of the clean examples it overlaps (another exception or a check may reject the
same match too, and then nothing shows what the exception guards).
"""
from __future__ import annotations

import os
from dataclasses import replace

import pytest

from assertlint.engine.compile import CompiledRules
from assertlint.engine.linter import Input
from assertlint.linter import Linter
from assertlint.ruleset import load_rules
from assertlint.ruleset.loader import builtin_rules_dir, load_lexicons
from assertlint.ruleset.model import Pattern

RULES = load_rules()
LEX = load_lexicons(builtin_rules_dir())


class _Recording(CompiledRules):
    """The rule's matchers, keeping every raw match they return."""

    def __init__(self, rules, nlp) -> None:
        super().__init__(rules, nlp)
        self.seen: list = []

    def __call__(self, doc, only=None):
        out = super().__call__(doc, only)
        self.seen.extend(out)
        return out


_linters: dict = {}  # id(rule) -> (its lone linter, that linter's recording matchers); the linter keeps the rule alive


def _raw_matches(rule, text: str) -> list:
    """Every raw match the rule's matchers return while the rule alone checks `text`."""
    if id(rule) not in _linters:
        linter = Linter([rule], lexicons=LEX)
        recording = _Recording(linter.engine.rules, linter.engine.nlp)
        linter.engine._compiled = recording
        _linters[id(rule)] = (linter, recording)
    linter, recording = _linters[id(rule)]
    recording.seen = []
    linter.check([Input("ex.txt", text)])
    return recording.seen


def _where(rule, kind: str, index: int) -> str:
    with open(rule.source, encoding="utf-8") as f:
        lines = f.read().splitlines()
    headers = [n for n, line in enumerate(lines, 1) if line.strip().startswith(f"[[{kind}]]")]
    name = os.path.basename(rule.source)
    return f"{name}:{headers[index]}" if index < len(headers) else name


def _listed(rule, kind: str, indices: list[int], items) -> str:
    return "\n".join(f"  {kind}[{i}] at {_where(rule, kind, i)}: {str(items[i].value)[:160]}" for i in indices)


def unreached_patterns(rule) -> list[int]:
    reached = {m.pattern for text in rule.examples.flag for m in _raw_matches(rule, text) if not m.exception}
    return [i for i in range(len(rule.patterns)) if i not in reached]


def _overlapped(rule) -> dict[int, list[str]]:
    """Exception index -> the clean examples in which it overlaps a match of one of the patterns."""
    out: dict[int, list[str]] = {}
    for text in rule.examples.clean:
        raw = _raw_matches(rule, text)
        spans = [(m.start, m.end) for m in raw if not m.exception]
        for i in dict.fromkeys(m.pattern for m in raw if m.exception and any(s < m.end and m.start < e for s, e in spans)):
            out.setdefault(i, []).append(text)
    return out


def unused_exceptions(rule) -> list[int]:
    used = _overlapped(rule)
    return [i for i in range(len(rule.exceptions)) if i not in used]


def unneeded_exceptions(rule) -> list[int]:
    """Exceptions the rule's clean examples do not need: with the exception removed, none of the
    clean examples it overlaps is flagged (another exception or a check rejects them all)."""
    overlaps = _overlapped(rule)
    out = []
    for i in range(len(rule.exceptions)):
        texts = overlaps.get(i, [])
        if texts:
            without = replace(rule, exceptions=rule.exceptions[:i] + rule.exceptions[i + 1:])
            found = Linter([without], lexicons=LEX).check([Input(f"clean{k}.txt", t) for k, t in enumerate(texts)])
            if any(found):
                continue
        out.append(i)
    return out


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_every_pattern_is_reached_by_a_flag_example(rule):
    missing = unreached_patterns(rule)
    assert not missing, (
        f"{rule.id}: no flag example reaches these patterns; add one that does, or remove the pattern if "
        f"nothing can reach it:\n{_listed(rule, 'patterns', missing, rule.patterns)}")


@pytest.mark.parametrize("rule", [r for r in RULES if r.exceptions], ids=[r.id for r in RULES if r.exceptions])
def test_every_exception_cancels_a_match_in_a_clean_example(rule):
    missing = unused_exceptions(rule)
    assert not missing, (
        f"{rule.id}: these exceptions cancel no match in any clean example; add one that a pattern "
        f"matches and the exception cancels, or remove the exception if it can cancel nothing:\n"
        f"{_listed(rule, 'exceptions', missing, rule.exceptions)}")


def test_the_checks_can_fail():
    """A pattern no example reaches and an exception no example needs are both reported, by index."""
    rule = next(r for r in RULES if r.patterns and r.exceptions and r.examples.flag and r.examples.clean)
    never = Pattern("tokens", ({"LOWER": "zqxjv"}, {"LOWER": "wvkpz"}))
    padded = replace(rule, patterns=(*rule.patterns, never), exceptions=(*rule.exceptions, never))
    assert len(rule.patterns) in unreached_patterns(padded)
    assert len(rule.exceptions) in unused_exceptions(padded)


def test_an_exception_that_duplicates_another_is_reported_as_unneeded():
    """Two copies of a needed exception each cover the other: neither is needed on its own."""
    rule = next(r for r in RULES if r.exceptions and not unneeded_exceptions(r))
    doubled = replace(rule, exceptions=(*rule.exceptions, rule.exceptions[0]))
    missing = unneeded_exceptions(doubled)
    assert 0 in missing and len(rule.exceptions) in missing


@pytest.mark.slow
@pytest.mark.parametrize("rule", [r for r in RULES if r.exceptions], ids=[r.id for r in RULES if r.exceptions])
def test_every_exception_is_needed_by_a_clean_example(rule):
    """Stronger than the test above: removing the exception must let one of its clean examples be
    flagged. An exception that another exception or a check always covers on its examples either
    guards something the examples do not show (add the example) or guards nothing (remove it)."""
    missing = unneeded_exceptions(rule)
    assert not missing, (
        f"{rule.id}: no clean example needs these exceptions (removing one flags none of them); add a "
        f"clean example that only the exception keeps unflagged, or remove the exception:\n"
        f"{_listed(rule, 'exceptions', missing, rule.exceptions)}")
