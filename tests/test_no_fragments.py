"""No safe fix leaves a fragment: over every rule's flag examples, the golden fix table, the dev
set and the fresh set, the text before and after `--fix` is parsed afresh, and the fixed text has
no more sentences without a main clause (a subject and a finite verb, an imperative, a question)
than the original had ("Just checking in." may become "Checking in.", a sentence may not become
"If I'm being dumb here.")."""
from __future__ import annotations

import json

from assertlint.rewrite.fixer import select_edits
from assertlint.rewrite.sentence import sentence_left
from assertlint.session import Session, SessionOptions

from conftest import ROOT, SHARED



def _texts() -> list[str]:
    from assertlint.ruleset import load_rules
    from test_golden_fixes import GOLDEN

    texts = [t for r in load_rules() for t in r.examples.flag]
    texts += [before for _, before, _ in GOLDEN]
    texts += [json.loads(line)["text"] for line in (ROOT / "tests" / "data" / "fresh.jsonl").read_text().splitlines()
              if line.strip()]
    dev = SHARED / "eval" / "dev.jsonl"
    if dev.exists():  # ../shared is in the team's checkouts and CI, not in a user's clone
        texts += [json.loads(line)["text"] for line in dev.read_text().splitlines() if line.strip()]
    return sorted(set(texts))


def _tokens(sent) -> tuple:
    return tuple((t.idx, t.idx + len(t), t.pos_, t.tag_, t.dep_, t.head.i - sent.start, t.text) for t in sent)


def _fragments(nlp, text: str) -> int:
    return sum(1 for sent in nlp(text.strip()).sents if sent.text.strip() and not sentence_left(_tokens(sent), []))


def test_the_fragment_check_knows_a_fragment(linter):
    doc = linter.nlp("If I'm being dumb here.")
    assert not sentence_left(_tokens(next(doc.sents)), [])
    for ok in ("The pump sounds wrong.", "Could you check the formula?", "Send the slides by Friday."):
        assert sentence_left(_tokens(next(linter.nlp(ok).sents)), []), ok


def test_no_safe_fix_produces_a_fragment(linter):
    session = Session(SessionOptions(isolated=True))
    texts = _texts()
    assert len(texts) > 400
    checked = session.check_texts([(t + "\n", "t.txt") for t in texts])
    fixed = 0
    bad = []
    for text, res in zip(texts, checked):
        if not select_edits(list(res.findings)):
            continue
        after = session.fix_text(res.text, "t.txt", checked=res).text
        if after == res.text:
            continue
        fixed += 1
        if _fragments(linter.nlp, after) > _fragments(linter.nlp, res.text):
            bad.append((text, after.strip()))
    assert fixed > 100, "the sets should give the fixer plenty to do"
    assert not bad, "safe fixes that leave a fragment:\n" + "\n".join(f"  {b!r}\n  -> {a!r}" for b, a in bad)
