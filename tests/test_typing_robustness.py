"""How people really type: repeated letters, digits and symbols for letters, masked swear words,
ALL CAPS, missing apostrophes, no final punctuation, lower-case "i", "u" for "you". The same
message typed carefully and typed carelessly gets the same category."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

import assertlint

ROOT = Path(__file__).resolve().parent.parent

CASES = [
    # (carefully typed, carelessly typed, category)
    ("You're an idiot.", "youre an idiot", "judging"),
    ("You're an idiot.", "ur an idiot", "judging"),
    ("What a moron.", "what a m0r0n", "judging"),
    ("You are so stupid.", "u r sooo stuuupid", "judging"),
    ("Your code is garbage.", "YOUR CODE IS GARBAGE", "judging"),
    ("Don't be stupid.", "dont be stupid", "judging"),
    ("I'm not reviewing this shit again.", "im not reviewing this sh*t again", "judging"),
    ("I'm done talking to you.", "im done talking to u", "stonewalling"),
    ("Fix it or I'm leaving.", "fix it or im leaving", "threat"),
    ("I'm sorry you feel that way.", "sorry u feel that way", "passive-aggressive"),
    ("Does that make sense?", "does that make sense", "validation-seeking"),
    ("As I already said, the deadline is Friday.", "as i already said the deadline is friday", "passive-aggressive"),
    ("Who asked you?", "who asked u", "judging"),
    ("You're so stupid it hurts.", "ur so st00pid it hurts", "judging"),
    ("You're a joke.", "ur a joke", "judging"),
    # a phrase rule spelled with apostrophes, typed without them or with other apostrophes
    ("I don't want to hear it.", "i dont want to hear it", "stonewalling"),
    ("I don't want to hear it.", "I don\u2019t want to hear it.", "stonewalling"),
    ("I don't want to hear it.", "I don\u00b4t want to hear it.", "stonewalling"),
    ("You're being ridiculous.", "You\u2019re being ridiculous.", "judging"),
    # "you're" mistyped in ways no other word is spelled
    ("You're being ridiculous.", "you'e being ridiculous", "judging"),
    ("You're so lazy.", "your'e so lazy", "judging"),
    ("I DON'T WANT TO HEAR IT", "I DON\u2019T WANT TO HEAR IT", "stonewalling"),
    # no final stop: the tagger reads the last word as it reads it in a closed sentence
    ("Stop it, you pig.", "stop it, you pig", "judging"),
    ("Honestly you're just whiny.", "honestly you're just whiny", "judging"),
    # ... and the gate reads the block with that stop too: a rule that ends on the mark still runs
    ("Triggered much?", "triggered much", "judging"),
    ("Typical.", "typical", "judging"),
    # a question typed without its "?" after a chat opener or after a comma is still a question
    ("Honestly, how do you not know this?", "honestly how do you not know this", "judging"),
    ("No reply, no fix. What kind of support is that?", "no reply, no fix, what kind of support is that", "judging"),
    ("Here's the plan. Does that make sense?", "here's the plan, does that make sense", "validation-seeking"),
]


@pytest.mark.parametrize("careful,careless,category", CASES)
def test_careless_typing_gets_the_same_category(careful, careless, category):
    for text in (careful, careless):
        got = {f.category for f in assertlint.check(text)}
        assert category in got, (text, got)


@pytest.mark.parametrize("text", [
    "i dont think the build is broken, i just restarted it",
    "here's the plan, when you have time have a look",
    "ok, what we need is a second reviewer",
    "im not sure what u mean by the second step",
    "THE BUILD IS GREEN AGAIN",
    "k8s 1.29 and mp3 files r fine",
    "fix ur code so it builds, then ur done",
    "you'e welcome to join the call, your'e all invited",
])
def test_careless_typing_alone_is_not_a_finding(text):
    got = {f.category for f in assertlint.check(text) if f.style == "aggressive"}
    assert not got, (text, got)


def test_the_gate_knows_every_split_the_tokenizer_makes():
    """engine/contractions.py is generated from spaCy's tokenizer exceptions; it must match the
    installed spaCy, or the gate could skip a sentence a rule matches ("dont" -> "do" + "nt")."""
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "gen_contractions.py"), "--check"], capture_output=True, text=True)
    assert proc.returncode == 0, "src/assertlint/engine/contractions.py is stale: run scripts/gen_contractions.py"


def test_a_curly_apostrophe_is_read_straight_and_reported_as_typed():
    """The parser reads "don’t" as "don't" (one character for one), so the finding points at
    exactly what was typed, curly apostrophe included."""
    text = "Well. I don\u2019t want to hear it."
    found = [f for f in assertlint.check(text) if f.category == "stonewalling"]
    assert found, text
    f = found[0]
    assert text[f.start : f.end] == f.text and "\u2019" in f.text, (f.start, f.end, f.text)


def test_only_apostrophes_inside_contractions_are_straightened():
    from assertlint.source.prose import Prose
    from assertlint.source.respell import straighten

    text = "\u2018Fine,\u2019 she said. It\u2019s O\u2019Brien\u2019s call."
    prose = Prose()
    prose.copy(text, 0, len(text))
    assert straighten(prose).text == "\u2018Fine,\u2019 she said. It's O\u2019Brien's call."


def test_a_hyphenated_lexicon_word_is_matched_whole_and_reported_as_typed():
    """The tokenizer splits "brain-dead" at the hyphen; the rules name it whole, so the matcher
    merges the pieces first (engine/compile.py), and the finding covers the whole word."""
    text = "Honestly, you're brain-dead."
    found = [f for f in assertlint.check(text) if f.category == "judging"]
    assert found and any(text[f.start:f.end] == "brain-dead" for f in found), [(f.rule, f.text) for f in found]
    # spaced out it is another thing: a dash between words, not the word
    assert not [f for f in assertlint.check("The brain - dead simple - parser is fast.") if f.category == "judging"]


def test_a_phrase_with_a_hyphenated_word_a_token_pattern_names_still_matches(tmp_path):
    """Once a token pattern names "first-year", the text's "first", "-", "year" are merged into one
    token before matching; a phrase holding the same word must be merged alike or it never matches."""
    from assertlint.engine.compile import hyphenated_words
    from assertlint.ruleset import load_rules

    rules = load_rules()
    words = hyphenated_words(rules)
    phrases = [(r.id, v) for r in rules for p in r.patterns if p.kind == "phrases" for v in p.value
               if any(w in v.lower() for w in words if "-" in w)]
    assert phrases, "no phrase holds a hyphenated word that a token pattern names"
    misses = []
    for rule_id, phrase in phrases[:40]:
        if not any(f.rule == rule_id for f in assertlint.check(phrase + " here.")):
            misses.append((rule_id, phrase))
    # a phrase may still be vetoed by its rule's own context checks; most must match
    assert len(misses) <= len(phrases[:40]) // 4, misses


def test_every_hyphenated_word_the_rules_name_is_collected():
    from assertlint.engine.compile import hyphenated_words
    from assertlint.ruleset import load_rules

    words = hyphenated_words(load_rules())
    assert {"brain-dead", "half-baked", "passive-aggressive"} <= words
    assert all("-" in w and w == w.lower() for w in words)


@pytest.mark.parametrize("text", ["stop it, you pig", "stop it, you pig  ", "ok.\n\nstop it, you pig"])
def test_a_block_without_a_final_stop_is_reported_inside_the_text(text):
    """The parser reads such a block with a full stop after it (engine/linter.py: _closed); the
    stop stands for nothing, so a finding that reaches it ends at the last character typed."""
    found = [f for f in assertlint.check(text) if f.category == "judging"]
    assert found, text
    for f in found:
        assert 0 <= f.start < f.end <= len(text.rstrip()) and text[f.start:f.end] == f.text, (f.start, f.end, f.text)
    assert assertlint.fix(text, unsafe=True).rstrip().endswith("pig") or "pig" not in assertlint.fix(text, unsafe=True)


_AGGRESSIVE_PACKS = ("JDG", "THR", "STW", "CNF", "BND", "PAG")
_CARELESS = {
    # variant: (how it is typed, share of the rule's flag examples that must still get the rule)
    "lower case, no final stop": (lambda t: re.sub(r"[.!]+$", "", t.strip()).lower(), 0.98),
    "no apostrophes": (lambda t: re.sub(r"(\w)'(\w)", r"\1\2", t), 0.95),
    "u and ur": (lambda t: re.sub(r"\byou\b", "u", re.sub(r"\byour\b", "ur", t, flags=re.I), flags=re.I), 0.98),
    "all capitals": (str.upper, 0.98),
    "an @handle first": (lambda t: "@sam " + t, 0.98),
    "between other sentences": (lambda t: "Ok so I read the thread. " + t + " Anyway, moving on.", 0.99),
    "an opener first": (lambda t: "Dude, " + t[0].lower() + t[1:], 0.98),
    "an opener with no comma": (lambda t: "Honestly " + t[0].lower() + t[1:], 0.98),
    "lol after": (lambda t: re.sub(r"[.!]+$", "", t.strip()) + " lol", 0.98),
    "shouted end marks": (lambda t: re.sub(r"[.!]+$", "", t.strip()) + "!!!", 0.98),
    "contractions spelled out": (lambda t: re.sub(r"\b(I'm|I'll|don't|you're|can't|won't)\b", lambda m: {
        "I'm": "I am", "I'll": "I will", "don't": "do not", "you're": "you are", "can't": "cannot", "won't": "will not"}[m.group()], t), 0.97),
    "a name last": (lambda t: t.strip()[:-1] + ", Sam?" if t.strip().endswith("?") else re.sub(r"[.!]+$", "", t.strip()) + ", Sam.", 0.98),
    "going to for will": (lambda t: re.sub(r"\bI'll\b", "I'm going to", re.sub(r"\byou'll\b", "you're gonna", t)), 0.97),
}


def test_rule_examples_survive_careless_typing(rules):
    """Every aggressive and passive-aggressive rule's own flag examples, typed the ways people type
    (engine/linter.py and source/respell.py undo them), still get the rule's category."""
    # (a rule that reads the whole paragraph, "LOL" as the entire reply, is out: words around its
    # example make it a different message, which is the point of the rule)
    pairs = [(r.category, ex) for r in rules if r.id[:3] in _AGGRESSIVE_PACKS
             and r.context.get("position") != "whole-message" for ex in r.examples.flag]
    for name, (typed, share) in _CARELESS.items():
        todo = [(cat, typed(ex)) for cat, ex in pairs if typed(ex) != ex]
        found = assertlint.check_many([text for _, text in todo])
        lost = [text for (cat, text), fs in zip(todo, found) if not any(f.category == cat for f in fs)]
        assert len(lost) <= (1 - share) * len(todo), (name, len(lost), len(todo), lost[:10])
