"""The warm daemon: one process that keeps spaCy, the model and the rules loaded and runs
`assertlint` command lines sent over a private Unix socket (daemon/protocol.py).

Each request runs the ordinary command (cli/check.py, through a fresh Session, so config files
are read anew every time) in the client's folder with the client's arguments, standard input and
environment for colour and caches, and its output goes back to the client: the findings are the
ones the same command gives in-process. Rule files are re-read when they change (the rule loader
keys its memory on every file's size and time); a client whose installed code differs from the
daemon's gets "stale", and the daemon exits so that the next `daemon start` runs the new code.
Requests are served one at a time; after `idle_timeout` seconds without one, it exits.

    python -m assertlint.daemon.server [--idle-timeout SECONDS]     (what `daemon start` runs)
"""
from __future__ import annotations

import io
import os
import socket
import struct
import sys
import time

from . import protocol

DEFAULT_IDLE_TIMEOUT = 900.0
WARM_TEXT = "Sorry to bother you, but I just wanted to check in. You never reply to my emails, whatever.\n"


class _Capture(io.BytesIO):
    def __init__(self, tty: bool) -> None:
        super().__init__()
        self._tty = tty

    def isatty(self) -> bool:
        return self._tty


def _text_stream(buf: io.BytesIO) -> io.TextIOWrapper:
    return io.TextIOWrapper(buf, encoding="utf-8", errors="replace", newline=None, write_through=True)


class Daemon:
    def __init__(self, path: str, idle_timeout: float = DEFAULT_IDLE_TIMEOUT) -> None:
        self.path = path
        self.idle_timeout = idle_timeout
        self.fingerprint = protocol.fingerprint()
        self.started = time.time()
        self.served = 0
        self.running = True

    # -- life -------------------------------------------------------------------------------
    def warm(self) -> None:
        """Load the rules, the gate, spaCy and the model, and check one text (so that the first
        real request finds every cache filled)."""
        from ..session import Session, SessionOptions

        Session(SessionOptions(isolated=True)).check_text(WARM_TEXT, "warm.txt")

    def serve(self) -> None:
        folder = os.path.dirname(self.path)
        protocol.make_private_dir(folder)
        if os.path.lexists(self.path):
            os.unlink(self.path)  # a socket left by a daemon that died (start checked none answers)
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        old_umask = os.umask(0o177)  # the socket is born 0600: no moment when others could connect
        try:
            sock.bind(self.path)
        finally:
            os.umask(old_umask)
        os.chmod(self.path, 0o600)
        inode = os.stat(self.path).st_ino
        sock.listen(16)
        self.last_work = time.monotonic()
        try:
            while self.running:
                left = self.last_work + self.idle_timeout - time.monotonic()
                if left <= 0:
                    break  # idle long enough (a status question is not work)
                sock.settimeout(left)
                try:
                    conn, _ = sock.accept()
                except socket.timeout:
                    continue
                with conn:
                    conn.settimeout(60)
                    self.handle(conn)
        finally:
            sock.close()
            try:
                if os.stat(self.path).st_ino == inode:  # still ours, not a newer daemon's
                    os.unlink(self.path)
            except OSError:
                pass

    # -- one request ------------------------------------------------------------------------------
    def handle(self, conn) -> None:
        try:
            uid = struct.unpack("3i", conn.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, 12))[1]
            if uid != os.getuid():
                protocol.send_json(conn, {"status": "refused"})
                return
            request = protocol.recv_json(conn)
            stdin = protocol.recv_frame(conn) if request.get("op") == "check" else b""
            op = request.get("op")
            if op == "status":
                protocol.send_json(conn, self.status())
            elif op == "stop":
                self.running = False
                protocol.send_json(conn, {"status": "stopping", "pid": os.getpid()})
            elif op == "check":
                self.check(conn, request, stdin)
            else:
                protocol.send_json(conn, {"status": "unknown-op"})
        except (OSError, ValueError, ConnectionError) as err:  # the client went away: serve the next
            _log(f"request not answered: {type(err).__name__}: {err}")

    def status(self) -> dict:
        from .._version import __version__

        return {"status": "ok", "pid": os.getpid(), "version": __version__, "socket": self.path,
                "uptime": round(time.time() - self.started, 1), "served": self.served,
                "idle_timeout": self.idle_timeout, "peak_rss_mb": _peak_rss_mb()}

    def check(self, conn, request: dict, stdin: bytes) -> None:
        if request.get("fingerprint") != self.fingerprint or protocol.fingerprint() != self.fingerprint:
            self.running = False  # the installed code changed: make way for a daemon that runs it
            protocol.send_json(conn, {"status": "stale"})
            return
        code, out, err = run_command(list(request.get("argv", [])), str(request.get("cwd", "/")),
                                     dict(request.get("env", {})), stdin, bool(request.get("stdout_tty")))
        self.served += 1
        self.last_work = time.monotonic()
        protocol.send_json(conn, {"status": "ok", "exit": code}, out, err)


def run_command(argv: list[str], cwd: str, env: dict, stdin: bytes, stdout_tty: bool) -> tuple[int, bytes, bytes]:
    """Run one `assertlint` command line here as the client would have: its folder, standard
    streams and environment variables (ENV_PASSED); (exit code, stdout, stderr)."""
    from ..cli.group import main

    saved_env = _set_env(env)
    saved = (os.getcwd(), sys.stdin, sys.stdout, sys.stderr)
    out_buf, err_buf = _Capture(stdout_tty), _Capture(False)
    code = 0
    try:
        os.chdir(cwd)
        sys.stdin = _text_stream(_Capture(False))
        sys.stdin.buffer.write(stdin)
        sys.stdin.buffer.seek(0)
        sys.stdout, sys.stderr = _text_stream(out_buf), _text_stream(err_buf)
        try:
            main(args=argv, prog_name="assertlint")
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
            if exc.code is not None and not isinstance(exc.code, int):
                print(exc.code, file=sys.stderr)
        except Exception as exc:  # noqa: BLE001 - the client gets one line, the daemon keeps serving
            print(f"assertlint: error: {type(exc).__name__}: {exc}", file=sys.stderr)
            code = 2
    finally:
        _release_streams(saved)
        os.chdir(saved[0])
        sys.stdin, sys.stdout, sys.stderr = saved[1:]
        _set_env(saved_env)
    return code, out_buf.getvalue(), err_buf.getvalue()


def _set_env(env: dict) -> dict:
    """Set the variables of ENV_PASSED as in `env` (one missing there, or None, is removed);
    returns their values before."""
    before = {k: os.environ.get(k) for k in protocol.ENV_PASSED}
    for k in protocol.ENV_PASSED:
        value = env.get(k)
        if value is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = str(value)
    return before


def _release_streams(saved) -> None:
    """Flush the command's stream wrappers and detach them from their buffers (kept open)."""
    for stream in (sys.stdin, sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and stream not in saved:
            try:
                stream.flush()
                stream.detach()
            except (OSError, ValueError):
                pass


def _log(message: str) -> None:
    """A line in the daemon's log (its standard error: `daemon start` points it at a file next to
    the socket)."""
    try:
        print(f"{time.strftime('%Y-%m-%d %H:%M:%S')} {message}", file=sys.__stderr__, flush=True)
    except (OSError, ValueError):
        pass


def _peak_rss_mb() -> float:
    import resource

    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def main(argv: list[str] | None = None) -> int:
    import argparse

    ap = argparse.ArgumentParser(prog="python -m assertlint.daemon.server")
    ap.add_argument("--idle-timeout", type=float, default=DEFAULT_IDLE_TIMEOUT)
    args = ap.parse_args(argv)
    daemon = Daemon(protocol.socket_path(), args.idle_timeout)
    daemon.warm()
    daemon.serve()
    return 0


if __name__ == "__main__":
    sys.exit(main())
