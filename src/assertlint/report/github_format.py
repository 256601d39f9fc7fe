"""`--format github`: GitHub Actions workflow commands, one annotation per finding.

    ::warning file=draft.txt,line=3,col=1,endLine=3,endColumn=31,title=APO001 sorry-to-bother [apology]::message

Severity error → `::error`, warning → `::warning`, info → `::notice`. The message carries the
top suggestion on a second line. Properties and data are escaped as the runner expects.
"""
from __future__ import annotations

FORMAT = "github"  # the --format name (report/__init__.py finds formats by this)

from .escape import safe

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(s: str) -> str:
    """The runner's own escapes for %, CR and LF; every other control character shown escaped."""
    s = s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return safe(s)


def _escape_prop(s: str) -> str:
    return _escape_data(s).replace(":", "%3A").replace(",", "%2C")


def _text(f, text: str = "") -> str:
    msg = " ".join(f.message.split())
    if f.suggestions:
        s = f.suggestions[0]
        label = {"safe": "Fix", "unsafe": "Unsafe fix"}.get(s.applicability, "Try")
        before = f.text
        if s.edit is not None:
            from ..rewrite.repair import widened

            before = text[slice(*widened(text, f.start, f.end, s.edit))] if text else f.text
        after = " ".join(s.replacement.split())
        msg += f"\n{label}: “{' '.join(before.split())}” → " + (f"“{after}”" if after else "(remove it)")
    return msg


def render(results, stream, opts) -> None:
    for r in results:
        for f in r.findings:
            level = _LEVEL.get(f.severity, "warning")
            title = _escape_prop(f"{f.rule} {f.name} [{f.category}]")
            stream.write(
                f"::{level} file={_escape_prop(f.path)},line={f.line},col={f.column},"
                f"endLine={f.end_line},endColumn={f.end_column},title={title}::{_escape_data(_text(f, r.text))}\n"
            )
