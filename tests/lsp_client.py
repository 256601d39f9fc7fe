"""A small editor for the language-server tests: pygls's LanguageClient on a background event
loop, holding its own copy of each document and applying edits the way an editor does.

Positions are converted here by a reference implementation written independently of the
server's (a regex split of the text and Python's codecs), so a test compares two derivations.
"""
from __future__ import annotations

import asyncio
import os
import re
import sys
import threading
import time
from pathlib import Path

from lsprotocol import types as t
from pygls.lsp.client import LanguageClient

_BREAK = re.compile(r"(\r\n|\r|\n)")
CODECS = {"utf-16": ("utf-16-le", 2), "utf-8": ("utf-8", 1), "utf-32": ("utf-32-le", 4)}


def ref_position(text: str, offset: int, encoding: str = "utf-16") -> tuple[int, int]:
    """(line, character) of a code-point offset, LSP's way."""
    parts = _BREAK.split(text[:offset])
    line = len(parts) // 2
    codec, unit = CODECS[encoding]
    return line, len(parts[-1].encode(codec)) // unit


def ref_offset(text: str, line: int, character: int, encoding: str = "utf-16") -> int:
    """The code-point offset of an LSP position."""
    parts = _BREAK.split(text)
    contents = parts[0::2]
    if line >= len(contents):
        return len(text)
    before = sum(len(p) for p in parts[: 2 * line])
    codec, unit = CODECS[encoding]
    content = contents[line]
    for i in range(len(content) + 1):
        if len(content[:i].encode(codec)) // unit >= character:
            return before + i
    return before + len(content)


def ref_range(text: str, start: int, end: int, encoding: str = "utf-16") -> tuple[tuple[int, int], tuple[int, int]]:
    return ref_position(text, start, encoding), ref_position(text, end, encoding)


def rng(d) -> tuple[tuple[int, int], tuple[int, int]]:
    r = d.range
    return (r.start.line, r.start.character), (r.end.line, r.end.character)


def server_cmd() -> list[str]:
    return [sys.executable, "-m", "assertlint", "server"]


class Editor:
    """One server process and the documents open in it."""

    def __init__(self, cmd: list[str] | None = None, *, init_options=None, encodings=None, versioned=True,
                 watch_files=False, pull_config=None, cwd: str | None = None, env: dict | None = None) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.texts: dict[str, str] = {}
        self.versions: dict[str, int] = {}
        self.published: dict[str, list] = {}  # uri -> [PublishDiagnosticsParams, ...]
        self.logs: list[str] = []
        self.messages: list[str] = []
        self.config_requests = 0
        self.pull_config = pull_config
        self.cond = threading.Condition()
        self.client = LanguageClient("assertlint-tests", "1")
        self._features()
        caps = t.ClientCapabilities(
            general=t.GeneralClientCapabilities(position_encodings=encodings) if encodings else None,
            workspace=t.WorkspaceClientCapabilities(
                apply_edit=True,
                workspace_edit=t.WorkspaceEditClientCapabilities(document_changes=versioned),
                configuration=pull_config is not None,
                did_change_watched_files=t.DidChangeWatchedFilesClientCapabilities(dynamic_registration=watch_files),
            ),
            text_document=t.TextDocumentClientCapabilities(
                hover=t.HoverClientCapabilities(content_format=[t.MarkupKind.Markdown, t.MarkupKind.PlainText]),
            ),
        )
        cmd = cmd or server_cmd()
        self.call(self.client.start_io(cmd[0], *cmd[1:], cwd=cwd, env={**os.environ, **(env or {})}))
        self.init = self.call(self.client.initialize_async(t.InitializeParams(
            capabilities=caps, initialization_options=init_options, root_uri=Path(cwd or os.getcwd()).as_uri())))
        self.encoding = str(self.init.capabilities.position_encoding or "utf-16")
        self.client.initialized(t.InitializedParams())

    def _features(self) -> None:
        c = self.client

        @c.feature(t.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def published(params: t.PublishDiagnosticsParams):
            with self.cond:
                self.published.setdefault(params.uri, []).append(params)
                self.cond.notify_all()

        @c.feature(t.WINDOW_LOG_MESSAGE)
        def logged(params):
            with self.cond:
                self.logs.append(params.message)
                self.cond.notify_all()

        @c.feature(t.WINDOW_SHOW_MESSAGE)
        def shown(params):
            self.messages.append(params.message)

        @c.feature(t.WORKSPACE_APPLY_EDIT)
        def apply_edit(params: t.ApplyWorkspaceEditParams):
            self.apply(params.edit)
            return t.ApplyWorkspaceEditResult(applied=True)

        @c.feature(t.CLIENT_REGISTER_CAPABILITY)
        def register(params):
            return None

        @c.feature(t.WORKSPACE_CONFIGURATION)
        def configuration(params):
            self.config_requests += 1
            return [self.pull_config for _ in params.items]

    # -- plumbing -------------------------------------------------------------------------------
    def call(self, coro, timeout: float = 120):
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(timeout)

    def wait_for(self, predicate, timeout: float = 60, what: str = "a condition"):
        deadline = time.monotonic() + timeout
        with self.cond:
            while True:
                got = predicate()
                if got:
                    return got
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"timed out waiting for {what}")
                self.cond.wait(min(left, 0.5))

    def diagnostics(self, uri: str, version: int | None = None, timeout: float = 60, after: int = 0):
        """The diagnostics published for `version` (default: the current one) as the
        publications after the first `after` ones."""
        version = self.versions[uri] if version is None else version

        def find():
            for p in self.published.get(uri, [])[after:]:
                if p.version == version:
                    return p
            return None

        return list(self.wait_for(find, timeout, f"diagnostics for {uri} version {version}").diagnostics)

    # -- documents --------------------------------------------------------------------------------
    def open(self, uri: str, text: str, language_id: str = "plaintext", version: int = 1):
        self.texts[uri] = text
        self.versions[uri] = version
        self.client.text_document_did_open(t.DidOpenTextDocumentParams(
            t.TextDocumentItem(uri=uri, language_id=language_id, version=version, text=text)))

    def replace(self, uri: str, start: int, end: int, new: str) -> None:
        """An incremental change, as an editor sends when the user types."""
        self.change(uri, [(start, end, new)])

    def change(self, uri: str, edits: list[tuple[int, int, str]]) -> None:
        """Several incremental changes in one notification, each against the previous result."""
        text = self.texts[uri]
        changes = []
        for start, end, new in edits:
            (sl, sc), (el, ec) = ref_range(text, start, end, self.encoding)
            changes.append(t.TextDocumentContentChangePartial(
                range=t.Range(t.Position(sl, sc), t.Position(el, ec)), text=new))
            text = text[:start] + new + text[end:]
        self.texts[uri] = text
        self.versions[uri] += 1
        self.client.text_document_did_change(t.DidChangeTextDocumentParams(
            t.VersionedTextDocumentIdentifier(uri=uri, version=self.versions[uri]), changes))

    def apply(self, edit: t.WorkspaceEdit) -> None:
        """Apply a workspace edit to the documents here and tell the server (didChange)."""
        per_uri: dict[str, list] = {}
        for uri, edits in (edit.changes or {}).items():
            per_uri.setdefault(uri, []).extend(edits)
        for dc in edit.document_changes or []:
            assert dc.text_document.version in (None, self.versions[dc.text_document.uri]), "edit for an old version"
            per_uri.setdefault(dc.text_document.uri, []).extend(dc.edits)
        for uri, edits in per_uri.items():
            text = self.texts[uri]
            spans = []
            for e in edits:
                a = ref_offset(text, e.range.start.line, e.range.start.character, self.encoding)
                b = ref_offset(text, e.range.end.line, e.range.end.character, self.encoding)
                spans.append((a, b, e.new_text))
            self.change(uri, sorted(spans, reverse=True))  # back to front: earlier ranges stay valid

    def save(self, uri: str) -> None:
        self.client.text_document_did_save(t.DidSaveTextDocumentParams(t.TextDocumentIdentifier(uri)))

    def close(self, uri: str) -> None:
        self.client.text_document_did_close(t.DidCloseTextDocumentParams(t.TextDocumentIdentifier(uri)))

    # -- requests -----------------------------------------------------------------------------------
    def code_actions(self, uri: str, start: int, end: int | None = None, only=None):
        text = self.texts[uri]
        (sl, sc), (el, ec) = ref_range(text, start, start if end is None else end, self.encoding)
        return self.call(self.client.text_document_code_action_async(t.CodeActionParams(
            text_document=t.TextDocumentIdentifier(uri), range=t.Range(t.Position(sl, sc), t.Position(el, ec)),
            context=t.CodeActionContext(diagnostics=[], only=only)))) or []

    def resolve(self, action: t.CodeAction) -> t.CodeAction:
        return self.call(self.client.code_action_resolve_async(action))

    def hover(self, uri: str, offset: int):
        line, ch = ref_position(self.texts[uri], offset, self.encoding)
        return self.call(self.client.text_document_hover_async(
            t.HoverParams(t.TextDocumentIdentifier(uri), t.Position(line, ch))))

    def execute(self, command: str, *args):
        return self.call(self.client.workspace_execute_command_async(t.ExecuteCommandParams(command, list(args))))

    def notify_configuration(self, settings) -> None:
        self.client.workspace_did_change_configuration(t.DidChangeConfigurationParams(settings=settings))

    def notify_watched(self, path: str) -> None:
        self.client.workspace_did_change_watched_files(t.DidChangeWatchedFilesParams(
            changes=[t.FileEvent(uri=Path(path).as_uri(), type=t.FileChangeType.Changed)]))

    def shutdown(self) -> int | None:
        """shutdown, exit; the server's exit code."""
        try:
            self.call(self.client.shutdown_async(None), timeout=30)
            self.client.exit(None)
            server = self.client._server
            self.call(asyncio.wait_for(server.wait(), 30), timeout=40)
            self.call(self.client.stop(), timeout=30)
            return server.returncode
        finally:
            self.loop.call_soon_threadsafe(self.loop.stop)
            self.thread.join(10)

    def kill(self) -> None:
        server = getattr(self.client, "_server", None)
        if server is not None and server.returncode is None:
            server.kill()
        self.loop.call_soon_threadsafe(self.loop.stop)
