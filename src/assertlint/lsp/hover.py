"""Hover text for a finding: what was flagged, why it lands badly, what to write instead."""
from __future__ import annotations

from .backend import Finding, ignore_directive, reflow


def hover_markdown(f: Finding, rule, kind: str = "text") -> str:
    head = f"**{f.rule}** `{f.name}` · {f.category} ({f.style}) · {f.severity}"
    parts = [head, f.message]
    if rule is not None:
        if rule.why:
            parts.append(f"**Why it lands badly:** {reflow(rule.why)}")
        if rule.use_instead:
            parts.append(f"**Use instead:** {reflow(rule.use_instead)}")
    shown = [s for s in f.suggestions if s.replacement or s.edit is not None]
    if shown:
        lines = ["**Rewrites:**"]
        for s in shown:
            what = f"“{s.replacement}”" if s.replacement else "(remove it)"
            lines.append(f"- {what}: {s.description} ({s.applicability})")
        parts.append("\n".join(lines))
    parts.append(f"Turn it off on this line: `{ignore_directive(kind, (f.rule,))}`")
    return "\n\n".join(parts)


def hover_plain(f: Finding, rule, kind: str = "text") -> str:
    """For clients that take no Markdown."""
    out = hover_markdown(f, rule, kind)
    for mark in ("**", "`"):
        out = out.replace(mark, "")
    return out
