"""Code actions for one checked version: each suggestion as a quick fix, "ignore this rule on
this line", and "fix all safe" (source.fixAll.assertlint)."""
from __future__ import annotations

from lsprotocol import types as t

from . import convert
from .analysis import Result
from .backend import Finding, existing_ignore, ignore_directive

FIX_ALL_KIND = "source.fixAll.assertlint"
QUICKFIX = t.CodeActionKind.QuickFix
_MAX_SHOWN = 60


def overlaps(res: Result, f: Finding, rng: t.Range, encoding: str) -> bool:
    """The finding touches the requested range (a cursor inside or at either end counts)."""
    lines = res.lines
    a = lines.offset_at(rng.start.line, rng.start.character, encoding)
    b = lines.offset_at(rng.end.line, rng.end.character, encoding)
    return f.start + res.shift <= b and a <= f.end + res.shift


def workspace_edit(res: Result, edits: list[t.TextEdit], versioned: bool) -> t.WorkspaceEdit:
    """Versioned when the client supports it, so an edit is never applied to a newer text."""
    snap = res.snapshot
    if versioned and snap.version is not None:
        doc = t.OptionalVersionedTextDocumentIdentifier(uri=snap.uri, version=snap.version)
        return t.WorkspaceEdit(document_changes=[t.TextDocumentEdit(text_document=doc, edits=edits)])
    return t.WorkspaceEdit(changes={snap.uri: edits})


def _shown(s: str) -> str:
    s = " ".join(s.split())
    return s if len(s) <= _MAX_SHOWN else s[: _MAX_SHOWN - 1] + "…"


def quick_fixes(res: Result, f: Finding, diag: t.Diagnostic, encoding: str, versioned: bool) -> list[t.CodeAction]:
    out = []
    preferred_given = False
    for s in f.suggestions:
        if s.edit is None or s.applicability not in ("safe", "unsafe"):
            continue  # display-only: the rewrite has <slots> to fill in; the hover shows it
        safe = s.applicability == "safe"
        what = f"“{_shown(s.replacement)}”" if s.replacement else "remove it"
        title = f"{f.rule}: {s.description.rstrip('.')} ({what})"
        if not safe:
            title = f"{f.rule} (unsafe, rephrases: read it first): {s.description.rstrip('.')} ({what})"
        edit = convert.text_edit(res.lines, s.edit.start + res.shift, s.edit.end + res.shift, s.edit.content, encoding)
        out.append(t.CodeAction(
            title=title, kind=QUICKFIX, diagnostics=[diag], is_preferred=safe and not preferred_given,
            edit=workspace_edit(res, [edit], versioned),
        ))
        preferred_given = preferred_given or safe
    return out


def ignore_action(res: Result, f: Finding, diag: t.Diagnostic, encoding: str, versioned: bool) -> t.CodeAction:
    """Insert `assertlint: ignore[RULE]` at the end of the finding's line (inside <!-- --> in
    Markdown), or add RULE to an ignore[...] already there."""
    body = res.body
    line_start = body.rfind("\n", 0, f.start) + 1
    nl = body.find("\n", f.start)
    line_end = len(body) if nl == -1 else nl
    if line_end > line_start and body[line_end - 1] == "\r":
        line_end -= 1
    line = body[line_start:line_end]
    found = existing_ignore(line, res.kind)
    if found is not None:
        a, b, codes = found
        start, end = line_start + a, line_start + b
        content = ",".join(codes + (f.rule,))
    else:
        start = end = line_end
        content = (" " if line and not line.endswith((" ", "\t")) else "") + ignore_directive(res.kind, (f.rule,))
    edit = convert.text_edit(res.lines, start + res.shift, end + res.shift, content, encoding)
    return t.CodeAction(title=f"Ignore {f.rule} on this line", kind=QUICKFIX, diagnostics=[diag],
                        edit=workspace_edit(res, [edit], versioned))


def fix_all_edits(res: Result, fixed_body: str, encoding: str) -> list[t.TextEdit]:
    """The fixed text as one edit of the differing middle (cursor and marks elsewhere stay)."""
    if fixed_body == res.body:
        return []
    a, b, content = convert.minimal_edit(res.body, fixed_body)
    return [convert.text_edit(res.lines, a + res.shift, b + res.shift, content, encoding)]
