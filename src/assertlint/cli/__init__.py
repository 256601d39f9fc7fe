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
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (BrokenPipeError, ValueError):
        code = code or 0
    os._exit(code)
