"""The audit on a dask.distributed LocalCluster with two workers started here: every input
format gives the command line's findings; one worker or two, the same files; a worker killed
mid-run, or the whole run killed and rerun, gives exactly the findings of an uninterrupted run."""
from __future__ import annotations

import logging
import os
import shutil
import signal
import subprocess
import sys
import time

import pytest

pytest.importorskip("distributed", reason="the audit extra is not installed: pip install '.[audit]'")
pytest.importorskip("pyarrow", reason="the audit extra is not installed: pip install '.[audit]'")

import pyarrow.parquet as pq  # noqa: E402

from assertlint.audit.backend import LintOptions  # noqa: E402
from assertlint.audit.run import AuditOptions, run_audit  # noqa: E402

from audit_archives import messages, write  # noqa: E402
from audit_helpers import audit_findings, cli_findings, reader_texts, same_findings  # noqa: E402

pytestmark = pytest.mark.slow
FORMATS = ["jsonl", "csv", "parquet", "mbox", "slack"]


@pytest.fixture(scope="module")
def cluster():
    from distributed import LocalCluster

    c = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                     silence_logs=logging.ERROR)
    yield c
    c.close()


def audit(archives, out, address=None, partition_kb=2, **kw):
    opts = AuditOptions(archives=tuple(map(str, archives)), out=str(out), scheduler=address,
                        lint=LintOptions(isolated=True), partition_bytes=partition_kb * 1024, quiet=True, **kw)
    return run_audit(opts)


def tables(out):
    return pq.read_table(os.path.join(out, "findings.parquet")), pq.read_table(os.path.join(out, "messages.parquet"))


def assertlint_exe() -> list[str]:
    exe = shutil.which("assertlint") or os.path.join(os.path.dirname(sys.executable), "assertlint")
    return [exe]


@pytest.mark.parametrize("fmt", FORMATS)
def test_each_format_on_two_workers_gives_the_cli_findings(cluster, tmp_path, fmt):
    archive, _ = write(fmt, tmp_path, messages(90))
    outcome = audit([archive], tmp_path / "out", cluster.scheduler_address)
    assert outcome.code == 0, outcome.errors
    assert outcome.stats["workers"] == 2 and outcome.stats["partitions"] >= 4
    same_findings(cli_findings(reader_texts(archive, fmt), tmp_path / "cli"), audit_findings(tmp_path / "out"))
    assert (tmp_path / "out" / "report.html").stat().st_size > 5000


def test_one_worker_or_two_same_files(cluster, tmp_path):
    """The embedded default (the command, its own LocalCluster with one worker) and the test's
    two-worker cluster (through --scheduler) write the same rows in the same order."""
    archive, _ = write("jsonl", tmp_path, messages(160, seed=3))
    two = audit([archive], tmp_path / "two", cluster.scheduler_address)
    assert two.code == 0 and two.stats["processes_used"] == 2  # both workers took partitions
    res = subprocess.run([*assertlint_exe(), "audit", archive, "--out", str(tmp_path / "one"), "-j", "1",
                          "--partition-size", "2", "--isolated"], capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr
    assert "Tone audit" in res.stdout and "messages" in res.stdout  # the terminal summary
    f1, m1 = tables(tmp_path / "one")
    f2, m2 = tables(tmp_path / "two")
    assert f1.num_rows > 50
    assert f1.equals(f2) and m1.equals(m2)


def _wait_parts(out, n, timeout=180.0, proc=None) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        folder = os.path.join(out, "parts")
        done = len([f for f in os.listdir(folder) if f.endswith(".messages.parquet")]) if os.path.isdir(folder) else 0
        if done >= n:
            return done
        if proc is not None and proc.poll() is not None:
            raise AssertionError(f"the audit ended early: {proc.stderr.read()}")
        time.sleep(0.05)
    raise AssertionError(f"fewer than {n} partitions done after {timeout} s")


def test_killed_worker_and_killed_run_then_rerun_equal_uninterrupted(cluster, tmp_path):
    archive, _ = write("jsonl", tmp_path, messages(500, seed=11))
    ref = audit([archive], tmp_path / "ref", cluster.scheduler_address, partition_kb=1)
    assert ref.code == 0, ref.errors
    total = ref.stats["partitions"]
    assert total >= 40
    out = tmp_path / "out"
    proc = subprocess.Popen([*assertlint_exe(), "audit", archive, "--out", str(out), "--scheduler",
                             cluster.scheduler_address, "--partition-size", "1", "--isolated", "-q"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        _wait_parts(out, 4, proc=proc)
        victim = next(iter(cluster.workers.values()))
        os.kill(victim.pid, signal.SIGKILL)  # a worker dies mid-run; its nanny starts a new one
        done = _wait_parts(out, 8, proc=proc)
        proc.send_signal(signal.SIGKILL)  # then the whole run dies
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert done < total, "the run finished before it could be interrupted"
    time.sleep(1.0)  # tasks already running on the workers may still finish and write their parts
    rerun = audit([archive], out, cluster.scheduler_address, partition_kb=1)
    assert rerun.code == 0, rerun.errors
    assert 0 < rerun.stats["resumed"] < total  # it resumed: partitions done before were not redone
    f_ref, m_ref = tables(tmp_path / "ref")
    f_out, m_out = tables(out)
    assert m_out.num_rows == m_ref.num_rows == 500  # no message lost or counted twice
    assert f_out.equals(f_ref) and m_out.equals(m_ref)


def test_killed_worker_within_one_run(cluster, tmp_path):
    """Dask reruns a dead worker's partitions elsewhere: one run, no rerun, the same files."""
    archive, _ = write("csv", tmp_path, messages(300, seed=5))
    ref = audit([archive], tmp_path / "ref", cluster.scheduler_address, partition_kb=1)
    assert ref.code == 0, ref.errors
    import threading

    result = {}
    t = threading.Thread(target=lambda: result.setdefault(
        "o", audit([archive], tmp_path / "out", cluster.scheduler_address, partition_kb=1)))
    t.start()
    _wait_parts(tmp_path / "out", 3)
    os.kill(next(iter(cluster.workers.values())).pid, signal.SIGKILL)
    t.join(timeout=300)
    o = result["o"]
    assert o.code == 0, o.errors
    assert o.stats["resumed"] == 0
    f_ref, m_ref = tables(tmp_path / "ref")
    f_out, m_out = tables(tmp_path / "out")
    assert f_out.equals(f_ref) and m_out.equals(m_ref)
