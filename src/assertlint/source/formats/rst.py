"""reStructuredText: paragraphs, titles, list items and the bodies of prose directives (note,
warning, ...); literal blocks, code directives, comments, inline literals and roles are left out."""
from __future__ import annotations

import re

from ..blocks import LIST_ITEM, lines_of, paragraph, strip_range
from ..inline import compile_inline
from ..prose import Prose

NAME = "rst"
SUFFIXES = (".rst", ".rest")
DIRECTIVES_IN_COMMENTS = False
INLINE = compile_inline(
    before=[r"(?P<role>:[\w.+-]++:`[^`]++`)", r"(?P<rstlink>`[^`<]*+<[^>`]++>`__?)"],
    after=[r"(?P<drop>\*{1,2}(?=\S)|(?<=\S)\*{1,2}|(?<=\S)`_{1,2}|\|)"],
)


def prose_blocks(text: str, include_blockquotes: bool = False) -> list[Prose]:
    return rst_blocks(text)


def code_lines(text: str) -> set[int]:
    """Literal blocks and the bodies of code-like directives."""
    out: set[int] = set()
    rst_blocks(text, out)
    return out


_RST_UNDERLINE = re.compile(r"^([=\-`:'\"~^_*+#<>])\1{2,}\s*$")
_RST_EXPLICIT = re.compile(r"^(\s*)\.\.(?:\s|$)")  # a directive, comment, target or footnote
_RST_DIRECTIVE = re.compile(r"^\s*\.\.[ \t]+([\w][\w:+.-]*)[ \t]*::(?:[ \t]+|$)")
_RST_OPTION = re.compile(r"^\s+:[\w.-][^:]*:(?:\s|$)")
# directives whose body is the writer's prose; every other one (code-block, code, sourcecode,
# literalinclude, highlight, math, raw, include, image, toctree, csv-table, list-table, table,
# parsed-literal, an extension's unknown directive ...) keeps its body out of the linter
_RST_PROSE_BODY = {  # name -> what its argument on the directive line is
    **dict.fromkeys(
        ("note", "warning", "tip", "hint", "important", "caution", "danger", "error", "attention",
         "seealso", "todo", "centered"),
        "prose",  # the first words of the body
    ),
    **dict.fromkeys(("admonition", "topic", "sidebar", "rubric"), "title"),
    **dict.fromkeys(("versionadded", "versionchanged", "deprecated", "versionremoved"), "version"),
    **dict.fromkeys(("figure", "container", "compound", "only", "class", "glossary", "hlist", "highlights"), "skip"),
}
_VERSION_ARG = re.compile(r"\S+[ \t]*")


class _Reader:
    """The line scan behind rst_blocks: skipped regions (literal blocks, directive bodies, option
    lines) first, then blank lines, explicit markup, titles, list items and paragraph lines."""

    def __init__(self, text: str, code_lines: set[int] | None) -> None:
        self.text = text
        self.code_lines = code_lines
        self.blocks: list[Prose] = []
        self.para: list[tuple[int, int]] = []
        self.skip_indent: int | None = None  # inside a literal block or directive body: skip deeper lines
        self.skip_code = False
        self.literal_next = False
        self.options_after: int | None = None  # just after a prose directive: skip its :option: lines
        self.item_indent: int | None = None  # the paragraph is a list item: the column of its text
        self.base_indent = 0

    def flush(self) -> None:
        self.item_indent = None
        if self.para:
            last_s, last_e = self.para[-1]
            if self.text[last_s:last_e].rstrip().endswith("::"):
                self.literal_next = True
            prose = paragraph(self.text, self.para, INLINE)
            if prose:
                self.blocks.append(prose)
            self.para.clear()

    def skipped(self, no: int, line: str, indent: int) -> bool:
        stripped = line.strip()
        if self.skip_indent is not None:
            if not stripped or indent > self.skip_indent:
                if self.skip_code and self.code_lines is not None:
                    self.code_lines.add(no)
                return True
            self.skip_indent = None
        if self.options_after is not None:
            if stripped and indent > self.options_after and _RST_OPTION.match(line):
                return True
            self.options_after = None
        return False

    def blank(self) -> None:
        self.flush()
        if self.literal_next:
            self.skip_indent = self.base_indent
            self.skip_code = True
            self.literal_next = False

    def explicit(self, s: int, e: int, line: str, indent: int) -> None:
        self.flush()
        self.literal_next = False
        d = _RST_DIRECTIVE.match(line)
        what = _RST_PROSE_BODY.get(d.group(1).lower()) if d else None
        if what is None:
            self.skip_indent = indent  # code, a comment, a target, a footnote: not prose
            self.skip_code = d is not None
            return
        self.options_after = indent
        a, b = strip_range(self.text, s + d.end(), e)
        if what == "version" and a < b:
            v = _VERSION_ARG.match(self.text, a, b)
            a = v.end() if v else b
        if a < b and what in ("prose", "title", "version"):
            self.base_indent = indent
            self.para.append((a, b))
            if what == "title":
                self.flush()

    def text_line(self, s: int, e: int, line: str, indent: int) -> None:
        if _RST_UNDERLINE.match(line):
            self.flush()  # a section title's over/underline ends the title block
            return
        item = LIST_ITEM.match(line)
        if item:
            self.flush()  # each list item is a block of its own, its marker left out
            self.item_indent = self.base_indent = item.end()
            self.para.append(strip_range(self.text, s + item.end(), e))
            return
        if self.para and self.item_indent is not None and indent < self.item_indent:
            self.flush()  # not indented to the item's text: the item has ended
        if not self.para:
            self.base_indent = indent
        self.para.append(strip_range(self.text, s, e))

    def run(self) -> list[Prose]:
        for no, (s, e) in enumerate(lines_of(self.text)):
            line = self.text[s:e]
            indent = len(line) - len(line.lstrip())
            if self.skipped(no, line, indent):
                continue
            if not line.strip():
                self.blank()
            elif _RST_EXPLICIT.match(line):
                self.explicit(s, e, line, indent)
            else:
                self.text_line(s, e, line, indent)
        self.flush()
        return self.blocks


def rst_blocks(text: str, code_lines: set[int] | None = None) -> list[Prose]:
    """reST prose blocks; `code_lines`, when given, collects the indices of the lines of literal
    blocks and directive bodies (not comments) that were skipped."""
    return _Reader(text, code_lines).run()
