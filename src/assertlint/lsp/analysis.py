"""One check of one document version: limits, markup kind, BOM, backend, diagnostics.

Runs on the checker thread; the result carries everything later requests (code actions, hover)
need about that version, so they never re-check a version already checked.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field

from lsprotocol import types as t

from . import convert
from .backend import Backend, Finding, markup_kind
from .document import Lines
from .settings import ServerSettings

BOM = "\ufeff"
# Language ids (VS Code's and Neovim's filetype names) that say which markup a buffer holds.
LANGUAGE_KIND = {
    "markdown": "markdown", "md": "markdown", "mdx": "markdown", "quarto": "markdown", "rmd": "markdown",
    "restructuredtext": "rst", "rst": "rst",
    "plaintext": "text", "text": "text", "txt": "text", "mail": "text", "gitcommit": "text",
}
SUFFIX = {"markdown": ".md", "rst": ".rst", "text": ".txt"}


@dataclass(frozen=True)
class Snapshot:
    uri: str
    version: int | None
    text: str
    language_id: str
    path: str | None  # file system path, None for untitled buffers


@dataclass
class Result:
    snapshot: Snapshot
    lines: Lines
    shift: int = 0  # 1: the text starts with a BOM the check did not see
    check_path: str | None = None
    kind: str = "text"
    findings: tuple[Finding, ...] = ()
    diagnostics: list[t.Diagnostic] = field(default_factory=list)
    skipped: str | None = None  # why it was not checked (excluded, too large, binary, error)

    @property
    def version(self) -> int | None:
        return self.snapshot.version

    @property
    def body(self) -> str:
        """The text as checked (without a BOM)."""
        return self.snapshot.text[self.shift:]


def check_path(path: str | None, language_id: str) -> tuple[str | None, str]:
    """(the path to check under, its markup kind). A Markdown or reST suffix decides, as in the
    CLI; otherwise the editor's language id does, so a Markdown buffer named NOTES is read as
    Markdown (checked as NOTES.md: config is still found from its folder)."""
    want = LANGUAGE_KIND.get((language_id or "").lower())
    if path is None:
        kind = want or "text"
        return (f"untitled{SUFFIX[kind]}" if want else None), kind
    have = markup_kind(path)
    if want is None or want == have or have != "text":
        return path, have
    return path + SUFFIX[want], want


def analyze(backend: Backend, snap: Snapshot, settings: ServerSettings, encoding: str) -> Result:
    text = snap.text
    lines = Lines(text)
    res = Result(snap, lines)
    if snap.path and backend.excluded(snap.path):
        res.skipped = "excluded by the configuration"
        return res
    if "\x00" in text:
        res.skipped = "binary"
        res.diagnostics = [convert.notice(lines, "assertlint: this document looks binary (it contains NUL "
                                                 "characters); not checked", encoding, code="binary")]
        return res
    if len(text) > settings.max_document_chars:
        res.skipped = "too large"
        res.diagnostics = [convert.notice(
            lines, f"assertlint: this document has {len(text):,} characters, more than the server checks "
                   f"as you type ({settings.max_document_chars:,}, setting assertlint.maxDocumentChars); "
                   f"run `assertlint {os.path.basename(snap.path or 'FILE')}` on the command line", encoding,
            code="too-large")]
        return res
    res.shift = 1 if text.startswith(BOM) else 0
    res.check_path, res.kind = check_path(snap.path, snap.language_id)
    r = backend.check_text(text[res.shift:], res.check_path)
    if r.error:
        res.skipped = "error"
        res.diagnostics = [convert.notice(lines, f"assertlint: {r.error}", encoding, code="error",
                                          severity=t.DiagnosticSeverity.Error)]
        return res
    res.findings = r.findings
    res.diagnostics = [convert.diagnostic(f, lines, res.shift, encoding) for f in r.findings]
    if settings.report_unused_ignores and r.unused_ignores:
        starts = _newline_starts(res.body)
        res.diagnostics += [convert.unused_ignore_diagnostic(d, lines, starts, res.shift, encoding)
                            for d in r.unused_ignores]
    return res


def _newline_starts(text: str) -> list[int]:
    """Line starts counting only "\\n", as assertlint numbers lines (suppress.py, findings)."""
    out = [0]
    pos = text.find("\n")
    while pos != -1:
        out.append(pos + 1)
        pos = text.find("\n", pos + 1)
    return out


def error_result(snap: Snapshot, message: str, encoding: str) -> Result:
    """A check that crashed: one diagnostic saying so (the traceback goes to the log)."""
    lines = Lines(snap.text)
    return Result(snap, lines, skipped="crash", diagnostics=[convert.notice(
        lines, f"assertlint: internal error while checking this document ({message}); see the server log",
        encoding, code="internal-error", severity=t.DiagnosticSeverity.Error)])
