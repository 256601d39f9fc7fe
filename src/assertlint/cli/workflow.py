"""What `assertlint check` does with its options: find and read the files, check them through one
Session, fix or diff, baseline, report, and choose the exit code. Each step is one function."""
from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field, replace

import click

from ..errors import AssertlintError
from ..exitcodes import ExitCode
from ..report.escape import safe
from ..results import FileResult
from ..session import Session, SessionOptions
from ..source.reader import SourceText
from . import output


@dataclass(frozen=True)
class CheckRequest:
    paths: tuple[str, ...]
    session: SessionOptions
    fmt: str = "pretty"
    fix: bool = False
    unsafe_fixes: bool = False
    diff: bool = False
    write_baseline: str | None = None
    report_unused_ignores: bool = False
    exit_zero: bool = False
    color: str = "auto"
    quiet: bool = False
    output_file: str | None = None
    statistics: bool = False
    show_files: bool = False
    show_settings: str | None = None
    write_through_symlinks: bool = False


@dataclass
class Run:
    """The state of one run: the session, the sources read, the errors met so far."""

    req: CheckRequest
    session: Session
    started: float = field(default_factory=time.perf_counter)
    errors: list[str] = field(default_factory=list)
    stdin: SourceText | None = None
    stdin_bytes: bytes | None = None  # as read, so `--fix -` can echo it back on error
    stdin_fixed: str | None = None  # `--fix -`: the fixed text for stdout
    changed: int = 0
    unused: int = 0

    def error(self, message: str) -> None:
        if message not in self.errors:
            self.errors.append(message)


def run_check(req: CheckRequest) -> int:
    output.reset()
    run = Run(req, Session(req.session))
    try:
        return _run(run)
    except Exception as err:  # noqa: BLE001 - whatever happens: one line, exit 2, never a traceback
        return _crash(run, err)


def _crash(run: Run, err: BaseException) -> int:
    if isinstance(err, OSError):
        what = f"{err.strerror or err}"
    else:
        what = f"internal error ({type(err).__name__}: {' '.join(str(err).split())[:200]})"
    try:
        output.error(what)
    except OSError:
        pass
    _echo_input(run)  # an editor filter gets its buffer back
    return ExitCode.ERROR


def _echo_input(run: Run) -> None:
    """`--fix -`: stdout carries the input unchanged, exactly once, when nothing else was written."""
    if not (run.req.fix and "-" in run.req.paths) or output.stdout_used():
        return
    if run.stdin_bytes is None:
        try:
            run.stdin_bytes = sys.stdin.buffer.read() if sys.stdin is not None else b""
        except (OSError, ValueError):
            return
    try:
        output.echo_bytes(run.stdin_bytes)
    except OSError:
        pass


def _run(run: Run) -> int:
    req = run.req
    try:
        run.session.load_baseline()
    except AssertlintError as err:
        return _fail(run, str(err))
    if req.show_settings:
        return _show_settings(run)
    sources = read_sources(run)
    if req.show_files:
        return _show_files(run, sources)
    problem = _output_problem(run, sources)
    if problem:  # before the first file is written
        return _fail(run, problem)
    checked = check_sources(run, sources)
    if req.fix or req.diff:
        checked = fix_results(run, checked)
    results = [r for _, r in checked]
    results = [replace(r, findings=tuple(run.session.filter_baseline(list(r.findings)))) for r in results]
    if req.write_baseline:
        results = _write_baseline(run, results)
    if req.report_unused_ignores:
        _report_unused(run, results)
    return finish(run, results)


def _fail(run: Run, message: str) -> int:
    run.error(message)
    for e in run.errors:
        output.error(e)
    _echo_input(run)
    return ExitCode.ERROR


def _output_problem(run: Run, sources: list[SourceText]) -> str | None:
    """A report or baseline file that would overwrite a file being checked, or that cannot be
    written where it is named: found before anything is written."""
    import os

    inputs = [s.path for s in sources if s.path != "-"]
    for option, target in (("-o", run.req.output_file), ("--write-baseline", run.req.write_baseline)):
        if not target:
            continue
        folder = os.path.dirname(os.path.abspath(target))
        if not os.path.isdir(folder):
            what = "baseline cannot be written" if option == "--write-baseline" else "cannot be written"
            return f"{option} {target}: {what} (folder {folder} does not exist)"
        if os.path.exists(target):
            for p in inputs:
                try:
                    same = os.path.samefile(p, target)
                except OSError:
                    same = False
                if same:
                    return f"{option} {target}: is one of the files being checked; writing there would overwrite it"
    return None


# -- reading --------------------------------------------------------------------------------------
def read_sources(run: Run) -> list[SourceText]:
    """Every file to check (stdin as '-'), read and decoded; problems go to run.errors."""
    from ..source.files import discover
    from ..source.reader import decode, read_file

    req = run.req
    found = discover(list(req.paths))
    for p, problem in found.errors:
        run.error(f"{p}: {problem}")
    explicit = set() if req.session.force_exclude else set(req.paths)
    out = []
    for p in found.files:
        try:
            if p == "-":
                run.stdin_bytes = sys.stdin.buffer.read() if sys.stdin is not None else b""
                run.stdin = decode(req.session.stdin_filename or "-", run.stdin_bytes)
                out.append(replace(run.stdin, path="-"))
            elif p in explicit or not run.session.excluded(p):
                out.append(read_file(p))
        except AssertlintError as err:  # a bad file or config: say so, check the others
            run.error(str(err))
    return out


def _show_files(run: Run, sources: list[SourceText]) -> int:
    for src in sources:
        click.echo(safe(src.path))
    for e in run.errors:
        output.error(e)
    return ExitCode.ERROR if run.errors else ExitCode.OK


def _show_settings(run: Run) -> int:
    try:
        cfg = run.session.settings_for(run.req.show_settings)
        rules = run.session.rules(run.req.show_settings)
    except AssertlintError as err:
        return _fail(run, str(err))
    click.echo(output.settings_text(run.req.show_settings, cfg, rules, run.session.excluded(run.req.show_settings)))
    return ExitCode.OK


# -- checking and fixing --------------------------------------------------------------------------
Checked = list[tuple[SourceText, FileResult]]


def check_sources(run: Run, sources: list[SourceText]) -> Checked:
    """(source, result) for each source that could be checked (without the baseline filter)."""
    from ..report.progress import run_with_progress

    def check(batch: list[SourceText]) -> list:
        results = run.session.check_texts([(s.text, s.path) for s in batch], baseline=False)
        return list(zip(batch, results))

    pairs = run_with_progress(check, sources, quiet=run.req.quiet) if sources else []
    good = []
    for src, r in pairs:
        if r.error is not None:
            run.error(r.error)
        else:
            good.append((src, r))
    return good


def fix_results(run: Run, checked: Checked) -> Checked:
    """Fix each file to a fixed point; write it (--fix), print its diff (--diff) or, for
    standard input with --fix, send the fixed text to stdout."""
    out = []
    for src, r in checked:
        fixed = run.session.fix_text(src.text, src.path, unsafe=run.req.unsafe_fixes, checked=r, baseline=False)
        if fixed.error is not None:
            run.error(fixed.error)
            continue
        out.append((src, FileResult(r.path, fixed.text, fixed.findings, fixed.unused_ignores, notes=r.notes)))
        if src.path == "-" and run.req.fix and not run.req.diff:
            run.stdin_fixed = fixed.text
        if fixed.changed:
            run.changed += 1
            _apply(run, src, fixed.text)
    return out


def _apply(run: Run, src: SourceText, text: str) -> None:
    if run.req.diff:
        output.print_diff(run.stdin.path if src.path == "-" else src.path, src.text, text)
    elif src.path != "-":
        try:
            output.write_fixed(src.path, src.encode(), src.encode(text), roots=_roots(run))
        except output.NotWritten as err:
            run.error(f"{src.path}: {err}; left as it was")
        except OSError as err:
            run.error(f"{src.path}: cannot be written ({err.strerror or err}); left as it was")


def _roots(run: Run) -> tuple[str, ...]:
    """The checked tree: the working folder and every folder named on the command line (real
    paths). A fix reaching outside them through a symlink is written only when asked."""
    import os

    if run.req.write_through_symlinks:
        return ()
    roots = [os.path.realpath(".")]
    for p in run.req.paths:
        if p == "-":
            continue
        if os.path.isdir(p):
            roots.append(os.path.realpath(p))
        else:  # a file named: its folder as named (a symlinked folder on the way does not count)
            roots.append(os.path.dirname(os.path.abspath(p)))
    return tuple(roots)


# -- after the check --------------------------------------------------------------------------------
def _write_baseline(run: Run, results: list[FileResult]) -> list[FileResult]:
    from ..baseline import write_baseline

    try:
        n = write_baseline(run.req.write_baseline, [f for r in results for f in r.findings])
    except AssertlintError as err:
        run.error(str(err))
        return results
    click.echo(f"assertlint: wrote {n} finding{'s' if n != 1 else ''} to baseline {run.req.write_baseline}", err=True)
    return [replace(r, findings=()) for r in results]


def _report_unused(run: Run, results: list[FileResult]) -> None:
    for r in results:
        for d in r.unused_ignores:
            run.unused += 1
            click.echo(safe(f"{r.path}:{d.line}:{d.column}: unused suppression '{d.text.strip()}'"), err=True)


def finish(run: Run, results: list[FileResult]) -> int:
    req = run.req
    _report_problems(run, results)
    fixed_stdin = run.stdin_fixed
    if fixed_stdin is not None:  # bytes, so newlines and a BOM come out exactly as they came in
        output.echo_bytes(run.stdin.encode(fixed_stdin))
    elif req.fix:
        _echo_input(run)  # an editor filter must never get an empty buffer back
    if (req.output_file or not req.quiet) and not req.diff:
        _report(run, results, to_stderr=fixed_stdin is not None or (req.fix and "-" in req.paths))
    if req.fix and not req.quiet and run.changed and run.stdin_bytes is None:
        click.echo(f"assertlint: fixed {run.changed} file{'s' if run.changed != 1 else ''}", err=True)
    return exit_code(run, results)


def _report_problems(run: Run, results: list[FileResult]) -> None:
    """Errors (always), and notes on what was left out of a file (unless --quiet), on stderr."""
    for e in run.errors:
        output.error(e)
    if not run.req.quiet:
        for r in results:
            for n in r.notes:
                output.note(f"{r.path}: {n}")


def _report(run: Run, results: list[FileResult], to_stderr: bool) -> None:
    from ..report import ReportOptions, render

    req = run.req
    rules = _rules_in_use(run, results)
    opts = ReportOptions(color=req.color, elapsed=time.perf_counter() - run.started, statistics=req.statistics,
                         rules=rules)
    if req.output_file:  # a report file is written even with --quiet (CI: -q -o report.sarif)
        try:
            with open(req.output_file, "w", encoding="utf-8", newline="\n") as out:
                render(req.fmt, results, out, opts)
        except OSError as err:
            output.error(f"{req.output_file}: cannot be written ({err.strerror or err})")
            run.errors.append(req.output_file)
        return
    stream = sys.stderr if to_stderr else sys.stdout
    render(req.fmt, results, stream, opts)
    stream.flush()


def _rules_in_use(run: Run, results: list[FileResult]) -> tuple:
    seen: dict[str, object] = {}
    for r in results:
        try:
            rules = run.session.rules(r.path)
        except AssertlintError:
            continue
        for rule in rules:
            seen.setdefault(rule.id, rule)
    return tuple(seen.values())


def exit_code(run: Run, results: list[FileResult]) -> int:
    req = run.req
    if run.errors:
        return ExitCode.ERROR
    if req.exit_zero:
        return ExitCode.OK
    if req.diff:
        return ExitCode.FINDINGS if run.changed else ExitCode.OK
    if any(r.findings for r in results) or run.unused:
        return ExitCode.FINDINGS
    return ExitCode.OK
