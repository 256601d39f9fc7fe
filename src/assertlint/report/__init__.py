"""Output formats: one module per format behind one interface, `render(fmt, results, stream, opts)`.

pretty (rich, for people), json (the public contract), jsonl (one finding per line), line
(editors' quickfix lists), github (Actions workflow commands) and sarif (SARIF 2.1.0 for code
scanning). `opts.statistics` swaps the per-finding listing for counts per rule in any format.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..results import FileResult

FORMATS = ("pretty", "json", "jsonl", "line", "github", "sarif")


@dataclass
class ReportOptions:
    color: str = "auto"  # auto | always | never
    elapsed: float = 0.0
    show_source: bool = True
    statistics: bool = False  # counts per rule instead of the findings
    rules: tuple = ()  # the loaded Rule objects (SARIF's tool.driver.rules); findings' rules are enough without
    tone_meter: bool = True  # the pretty report's tone meter per document


def render(fmt: str, results: list[FileResult], stream, opts: ReportOptions | None = None) -> None:
    opts = opts or ReportOptions()
    if opts.statistics:
        from .statistics import render as r

        r(fmt, results, stream, opts)
        return
    if fmt == "json":
        from .json_format import render as r
    elif fmt == "jsonl":
        from .json_format import render_lines as r
    elif fmt == "line":
        from .line_format import render as r
    elif fmt == "github":
        from .github_format import render as r
    elif fmt == "sarif":
        from .sarif_format import render as r
    elif fmt == "pretty":
        from .pretty import render as r
    else:  # pragma: no cover - click validates the choice
        raise ValueError(fmt)
    r(results, stream, opts)
