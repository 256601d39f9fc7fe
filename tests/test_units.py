"""The cheaper ways the engine cuts and gates sentences give exactly the old answers: the
sentence-end regex (the mark first, then the look-behinds) and the gate run once per block."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from assertlint.engine import linter as engine_linter
from assertlint.engine.linter import _units
from assertlint.engine.triggers import Gate
from assertlint.source.markup import prose_blocks
from conftest import EXAMPLES, shared_path

OLD_SENTENCE_END = re.compile(
    r"(?<![A-Z][a-z]\.)(?<!\b[A-Za-z]\.)(?<!\be\.g\.)(?<!\bi\.e\.)(?<!\betc\.)(?<!\bvs\.)"
    r"(?<=[.!?])[\"'\u201d\u2019)\]]*[ \t]+(?=[\"'\u201c\u2018(\[]?[A-Z0-9])"
)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="aAeEgiIstcvV.!?'\")] \t\u201d\u2019\u201c(9xZ", max_size=60))
def test_sentence_ends_are_where_they_were(text):
    assert [m.end() for m in engine_linter._SENTENCE_END.finditer(text)] == [m.end() for m in OLD_SENTENCE_END.finditer(text)]


def _texts():
    out = [(p.read_text(encoding="utf-8"), "markdown" if p.suffix == ".md" else "text")
           for p in sorted(EXAMPLES.rglob("*")) if p.suffix in (".md", ".txt")]
    corpus = shared_path("bench", "corpus")
    out += [(p.read_text(encoding="utf-8"), "markdown") for p in sorted((corpus / "docs").glob("*.md"))[:40]]
    out.append(("Straße İstanbul ΣΑΣ. You ALWAYS ignore me. I don\u2019t care, gonna go. \u2018Whatever.\u2019", "text"))
    return out


def test_gate_per_block_equals_gate_per_sentence(rules):
    gate = Gate(rules)
    n = 0
    for text, kind in _texts():
        for prose in prose_blocks(text, kind):
            spans = list(_units(prose))
            assert gate.select_spans(prose.text, spans) == [gate.select(prose.text[a:b]) for a, b in spans]
            n += len(spans)
    assert n > 1000


# (a lone "u", also before a final stop or a contraction: "shame on u.", "u're")
OLD_YOU = re.compile(r"(?<![\w'@/.\-])u(?![\w@/\-]|\.\w|'(?!(?:re|ll|d|ve)\b))")
OLD_ARE = re.compile(r"(?:(?<=\bu )|(?<=\byou )|(?<=\bwe )|(?<=\bthey ))r(?![\w'@/.\-])")


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="uryoweth '@/.-_\n1xU", max_size=40))
def test_chat_respellings_are_found_where_they_were(text):
    """respell's 'u' and 'r' regexes start on their letter now (so the engine scans for it)."""
    from assertlint.source import respell

    assert [m.span() for m in respell._YOU.finditer(text)] == [m.span() for m in OLD_YOU.finditer(text)]
    assert [m.span() for m in respell._ARE.finditer(text)] == [m.span() for m in OLD_ARE.finditer(text)]


def test_whole_message_position_reads_the_whole_input():
    """position = "whole-message" (JDG024): the match must be all the input says, @handles and
    quoted lines aside; the parse unit alone cannot tell, since every sentence is parsed apart."""
    import assertlint

    def laughs(text):
        return [f.text for f in assertlint.check(text) if f.rule == "JDG024"]

    assert laughs("LOL\n") == ["LOL"]
    assert laughs("@sam @li LMAO\n") == ["LMAO"]
    assert laughs("> We could rewrite it in a weekend.\n\nLOL 😂\n") == ["LOL 😂"]
    assert laughs("LOL\nThanks for the fix.\n") == []  # a line of its own, but not the whole message
    assert laughs("Thanks for the fix.\n\nLOL\n") == []
    assert laughs("Thanks for the fix. LOL\n") == []
    assert laughs("LOL. Fair point, fixing it now.\n") == []
    # past MAX_REST characters of other text (quoted here) the check stops looking and says no:
    # a bounded step per match, whatever the file
    assert laughs("> " + "x " * 2500 + "\n\nLOL\n") == []
    assert laughs("> " + "x " * 100 + "\n\nLOL\n") == ["LOL"]
    # chat padding and emoji around a retort leave it the whole message; a real word does not
    retorts = lambda text: [f.rule for f in assertlint.check(text) if f.rule == "JDG025"]  # noqa: E731
    assert retorts("nobody cares bro 💀\n") == ["JDG025"]
    assert retorts("who asked lol\n") == ["JDG025"]
    assert retorts("nobody cares about the cache bro\n") == []


# Civil sentences that share words with this round's threat, stonewalling, boundary and PA
# constructions (written by a reviewer to break them; each was flagged by a first draft).
CIVIL_LOOKALIKES = [
    "I'll email the board tonight and keep you posted.",
    "I'll call the landlord again about the boiler.",
    "I'll revoke your old API key and issue another.",
    "Your Friday meeting is cancelled again, sorry!",
    "We use your location to show nearby stores.",
    "I took a look at your profile; you'd be a great fit for the role.",
    "Heads up: Sam investigated the outage, it was DNS.",
    "Great talk, I especially loved the part where you did the live demo.",
    "Here's the list of things you'll need for onboarding.",
    "Thanks, that clears it up, I have no more questions.",
    "I won't be reading any more email today, have a good weekend!",
    "Keep your day job while you build the side project.",
    "Your entitlement is 25 days of annual leave.",
    "I added you to the repo, welcome to the team!",
    "I've sent you a time that works for me.",
    "Sorry, did my call interrupt your meeting?",
    "If nobody objects by Friday I'll take the silence as a yes.",
    "I showed Mum the photos you sent me, she loved them!",
    "You've got 2 days before we leave, so pack light!",
    "The dashboard lets you see how long you stay logged in.",
    "Please stop sending PRs against 1.x; it's end-of-life.",
    "We pushed your PR while you were away, thanks!",
]


def test_civil_lookalikes_stay_quiet():
    import assertlint

    loud = {}
    for text in CIVIL_LOOKALIKES:
        found = [f.rule for f in assertlint.check(text) if f.style in ("aggressive", "passive-aggressive")]
        if found:
            loud[text] = found
    assert not loud, loud
