"""Findings → LSP diagnostics and text edits (offsets → positions in the client's encoding)."""
from __future__ import annotations

from lsprotocol import types as t

from .document import Lines

SOURCE = "assertlint"
SEVERITY = {
    "error": t.DiagnosticSeverity.Error,
    "warning": t.DiagnosticSeverity.Warning,
    "info": t.DiagnosticSeverity.Information,
}


def lsp_range(lines: Lines, start: int, end: int, encoding: str) -> t.Range:
    sl, sc = lines.position_at(start, encoding)
    el, ec = lines.position_at(end, encoding)
    return t.Range(t.Position(sl, sc), t.Position(el, ec))


def diagnostic(f, lines: Lines, shift: int, encoding: str) -> t.Diagnostic:
    """A finding as a diagnostic. `shift` maps the checked text's offsets into the document's
    (1 when the document starts with a BOM that the check did not see)."""
    return t.Diagnostic(
        range=lsp_range(lines, f.start + shift, f.end + shift, encoding),
        message=f"{f.message} ({f.category})",
        severity=SEVERITY.get(f.severity, t.DiagnosticSeverity.Warning),
        code=f.rule,
        source=SOURCE,
        data={"rule": f.rule, "name": f.name, "category": f.category, "style": f.style},
    )


def unused_ignore_diagnostic(d, lines: Lines, line_starts: list[int], shift: int, encoding: str) -> t.Diagnostic:
    """An inline suppression that matched nothing (as --report-unused-ignores lists it)."""
    start = line_starts[d.line - 1] + d.column - 1 + shift
    return t.Diagnostic(
        range=lsp_range(lines, start, start + len(d.text), encoding),
        message=f"unused suppression '{d.text.strip()}'",
        severity=t.DiagnosticSeverity.Hint,
        code="unused-ignore",
        source=SOURCE,
        tags=[t.DiagnosticTag.Unnecessary],
    )


def notice(lines: Lines, message: str, encoding: str, code: str = "not-checked",
           severity: t.DiagnosticSeverity = t.DiagnosticSeverity.Information) -> t.Diagnostic:
    """One diagnostic over the first line: why the document was not (fully) checked."""
    return t.Diagnostic(range=lsp_range(lines, 0, min(lines.line_end(0), 200), encoding),
                        message=message, severity=severity, code=code, source=SOURCE)


def text_edit(lines: Lines, start: int, end: int, content: str, encoding: str) -> t.TextEdit:
    return t.TextEdit(range=lsp_range(lines, start, end, encoding), new_text=content)


def minimal_edit(old: str, new: str) -> tuple[int, int, str]:
    """One replacement (start, end, content) turning `old` into `new`: the differing middle."""
    n = min(len(old), len(new))
    a = 0
    while a < n and old[a] == new[a]:
        a += 1
    b = 0
    while b < n - a and old[len(old) - 1 - b] == new[len(new) - 1 - b]:
        b += 1
    # never split a CRLF pair: an LSP position cannot point between its two characters
    if a > 0 and old[a - 1] == "\r":
        a -= 1
    if b > 0 and old[len(old) - b] == "\n":
        b -= 1
    return a, len(old) - b, new[a : len(new) - b]
