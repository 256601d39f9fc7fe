"""`assertlint daemon start|stop|status`: the warm daemon (daemon/server.py)."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time

import click

from . import protocol
from .server import DEFAULT_IDLE_TIMEOUT


def _ask(op: str, timeout: float = 10.0) -> dict | None:
    """The daemon's answer to `op`, or None when none is running (or it is not ours)."""
    path = protocol.socket_path()
    try:
        protocol.check_socket(path)
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            sock.settimeout(timeout)
            sock.connect(path)
            protocol.send_json(sock, {"op": op})
            return protocol.recv_json(sock)
    except FileNotFoundError:
        return None
    except protocol.Refused as err:
        raise click.ClickException(str(err)) from None
    except (OSError, ValueError, ConnectionError):
        return None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def daemon() -> None:
    """A warm assertlint process: `assertlint --daemon FILES` (or ASSERTLINT_DAEMON=1) sends the
    check to it and answers in milliseconds; without one running, the check runs as usual.

    The socket lives in your runtime folder ($XDG_RUNTIME_DIR/assertlint), private to you
    (mode 0600). The daemon re-reads config files on every check and rule files when they change,
    exits when the installed assertlint changes, and after --idle-timeout seconds without work.
    """


@daemon.command()
@click.option("--idle-timeout", type=click.FloatRange(min=1), default=DEFAULT_IDLE_TIMEOUT, show_default=True,
              help="Exit after this many seconds without a request.")
@click.option("--wait", type=click.FloatRange(min=1), default=120, show_default=True,
              help="Seconds to wait for the daemon to load the model.")
def start(idle_timeout: float, wait: float) -> None:
    """Start the daemon in the background (nothing happens if one runs)."""
    found = _ask("status")
    if found and found.get("status") == "ok":
        click.echo(f"assertlint daemon already running (pid {found['pid']}, {found['socket']})")
        return
    try:
        protocol.make_private_dir(os.path.dirname(protocol.socket_path()))
    except (OSError, protocol.Refused) as err:
        raise click.ClickException(f"cannot use the runtime folder: {err}") from None
    log_path = protocol.socket_path()[: -len(".sock")] + ".log"
    fd = os.open(log_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0), 0o600)
    with os.fdopen(fd, "wb") as log:
        proc = subprocess.Popen([sys.executable, "-m", "assertlint.daemon.server", "--idle-timeout", str(idle_timeout)],
                                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=log,
                                start_new_session=True, close_fds=True)
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        found = _ask("status")
        if found and found.get("status") == "ok":
            click.echo(f"assertlint daemon started (pid {found['pid']}, {found['socket']})")
            return
        if proc.poll() is not None:
            with open(log_path, encoding="utf-8", errors="replace") as fh:
                err = fh.read().strip().splitlines()
            raise click.ClickException(f"the daemon exited at start: {err[-1] if err else proc.returncode} (log: {log_path})")
        time.sleep(0.05)
    proc.kill()
    raise click.ClickException(f"the daemon did not answer within {wait:g} s")


@daemon.command()
def stop() -> None:
    """Stop the daemon."""
    found = _ask("stop")
    if not found:
        click.echo("assertlint daemon is not running")
        return
    path = protocol.socket_path()
    for _ in range(100):
        if not os.path.exists(path):
            break
        time.sleep(0.05)
    click.echo(f"assertlint daemon stopped (pid {found.get('pid')})")


@daemon.command()
def status() -> None:
    """Say whether the daemon runs, and what it has done (exit 1 when it does not run)."""
    found = _ask("status")
    if not found or found.get("status") != "ok":
        click.echo("assertlint daemon is not running")
        sys.exit(1)
    click.echo(f"assertlint daemon running: pid {found['pid']}, version {found['version']}, "
               f"up {found['uptime']:g} s, {found['served']} checks served, idle timeout {found['idle_timeout']:g} s, "
               f"peak RSS {found['peak_rss_mb']:g} MB, socket {found['socket']}")
