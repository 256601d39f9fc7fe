"""The language server: documents in, diagnostics, code actions and hovers out.

Threads: pygls runs the protocol on an asyncio loop; every call into the linter runs on ONE
checker thread (the model stays loaded there, warm), so the loop keeps reading messages while a
check runs. An edit after a pause is checked at once; edits coming faster than the debounce
(15 ms by default) wait for a pause. A check of a version that is no longer current is skipped
before it starts and never published; while a check runs, later edits wait and only the newest
version is checked next.
"""
from __future__ import annotations

import asyncio
import logging
import os
import time
from concurrent.futures import ThreadPoolExecutor
from functools import partial

from lsprotocol import types as t
from pygls.capabilities import ServerCapabilitiesBuilder, get_capability
from pygls.exceptions import JsonRpcInvalidParams
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol
from pygls.protocol.language_server import lsp_method
from pygls.uris import to_fs_path

from .. import __version__
from . import actions, convert
from .analysis import Result, Snapshot, analyze, error_result
from .backend import CONFIG_NAMES, Backend, BackendOptions, rule_markdown
from .configwatch import ConfigWatch
from .document import UTF16, Document
from .hover import hover_markdown, hover_plain
from .settings import ServerSettings, merge, section

log = logging.getLogger("assertlint.lsp")

CONFIG_POLL_SECONDS = 2.0
EXPLAIN = "assertlint.explain"
FIX_ALL = "assertlint.fixAll"


class Protocol(LanguageServerProtocol):
    """pygls' protocol, except that open documents live in the server's own store (LSP line
    rules: a form feed or U+2028 is not a line break; clamped positions), not pygls' workspace."""

    @lsp_method(t.TEXT_DOCUMENT_DID_OPEN)
    def lsp_text_document__did_open(self, params):
        if (handler := self.fm.features.get(t.TEXT_DOCUMENT_DID_OPEN)) is not None:
            yield handler, (params,), None

    @lsp_method(t.TEXT_DOCUMENT_DID_CHANGE)
    def lsp_text_document__did_change(self, params):
        if (handler := self.fm.features.get(t.TEXT_DOCUMENT_DID_CHANGE)) is not None:
            yield handler, (params,), None

    @lsp_method(t.TEXT_DOCUMENT_DID_CLOSE)
    def lsp_text_document__did_close(self, params):
        if (handler := self.fm.features.get(t.TEXT_DOCUMENT_DID_CLOSE)) is not None:
            yield handler, (params,), None


def _path_of(uri: str) -> str | None:
    return to_fs_path(uri) if uri.startswith("file:") else None


def _handler(method):
    """A plain function around a bound method (pygls sets attributes on its handlers)."""
    if asyncio.iscoroutinefunction(method):
        async def call_async(*args):
            return await method(*args)

        return call_async

    def call(*args):
        return method(*args)

    return call


def _wanted(only, kind: str) -> bool:
    """Does a code action request's `only` filter admit `kind`?"""
    if not only:
        return True
    return any(kind == o or kind.startswith(f"{o}.") for o in only)


class AssertlintServer(LanguageServer):
    def __init__(self, options: BackendOptions | None = None, settings: ServerSettings | None = None,
                 backend_factory=Backend) -> None:
        super().__init__("assertlint", __version__, text_document_sync_kind=t.TextDocumentSyncKind.Incremental,
                         protocol_cls=Protocol)
        self.base_options = options or BackendOptions()
        self.base_settings = settings or ServerSettings()
        self.options, self.settings = self.base_options, self.base_settings
        self.init_options = None
        self.backend_factory = backend_factory
        self.backend = backend_factory(self.options)
        self.checker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="assertlint-check")
        self.encoding = UTF16
        self.docs: dict[str, Document] = {}
        self.results: dict[str, Result] = {}
        self.timers: dict[str, asyncio.TimerHandle] = {}
        self.inflight: dict[str, asyncio.Future] = {}
        self.pending: set[str] = set()
        self.config_watch = ConfigWatch()
        self.versioned_edits = False
        self.markdown_hover = True
        self.resolve_edits = False
        self.pull_config = False
        self._poll: asyncio.TimerHandle | None = None
        self.stopping = False  # after `shutdown`: no more checks
        self._register()

    # -- wiring -----------------------------------------------------------------------------------
    def _register(self) -> None:
        f = self.feature
        f(t.INITIALIZE)(_handler(self.on_initialize))
        f(t.INITIALIZED)(_handler(self.on_initialized))
        f(t.SHUTDOWN)(_handler(self.on_shutdown))
        f(t.TEXT_DOCUMENT_DID_OPEN)(_handler(self.did_open))
        f(t.TEXT_DOCUMENT_DID_CHANGE)(_handler(self.did_change))
        f(t.TEXT_DOCUMENT_DID_SAVE, t.SaveOptions(include_text=False))(_handler(self.did_save))
        f(t.TEXT_DOCUMENT_DID_CLOSE)(_handler(self.did_close))
        f(t.WORKSPACE_DID_CHANGE_CONFIGURATION)(_handler(self.did_change_configuration))
        f(t.WORKSPACE_DID_CHANGE_WATCHED_FILES)(_handler(self.did_change_watched_files))
        f(t.TEXT_DOCUMENT_CODE_ACTION, t.CodeActionOptions(
            code_action_kinds=[t.CodeActionKind.QuickFix, t.CodeActionKind.SourceFixAll, actions.FIX_ALL_KIND],
            resolve_provider=True))(_handler(self.code_action))
        f(t.CODE_ACTION_RESOLVE)(_handler(self.code_action_resolve))
        f(t.TEXT_DOCUMENT_HOVER)(_handler(self.hover))
        self.command(EXPLAIN)(_handler(self.explain))
        self.command(FIX_ALL)(_handler(self.fix_all_command))

    def on_initialize(self, params: t.InitializeParams) -> None:
        caps = params.capabilities
        self.encoding = str(ServerCapabilitiesBuilder.choose_position_encoding(caps))
        self.versioned_edits = bool(get_capability(caps, "workspace.workspace_edit.document_changes", False))
        formats = get_capability(caps, "text_document.hover.content_format", None)
        self.markdown_hover = formats is None or t.MarkupKind.Markdown in formats
        props = get_capability(caps, "text_document.code_action.resolve_support.properties", None) or []
        self.resolve_edits = "edit" in props
        self.pull_config = bool(get_capability(caps, "workspace.configuration", False))
        self._apply_settings(params.initialization_options, initial=True)

    async def on_initialized(self, params) -> None:
        loop = asyncio.get_running_loop()
        loop.run_in_executor(self.checker, self._warm)
        caps = self.client_capabilities
        if get_capability(caps, "workspace.did_change_watched_files.dynamic_registration", False):
            watchers = [t.FileSystemWatcher(glob_pattern=f"**/{name}") for name in CONFIG_NAMES]
            try:
                await self.client_register_capability_async(t.RegistrationParams(registrations=[t.Registration(
                    id="assertlint-config-files", method=t.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                    register_options=t.DidChangeWatchedFilesRegistrationOptions(watchers=watchers))]))
            except Exception as err:  # the client declined: polling still notices edits
                log.info("file watch registration declined: %s", err)
        if self.pull_config:
            await self._pull_settings()
        self._poll = loop.call_later(CONFIG_POLL_SECONDS, self._poll_config)

    def on_shutdown(self, params) -> None:
        self.stopping = True
        for handle in self.timers.values():
            handle.cancel()
        self.timers.clear()
        if self._poll is not None:
            self._poll.cancel()
        self.checker.shutdown(wait=False, cancel_futures=True)

    def _warm(self) -> None:
        try:
            t0 = time.perf_counter()
            self.backend.warm()
            log.info("model loaded in %.2f s", time.perf_counter() - t0)
        except Exception:
            log.exception("warming the linter failed")

    # -- settings -------------------------------------------------------------------------------
    def _apply_settings(self, raw, initial: bool = False) -> tuple[bool, bool]:
        """The command line's options, then initializationOptions, then the client's latest
        settings (each whole, as sent). (the linter's options changed, anything changed)."""
        if initial:
            self.init_options = raw
            raw = None
        options, settings, problems = merge(self.base_options, self.base_settings, self.init_options)
        options, settings, more = merge(options, settings, raw)
        for p in (problems if initial else []) + more:
            self._tell(p, t.MessageType.Warning)
        linter = options != self.options
        changed = linter or settings != self.settings
        self.settings, self.options = settings, options
        if initial and linter:
            self.backend = self.backend_factory(options)
        return linter, changed

    async def _pull_settings(self) -> None:
        try:
            got = await self.workspace_configuration_async(
                t.ConfigurationParams(items=[t.ConfigurationItem(section="assertlint")]))
        except Exception as err:
            log.info("workspace/configuration failed: %s", err)
            return
        await self._settings_changed(got[0] if got and isinstance(got[0], dict) else {})

    async def _settings_changed(self, raw) -> None:
        """New settings from the client: a new linter if its options changed, then re-check the
        open documents (nothing happens when the settings are the ones in force)."""
        linter, changed = self._apply_settings(raw)
        if linter:
            self.backend = await asyncio.get_running_loop().run_in_executor(
                self.checker, self._new_backend, self.options)
        if changed:
            self._recheck_all()

    def _new_backend(self, opts: BackendOptions) -> Backend:
        backend = self.backend_factory(opts)
        self.config_watch.forget()
        return backend

    async def did_change_configuration(self, params: t.DidChangeConfigurationParams) -> None:
        table = section(params.settings)
        if table:
            await self._settings_changed(table)
        elif self.pull_config:  # a pull-model client only says that something changed
            await self._pull_settings()
        else:
            await self._settings_changed({})

    async def did_change_watched_files(self, params: t.DidChangeWatchedFilesParams) -> None:
        if any(os.path.basename(_path_of(c.uri) or c.uri) in CONFIG_NAMES for c in params.changes):
            await asyncio.get_running_loop().run_in_executor(self.checker, self._reload)
            self._recheck_all()

    def _reload(self) -> None:
        self.backend.reload()
        self.config_watch.forget()

    def _poll_config(self) -> None:
        """Every few seconds: did a config file of an open document change? Then re-check."""
        loop = asyncio.get_running_loop()
        paths = {d.path for d in self.docs.values()}

        def job() -> bool:
            if self.config_watch.changed(self.backend, paths):
                self.backend.reload()
                return True
            return False

        def done(fut) -> None:
            if fut.cancelled():
                return
            if fut.exception() is not None:
                log.error("checking the config files failed: %r", fut.exception())
            elif fut.result():
                self._recheck_all()

        if self.stopping:
            return
        if paths:
            loop.run_in_executor(self.checker, job).add_done_callback(done)
        self._poll = loop.call_later(CONFIG_POLL_SECONDS, self._poll_config)

    # -- documents --------------------------------------------------------------------------------
    def did_open(self, params: t.DidOpenTextDocumentParams) -> None:
        item = params.text_document
        self.docs[item.uri] = Document(item.uri, item.text, item.version, item.language_id or "", _path_of(item.uri))
        self.results.pop(item.uri, None)
        self.schedule(item.uri, 0.0)

    def did_change(self, params: t.DidChangeTextDocumentParams) -> None:
        doc = self.docs.get(params.text_document.uri)
        if doc is None:
            log.warning("change for a document that is not open: %s", params.text_document.uri)
            return
        for change in params.content_changes:
            doc.apply(change, self.encoding)
        doc.version = params.text_document.version
        # Debounce on both edges: an edit after a pause is checked at once; edits that follow
        # each other faster than the debounce wait for a pause (one check for the burst).
        debounce = self.settings.debounce_ms / 1000
        now = asyncio.get_running_loop().time()
        quiet = now - doc.changed_at >= debounce
        doc.changed_at = now
        self.schedule(doc.uri, 0.0 if quiet else debounce)

    def did_save(self, params: t.DidSaveTextDocumentParams) -> None:
        uri = params.text_document.uri
        if uri in self.docs:
            self.schedule(uri, 0.0)

    def did_close(self, params: t.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        self.docs.pop(uri, None)
        self.results.pop(uri, None)
        if (handle := self.timers.pop(uri, None)) is not None:
            handle.cancel()
        self.text_document_publish_diagnostics(t.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    # -- checking -------------------------------------------------------------------------------
    def schedule(self, uri: str, delay: float) -> None:
        if (handle := self.timers.pop(uri, None)) is not None:
            handle.cancel()
        if self.stopping:
            return
        loop = asyncio.get_running_loop()
        self.timers[uri] = loop.call_later(delay, self._start, uri)

    def _recheck_all(self) -> None:
        for uri in list(self.docs):
            self.results.pop(uri, None)
            self.schedule(uri, 0.0)

    def _start(self, uri: str) -> None:
        self.timers.pop(uri, None)
        doc = self.docs.get(uri)
        if doc is None or self.stopping:
            return
        if uri in self.inflight:
            self.pending.add(uri)  # checked again, at its newest version, when this one ends
            return
        snap = Snapshot(uri, doc.version, doc.text, doc.language_id, doc.path)
        fut = asyncio.get_running_loop().run_in_executor(self.checker, self._check, snap)
        self.inflight[uri] = fut
        fut.add_done_callback(partial(self._checked, snap))

    def _check(self, snap: Snapshot):
        """On the checker thread. None: the version is stale, skipped without checking."""
        doc = self.docs.get(snap.uri)
        if doc is None or doc.version != snap.version or doc.text is not snap.text:
            return None
        reloaded = False
        if self.config_watch.changed(self.backend, [snap.path]):
            self.backend.reload()
            reloaded = True
        return analyze(self.backend, snap, self.settings, self.encoding), reloaded

    def _checked(self, snap: Snapshot, fut: asyncio.Future) -> None:
        uri = snap.uri
        self.inflight.pop(uri, None)
        if fut.cancelled():
            return
        reloaded = False
        try:
            out = fut.result()
        except Exception as err:  # a bug in one check: log it, say so on the document, keep serving
            log.exception("checking %s (version %s) failed", uri, snap.version)
            self._tell(f"assertlint: checking {uri} failed: {type(err).__name__}: {err}", t.MessageType.Error)
            out = (error_result(snap, f"{type(err).__name__}: {err}", self.encoding), False)
        if out is not None:
            res, reloaded = out
            doc = self.docs.get(uri)
            if doc is not None and doc.version == snap.version and doc.text is snap.text:
                self.results[uri] = res
                self.text_document_publish_diagnostics(t.PublishDiagnosticsParams(
                    uri=uri, diagnostics=res.diagnostics, version=snap.version))
        if reloaded:
            for other in self.docs:
                if other != uri:
                    self.results.pop(other, None)
                    self.schedule(other, 0.0)
        if uri in self.pending:
            self.pending.discard(uri)
            self._start(uri)

    async def current(self, uri: str) -> Result | None:
        """The check of the document's current version, checking it now if needed."""
        for _ in range(5):
            doc = self.docs.get(uri)
            if doc is None:
                return None
            res = self.results.get(uri)
            if res is not None and res.version == doc.version and res.snapshot.text is doc.text:
                return res
            if uri not in self.inflight:
                if (handle := self.timers.pop(uri, None)) is not None:
                    handle.cancel()
                self._start(uri)
            fut = self.inflight.get(uri)
            if fut is not None:
                try:
                    await asyncio.shield(fut)
                except Exception:
                    pass
                await asyncio.sleep(0)  # let _checked store the result
        return None

    def _tell(self, message: str, kind: t.MessageType) -> None:
        """A message in the client's log (errors also on the server's stderr)."""
        try:
            self.window_log_message(t.LogMessageParams(type=kind, message=message))
        except Exception:  # before the connection is up
            log.warning("%s", message)

    # -- code actions -------------------------------------------------------------------------------
    async def code_action(self, params: t.CodeActionParams):
        uri = params.text_document.uri
        res = await self.current(uri)
        if res is None or not res.findings:
            return None
        only = params.context.only if params.context else None
        out: list[t.CodeAction] = []
        if _wanted(only, t.CodeActionKind.QuickFix):
            out += self._quick_fixes(res, params.range)
        if _wanted(only, actions.FIX_ALL_KIND):
            fix_all = await self._fix_all_action(uri, res)
            if fix_all is not None:
                out.append(fix_all)
        return out or None

    def _quick_fixes(self, res: Result, at: t.Range) -> list[t.CodeAction]:
        """Each suggestion of the findings under `at` as a quick fix, and "ignore this rule"."""
        out: list[t.CodeAction] = []
        enc = self.encoding
        for f, diag in zip(res.findings, res.diagnostics):
            if actions.overlaps(res, f, at, enc):
                out += actions.quick_fixes(res, f, diag, enc, self.versioned_edits)
                out.append(actions.ignore_action(res, f, diag, enc, self.versioned_edits))
        return out

    async def _fix_all_action(self, uri: str, res: Result) -> t.CodeAction | None:
        """source.fixAll.assertlint, when some finding has a safe fix (its edit resolved lazily
        when the client can resolve code actions)."""
        if not any(s.applicability == "safe" and s.edit is not None for f in res.findings for s in f.suggestions):
            return None
        action = t.CodeAction(title="assertlint: fix all safe findings", kind=actions.FIX_ALL_KIND,
                              data={"uri": uri, "version": res.version})
        if not self.resolve_edits:
            action.edit = await self._fix_all_edit(res)
        return action if action.edit is not None or self.resolve_edits else None

    async def code_action_resolve(self, action: t.CodeAction) -> t.CodeAction:
        data = action.data if isinstance(action.data, dict) else {}
        if action.kind == actions.FIX_ALL_KIND and action.edit is None and "uri" in data:
            res = await self.current(data["uri"])
            if res is not None and res.version == data.get("version"):
                action.edit = await self._fix_all_edit(res) or t.WorkspaceEdit(changes={})
        return action

    async def _fix_all_edit(self, res: Result) -> t.WorkspaceEdit | None:
        loop = asyncio.get_running_loop()
        fixed = await loop.run_in_executor(self.checker, lambda: self.backend.fix_text(res.body, res.check_path))
        edits = actions.fix_all_edits(res, fixed.text, self.encoding)
        return actions.workspace_edit(res, edits, self.versioned_edits) if edits else None

    async def fix_all_command(self, *args):
        """assertlint.fixAll [uri]: apply every safe fix to the document (workspace/applyEdit)."""
        first = args[0] if args else None
        uri = first.get("uri") if isinstance(first, dict) else first
        if not isinstance(uri, str) or uri not in self.docs:
            raise JsonRpcInvalidParams(f"{FIX_ALL} takes the URI of an open document")
        res = await self.current(uri)
        if res is None or not res.findings:
            return False
        edit = await self._fix_all_edit(res)
        if edit is None:
            return False
        reply = await self.workspace_apply_edit_async(
            t.ApplyWorkspaceEditParams(edit=edit, label="assertlint: fix all safe findings"))
        return bool(reply.applied)

    # -- hover and explain --------------------------------------------------------------------------
    async def hover(self, params: t.HoverParams) -> t.Hover | None:
        res = await self.current(params.text_document.uri)
        if res is None or not res.findings:
            return None
        at = res.lines.offset_at(params.position.line, params.position.character, self.encoding) - res.shift
        hits = [f for f in res.findings if f.start <= at <= f.end]
        if not hits:
            return None
        loop = asyncio.get_running_loop()
        rules = await loop.run_in_executor(
            self.checker, lambda: [self.backend.rule(f.rule, res.check_path) for f in hits])
        render = hover_markdown if self.markdown_hover else hover_plain
        value = "\n\n---\n\n".join(render(f, r, res.kind) for f, r in zip(hits, rules))
        kind = t.MarkupKind.Markdown if self.markdown_hover else t.MarkupKind.PlainText
        first = hits[0]
        rng = convert.lsp_range(res.lines, first.start + res.shift, first.end + res.shift, self.encoding)
        return t.Hover(contents=t.MarkupContent(kind=kind, value=value), range=rng)

    async def explain(self, *args):
        """assertlint.explain [rule] or [rule, {"show": true}]: the rule's documentation as
        Markdown (what --explain prints); with show, also in a message window."""
        code = args[0] if args and isinstance(args[0], str) else None
        if code is None and args and isinstance(args[0], dict):
            code = args[0].get("rule")
        if not code:
            raise JsonRpcInvalidParams(f"{EXPLAIN} takes a rule id or name, e.g. [\"APO001\"]")
        loop = asyncio.get_running_loop()
        rule = await loop.run_in_executor(self.checker, self.backend.rule, code, None)
        if rule is None:
            raise JsonRpcInvalidParams(f"no rule {code!r} (see assertlint --list-rules)")
        text = rule_markdown(rule)
        show = any(isinstance(a, dict) and a.get("show") for a in args[1:])
        if show:
            self.window_show_message(t.ShowMessageParams(type=t.MessageType.Info, message=text))
        return text
