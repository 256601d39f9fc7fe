"""Adding an input format, a context check or a report format is one new module: each test
drops one module into the package's search path (a temporary folder) and nothing else, and the
new piece works end to end."""
from __future__ import annotations

import io
import textwrap

import pytest

CHECK = '''
"""context.shouting: keep a match only in a sentence with a word in capitals."""
from assertlint.engine.checks import choice

KEY = "shouting"
VALUES = ("require", "allow")
DEFAULT = "allow"
NOOP = "allow"
ORDER = 80
parse = choice(KEY, VALUES)


def keep(m, value):
    return any(t.text.isupper() and len(t.text) > 1 for t in m.sent)
'''

FORMAT = '''
"""HTML (a toy reader for this test): the text between tags, one block per <p>."""
import re

from assertlint.source.blocks import paragraph
from assertlint.source.inline import compile_inline

NAME = "html"
SUFFIXES = (".html",)
DIRECTIVES_IN_COMMENTS = True
INLINE = compile_inline(before=[r"(?P<tag></?[A-Za-z][^<>]*>)"], directive_first=True)


def prose_blocks(text, include_blockquotes=False):
    out = []
    for m in re.finditer(r"<p>(.*?)</p>", text, re.S):
        prose = paragraph(text, [m.span(1)], INLINE)
        if prose:
            out.append(prose)
    return out


def code_lines(text):
    return set()
'''

REPORT = '''
"""--format count: one line, the number of findings."""
FORMAT = "count"


def render(results, stream, opts):
    stream.write(f"{sum(len(r.findings) for r in results)}\\n")
'''


@pytest.fixture
def plug(tmp_path, monkeypatch):
    def add(package, name: str, source: str):
        folder = tmp_path / package.__name__.replace(".", "_")
        folder.mkdir(exist_ok=True)
        (folder / f"{name}.py").write_text(textwrap.dedent(source))
        monkeypatch.setattr(package, "__path__", [*package.__path__, str(folder)])
        return folder

    return add


def test_a_context_check_is_one_module(plug):
    import assertlint.engine.checks as checks
    from assertlint.linter import Linter
    from assertlint.engine.linter import Input
    from assertlint.ruleset import load_rules
    from assertlint.ruleset.loader import parse_rule

    plug(checks, "shouting", CHECK)
    checks.registry.cache_clear()
    try:
        base = next(r for r in load_rules() if r.id == "JDG001")
        import tomllib

        data = tomllib.loads(open(base.source, "rb").read().decode())
        data["context"] = {**data.get("context", {}), "shouting": "require"}
        rule = parse_rule(data, base.source, {})
        assert rule.context.shouting == "require"
        linter = Linter([rule])
        calm, loud = linter.check([Input("a.txt", "You always ignore my emails.\n"),
                                   Input("b.txt", "You always ignore my EMAILS.\n")])
        assert calm == [] and [f.rule for f in loud] == ["JDG001"]
        data["context"]["shouting"] = "loudly"
        with pytest.raises(Exception, match="context.shouting must be one of require, allow"):
            parse_rule(data, base.source, {})
    finally:
        checks.registry.cache_clear()


def test_an_input_format_is_one_module(plug, tmp_path):
    import assertlint.source.formats as formats
    from assertlint.session import Session, SessionOptions
    from assertlint.source.files import discover

    plug(formats, "html", FORMAT)
    formats.registry.cache_clear()
    try:
        text = "<html><p>You always <b>ignore</b> my emails.</p><pre>You never reply.</pre></html>\n"
        r = Session(SessionOptions(isolated=True)).check_text(text, path="page.html")
        assert [f.rule for f in r.findings] == ["JDG001"]
        f = r.findings[0]
        assert text[f.start:f.end] == f.text == "You always <b>ignore"
        (tmp_path / "site").mkdir()
        (tmp_path / "site" / "page.html").write_text(text)
        assert discover([str(tmp_path / "site")]).files == [str(tmp_path / "site" / "page.html")]
        quiet = "<p>You always ignore my emails. <!-- assertlint: ignore --></p>\n"
        assert Session(SessionOptions(isolated=True)).check_text(quiet, path="x.html").findings == ()
    finally:
        formats.registry.cache_clear()


def test_a_report_format_is_one_module(plug, monkeypatch):
    import assertlint.report as report
    from assertlint.results import FileResult
    from assertlint.session import Session

    plug(report, "count_format", REPORT)
    monkeypatch.setattr(report, "RENDERERS", report._discover())
    assert "count" in report.RENDERERS
    r = Session().check_text("You always ignore my emails. Sorry to bother you, but is it ready?\n", path="a.txt")
    out = io.StringIO()
    report.render("count", [r], out)
    assert out.getvalue() == f"{len(r.findings)}\n" and len(r.findings) == 2
    assert isinstance(r, FileResult)
