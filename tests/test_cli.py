"""The command line, through click's runner and through the installed entry point."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

from assertlint.cli import main
from assertlint.exitcodes import ExitCode

FLAGGED = "Sorry to bother you, but is the report ready? You always ignore my emails.\n"
CLEAN = "Thanks, looks good.\n"


def run(args, input=None):
    return CliRunner().invoke(main, args, input=input, catch_exceptions=False)


def test_findings_exit_1_and_clean_exit_0(tmp_path):
    bad = tmp_path / "draft.txt"
    bad.write_text(FLAGGED)
    res = run([str(bad)])
    assert res.exit_code == ExitCode.FINDINGS
    assert "APO001" in res.output
    assert run(["-"], input=CLEAN).exit_code == ExitCode.OK
    assert run(["--exit-zero", str(bad)]).exit_code == ExitCode.OK


def test_json_contract(tmp_path):
    p = tmp_path / "d.txt"
    p.write_text(FLAGGED)
    res = run(["--format", "json", str(p)])
    data = json.loads(res.output)
    assert isinstance(data, list) and data
    keys = {"path", "rule", "name", "category", "style", "severity", "message", "start", "end", "line",
            "column", "end_line", "end_column", "text", "suggestions"}
    for f in data:
        assert keys <= set(f)
        assert FLAGGED[f["start"] : f["end"]] == f["text"]
        assert f["path"] == str(p)
        for s in f["suggestions"]:
            assert {"replacement", "safe", "description"} <= set(s)
            if "<" in s["replacement"] and ">" in s["replacement"]:
                assert s["safe"] is False
    assert run(["--format", "json", "-"], input=CLEAN).output.strip() == "[]"


def test_stdin_filename_names_findings():
    res = run(["--format", "json", "--stdin-filename", "mail.txt", "-"], input=FLAGGED)
    assert {f["path"] for f in json.loads(res.output)} == {"mail.txt"}


def test_line_format(tmp_path):
    p = tmp_path / "d.txt"
    p.write_text("Hello.\n" + FLAGGED)
    lines = run(["--format", "line", str(p)]).output.splitlines()
    assert lines[0].startswith(f"{p}:2:1: APO001 [apology] ")


def test_missing_path_is_exit_2_and_others_still_checked(tmp_path):
    p = tmp_path / "d.txt"
    p.write_text(FLAGGED)
    res = run(["--format", "json", str(tmp_path / "nope.txt"), str(p)])
    assert res.exit_code == ExitCode.ERROR
    assert "nope.txt: no such file or directory" in res.stderr
    assert json.loads(res.stdout)  # the good file was still checked


@pytest.mark.parametrize(
    "data,needle",
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"),
        (b"caf\xc3\xa9 ok, then \xff bad", "byte offset 15"),
        (b"\xff\xfeh\x00i\x00", "UTF-16"),
    ],
)
def test_bad_files_name_the_file_and_problem(tmp_path, data, needle):
    p = tmp_path / "bad.txt"
    p.write_bytes(data)
    res = run([str(p)])
    assert res.exit_code == ExitCode.ERROR
    assert str(p) in res.stderr and needle in res.stderr
    assert "Traceback" not in res.output


def test_empty_file_and_empty_folder(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    assert run([str(tmp_path / "empty.txt")]).exit_code == ExitCode.OK
    empty_dir = tmp_path / "nothing"
    empty_dir.mkdir()
    res = run([str(empty_dir)])
    assert res.exit_code == ExitCode.ERROR and "no files to check" in res.stderr


def test_folder_is_walked_and_hidden_and_vendor_folders_skipped(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text(FLAGGED)
    (tmp_path / "docs" / "b.py").write_text(FLAGGED)
    for skip in (".git", "node_modules", ".venv"):
        (tmp_path / skip).mkdir()
        (tmp_path / skip / "c.md").write_text(FLAGGED)
    data = json.loads(run(["--format", "json", str(tmp_path)]).stdout)
    assert {os.path.basename(f["path"]) for f in data} == {"a.md"}


def test_crlf_and_bom_offsets_are_exact(tmp_path):
    text = "Hello team,\r\n\r\nSorry to bother you, but is it ready?\r\n"
    p = tmp_path / "crlf.txt"
    p.write_bytes(b"\xef\xbb\xbf" + text.encode())
    f = json.loads(run(["--format", "json", str(p)]).stdout)[0]
    assert text[f["start"] : f["end"]] == f["text"] == "Sorry to bother you, but"
    assert (f["line"], f["column"]) == (3, 1)


def test_select_ignore_and_unknown_selector(tmp_path):
    p = tmp_path / "d.txt"
    p.write_text(FLAGGED)
    cats = {f["category"] for f in json.loads(run(["--format", "json", "--select", "aggressive", str(p)]).stdout)}
    assert cats == {"judging"}
    cats = {f["category"] for f in json.loads(run(["--format", "json", "--ignore", "judging,APO", str(p)]).stdout)}
    assert "judging" not in cats and "apology" not in cats
    res = run(["--select", "NOPE", str(p)])
    assert res.exit_code == ExitCode.ERROR and "NOPE" in res.stderr


def test_list_rules_and_explain():
    res = run(["--list-rules"])
    assert res.exit_code == 0 and "JDG001" in res.output
    res = run(["--explain", "APO001"])
    assert res.exit_code == 0 and "Why it lands badly" in res.output and "Use instead" in res.output
    assert run(["--explain", "NOPE"]).exit_code == ExitCode.ERROR


def test_unknown_model_is_one_clear_line(tmp_path):
    p = tmp_path / "d.txt"
    p.write_text(FLAGGED)
    res = run(["--model", "no_such_pipeline_xyz", str(p)])
    assert res.exit_code == ExitCode.ERROR
    assert "no_such_pipeline_xyz" in res.stderr and "pip install" in res.stderr
    assert "Traceback" not in res.stderr


def _installed(*args, input=None, cwd=None):
    exe = os.path.join(os.path.dirname(sys.executable), "assertlint")
    return subprocess.run([exe, *args], input=input, capture_output=True, text=True, cwd=cwd, timeout=120)


def test_entry_point_in_subprocess(tmp_path):
    res = _installed("--format", "json", "-", input=FLAGGED, cwd=tmp_path)
    assert res.returncode == 1, res.stderr
    assert json.loads(res.stdout)
    res = _installed("-", input=CLEAN, cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    res = subprocess.run([sys.executable, "-m", "assertlint", "--version"], capture_output=True, text=True)
    assert res.returncode == 0 and "assertlint" in res.stdout


@pytest.mark.parametrize("args", [["--help"], ["--version"], ["--list-rules"]])
def test_light_commands_do_not_import_spacy(args):
    code = (
        "import sys\n"
        "from assertlint.cli import main\n"
        f"try:\n    main({args!r})\nexcept SystemExit:\n    pass\n"
        "print('SPACY' if 'spacy' in sys.modules else 'NO-SPACY', file=sys.stderr)\n"
    )
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert res.stderr.strip().endswith("NO-SPACY"), res.stderr


def test_help_shows_examples():
    res = run(["--help"])
    assert "Examples:" in res.output and "--fix" in res.output


def test_five_megabyte_file_in_bounded_pieces(tmp_path):
    """A 5 MB file (parsed in bounded pieces) and a 1 MB run with no space or full stop."""
    clean = "The build is green and the release notes are in the shared folder. " * 60 + "\n\n"
    flagged = "Sorry to bother you, but is the report ready?\n\n"
    text = ""
    while len(text) < 5_000_000:
        text += clean * 10 + flagged
    text += "x" * 1_000_000 + "\n"
    p = tmp_path / "big.txt"
    p.write_text(text)
    res = run(["--format", "json", "--no-cache", str(p)])
    assert res.exit_code == ExitCode.FINDINGS
    found = json.loads(res.stdout)
    assert len(found) == text.count(flagged)
    for f in found[:: max(1, len(found) // 20)]:
        assert text[f["start"] : f["end"]] == f["text"] == "Sorry to bother you, but"
