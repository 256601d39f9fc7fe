"""Which paths a folder search leaves out: `.gitignore` and `.assertlintignore` files, read with
git's wildmatch rules (pathspec's gitwildmatch): each file applies to its own folder and below,
a deeper file's rule beats an outer one's, `!pattern` re-includes. The same rules match the
config's `exclude` and `per-file-ignores` globs (`*` never crosses a `/`)."""
from __future__ import annotations

import os

from .reader import read_regular
from functools import lru_cache

IGNORE_FILES = (".gitignore", ".assertlintignore")


@lru_cache(maxsize=512)
def compile_globs(patterns: tuple[str, ...]):
    """A gitwildmatch spec for these patterns (cached: configs reuse the same tuples)."""
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines(patterns)


def decision(spec, rel: str) -> bool | None:
    """True: ignored; False: re-included by a `!pattern`; None: no pattern says anything."""
    if hasattr(spec, "check_file"):
        return spec.check_file(rel).include
    return True if spec.match_file(rel) else None  # pragma: no cover - older pathspec


def matches(patterns: tuple[str, ...], rel: str) -> bool:
    return bool(patterns) and bool(decision(compile_globs(tuple(patterns)), rel))


def git_root(folder: str) -> str | None:
    cur = os.path.abspath(folder)
    while True:
        if os.path.exists(os.path.join(cur, ".git")):
            return cur
        parent = os.path.dirname(cur)
        if parent == cur:
            return None
        cur = parent


class IgnoreFiles:
    """The ignore files met on a walk, read once each."""

    def __init__(self) -> None:
        self._specs: dict[str, object | None] = {}

    def spec(self, folder: str):
        if folder not in self._specs:
            lines: list[str] = []
            for name in IGNORE_FILES:
                try:  # a regular file only: a FIFO named .gitignore is skipped, never waited on
                    data = read_regular(os.path.join(folder, name), 16 * 1024 * 1024)
                except OSError:
                    continue
                lines += data.decode("utf-8", errors="replace").splitlines()
            self._specs[folder] = compile_globs(tuple(lines)) if lines else None
        return self._specs[folder]

    def bases_for(self, root: str) -> list[str]:
        """The folders whose ignore files apply to `root`: from the repository's top (the nearest
        folder with .git) down to root; just root outside a repository."""
        root = os.path.abspath(root)
        top = git_root(root)
        chain = [root]
        cur = root
        while top is not None and cur != top:
            cur = os.path.dirname(cur)
            chain.append(cur)
        return [d for d in reversed(chain) if self.spec(d) is not None]

    def ignored(self, path: str, is_dir: bool, bases: list[str]) -> bool:
        verdict = None
        apath = os.path.abspath(path)
        for base in bases:
            rel = os.path.relpath(apath, base).replace(os.sep, "/")
            if rel.startswith("../"):
                continue
            d = decision(self.spec(base), rel + ("/" if is_dir else ""))
            if d is not None:
                verdict = d
        return bool(verdict)
