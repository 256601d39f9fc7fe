"""assertlint: a tone linter that suggests assertive rewrites.

Public API::

    import assertlint
    findings = assertlint.check("Sorry to bother you, but is the report ready?")
    for f in findings:
        print(f.line, f.column, f.rule, f.message)

The heavy parts (spaCy, the model) load lazily on the first check.
"""
from __future__ import annotations

from ._version import __version__

__all__ = ["__version__", "Finding", "Suggestion", "check", "check_many", "fix", "Linter"]


def __getattr__(name: str):  # lazy: importing assertlint must not import spaCy (nor anything, for --daemon)
    if name in ("Finding", "Suggestion"):
        from . import findings

        return getattr(findings, name)
    if name in ("check", "check_many", "fix", "Linter"):
        from . import api

        return getattr(api, name)
    raise AttributeError(name)
