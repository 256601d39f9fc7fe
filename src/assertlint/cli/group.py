"""A click group that loads its subcommands lazily from the registry and falls back to the
default command (`check`) when the first argument is not a subcommand's name."""
from __future__ import annotations

import importlib

import click

from .commands import COMMANDS, DEFAULT


class DefaultGroup(click.Group):
    """`assertlint draft.txt` runs `assertlint check draft.txt`; `assertlint server` runs the
    `server` subcommand. A file named like a subcommand is reached as `assertlint check NAME`."""

    def list_commands(self, ctx) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx, name):
        target = COMMANDS.get(name)
        if target is None:
            return None
        module, _, attr = target.partition(":")
        return getattr(importlib.import_module(module), attr)

    def parse_args(self, ctx, args):
        if not args or args[0] not in COMMANDS:
            args = [DEFAULT, *args]  # options, paths, '-', --help, --version: all the default's
        return super().parse_args(ctx, args)


@click.group(cls=DefaultGroup, context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """assertlint: a tone linter (see `assertlint check --help`)."""
