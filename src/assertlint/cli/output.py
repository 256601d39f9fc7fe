"""What the check command writes besides the report: errors, diffs, files fixed in place,
standard input echoed back, the resolved settings."""
from __future__ import annotations

import difflib
import os
import sys

import click


def error(msg: str) -> None:
    from ..report.escape import safe

    click.echo(f"assertlint: error: {safe(msg)}", err=True)


def note(msg: str) -> None:
    from ..report.escape import safe

    click.echo(f"assertlint: note: {safe(msg)}", err=True)


_STDOUT_USED = False


def reset() -> None:
    """A new run (tests run many in one process)."""
    global _STDOUT_USED
    _STDOUT_USED = False


def stdout_used() -> bool:
    """Has the buffer (fixed or as it came) already gone to stdout?"""
    return _STDOUT_USED


def echo_bytes(data: bytes | None) -> None:
    """Raw bytes to stdout (an editor filter gets its buffer back exactly)."""
    global _STDOUT_USED
    if data is None:
        return
    _STDOUT_USED = True
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


def _lines(text: str) -> list[str]:
    """Lines as `patch` counts them: ended by "\n" only (a form feed or a lone "\r" is text)."""
    parts = text.split("\n")
    return [p + "\n" for p in parts[:-1]] + ([parts[-1]] if parts[-1] else [])


def print_diff(path: str, old: str, new: str, terminal: bool | None = None) -> None:
    """A unified diff of one file. To a terminal, control characters in the text and the name
    are shown escaped (an ESC sequence in a file must not drive the terminal); to a pipe or a
    file, the diff is exact, so that `patch` or `git apply` can apply it."""
    from ..report.escape import safe_keep_tabs

    if terminal is None:
        terminal = sys.stdout.isatty()
    lines = difflib.unified_diff(_lines(old), _lines(new), fromfile=f"a/{path}", tofile=f"b/{path}")
    for line in lines:
        body, end = (line[:-1], "\n") if line.endswith("\n") else (line, "\n\\ No newline at end of file\n")
        sys.stdout.write((safe_keep_tabs(body) if terminal else body) + end)


class NotWritten(Exception):
    """A fixed file left as it was, for a reason that is not an OS error (one line)."""


def _inside(path: str, roots: tuple[str, ...]) -> bool:
    return any(path == r or path.startswith(r.rstrip(os.sep) + os.sep) for r in roots)


def write_fixed(path: str, original: bytes, data: bytes, roots: tuple[str, ...] = ()) -> None:
    """Replace the file at `path`, read as `original`, with `data`, keeping what is not ours:

    - through a symlink, the file it points to is written (the link stays), but only inside
      `roots` (the checked tree) when a symlink is involved (`roots` empty: anywhere);
    - owner, group and mode are kept (a file whose owner or group cannot be given back is left
      as it was);
    - a file with several hard links is written in place, after a safe copy beside it, so every
      link sees the fix; any other file atomically, through a temporary file and a rename;
    - the file is read again just before it is replaced: if it changed since it was read
      (an editor saved, a process appended), it is left as it is."""
    real = os.path.realpath(path)
    if roots and real != os.path.abspath(path) and not _inside(real, roots):
        raise NotWritten(f"reaches {real} through a symlink, outside the checked folders; not fixed "
                         "(--write-through-symlinks allows it)")
    st = os.stat(real)
    if _current(real) != original:
        raise NotWritten("changed while assertlint was fixing it (run again to fix the new text)")
    if st.st_nlink > 1:
        _write_in_place(real, data, st)
    else:
        _write_replace(real, original, data, st)


def _current(path: str) -> bytes:
    from ..source.reader import read_regular

    return read_regular(path)


def _keep_owner(fd: int, st: os.stat_result) -> None:
    if hasattr(os, "fchown") and (st.st_uid, st.st_gid) != _ids(fd):
        try:
            os.fchown(fd, st.st_uid, st.st_gid)
        except PermissionError:
            raise NotWritten(f"its owner or group (uid {st.st_uid}, gid {st.st_gid}) could not be kept") from None
    os.fchmod(fd, st.st_mode & 0o7777)


def _ids(fd: int) -> tuple[int, int]:
    s = os.fstat(fd)
    return s.st_uid, s.st_gid


def _write_replace(path: str, original: bytes, data: bytes, st: os.stat_result) -> None:
    from ..atomic import replacing

    with replacing(path) as tmp:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)  # private until the owner and mode are set
        with os.fdopen(fd, "wb") as fh:
            _keep_owner(fh.fileno(), st)
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if _current(path) != original:  # the last moment before the rename
            raise NotWritten("changed while assertlint was fixing it (run again to fix the new text)")


def _write_in_place(path: str, data: bytes, st: os.stat_result) -> None:
    """Several hard links: the same inode is rewritten (a rename would split the links), after
    its old bytes are copied beside it; the copy is removed once the write is done, and named in
    the error if it is not."""
    import shutil
    import tempfile

    fd, backup = tempfile.mkstemp(prefix=".assertlint-backup-", dir=os.path.dirname(path))
    os.close(fd)
    shutil.copy2(path, backup)
    try:
        with open(path, "r+b") as fh:
            fh.write(data)
            fh.truncate()
            fh.flush()
            os.fsync(fh.fileno())
    except OSError as err:
        try:
            shutil.copyfile(backup, path)
            os.unlink(backup)
        except OSError:
            raise OSError(err.errno, f"{err.strerror}; its old text is in {backup}") from None
        raise
    os.unlink(backup)


def settings_text(path: str, cfg, rules, excluded: bool) -> str:
    """`--show-settings FILE`: where the settings come from and what they resolve to."""
    rows = [
        ("file", path),
        ("config file", cfg.path or "(none: defaults)"),
        ("excluded", "yes" if excluded else "no"),
        ("select", ", ".join(cfg.select) or "(all)"),
        ("extend-select", ", ".join(cfg.extend_select)),
        ("ignore", ", ".join(cfg.ignore)),
        ("ignored here (per-file-ignores)", ", ".join(cfg.ignores_for(path)) if path != "-" else ""),
        ("min-severity", cfg.min_severity),
        ("severity", ", ".join(f"{k}={v}" for k, v in cfg.severity)),
        ("exclude", ", ".join(cfg.exclude + cfg.cli_exclude)),
        ("rule-paths", ", ".join(cfg.rule_paths)),
        ("model", cfg.model or "(default)"),
        ("include-blockquotes", str(cfg.include_blockquotes).lower()),
        ("rules", f"{len(rules)}: " + " ".join(r.id for r in rules)),
    ]
    width = max(len(k) for k, _ in rows)
    return "\n".join(f"{k:<{width}}  {v}".rstrip() for k, v in rows)
