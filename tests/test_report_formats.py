"""The output formats and report options: github, jsonl, line, statistics, --output-file,
colour handling, the tone meter and the progress bar's manners."""
from __future__ import annotations

import io
import json
import re

import pytest
from click.testing import CliRunner

from assertlint.cli import main
from assertlint.findings import Edit, Finding, Suggestion
from assertlint.report import FORMATS, FileResult, ReportOptions, render

ANSI = re.compile(r"\x1b\[[0-9;]*m")
FLAGGED = "Sorry to bother you, but is the report ready? You always ignore my emails.\n"


def run(args, input=None):
    return CliRunner().invoke(main, ["--isolated", *args], input=input, catch_exceptions=False)


def finding(text, start, end, *, rule="JDG001", severity="warning", category="judging", style="aggressive",
            message="A message, with: commas", suggestions=(), path="a,b:c.txt"):
    line = text.count("\n", 0, start) + 1
    col = start - (text.rfind("\n", 0, start) + 1) + 1
    end_line = text.count("\n", 0, end) + 1
    end_col = end - (text.rfind("\n", 0, end) + 1) + 1
    return Finding(path=path, rule=rule, name="some-name", category=category, style=style, severity=severity,
                   message=message, start=start, end=end, line=line, column=col, end_line=end_line,
                   end_column=end_col, text=text[start:end], suggestions=tuple(suggestions))


def rendered(fmt, results, **kw) -> str:
    buf = io.StringIO()
    render(fmt, results, buf, ReportOptions(**kw))
    return buf.getvalue()


TEXT = "Hello.\nYou are a clown, honestly.\n"
F_ERR = finding(TEXT, 7, 22, severity="error", message="100% rude\nsecond line")
F_INFO = finding(TEXT, 24, 32, rule="HDG001", severity="info", category="hedge", style="passive",
                 suggestions=[Suggestion("", "Drop it.", "safe", Edit(22, 32, ""))])
RESULTS = [FileResult("a,b:c.txt", TEXT, (F_ERR, F_INFO))]


def test_formats_listed():
    assert set(FORMATS) == {"pretty", "json", "jsonl", "line", "github", "sarif"}


def test_github_workflow_commands_and_escaping():
    lines = rendered("github", RESULTS).splitlines()
    assert len(lines) == 2
    err, note = lines
    assert err.startswith("::error file=a%2Cb%3Ac.txt,line=2,col=1,endLine=2,endColumn=16,title=JDG001 some-name [judging]::")
    assert err.endswith("::100%25 rude second line")  # the message is one line; only a suggestion adds one
    assert note.startswith("::notice file=a%2Cb%3Ac.txt,line=2,col=18,")
    assert "%0AFix: “, honestly” → (remove it)" in note  # the edit takes the comma too


def test_github_warning_level_from_cli(tmp_path):
    p = tmp_path / "d.txt"
    p.write_text(FLAGGED)
    out = run(["--format", "github", str(p)]).stdout.splitlines()
    assert out and all(line.startswith(("::warning ", "::error ", "::notice ")) for line in out)
    assert any(line.startswith("::warning ") and "title=APO001" in line for line in out)
    for line in out:
        assert re.match(r"::\w+ file=[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[^:]+::.+", line)


def test_jsonl_is_json_one_per_line(tmp_path):
    p = tmp_path / "d.txt"
    p.write_text(FLAGGED)
    whole = json.loads(run(["--format", "json", str(p)]).stdout)
    lines = run(["--format", "jsonl", str(p)]).stdout.splitlines()
    assert [json.loads(x) for x in lines] == whole
    assert run(["--format", "jsonl", "-"], input="Thanks, looks good.\n").stdout == ""


def test_line_format_is_path_line_col_rule_category_message():
    lines = rendered("line", RESULTS).splitlines()
    assert lines[0] == "a,b:c.txt:2:1: JDG001 [judging] 100% rude second line"
    assert lines[1].startswith("a,b:c.txt:2:18: HDG001 [hedge] ")


def test_statistics_counts_per_rule(tmp_path):
    p = tmp_path / "d.txt"
    p.write_text(FLAGGED * 3)
    res = run(["--statistics", "--format", "json", str(p)])
    rows = json.loads(res.stdout)
    assert res.exit_code == 1
    assert {r["rule"]: r["count"] for r in rows} == {"APO001": 3, "JDG001": 3}
    assert set(rows[0]) == {"count", "rule", "name", "category", "style", "fixable"}
    text = run(["--statistics", "--format", "line", str(p)]).stdout
    assert re.search(r"^3  APO001  sorry-to-bother\s+apology\s+\[\*\]$", text, re.M)
    assert re.search(r"^3  JDG001  you-always-never\s+judging$", text, re.M)
    pretty = run(["--statistics", str(p)]).stdout
    assert "APO001" in pretty and "6 findings in total" in pretty and str(p) + ":" not in pretty


def test_output_file_takes_the_report(tmp_path):
    p = tmp_path / "d.txt"
    p.write_text(FLAGGED)
    out = tmp_path / "report.json"
    res = run(["--format", "json", "-o", str(out), str(p)])
    assert res.exit_code == 1 and res.stdout == ""
    assert json.loads(out.read_text())[0]["rule"] == "APO001"
    # --quiet keeps stdout empty but the report file is still written (CI: -q -o report.sarif)
    out2 = tmp_path / "report.sarif"
    res = run(["--format", "sarif", "-q", "--output-file", str(out2), str(p)])
    assert res.stdout == "" and json.loads(out2.read_text())["version"] == "2.1.0"
    res = run(["--format", "json", "-o", str(tmp_path / "no" / "such" / "dir.json"), str(p)])
    assert res.exit_code == 2 and "cannot be written" in res.stderr


def test_quiet_prints_nothing(tmp_path):
    p = tmp_path / "d.txt"
    p.write_text(FLAGGED)
    res = run(["-q", str(p)])
    assert res.exit_code == 1 and res.stdout == ""


# -- the pretty report ---------------------------------------------------------------------------
def test_pretty_plain_when_not_a_terminal(tmp_path):
    p = tmp_path / "d.txt"
    p.write_text("Hello.\n" + FLAGGED)
    out = run([str(p)]).stdout
    assert not ANSI.search(out)
    assert f"{p}:2:1  APO001 sorry-to-bother  warning  [apology]" in out
    # the source line with the span marked by carets under it
    src = next(line for line in out.splitlines() if "│ Sorry to bother you" in line)
    carets = out.splitlines()[out.splitlines().index(src) + 1]
    start = src.index("Sorry")
    assert carets[start:].startswith("^" * len("Sorry to bother you, but"))
    assert "fix: “Sorry to bother you, but is” → “Is”" in out  # the edit, with the capital letter
    assert "Tone" in out and "reads as" in out and "per 100 words" in out
    assert "2 findings (2 warnings) in 1 of 1 file" in out
    assert re.search(r"1 file checked in \d+\.\d\d s", out)
    assert "aggressive" in out and "judging 1" in out and "apology 1" in out


@pytest.mark.parametrize("color,no_color_env,expect_ansi", [
    ("auto", True, False), ("never", False, False), ("always", True, True), ("always", False, True),
])
def test_color_flag_and_no_color(monkeypatch, color, no_color_env, expect_ansi):
    if no_color_env:
        monkeypatch.setenv("NO_COLOR", "1")
    else:
        monkeypatch.delenv("NO_COLOR", raising=False)
    out = rendered("pretty", RESULTS, color=color)
    assert bool(ANSI.search(out)) is expect_ansi


def test_no_color_env_with_forced_terminal(monkeypatch):
    """NO_COLOR beats a terminal under --color auto."""
    from assertlint.report.pretty import make_console

    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("FORCE_COLOR", "1")
    buf = io.StringIO()
    console = make_console(buf, "auto")
    console.print("x", style="red")
    assert not ANSI.search(buf.getvalue())


def test_pretty_no_findings_is_one_line():
    out = rendered("pretty", [FileResult("ok.txt", "Fine.\n", tuple([]))], elapsed=0.5)
    assert out.strip() == "No findings. 1 file checked in 0.50 s"


def test_pretty_long_line_is_windowed_and_carets_align():
    text = "word " * 60 + "You are a clown and " + "more " * 60 + "\n"
    start = text.index("You are a clown")
    f = finding(text, start, start + 15, path="long.txt")
    out = rendered("pretty", [FileResult("long.txt", text, tuple([f]))])
    lines = out.splitlines()
    src = next(line for line in lines if "│" in line and "clown" in line)
    carets = lines[lines.index(src) + 1]
    assert "…" in src and len(src) <= 100
    assert carets.index("^") == src.index("You are a clown")
    assert carets.count("^") == 15


# -- the tone meter --------------------------------------------------------------------------------
def test_tone_rates_and_reading():
    from assertlint.report.pretty import meter_bar, tone_rates, tone_reading

    text = " ".join(["word"] * 200)
    fs = [finding(text, 0, 4, style="passive", category="hedge")] * 4 + [finding(text, 5, 9)]
    r = FileResult("x.txt", text, tuple(fs))
    rates = tone_rates(r)
    assert rates == {"aggressive": 0.5, "passive-aggressive": 0.0, "passive": 2.0}
    assert tone_reading(rates) == ("passive", "blue")
    assert tone_reading({"aggressive": 0, "passive-aggressive": 0, "passive": 0})[0] == "assertive"
    assert tone_reading({"aggressive": 3, "passive-aggressive": 0, "passive": 0})[0] == "aggressive"
    assert tone_reading({"aggressive": 1, "passive-aggressive": 2, "passive": 1})[0] == "passive-aggressive"
    assert tone_reading({"aggressive": 1, "passive-aggressive": 0, "passive": 1})[0] == "mixed"
    bar = meter_bar(rates).plain
    centre = bar.index("┃")
    left, right = bar[:centre], bar[centre + 1 :]
    assert len(left) == len(right)
    assert left.count("█") > right.count("█") >= 1  # pulled more to the passive side
    clean = meter_bar({"aggressive": 0, "passive-aggressive": 0, "passive": 0}).plain
    assert set(clean) == {"·", "┃"}
    pa = meter_bar({"aggressive": 0, "passive-aggressive": 2, "passive": 0}).plain
    assert pa.count("▓") >= 2 and pa.index("▓") < pa.index("┃") < pa.rindex("▓")  # half each way


def test_tone_meter_one_row_per_document():
    clean = FileResult("clean.txt", "Fine.\n", tuple([]))
    out = rendered("pretty", RESULTS + [clean])
    rows = [line for line in out.splitlines() if "┃" in line]
    assert len(rows) == 2 and "assertive" in rows[1]


# -- the progress bar ------------------------------------------------------------------------------
def test_progress_only_on_a_terminal(monkeypatch):
    from assertlint.report import progress

    class Tty(io.StringIO):
        def isatty(self):
            return True

    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    assert not progress.wanted(50, io.StringIO())
    assert not progress.wanted(3, Tty())
    assert not progress.wanted(50, Tty(), quiet=True)
    assert progress.wanted(50, Tty())
    calls = []

    def check(items):
        calls.append(len(items))
        return [x * 2 for x in items]

    stream = Tty()
    assert progress.run_with_progress(check, list(range(20)), stream=stream) == [x * 2 for x in range(20)]
    assert calls == [8, 8, 4]
    calls.clear()
    assert progress.run_with_progress(check, list(range(20)), stream=io.StringIO()) == [x * 2 for x in range(20)]
    assert calls == [20]


def test_many_files_through_cli_have_no_progress_noise(tmp_path):
    for i in range(12):
        (tmp_path / f"f{i}.txt").write_text(FLAGGED)
    res = run(["--format", "json", str(tmp_path)])
    assert len(json.loads(res.stdout)) == 24
    assert res.stderr == ""


# -- --explain -------------------------------------------------------------------------------------
def test_explain_renders_all_sections():
    res = run(["--explain", "MIN001"])
    assert res.exit_code == 0
    for heading in ("What it flags", "Why it lands badly", "Example", "Use instead", "Fix safety", "Not flagged"):
        assert heading in res.output
    assert "#" not in res.output.split("\n", 2)[0]  # Markdown rendered, not raw
