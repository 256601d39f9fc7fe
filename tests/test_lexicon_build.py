"""scripts/build_lexicons.py: the contempt lexicon on disk is what its sources give, and the
plural forms it adds are the ones of words that name someone."""
from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, shared_path

SCRIPT = ROOT / "scripts" / "build_lexicons.py"


@pytest.fixture(scope="module")
def build():
    spec = importlib.util.spec_from_file_location("build_lexicons", SCRIPT)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.parametrize("word,plural", [
    ("motherfucker", "motherfuckers"), ("dickhead", "dickheads"), ("putz", "putzes"), ("floozy", "floozies"),
])
def test_plural(build, word, plural):
    assert build._plural(word) == plural


def test_names_someone_reads_the_marked_posts(build):
    ctx = {
        # a noun: after "a"/"you", at the end of its phrase
        "dork": [("what a dork.", 7, 11), ("you dork, stop", 4, 8), ("such a dork who", 7, 11)],
        # an adjective: before a noun more often than not
        "daft": [("a daft idea", 2, 6), ("the daft plan", 4, 8), ("you daft.", 4, 8)],
    }
    assert build._names_someone("dork", ctx, "toxic spans 0.5")
    assert not build._names_someone("daft", ctx, "toxic spans 0.5")
    # cuss compounds with no marked posts: by their ending
    assert build._names_someone("fuckface", {}, "cuss 2, a compound of a swear word")
    assert not build._names_someone("fucking", {}, "cuss 2, a compound of a swear word")
    # swears, stuff and animals get no plural
    assert not build._names_someone("bullshit", ctx, "toxic spans 0.6")
    assert not build._names_someone("garbage", ctx, "toxic spans 0.4")
    assert not build._names_someone("slug", ctx, "toxic spans 0.4")


def test_lexicon_on_disk_is_what_the_sources_give():
    shared_path("data", "toxicspans", "spans.csv")
    if shutil.which("npm") is None:
        pytest.skip("npm is not installed: the cuss package cannot be fetched to rebuild the lexicon")
    run = subprocess.run([sys.executable, str(SCRIPT), "--check"], capture_output=True, text=True, timeout=600)
    if "cannot fetch cuss" in run.stderr:
        pytest.skip(f"the cuss package could not be fetched: {run.stderr.strip()}")
    assert run.returncode == 0, run.stderr
