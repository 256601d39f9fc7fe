"""The client side of `assertlint --daemon`: hand the whole command to a running daemon and
print what it answers, before the command line's own modules are even imported.

`run_in_daemon(argv)` returns the exit code, or None when the command must run in this process:
no daemon is running, it runs other code (then it shuts down), the socket is not private to the
user (a warning says so), or the command is one a daemon does not take (another subcommand,
standard input without '-', --help).
"""
from __future__ import annotations

import os
import socket
import sys

from . import protocol

# The check command's options that take a value (tests/test_daemon.py keeps this in step with
# cli/check.py), so that the client can tell paths from option values.
VALUE_OPTIONS = frozenset({
    "--format", "--select", "--ignore", "--extend-select", "--config", "--exclude", "--extend-exclude",
    "--min-severity", "--baseline", "--write-baseline", "-j", "--jobs", "--stdin-filename", "--model",
    "--color", "-o", "--output-file", "--show-settings", "--explain",
})
NOT_FOR_DAEMON = frozenset({"-h", "--help", "-V", "--version"})


def wanted(argv: list[str]) -> bool:
    """True when the user asked for the daemon: --daemon, or ASSERTLINT_DAEMON=1 (0 or an empty
    value: never)."""
    if "--no-daemon" in argv:
        return False
    if "--daemon" in argv:
        return True
    return os.environ.get("ASSERTLINT_DAEMON", "").strip().lower() in ("1", "true", "yes", "on")


def _paths(argv: list[str]) -> list[str] | None:
    """The positional arguments of a check command line, or None for one the daemon does not take."""
    out, i = [], 0
    while i < len(argv):
        a = argv[i]
        if a == "--":
            out.extend(argv[i + 1 :])
            break
        if a in NOT_FOR_DAEMON:
            return None
        if a in VALUE_OPTIONS:
            i += 2
            continue
        if not a.startswith("-") or a == "-":
            out.append(a)
        i += 1
    return out


def _check_command(argv: list[str]) -> tuple[list[str], list[str]] | None:
    """(the check command's arguments, its paths), or None for a command the daemon does not take."""
    if argv and argv[0] == "check":
        argv = argv[1:]
    elif argv and argv[0] in ("daemon", "server", "audit"):
        return None
    paths = _paths(argv)
    if paths is None or (not paths and not (sys.stdin is not None and sys.stdin.isatty())):
        return None  # standard input without '-': the daemon would have to guess
    return argv, paths


def run_in_daemon(argv: list[str]) -> int | None:
    command = _check_command(argv)
    path = _usable_socket() if command is not None else None
    if path is None:
        return None
    argv, paths = command
    stdin = sys.stdin.buffer.read() if "-" in paths and sys.stdin is not None else b""
    answer = _exchange(path, _request(argv), stdin)
    if answer is None:  # no answer, stale (other code) or busy shutting down: check here
        return _in_process_with(stdin) if stdin else None
    code, out, err = answer
    if code == 2 and not out and "--fix" in argv and "-" in paths:
        out = stdin  # a filter stopped before it read its input: the editor keeps its buffer
    _write(sys.stdout, out)
    _write(sys.stderr, err)
    return code


def _usable_socket() -> str | None:
    """The daemon's socket, or None: no daemon, or a socket not private to the user (a warning)."""
    path = protocol.socket_path()
    try:
        protocol.check_socket(path)
    except FileNotFoundError:
        return None
    except protocol.Refused as err:
        print(f"assertlint: warning: not using the daemon: {err}", file=sys.stderr)
        return None
    return path


def _request(argv: list[str]) -> dict:
    """The check request: the command line, its folder, the environment variables that matter."""
    env = {k: os.environ[k] for k in protocol.ENV_PASSED if k in os.environ}
    out_tty = _isatty(sys.stdout)
    if out_tty and "COLUMNS" not in env:
        try:
            env["COLUMNS"] = str(os.get_terminal_size(sys.stdout.fileno()).columns)
        except OSError:
            pass
    return {"op": "check", "argv": [a for a in argv if a not in ("--daemon", "--no-daemon")],
            "cwd": os.getcwd(), "env": env, "stdout_tty": out_tty, "fingerprint": protocol.fingerprint()}


def _exchange(path: str, request: dict, stdin: bytes) -> tuple[int, bytes, bytes] | None:
    """(exit code, stdout, stderr) of the daemon's run, or None when it did not run the check."""
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            sock.connect(path)
            protocol.send_json(sock, request, stdin)
            answer = protocol.recv_json(sock)
            if answer.get("status") != "ok":
                return None
            out, err = protocol.recv_frame(sock), protocol.recv_frame(sock)
    except (OSError, ValueError, ConnectionError):
        return None
    return int(answer.get("exit", 2)), out, err


def _in_process_with(stdin: bytes) -> None:
    """Standard input was already read for the daemon: put it back for the in-process run."""
    import io

    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
    return None


def _isatty(stream) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError, OSError):
        return False


def _write(stream, data: bytes) -> None:
    if not data:
        return
    stream.flush()
    stream.buffer.write(data)
    stream.buffer.flush()
