"""Candidate groups → findings with suggestions: each filled-in template becomes a suggestion
whose edit is the replacement plus the sentence repairs; a group of stacked softeners gets one
safe rewrite that removes them all. Edits never touch markup or code, and a safe edit that would
leave a fragment is offered as unsafe (rewrite.sentence)."""
from __future__ import annotations

from ..findings import Edit, Finding, Suggestion
from ..source.document import LineIndex
from ..taxonomy import Severity
from .repair import fixed_span, sentence_edit
from .sentence import removal_is_safe, removed_ranges


def _rank(c) -> tuple:
    return (-Severity[c.rule.severity], -(c.end - c.start), c.start, c.rule.id)


def _rough(c, a: int, b: int) -> bool:
    """Does [a, b) touch markup or code inside the candidate's sentence?"""
    return any(s < b and a < e for s, e in c.rough)


def _edit_for(c, text: str, repl: str, mood: str | None, start: int | None = None, end: int | None = None):
    start = c.start if start is None else start
    end = c.end if end is None else end
    edit = sentence_edit(text, c.sent_start, c.sent_end, start, end, repl, mood)
    if edit is not None and _rough(c, min(start, edit.start), max(end, edit.end)):
        return None  # markup or code inside the edit: never damage it
    return edit


def _applicability(app: str, edit: Edit | None, c, removed) -> str:
    if app == "display-only":
        return app
    if edit is None:
        return "display-only"  # empty sentence or markup inside: show, never apply
    if app == "safe" and removed is not None and not removal_is_safe(c.tokens, removed):
        return "unsafe"  # what remains would be a fragment: read it first
    return app


def suggestions_for(c, text: str) -> tuple[list[Suggestion], tuple[int, int, str] | None]:
    """The candidate's suggestions, and its first safe removal (start, end, replacement)."""
    out: list[Suggestion] = []
    safe_part = None
    for tpl, repl in c.options:
        edit = None if tpl.applicability == "display-only" else _edit_for(c, text, repl, tpl.mood)
        removed = removed_ranges(c.tokens, text, c.start, c.end, repl) if tpl.applicability == "safe" else None
        app = _applicability(tpl.applicability, edit, c, removed)
        shown = fixed_span(text, c.start, c.end, edit) if edit is not None else repl
        out.append(Suggestion(shown, tpl.description, app, edit if app != "display-only" else None))
        if app == "safe" and safe_part is None:
            safe_part = (c.start, c.end, repl)
    return out, safe_part


def _finding(c, path: str, text: str, index: LineIndex, start: int, end: int, suggestions) -> Finding:
    line, col = index.position(start)
    end_line, end_col = index.position(end)
    r = c.rule
    return Finding(
        path=path, rule=r.id, name=r.name, category=r.category, style=r.style, severity=r.severity,
        message=c.message or r.message, start=start, end=end, line=line, column=col, end_line=end_line,
        end_column=end_col, text=text[start:end], suggestions=tuple(suggestions),
    )


def _merged(group: list, path: str, text: str, index: LineIndex) -> Finding:
    first = min(group, key=_rank)
    start = min(c.start for c in group)
    end = max(c.end for c in group)
    per = [suggestions_for(c, text) for c in group]
    parts = [part for _, part in per if part is not None]
    suggestions: list[Suggestion] = []
    if parts:  # one safe rewrite that removes every softener with a safe removal
        pieces, pos = [], start
        for s, e, repl in parts:
            pieces += [text[pos:s], repl]
            pos = e
        repl = "".join(pieces) + text[pos:end]
        edit = _edit_for(first, text, repl, None, start, end)
        app = _applicability("safe", edit, first, removed_ranges(first.tokens, text, start, end, repl))
        if edit is not None:
            what = f"all {len(parts)} softeners" if len(parts) > 1 else "the softener"
            suggestions.append(Suggestion(fixed_span(text, start, end, edit), f"Remove {what} and state the point.",
                                          app, edit))
    for sugg, _ in per:
        suggestions.extend(s for s in sugg if not s.safe)
    return _finding(first, path, text, index, start, end, suggestions)


def findings_for(groups: list[list], path: str, text: str) -> list[Finding]:
    """One finding per candidate group, in the groups' order."""
    if not groups:
        return []
    index = LineIndex(text)
    out = []
    for g in groups:
        if len(g) == 1:
            c = g[0]
            out.append(_finding(c, path, text, index, c.start, c.end, suggestions_for(c, text)[0]))
        else:
            out.append(_merged(g, path, text, index))
    out.sort(key=lambda f: (f.start, f.end, f.rule))
    return out
