"""What the check command writes besides the report: errors, diffs, files fixed in place,
standard input echoed back, the resolved settings."""
from __future__ import annotations

import difflib
import os
import sys

import click


def error(msg: str) -> None:
    click.echo(f"assertlint: error: {msg}", err=True)


def note(msg: str) -> None:
    click.echo(f"assertlint: note: {msg}", err=True)


def echo_bytes(data: bytes | None) -> None:
    """Raw bytes to stdout (an editor filter gets its buffer back exactly)."""
    if data is None:
        return
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


def print_diff(path: str, old: str, new: str) -> None:
    lines = difflib.unified_diff(
        old.splitlines(keepends=True), new.splitlines(keepends=True), fromfile=f"a/{path}", tofile=f"b/{path}"
    )
    for line in lines:
        sys.stdout.write(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")


def write_atomic(path: str, data: bytes) -> None:
    """Write through a temporary file in the same folder, then rename; keep the file's mode."""
    import tempfile

    path = os.path.realpath(path)  # write through a symlink, never replace it
    folder = os.path.dirname(path)
    mode = os.stat(path).st_mode & 0o7777
    fd, tmp = tempfile.mkstemp(prefix=".assertlint-", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


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
