"""One check path: the Python API, the Session and the command line give the same findings (and
the same fixes) on the dev set, the examples and the suppression cases."""
from __future__ import annotations

import json
import os
import shutil

import pytest
from click.testing import CliRunner

import assertlint
from assertlint.cli import main
from assertlint.session import FileResult, FixResult, Session, SessionOptions

from conftest import EXAMPLES, SHARED


def cli_json(args, input=None) -> list[dict]:
    res = CliRunner().invoke(main, ["--format", "json", "--no-cache", *args], input=input, catch_exceptions=False)
    assert res.exit_code in (0, 1), res.stderr
    return json.loads(res.stdout)


def api_json(texts: list[str], paths: list[str]) -> list[dict]:
    return [f.to_json() for fs in assertlint.check_many(texts, paths=paths) for f in fs]


def _write_all(folder, items: list[tuple[str, str]]) -> list[str]:
    paths = []
    for name, text in items:
        p = folder / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
        paths.append(str(p))
    return paths


def test_dev_set_api_and_cli_agree(tmp_path):
    dev = SHARED / "eval" / "dev.jsonl"
    if not dev.exists():
        pytest.skip(f"{dev} is not here (../shared ships with the team's checkouts and CI, not with user clones)")
    items = [json.loads(line) for line in dev.read_text(encoding="utf-8").splitlines() if line.strip()]
    pairs = [(f"{it['id']}.txt", it["text"] + "\n") for it in items]
    paths = _write_all(tmp_path, pairs)
    from_cli = cli_json([str(tmp_path)])
    from_api = api_json([t for _, t in pairs], paths)
    assert from_cli, "the dev set has findings"
    assert sorted(from_api, key=json.dumps) == sorted(from_cli, key=json.dumps)


def test_examples_api_and_cli_agree(tmp_path):
    work = tmp_path / "examples"
    shutil.copytree(EXAMPLES, work)
    files = sorted(p for p in work.iterdir() if p.suffix in (".txt", ".md", ".rst"))
    from_cli = cli_json([str(p) for p in files])
    from_api = api_json([p.read_text(encoding="utf-8") for p in files], [str(p) for p in files])
    assert from_cli and from_api == from_cli


SUPPRESSION_CASES = [
    ("inline.txt", "You always ignore my emails. assertlint: ignore\nSorry to bother you, but is it ready?\n"),
    ("codes.txt", "You always ignore my emails.  assertlint: ignore[apology]\n"),
    ("next.txt", "assertlint: ignore-next-line[JDG]\nYou always ignore my emails.\n"),
    ("range.md", "# Notes\n\n<!-- assertlint: disable[passive] -->\nI just wanted to ask.\n<!-- assertlint: enable -->\n"
                 "\nI just wanted to ask.\n"),
    ("notcomment.md", "You always ignore my emails. assertlint: ignore\n"),
    ("code.md", "Use `assertlint: ignore` like this.\n\nYou always ignore my emails.\n"),
    ("docs/legal/terms.md", "I think maybe we should move the launch.\n\nYou always ignore my emails.\n"),
    ("quiet.txt", "I think maybe we should move the launch.\n"),
]


def test_suppressions_per_file_ignores_and_min_severity_agree(tmp_path, monkeypatch):
    (tmp_path / ".assertlint.toml").write_text(
        '[per-file-ignores]\n"docs/legal/*.md" = ["hedge"]\n[severity]\nHDG001 = "info"\n'
    )
    paths = _write_all(tmp_path, SUPPRESSION_CASES)
    monkeypatch.chdir(tmp_path)
    assertlint.api.session().reload()
    texts = [t for _, t in SUPPRESSION_CASES]
    from_cli = cli_json(paths)
    assert sorted(from_cli, key=json.dumps) == sorted(api_json(texts, paths), key=json.dumps)
    rules_by_file = {}
    for f in from_cli:
        rules_by_file.setdefault(os.path.relpath(f["path"], tmp_path), set()).add(f["category"])
    assert "inline.txt" in rules_by_file and rules_by_file["inline.txt"] == {"apology"}
    assert "codes.txt" in rules_by_file  # ignore[apology] does not cover the judging finding
    assert "next.txt" not in rules_by_file and "range.md" in rules_by_file
    assert "notcomment.md" in rules_by_file and "code.md" in rules_by_file
    assert rules_by_file["docs/legal/terms.md"] == {"judging"}
    # min-severity from the command line and from SessionOptions
    floor = cli_json(["--min-severity", "warning", *paths])
    s = Session(SessionOptions(min_severity="warning"))
    assert sorted(floor, key=json.dumps) == sorted(
        (f.to_json() for r in s.check_texts(list(zip(texts, paths))) for f in r.findings), key=json.dumps)
    assert all(f["severity"] != "info" for f in floor)


def test_fix_api_and_cli_agree():
    text = ("Sorry to bother you, but is the report ready? I was wondering if you could review my PR.\n"
            "I think maybe we should move the launch. You always ignore my emails.\n")
    res = CliRunner().invoke(main, ["--fix", "--quiet", "--no-cache", "-"], input=text, catch_exceptions=False)
    assert assertlint.fix(text) == res.stdout_bytes.decode()
    assert assertlint.fix(text) != text
    fixed = Session().fix_text(text, path="a.txt")
    assert isinstance(fixed, FixResult) and fixed.changed and fixed.text == assertlint.fix(text)
    assert [f.rule for f in fixed.findings] == [f["rule"] for f in cli_json(["-"], input=fixed.text)]


def test_session_results_are_plain_objects_and_errors_are_results(tmp_path):
    s = Session()
    r = s.check_text("You always ignore my emails.\n", path="notes/never-written.md")
    assert isinstance(r, FileResult) and r.error is None and r.path == "notes/never-written.md"
    assert [f.rule for f in r.findings] == ["JDG001"]
    assert r.findings[0].text == r.text[r.findings[0].start:r.findings[0].end]
    (tmp_path / ".assertlint.toml").write_text("selekt = 1\n")
    bad = s.check_text("Fine.\n", path=str(tmp_path / "x.txt"))
    assert bad.error and "selekt" in bad.error and bad.findings == ()
    out = s.check_texts([("You never reply.\n", "a.txt"), ("Fine.\n", str(tmp_path / "x.txt"))])
    assert out[0].findings and out[1].error


def test_session_reload_sees_an_edited_config(tmp_path):
    cfg = tmp_path / ".assertlint.toml"
    cfg.write_text('ignore = ["judging"]\n')
    path = str(tmp_path / "a.txt")
    s = Session()
    assert s.check_text("You always ignore my emails.\n", path).findings == ()
    assert s.settings_for(path).ignore == ("judging",)
    cfg.write_text('ignore = ["apology"]\n')
    assert s.check_text("You always ignore my emails.\n", path).findings == ()  # still the cached config
    s.reload()
    assert [f.rule for f in s.check_text("You always ignore my emails.\n", path).findings] == ["JDG001"]
    assert all(r.category != "apology" for r in s.rules(path))


def test_excluded_and_stdin_filename(tmp_path):
    (tmp_path / ".assertlint.toml").write_text('exclude = ["drafts/"]\n')
    s = Session(SessionOptions(stdin_filename=str(tmp_path / "drafts" / "x.md")))
    assert s.excluded(str(tmp_path / "drafts" / "a.md")) and not s.excluded(str(tmp_path / "a.md"))
    r = s.check_text("# Notes\n\n```\nYou always ignore my emails.\n```\n", path="-")
    assert r.path == str(tmp_path / "drafts" / "x.md") and r.findings == ()  # Markdown: code is skipped


def test_replacement_is_the_fixed_text_of_the_span():
    from assertlint.rewrite.repair import widened

    text = ("Sorry to bother you, but is the report ready? I was wondering if you could review my PR.\n"
            "I think maybe we should move the launch. Quick question: who owns billing?\n")
    seen = 0
    for f in assertlint.check(text):
        for s in f.suggestions:
            if s.edit is None:
                continue
            a, b = widened(text, f.start, f.end, s.edit)
            assert a <= f.start and f.end <= b
            by_edit = text[:s.edit.start] + s.edit.content + text[s.edit.end:]
            assert text[:a] + s.replacement + text[b:] == by_edit
            seen += 1
    assert seen >= 4
    first = assertlint.check("Sorry to bother you, but is the report ready?")[0]
    assert first.suggestions[0].replacement == "Is"
