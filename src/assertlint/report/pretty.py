"""`--format pretty`: the human report (rich).

Findings grouped by file: `path:line:col`, rule id and name in the severity's colour, the
message, the source line with the flagged span underlined (and marked with carets, so it still
shows without colour), and the top suggestion as before → after. Then a tone meter per document
(findings per 100 words on a passive ↔ assertive ↔ aggressive bar) and a summary.

Colour follows `--color`: `auto` lets rich decide (NO_COLOR, FORCE_COLOR, a terminal or not),
`always` forces it even under NO_COLOR, `never` turns it off. Written to a file or a pipe the
report is plain text, 100 columns wide (or $COLUMNS).
"""
from __future__ import annotations

FORMAT = "pretty"  # the --format name (report/__init__.py finds formats by this)

import math
import os
from collections import Counter

from ..taxonomy import CATEGORIES, STYLES
from .escape import safe

SEV_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
STYLE_COLOR = {"aggressive": "red", "passive-aggressive": "magenta", "passive": "blue"}
_FIX_LABEL = {"safe": ("fix", "green"), "unsafe": ("unsafe fix", "yellow"), "display-only": ("try", "cyan")}

METER_SIDE = 14  # cells on each side of the "assertive" centre
METER_SCALE = 4.0  # findings per 100 words that fill ~63% of a side (the fill saturates smoothly)
PLAIN_WIDTH = 100


def make_console(stream, color: str, *, record: bool = False):
    """A rich Console on `stream` honouring --color and NO_COLOR; plain, fixed width off a terminal."""
    from rich.console import Console

    kw = {"file": stream, "highlight": False, "soft_wrap": True, "emoji": False, "markup": False,
          "record": record}
    if color == "always":
        kw["force_terminal"] = True
        kw["no_color"] = False  # an explicit --color always beats NO_COLOR
    elif color == "never":
        kw["no_color"] = True
        kw["color_system"] = None
    console = Console(**kw)
    if not console.is_terminal:
        cols = os.environ.get("COLUMNS", "")
        console.width = int(cols) if cols.isdigit() and int(cols) > 20 else PLAIN_WIDTH
    return console


def _plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else (many or word + 's')}"


# -- one finding ---------------------------------------------------------------------------------
def _line_bounds(text: str, offset: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    if end == -1:
        end = len(text)
    if end > start and text[end - 1] == "\r":
        end -= 1
    return start, end


def _source_lines(f, text: str, width: int):
    """The flagged line with the span underlined, and a caret line under it."""
    from rich.text import Text

    line_start, line_end = _line_bounds(text, f.start)
    raw = text[line_start:line_end].replace("\t", " ")
    a = max(0, f.start - line_start)
    b = max(a + 1, min(f.end, line_end) - line_start) if f.end > f.start else a
    b = min(b, len(raw)) if raw else 0
    # long lines: a window around the span, so the carets stay under it on any terminal
    lead, trail = "", ""
    if len(raw) > width:
        left = max(0, min(a - 20, len(raw) - width))
        right = min(len(raw), left + width)
        if left > 0:
            lead = "…"
        if right < len(raw):
            trail = "…"
        raw, a, b = raw[left:right], a - left, min(b, right) - left
    gutter = f"{f.line:>4} │ "
    sev = SEV_STYLE[f.severity]
    pre, mid, post = safe(raw[:a]), safe(raw[a:b]), safe(raw[b:])  # escapes widen: carets follow them
    src = Text(gutter, style="dim")
    src.append(lead, style="dim")
    src.append(pre)
    src.append(mid, style=f"underline {sev}")
    src.append(post)
    src.append(trail, style="dim")
    marks = Text(" " * (len(gutter) - 2) + "│ ", style="dim")
    marks.append(" " * (len(lead) + len(pre)))
    marks.append("^" * max(1, len(mid)), style=sev)
    if f.end_line > f.line:
        marks.append(f" (to line {f.end_line})", style="dim")
    return src, marks


def before_after(f, s, text: str) -> tuple[str, str]:
    """The text a suggestion changes and what it becomes (its `edit` when there is one)."""
    e = s.edit
    if e is not None and text and 0 <= e.start <= e.end <= len(text):
        from ..rewrite.repair import fixed_span, widened

        a, b = widened(text, f.start, f.end, e)
        return text[a:b], fixed_span(text, f.start, f.end, e)
    return f.text, s.replacement


def _one_line(s: str) -> str:
    return safe(" ".join(s.split()) if "\n" in s or "\r" in s else s)


def _suggestion(f, text: str):
    from rich.text import Text

    s = f.suggestions[0]
    label, colour = _FIX_LABEL.get(s.applicability, ("try", "cyan"))
    before, after = before_after(f, s, text)
    out = Text("       ")
    out.append(f"{label}: ", style=f"bold {colour}")
    out.append(f"“{_one_line(before)}”", style="red strike" if s.applicability != "display-only" else "red")
    out.append(" → ")
    out.append(f"“{_one_line(after)}”" if after.strip() else "(remove it)", style="green")
    more = len(f.suggestions) - 1
    if more:
        out.append(f"  (+{more} more)", style="dim")
    lines = [out]
    if s.description:
        lines.append(Text("       " + " " * (len(label) + 2) + safe(s.description), style="dim"))
    return lines


def _finding(console, r, f, opts) -> None:
    from rich.text import Text

    head = Text()
    head.append(f"{safe(r.path)}:{f.line}:{f.column}", style="bold")
    head.append("  ")
    head.append(f.rule, style=SEV_STYLE[f.severity])
    head.append(f" {safe(f.name)}  ")
    head.append(f"{f.severity}", style=SEV_STYLE[f.severity])
    head.append("  ")
    head.append(f"[{f.category}]", style=STYLE_COLOR.get(f.style, ""))
    console.print(head)
    console.print(Text("       " + _one_line(f.message)))
    if opts.show_source and r.text:
        for line in _source_lines(f, r.text, max(40, console.width - 12)):
            console.print(line)
    if f.suggestions:
        for line in _suggestion(f, r.text):
            console.print(line)


# -- the tone meter ------------------------------------------------------------------------------
def tone_rates(r) -> dict[str, float]:
    """Findings per 100 words for each style in one document."""
    counts = Counter(f.style for f in r.findings)
    words = r.words or len(r.text.split())
    return {s: (counts[s] * 100.0 / words if words else 0.0) for s in STYLES}


def _cells(rate: float) -> int:
    if rate <= 0:
        return 0
    return max(1, min(METER_SIDE, round(METER_SIDE * (1 - math.exp(-rate / METER_SCALE)))))


def tone_reading(rates: dict[str, float]) -> tuple[str, str]:
    """A word for where the document sits, and its colour."""
    p, pa, a = rates["passive"], rates["passive-aggressive"], rates["aggressive"]
    if p == pa == a == 0:
        return "assertive", "green"
    if pa >= max(p, a):
        return "passive-aggressive", STYLE_COLOR["passive-aggressive"]
    if p >= 2 * a:
        return ("passive" if p >= 2 else "leans passive"), STYLE_COLOR["passive"]
    if a >= 2 * p:
        return ("aggressive" if a >= 2 else "leans aggressive"), STYLE_COLOR["aggressive"]
    return "mixed", "yellow"


def meter_bar(rates: dict[str, float]):
    """passive ◂ ··· ┃ ··· ▸ aggressive: passive pull fills leftwards from the centre, aggressive
    pull rightwards; passive-aggressive findings pull half each way (drawn ▓)."""
    from rich.text import Text

    p, pa, a = rates["passive"], rates["passive-aggressive"], rates["aggressive"]
    left, right = _cells(p + pa / 2), _cells(a + pa / 2)
    left_pa = round(left * (pa / 2) / (p + pa / 2)) if left else 0
    right_pa = round(right * (pa / 2) / (a + pa / 2)) if right else 0
    bar = Text()
    bar.append("·" * (METER_SIDE - left), style="dim")
    bar.append("▓" * left_pa, style=STYLE_COLOR["passive-aggressive"])
    bar.append("█" * (left - left_pa), style=STYLE_COLOR["passive"])
    bar.append("┃", style="bold green")
    bar.append("█" * (right - right_pa), style=STYLE_COLOR["aggressive"])
    bar.append("▓" * right_pa, style=STYLE_COLOR["passive-aggressive"])
    bar.append("·" * (METER_SIDE - right), style="dim")
    return bar


def _meter_header():
    from rich.text import Text

    n = 2 * METER_SIDE + 1
    ends = "◂ passive".ljust(n - len("aggressive ▸")) + "aggressive ▸"
    middle = "assertive".center(n).rstrip()
    return Text(ends + "\n" + middle, style="bold")


def _tone_meter(console, results) -> None:
    from rich.table import Table
    from rich.text import Text

    docs = [r for r in results if not r.error]
    if not docs:
        return
    hidden = 0
    if len(docs) > 20:  # many documents: only those with findings, the most loaded first
        total = len(docs)
        flagged = [r for r in docs if r.findings]
        docs = sorted(flagged, key=lambda r: -sum(tone_rates(r).values()))[:20]
        hidden = total - len(docs)
    table = Table(box=None, show_edge=False, pad_edge=False, padding=(0, 1), title=None,
                  header_style="bold")
    table.add_column("Tone", overflow="fold", max_width=36)
    table.add_column("words", justify="right")
    table.add_column(_meter_header(), no_wrap=True)
    table.add_column("P", justify="right", style=STYLE_COLOR["passive"])
    table.add_column("PA", justify="right", style=STYLE_COLOR["passive-aggressive"])
    table.add_column("A", justify="right", style=STYLE_COLOR["aggressive"])
    table.add_column("reads as", no_wrap=True)
    for r in docs:
        rates = tone_rates(r)
        word, colour = tone_reading(rates)
        table.add_row(
            safe(r.path), str(r.words), meter_bar(rates),
            f"{rates['passive']:.1f}", f"{rates['passive-aggressive']:.1f}", f"{rates['aggressive']:.1f}",
            Text(word, style=colour),
        )
    console.print(table)
    note = "  P, PA, A: passive, passive-aggressive and aggressive findings per 100 words"
    if hidden:
        note += f"; {_plural(hidden, 'other document')} not shown"
    console.print(Text(note, style="dim"))
    console.print()


# -- the summary ---------------------------------------------------------------------------------
def _summary(console, results, opts) -> None:
    from rich.text import Text

    findings = [f for r in results for f in r.findings]
    files = sum(1 for r in results if not r.error)
    flagged = sum(1 for r in results if r.findings)
    tail = Text(f"{_plural(files, 'file')} checked in {opts.elapsed:.2f} s", style="dim")
    if not findings:
        line = Text("No findings. ", style="bold green")
        line.append_text(tail)
        console.print(line)
        return
    by_sev = Counter(f.severity for f in findings)
    head = Text(_plural(len(findings), "finding"), style="bold")
    sev = ", ".join(_plural(by_sev[s], s, "info" if s == "info" else None)
                    for s in ("error", "warning", "info") if by_sev[s])
    head.append(f" ({sev}) in {flagged} of {_plural(files, 'file')}")
    console.print(head)
    console.print(_style_grid(findings))
    fix = _fix_line(findings)
    if fix is not None:
        console.print(fix)
    console.print(Text("  ").append_text(tail))


def _style_grid(findings):
    """One row per style: its count and its categories with theirs."""
    from rich.table import Table
    from rich.text import Text

    by_style = Counter(f.style for f in findings)
    by_cat = Counter(f.category for f in findings)
    grid = Table.grid(padding=(0, 2))
    grid.add_column()
    grid.add_column(justify="right")
    grid.add_column()
    for style in STYLES:
        if not by_style[style]:
            continue
        cats = ", ".join(f"{c} {by_cat[c]}" for c in CATEGORIES if by_cat[c] and _style_of(c, findings) == style)
        grid.add_row(Text("  " + style, style=STYLE_COLOR[style]), str(by_style[style]), cats)
    return grid


def _fix_line(findings):
    """How many findings --fix (and --fix --unsafe-fixes) would fix, or None."""
    from rich.text import Text

    def has(f, app: str) -> bool:
        return any(s.applicability == app for s in f.suggestions)

    safe = sum(1 for f in findings if has(f, "safe"))
    unsafe = sum(1 for f in findings if not has(f, "safe") and has(f, "unsafe"))
    if not (safe or unsafe):
        return None
    fix = Text("  ")
    if safe:
        fix.append(f"{safe} fixable with --fix", style="green")
    if unsafe:
        fix.append("; " if safe else "")
        fix.append(f"{unsafe} more with --fix --unsafe-fixes", style="yellow")
    fix.append(" (see them first with --diff)", style="dim")
    return fix


def _style_of(category: str, findings) -> str:
    return next(f.style for f in findings if f.category == category)


def render(results, stream, opts, console=None) -> None:
    """Print the report on `stream` (or on a given rich `console`, e.g. one that records for SVG)."""
    from rich.text import Text

    console = console or make_console(stream, opts.color)
    for r in results:
        if r.error or not r.findings:
            continue
        head = Text(safe(r.path), style="bold underline")
        head.append(f"  {_plural(len(r.findings), 'finding')}", style="dim")
        console.print(head)
        for f in r.findings:
            _finding(console, r, f, opts)
            console.print()
    if getattr(opts, "tone_meter", True) and any(r.findings for r in results):
        _tone_meter(console, results)
    _summary(console, results, opts)
