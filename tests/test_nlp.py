"""Loading the pipeline: the fast spaCy import works with the pinned spaCy, only needed components."""
from __future__ import annotations

import subprocess
import sys


def test_fast_import_skips_cli_stack_and_still_parses():
    code = (
        "import sys\n"
        "from assertlint.nlp.loader import load_pipeline\n"
        "nlp = load_pipeline()\n"
        "import spacy\n"
        "assert spacy.__version__.startswith('3.8'), spacy.__version__\n"
        "assert not [m for m in sys.modules if m.split('.')[0] in ('typer', 'weasel')], 'cli stack imported'\n"
        "assert 'ner' not in nlp.pipe_names and 'parser' in nlp.pipe_names\n"
        "doc = nlp('You always ignore my emails.')\n"
        "assert [t.dep_ for t in doc][:3] == ['nsubj', 'advmod', 'ROOT']\n"
        "import spacy.cli\n"  # the real command-line package is still importable afterwards
        "assert hasattr(spacy.cli, 'download')\n"
        "print('ok')\n"
    )
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert res.returncode == 0 and res.stdout.strip() == "ok", res.stderr


def test_missing_model_is_a_model_error():
    import pytest

    from assertlint.errors import ModelError
    from assertlint.nlp.loader import load_pipeline

    with pytest.raises(ModelError, match="pip install"):
        load_pipeline("no_such_model_abc")


def _annotations(docs):
    return [[(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.is_sent_start) for t in d]
            for d in docs]


def _lean_matches_stock(texts):
    import spacy

    from assertlint.nlp.lean import LeanRuleLemmatizer, TableAttributeRuler, make_lean
    from assertlint.nlp.loader import available_default, load_pipeline

    stock = load_pipeline(None, lean=False)
    lean = make_lean(spacy.load(available_default(), exclude=["ner", "senter"]))
    kinds = {type(p) for _, p in lean.pipeline}
    assert {TableAttributeRuler, LeanRuleLemmatizer} <= kinds, "the stand-ins are not in the pipeline"
    want = _annotations(stock.pipe(texts, batch_size=64))
    got = _annotations(lean.pipe(texts, batch_size=64))
    for text, w, g in zip(texts, want, got):
        assert g == w, f"the lean pipeline annotates {text!r} differently"


def test_lean_components_annotate_exactly_like_spacy(rules):
    """Tags, parts of speech, morphology, lemmas and the parse are those of the stock pipeline:
    on every rule example and on sentences written to reach the ruler's multi-token and
    dependency patterns (gonna, gotta, let's, c'mon, y'all, ain't, there is, i as object)."""
    texts = [t for r in rules for t in r.examples.flag + r.examples.clean]
    texts += [
        "I'm gonna go, we gotta leave, let's eat, c'mon, y'all ain't ready.",
        "There is a problem and there were two more; give it to me and tell I nothing.",
        "But he did it, and they have had enough; do you?", "Him and I went.  \n  Then   spaces.",
        "It gets better and he got worse; you know it and it knows you.",
    ]
    _lean_matches_stock(texts)


def test_lean_components_annotate_exactly_like_spacy_on_doc_prose():
    from conftest import shared_path

    corpus = shared_path("bench", "corpus")
    text = (corpus / "medium.txt").read_text(encoding="utf-8")
    paras = [p for p in text.split("\n\n") if p.strip()]
    _lean_matches_stock(paras)


def test_lean_ruler_keeps_patterns_it_cannot_table_in_a_matcher():
    """A pattern with an operator or another attribute stays with spaCy's Matcher."""
    from assertlint.nlp.lean import _token_test

    assert _token_test({"LOWER": "x", "OP": "?"}) is None
    assert _token_test({"SHAPE": "xx"}) is None
    assert _token_test({"LOWER": {"FUZZY": "x"}}) is None
    test, filed = _token_test({"TAG": {"IN": ["VBP", "VBZ"]}, "LOWER": "ai"})
    assert filed == (1, ("ai",))  # filed under the lower-case form, the most selective slot
    assert test(("Ai", "ai", "VBP", "", "", False)) and not test(("Ai", "ai", "NN", "", "", False))
