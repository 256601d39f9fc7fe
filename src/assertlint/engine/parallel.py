"""Checking on several cores: forked workers that each read their share of the input from
markup to candidates.

The parent loads the model (and nothing else that a worker would have to redo), forks, and keeps
one share for itself. A share is a run of whole inputs when the inputs are many and of similar
size; when a few large inputs dominate, the parent strips the markup first and a share is a run
of prose blocks. Either way each worker masks (respells), gates, parses, matches and checks its
own text, and sends back only candidates, as JSON (plain data: no spaCy objects, nothing
that could run when read). Shares are contiguous
and results are put back in input order, so the output is the same whatever the number of
workers.

A worker that dies (killed, out of memory) costs only its own inputs: each gets an error naming
the cause, and every other input is still reported. Where `fork` is not available the work runs
in this process.
"""
from __future__ import annotations

import json
import os
import signal
import struct
from dataclasses import dataclass

# Automatic --jobs: one worker per this many characters of input to check (below it, forking and
# sending candidates back cost more than they save), at most one per usable core.
CHARS_PER_JOB = 120_000


def usable_cores() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def can_fork() -> bool:
    import multiprocessing

    return hasattr(os, "fork") and "fork" in multiprocessing.get_all_start_methods()


def choose_jobs(requested: int, chars: int) -> int:
    """The number of processes for `chars` characters to check: `requested` (0: automatic, from
    the size), never more than the usable cores, and 1 where fork is not available."""
    cores = usable_cores()
    if requested == 0:
        requested = max(1, chars // CHARS_PER_JOB)
    jobs = max(1, min(requested, cores))
    return jobs if jobs == 1 or can_fork() else 1


@dataclass(frozen=True)
class WorkerFailure:
    """An input that a worker could not finish (it died, or failed unexpectedly)."""

    message: str


def split_sizes(sizes: list[int], parts: int) -> list[tuple[int, int]]:
    """Contiguous [start, end) runs of `sizes`, at most `parts` of them, of similar total size."""
    total = sum(sizes)
    runs: list[tuple[int, int]] = []
    start, acc = 0, 0
    for i, size in enumerate(sizes):
        acc += size
        left = parts - len(runs) - 1  # runs still to make after this one
        if left > 0 and acc >= total * (len(runs) + 1) / parts and len(sizes) - i - 1 >= left:
            runs.append((start, i + 1))
            start = i + 1
    if start < len(sizes):
        runs.append((start, len(sizes)))
    return runs


def balanced(sizes: list[int], parts: int) -> bool:
    """True when contiguous runs of whole items can share the work fairly (no run over 1.3x its
    share): then whole inputs are the shares and the markup runs in the workers too."""
    total = sum(sizes)
    if not total:
        return True
    runs = split_sizes(sizes, parts)
    return len(runs) == parts and max(sum(sizes[a:b]) for a, b in runs) <= 1.3 * total / parts


# -- fork, collect ----------------------------------------------------------------------------
def run_shares(shares: list, work, jobs: int) -> list:
    """work(share) for each share, the first in this process and the others in forked workers.
    Returns one entry per share: work's result, or a WorkerFailure for a worker that died."""
    children: list[tuple[int, int]] = []  # (pid, read end of its pipe)
    try:
        for share in shares[1:]:
            children.append(_fork(work, share))
        first = work(shares[0])
        return [first] + [_collect(pid, fd) for pid, fd in children]
    except BaseException:
        for pid, _ in children:
            _kill(pid)
        raise
    finally:
        for _, fd in children:
            try:
                os.close(fd)
            except OSError:
                pass


def run_beside(child_work, parent_work):
    """child_work() in a forked worker while parent_work() runs here; the worker's result (or a
    WorkerFailure). Used to gate the text while this process loads the model."""
    pid, fd = _fork(lambda _: child_work(), None)
    try:
        parent_work()
        return _collect(pid, fd)
    except BaseException:
        _kill(pid)
        raise
    finally:
        try:
            os.close(fd)
        except OSError:
            pass


def _fork(work, share) -> tuple[int, int]:
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # the worker: compute, send, leave without running the parent's cleanup
        code = 0
        try:
            os.close(r)
            signal.signal(signal.SIGINT, signal.SIG_DFL)
            try:
                payload = _dump(["ok", work(share)])
            except BaseException as err:  # noqa: BLE001 - reported to the parent, which decides
                payload = _dump(["error", _describe(err)])
            _write_all(w, struct.pack("<Q", len(payload)) + payload)
        except BaseException:  # noqa: BLE001
            code = 1
        finally:
            os._exit(code)
    os.close(w)
    return pid, r


def _describe(err: BaseException) -> tuple[str, str, str]:
    from ..errors import AssertlintError

    kind = "assertlint" if isinstance(err, AssertlintError) else "internal"
    return (kind, type(err).__name__, str(err))


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        n = os.write(fd, view)
        view = view[n:]


def _read_all(fd: int) -> bytes:
    chunks = []
    while True:
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)


def _collect(pid: int, fd: int):
    data = _read_all(fd)
    _, status = os.waitpid(pid, 0)
    if len(data) >= 8:
        (n,) = struct.unpack("<Q", data[:8])
        if len(data) == 8 + n:
            kind, value = json.loads(data[8:])  # plain data: nothing in it is ever run
            if kind == "ok":
                return value
            return _failure_from_error(value)
    return WorkerFailure(_death(status))


def _failure_from_error(value: tuple[str, str, str]):
    kind, name, message = value
    if kind == "assertlint":
        from ..errors import AssertlintError

        raise AssertlintError(message)
    return WorkerFailure(f"a worker process failed ({name}: {message}); this file was not checked")


def _death(status: int) -> str:
    if os.WIFSIGNALED(status):
        sig = os.WTERMSIG(status)
        try:
            name = signal.Signals(sig).name
        except ValueError:
            name = f"signal {sig}"
        hint = " (out of memory?)" if sig == signal.SIGKILL else ""
        return f"the worker process checking this file was killed by {name}{hint}; this file was not checked"
    return f"the worker process checking this file exited with status {os.waitstatus_to_exitcode(status)} " \
           "before it finished; this file was not checked"


def _kill(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    except (ProcessLookupError, ChildProcessError):
        pass


# -- the answer as plain data -----------------------------------------------------------------------
def _dump(value) -> bytes:
    """A worker's answer as JSON: lists, dicts, strings, numbers (the engine turns its objects
    into these and back, engine/linter.py); a lone surrogate in user text survives as an escape."""
    return json.dumps(value, separators=(",", ":")).encode("ascii")
