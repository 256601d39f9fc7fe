"""Habits of ruff users: .gitignore and .assertlintignore in folder searches, gitignore-style
globs in `exclude` and `per-file-ignores`, --exclude / --extend-exclude / --min-severity on the
command line, --show-files, --show-settings, did-you-mean hints, the explicit `check` command."""
from __future__ import annotations

import json
import os
import subprocess

from click.testing import CliRunner

from assertlint.cli import main

FLAGGED = "Sorry to bother you, but is it ready?\nYou always ignore my emails.\n"


def run(args, input=None):
    return CliRunner().invoke(main, args, input=input, catch_exceptions=False)


def files_of(res) -> set[str]:
    return {line for line in res.stdout.splitlines() if line}


def _tree(root, names):
    for name in names:
        p = root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(FLAGGED)


def test_gitignore_and_assertlintignore_are_respected(tmp_path, monkeypatch):
    _tree(tmp_path, ["docs/a.md", "docs/generated/b.md", "notes/c.txt", "notes/keep.txt", "drafts/d.txt",
                     "build/e.md", "env/f.md", "docs/sub/secret.md"])
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    (tmp_path / ".gitignore").write_text("generated/\nnotes/*.txt\n!notes/keep.txt\n")
    (tmp_path / ".assertlintignore").write_text("drafts/\n")
    (tmp_path / "docs" / ".gitignore").write_text("sub/secret.md\n")
    monkeypatch.chdir(tmp_path)
    found = files_of(run(["--show-files", "."]))
    assert found == {"./docs/a.md", "./notes/keep.txt", "./build/e.md", "./env/f.md"}
    # a subfolder still honours the repository's top-level .gitignore
    assert files_of(run(["--show-files", "docs"])) == {"docs/a.md"}
    # a file named on the command line is checked even when ignored
    assert files_of(run(["--show-files", "drafts/d.txt"])) == {"drafts/d.txt"}


def test_exclude_globs_are_gitignore_style(tmp_path, monkeypatch):
    _tree(tmp_path, ["a.md", "sub/a.md", "docs/x.md", "docs/deep/y.md"])
    (tmp_path / ".assertlint.toml").write_text('exclude = ["docs/*.md"]\n')
    monkeypatch.chdir(tmp_path)
    found = files_of(run(["--show-files", "."]))
    assert found == {"./a.md", "./sub/a.md", "./docs/deep/y.md"}  # `*` does not cross `/`
    assert files_of(run(["--show-files", "--exclude", "a.md", "."])) == {"./docs/x.md", "./docs/deep/y.md"}
    assert files_of(run(["--show-files", "--extend-exclude", "sub/", "."])) == {"./a.md", "./docs/deep/y.md"}


def test_min_severity_on_the_command_line(tmp_path):
    p = tmp_path / "d.txt"
    p.write_text(FLAGGED + "I made a change to the header, nothing big.\n")  # MIN004 is info
    every = {f["severity"] for f in json.loads(run(["--format", "json", str(p)]).stdout)}
    assert len(every) > 1
    top = max(every, key=["info", "warning", "error"].index)
    res = run(["--format", "json", "--min-severity", top, str(p)])
    assert {f["severity"] for f in json.loads(res.stdout)} == {top}
    assert run(["--min-severity", "loud", str(p)]).exit_code == 2


def test_show_settings(tmp_path):
    (tmp_path / ".assertlint.toml").write_text('ignore = ["hedge"]\nmin-severity = "warning"\n'
                                               '[per-file-ignores]\n"legal/*.md" = ["judging"]\n')
    res = run(["--show-settings", str(tmp_path / "legal" / "terms.md")])
    assert res.exit_code == 0
    out = res.stdout
    assert str(tmp_path / ".assertlint.toml") in out and "min-severity" in out and "warning" in out
    assert "judging" in out and "hedge" in out and "HDG001" not in out.split("rules")[-1]


def test_did_you_mean(tmp_path):
    p = tmp_path / "d.txt"
    p.write_text(FLAGGED)
    res = run(["--select", "JDG0001", str(p)])
    assert res.exit_code == 2 and "did you mean" in res.stderr
    res = run(["--select", "hedges", str(p)])
    assert "did you mean 'hedge'?" in res.stderr
    res = run(["--explain", "APO01"])
    assert res.exit_code == 2 and "did you mean" in res.stderr


def test_explicit_check_command_and_default(tmp_path):
    p = tmp_path / "d.txt"
    p.write_text(FLAGGED)
    explicit = run(["check", "--format", "json", str(p)])
    implicit = run(["--format", "json", str(p)])
    assert explicit.exit_code == implicit.exit_code == 1 and explicit.stdout == implicit.stdout
    assert "check" in run(["--help"]).stdout


def test_a_subcommand_is_one_module_and_one_registry_line(monkeypatch):
    import sys
    import types

    import click

    from assertlint.cli import commands

    mod = types.ModuleType("assertlint_test_hello")

    @click.command()
    def hello():
        click.echo("hello from a plugged-in command")

    mod.hello = hello
    monkeypatch.setitem(sys.modules, "assertlint_test_hello", mod)
    monkeypatch.setitem(commands.COMMANDS, "hello", "assertlint_test_hello:hello")
    res = run(["hello"])
    assert res.exit_code == 0 and "plugged-in" in res.stdout
    assert os.path.basename(commands.__file__) == "commands.py"
