"""The `assertlint` command (click). Reads input → lints → reports; --fix/--diff apply rewrites."""
from __future__ import annotations

import difflib
import os
import sys
import time

import click

from . import __version__
from .errors import AssertlintError
from .exitcodes import ExitCode
from .report import FORMATS

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
"""


def _split(values: tuple[str, ...]) -> list[str]:
    return [v.strip() for item in values for v in item.split(",") if v.strip()]


def _err(msg: str) -> None:
    click.echo(f"assertlint: error: {msg}", err=True)


def _rules_or_exit(ctx) -> list:
    """The built-in rules, or a one-line error and exit 2 (for --list-rules and --explain)."""
    from .ruleset import load_rules

    try:
        return load_rules()
    except AssertlintError as err:
        _err(str(err))
        ctx.exit(ExitCode.ERROR)


def _list_rules(ctx, param, value):
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


def _explain(ctx, param, value):
    if not value or ctx.resilient_parsing:
        return
    from .ruleset.docs import rule_markdown

    rules = _rules_or_exit(ctx)
    matches = [r for r in rules if r.id.upper() == value.upper() or r.name == value]
    if not matches:
        _err(f"no rule {value!r} (see --list-rules)")
        ctx.exit(ExitCode.ERROR)
    from rich.console import Console
    from rich.markdown import Markdown

    Console().print(Markdown(rule_markdown(matches[0])))
    ctx.exit(ExitCode.OK)


@click.command(
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    epilog=EPILOG,
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
@click.option("--force-exclude", is_flag=True,
              help="Apply the config's `exclude` to files named on the command line too (pre-commit).")
@click.option("--baseline", metavar="FILE", help="Report only findings that are not in this baseline.")
@click.option("--write-baseline", metavar="FILE", help="Record today's findings in FILE and exit 0.")
@click.option("--report-unused-ignores", is_flag=True, help="List inline suppressions that matched nothing.")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=0, show_default="0: automatic",
              help="Processes to parse with (0: both cores for large inputs, one for a draft).")
@click.option("--no-cache", is_flag=True, help="Neither read nor write the result cache (.assertlint_cache/).")
@click.option("--fix", is_flag=True, help="Apply safe rewrites in place (with '-': fixed text to stdout).")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix or --diff, also apply unsafe rewrites.")
@click.option("--diff", is_flag=True, help="Print a unified diff of the fixes; change nothing.")
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
@click.option("--list-rules", is_flag=True, expose_value=False, is_eager=True, callback=_list_rules,
              help="List every rule and exit.")
@click.option("--explain", metavar="RULE", expose_value=False, is_eager=True, callback=_explain,
              help="Explain a rule (by id or name) and exit.")
@click.version_option(__version__, "-V", "--version", prog_name="assertlint")
def main(paths, fmt, select, ignore, extend_select, config, isolated, force_exclude, baseline, write_baseline,
         report_unused_ignores, jobs, no_cache, fix, unsafe_fixes, diff, stdin_filename, model, include_blockquotes,
         exit_zero, color, quiet, output_file, statistics):
    """Flag aggressive, passive and passive-aggressive phrasing and suggest assertive rewrites.

    PATHS are files or folders (searched for .txt .md .markdown .rst .text files); '-' or no
    path with piped input reads standard input.
    """
    started = time.perf_counter()
    paths = list(paths)
    if not paths:
        if sys.stdin is None or sys.stdin.isatty():
            raise click.UsageError("no paths given (pass files or folders, or '-' to read standard input)")
        paths = ["-"]
    if paths.count("-") > 1:
        raise click.UsageError("'-' (standard input) can be given only once")
    if fix and diff:
        raise click.UsageError("--fix and --diff cannot be used together")

    from .report import FileResult, ReportOptions, render
    from .runner import RunOptions, Runner

    runner = Runner(RunOptions(
        select=tuple(_split(select)), ignore=tuple(_split(ignore)), extend_select=tuple(_split(extend_select)),
        model=model, include_blockquotes=include_blockquotes, config=config, isolated=isolated,
        stdin_filename=stdin_filename, report_unused_ignores=report_unused_ignores,
        jobs=jobs, cache=not no_cache, force_exclude=force_exclude,
    ))
    results: list[FileResult] = []
    stdin_fix_out = None
    stdin_src = None
    changed = 0
    unused_count = 0
    try:
        sources = runner.read(paths)
        from .report.progress import run_with_progress

        checked = run_with_progress(runner.check_sources, sources, quiet=quiet) if sources else []
        if fix or diff:
            from .rewrite.fixer import fix as run_fix

            for c in checked:
                src = c.source
                res = run_fix(lambda t, c=c: runner.check_text(c, t), src.text, unsafe=unsafe_fixes)
                c.findings = res.remaining
                results.append(FileResult(src.path, res.remaining, res.text, words=len(res.text.split())))
                if c.stdin:
                    stdin_src = src
                    if fix:
                        stdin_fix_out = res.text
                if res.text == src.text:
                    continue
                changed += 1
                if diff:
                    _print_diff(src.path, src.text, res.text)
                elif not c.stdin:
                    try:
                        _write_atomic(src.path, src.encode(res.text))
                    except OSError as err:
                        runner.errors.append(f"{src.path}: cannot be written ({err.strerror or err}); left as it was")
        else:
            for c in checked:
                results.append(FileResult(c.source.path, c.findings, c.source.text, words=len(c.source.text.split())))
        if baseline:
            from .baseline import filter_new, load_baseline

            known = load_baseline(baseline)  # (entries, the folder their paths are relative to)
            for r in results:
                r.findings = filter_new(r.findings, known)
        if write_baseline:
            from .baseline import write_baseline as write_bl

            n = write_bl(write_baseline, [f for r in results for f in r.findings])
            click.echo(f"assertlint: wrote {n} finding{'s' if n != 1 else ''} to baseline {write_baseline}", err=True)
            for r in results:
                r.findings = []
        if report_unused_ignores:
            for c in checked:
                for d in c.unused_ignores:
                    unused_count += 1
                    click.echo(f"{c.source.path}:{d.line}:{d.column}: unused suppression '{d.text.strip()}'", err=True)
    except AssertlintError as err:  # a baseline file problem: nothing more to report
        runner.error(str(err))
        for e in runner.errors:
            _err(e)
        _echo_stdin(runner, fix)
        sys.exit(ExitCode.ERROR)
    for e in runner.errors:
        _err(e)
    errors = len(runner.errors)
    if stdin_fix_out is None:
        _echo_stdin(runner, fix)  # an editor filter must never get an empty buffer back

    if stdin_fix_out is not None:  # bytes, so newlines and a BOM come out exactly as they came in
        sys.stdout.flush()
        sys.stdout.buffer.write(stdin_src.encode(stdin_fix_out))
        sys.stdout.buffer.flush()
    if (output_file or not quiet) and not diff:
        from .report import rules_in_use

        opts = ReportOptions(color=color, elapsed=time.perf_counter() - started, statistics=statistics,
                             rules=rules_in_use(c.linter for c in checked))
        if output_file:  # a report file is written even with --quiet (CI: -q -o report.sarif)
            try:
                with open(output_file, "w", encoding="utf-8", newline="\n") as out:
                    render(fmt, results, out, opts)
            except OSError as err:
                _err(f"{output_file}: cannot be written ({err.strerror or err})")
                errors += 1
        else:
            stream = sys.stderr if stdin_fix_out is not None else sys.stdout
            render(fmt, results, stream, opts)
            stream.flush()
    if fix and not quiet and changed and stdin_fix_out is None:
        click.echo(f"assertlint: fixed {changed} file{'s' if changed != 1 else ''}", err=True)

    if errors:
        sys.exit(ExitCode.ERROR)
    if diff:
        sys.exit(ExitCode.FINDINGS if changed and not exit_zero else ExitCode.OK)
    if (any(r.findings for r in results) or unused_count) and not exit_zero:
        sys.exit(ExitCode.FINDINGS)
    sys.exit(ExitCode.OK)


def _echo_stdin(runner, fix: bool) -> None:
    """With `--fix -`, standard input that could not be fixed goes back out unchanged."""
    if fix and runner.stdin_bytes is not None:
        sys.stdout.flush()
        sys.stdout.buffer.write(runner.stdin_bytes)
        sys.stdout.buffer.flush()


def _print_diff(path: str, old: str, new: str) -> None:
    lines = difflib.unified_diff(
        old.splitlines(keepends=True), new.splitlines(keepends=True), fromfile=f"a/{path}", tofile=f"b/{path}"
    )
    for line in lines:
        sys.stdout.write(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")


def _write_atomic(path: str, data: bytes) -> None:
    """Write through a temporary file in the same folder, then rename; keep the file's mode."""
    import tempfile

    path = os.path.realpath(path)  # write through a symlink, never replace it
    folder = os.path.dirname(path)
    mode = os.stat(path).st_mode & 0o7777
    fd, tmp = tempfile.mkstemp(prefix=".assertlint-", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def run() -> None:
    """The console entry point: run, flush, and leave without the interpreter's slow teardown
    (0.1-0.2 s of freeing spaCy's objects that nobody will use again)."""
    command, name = main, "assertlint"
    if len(sys.argv) > 1 and sys.argv[1] == "audit":  # the archive audit (issue 14), its own command
        from .audit.command import audit as command

        del sys.argv[1]
        name = "assertlint audit"
    try:
        command(prog_name=name)
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
