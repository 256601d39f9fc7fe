"""The whole audit: plan the partitions, start or resume the job in the output folder, run the
partitions not yet done on Dask, assemble the Parquet files, summarise, write report.html and
print the summary. The click command is a thin layer over `run_audit`."""
from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from dataclasses import asdict, dataclass, field

from .. import __version__
from ..atomic import write_whole
from ..errors import ConfigError, InputError
from ..exitcodes import ExitCode
from . import parts, readers
from .backend import LintOptions
from .model import Columns, Job, Partition

DEFAULT_PARTITION_BYTES = 256 * 1024  # ~40,000 words of input: a few seconds of work per task
INSTALL_HINT = 'pip install "assertlint[audit]"'
MAX_FAILURES_SHOWN = 5


@dataclass
class AuditOptions:
    archives: tuple[str, ...]
    out: str
    input_format: str | None = None  # None: from each archive's name
    columns: Columns = field(default_factory=Columns)
    lint: LintOptions = field(default_factory=LintOptions)
    scheduler: str | None = None
    workers: int | None = None  # LocalCluster processes (None: one per core)
    partition_bytes: int = DEFAULT_PARTITION_BYTES
    hash_authors: bool = False
    markup: str = "text"
    fresh: bool = False
    quiet: bool = False
    progress: bool | None = None  # None: when stderr is a terminal


@dataclass
class Outcome:
    code: ExitCode
    errors: list[str]
    stats: dict


def need_extra() -> None:
    """ConfigError naming the extra when dask.distributed or pyarrow is missing."""
    missing = []
    for mod in ("distributed", "pyarrow"):
        try:
            __import__(mod)
        except ImportError:
            missing.append(mod)
    if missing:
        raise ConfigError(f"assertlint audit needs {' and '.join(missing)}; install them with: {INSTALL_HINT}")


def _stamp(path: str) -> list:
    """What identifies an archive's content cheaply: size and modification time of its files."""
    if os.path.isdir(path):
        out = []
        for folder, dirs, files in os.walk(path):
            dirs.sort()
            for name in sorted(files):
                if name.endswith(".json"):
                    st = os.stat(os.path.join(folder, name))
                    out.append([os.path.relpath(os.path.join(folder, name), path), st.st_size, st.st_mtime_ns])
        return out
    st = os.stat(path)
    return [st.st_size, st.st_mtime_ns]


def fingerprint(opts: AuditOptions, formats: list[tuple[str, str]]) -> tuple[str, dict]:
    desc = {
        "assertlint": __version__,
        "archives": [{"path": os.path.abspath(a), "format": f, "stamp": _stamp(a)} for a, f in formats],
        "columns": asdict(opts.columns),
        "lint": asdict(opts.lint),
        "partition_bytes": opts.partition_bytes,
        "hash_authors": opts.hash_authors,
        "markup": opts.markup,
    }
    digest = hashlib.sha256(json.dumps(desc, sort_keys=True).encode()).hexdigest()
    return digest, desc


def plan_all(opts: AuditOptions, errors: list[str]) -> tuple[list[tuple[str, str]], list[Partition]]:
    """The archives that can be read, with their formats, and all their partitions."""
    formats, partitions = [], []
    for a in opts.archives:
        try:
            fmt = opts.input_format or readers.detect(a)
            planned = list(readers.plan(a, fmt, opts.partition_bytes, opts.columns, first_index=len(partitions)))
        except InputError as err:
            errors.append(str(err))
            continue
        formats.append((a, fmt))
        partitions.extend(planned)
    return formats, partitions


def run_audit(opts: AuditOptions, console=None) -> Outcome:
    """Run (or resume) the audit; record-level problems come back in Outcome.errors.
    ConfigError for a cluster that cannot be used or an --out holding another audit."""
    from rich.console import Console

    console = console or Console()
    need_extra()
    started = time.perf_counter()
    errors: list[str] = []
    out = _out_folder(opts)
    formats, partitions = plan_all(opts, errors)
    if not formats:
        return Outcome(ExitCode.ERROR, errors, {})
    job = _start_job(opts, out, formats)
    todo = [p for p in partitions if not parts.done(out, p.index)]
    stats = _plan_stats(opts, formats, partitions, todo)
    failed: list[str] = []
    done_stats = _run_on_dask(opts, job, partitions, todo, stats, failed) if todo else []
    errors.extend(_failure_lines(failed))
    not_done = _not_done_line(out, partitions)
    if not_done:
        errors.append(not_done)
        return Outcome(ExitCode.ERROR, errors, stats)
    summary = _write_outputs(opts, out, formats, partitions)
    elapsed = time.perf_counter() - started
    _add_run_totals(stats, summary, elapsed, done_stats)
    write_whole(os.path.join(out, "run.json"), json.dumps(stats, indent=2))
    if not opts.quiet:
        from .terminal import print_summary

        print_summary(summary, console, out_dir=opts.out, elapsed=elapsed)
    errors.extend(_record_error_lines(summary))
    return Outcome(ExitCode.ERROR if errors else ExitCode.OK, errors, stats)


def _out_folder(opts: AuditOptions) -> str:
    """--out as an absolute path; ConfigError when it names a file."""
    out = os.path.abspath(opts.out)
    if os.path.exists(out) and not os.path.isdir(out):
        raise ConfigError(f"--out {opts.out}: is a file, not a folder")
    return out


def _start_job(opts: AuditOptions, out: str, formats: list[tuple[str, str]]) -> Job:
    """Start or resume the job in `out` (parts.open_job) and what its tasks share."""
    digest, desc = fingerprint(opts, formats)
    os.makedirs(out, exist_ok=True)
    manifest = parts.open_job(out, digest, desc, fresh=opts.fresh, shown=opts.out)
    return Job(out=out, fingerprint=digest, columns=opts.columns, lint=opts.lint,
               author_salt=manifest["salt"] if opts.hash_authors else None, markup=opts.markup)


def _plan_stats(opts: AuditOptions, formats: list[tuple[str, str]], partitions: list[Partition],
                todo: list[Partition]) -> dict:
    """run.json's first figures: the archives, partitions (and those done by an earlier run),
    messages planned, where it runs."""
    return {"archives": [a for a, _ in formats], "partitions": len(partitions),
            "resumed": len(partitions) - len(todo), "messages_planned": sum(p.count for p in partitions),
            "scheduler": opts.scheduler or "local"}


def _failure_lines(failed: list[str]) -> list[str]:
    """The first MAX_FAILURES_SHOWN failed partitions, and how many more."""
    lines = failed[:MAX_FAILURES_SHOWN]
    if len(failed) > MAX_FAILURES_SHOWN:
        lines.append(f"... and {len(failed) - MAX_FAILURES_SHOWN} more partitions failed")
    return lines


def _not_done_line(out: str, partitions: list[Partition]) -> str | None:
    """None when every partition is done; else how many are not, and how to resume."""
    missing = [p for p in partitions if not parts.done(out, p.index)]
    if not missing:
        return None
    return (f"{len(missing)} of {len(partitions)} partitions are not done; rerun the same command to "
            f"resume (the {len(partitions) - len(missing)} done are kept)")


def _write_outputs(opts: AuditOptions, out: str, formats: list[tuple[str, str]], partitions: list[Partition]):
    """findings.parquet and messages.parquet from the parts, their summary, and report.html
    (written to a temporary name, then renamed)."""
    from .html import render
    from .summary import summarize

    findings_path, messages_path = parts.assemble(out, partitions)
    summary = summarize(messages_path, findings_path, hashed_authors=opts.hash_authors,
                        sources=[a for a, _ in formats])
    report = os.path.join(out, "report.html")
    write_whole(report, render(summary))
    return summary


def _record_error_lines(summary) -> list[str]:
    """The summary's first records with problems, and how many more are in messages.parquet."""
    lines = list(summary.error_lines)
    if summary.errors > len(summary.error_lines):
        lines.append(f"... and {summary.errors - len(summary.error_lines)} more records with problems "
                     f"(messages.parquet, column error)")
    return lines


def _add_run_totals(stats: dict, summary, elapsed: float, done_stats: list[dict]) -> None:
    """run.json's totals: the whole audit's counts, its time, the messages checked by this run."""
    stats.update(messages=summary.messages, checked=summary.checked, words=summary.words, findings=summary.findings,
                 record_errors=summary.errors, seconds_total=round(elapsed, 3),
                 messages_this_run=sum(s["messages"] for s in done_stats))


def _run_on_dask(opts: AuditOptions, job: Job, partitions: list[Partition], todo: list[Partition],
                 stats: dict, failed: list[str]) -> list[dict]:
    """Run the partitions in `todo` on the cluster; each task's counts, the failed partitions
    in `failed`, the cluster's figures in `stats`."""
    from .cluster import cpu_seconds

    t0 = time.perf_counter()
    where = f"the Dask scheduler at {opts.scheduler}" if opts.scheduler else "a local Dask cluster"
    client, cluster = _connect(opts, where)
    try:
        _register_plugin(client, opts.lint, where)
        stats["workers"] = len(client.nthreads())
        stats["seconds_startup"] = round(time.perf_counter() - t0, 3)
        cpu0 = _try(client.run, cpu_seconds) or {}
        t1 = time.perf_counter()
        results = _run_tasks(client, opts, job, partitions, todo, failed)
        seconds = time.perf_counter() - t1
        _add_throughput(stats, results, seconds)
        _add_worker_figures(stats, client, cpu0, seconds)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return results


def _connect(opts: AuditOptions, where: str):
    """(client, cluster or None); ConfigError when the cluster cannot be started or reached."""
    from .cluster import connect

    try:
        return connect(opts.scheduler, opts.workers)
    except (OSError, TimeoutError, ValueError) as err:
        raise ConfigError(f"cannot start or reach {where}: {err}") from None


def _register_plugin(client, lint: LintOptions, where: str) -> None:
    """The plugin that opens the session on every worker; ConfigError when a worker cannot."""
    from .cluster import AuditPlugin, plugin_name

    try:
        client.register_plugin(AuditPlugin(lint), name=plugin_name(lint))
    except Exception as err:  # assertlint missing on a worker, no model there, ...
        raise ConfigError(f"the workers of {where} cannot run the audit ({type(err).__name__}: {err}); "
                          f"each worker needs {INSTALL_HINT}") from None


def _run_tasks(client, opts: AuditOptions, job: Job, partitions: list[Partition], todo: list[Partition],
               failed: list[str]) -> list[dict]:
    """One task per partition; their counts as they complete (the progress bar advances by
    each partition's messages); a partition whose task failed on every try goes to `failed`."""
    from distributed import as_completed

    from .cluster import audit_task, task_key
    from .progress import AuditProgress

    futures = [client.submit(audit_task, p, job, key=task_key(job, p), pure=False) for p in todo]
    by_key = {f.key: p for f, p in zip(futures, todo)}
    results: list[dict] = []
    total = sum(p.count for p in partitions)
    already = total - sum(p.count for p in todo)  # done by an earlier run
    quiet = opts.quiet or opts.progress is False
    with AuditProgress(total, already, quiet=quiet, force=opts.progress is True) as bar:
        for fut in as_completed(futures):
            part = by_key[fut.key]
            try:
                r = fut.result()
            except Exception as err:  # a task that failed on every try (KilledWorker, a bug)
                failed.append(_failure(part, err))
                continue
            finally:
                fut.release()
            results.append(r)
            bar.advance(part.count)
    return results


def _failure(part: Partition, err: Exception) -> str:
    hint = " (the workers must see the archive and --out at the same path)" if isinstance(err, OSError) else ""
    return f"{part.source}: partition {part.index} failed: {type(err).__name__}: {err}{hint}"


def _add_throughput(stats: dict, results: list[dict], seconds: float) -> None:
    """Processes used, and messages and words per second while the tasks ran."""
    n = sum(r["messages"] for r in results)
    words = sum(r["words"] for r in results)
    stats["processes_used"] = len({r["pid"] for r in results})
    stats.update(seconds_processing=round(seconds, 3), messages_per_s=round(n / seconds, 1) if seconds else None,
                 words_per_s=round(words / seconds, 1) if seconds else None)


def _add_worker_figures(stats: dict, client, cpu0: dict, seconds: float) -> None:
    """Informative figures (a worker gone by now just drops out): each worker's peak memory, and
    the share of a core it got while processing (below 1.0: the machine was busy elsewhere)."""
    from .cluster import cpu_seconds, peak_rss_mb

    rss = _try(client.run, peak_rss_mb) or {}
    stats["peak_rss_mb_per_worker"] = {w: round(v, 1) for w, v in rss.items()}
    cpu1 = _try(client.run, cpu_seconds) or {}
    if seconds:
        stats["cpu_share_per_worker"] = {w: round((cpu1[w] - cpu0[w]) / seconds, 3) for w in cpu1 if w in cpu0}


def _try(fn, *args):
    try:
        return fn(*args)
    except Exception:  # a worker lost in between: the figure is left out
        return None


def print_errors(errors: list[str], stream=None) -> None:
    stream = stream or sys.stderr
    for e in errors:
        print(f"assertlint: error: {e}", file=stream)


__all__ = ["AuditOptions", "Outcome", "run_audit"]
