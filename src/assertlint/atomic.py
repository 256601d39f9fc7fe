"""Writing a file whole or not at all: a new file beside it under a unique name, then one rename.

Every file assertlint writes for the user (a fixed file, the result cache, an audit's parts and
report) goes through `replacing`, so a full disk, a crash or an error half-way never leaves a
truncated file behind, and no temporary file is left either."""
from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Iterator

PREFIX = ".tmp-"  # what a temporary file's name starts with (an interrupted audit sweeps them up)


@contextlib.contextmanager
def replacing(path: str) -> Iterator[str]:
    """Yield a fresh name in `path`'s folder for the caller to create and write (open it with
    mode "x": the name is unique, and nothing may exist there). When the block ends normally the
    file replaces `path` in one rename (atomic on one filesystem); when it raises, the file is
    removed and `path` stays as it was."""
    folder, name = os.path.split(path)
    tmp = os.path.join(folder, f"{PREFIX}{uuid.uuid4().hex}-{name}")
    try:
        yield tmp
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def write_whole(path: str, text: str, mode: int = 0o666) -> None:
    """Write `text` to `path` (UTF-8) whole or not at all; a new file gets `mode` less the umask."""
    with replacing(path) as tmp:
        with os.fdopen(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode), "w", encoding="utf-8") as fh:
            fh.write(text)
