"""Output formats: one module per format behind one interface, `render(results, stream, opts)`."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..findings import Finding

FORMATS = ("pretty", "json", "jsonl", "line", "github")


@dataclass
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    text: str = ""
    error: str | None = None
    words: int = 0


@dataclass
class ReportOptions:
    color: str = "auto"  # auto | always | never
    elapsed: float = 0.0
    show_source: bool = True


def render(fmt: str, results: list[FileResult], stream, opts: ReportOptions | None = None) -> None:
    opts = opts or ReportOptions()
    if fmt == "json":
        from .json_format import render as r
    elif fmt == "jsonl":
        from .json_format import render_lines as r
    elif fmt == "line":
        from .line_format import render as r
    elif fmt == "github":
        from .github_format import render as r
    elif fmt == "pretty":
        from .pretty import render as r
    else:  # pragma: no cover - click validates the choice
        raise ValueError(fmt)
    r(results, stream, opts)
