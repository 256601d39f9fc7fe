"""The `assertlint` command: a click group whose default command is `check`.

`assertlint PATH...` is `assertlint check PATH...`; other subcommands (a language server, an
archive audit, a daemon) plug in through the registry in `cli/commands.py`: one module each, one
line there.
"""
from __future__ import annotations

import os
import sys

import click

from .group import main

__all__ = ["main", "run"]


def _filter_fallback() -> None:
    """`--fix -` stopped by a usage error before it read its input: the editor still gets its
    buffer back (stdout carries the input or the fixed text, whatever happens)."""
    from .output import echo_bytes, stdout_used

    args = sys.argv[1:]
    if "--fix" not in args or stdout_used() or sys.stdin is None or sys.stdin.isatty():
        return
    if "-" not in args and any(not a.startswith("-") for a in args):
        return  # files named: not a filter
    try:
        echo_bytes(sys.stdin.buffer.read())
    except (OSError, ValueError):
        pass


def run() -> None:
    """The console entry point: run, flush, and leave without the interpreter's slow teardown
    (0.1-0.2 s of freeing spaCy's objects that nobody will use again)."""
    try:
        main(prog_name="assertlint")
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        if exc.code is not None and not isinstance(exc.code, int):
            click.echo(exc.code, err=True)
    if code == 2:
        _filter_fallback()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (BrokenPipeError, ValueError):
        code = code or 0
    os._exit(code)
