"""The language server end to end: `assertlint server` as a subprocess, driven over stdio by
pygls's language client (tests/lsp_client.py), the way an editor drives it."""
from __future__ import annotations

import sys
import textwrap
import time

import pytest
from lsprotocol import types as t

from lsp_client import Editor, ref_offset, ref_range, rng

pytestmark = pytest.mark.slow

APO = "Sorry to bother you, but is the report ready?"
JDG = "You always ignore my emails."


def covered(ed: Editor, uri: str, d) -> str:
    """The document text a diagnostic's range covers (by the reference conversion)."""
    text = ed.texts[uri]
    r = d.range
    return text[ref_offset(text, r.start.line, r.start.character, ed.encoding):
                ref_offset(text, r.end.line, r.end.character, ed.encoding)]


def by_code(diags, code):
    hits = [d for d in diags if d.code == code]
    assert hits, f"no {code} in {[d.code for d in diags]}"
    return hits[0]


@pytest.fixture
def editor(tmp_path):
    eds = []

    def make(**kw):
        kw.setdefault("cwd", str(tmp_path))
        ed = Editor(**kw)
        eds.append(ed)
        return ed

    yield make
    for ed in eds:
        ed.kill()


def test_open_change_diagnose_fix_hover_explain_shutdown(tmp_path, editor):
    ed = editor()
    uri = (tmp_path / "draft.md").as_uri()
    ed.open(uri, "# Status\n\nThe build is green.\n", "markdown")
    assert ed.diagnostics(uri, 1) == []

    end = len(ed.texts[uri])
    ed.replace(uri, end, end, f"{APO} {JDG}\n")  # typed at the end: an incremental change
    diags = ed.diagnostics(uri, 2)
    apo, jdg = by_code(diags, "APO001"), by_code(diags, "JDG001")
    assert covered(ed, uri, apo).startswith("Sorry to bother you") and covered(ed, uri, jdg).startswith("You always")
    assert all(d.source == "assertlint" for d in diags)
    assert apo.severity == t.DiagnosticSeverity.Warning and "(apology)" in apo.message and "(judging)" in jdg.message

    # the preferred quick fix for the apology, applied as the editor applies it
    acts = ed.code_actions(uri, ed.texts[uri].index("Sorry") + 3)
    fixes = [a for a in acts if a.kind == t.CodeActionKind.QuickFix and a.title.startswith("APO001")]
    assert fixes and fixes[0].is_preferred and fixes[0].diagnostics[0].code == "APO001"
    assert any(a.title == "Ignore APO001 on this line" for a in acts)
    ed.apply(fixes[0].edit)
    assert ed.texts[uri] == f"# Status\n\nThe build is green.\nIs the report ready? {JDG}\n"
    diags = ed.diagnostics(uri, 3)
    assert [d.code for d in diags] == ["JDG001"]

    # hover: the rule's why and what to write instead
    hover = ed.hover(uri, ed.texts[uri].index("always"))
    assert hover.contents.kind == t.MarkupKind.Markdown
    assert "JDG001" in hover.contents.value and "Why it lands badly" in hover.contents.value
    assert "Use instead" in hover.contents.value
    assert "<!-- assertlint: ignore[JDG001] -->" in hover.contents.value  # the directive for Markdown
    assert covered(ed, uri, hover) == "You always ignore"[: len(covered(ed, uri, hover))]
    assert ed.hover(uri, 3) is None  # the heading: nothing there

    # explain, as workspace/executeCommand
    doc = ed.execute("assertlint.explain", "JDG001")
    assert doc.startswith("# JDG001") and "## Why it lands badly" in doc

    # ignore this rule on this line: the same inline directive the CLI honours
    ignore = [a for a in ed.code_actions(uri, ed.texts[uri].index("always")) if a.title == "Ignore JDG001 on this line"]
    ed.apply(ignore[0].edit)
    assert ed.texts[uri].splitlines()[-1].endswith(f"{JDG} <!-- assertlint: ignore[JDG001] -->")
    assert ed.diagnostics(uri, 4) == []

    # saving checks again (the same version is published anew)
    seen = len(ed.published[uri])
    ed.save(uri)
    assert ed.diagnostics(uri, 4, after=seen) == []
    # closing clears the document's diagnostics
    ed.close(uri)
    ed.wait_for(lambda: ed.published[uri][-1].version is None and not ed.published[uri][-1].diagnostics,
                what="cleared diagnostics")

    assert ed.shutdown() == 0


def test_ignore_action_extends_a_directive_already_on_the_line(tmp_path, editor):
    ed = editor()
    uri = (tmp_path / "n.md").as_uri()
    ed.open(uri, f"Intro.\n\n{APO} {JDG} <!-- assertlint: ignore[APO001] -->\n", "markdown")
    assert [d.code for d in ed.diagnostics(uri, 1)] == ["JDG001"]
    action = next(a for a in ed.code_actions(uri, ed.texts[uri].index("always")) if a.title.startswith("Ignore"))
    ed.apply(action.edit)
    assert ed.texts[uri].endswith(f"{JDG} <!-- assertlint: ignore[APO001,JDG001] -->\n")
    assert ed.diagnostics(uri, 2) == []


def test_fix_all_as_source_action_resolve_and_command(tmp_path, editor):
    ed = editor()
    uri = (tmp_path / "mail.txt").as_uri()
    text = f"Hi Sam,\n\n{APO} I just wanted to check the numbers. {JDG}\n"
    ed.open(uri, text)
    assert {d.code for d in ed.diagnostics(uri, 1)} >= {"APO001", "MIN001", "JDG001"}
    acts = ed.code_actions(uri, 0, only=["source.fixAll.assertlint"])
    assert [a.kind for a in acts] == ["source.fixAll.assertlint"]  # quick fixes filtered out by `only`
    action = acts[0] if acts[0].edit is not None else ed.resolve(acts[0])
    ed.apply(action.edit)
    fixed = ed.texts[uri]
    assert fixed == f"Hi Sam,\n\nIs the report ready? I wanted to check the numbers. {JDG}\n"
    assert [d.code for d in ed.diagnostics(uri, 2)] == ["JDG001"]  # no safe fix: left for the writer
    # the command form: the server sends workspace/applyEdit
    ed.replace(uri, 0, 0, "Sorry to bother you, but one more thing. ")
    ed.diagnostics(uri, 3)
    assert ed.execute("assertlint.fixAll", uri) is True
    assert ed.texts[uri].startswith("One more thing. Hi Sam,")
    assert ed.shutdown() == 0


def test_code_action_resolve_fills_in_the_fix_all_edit(tmp_path, editor):
    ed = editor()
    uri = (tmp_path / "a.txt").as_uri()
    ed.open(uri, f"{APO}\n")
    ed.diagnostics(uri, 1)
    action = t.CodeAction(title="fix all", kind="source.fixAll.assertlint", data={"uri": uri, "version": 1})
    resolved = ed.resolve(action)
    ed.apply(resolved.edit)
    assert ed.texts[uri] == "Is the report ready?\n"


def test_utf16_positions_emoji_cjk_crlf_and_bom(tmp_path, editor):
    ed = editor()
    assert ed.encoding == "utf-16"
    uri = (tmp_path / "notes.txt").as_uri()
    text = f"\ufeffSorry to bother you, but is it ready? 😀\r\n🙂🙂 日本語のメモ。 {JDG} 你好\r\n"
    ed.open(uri, text)
    diags = ed.diagnostics(uri, 1)
    apo, jdg = by_code(diags, "APO001"), by_code(diags, "JDG001")
    a = text.index("Sorry")
    assert rng(apo)[0] == ref_range(text, a, a)[0] == (0, 1)  # after the BOM
    j = text.index("You always")
    assert rng(jdg)[0] == ref_range(text, j, j)[0] == (1, 2 + 2 + 1 + 7 + 1)  # two surrogate pairs, a space, seven CJK, a space
    assert covered(ed, uri, jdg).startswith("You always")
    fix = next(a for a in ed.code_actions(uri, a + 1) if a.is_preferred)
    ed.apply(fix.edit)
    assert ed.texts[uri] == f"\ufeffIs it ready? 😀\r\n🙂🙂 日本語のメモ。 {JDG} 你好\r\n"  # BOM and CRLF kept
    assert [d.code for d in ed.diagnostics(uri, 2)] == ["JDG001"]
    ignore = next(a for a in ed.code_actions(uri, ed.texts[uri].index("always")) if a.title.startswith("Ignore"))
    ed.apply(ignore.edit)
    assert ed.texts[uri].split("\r\n")[1].endswith("你好 assertlint: ignore[JDG001]")
    assert ed.diagnostics(uri, 3) == []


def test_utf8_positions_when_the_client_prefers_them(tmp_path, editor):
    ed = editor(encodings=["utf-8", "utf-16"])
    assert ed.encoding == "utf-8"
    uri = (tmp_path / "n.txt").as_uri()
    text = f"日本語 😀 {APO}\n"
    ed.open(uri, text)
    d = by_code(ed.diagnostics(uri, 1), "APO001")
    a = text.index("Sorry")
    assert rng(d)[0] == (0, 9 + 1 + 4 + 1) == ref_range(text, a, a, "utf-8")[0]
    ed.replace(uri, 0, 0, "😀")  # an incremental change in UTF-8 units
    d = by_code(ed.diagnostics(uri, 2), "APO001")
    assert rng(d)[0] == (0, 4 + 9 + 1 + 4 + 1)


def test_markup_by_language_id_or_suffix(tmp_path, editor):
    ed = editor()
    text = "<div>Sorry to bother you, but is it ready?</div>\n\nExample::\n\n    Sorry to bother you, but is it ready?\n"
    lines = {}
    for name, lang in [("t.txt", "plaintext"), ("t.md", "markdown"), ("t.rst", "restructuredtext"),
                       ("NOTES", "markdown"), ("README", "plaintext"), ("doc.rst", "unknown-id"),
                       ("t2.md", "plaintext")]:
        uri = (tmp_path / name).as_uri()
        ed.open(uri, text, lang)
        lines[name] = sorted(d.range.start.line for d in ed.diagnostics(uri, 1))
    assert lines["t.txt"] == lines["README"] == [0, 4]  # plain text: both
    assert lines["t.md"] == lines["NOTES"] == lines["t2.md"] == []  # Markdown: HTML and code are not prose
    assert lines["t.rst"] == lines["doc.rst"] == [0]  # reST: the literal block is code


def test_rapid_incremental_edits_publish_the_newest_version(tmp_path, editor):
    ed = editor()
    uri = (tmp_path / "typing.txt").as_uri()
    ed.open(uri, "Status:\r\n")
    ed.diagnostics(uri, 1)
    pos = len(ed.texts[uri])
    for ch in f"{APO} 😀 {JDG}":  # typed one character at a time, no pause
        ed.replace(uri, pos, pos, ch)
        pos += len(ch)
    ed.change(uri, [(0, 6, "State"), (len("State:\r\n"), len("State:\r\n"), "日本 ")])  # two changes in one
    last = ed.versions[uri]
    diags = ed.diagnostics(uri, last)
    twin = (tmp_path / "twin.txt").as_uri()
    ed.open(twin, ed.texts[uri])
    assert [(d.code, rng(d)) for d in diags] == [(d.code, rng(d)) for d in ed.diagnostics(twin, 1)]
    versions = [p.version for p in ed.published[uri]]
    assert versions == sorted(versions) and versions[-1] == last
    assert len(versions) < last  # stale versions were skipped, not all checked


def test_config_per_document_and_edits_without_restart(tmp_path, editor):
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    cfg = a / ".assertlint.toml"
    cfg.write_text('ignore = ["apology"]\nexclude = ["skip.txt"]\n[per-file-ignores]\n"*.md" = ["judging"]\n')
    ed = editor()
    text = f"{APO} {JDG}\n"
    ua, ub, umd, uskip = (a / "x.txt").as_uri(), (b / "x.txt").as_uri(), (a / "y.md").as_uri(), (a / "skip.txt").as_uri()
    for uri in (ua, ub, umd, uskip):
        ed.open(uri, text)
    assert [d.code for d in ed.diagnostics(ua, 1)] == ["JDG001"]
    assert [d.code for d in ed.diagnostics(ub, 1)] == ["APO001", "JDG001"]
    assert [d.code for d in ed.diagnostics(umd, 1)] == []  # apology ignored, judging per-file-ignored
    assert ed.diagnostics(uskip, 1) == []  # excluded
    # the config file changes on disk: no edit, no restart, no notification from the client
    seen = len(ed.published[ua])
    cfg.write_text('ignore = ["JDG"]\n')
    assert [d.code for d in ed.diagnostics(ua, 1, after=seen, timeout=30)] == ["APO001"]
    # a client that watches files says so, and that works too
    seen = len(ed.published[ua])
    time.sleep(0.01)
    cfg.write_text("min-severity = \"error\"\n")
    ed.notify_watched(str(cfg))
    assert ed.diagnostics(ua, 1, after=seen, timeout=30) == []
    # a broken config: one clear diagnostic naming the file, and the server keeps serving
    seen = len(ed.published[ua])
    cfg.write_text("select = [\n")
    ed.notify_watched(str(cfg))
    broken = ed.diagnostics(ua, 1, after=seen, timeout=30)
    assert len(broken) == 1 and broken[0].severity == t.DiagnosticSeverity.Error
    assert ".assertlint.toml" in broken[0].message and "invalid TOML" in broken[0].message
    assert [d.code for d in ed.diagnostics(ub, 1)] == ["APO001", "JDG001"]


def test_settings_push_and_pull_take_effect_without_restart(tmp_path, editor):
    # initializationOptions, then the client's settings over them (the pulled selection keeps
    # the initial ignore)
    ed = editor(init_options={"ignore": ["judging"]}, pull_config={"select": ["apology", "judging"]})
    uri = (tmp_path / "x.txt").as_uri()
    ed.open(uri, f"{APO} I just wanted to ask. {JDG}\n")
    first = ed.diagnostics(uri, 1)
    # the client was asked for its "assertlint" section at start; that may land before or
    # after the first check, so wait for the pulled selection to show
    ed.wait_for(lambda: ed.config_requests >= 1, what="a workspace/configuration request")
    ed.wait_for(lambda: [d.code for d in ed.published[uri][-1].diagnostics] == ["APO001"], what="pulled settings")
    assert "JDG001" not in [d.code for d in first]
    seen = len(ed.published[uri])
    ed.notify_configuration({"assertlint": {"select": [], "ignore": ["apology"], "minSeverity": "info"}})
    assert sorted(d.code for d in ed.diagnostics(uri, 1, after=seen)) == ["JDG001", "MIN001"]
    seen = len(ed.published[uri])
    ed.pull_config = {"select": ["judging"], "ignore": []}  # an empty list overrides the initial ignore
    ed.notify_configuration(None)  # pull model: the server asks again
    assert [d.code for d in ed.diagnostics(uri, 1, after=seen)] == ["JDG001"]


def test_huge_and_binary_documents_are_skipped_with_a_clear_diagnostic(tmp_path, editor):
    ed = editor(init_options={"reportUnusedIgnores": True})
    huge = (tmp_path / "huge.txt").as_uri()
    ed.open(huge, f"{APO} " * 15_000)  # 690,000 characters, over the default limit
    d = ed.diagnostics(huge, 1, timeout=30)
    assert len(d) == 1 and d[0].code == "too-large" and "maxDocumentChars" in d[0].message
    binary = (tmp_path / "blob.txt").as_uri()
    ed.open(binary, f"{APO}\x00\x01\x02")
    d = ed.diagnostics(binary, 1)
    assert len(d) == 1 and d[0].code == "binary" and "NUL" in d[0].message
    ok = (tmp_path / "ok.txt").as_uri()
    ed.open(ok, f"{APO}\nFine. assertlint: ignore[JDG001]\n")
    d = ed.diagnostics(ok, 1)
    assert [x.code for x in d] == ["APO001", "unused-ignore"]
    assert list(d[1].tags) == [t.DiagnosticTag.Unnecessary] and d[1].range.start.line == 1


def test_a_crash_in_one_check_is_logged_and_the_server_keeps_serving(tmp_path, editor):
    script = tmp_path / "crashing_server.py"
    script.write_text(textwrap.dedent("""
        from assertlint.lsp.backend import Backend
        from assertlint.lsp.server import AssertlintServer

        class Crashing(Backend):  # a bug in the linter, triggered by one text
            def check_text(self, text, path=None):
                if "CRASH" in text:
                    raise RuntimeError("boom in the rule engine")
                return super().check_text(text, path)

        AssertlintServer(backend_factory=Crashing).start_io()
    """))
    ed = editor(cmd=[sys.executable, str(script)])
    bad, good = (tmp_path / "bad.txt").as_uri(), (tmp_path / "good.txt").as_uri()
    ed.open(bad, f"CRASH {APO}\n")
    d = ed.diagnostics(bad, 1)
    assert len(d) == 1 and d[0].code == "internal-error" and "boom in the rule engine" in d[0].message
    ed.wait_for(lambda: any("boom in the rule engine" in m for m in ed.logs), what="the crash in the client's log")
    ed.open(good, f"{APO}\n")
    assert [x.code for x in ed.diagnostics(good, 1)] == ["APO001"]
    ed.replace(bad, 0, 5, "")  # the crashing text is gone: the document is checked again
    assert [x.code for x in ed.diagnostics(bad, 2)] == ["APO001"]
    assert ed.shutdown() == 0
