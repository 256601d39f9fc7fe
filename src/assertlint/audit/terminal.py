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
    from rich.columns import Columns
    from rich.text import Text

    console.print(_headline(s))
    console.print(_mix(s))
    if s.over_time:
        console.print(_trend(s))
    console.print()
    tables = _group_tables(s)
    if tables:
        console.print(Columns(tables, padding=(0, 4)))
        console.print()
    if s.rules:
        console.print(_rule_table(s))
        console.print()
    examples = _one_per_rule(s.examples)[:5]  # the page has more
    for e in examples:
        _print_example(console, e)
    if examples:
        console.print()
    if s.errors:
        console.print(Text(f"{s.errors:,} record(s) with problems (see report.html or messages.parquet, column error)",
                           style="yellow"))
    tail = _tail(out_dir, elapsed)
    if tail:
        console.print(Text(" · ".join(tail), style="dim"))


def _headline(s: Summary):
    """The totals, and the dates when messages have timestamps."""
    from rich.text import Text

    flagged = s.flagged / s.checked if s.checked else 0.0
    head = Text()
    head.append("Tone audit", style="bold")
    head.append(f"  {s.messages:,} messages · {s.words:,} words · {s.findings:,} findings · "
                f"{flagged:.1%} of messages flagged")
    if s.first and s.last:
        head.append(f" · {s.first.date()} to {s.last.date()}", style="dim")
    return head


def _mix(s: Summary):
    """The whole archive's tone mix: a bar and the share of each class present."""
    from rich.text import Text

    overall = Group("all", s.classes)
    mix = Text("tone mix  ")
    mix.append_text(_bar(overall, 50))
    mix.append("  " + "  ".join(f"{c} {overall.share(c):.1%}" for c in CLASSES if s.classes[c]), style="dim")
    return mix


def _trend(s: Summary):
    """The flagged share per period as a sparkline."""
    from rich.text import Text

    line = Text(f"per {s.period}   ")
    line.append(_spark(s.over_time), style="magenta")
    line.append(f"  flagged share, {s.over_time[0].key} … {s.over_time[-1].key}", style="dim")
    return line


def _group_tables(s: Summary) -> list:
    """The channel and author tables (those the archive has)."""
    tables = []
    if s.channels:
        tables.append(_group_table("Channels", s.channels, s.n_channels))
    if s.authors:
        tables.append(_group_table("Authors" + (" (pseudonymised)" if s.hashed_authors else ""), s.authors, s.n_authors))
    return tables


def _group_table(title: str, gs: list[Group], total: int):
    """The first ten groups: messages, tone mix, flagged share; the title counts all of them."""
    from rich.table import Table

    t = Table(title=f"{title} ({total:,})" if total > len(gs) else title, title_justify="left",
              box=None, header_style="bold", pad_edge=False)
    t.add_column("", overflow="fold", max_width=28)
    t.add_column("msgs", justify="right")
    t.add_column("tone mix", no_wrap=True)
    t.add_column("flagged", justify="right")
    for g in gs[:10]:
        t.add_row(g.key, f"{g.messages:,}", _bar(g, 24), f"{g.flagged / g.messages:.0%}" if g.messages else "")
    return t


def _rule_table(s: Summary):
    """The ten most common rules."""
    from rich.table import Table
    from rich.text import Text

    t = Table(title="Most common rules", title_justify="left", box=None, header_style="bold", pad_edge=False)
    t.add_column("rule")
    t.add_column("name")
    t.add_column("category")
    t.add_column("findings", justify="right")
    for r in s.rules[:10]:
        t.add_row(r.rule, r.name, Text(r.category, style=RICH.get(r.style, "")), f"{r.count:,}")
    return t


def _one_per_rule(examples: list) -> list:
    shown = set()
    out = []
    for e in examples:
        if e.rule not in shown:
            shown.add(e.rule)
            out.append(e)
    return out


def _print_example(console, e) -> None:
    """Where the finding is and its rule, the span in a line of context, the rule's message."""
    from rich.text import Text

    line = Text(f"{e.path}  ", style="dim")
    line.append(e.rule, style="bold")
    console.print(line)
    quote = Text("  " + _clip(e.before, 50, left=True))
    quote.append(e.text.replace("\n", " "), style="bold underline")
    quote.append(_clip(e.after, 50, left=False))
    console.print(quote)
    console.print(Text("  " + e.message, style="dim"))


def _tail(out_dir: str | None, elapsed: float | None) -> list[str]:
    tail = []
    if elapsed is not None:
        tail.append(f"{elapsed:.1f} s")
    if out_dir:
        tail.append(f"wrote findings.parquet, messages.parquet and report.html in {out_dir}")
    return tail
