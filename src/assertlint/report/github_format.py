"""`--format github`: GitHub Actions workflow commands, one annotation per finding."""
from __future__ import annotations

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_prop(s: str) -> str:
    return _escape_data(s).replace(":", "%3A").replace(",", "%2C")


def render(results, stream, opts) -> None:
    for r in results:
        for f in r.findings:
            level = _LEVEL[f.severity]
            title = _escape_prop(f"{f.rule} {f.name} [{f.category}]")
            stream.write(
                f"::{level} file={_escape_prop(f.path)},line={f.line},col={f.column},"
                f"endLine={f.end_line},endColumn={f.end_column},title={title}::{_escape_data(f.message)}\n"
            )
