"""report.html: one self-contained page (inline CSS and SVG; no script, no font, no image or
style sheet from anywhere), readable offline and safe to mail around. Every value from the
archive is HTML-escaped."""
from __future__ import annotations

import math
from html import escape

from .. import __version__
from ..taxonomy import CATEGORIES, STYLE_OF
from .summary import CLASSES, Example, Group, Summary

COLOR = {
    "assertive": "#cfe8df", "passive": "#3b7dd8", "passive-aggressive": "#9b59b6",
    "aggressive": "#d64550", "mixed": "#e0a100",
}
STYLE_COLOR = {"passive": COLOR["passive"], "passive-aggressive": COLOR["passive-aggressive"],
               "aggressive": COLOR["aggressive"]}
FLAG_CLASSES = tuple(c for c in CLASSES if c != "assertive")

CSS = """
:root { --fg:#1d2430; --muted:#5f6b7a; --line:#e3e7ec; --bg:#fff; --soft:#f6f8fa; }
* { box-sizing: border-box; }
body { margin:0; font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;
       color:var(--fg); background:var(--bg); }
main { max-width: 1100px; margin: 0 auto; padding: 28px 24px 60px; }
h1 { font-size: 26px; margin: 0 0 4px; } h2 { font-size: 19px; margin: 36px 0 10px; }
.sub { color: var(--muted); margin: 0 0 18px; }
.cards { display:grid; grid-template-columns: repeat(auto-fit, minmax(140px, 1fr)); gap: 10px; }
.card { background: var(--soft); border:1px solid var(--line); border-radius:8px; padding:10px 12px; }
.card b { display:block; font-size: 22px; } .card span { color: var(--muted); font-size: 13px; }
.legend { display:flex; flex-wrap:wrap; gap:14px; margin: 8px 0; font-size: 13px; color: var(--muted); }
.legend i { display:inline-block; width:11px; height:11px; border-radius:2px; margin-right:5px; vertical-align:-1px; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { text-align:left; padding: 5px 8px; border-bottom: 1px solid var(--line); vertical-align: middle; }
th { font-weight: 600; color: var(--muted); font-size: 12.5px; text-transform: uppercase; letter-spacing: .03em; }
td.n { text-align:right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.name { max-width: 320px; overflow-wrap: anywhere; }
code { font: 13px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace; }
.ex { border-left: 4px solid var(--line); padding: 6px 12px; margin: 10px 0; background: var(--soft); border-radius: 0 6px 6px 0; }
.ex q { quotes: none; display:block; margin: 2px 0 4px; white-space: pre-wrap; overflow-wrap: anywhere; }
.ex mark { background: #ffe08a; padding: 0 1px; border-radius: 2px; }
.ex .meta, .note { color: var(--muted); font-size: 12.5px; }
.ex .fix { font-size: 13.5px; } .ex .fix b { color: #1f7a4d; }
.two { display:grid; grid-template-columns: 1fr 1fr; gap: 24px; }
@media (max-width: 860px) { .two { grid-template-columns: 1fr; } }
svg text { font: 11px system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif; fill: var(--muted); }
"""


def _n(x: int) -> str:
    return f"{x:,}"


def _pct(x: float) -> str:
    return f"{x * 100:.1f}%"


def legend(classes=CLASSES) -> str:
    items = "".join(f'<span><i style="background:{COLOR[c]}"></i>{escape(c)}</span>' for c in classes)
    return f'<div class="legend">{items}</div>'


def stacked_bar(g: Group, width: int = 240, height: int = 14) -> str:
    """A 100% bar of one group's messages by tone class."""
    x = 0.0
    parts = []
    total = g.messages or 1
    for c in CLASSES:
        w = width * g.counts[c] / total
        if w <= 0:
            continue
        parts.append(f'<rect x="{x:.2f}" y="0" width="{w:.2f}" height="{height}" fill="{COLOR[c]}">'
                     f'<title>{escape(c)}: {_n(g.counts[c])} ({_pct(g.counts[c] / total)})</title></rect>')
        x += w
    return (f'<svg width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img" '
            f'aria-label="tone mix">{"".join(parts)}</svg>')


def time_chart(groups: list[Group], period: str, width: int = 1040, height: int = 260) -> str:
    """Columns per period: the share of its messages in each flagged tone class (stacked)."""
    if not groups:
        return '<p class="note">No message has a timestamp.</p>'
    left, right, top, bottom = 44, 10, 10, 42
    pw, ph = width - left - right, height - top - bottom
    peak = max((g.flagged / g.messages for g in groups if g.messages), default=0.0)
    step = next(st for st in (0.01, 0.02, 0.05, 0.1, 0.2, 0.25) if peak <= 6 * st)  # round gridlines
    ticks = max(1, math.ceil(peak / step - 1e-9))
    ymax = ticks * step
    n = len(groups)
    step_x = pw / n
    bw = max(1.0, step_x * 0.78)
    out = [f'<svg width="100%" viewBox="0 0 {width} {height}" role="img" aria-label="tone over time" '
           f'preserveAspectRatio="xMidYMid meet">']
    for k in range(ticks + 1):  # gridlines and y labels
        v = step * k
        y = top + ph - ph * v / ymax
        out.append(f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" stroke="#e3e7ec"/>')
        out.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{v * 100:.0f}%</text>')
    label_every = max(1, round(n / 12))
    for i, g in enumerate(groups):
        x = left + i * step_x + (step_x - bw) / 2
        y = top + ph
        for c in FLAG_CLASSES:
            share = g.share(c)
            h = ph * share / ymax
            if h <= 0:
                continue
            y -= h
            out.append(f'<rect x="{x:.2f}" y="{y:.2f}" width="{bw:.2f}" height="{h:.2f}" fill="{COLOR[c]}">'
                       f'<title>{escape(g.key)}: {escape(c)} {_pct(share)} of {_n(g.messages)} messages</title></rect>')
        if g.messages == 0:
            continue
        if i % label_every == 0:
            out.append(f'<text x="{x + bw / 2:.1f}" y="{top + ph + 16}" text-anchor="middle">{escape(g.key)}</text>')
    out.append(f'<text x="{left}" y="{height - 6}">share of messages flagged, per {escape(period)} (UTC) '
               f'(hover a column for its numbers)</text>')
    out.append("</svg>")
    return "".join(out)


def _group_table(title: str, groups: list[Group], total: int, what: str) -> str:
    if not groups:
        return f"<h2>{escape(title)}</h2><p class='note'>No {escape(what)} in the archive.</p>"
    rows = "".join(
        f"<tr><td class='name'>{escape(g.key)}</td><td class='n'>{_n(g.messages)}</td>"
        f"<td>{stacked_bar(g)}</td><td class='n'>{_pct(g.flagged / g.messages if g.messages else 0)}</td></tr>"
        for g in groups
    )
    more = f"<p class='note'>The {len(groups)} with the most messages of {_n(total)}.</p>" if total > len(groups) else ""
    return (f"<h2>{escape(title)}</h2><table><tr><th>{escape(what)}</th><th>messages</th><th>tone mix</th>"
            f"<th>flagged</th></tr>{rows}</table>{more}")


def _bar(value: int, peak: int, color: str, width: int = 180) -> str:
    w = width * value / peak if peak else 0
    return (f'<svg width="{width}" height="10" viewBox="0 0 {width} 10"><rect width="{w:.1f}" height="10" '
            f'rx="2" fill="{color}"/></svg>')


TONE_NOTE = (
    "<p class='note'>A message's tone comes from its findings per 100 words, as in the command "
    "line's tone meter: <b>assertive</b> (no finding), <b>passive</b> (hedging, apologising, "
    "minimising, asking permission or validation, self-deprecation), <b>aggressive</b> (judging, "
    "threats, stonewalling, breaching confidences, overriding boundaries), <b>passive-aggressive</b>, "
    "or <b>mixed</b>.</p>"
)
FOOTER = ("<p class='note'>Made by <code>assertlint audit</code>. Every finding, with its message's "
          "metadata, is in findings.parquet; per-message counts and tone in messages.parquet.</p>")


def render(s: Summary) -> str:
    period = _date_range(s)
    return "".join([
        _head(period),
        _title(s, period),
        _cards(s),
        _tone_mix(s),
        f"<h2>Tone over time</h2>{time_chart(s.over_time, s.period)}{legend(FLAG_CLASSES)}",
        _group_tables(s),
        _findings_tables(s),
        _examples(s),
        _problems(s),
        FOOTER,
        "</main></body></html>\n",
    ])


def _date_range(s: Summary) -> str:
    if s.first and s.last:
        return f"{s.first.date().isoformat()} to {s.last.date().isoformat()}"
    return ""


def _head(period: str) -> str:
    """The document head: no fetch allowed, the inline style sheet."""
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        "<meta http-equiv='Content-Security-Policy' content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">"
        f"<title>assertlint audit{(' — ' + escape(period)) if period else ''}</title><style>{CSS}</style></head><body><main>"
    )


def _title(s: Summary, period: str) -> str:
    """The heading, and what was audited: archives, dates, version, pseudonymised or not."""
    return (
        "<h1>Tone audit</h1>"
        f"<p class='sub'>{escape(', '.join(s.sources))}{(' · ' + escape(period)) if period else ''} · "
        f"assertlint {escape(__version__)}{' · authors pseudonymised' if s.hashed_authors else ''}</p>"
    )


def _cards(s: Summary) -> str:
    """The totals, one card each."""
    flagged = s.flagged / s.checked if s.checked else 0.0
    cards = [
        (_n(s.messages), "messages"), (_n(s.words), "words"), (_n(s.findings), "findings"),
        (_pct(flagged), "messages flagged"), (_n(s.n_channels), "channels"), (_n(s.n_authors), "authors"),
    ]
    if s.errors:
        cards.append((_n(s.errors), "records with problems"))
    return "<div class='cards'>" + "".join(f"<div class='card'><b>{v}</b><span>{escape(k)}</span></div>" for v, k in cards) + "</div>"


def _tone_mix(s: Summary) -> str:
    """The whole archive's messages by tone class, with the legend and what the classes mean."""
    overall = Group("all", s.classes)
    return f"<h2>Tone mix</h2><p>{stacked_bar(overall, width=1040, height=22)}</p>{legend()}{TONE_NOTE}"


def _group_tables(s: Summary) -> str:
    """Per channel and per author, side by side."""
    authors = "Per author" + (" (pseudonymised)" if s.hashed_authors else "")
    return ("<div class='two'><div>" + _group_table("Per channel", s.channels, s.n_channels, "channel")
            + "</div><div>" + _group_table(authors, s.authors, s.n_authors, "author") + "</div></div>")


def _findings_tables(s: Summary) -> str:
    """Findings by category and the most common rules, side by side."""
    return (f"<div class='two'><div><h2>Findings by category</h2>{_category_table(s)}"
            f"</div><div><h2>Most common rules</h2>{_rule_table(s)}</div></div>")


def _category_table(s: Summary) -> str:
    peak = max(s.categories.values(), default=0)
    cats = "".join(
        f"<tr><td>{escape(c)}</td><td>{escape(STYLE_OF[c])}</td><td class='n'>{_n(s.categories[c])}</td>"
        f"<td>{_bar(s.categories[c], peak, STYLE_COLOR[STYLE_OF[c]])}</td></tr>"
        for c in sorted(CATEGORIES, key=lambda c: -s.categories[c]) if s.categories[c]
    )
    if not cats:
        return "<p class='note'>No findings.</p>"
    return f"<table><tr><th>category</th><th>style</th><th>findings</th><th></th></tr>{cats}</table>"


def _rule_table(s: Summary) -> str:
    if not s.rules:
        return "<p class='note'>No findings.</p>"
    peak = s.rules[0].count
    rows = "".join(
        f"<tr><td><code>{escape(r.rule)}</code></td><td class='name'>{escape(r.name)}</td>"
        f"<td class='n'>{_n(r.count)}</td><td>{_bar(r.count, peak, STYLE_COLOR.get(r.style, '#888'), 140)}</td></tr>"
        for r in s.rules
    )
    return f"<table><tr><th>rule</th><th>name</th><th>findings</th><th></th></tr>{rows}</table>"


def _examples(s: Summary) -> str:
    if not s.examples:
        return ""
    names = {r.rule: r.name for r in s.rules}
    return "<h2>Example findings</h2>" + "".join(_example(e, names.get(e.rule, "")) for e in s.examples)


def _example(e: Example, name: str) -> str:
    """One finding in its context: where it is, the span marked, the rule's message, and the
    suggestion as the rewritten passage would read."""
    when = e.timestamp.strftime("%Y-%m-%d %H:%M") if e.timestamp else ""
    meta = " · ".join(escape(x) for x in (e.path, e.author or "", e.channel or "", when) if x)
    fix = ""
    if e.suggestion is not None:
        fix = (f"<div class='fix'>Try: {escape(e.before)}<b>{escape(e.suggestion) or '∅'}</b>"
               f"{escape(e.after)}</div>")
    return (f"<div class='ex'><div class='meta'><code>{escape(e.rule)}</code> {escape(name)} · {meta}</div>"
            f"<q>{escape(e.before)}<mark>{escape(e.text)}</mark>{escape(e.after)}</q>"
            f"<div>{escape(e.message)}</div>{fix}</div>")


def _problems(s: Summary) -> str:
    """The first records with problems, and how many more."""
    if not s.error_lines:
        return ""
    items = "".join(f"<li><code>{escape(line)}</code></li>" for line in s.error_lines)
    more = f"<p class='note'>and {_n(s.errors - len(s.error_lines))} more</p>" if s.errors > len(s.error_lines) else ""
    return f"<h2>Records with problems</h2><ul>{items}</ul>{more}"
