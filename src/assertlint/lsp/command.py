"""`assertlint server`: the language server over standard input and output."""
from __future__ import annotations

import logging
import sys

import click

from .backend import SEVERITIES


def _split(values) -> tuple[str, ...]:
    return tuple(v.strip() for item in values for v in item.split(",") if v.strip())


@click.command("server", context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.option("--select", multiple=True, metavar="CODES", help="Only these rules (the client's settings may override).")
@click.option("--ignore", multiple=True, metavar="CODES", help="Skip these rules.")
@click.option("--extend-select", multiple=True, metavar="CODES", help="Add rules to the configured selection.")
@click.option("--config", metavar="PATH", type=click.Path(dir_okay=False),
              help="Use this config file for every document.")
@click.option("--isolated", is_flag=True, help="Ignore every config file.")
@click.option("--min-severity", type=click.Choice(SEVERITIES), help="Hide findings below this severity.")
@click.option("--model", metavar="NAME", help="An installed spaCy pipeline to parse with.")
@click.option("--debounce-ms", type=click.IntRange(0, 10_000), default=None,
              help="Edits closer together than this are checked once, after a pause (default 15).")
@click.option("--log-file", metavar="PATH", type=click.Path(dir_okay=False),
              help="Write the server's log here instead of standard error.")
@click.option("--log-level", type=click.Choice(["debug", "info", "warning", "error"]), default="warning",
              show_default=True)
def server(select, ignore, extend_select, config, isolated, min_severity, model, debounce_ms, log_file, log_level):
    """Run the assertlint language server on standard input/output (LSP).

    Editors start it as `assertlint server`; see docs/editors.md for each editor's setup.
    Settings sent by the client (initializationOptions or the "assertlint" section) override
    these options.
    """
    handler = logging.FileHandler(log_file, encoding="utf-8") if log_file else logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(getattr(logging, log_level.upper()))

    from .backend import BackendOptions
    from .server import AssertlintServer
    from .settings import ServerSettings

    opts = BackendOptions(select=_split(select), ignore=_split(ignore), extend_select=_split(extend_select),
                          config=config, isolated=isolated, min_severity=min_severity, model=model)
    settings = ServerSettings() if debounce_ms is None else ServerSettings(debounce_ms=debounce_ms)
    ls = AssertlintServer(opts, settings)
    # The protocol owns standard output: anything else printed (a library's stray print) goes to
    # standard error instead of corrupting the message stream.
    stdout = sys.stdout.buffer
    sys.stdout = sys.stderr
    ls.start_io(sys.stdin.buffer, stdout)
