"""The layout tells the architecture: no import cycles between assertlint's modules (imports
inside functions count too), the engine never imports the rewrite layer, no function is over
cyclomatic complexity 15, and the check command is option parsing, a call and the exit code."""
from __future__ import annotations

import ast
import inspect

import pytest

from conftest import ROOT

SRC = ROOT / "src"
PKG = SRC / "assertlint"


def _module_name(path) -> str:
    rel = path.relative_to(SRC).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, object]:
    return {_module_name(p): p for p in PKG.rglob("*.py")}


def _imports(name: str, path, known: set[str]) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name.startswith("assertlint"))
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if not target.startswith("assertlint"):
                continue
            for a in node.names:  # `from . import checks` imports a submodule
                sub = f"{target}.{a.name}"
                out.add(sub if sub in known else target)
    return {m for m in out if m in known and m != name}


def graph() -> dict[str, set[str]]:
    mods = _modules()
    known = set(mods)
    return {name: _imports(name, path, known) for name, path in mods.items()}


def _cycles(g: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index, low, stack, on, out = {}, {}, [], set(), []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in g[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(g):
        if v not in index:
            visit(v)
    return out


def test_the_cycle_finder_finds_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_import_cycles():
    assert _cycles(graph()) == []


def test_engine_does_not_import_rewrite_or_report():
    g = graph()
    for mod, deps in g.items():
        if mod.startswith("assertlint.engine"):
            bad = {d for d in deps if d.startswith(("assertlint.rewrite", "assertlint.report", "assertlint.cli",
                                                     "assertlint.session"))}
            assert not bad, f"{mod} imports {sorted(bad)}"


def test_no_function_over_complexity_15():
    radon = pytest.importorskip("radon.complexity", reason="radon comes with the test extra")
    over = []
    for path in PKG.rglob("*.py"):
        for block in radon.cc_visit(path.read_text(encoding="utf-8")):
            if block.complexity > 15:
                over.append(f"{path.relative_to(SRC)}:{block.lineno} {block.name} ({block.complexity})")
    assert not over, "functions over cyclomatic complexity 15:\n" + "\n".join(over)


def test_the_check_command_is_short():
    from assertlint.cli.check import check

    lines = inspect.getsource(check.callback).splitlines()
    body = [ln for ln in lines if not ln.lstrip().startswith("@")]
    assert len(body) < 40, len(body)
