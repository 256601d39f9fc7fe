"""Input formats: one module per format, each declaring
    NAME                    the format's name ("markdown")
    SUFFIXES                the file suffixes it owns (".md", ...)
    DIRECTIVES_IN_COMMENTS  whether a suppression directive counts only inside <!-- -->
    INLINE                  the inline-masking pattern (source.inline.compile_inline)
    prose_blocks(text, include_blockquotes) -> list[Prose]   the writer's own words
    code_lines(text) -> set[int]   lines that are code, where a directive does not count
found by `registry()`: adding an input format is adding one module here. A path whose suffix no
format owns is plain text.
"""
from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache
from types import ModuleType

DEFAULT = "text"


@lru_cache(maxsize=1)
def registry() -> dict[str, ModuleType]:
    out = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        if not info.name.startswith("_"):
            mod = importlib.import_module(f"{__name__}.{info.name}")
            out[mod.NAME] = mod
    return out


def get(name: str) -> ModuleType:
    return registry().get(name) or registry()[DEFAULT]


def for_path(path: str | None) -> ModuleType:
    low = (path or "").lower()
    for mod in registry().values():
        if low.endswith(tuple(mod.SUFFIXES)):
            return mod
    return registry()[DEFAULT]


def suffixes() -> tuple[str, ...]:
    """Every suffix some format owns (what a folder search looks for)."""
    return tuple(s for mod in registry().values() for s in mod.SUFFIXES)
