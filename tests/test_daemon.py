"""The warm daemon: the same output and exit codes as checking in-process, a socket private to
the user (anything else refused), config re-read on every check, in-process checking when no
daemon runs or when it runs other code, and an exit after the idle timeout."""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time

import click
import pytest

from assertlint.daemon import client, protocol
from conftest import EXAMPLES, ROOT

DRAFT = EXAMPLES / "draft.txt"


def _env(rt) -> dict:
    env = dict(os.environ)
    env["ASSERTLINT_RUNTIME_DIR"] = str(rt)
    env.pop("ASSERTLINT_DAEMON", None)
    return env


def _run(args, rt, *, stdin: bytes | None = None, cwd=None, env_extra=None):
    env = {**_env(rt), **(env_extra or {})}
    return subprocess.run([sys.executable, "-m", "assertlint", *args], input=stdin, capture_output=True,
                          env=env, cwd=cwd or ROOT, timeout=300)


def _status(rt) -> dict | None:
    old = os.environ.get("ASSERTLINT_RUNTIME_DIR")
    os.environ["ASSERTLINT_RUNTIME_DIR"] = str(rt)
    try:
        path = protocol.socket_path()
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            sock.settimeout(30)
            sock.connect(path)
            protocol.send_json(sock, {"op": "status"})
            return protocol.recv_json(sock)
    except OSError:
        return None
    finally:
        if old is None:
            os.environ.pop("ASSERTLINT_RUNTIME_DIR", None)
        else:
            os.environ["ASSERTLINT_RUNTIME_DIR"] = old


def _start(rt, *extra) -> dict:
    res = _run(["daemon", "start", *extra], rt)
    assert res.returncode == 0, res.stderr.decode()
    found = _status(rt)
    assert found and found["status"] == "ok"
    return found


def _stop(rt, pid: int) -> None:
    _run(["daemon", "stop"], rt)
    for _ in range(100):
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.05)
    os.kill(pid, signal.SIGKILL)


@pytest.fixture(scope="module")
def daemon(tmp_path_factory):
    rt = tmp_path_factory.mktemp("runtime") / "assertlint"
    found = _start(rt)
    yield rt
    _stop(rt, found["pid"])


def _served(rt) -> int:
    return _status(rt)["served"]


@pytest.mark.parametrize("args", [
    ["--format", "json", "--no-cache", str(DRAFT)],
    ["--format", "line", str(EXAMPLES)],
    ["--statistics", "--no-cache", str(EXAMPLES)],
    ["--select", "hedge", "--format", "jsonl", str(EXAMPLES / "before.txt")],
    ["--diff", str(DRAFT)],
    ["--format", "json", "--stdin-filename", "notes.md", "-"],
    ["--fix", "--quiet", "-"],
    ["--fix", "--format", "nope", "-"],  # a usage error: the filter still gives the buffer back
    ["--format", "json", "no-such-file.txt", str(DRAFT)],
])
def test_daemon_answers_exactly_as_in_process(daemon, args):
    stdin = DRAFT.read_bytes() if "-" in args else None
    before = _served(daemon)
    via = _run(["--daemon", *args], daemon, stdin=stdin)
    here = _run(["--no-daemon", *args], daemon, stdin=stdin)
    assert _served(daemon) == before + 1, "the daemon did not serve the check"
    assert via.returncode == here.returncode, via.stderr.decode()
    strip = (lambda b: b.replace(b"\r", b"")) if "--statistics" not in args else (lambda b: b.split(b"checked in")[0])
    assert strip(via.stdout) == strip(here.stdout)
    assert via.stderr == here.stderr


def test_environment_variable_sends_work_to_the_daemon(daemon):
    before = _served(daemon)
    res = _run(["--format", "json", "--no-cache", str(DRAFT)], daemon, env_extra={"ASSERTLINT_DAEMON": "1"})
    assert res.returncode == 1 and json.loads(res.stdout)
    assert _served(daemon) == before + 1


def test_config_is_read_anew_for_every_check(daemon, tmp_path):
    doc = tmp_path / "notes.txt"
    doc.write_bytes(DRAFT.read_bytes())
    first = json.loads(_run(["--daemon", "--format", "json", "--no-cache", "notes.txt"], daemon, cwd=tmp_path).stdout)
    assert any(f["rule"].startswith("APO") for f in first)
    (tmp_path / ".assertlint.toml").write_text('ignore = ["apology"]\n')
    second = json.loads(_run(["--daemon", "--format", "json", "--no-cache", "notes.txt"], daemon, cwd=tmp_path).stdout)
    assert second and not any(f["rule"].startswith("APO") for f in second)


def test_rule_files_are_reloaded_when_they_change(daemon, tmp_path):
    rules = tmp_path / "myrules"
    rules.mkdir()
    src = (ROOT / "rules" / "apology" / "APO001-sorry-to-bother.toml").read_text()
    rule = rules / "ZZZ001.toml"
    rule.write_text(src.replace('id = "APO001"', 'id = "ZZZ001"').replace('name = "sorry-to-bother"', 'name = "zzz"'))
    (tmp_path / ".assertlint.toml").write_text('rule-paths = ["myrules"]\nselect = ["ZZZ"]\n')
    (tmp_path / "a.txt").write_bytes(DRAFT.read_bytes())
    args = ["--daemon", "--format", "json", "--no-cache", "a.txt"]
    first = json.loads(_run(args, daemon, cwd=tmp_path).stdout)
    assert [f["rule"] for f in first] == ["ZZZ001"]
    rule.write_text(rule.read_text().replace('severity = "warning"', 'severity = "error"'))
    second = json.loads(_run(args, daemon, cwd=tmp_path).stdout)
    assert [f["severity"] for f in second] == ["error"]


def test_without_a_daemon_the_check_runs_here(tmp_path):
    rt = tmp_path / "rt"
    res = _run(["--daemon", "--format", "json", "--no-cache", str(DRAFT)], rt)
    assert res.returncode == 1 and json.loads(res.stdout) and not res.stderr


def test_a_socket_others_could_use_is_refused(tmp_path):
    rt = tmp_path / "rt"
    rt.mkdir(mode=0o700)
    env = _env(rt)
    path = subprocess.run([sys.executable, "-c", "from assertlint.daemon import protocol; print(protocol.socket_path())"],
                          capture_output=True, text=True, env=env).stdout.strip()
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(path)
    listener.listen(1)
    try:
        os.chmod(path, 0o666)  # anyone could connect: not ours to trust
        res = _run(["--daemon", "--format", "json", "--no-cache", str(DRAFT)], rt)
        assert b"not using the daemon" in res.stderr and b"0600" in res.stderr
        assert res.returncode == 1 and json.loads(res.stdout)  # checked in-process instead
        os.chmod(path, 0o600)
        os.chmod(rt, 0o755)  # a folder others can enter
        res = _run(["--daemon", "--format", "json", "--no-cache", str(DRAFT)], rt)
        assert b"not using the daemon" in res.stderr and b"0700" in res.stderr
        res = _run(["daemon", "start"], rt)
        assert res.returncode != 0 and b"0700" in res.stderr  # and no daemon starts there
    finally:
        listener.close()


def test_daemon_socket_is_private(daemon):
    path = _status(daemon)["socket"]
    st = os.stat(path)
    assert st.st_mode & 0o777 == 0o600 and st.st_uid == os.getuid()
    assert os.stat(os.path.dirname(path)).st_mode & 0o777 == 0o700


def test_a_daemon_running_other_code_steps_aside(tmp_path):
    rt = tmp_path / "rt"
    found = _start(rt)
    try:
        os.environ["ASSERTLINT_RUNTIME_DIR"] = str(rt)
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            sock.settimeout(30)
            sock.connect(protocol.socket_path())
            protocol.send_json(sock, {"op": "check", "argv": [str(DRAFT)], "cwd": str(ROOT), "env": {},
                                      "stdout_tty": False, "fingerprint": "another version"}, b"")
            assert protocol.recv_json(sock)["status"] == "stale"
        for _ in range(100):
            if _status(rt) is None:
                break
            time.sleep(0.05)
        assert _status(rt) is None, "a stale daemon should exit"
    finally:
        os.environ.pop("ASSERTLINT_RUNTIME_DIR", None)
        _stop(rt, found["pid"])


def test_daemon_exits_after_the_idle_timeout(tmp_path):
    rt = tmp_path / "rt"
    found = _start(rt, "--idle-timeout", "1")
    try:
        for _ in range(100):
            if not os.path.exists(found["socket"]):
                break
            time.sleep(0.1)
        assert _status(rt) is None
        assert not os.path.exists(found["socket"])
        res = _run(["daemon", "status"], rt)
        assert res.returncode == 1 and b"not running" in res.stdout
    finally:
        _stop(rt, found["pid"])


def test_client_knows_which_options_take_a_value():
    from assertlint.cli.check import check

    takes_value = {opt for p in check.params if isinstance(p, click.Option) and not p.is_flag and not p.count
                   for opt in p.opts + p.secondary_opts}
    assert takes_value == set(client.VALUE_OPTIONS)
    assert client._paths(["--format", "json", "a.md", "-j", "2", "b.md"]) == ["a.md", "b.md"]
    assert client._paths(["--help"]) is None
