"""Expand the paths given on the command line into the files to check."""
from __future__ import annotations

import os
from dataclasses import dataclass

DEFAULT_SUFFIXES = (".txt", ".md", ".markdown", ".rst", ".text")  # see discover()
SKIP_DIRS = frozenset({"node_modules", "__pycache__", "site-packages", "venv", "env", "build", "dist"})


@dataclass(frozen=True)
class Discovery:
    files: list[str]
    errors: list[tuple[str, str]]  # (path, problem)


def _skip_dir(entry: os.DirEntry) -> bool:
    name = entry.name
    if name.startswith(".") or name in SKIP_DIRS:
        return True
    return os.path.exists(os.path.join(entry.path, "pyvenv.cfg"))  # any virtualenv


def _walk(root: str, suffixes: tuple[str, ...], out: list[str]) -> None:
    try:
        entries = sorted(os.scandir(root), key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            if not _skip_dir(entry):
                _walk(entry.path, suffixes, out)
        elif entry.is_file() and entry.name.lower().endswith(suffixes) and not entry.name.startswith("."):
            out.append(entry.path)


def discover(paths: list[str], suffixes: tuple[str, ...] = DEFAULT_SUFFIXES) -> Discovery:
    files: list[str] = []
    errors: list[tuple[str, str]] = []
    seen: set[str] = set()
    for p in paths:
        if p == "-":
            files.append(p)
            continue
        if os.path.isdir(p):
            found: list[str] = []
            _walk(p, suffixes, found)
            if not found:
                errors.append((p, f"no files to check in this folder (looked for {', '.join(suffixes)})"))
            for f in found:
                if f not in seen:
                    seen.add(f)
                    files.append(f)
        elif os.path.exists(p):
            if p not in seen:
                seen.add(p)
                files.append(p)
        else:
            errors.append((p, "no such file or directory"))
    return Discovery(files, errors)
