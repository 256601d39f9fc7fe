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
    before=[r"(?P<role>:[\w.+-]+:`[^`]+`)", r"(?P<rstlink>`[^`<]*<[^>]+>`__?)"],
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


def rst_blocks(text: str, code_lines: set[int] | None = None) -> list[Prose]:
    """reST prose blocks; `code_lines`, when given, collects the indices of the lines of literal
    blocks and directive bodies (not comments) that were skipped."""
    lines = lines_of(text)
    blocks: list[Prose] = []
    para: list[tuple[int, int]] = []
    skip_indent: int | None = None  # inside a literal block or directive body: skip lines indented deeper
    literal_next = False
    options_after: int | None = None  # just after a prose directive: skip its :option: lines
    item_indent: int | None = None  # the paragraph is a list item: the column of its text

    def flush() -> None:
        nonlocal literal_next, item_indent
        item_indent = None
        if para:
            last_s, last_e = para[-1]
            if text[last_s:last_e].rstrip().endswith("::"):
                literal_next = True
            prose = paragraph(text, para, INLINE)
            if prose:
                blocks.append(prose)
            para.clear()

    base_indent = 0
    skip_code = False
    for no, (s, e) in enumerate(lines):
        line = text[s:e]
        stripped = line.strip()
        indent = len(line) - len(line.lstrip())
        if skip_indent is not None:
            if not stripped or indent > skip_indent:
                if skip_code and code_lines is not None:
                    code_lines.add(no)
                continue
            skip_indent = None
        if options_after is not None:
            if stripped and indent > options_after and _RST_OPTION.match(line):
                continue
            options_after = None
        if not stripped:
            flush()
            if literal_next:
                skip_indent = base_indent
                skip_code = True
                literal_next = False
            continue
        explicit = _RST_EXPLICIT.match(line)
        if explicit:
            flush()
            literal_next = False
            d = _RST_DIRECTIVE.match(line)
            what = _RST_PROSE_BODY.get(d.group(1).lower()) if d else None
            if what is None:
                skip_indent = indent  # code, a comment, a target, a footnote: not prose
                skip_code = d is not None
                continue
            options_after = indent
            a, b = strip_range(text, s + d.end(), e)
            if what == "version" and a < b:
                v = _VERSION_ARG.match(text, a, b)
                a = v.end() if v else b
            if a < b and what in ("prose", "title", "version"):
                base_indent = indent
                para.append((a, b))
                if what == "title":
                    flush()
            continue
        if _RST_UNDERLINE.match(line):
            flush()  # a section title's over/underline ends the title block
            continue
        item = LIST_ITEM.match(line)
        if item:
            flush()  # each list item is a block of its own, its marker left out
            item_indent = base_indent = item.end()
            para.append(strip_range(text, s + item.end(), e))
            continue
        if para and item_indent is not None and indent < item_indent:
            flush()  # not indented to the item's text: the item has ended
        if not para:
            base_indent = indent
        para.append(strip_range(text, s, e))
    flush()
    return blocks
