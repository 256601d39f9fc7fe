"""Dask: where the partitions run.

Without a scheduler address the audit starts a LocalCluster on this machine (one single-threaded
worker process per core: spaCy holds the GIL while it parses); with `--scheduler tcp://HOST:PORT`
it runs on an existing cluster. Either way:

- a worker plugin opens the linter session once per worker and loads the model when the worker
  joins (before any task), so tasks never pay for it;
- a task is one partition *descriptor* (file, byte or row range: a few hundred bytes); the worker
  reads the records itself, checks them, writes the part files into the output folder and sends
  back a handful of counts. No text and no finding passes through the scheduler or the client, so
  the scheduler stays out of the hot path. Archives and the output folder must therefore be
  visible to the workers at the same path (this machine, or a shared filesystem).
- if a worker dies, the scheduler reruns its partitions elsewhere; if the whole run dies, the
  part files already written are kept and a rerun checks only the rest (see parts.py).
"""
from __future__ import annotations

import hashlib
import logging
import os
import resource

from distributed import Client, LocalCluster, WorkerPlugin, get_worker

from .backend import LintOptions, open_session
from .model import Job, Partition
from .process import run_partition

WARM_TEXT = "Sorry to bother you, but I just wanted to check in: you never answer."
_SESSIONS: dict = {}  # per worker process, when the plugin is not there (a worker that joined late)


def plugin_name(lint: LintOptions) -> str:
    return "assertlint-audit-" + hashlib.sha256(repr(lint).encode()).hexdigest()[:12]


class AuditPlugin(WorkerPlugin):
    """Open the session and load the model once per worker, when the worker starts or joins."""

    def __init__(self, lint: LintOptions) -> None:
        self.lint = lint
        self.name = plugin_name(lint)
        self.session = None

    def setup(self, worker) -> None:
        self.session = open_session(self.lint)
        self.session.check_texts([(WARM_TEXT, None)])  # load spaCy, the model and the matchers now

    def teardown(self, worker) -> None:
        self.session = None


def _session(lint: LintOptions):
    try:
        plugin = get_worker().plugins.get(plugin_name(lint))
    except ValueError:  # not on a worker (a test calling the task directly)
        plugin = None
    if plugin is not None and getattr(plugin, "session", None) is not None:
        return plugin.session
    if lint not in _SESSIONS:
        _SESSIONS[lint] = open_session(lint)
    return _SESSIONS[lint]


def audit_task(part: Partition, job: Job) -> dict:
    """The Dask task: one partition on this worker (its counts go back to the client)."""
    return run_partition(part, job, _session(job.lint))


def peak_rss_mb() -> float:
    """This process's peak resident memory in MB (run on each worker at the end)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def cpu_seconds() -> float:
    """This process's CPU time so far (user + system), to tell how much of a core it got."""
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def connect(scheduler: str | None, workers: int | None) -> tuple[Client, LocalCluster | None]:
    """A client on the given scheduler, or on a new LocalCluster with `workers` processes."""
    if scheduler:
        return Client(scheduler, timeout="30s"), None
    cluster = LocalCluster(n_workers=workers or cores(), threads_per_worker=1, processes=True,
                           dashboard_address=None, silence_logs=logging.ERROR)
    return Client(cluster), cluster


def task_key(job: Job, part: Partition) -> str:
    return f"assertlint-audit-{job.fingerprint[:12]}-{part.index}"
