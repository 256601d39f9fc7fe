"""Config files, inline suppression and baselines, end to end through the command line."""
from __future__ import annotations

import json

from click.testing import CliRunner

from assertlint.cli import main

FLAGGED = "Sorry to bother you, but is it ready?\nYou always ignore my emails.\n"


def run(args, cwd=None, input=None):
    return CliRunner().invoke(main, args, input=input, catch_exceptions=False)


def cats(res) -> set[str]:
    return {f["category"] for f in json.loads(res.stdout)}


def test_nearest_config_wins(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text('[tool.assertlint]\nignore = ["judging"]\n')
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / ".assertlint.toml").write_text('ignore = ["apology"]\n')
    (tmp_path / "a.txt").write_text(FLAGGED)
    (sub / "b.txt").write_text(FLAGGED)
    assert cats(run(["--format", "json", str(tmp_path / "a.txt")])) == {"apology"}
    assert cats(run(["--format", "json", str(sub / "b.txt")])) == {"judging"}
    assert cats(run(["--format", "json", "--isolated", str(sub / "b.txt")])) == {"apology", "judging"}
    cfg = tmp_path / "other.toml"
    cfg.write_text('select = ["judging"]\n')
    assert cats(run(["--format", "json", "--config", str(cfg), str(sub / "b.txt")])) == {"judging"}


def test_pyproject_without_section_is_skipped(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n')
    (tmp_path / "a.txt").write_text(FLAGGED)
    assert cats(run(["--format", "json", str(tmp_path / "a.txt")])) == {"apology", "judging"}


def test_unknown_key_and_bad_value_are_errors(tmp_path):
    (tmp_path / ".assertlint.toml").write_text('selekt = ["judging"]\n')
    (tmp_path / "a.txt").write_text(FLAGGED)
    res = run([str(tmp_path / "a.txt")])
    assert res.exit_code == 2
    assert ".assertlint.toml: unknown key 'selekt'; did you mean 'select'?; allowed keys: select" in res.stderr
    (tmp_path / ".assertlint.toml").write_text('min-severity = "loud"\n')
    res = run([str(tmp_path / "a.txt")])
    assert res.exit_code == 2 and "'min-severity' = 'loud'; allowed: info, warning, error" in res.stderr


def test_severity_override_min_severity_per_file_ignores_and_exclude(tmp_path):
    (tmp_path / ".assertlint.toml").write_text(
        'min-severity = "warning"\nexclude = ["drafts/"]\n'
        '[severity]\nAPO001 = "info"\n[per-file-ignores]\n"notes/*.txt" = ["judging"]\n'
    )
    for d in ("drafts", "notes"):
        (tmp_path / d).mkdir()
        (tmp_path / d / "x.txt").write_text(FLAGGED)
    (tmp_path / "top.txt").write_text(FLAGGED)
    data = json.loads(run(["--format", "json", str(tmp_path)]).stdout)
    by_file = {}
    for f in data:
        by_file.setdefault(f["path"].replace(str(tmp_path) + "/", ""), set()).add(f["category"])
    assert by_file == {"top.txt": {"judging"}}  # apology dropped to info, below min-severity


def test_inline_suppression(tmp_path):
    text = (
        "Sorry to bother you, but is it ready?  assertlint: ignore[apology]\n"
        "assertlint: ignore-next-line\n"
        "You always ignore my emails.\n"
        "assertlint: disable[judging]\n"
        "You never listen.\n"
        "assertlint: enable\n"
        "You never reply.\n"
        "Fine.  assertlint: ignore[JDG]\n"
    )
    p = tmp_path / "s.txt"
    p.write_text(text)
    res = run(["--format", "json", "--report-unused-ignores", str(p)])
    data = json.loads(res.stdout)
    assert [(f["line"], f["rule"]) for f in data] == [(7, "JDG001")]
    assert f"{p}:8:8: unused suppression 'assertlint: ignore[JDG]'" in res.stderr


def test_markdown_comment_suppression(tmp_path):
    p = tmp_path / "s.md"
    p.write_text("<!-- assertlint: ignore-next-line -->\nYou always ignore my emails.\n\nYou never reply. <!-- assertlint: ignore -->\n")
    assert json.loads(run(["--format", "json", str(p)]).stdout) == []


def test_baseline_reports_only_new_findings(tmp_path):
    p = tmp_path / "d.txt"
    p.write_text(FLAGGED)
    bl = tmp_path / "baseline.json"
    res = run(["--write-baseline", str(bl), str(p)])
    assert res.exit_code == 0 and bl.exists()
    # an edit elsewhere moves the old findings down; they stay known
    p.write_text("New first line.\n\n" + FLAGGED + "You never reply.\n")
    data = json.loads(run(["--format", "json", "--baseline", str(bl), str(p)]).stdout)
    assert [f["text"] for f in data] == ["You never reply"]
    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2]")
    res = run(["--baseline", str(bad), str(p)])
    assert res.exit_code == 2 and "not a valid baseline file" in res.stderr


def test_bad_config_is_reported_per_file_and_others_still_checked(tmp_path):
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / ".assertlint.toml").write_text("bogus = 1\n")
    (bad / "a.txt").write_text(FLAGGED)
    good = tmp_path / "good"
    good.mkdir()
    (good / "b.txt").write_text(FLAGGED)
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01")
    res = run(["--format", "json", str(tmp_path / "nosuch.txt"), str(tmp_path / "bin.txt"), str(bad), str(good)])
    assert res.exit_code == 2
    for needle in ("nosuch.txt: no such file", "bin.txt: looks like a binary", ".assertlint.toml: unknown key 'bogus'"):
        assert needle in res.stderr
    assert {f["path"] for f in json.loads(res.stdout)} == {str(good / "b.txt")}


def test_config_errors_name_the_config_file(tmp_path):
    cfg = tmp_path / ".assertlint.toml"
    (tmp_path / "a.txt").write_text(FLAGGED)
    for body, needle in [
        ('select = ["NOPE"]\n', "'NOPE' matches no rule"),
        ('[severity]\nXYZ999 = "error"\n', "severity.XYZ999: no such rule"),
    ]:
        cfg.write_text(body)
        res = run([str(tmp_path / "a.txt")])
        assert res.exit_code == 2 and f"{cfg}: " in res.stderr and needle in res.stderr, res.stderr
    cfg.write_bytes(b'select = "\xff"\n')
    res = run([str(tmp_path / "a.txt")])
    assert res.exit_code == 2 and "not valid UTF-8" in res.stderr and "Traceback" not in res.stderr


def test_force_exclude_applies_to_named_files_and_stdin_filename_picks_config(tmp_path, monkeypatch):
    (tmp_path / ".assertlint.toml").write_text('exclude = ["drafts/"]\nignore = ["apology"]\n')
    (tmp_path / "drafts").mkdir()
    f = tmp_path / "drafts" / "x.txt"
    f.write_text(FLAGGED)
    assert json.loads(run(["--format", "json", str(f)]).stdout)  # named: linted
    assert json.loads(run(["--format", "json", "--force-exclude", str(f)]).stdout) == []
    monkeypatch.chdir("/")
    res = run(["--format", "json", "--stdin-filename", str(tmp_path / "x.txt"), "-"], input=FLAGGED)
    assert cats(res) == {"judging"}  # the config beside the named buffer dropped apology


def test_inline_ignore_all_and_per_file_all(tmp_path):
    p = tmp_path / "s.txt"
    p.write_text("You always ignore my emails.  assertlint: ignore[ALL]\n")
    assert json.loads(run(["--format", "json", str(p)]).stdout) == []


def test_baseline_paths_are_relative_to_the_baseline_file(tmp_path, monkeypatch):
    proj = tmp_path / "proj"
    proj.mkdir()
    (proj / "d.txt").write_text(FLAGGED)
    bl = tmp_path / "baseline.json"
    monkeypatch.chdir(tmp_path)
    assert run(["--write-baseline", str(bl), "proj"]).exit_code == 0
    monkeypatch.chdir(proj)
    assert json.loads(run(["--format", "json", "--baseline", str(bl), "."]).stdout) == []
    res = run(["--write-baseline", str(tmp_path / "nope" / "b.json"), "d.txt"])
    assert res.exit_code == 2 and "baseline cannot be written" in res.stderr
    res = run(["--baseline", str(tmp_path), "d.txt"])
    assert res.exit_code == 2 and "baseline cannot be read" in res.stderr


def test_directives_inside_code_do_not_count(tmp_path):
    p = tmp_path / "s.md"
    p.write_text("Use `assertlint: disable` to silence a block.\n\nYou always ignore my emails.\n")
    assert [f["rule"] for f in json.loads(run(["--format", "json", str(p)]).stdout)] == ["JDG001"]
    readme = (
        "Write `<!-- assertlint: ignore -->` at the end of a line.\n\n"
        "```markdown\n<!-- assertlint: ignore-next-line -->\n```\n\n"
        "    <!-- assertlint: disable -->\n\n"
        "You always ignore my emails.\n"
    )
    plain = readme.replace("    <!-- assertlint: disable -->\n\n", "")  # indented is code only in Markdown
    for name, body in [("r.md", readme), ("r.txt", plain), ("r.rst", plain)]:
        q = tmp_path / name
        q.write_text(body)
        res = run(["--format", "json", "--report-unused-ignores", str(q)])
        assert [f["rule"] for f in json.loads(res.stdout)] == ["JDG001"], name
        assert "unused suppression" not in res.stderr, name
    t = tmp_path / "c.txt"  # plain text: backtick spans and fences, as in chat messages
    t.write_text("Try `assertlint: ignore-next-line`\nYou always ignore my emails.\n```\nassertlint: disable\n```\nYou never reply.\n")
    res = run(["--format", "json", "--report-unused-ignores", str(t)])
    assert [f["line"] for f in json.loads(res.stdout)] == [2, 6]
    assert "unused suppression" not in res.stderr


def test_markdown_directives_only_inside_html_comments(tmp_path):
    p = tmp_path / "s.md"
    p.write_text("You always ignore my emails.  assertlint: ignore\n\nYou never reply.\n<!--\nassertlint: ignore-next-line\n-->\nYou never listen.\n")
    res = run(["--format", "json", "--report-unused-ignores", str(p)])
    assert [f["line"] for f in json.loads(res.stdout)] == [1, 3]
    assert "unused suppression" not in res.stderr


def test_rst_directives_inside_literal_blocks_do_not_count(tmp_path):
    p = tmp_path / "r.rst"
    p.write_text(
        "Silence a block like this::\n\n    .. assertlint: disable\n\n"
        ".. code-block:: rst\n\n   .. assertlint: ignore-next-line\n\n"
        "You always ignore my emails.\n\n"
        ".. assertlint: ignore-next-line\n"
        "You never reply.\n"
    )
    res = run(["--format", "json", "--report-unused-ignores", str(p)])
    assert [f["line"] for f in json.loads(res.stdout)] == [9]
    assert "unused suppression" not in res.stderr
