"""--list-rules and --explain: eager options that read the rule files only (no spaCy)."""
from __future__ import annotations

import click

from .._version import __version__
from ..errors import AssertlintError
from ..exitcodes import ExitCode


def error(msg: str) -> None:
    click.echo(f"assertlint: error: {msg}", err=True)


def _rules_or_exit(ctx) -> list:
    """The built-in rules, or a one-line error and exit 2."""
    from ..ruleset import load_rules

    try:
        return load_rules()
    except AssertlintError as err:
        error(str(err))
        ctx.exit(ExitCode.ERROR)


def list_rules(ctx, param, value):
    if not value or ctx.resilient_parsing:
        return
    from rich.console import Console
    from rich.table import Table

    rules = _rules_or_exit(ctx)
    table = Table(title=f"assertlint {__version__}: {len(rules)} rules")
    for col in ("id", "name", "category", "style", "severity", "fix"):
        table.add_column(col)
    for r in rules:
        table.add_row(r.id, r.name, r.category, r.style, r.severity, r.fix)
    Console(soft_wrap=False).print(table)
    ctx.exit(ExitCode.OK)


def explain(ctx, param, value):
    if not value or ctx.resilient_parsing:
        return
    from ..ruleset.docs import rule_markdown
    from ..suggest import did_you_mean

    rules = _rules_or_exit(ctx)
    matches = [r for r in rules if r.id.upper() == value.upper() or r.name == value]
    if not matches:
        hint = did_you_mean(value, [r.id for r in rules] + [r.name for r in rules], upper=True)
        error(f"no rule {value!r}{hint} (see --list-rules)")
        ctx.exit(ExitCode.ERROR)
    from rich.console import Console
    from rich.markdown import Markdown

    Console().print(Markdown(rule_markdown(matches[0])))
    ctx.exit(ExitCode.OK)
