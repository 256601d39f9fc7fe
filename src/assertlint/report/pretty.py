"""`--format pretty`: the human report (rich): each finding in its line, the reason and the rewrite."""
from __future__ import annotations

from collections import Counter

_SEV_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
_STYLE_COLOR = {"aggressive": "red", "passive-aggressive": "magenta", "passive": "blue"}


def make_console(stream, color: str):
    from rich.console import Console

    kw = {"file": stream, "highlight": False, "soft_wrap": True}
    if color == "always":
        kw["force_terminal"] = True
    elif color == "never":
        kw["no_color"] = True
        kw["color_system"] = None
    return Console(**kw)


def _source_line(f, text: str):
    from rich.text import Text

    line_start = text.rfind("\n", 0, f.start) + 1
    line_end = text.find("\n", f.start)
    if line_end == -1:
        line_end = len(text)
    raw = text[line_start:line_end].rstrip("\r")
    a = f.start - line_start
    b = min(f.end, line_start + len(raw)) - line_start
    out = Text("  │ ", style="dim")
    out.append(raw[:a])
    out.append(raw[a:b], style="bold underline")
    out.append(raw[b:])
    return out


def render(results, stream, opts) -> None:
    from rich.text import Text

    console = make_console(stream, opts.color)
    total = 0
    by_style: Counter = Counter()
    by_cat: Counter = Counter()
    files = 0
    for r in results:
        if r.error:
            continue
        files += 1
        if not r.findings:
            continue
        console.print(Text(r.path, style="bold underline"))
        for f in r.findings:
            total += 1
            by_style[f.style] += 1
            by_cat[f.category] += 1
            head = Text()
            head.append(f"{r.path}:{f.line}:{f.column}", style="bold")
            head.append("  ")
            head.append(f"{f.rule}", style=_SEV_STYLE[f.severity])
            head.append(f" {f.name} ")
            head.append(f"[{f.category}]", style=_STYLE_COLOR[f.style])
            console.print(head)
            console.print(Text("  " + f.message))
            if opts.show_source and r.text:
                console.print(_source_line(f, r.text))
            if f.suggestions:
                s = f.suggestions[0]
                sug = Text("  ")
                sug.append(f"{s.applicability} fix" if s.applicability != "display-only" else "suggestion", style="green")
                sug.append(": ")
                sug.append(f"“{f.text}”", style="red")
                sug.append(" → ")
                sug.append(f"“{s.replacement}”" if s.replacement else "(remove)", style="green")
                console.print(sug)
                if s.description:
                    console.print(Text("    " + s.description, style="dim"))
        console.print()
    summary = Text()
    if total:
        summary.append(f"{total} finding{'s' if total != 1 else ''}", style="bold")
        parts = [f"{n} {style}" for style, n in sorted(by_style.items())]
        summary.append(f" ({', '.join(parts)})")
        summary.append(" in " + ", ".join(f"{c} {n}" for c, n in by_cat.most_common()))
    else:
        summary.append("No findings.", style="bold green")
    summary.append(f"  {files} file{'s' if files != 1 else ''} checked in {opts.elapsed:.2f} s", style="dim")
    console.print(summary)
