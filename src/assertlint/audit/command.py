"""`assertlint audit`: the click command (a thin layer over run.run_audit)."""
from __future__ import annotations

import sys

import click

from ..errors import AssertlintError
from ..exitcodes import ExitCode
from .model import FORMATS, MARKUPS

EPILOG = """\b
Examples:
  assertlint audit issues.jsonl --out audit/              on the local cores
  assertlint audit issues.jsonl --markup markdown --column text=body --column author=user.login --out audit/
  assertlint audit chat.csv --column text=body --column author=user --out audit/
  assertlint audit list.mbox slack-export/ --out audit/ --hash-authors
  assertlint audit big.parquet --out /shared/audit --scheduler tcp://10.0.0.5:8786

\b
Inputs: JSON Lines (.jsonl), CSV (.csv, .tsv), Parquet (.parquet), mbox (.mbox or a
mailbox file), an unpacked Slack export folder. Outputs in --out: findings.parquet,
messages.parquet, report.html. Rerun the same command after an interruption to resume.

Exit status: 0 done, 2 a usage or input problem (the rest of the archive is still audited).
"""


def _split(values) -> tuple[str, ...]:
    return tuple(v.strip() for item in values for v in item.split(",") if v.strip())


@click.command("audit", context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
               epilog=EPILOG)
@click.argument("archives", nargs=-1, required=True, type=click.Path())
@click.option("--out", "-o", "out", required=True, metavar="DIR", type=click.Path(file_okay=False),
              help="Folder for findings.parquet, messages.parquet, report.html (and the resumable parts).")
@click.option("--input-format", type=click.Choice(FORMATS), help="The archives' format (default: from each name).")
@click.option("--markup", type=click.Choice(tuple(MARKUPS)), default="text", show_default=True,
              help="How the texts are written: markdown for GitHub issues and comments (code, quotes and "
                   "HTML comments left out); text also reads e-mail (quoted replies, signatures).")
@click.option("--column", "columns", multiple=True, metavar="ROLE=NAME",
              help="Input column (JSON field; a.b for nested) for a role: text, id, author, channel, thread, "
                   "timestamp. Defaults: the role's own name.")
@click.option("--scheduler", metavar="ADDRESS", help="Run on this Dask scheduler (tcp://HOST:PORT) instead of local cores.")
@click.option("-j", "--workers", type=click.IntRange(min=1), metavar="N",
              help="Local worker processes (default: one per core). Ignored with --scheduler.")
@click.option("--partition-size", type=click.IntRange(min=1), default=256, show_default=True, metavar="KB",
              help="Input per task, in KB.")
@click.option("--hash-authors", is_flag=True, help="Pseudonymise authors (and Slack mentions) in every output.")
@click.option("--fresh", is_flag=True, help="Discard results of an earlier run in --out instead of resuming.")
@click.option("--select", multiple=True, metavar="CODES", help="Only these rules (ids, prefixes, names, categories, styles).")
@click.option("--ignore", multiple=True, metavar="CODES", help="Skip these rules.")
@click.option("--extend-select", multiple=True, metavar="CODES", help="Add rules to the configured selection.")
@click.option("--config", metavar="PATH", type=click.Path(dir_okay=False), help="Use this config file.")
@click.option("--isolated", is_flag=True, help="Ignore every config file.")
@click.option("--model", metavar="NAME", help="An installed spaCy pipeline to parse with.")
@click.option("--include-blockquotes", is_flag=True, help="Also lint quoted text (> lines).")
@click.option("--progress/--no-progress", default=None, help="Show the progress bar (default: on a terminal).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary (the files are still written).")
def audit(archives, out, input_format, markup, columns, scheduler, workers, partition_size, hash_authors, fresh, select,
          ignore, extend_select, config, isolated, model, include_blockquotes, progress, quiet):
    """Audit the tone of whole archives: every message checked, on the local cores or a Dask cluster.

    ARCHIVES are JSONL, CSV or Parquet files with a text column, mbox files or Slack export folders.
    """
    from .backend import LintOptions
    from .model import Columns
    from .run import AuditOptions, print_errors, run_audit

    try:
        cols = Columns.parse(columns)
    except ValueError as err:
        raise click.UsageError(str(err)) from None
    opts = AuditOptions(
        archives=tuple(archives), out=out, input_format=input_format, columns=cols,
        lint=LintOptions(select=_split(select), ignore=_split(ignore), extend_select=_split(extend_select),
                         model=model, include_blockquotes=include_blockquotes, config=config, isolated=isolated),
        scheduler=scheduler, workers=workers, partition_bytes=partition_size * 1024, hash_authors=hash_authors,
        markup=markup, fresh=fresh, quiet=quiet, progress=progress,
    )
    try:
        outcome = run_audit(opts)
    except AssertlintError as err:
        print_errors([str(err)])
        sys.exit(ExitCode.ERROR)
    except KeyboardInterrupt:
        click.echo("assertlint: interrupted; rerun the same command to resume", err=True)
        sys.exit(130)
    print_errors(outcome.errors)
    sys.exit(outcome.code)
