"""Output formats: one module per format behind one interface, `render(fmt, results, stream, opts)`.

pretty (rich, for people), json (the public contract), jsonl (one finding per line), line
(editors' quickfix lists), github (Actions workflow commands) and sarif (SARIF 2.1.0 for code
scanning). `opts.statistics` swaps the per-finding listing for counts per rule in any format.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..results import FileResult

# name -> module, found from the modules of this package that declare FORMAT: adding a report
# format is adding one module with FORMAT = "name" and render(results, stream, opts). The table is
# read without importing the modules (--help must stay fast), so it scans their source.
_ORDER = ("pretty", "json", "jsonl", "line", "github", "sarif")


def _discover(folders=None) -> dict[str, str]:
    import pkgutil
    import re
    from pathlib import Path

    found: dict[str, str] = {}
    for folder in folders or __path__:
        for info in pkgutil.iter_modules([str(folder)]):
            path = Path(folder) / f"{info.name}.py"
            if not path.is_file():
                continue
            m = re.search(r'^FORMAT = "([a-z0-9-]+)"', path.read_text(encoding="utf-8")[:4000], re.M)
            if m:
                found[m.group(1)] = f"{__name__}.{info.name}"
    return dict(sorted(found.items(), key=lambda kv: (_ORDER.index(kv[0]) if kv[0] in _ORDER else 99, kv[0])))


RENDERERS: dict[str, str] = _discover()
FORMATS: tuple[str, ...] = tuple(RENDERERS)


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
    import importlib

    module = RENDERERS.get(fmt)
    if module is None:  # pragma: no cover - click validates the choice
        raise ValueError(fmt)
    r = importlib.import_module(module).render
    r(results, stream, opts)
