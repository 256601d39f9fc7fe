"""The trigger gate only skips work: with it, findings are exactly those of parsing every
sentence, on the rule examples, the examples/ folder, the dev set and the benchmark corpus."""
from __future__ import annotations

import json

import pytest

from assertlint.engine.linter import Input
from assertlint.linter import Linter
from assertlint.engine.triggers import Gate, inflections, sentence_words, token_regex
from assertlint.ruleset.model import Pattern
from conftest import EXAMPLES, shared_path


def _same(rules, lexicons, inputs):
    gated = Linter(rules, lexicons=lexicons)
    full = Linter(rules, lexicons=lexicons, gate=False)
    assert not gated.engine.gate.open, f"rules without a literal trigger: {gated.engine.gate.ungated}"
    got, want = gated.check(inputs), full.check(inputs)
    for i, (g, w) in enumerate(zip(got, want)):
        assert g == w, f"gating changed the findings of {inputs[i].path}"
    return gated, full


def test_gate_is_exact_on_rule_examples_and_examples(rules, lexicons):
    texts = [t for r in rules for t in r.examples.flag + r.examples.clean]
    inputs = [Input(f"{i}.txt", t) for i, t in enumerate(texts)]
    for p in sorted(EXAMPLES.rglob("*")):
        if p.suffix in (".txt", ".md", ".rst"):
            inputs.append(Input(str(p), p.read_text(encoding="utf-8"), "markdown" if p.suffix == ".md" else "text"))
    _same(rules, lexicons, inputs)


def test_gate_is_exact_on_the_dev_set(rules, lexicons):
    items = [json.loads(line) for line in shared_path("eval", "dev.jsonl").read_text().splitlines() if line.strip()]
    _same(rules, lexicons, [Input(it["id"] + ".txt", it["text"] + "\n") for it in items])


@pytest.mark.slow
def test_gate_is_exact_on_the_benchmark_corpus(rules, lexicons):
    corpus = shared_path("bench", "corpus")
    inputs = [Input("medium.txt", (corpus / "medium.txt").read_text(encoding="utf-8"))]
    inputs += [Input(str(p), p.read_text(encoding="utf-8"), "markdown") for p in sorted((corpus / "docs").glob("*.md"))]
    gated, full = _same(rules, lexicons, inputs)
    assert gated.parsed_units < full.parsed_units / 4, "the gate should skip most sentences of doc prose"


def test_gate_admits_what_patterns_need_and_rejects_the_rest():
    pat = Pattern("tokens", ({"LOWER": "sorry"}, {"LOWER": "to", "OP": "?"}, {"LEMMA": "bother"}))
    from assertlint.ruleset.model import Context, Example, Rule, SuggestionTemplate

    rule = Rule("XYZ001", "x", "apology", "passive", "info", "m", "w", "u", (pat,), (), Context(),
                (SuggestionTemplate("", "d", "safe"),), Example(("a",), ("b",)))
    gate = Gate([rule])
    assert gate.admits("Sorry to bother you.")
    assert gate.admits("SORRY bothering you again")  # case and inflection do not matter
    assert not gate.admits("Sorry, bothering you again")  # the comma is a token the pattern lacks
    assert not gate.admits("Bother. I am sorry.")  # wrong order
    assert not gate.admits("The build is green.")


def test_contractions_and_inflections_are_visible():
    assert {"do", "n't", "don't"} <= sentence_words("Don’t go")
    assert {"ca", "n't"} <= sentence_words("I can't")
    assert {"went", "gone", "goes"} <= inflections("go")
    rx = token_regex(Pattern("tokens", ({"LOWER": "ca"}, {"LOWER": "n't"}, {"LOWER": "wait"})))
    assert rx.search("i can't wait") and not rx.search("i can wait")


def test_a_literal_of_several_pieces_is_filed_under_its_rarest_piece_and_read_whole():
    """'holier-than-thou' or 'w/e' as a token's text: the sentence must hold every piece, so the
    index needs only the rarest ('holier', not 'than'), and the order regex reads the whole
    literal, so 'than' or 'e.g.' alone no longer sends a sentence to the parser."""
    from assertlint.ruleset.model import Context, Example, Rule, SuggestionTemplate

    def rule(*tokens):
        return Rule("XYZ001", "x", "judging", "aggressive", "info", "m", "w", "u",
                    (Pattern("tokens", tokens),), (), Context(), (SuggestionTemplate("", "d", "safe"),),
                    Example(("a",), ("b",)))

    gate = Gate([rule({"LOWER": {"IN": ["holier-than-thou", "w/e", "high-handed"]}})])
    assert {"holier", "w", "handed"} <= set(gate.index) or {"holier", "e", "handed"} <= set(gate.index)
    assert "than" not in gate.index and "high" not in gate.index
    assert gate.admits("You are so holier-than-thou about it.")
    assert gate.admits("W/E, I'm going to bed.")
    assert gate.admits("That was high-handed.")
    assert not gate.admits("It is faster than the old one, e.g. twice.")
    assert not gate.admits("The holier place, than thou.")
    adjacent = Gate([rule({"LOWER": "so"}, {"LOWER": "holier-than-thou"}, {"LOWER": "person"})])
    assert adjacent.admits("What a so holier-than-thou person.")
    assert not adjacent.admits("What a so holier-than person.")


def test_a_long_gate_regex_matches_quietly(capfd):
    """A long alternation of phrases outgrows RE2's default DFA budget when it has to find where a
    match starts; RE2 then falls back to its NFA (same answer) and must not log that to stderr."""
    from assertlint.engine.triggers import GateRegex

    words = [f"w{i}x" for i in range(400)]
    phrases = [rf"(?:\b(?:{a}))\W*(?:\b(?:{b}))\W*(?:\b(?:c{i}))" for i, (a, b) in enumerate(zip(words, words[1:]))]
    rx = GateRegex("(?:" + "|".join(phrases) + ")")
    assert all(rx.search_bytes(f"so w{i}x w{i + 1}x c{i} then".encode()) for i in range(0, 399, 7))
    assert not rx.search_bytes(b"w1x w2x c9")
    assert capfd.readouterr().err == ""


def test_phrase_variants():
    from assertlint.engine.triggers import phrase_variants
    from assertlint.source.respell import RESPELLED_BARE

    # typed without the apostrophe, "dont" and "youre" are given it back in the prose
    # (source/respell.py), so the phrase needs only its own spelling and the one spelled out
    assert {"dont", "youre", "im"} <= RESPELLED_BARE
    assert phrase_variants("i don't want to hear it") == ("i don't want to hear it", "i do not want to hear it")
    assert phrase_variants("you're out of your depth")[:2] == ("you're out of your depth", "you are out of your depth")
    # an intensifier after the opening subject and auxiliary: "you're literally out of your depth"
    assert {"you're literally out of your depth", "you're honestly out of your depth"} <= set(phrase_variants("you're out of your depth"))
    assert "you're literally out of your depth" not in phrase_variants("you're out of your depth", intensified=False)
    # "its", "were", "well" are other words: a phrase with "it's" keeps its own spelling (and the
    # spelled-out one)
    assert phrase_variants("it's on you")[:2] == ("it's on you", "it is on you")
    assert not any(v.startswith("its ") for v in phrase_variants("it's on you"))
    assert phrase_variants("end of discussion") == ("end of discussion",)
    # a contraction the prose keeps as typed ("he'd") is matched either way
    assert {"he'd never", "hed never"} <= set(phrase_variants("he'd never"))
    assert phrase_variants("i don\u2019t want to hear it")[0] == "i don't want to hear it"
    # a sentence's end typed with "!"; "will" said with "going to", and back (the prose reads
    # "i'm gonna report you" as "i'll report you": source/respell.py)
    assert phrase_variants("scroll up.") == ("scroll up.", "scroll up!")
    assert {"i'm going to report you", "i'm gonna report you", "i will report you"} <= set(phrase_variants("i'll report you"))
    assert "you'll regret this" in phrase_variants("you're gonna regret this")


def test_a_sentence_has_context_is_a_gate_requirement_in_every_form_it_matches():
    from assertlint.ruleset.model import Context, Example, Rule, SuggestionTemplate

    pat = Pattern("tokens", ({"LOWER": "your"}, {"LOWER": "branch"}))
    ctx = Context((("sentence_has", ("i liked", "thank me", "without asking")),))
    rule = Rule("XYZ002", "x", "boundary-violation", "aggressive", "info", "m", "w", "u", (pat,), (), ctx,
                (SuggestionTemplate("", "d", "safe"),), Example(("a",), ("b",)))
    gate = Gate([rule])
    assert not gate.admits("I rebased your branch onto main.")  # the pattern alone is not enough
    assert gate.admits("I rebased your branch without asking.")
    assert gate.admits("I rewrote your branch, you'll be thanking me.")  # the entry's word in another form
    assert gate.admits("I rewrote your branch because I liked mine better.")
    assert not gate.admits("I rewrote your branch because I like mine better.")  # "like" is not "liked" in any form
