"""Expand the paths given on the command line into the files to check.

Folders are searched for the suffixes the input formats own (source/formats). Hidden folders,
virtual environments, node_modules and __pycache__ are skipped, and so is whatever a
`.gitignore` or `.assertlintignore` ignores (source/ignore.py). Files named on the command line
are always checked (unless --force-exclude and the config's `exclude` say otherwise)."""
from __future__ import annotations

import os
from dataclasses import dataclass

from .ignore import IgnoreFiles

SKIP_DIRS = frozenset({"node_modules", "__pycache__", "site-packages", "__pypackages__"})


@dataclass(frozen=True)
class Discovery:
    files: list[str]
    errors: list[tuple[str, str]]  # (path, problem)


def _skip_dir(entry: os.DirEntry) -> bool:
    name = entry.name
    if name.startswith(".") or name in SKIP_DIRS:
        return True
    return os.path.exists(os.path.join(entry.path, "pyvenv.cfg"))  # any virtualenv


def _walk(root: str, suffixes: tuple[str, ...], out: list[str], ignores: IgnoreFiles, bases: list[str]) -> None:
    try:
        entries = sorted(os.scandir(root), key=lambda e: e.name)
    except OSError:
        return
    here = os.path.abspath(root)
    if here not in bases and ignores.spec(here) is not None:
        bases = [*bases, here]
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            if not _skip_dir(entry) and not ignores.ignored(entry.path, True, bases):
                _walk(entry.path, suffixes, out, ignores, bases)
        elif (entry.is_file() and entry.name.lower().endswith(suffixes) and not entry.name.startswith(".")
              and not ignores.ignored(entry.path, False, bases)):
            out.append(entry.path)


def _folder(p: str, suffixes: tuple[str, ...], ignores: IgnoreFiles) -> list[str]:
    found: list[str] = []
    _walk(p, suffixes, found, ignores, ignores.bases_for(p))
    return found


def discover(paths: list[str], suffixes: tuple[str, ...] | None = None) -> Discovery:
    if suffixes is None:
        from .formats import suffixes as format_suffixes

        suffixes = format_suffixes()
    files: list[str] = []
    errors: list[tuple[str, str]] = []
    seen: set[str] = set()
    ignores = IgnoreFiles()
    for p in paths:
        if p == "-":
            files.append(p)
            continue
        if os.path.isdir(p):
            found = _folder(p, suffixes, ignores)
            if not found:
                errors.append((p, f"no files to check in this folder (looked for {', '.join(suffixes)})"))
            files += [f for f in found if f not in seen]
            seen.update(found)
        elif os.path.exists(p):
            if p not in seen:
                seen.add(p)
                files.append(p)
        else:
            errors.append((p, "no such file or directory"))
    return Discovery(files, errors)
