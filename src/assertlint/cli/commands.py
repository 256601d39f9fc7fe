"""The subcommand registry: name -> "module:attribute" of a click command, imported only when
that command runs (or --help lists it), so `assertlint --version` stays fast.

Adding a subcommand is one new module in assertlint/cli/ plus one line here.
"""
from __future__ import annotations

DEFAULT = "check"

COMMANDS: dict[str, str] = {
    "check": "assertlint.cli.check:check",
    "server": "assertlint.lsp.command:server",
    "audit": "assertlint.audit.command:audit",
    "daemon": "assertlint.daemon.command:daemon",
}
