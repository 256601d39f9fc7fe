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
    out = os.path.abspath(opts.out)
    if os.path.exists(out) and not os.path.isdir(out):
        raise ConfigError(f"--out {opts.out}: is a file, not a folder")
    formats, partitions = plan_all(opts, errors)
    if not formats:
        return Outcome(ExitCode.ERROR, errors, {})
    digest, desc = fingerprint(opts, formats)
    os.makedirs(out, exist_ok=True)
    manifest = parts.open_job(out, digest, desc, fresh=opts.fresh, shown=opts.out)
    job = Job(out=out, fingerprint=digest, columns=opts.columns, lint=opts.lint,
              author_salt=manifest["salt"] if opts.hash_authors else None, markup=opts.markup)
    todo = [p for p in partitions if not parts.done(out, p.index)]
    total = sum(p.count for p in partitions)
    already = total - sum(p.count for p in todo)
    stats = {"archives": [a for a, _ in formats], "partitions": len(partitions), "resumed": len(partitions) - len(todo),
             "messages_planned": total, "scheduler": opts.scheduler or "local"}
    failed: list[str] = []
    if todo:
        done_stats = _run_on_dask(opts, job, todo, total, already, stats, failed)
    else:
        done_stats = []
    errors.extend(failed[:MAX_FAILURES_SHOWN])
    if len(failed) > MAX_FAILURES_SHOWN:
        errors.append(f"... and {len(failed) - MAX_FAILURES_SHOWN} more partitions failed")
    missing = [p for p in partitions if not parts.done(out, p.index)]
    if missing:
        errors.append(f"{len(missing)} of {len(partitions)} partitions are not done; rerun the same command to "
                      f"resume (the {len(partitions) - len(missing)} done are kept)")
        return Outcome(ExitCode.ERROR, errors, stats)
    findings_path, messages_path = parts.assemble(out, partitions)
    from .html import render
    from .summary import summarize
    from .terminal import print_summary

    summary = summarize(messages_path, findings_path, hashed_authors=opts.hash_authors,
                        sources=[a for a, _ in formats])
    report = os.path.join(out, "report.html")
    tmp = report + ".tmp"
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(render(summary))
    os.replace(tmp, report)
    elapsed = time.perf_counter() - started
    checked_now = sum(s["messages"] for s in done_stats)
    stats.update(messages=summary.messages, checked=summary.checked, words=summary.words, findings=summary.findings,
                 record_errors=summary.errors, seconds_total=round(elapsed, 3), messages_this_run=checked_now)
    with open(os.path.join(out, "run.json"), "w", encoding="utf-8") as fh:
        json.dump(stats, fh, indent=2)
    if not opts.quiet:
        print_summary(summary, console, out_dir=opts.out, elapsed=elapsed)
    errors.extend(summary.error_lines)
    if summary.errors > len(summary.error_lines):
        errors.append(f"... and {summary.errors - len(summary.error_lines)} more records with problems "
                      f"(messages.parquet, column error)")
    return Outcome(ExitCode.ERROR if errors else ExitCode.OK, errors, stats)


def _run_on_dask(opts: AuditOptions, job: Job, todo: list[Partition], total: int, already: int,
                 stats: dict, failed: list[str]) -> list[dict]:
    from distributed import as_completed

    from .cluster import AuditPlugin, audit_task, connect, cpu_seconds, peak_rss_mb, plugin_name, task_key
    from .progress import AuditProgress

    t0 = time.perf_counter()
    where = f"the Dask scheduler at {opts.scheduler}" if opts.scheduler else "a local Dask cluster"
    try:
        client, cluster = connect(opts.scheduler, opts.workers)
    except (OSError, TimeoutError, ValueError) as err:
        raise ConfigError(f"cannot start or reach {where}: {err}") from None
    results: list[dict] = []
    try:
        try:
            client.register_plugin(AuditPlugin(opts.lint), name=plugin_name(opts.lint))
        except Exception as err:  # assertlint missing on a worker, no model there, ...
            raise ConfigError(f"the workers of {where} cannot run the audit ({type(err).__name__}: {err}); "
                              f"each worker needs {INSTALL_HINT}") from None
        stats["workers"] = len(client.nthreads())
        stats["seconds_startup"] = round(time.perf_counter() - t0, 3)
        cpu0 = _try(client.run, cpu_seconds) or {}
        t1 = time.perf_counter()
        futures = [client.submit(audit_task, p, job, key=task_key(job, p), pure=False) for p in todo]
        by_key = {f.key: p for f, p in zip(futures, todo)}
        force = opts.progress is True
        with AuditProgress(total, already, quiet=opts.quiet or opts.progress is False, force=force) as bar:
            for fut in as_completed(futures):
                part = by_key[fut.key]
                try:
                    r = fut.result()
                except Exception as err:  # a task that failed on every try (KilledWorker, a bug)
                    hint = (" (the workers must see the archive and --out at the same path)"
                            if isinstance(err, OSError) else "")
                    failed.append(f"{part.source}: partition {part.index} failed: {type(err).__name__}: {err}{hint}")
                    continue
                finally:
                    fut.release()
                results.append(r)
                bar.advance(part.count)
        seconds = time.perf_counter() - t1
        n = sum(r["messages"] for r in results)
        words = sum(r["words"] for r in results)
        stats["processes_used"] = len({r["pid"] for r in results})
        stats.update(seconds_processing=round(seconds, 3), messages_per_s=round(n / seconds, 1) if seconds else None,
                     words_per_s=round(words / seconds, 1) if seconds else None)
        # informative figures (a worker gone by now just drops out): each worker's peak memory, and
        # the share of a core it got while processing (below 1.0: the machine was busy elsewhere)
        rss = _try(client.run, peak_rss_mb) or {}
        stats["peak_rss_mb_per_worker"] = {w: round(v, 1) for w, v in rss.items()}
        cpu1 = _try(client.run, cpu_seconds) or {}
        if seconds:
            stats["cpu_share_per_worker"] = {w: round((cpu1[w] - cpu0[w]) / seconds, 3) for w in cpu1 if w in cpu0}
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return results


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
