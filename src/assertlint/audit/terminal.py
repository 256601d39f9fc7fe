"""The report's summary in the terminal (rich): totals, tone mix, over time, top channels and
authors, top rules, a few example findings."""
from __future__ import annotations

from .summary import CLASSES, Group, Summary

RICH = {"assertive": "green", "passive": "blue", "passive-aggressive": "magenta", "aggressive": "red",
        "mixed": "yellow"}
FLAG = tuple(c for c in CLASSES if c != "assertive")


def _bar(g: Group, width: int = 30):
    from rich.text import Text

    t = Text()
    total = g.messages or 1
    used = 0
    for c in CLASSES:
        n = round(width * g.counts[c] / total)
        n = min(n, width - used)
        if c == "assertive":
            t.append("·" * n, style="dim green")
        else:
            t.append("█" * n, style=RICH[c])
        used += n
    if used < width:
        t.append("·" * (width - used), style="dim green")
    return t


def _clip(s: str, n: int, *, left: bool) -> str:
    """At most `n` characters next to the span, cut at a space, on one line."""
    s = s.replace("\n", " ")
    if len(s) <= n:
        return s
    s = s[-n:] if left else s[:n]
    if " " in s:
        s = s[s.index(" ") + 1 :] if left else s[: s.rindex(" ")]
    return s


def _spark(groups: list[Group]) -> str:
    ticks = "▁▂▃▄▅▆▇█"
    shares = [g.flagged / g.messages if g.messages else 0.0 for g in groups]
    peak = max(shares, default=0) or 1
    return "".join(ticks[min(7, int(v / peak * 7.999))] for v in shares)


def print_summary(s: Summary, console, *, out_dir: str | None = None, elapsed: float | None = None) -> None:
    from rich.table import Table
    from rich.text import Text

    flagged = s.flagged / s.checked if s.checked else 0.0
    head = Text()
    head.append("Tone audit", style="bold")
    head.append(f"  {s.messages:,} messages · {s.words:,} words · {s.findings:,} findings · "
                f"{flagged:.1%} of messages flagged")
    if s.first and s.last:
        head.append(f" · {s.first.date()} to {s.last.date()}", style="dim")
    console.print(head)
    overall = Group("all", s.classes)
    mix = Text("tone mix  ")
    mix.append_text(_bar(overall, 50))
    mix.append("  " + "  ".join(f"{c} {overall.share(c):.1%}" for c in CLASSES if s.classes[c]), style="dim")
    console.print(mix)
    if s.over_time:
        line = Text(f"per {s.period}   ")
        line.append(_spark(s.over_time), style="magenta")
        line.append(f"  flagged share, {s.over_time[0].key} … {s.over_time[-1].key}", style="dim")
        console.print(line)
    console.print()

    def groups(title: str, gs: list[Group], total: int) -> Table:
        t = Table(title=f"{title} ({total:,})" if total > len(gs) else title, title_justify="left",
                  box=None, header_style="bold", pad_edge=False)
        t.add_column("", overflow="fold", max_width=28)
        t.add_column("msgs", justify="right")
        t.add_column("tone mix", no_wrap=True)
        t.add_column("flagged", justify="right")
        for g in gs[:10]:
            t.add_row(g.key, f"{g.messages:,}", _bar(g, 24), f"{g.flagged / g.messages:.0%}" if g.messages else "")
        return t

    from rich.columns import Columns

    tables = []
    if s.channels:
        tables.append(groups("Channels", s.channels, s.n_channels))
    if s.authors:
        tables.append(groups("Authors" + (" (pseudonymised)" if s.hashed_authors else ""), s.authors, s.n_authors))
    if tables:
        console.print(Columns(tables, padding=(0, 4)))
        console.print()
    if s.rules:
        t = Table(title="Most common rules", title_justify="left", box=None, header_style="bold", pad_edge=False)
        t.add_column("rule")
        t.add_column("name")
        t.add_column("category")
        t.add_column("findings", justify="right")
        for r in s.rules[:10]:
            t.add_row(r.rule, r.name, Text(r.category, style=RICH.get(r.style, "")), f"{r.count:,}")
        console.print(t)
        console.print()
    shown = set()
    examples = []
    for e in s.examples:  # one per rule here; the page has more
        if e.rule not in shown:
            shown.add(e.rule)
            examples.append(e)
    for e in examples[:5]:
        line = Text(f"{e.path}  ", style="dim")
        line.append(e.rule, style="bold")
        console.print(line)
        quote = Text("  " + _clip(e.before, 50, left=True))
        quote.append(e.text.replace("\n", " "), style="bold underline")
        quote.append(_clip(e.after, 50, left=False))
        console.print(quote)
        console.print(Text("  " + e.message, style="dim"))
    if examples:
        console.print()
    if s.errors:
        console.print(Text(f"{s.errors:,} record(s) with problems (see report.html or messages.parquet, column error)",
                           style="yellow"))
    tail = []
    if elapsed is not None:
        tail.append(f"{elapsed:.1f} s")
    if out_dir:
        tail.append(f"wrote findings.parquet, messages.parquet and report.html in {out_dir}")
    if tail:
        console.print(Text(" · ".join(tail), style="dim"))
