"""The `assertlint` command: a click group whose default command is `check`.

`assertlint PATH...` is `assertlint check PATH...`; other subcommands (a language server, an
archive audit, a daemon) plug in through the registry in `cli/commands.py`: one module each, one
line there.
"""
from __future__ import annotations

import os
import sys

__all__ = ["main", "run"]


def __getattr__(name: str):
    if name == "main":  # imported on use: `assertlint --daemon` answers without click
        from .group import main

        return main
    raise AttributeError(name)


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
    (0.1-0.2 s of freeing spaCy's objects that nobody will use again). With --daemon (or
    ASSERTLINT_DAEMON=1) a running daemon does the work, if there is one."""
    from ..daemon import client

    argv = sys.argv[1:]
    if client.wanted(argv):
        code = client.run_in_daemon(argv)
        if code is not None:
            _leave(code)
    import click

    from .group import main

    try:
        main(prog_name="assertlint")
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        if exc.code is not None and not isinstance(exc.code, int):
            click.echo(exc.code, err=True)
    if code == 2:
        _filter_fallback()
    _leave(code)


def _leave(code: int) -> None:
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (BrokenPipeError, ValueError):
        code = code or 0
    os._exit(code)
