"""Every regular expression assertlint runs grows linearly with its input: each module-level
pattern in src/ (the trigger gate's regexes, on RE2, have their own test: test_gate_growth.py) is
timed on adversarial inputs (runs and alternations of the characters and literal pieces the pattern itself
names, with failing tails, and its literals in order, each repeated) of 500 and 5,000 characters;
10x the input may cost at most ~30x the time (see regex_growth.py)."""
from __future__ import annotations

import re

import pytest

from regex_growth import adversarial, growth_failures, module_patterns

PATTERNS = module_patterns()


def test_the_walk_finds_the_patterns_it_must():
    names = set(PATTERNS)
    for must in ("assertlint.source.formats.markdown.INLINE.full", "assertlint.source.formats.email.INLINE.no_at",
                 "assertlint.source.formats.rst.INLINE.fallback", "assertlint.source.respell._SHOUT",
                 "assertlint.engine.linter._SENTENCE_END"):
        assert must in names, must
    assert len(PATTERNS) >= 40


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_module_pattern_grows_linearly(name):
    bad = growth_failures(PATTERNS[name])
    assert not bad, f"{name} ({PATTERNS[name].pattern[:120]!r}) grows superlinearly: {bad}"


@pytest.mark.parametrize("pattern", [
    r"(?P<code>(?P<ticks>`+)(?:(?!(?P=ticks)).)+?(?P=ticks))",  # the old code-span regex: cubic
    r"<!--.*?-->",  # the old comment regex: quadratic on unclosed comments
    r"<(?:https?|ftp|mailto):[^>\s]*>",  # the old autolink regex: quadratic on '<http:' floods
    r"([^\W\d_][\w'’-]*)[ \t]*$",  # the old last-word regex: quadratic on a long word
])
def test_the_harness_catches_known_blowups(pattern):
    assert growth_failures(re.compile(pattern), most=1), pattern


def test_adversarial_inputs_include_the_pattern_pieces_in_order():
    labels = [label for label, _ in adversarial(re.compile(r"put\s.*?i\s.*?feel"), 100)]
    assert "ordered[:3]" in labels
