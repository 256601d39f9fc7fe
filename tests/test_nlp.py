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
