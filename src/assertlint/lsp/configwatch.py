"""Notice config-file edits without help from the client.

For each document folder the fingerprint is the (mtime, size) of every config file name the CLI
looks for, in every folder from the document's up to the one whose config applies (or the root):
an edit of that config, a new config file closer to the document, or a deleted one changes it.
A few stat() calls per check; clients that watch files tell us sooner.
"""
from __future__ import annotations

import os

from .backend import CONFIG_NAMES, AssertlintError, Backend


def _stat(path: str) -> tuple:
    try:
        st = os.stat(path)
    except OSError:
        return (path,)
    return (path, st.st_mtime_ns, st.st_size)


def fingerprint(backend: Backend, path: str | None) -> tuple:
    opts = backend.opts
    if opts.isolated:
        return ()
    if opts.config:
        return (_stat(os.path.abspath(opts.config)),)
    folder = os.path.dirname(os.path.abspath(path)) if path else os.getcwd()
    try:
        found = backend.settings_for(path).path
    except AssertlintError:  # a broken config file: watch everything up to the root
        found = None
    stop = os.path.dirname(os.path.abspath(found)) if found else None
    out = []
    cur = folder
    while True:
        out.extend(_stat(os.path.join(cur, name)) for name in CONFIG_NAMES)
        parent = os.path.dirname(cur)
        if cur == stop or parent == cur:
            break
        cur = parent
    return tuple(out)


class ConfigWatch:
    """Fingerprints by folder; `changed(paths)` says whether any moved since last seen."""

    def __init__(self) -> None:
        self._seen: dict[str, tuple] = {}

    def changed(self, backend: Backend, paths) -> bool:
        moved = False
        for path in paths:
            key = os.path.dirname(os.path.abspath(path)) if path else os.getcwd()
            fp = fingerprint(backend, path)
            old = self._seen.get(key)
            if old is not None and old != fp:
                moved = True
            self._seen[key] = fp
        return moved

    def forget(self) -> None:
        self._seen.clear()
