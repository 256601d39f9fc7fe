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
    assert ".assertlint.toml: unknown key 'selekt'; allowed keys: select" in res.stderr
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
