"""Hostile and careless input (issue 16): failures are one line and exit 2, never a traceback or a
hang; `--fix -` always gives the editor its buffer back; `--fix` keeps owner, links and text
written meanwhile; nothing writes outside the checked tree through a symlink; control characters
never reach a terminal raw; markup readers stay linear on pathological files."""
from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from assertlint.cli import main
from assertlint.exitcodes import ExitCode

FLAGGED = "Sorry to bother you, but is the report ready?\n"
EXE = [sys.executable, "-m", "assertlint"]


def run(args, input=None):
    return CliRunner().invoke(main, args, input=input, catch_exceptions=False)


def cli(args, input=b"", timeout=120, cwd=None):
    """A real process (the entry point's own handling, no CliRunner), with a deadline: a hang fails."""
    return subprocess.run(EXE + args, input=input, capture_output=True, timeout=timeout, cwd=cwd)


def one_line_error(stderr: str, name: str) -> None:
    errors = [ln for ln in stderr.splitlines() if ln.startswith("assertlint: error:")]
    assert errors and any(name in ln for ln in errors), stderr
    assert "Traceback" not in stderr


# -- the editor filter -------------------------------------------------------------------------
def _deep_toml(tmp_path):
    p = tmp_path / "deep.toml"
    p.write_text("[a]\nb = " + "[" * 5000 + "]" * 5000 + "\n")
    return p


def _deep_json(tmp_path):
    p = tmp_path / "deep.json"
    p.write_text('{"assertlint-baseline": 1, "findings": ' + "[" * 100000 + "]" * 100000 + "}")
    return p


@pytest.mark.parametrize("case", ["bad-byte", "nested-config", "nested-baseline", "infinity", "unknown-rule", "usage"])
def test_fix_stdin_gives_the_input_back_whatever_fails(tmp_path, case):
    data = FLAGGED.encode()
    args = ["--fix", "-"]
    if case == "bad-byte":
        data = b"Sorry to bother you \xff, but is it ready?\n"
    elif case == "nested-config":
        args = ["--config", str(_deep_toml(tmp_path))] + args
    elif case == "nested-baseline":
        args = ["--baseline", str(_deep_json(tmp_path))] + args
    elif case == "infinity":
        bl = tmp_path / "inf.json"
        bl.write_text('{"assertlint-baseline": 1, "findings": [{"path": "a", "rule": "APO001", "text": "x", "count": Infinity}]}')
        args = ["--baseline", str(bl)] + args
    elif case == "unknown-rule":
        args = ["--select", "NOPE"] + args
    elif case == "usage":
        args = ["--diff"] + args
    for quiet in ([], ["-q"]):
        res = cli(quiet + args, input=data, cwd=tmp_path)
        assert res.returncode == 2, res.stderr
        assert res.stdout == data, (case, quiet, res.stdout[:200], res.stderr[-300:])
        assert b"Traceback" not in res.stderr


def test_fix_stdin_stdout_is_exactly_the_fixed_text(tmp_path):
    res = cli(["--fix", "-"], input=FLAGGED.encode(), cwd=tmp_path)
    assert res.returncode == 0 and res.stdout == b"Is the report ready?\n"
    assert b"file checked" in res.stderr  # the report goes to stderr, always


def test_an_unexpected_error_is_one_line_and_gives_the_buffer_back(monkeypatch):
    from assertlint.session import Session

    def boom(self, *a, **k):
        raise RuntimeError("something\nbroke")

    monkeypatch.setattr(Session, "check_texts", boom)
    res = run(["--fix", "-"], input=FLAGGED.encode())
    assert res.exit_code == ExitCode.ERROR
    assert res.stdout_bytes == FLAGGED.encode()
    assert "internal error (RuntimeError: something broke)" in res.stderr


# -- --fix keeps what is not its own -------------------------------------------------------------
@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root to own a file as another user")
def test_root_fix_keeps_owner_group_and_mode(tmp_path):
    p = tmp_path / "user.txt"
    p.write_text(FLAGGED)
    os.chown(p, 12345, 23456)
    os.chmod(p, 0o640)
    res = run(["--fix", str(p)])
    assert res.exit_code == 0, res.output
    st = os.stat(p)
    assert (st.st_uid, st.st_gid, st.st_mode & 0o7777) == (12345, 23456, 0o640)
    assert p.read_text() == "Is the report ready?\n"


def test_fix_keeps_hard_links(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(FLAGGED)
    q = tmp_path / "b.txt"
    os.link(p, q)
    res = run(["--fix", str(p)])
    assert res.exit_code == 0, res.output
    assert os.path.samefile(p, q) and q.read_text() == "Is the report ready?\n"
    assert sorted(x.name for x in tmp_path.iterdir()) == ["a.txt", "b.txt"]  # no backup left


def test_text_appended_during_fix_is_not_lost(tmp_path, monkeypatch):
    from assertlint.session import Session

    p = tmp_path / "a.txt"
    p.write_text(FLAGGED)
    real = Session.fix_text

    def fix_while_someone_appends(self, *a, **k):
        out = real(self, *a, **k)
        with open(p, "a") as fh:
            fh.write("Appended meanwhile.\n")
        return out

    monkeypatch.setattr(Session, "fix_text", fix_while_someone_appends)
    res = run(["--fix", str(p)])
    assert res.exit_code == ExitCode.ERROR
    assert p.read_text() == FLAGGED + "Appended meanwhile.\n"
    assert "changed while assertlint was fixing it" in res.stderr
    assert sorted(x.name for x in tmp_path.iterdir()) == ["a.txt"]


def test_no_write_through_a_symlinked_folder_outside_the_tree(tmp_path, monkeypatch):
    outside = tmp_path / "outside"
    outside.mkdir()
    target = outside / "a.txt"
    target.write_text(FLAGGED)
    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "link").symlink_to(outside, target_is_directory=True)
    monkeypatch.chdir(tree)
    res = run(["--fix", "link/a.txt"])
    assert res.exit_code == ExitCode.ERROR and "outside the checked folders" in res.stderr
    assert target.read_text() == FLAGGED
    res = run(["--fix", "--write-through-symlinks", "link/a.txt"])
    assert res.exit_code == 0 and target.read_text() == "Is the report ready?\n"


def test_inputs_are_validated_before_the_first_file_is_written(tmp_path):
    a = tmp_path / "a.txt"
    a.write_text(FLAGGED)
    res = run(["--fix", "--baseline", str(_deep_json(tmp_path)), str(a)])
    assert res.exit_code == ExitCode.ERROR and a.read_text() == FLAGGED
    res = run(["--fix", "-o", str(a), str(a)])
    assert res.exit_code == ExitCode.ERROR and "is one of the files being checked" in res.stderr
    assert a.read_text() == FLAGGED


def test_a_full_device_is_one_line(tmp_path, monkeypatch):
    a = tmp_path / "a.txt"
    a.write_text(FLAGGED)
    if os.path.exists("/dev/full"):
        with open("/dev/full", "wb") as full:
            res = subprocess.run(EXE + [str(a)], stdout=full, stderr=subprocess.PIPE, timeout=120)
        assert res.returncode == 2 and b"No space left on device" in res.stderr and b"Traceback" not in res.stderr

    def no_space(*a, **k):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", no_space)
    res = run(["--fix", str(a)])
    assert res.exit_code == ExitCode.ERROR and "No space left on device" in res.stderr
    assert a.read_text() == FLAGGED and sorted(x.name for x in tmp_path.iterdir()) == ["a.txt"]


def test_a_full_cache_leaves_no_litter(tmp_path, monkeypatch):
    from assertlint import cache

    root = tmp_path / "cache"
    real_fdopen = os.fdopen

    class Full:
        def __init__(self, fh):
            self.fh = fh

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.fh.close()

        def write(self, data):
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fdopen", lambda fd, *a, **k: Full(real_fdopen(fd, *a, **k)))
    c = cache.Cache("fp", folder=str(root))
    c.put("ab" * 32, [])
    monkeypatch.setattr(os, "fdopen", real_fdopen)
    left = [p for p in root.rglob("*") if p.is_file()]
    assert left == [], left  # no 0-byte .gitignore, no temporary file
    cache.ensure_cache_dir(str(root))
    assert (root / ".gitignore").read_text().strip().endswith("*")


# -- only regular files, no hangs, no tracebacks -----------------------------------------------
@pytest.mark.parametrize("where", ["path", "config", "baseline", "rule"])
def test_a_fifo_where_a_file_is_expected_is_an_error_not_a_hang(tmp_path, where):
    good = tmp_path / "good.txt"
    good.write_text(FLAGGED)
    fifo = tmp_path / "pipe.toml"
    os.mkfifo(fifo)
    args = ["--format", "json", "--no-cache"]
    if where == "path":
        args += [str(fifo), str(good)]
    elif where == "config":
        args += ["--config", str(fifo), str(good)]
    elif where == "baseline":
        args += ["--baseline", str(fifo), str(good)]
    else:
        rules = tmp_path / "rules"
        (rules / "hedge").mkdir(parents=True)
        os.mkfifo(rules / "hedge" / "x.toml")
        (tmp_path / ".assertlint.toml").write_text('rule-paths = ["rules"]\n')
        args += [str(good)]
    res = cli(args, cwd=tmp_path, timeout=60)
    assert res.returncode == 2
    one_line_error(res.stderr.decode(), "FIFO")
    if where == "path":  # the other file is still checked
        assert json.loads(res.stdout)[0]["rule"] == "APO001"


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero here")
def test_dev_zero_as_a_path_or_config(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(FLAGGED)
    res = cli(["--format", "json", "/dev/zero", str(good)], timeout=60)
    assert res.returncode == 2 and json.loads(res.stdout)[0]["rule"] == "APO001"
    one_line_error(res.stderr.decode(), "/dev/zero: is a device")
    res = cli(["--config", "/dev/zero", str(good)], timeout=60)
    assert res.returncode == 2
    one_line_error(res.stderr.decode(), "/dev/zero")


@pytest.mark.parametrize("regex,problem", [("(", "not a valid regular expression"),
                                           ("^(a+)+$", "exponential time"),
                                           ("(?:x|xy)*z", "exponential time")])
def test_a_bad_user_regex_is_one_line(tmp_path, regex, problem):
    rules = tmp_path / "rules" / "hedge"
    rules.mkdir(parents=True)
    (rules / "x.toml").write_text(f'''id = "USR001"
name = "user-rule"
category = "hedge"
severity = "warning"
message = "m"
why = "w"
use_instead = "u"
[[patterns]]
tokens = [{{TEXT = {{REGEX = {json.dumps(regex)}}}}}]
[[suggestions]]
replacement = "x"
description = "d"
[examples]
flag = ["aaa"]
clean = ["b"]
''')
    (tmp_path / ".assertlint.toml").write_text('rule-paths = ["rules"]\n')
    (tmp_path / "a.txt").write_text("a" * 40 + "b\n")
    res = cli(["a.txt"], cwd=tmp_path, timeout=60)
    assert res.returncode == 2
    one_line_error(res.stderr.decode(), problem)


def test_a_possessive_user_regex_loads(tmp_path):
    from assertlint.ruleset.regex_check import regex_problem

    assert regex_problem("^(?:x|xy)*+z$") is None and regex_problem("^a++$") is None
    assert regex_problem(r"^(\w+\s?)*$") is not None


def test_lone_surrogates_through_the_api_are_one_error():
    import assertlint
    from assertlint.errors import AssertlintError

    for call in (assertlint.check, assertlint.fix):
        with pytest.raises(AssertlintError, match="lone surrogate"):
            call("Sorry to bother you \ud800, but is it ready?")
    res = assertlint.check_many(["fine"]) if False else None  # noqa: F841
    from assertlint.session import Session

    r = Session().check_texts([("bad \udfff", "a.txt"), (FLAGGED, "b.txt")])
    assert r[0].error and "U+DFFF" in r[0].error and r[1].findings


# -- output injection ------------------------------------------------------------------------
ESCAPES = "\x1b]0;HACKED\x07 \x1b[2J \x9b31m \u202e \x08"


@pytest.mark.parametrize("fmt", ["pretty", "line", "github", "json", "jsonl", "sarif"])
def test_no_raw_control_character_in_any_format(tmp_path, fmt):
    name = tmp_path / "evil\x1b[2J\nname.txt"
    name.write_text(f"Sorry to bother you, but is it {ESCAPES} ready?\n")
    for color in ("never", "always"):
        res = cli(["--format", fmt, "--color", color, "--no-cache", str(name)], timeout=120)
        assert res.returncode == 1, res.stderr
        out = res.stdout.decode()
        raw = [c for c in out if (ord(c) < 32 and c not in "\n") or 0x7f <= ord(c) <= 0x9f or c == "\u202e"]
        if color == "always" and fmt == "pretty":  # rich's own colour codes: ESC [ ... m only
            import re as _re

            raw = [c for c in _re.sub(r"\x1b\[[0-9;]*m", "", out) if (ord(c) < 32 and c != "\n") or 0x7f <= ord(c) <= 0x9f
                   or c == "\u202e"]
        assert not raw, (fmt, color, sorted(set(raw)))
        if fmt in ("json", "jsonl", "sarif"):
            docs = [json.loads(ln) for ln in out.splitlines() if ln.strip()] if fmt == "jsonl" else [json.loads(out)]
            assert docs
        if fmt == "line":
            assert len(out.strip().splitlines()) == 1  # a newline in the name forges no entry


def test_a_diff_to_a_terminal_escapes_control_characters_and_to_a_pipe_stays_exact(capsys):
    from assertlint.cli.output import print_diff

    old = f"Sorry to bother you, but is it {ESCAPES} ready?\n\tindented\fpage\n"
    new = f"Is it {ESCAPES} ready?\n\tindented\fpage\n"
    print_diff("evil\x1b[2J.txt", old, new, terminal=True)
    shown = capsys.readouterr().out
    assert not [c for c in shown if (ord(c) < 32 and c not in "\n\t") or 0x7f <= ord(c) <= 0x9f or c == "\u202e"]
    assert "+Is it \\x1b]0;HACKED\\x07" in shown and "\tindented\\x0cpage" in shown
    print_diff("m.txt", old, new, terminal=False)
    exact = capsys.readouterr().out
    assert f"-Sorry to bother you, but is it {ESCAPES} ready?\n+Is it {ESCAPES} ready?\n" in exact
    assert "No newline" not in exact  # a form feed does not end a line for patch


# -- linear markup readers -----------------------------------------------------------------------
def _cost(fn, text: str, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn(text)
        best = min(best, time.perf_counter() - t0)
    return best


SHAPES = {
    "backticks": lambda n: "Hi " + "`" * n + "\n",
    "spaced-backticks": lambda n: "Hi " + "`a``" * (n // 4) + "\n",
    "comments": lambda n: "<!--" * (n // 4) + "\n",
    "autolinks": lambda n: "<http:" * (n // 6) + "\n",
    "letters-paren": lambda n: "Two things:\n" + "a" * n + ")\nNext line.\n",
    "lines": lambda n: "".join(f"line {i} of the notes\n" for i in range(n // 20)),
    "directives": lambda n: "<!-- assertlint: disable[X] -->\n" * (n // 32),
}


@pytest.mark.parametrize("kind", ["text", "markdown", "rst"])
@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_markup_reading_grows_linearly(kind, shape):
    from assertlint.source import suppress
    from assertlint.source.markup import prose_blocks

    def read(text):
        prose_blocks(text, kind)
        suppress.parse(text + " assertlint: ignore", kind)

    make = SHAPES[shape]
    small, large = _cost(read, make(2_000)), _cost(read, make(20_000), 2)
    if large > 0.02:  # below this, the time is noise
        assert large < 30 * small, f"{kind} {shape}: {small * 1000:.1f} ms -> {large * 1000:.1f} ms for 10x"


def test_a_file_past_the_bounds_gets_a_note_and_the_others_are_checked(tmp_path, monkeypatch):
    from assertlint.source import limits

    monkeypatch.setattr(limits, "MAX_PARSE_CHARS", 2_000)
    big = tmp_path / "big.txt"
    big.write_text("I just wanted to say sorry again and again, " * 400 + "\n")
    good = tmp_path / "good.txt"
    good.write_text(FLAGGED)
    res = run(["--format", "json", "--no-cache", str(big), str(good)])
    assert res.exit_code == ExitCode.FINDINGS
    assert any(f["path"] == str(good) for f in json.loads(res.stdout))
    assert f"note: {big}: too long to check fully" in res.stderr


def test_long_tables_are_read_only_to_their_bound(monkeypatch):
    from assertlint.source import limits
    from assertlint.source.formats import markdown

    monkeypatch.setattr(markdown, "MAX_TABLE_ROWS", 10)
    text = "| a | b |\n|---|---|\n" + "".join(f"| sorry {i} | x |\n" for i in range(50)) + "\nAfter.\n"
    blocks = markdown.prose_blocks(text)
    assert blocks.notes and "a table of 52 rows" in blocks.notes[0]
    assert any("After." in b.text for b in blocks)
    assert sum(1 for b in blocks if "sorry" in b.text) == 8  # the rows within the first 10 lines
    assert limits.MAX_TABLE_ROWS == 2_000


def test_long_runs_without_spaces_are_not_parsed():
    from assertlint.source.blocks import paragraph
    from assertlint.source.formats.email import INLINE
    from assertlint.source.limits import mask_long_words

    src = "Sorry to bother you " + "Q" * 5000 + " but is it ready?"
    prose = mask_long_words(paragraph(src, [(0, len(src))], INLINE))
    assert "Q" not in prose.text and prose.source_end(len(prose.text)) == len(src)
