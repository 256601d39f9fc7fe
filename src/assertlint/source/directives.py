"""The inline suppression syntax, in one place (suppress.py reads it, inline masking hides it)."""
from __future__ import annotations

import re

DIRECTIVE = re.compile(
    r"(?:<!--[ \t]*)?assertlint:[ \t]*(?P<verb>ignore-next-line|ignore|disable|enable)"
    r"(?:\[(?P<codes>[^\]\n]*)\])?(?:[ \t]*-->)?"
)
# The same syntax without named groups, for the inline masking that keeps directives unlinted.
DIRECTIVE_UNNAMED = re.sub(r"\(\?P<\w+>", "(?:", DIRECTIVE.pattern)
