"""What the daemon and its clients agree on: where the socket lives, who may use it, how a
request and an answer are framed, and the fingerprint of the installed code.

Imported by the client on every `assertlint --daemon` run, before anything else: standard
library only, and cheap.

The socket is `daemon-<install>.sock` in a folder only the user can enter: `$XDG_RUNTIME_DIR/
assertlint` (or `/tmp/assertlint-<uid>` where there is no runtime folder; ASSERTLINT_RUNTIME_DIR
names another). The folder must be owned by the user with no access for anyone else, the socket
owned by the user with mode 0600; anything else is refused. `<install>` is a hash of where this
copy of assertlint is installed, so that two virtual environments never share a daemon.

Frames: a 4-byte big-endian length, then that many bytes. A request is a JSON frame and a frame
of standard input; an answer is a JSON frame, standard output and standard error.
"""
from __future__ import annotations

import hashlib
import json
import os
import stat
import struct

PACKAGE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MAX_FRAME = 1 << 31
ENV_PASSED = ("NO_COLOR", "FORCE_COLOR", "TERM", "COLUMNS", "LINES", "CI", "ASSERTLINT_CACHE_DIR",
              "XDG_CACHE_HOME", "HOME")


class Refused(Exception):
    """The runtime folder or the socket is not private to this user."""


def runtime_dir() -> str:
    explicit = os.environ.get("ASSERTLINT_RUNTIME_DIR")
    if explicit:
        return explicit
    xdg = os.environ.get("XDG_RUNTIME_DIR")
    if xdg and os.path.isdir(xdg):
        return os.path.join(xdg, "assertlint")
    return os.path.join("/tmp", f"assertlint-{os.getuid()}")


def socket_path() -> str:
    install = hashlib.sha256(PACKAGE_DIR.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    return os.path.join(runtime_dir(), f"daemon-{install}.sock")


def check_private_dir(path: str) -> None:
    """Refused unless `path` is a real folder owned by this user that nobody else can enter."""
    st = os.lstat(path)  # FileNotFoundError: no daemon has run here
    if not stat.S_ISDIR(st.st_mode) or st.st_uid != os.getuid() or st.st_mode & 0o077:
        raise Refused(f"{path}: not a folder private to this user (owner and mode 0700 required)")


def check_socket(path: str) -> None:
    """Refused unless `path` is a socket owned by this user with mode 0600, in a private folder."""
    check_private_dir(os.path.dirname(path))
    st = os.lstat(path)
    if not stat.S_ISSOCK(st.st_mode) or st.st_uid != os.getuid() or st.st_mode & 0o177:
        raise Refused(f"{path}: not a socket private to this user (owner and mode 0600 required)")


def make_private_dir(path: str) -> None:
    os.makedirs(path, mode=0o700, exist_ok=True)
    check_private_dir(path)


def fingerprint() -> str:
    """The installed code as it is now: its version, and every module's size and time. A
    daemon whose fingerprint differs from its client's was started from other code."""
    from .._version import __version__

    h = hashlib.sha256(__version__.encode())
    for root, dirs, files in os.walk(PACKAGE_DIR):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if name.endswith(".py"):
                st = os.stat(os.path.join(root, name))
                h.update(f"{root}/{name}:{st.st_size}:{st.st_mtime_ns};".encode("utf-8", "surrogatepass"))
    return h.hexdigest()


# -- frames -----------------------------------------------------------------------------------
def send(sock, *frames: bytes) -> None:
    sock.sendall(b"".join(struct.pack(">I", len(f)) + f for f in frames))


def recv_exact(sock, n: int) -> bytes:
    chunks, got = [], 0
    while got < n:
        chunk = sock.recv(min(n - got, 1 << 20))
        if not chunk:
            raise ConnectionError("the other side closed the connection")
        chunks.append(chunk)
        got += len(chunk)
    return b"".join(chunks)


def recv_frame(sock) -> bytes:
    (n,) = struct.unpack(">I", recv_exact(sock, 4))
    return recv_exact(sock, n)


def send_json(sock, obj: dict, *frames: bytes) -> None:
    send(sock, json.dumps(obj).encode("utf-8"), *frames)


def recv_json(sock) -> dict:
    obj = json.loads(recv_frame(sock).decode("utf-8"))
    if not isinstance(obj, dict):
        raise ValueError("not a JSON object")
    return obj
