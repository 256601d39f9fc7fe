"""`assertlint check` (the default command): option parsing, one call, the exit code.
The work is in cli/workflow.py, through one Session."""
from __future__ import annotations

import sys

import click

from .._version import __version__
from ..report import FORMATS
from ..taxonomy import SEVERITIES as SEVERITY_CHOICES
from . import rules_info

EPILOG = """\b
Examples:
  assertlint draft.txt                 check a draft before sending it
  assertlint docs/                     check every .md/.txt/.rst file below docs/
  cat draft.txt | assertlint -         read standard input
  assertlint --format json notes.md    machine-readable findings
  assertlint --format sarif -o tone.sarif docs/   SARIF 2.1.0 for code scanning, to a file
  assertlint --format github docs/     annotations in a GitHub Actions log
  assertlint --statistics docs/        counts per rule instead of the findings
  assertlint --select passive draft.txt        only passive categories
  assertlint --ignore hedge,MIN draft.txt      skip a category and an id prefix
  assertlint --fix draft.txt           apply the safe rewrites in place
  assertlint --diff draft.txt          show what --fix would change
  assertlint --fix - < draft.txt       editor filter: fixed text on stdout
  assertlint --explain JDG001          what a rule flags and what to write instead

Exit status: 0 no findings, 1 findings, 2 usage or input error.

\b
Commands: `assertlint check PATH...` is the explicit form of `assertlint PATH...`;
`assertlint COMMAND --help` describes the other commands ({commands}).
"""


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(v.strip() for item in values for v in item.split(",") if v.strip())


def _epilog() -> str:
    from .commands import COMMANDS

    return EPILOG.format(commands=", ".join(sorted(COMMANDS)))


@click.command(
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    epilog=_epilog(),
)
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="pretty", show_default=True,
              help="Output format.")
@click.option("--select", multiple=True, metavar="CODES",
              help="Only these rules: ids, id prefixes, names, categories or styles (comma-separated).")
@click.option("--ignore", multiple=True, metavar="CODES", help="Skip these rules (same forms as --select).")
@click.option("--extend-select", multiple=True, metavar="CODES", help="Add rules to the configured selection.")
@click.option("--config", metavar="PATH", type=click.Path(dir_okay=False),
              help="Use this config file (pyproject.toml or .assertlint.toml) for every input.")
@click.option("--isolated", is_flag=True, help="Ignore every config file.")
@click.option("--exclude", multiple=True, metavar="GLOBS",
              help="Skip these paths (gitignore-style globs, comma-separated), instead of the config's `exclude`.")
@click.option("--extend-exclude", multiple=True, metavar="GLOBS", help="Skip these paths too (added to `exclude`).")
@click.option("--min-severity", type=click.Choice(SEVERITY_CHOICES), help="Report only findings of this severity or above.")
@click.option("--force-exclude", is_flag=True,
              help="Apply the config's `exclude` to files named on the command line too (pre-commit).")
@click.option("--baseline", metavar="FILE", help="Report only findings that are not in this baseline.")
@click.option("--write-baseline", metavar="FILE", help="Record today's findings in FILE and exit 0.")
@click.option("--report-unused-ignores", is_flag=True, help="List inline suppressions that matched nothing.")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=0, show_default="0: automatic",
              help="Processes to parse with (0: both cores for large inputs, one for a draft).")
@click.option("--no-cache", is_flag=True, help="Neither read nor write the result cache (ASSERTLINT_CACHE_DIR).")
@click.option("--daemon/--no-daemon", "use_daemon", default=None,
              help="Send the check to a running `assertlint daemon` (also ASSERTLINT_DAEMON=1); "
                   "without one, check here.")
@click.option("--fix", is_flag=True, help="Apply safe rewrites in place (with '-': fixed text to stdout).")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix or --diff, also apply unsafe rewrites.")
@click.option("--diff", is_flag=True, help="Print a unified diff of the fixes; change nothing.")
@click.option("--write-through-symlinks", is_flag=True,
              help="With --fix, also write files that a symlink places outside the checked folders.")
@click.option("--stdin-filename", metavar="NAME", help="Name for standard input in the output (its suffix picks the markup).")
@click.option("--model", metavar="NAME", help="An installed spaCy pipeline to parse with.")
@click.option("--include-blockquotes", is_flag=True, help="Also lint quoted text (Markdown > blocks, e-mail > lines).")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
              help="Colour in the pretty report (NO_COLOR is honoured).")
@click.option("-q", "--quiet", is_flag=True, help="Print no findings (the exit status still tells).")
@click.option("-o", "--output-file", metavar="PATH", type=click.Path(dir_okay=False, writable=True),
              help="Write the report to PATH instead of standard output.")
@click.option("--statistics", is_flag=True, help="Print counts per rule instead of the findings.")
@click.option("--show-files", is_flag=True, help="List the files that would be checked and exit.")
@click.option("--show-settings", metavar="FILE", help="Show the settings that apply to FILE and exit.")
@click.option("--list-rules", is_flag=True, expose_value=False, is_eager=True, callback=rules_info.list_rules,
              help="List every rule and exit.")
@click.option("--explain", metavar="RULE", expose_value=False, is_eager=True, callback=rules_info.explain,
              help="Explain a rule (by id or name) and exit.")
@click.version_option(__version__, "-V", "--version", prog_name="assertlint")
def check(paths, jobs, no_cache, select, ignore, extend_select, exclude, extend_exclude, use_daemon, **kw):
    """Flag aggressive, passive and passive-aggressive phrasing and suggest assertive rewrites.

    PATHS are files or folders (searched for .txt .md .markdown .rst .text files); '-' or
    no path with piped input reads standard input.
    """
    from ..session import SessionOptions
    from .workflow import CheckRequest, run_check

    paths = _paths(paths, kw)
    session_keys = ("model", "include_blockquotes", "config", "isolated", "min_severity", "force_exclude",
                    "stdin_filename", "baseline")
    opts = SessionOptions(select=_split(select), ignore=_split(ignore), extend_select=_split(extend_select),
                          exclude=_split(exclude), extend_exclude=_split(extend_exclude), jobs=jobs,
                          cache=not no_cache, **{k: kw.pop(k) for k in session_keys})
    sys.exit(run_check(CheckRequest(paths=paths, session=opts, **kw)))


def _paths(paths, kw) -> tuple[str, ...]:
    paths = tuple(paths)
    if kw["show_settings"]:
        return paths
    if not paths:
        if sys.stdin is None or sys.stdin.isatty():
            raise click.UsageError("no paths given (pass files or folders, or '-' to read standard input)")
        paths = ("-",)
    if paths.count("-") > 1:
        raise click.UsageError("'-' (standard input) can be given only once")
    if kw["fix"] and kw["diff"]:
        raise click.UsageError("--fix and --diff cannot be used together")
    return paths
