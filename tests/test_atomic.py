"""Files are written whole or not at all (assertlint/atomic.py): the fixer, the cache and the audit
all go through it."""
from __future__ import annotations

import os

import pytest

from assertlint.atomic import PREFIX, replacing, write_whole


def test_a_failure_half_way_keeps_the_old_file_and_leaves_no_temporary(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("old text\n")
    with pytest.raises(OSError, match="disk full"):
        with replacing(str(path)) as tmp, open(tmp, "x", encoding="utf-8") as fh:
            fh.write("new te")
            raise OSError("disk full")
    assert path.read_text() == "old text\n"
    assert sorted(os.listdir(tmp_path)) == ["notes.txt"]


def test_a_whole_write_replaces_the_file_in_one_rename(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("old text\n")
    with replacing(str(path)) as tmp:
        assert os.path.dirname(tmp) == str(tmp_path) and os.path.basename(tmp).startswith(PREFIX)
        assert path.read_text() == "old text\n"  # untouched until the block ends
        with open(tmp, "x", encoding="utf-8") as fh:
            fh.write("new text\n")
    assert path.read_text() == "new text\n"
    write_whole(str(tmp_path / "fresh.json"), "{}")
    assert sorted(os.listdir(tmp_path)) == ["fresh.json", "notes.txt"]


def test_each_write_gets_its_own_name(tmp_path):
    path = str(tmp_path / "report.html")
    with replacing(path) as a, replacing(path) as b:
        assert a != b
        open(a, "x").close()
        open(b, "x").close()
    assert os.listdir(tmp_path) == ["report.html"]
