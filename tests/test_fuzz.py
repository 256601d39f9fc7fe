"""Fuzzing the command line and the API together (issue 16), with a fixed budget in CI and more on
demand: ASSERTLINT_FUZZ_SCALE=10 pytest tests/test_fuzz.py runs ten times as many inputs.

Inputs: random Unicode (combining marks, RTL and BIDI controls, ZWJ emoji, NUL and control
characters, lone surrogates through the API), invalid UTF-8 and UTF-16, CR-only and mixed
newlines, grammar-built Markdown, reST and e-mail documents around the rules' own flagged
examples, backtick and bracket runs. Properties: no traceback ever; exit code in {0, 1, 2}; JSON,
JSON Lines and SARIF parse; every finding's text is the file's text at its offsets; --fix is
idempotent and changes nothing outside the lines of the findings it fixes; `--fix -` puts on
stdout exactly the fixed text or the input. The number of generated inputs is printed at the end
of the run (conftest.py)."""
from __future__ import annotations

import json
import os

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import assertlint
from assertlint.cli import main
from assertlint.errors import AssertlintError
from assertlint.rewrite.fixer import select_edits
from assertlint.ruleset import load_rules

SCALE = max(1, int(os.environ.get("ASSERTLINT_FUZZ_SCALE", "1") or 1))
COUNTS = {"api": 0, "cli": 0}  # generated inputs that ran (conftest prints them)

FLAGGED = sorted({t for r in load_rules() for t in r.examples.flag})
WORDS = st.sampled_from(FLAGGED + ["The build is green.", "Please send it by Friday.", "ok", "I", "you"])
ODD = st.sampled_from([
    "\u0301", "\u202e", "\u202d", "\u2066", "\u200f", "\u200d", "👩\u200d💻", "\u05e9\u05dc\u05d5\u05dd", "\x00",
    "\x1b[2J", "\x1b]0;x\x07", "\x9b", "\u2028", "\ufeff", "\t", "\r", "\r\n", "\n\n", "`" * 7, "``", "[", "](", "<!--",
    "-->", "<http:", "*", "_", "|", ">", "-- \n", "assertlint: ignore", "<!-- assertlint: disable -->", "::",
    ".. note::", "```", "~~~", "On Mon, Jan 1, 2024, Ann <a@b.c> wrote:", "    ", "\\", ":role:`x`",
])
UNICODE = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30)
LINE = st.lists(st.one_of(WORDS, ODD, UNICODE), min_size=0, max_size=5).map(" ".join)
NEWLINE = st.sampled_from(["\n", "\r\n", "\r", "\n\n", "\n\n\n"])
MD_LINE = st.tuples(st.sampled_from(["", "# ", "- ", "> ", "1. ", "| ", "    ", "```\n", "* "]), LINE).map("".join)
RST_LINE = st.tuples(st.sampled_from(["", ".. note:: ", "* ", "::\n\n    ", "====\n", ".. code-block:: py\n\n   "]),
                     LINE).map("".join)


@st.composite
def documents(draw):
    kind = draw(st.sampled_from(["t.txt", "d.md", "r.rst", "m.eml"]))
    line = {"d.md": MD_LINE, "r.rst": RST_LINE}.get(kind, LINE)
    parts = draw(st.lists(st.tuples(line, NEWLINE), min_size=1, max_size=6))
    return kind, "".join(a + b for a, b in parts)


@st.composite
def raw_bytes(draw):
    """What a careless user may pipe in: text in UTF-8 (with a BOM or not), UTF-16, or bytes."""
    kind, text = draw(documents())
    how = draw(st.sampled_from(["utf8", "utf8", "utf8", "bom", "utf16", "mutate", "random"]))
    data = text.encode("utf-8")
    if how == "bom":
        data = b"\xef\xbb\xbf" + data
    elif how == "utf16":
        data = text.encode("utf-16")
    elif how == "mutate" and data:
        i = draw(st.integers(0, len(data) - 1))
        data = data[:i] + draw(st.binary(min_size=1, max_size=4)) + data[i + 1:]
    elif how == "random":
        data = draw(st.binary(max_size=200))
    return kind, data


API = settings(max_examples=1300 * SCALE, deadline=None, derandomize=False,
               suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much])
CLI = settings(max_examples=1800 * SCALE, deadline=None,
               suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much])


def _offsets_hold(findings, text):
    for f in findings:
        assert text[f.start:f.end] == f.text, (f.rule, f.start, f.end)
        assert 0 <= f.start <= f.end <= len(text)


def _edits_stay_in_their_findings_lines(findings, text):
    by_edit = {}
    for f in findings:
        for s in f.suggestions:
            if s.edit is not None:
                by_edit[(s.edit.start, s.edit.end, s.edit.content)] = f
    for e in select_edits(findings):
        f = by_edit[(e.start, e.end, e.content)]
        lo, hi = min(e.start, f.start), max(e.end, f.end)
        assert "\n\n" not in text[lo:hi], "an edit reaches past its finding's paragraph"


@API
@given(st.lists(documents(), min_size=1, max_size=4), st.booleans())
def test_api_on_anything(docs, with_surrogate):
    texts = [t for _, t in docs]
    paths = [k for k, _ in docs]
    if with_surrogate:
        texts[0] = texts[0] + "\ud83d"  # a lone surrogate: one clear error, never a crash
        try:
            assertlint.check_many(texts, paths=paths)
        except AssertlintError as err:
            assert "lone surrogate" in str(err)
        else:
            raise AssertionError("a lone surrogate was accepted")
        texts[0] = texts[0][:-1]
    results = assertlint.check_many(texts, paths=paths)
    COUNTS["api"] += len(texts) + int(with_surrogate)
    for text, path, findings in zip(texts, paths, results):
        _offsets_hold(findings, text)
        _edits_stay_in_their_findings_lines(findings, text)
    text, path = texts[0], paths[0]
    once = assertlint.fix(text, path=path)
    assert assertlint.fix(once, path=path) == once, "fix is not idempotent"
    if not any(s.applicability == "safe" and s.edit for f in results[0] for s in f.suggestions):
        assert once == text, "fix changed a text with nothing to fix"


FORMATS = st.sampled_from(["json", "jsonl", "sarif", "line", "github", "pretty"])


@CLI
@given(raw_bytes(), FORMATS, st.sampled_from([[], ["--fix"], ["--diff"], ["--statistics"], ["-q"]]))
def test_cli_on_anything(tmp_path_factory, doc, fmt, extra):
    kind, data = doc
    args = ["--no-cache", "--format", fmt, "--stdin-filename", kind, *extra, "-"]
    res = CliRunner().invoke(main, args, input=data)
    COUNTS["cli"] += 1
    assert res.exception is None or isinstance(res.exception, SystemExit), repr(res.exception)
    assert res.exit_code in (0, 1, 2), res.exit_code
    assert "Traceback" not in res.stderr and "Traceback" not in res.stdout
    if "--fix" in extra:
        if res.stdout_bytes != data:  # fixed: exactly what the API's fix gives
            text = data.decode("utf-8-sig")
            fixed = assertlint.fix(text, path=kind)
            bom = b"\xef\xbb\xbf" if data.startswith(b"\xef\xbb\xbf") else b""
            assert res.stdout_bytes == bom + fixed.encode("utf-8"), "--fix - printed something else"
        return
    if res.exit_code == 2 or "--diff" in extra or "-q" in extra:
        return
    out = res.stdout
    if "--statistics" in extra and fmt == "sarif":
        return  # statistics in SARIF's place are a plain table (report/statistics.py)
    if fmt in ("json", "sarif"):
        doc_ = json.loads(out)
        if fmt == "json" and "--statistics" not in extra:
            text = data.decode("utf-8-sig")
            for f in doc_:
                assert text[f["start"]:f["end"]] == f["text"]
    elif fmt == "jsonl":
        for line in out.splitlines():
            json.loads(line)
