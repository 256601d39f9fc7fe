"""Checking on several cores: the same findings in the same order as one process, whatever the
split (whole files, or the blocks of one large file); --jobs from the input size, capped at the
usable cores, one process where fork is missing; a worker that dies fails only its own files."""
from __future__ import annotations

import os
import signal

import pytest
from click.testing import CliRunner

from assertlint.engine import parallel
from assertlint.engine.linter import Engine, Input
from assertlint.linter import Linter, WorkerFailure
from conftest import EXAMPLES

DRAFT = (EXAMPLES / "draft.txt").read_text(encoding="utf-8")
NOTES = "# Notes\n\nI just wanted to check in about the report. You never reply to my emails.\n"
PLAIN = "The build is green. The release goes out on Monday, and the notes are in the wiki.\n"


@pytest.fixture
def two_cores(monkeypatch):
    """Behaviour, not speed: pretend there are two cores, so that the fork path runs anywhere."""
    monkeypatch.setattr(parallel, "usable_cores", lambda: 2)


def _inputs(n: int = 12) -> list[Input]:
    out = []
    for i in range(n):
        text, kind = [(DRAFT, "text"), (NOTES, "markdown"), (PLAIN, "text")][i % 3]
        out.append(Input(f"f{i}.{'md' if kind == 'markdown' else 'txt'}", text * (1 + i % 4), kind))
    return out


def test_forked_findings_equal_one_process_for_many_files(rules, lexicons, two_cores):
    inputs = _inputs()
    one = Linter(rules, lexicons=lexicons, jobs=1).check(inputs)
    two = Linter(rules, lexicons=lexicons, jobs=2).check(inputs)
    assert any(one), "the inputs should have findings"
    assert two == one


def test_forked_findings_equal_one_process_for_one_large_file(rules, lexicons, two_cores, monkeypatch):
    """One file much larger than the rest: the parent strips the markup, the workers share its blocks."""
    big = Input("big.md", "\n\n".join([DRAFT, NOTES, PLAIN] * 30), "markdown")
    inputs = [big, Input("small.txt", PLAIN)]
    assert not parallel.balanced([len(i.text) for i in inputs], 2)
    calls = []
    real = parallel.run_shares
    monkeypatch.setattr(parallel, "run_shares", lambda shares, work, jobs: calls.append(shares) or real(shares, work, jobs))
    one = Linter(rules, lexicons=lexicons, jobs=1).check(inputs)
    two = Linter(rules, lexicons=lexicons, jobs=2).check(inputs)
    assert len(calls) == 1 and len(calls[0]) == 2 and not isinstance(calls[0][0][0], int), "blocks were not shared out"
    assert two == one and one[0]


def test_jobs_follow_input_size_and_cores(monkeypatch):
    monkeypatch.setattr(parallel, "usable_cores", lambda: 2)
    assert parallel.choose_jobs(0, 2_000) == 1  # a draft: one process
    assert parallel.choose_jobs(0, 1_300_000) == 2  # 200 docs or 200,000 words: both cores
    assert parallel.choose_jobs(8, 1_300_000) == 2  # -j 8 on two cores: two
    assert parallel.choose_jobs(1, 1_300_000) == 1
    monkeypatch.setattr(parallel, "can_fork", lambda: False)
    assert parallel.choose_jobs(2, 1_300_000) == 1  # no fork: in this process


def test_without_fork_the_work_runs_here(rules, lexicons, monkeypatch):
    monkeypatch.setattr(parallel, "usable_cores", lambda: 2)
    monkeypatch.setattr(parallel, "can_fork", lambda: False)
    monkeypatch.setattr(parallel, "run_shares", lambda *a: pytest.fail("forked without fork"))
    inputs = _inputs(6)
    assert Linter(rules, lexicons=lexicons, jobs=2).check(inputs) == Linter(rules, lexicons=lexicons, jobs=1).check(inputs)


def test_split_sizes_is_contiguous_and_fair():
    runs = parallel.split_sizes([5, 5, 5, 5, 5, 5], 2)
    assert runs == [(0, 3), (3, 6)]
    assert parallel.split_sizes([1], 2) == [(0, 1)]
    assert parallel.split_sizes([100, 1, 1, 1], 2) == [(0, 1), (1, 4)]
    assert not parallel.balanced([100, 1, 1, 1], 2) and parallel.balanced([3, 3, 3, 3], 2)


def _die_in_worker_on(marker: str, monkeypatch):
    """A worker (never the parent) that meets `marker` in its share is killed, as by the OOM killer."""
    parent = os.getpid()
    real = Engine._candidates_of

    def candidates_of(self, blocks, inputs):
        blocks = list(blocks)
        if os.getpid() != parent and any(marker in inputs[i].path for i, _ in blocks):
            os.kill(os.getpid(), signal.SIGKILL)
        return real(self, blocks, inputs)

    monkeypatch.setattr(Engine, "_candidates_of", candidates_of)


def test_a_dead_worker_fails_its_own_files_only(rules, lexicons, two_cores, monkeypatch):
    inputs = _inputs(8)
    want = Linter(rules, lexicons=lexicons, jobs=1).check(inputs)
    _die_in_worker_on("f7", monkeypatch)  # the last file: in the second share
    got = Linter(rules, lexicons=lexicons, jobs=2).check(inputs)
    failed = [i for i, r in enumerate(got) if isinstance(r, WorkerFailure)]
    assert failed and 7 in failed and 0 not in failed
    assert "killed by SIGKILL" in got[7].message
    for i, r in enumerate(got):
        if i not in failed:
            assert r == want[i]


def test_cli_reports_a_dead_worker_as_an_error_and_the_other_files(tmp_path, two_cores, monkeypatch):
    from assertlint.cli import main

    names = []
    for i in range(8):
        p = tmp_path / f"f{i}.txt"
        p.write_text(DRAFT * (1 + i % 2), encoding="utf-8")
        names.append(str(p))
    _die_in_worker_on("f7", monkeypatch)
    res = CliRunner().invoke(main, ["--no-cache", "-j", "2", "--isolated", "--format", "line", *names])
    assert res.exit_code == 2, res.output
    assert "f7.txt: the worker process checking this file was killed by SIGKILL" in res.output
    assert "Traceback" not in res.output
    assert f"{names[0]}:" in res.output  # the first share's files are still reported


@pytest.fixture
def model_not_loaded(monkeypatch):
    """As in a fresh process: the model is loaded beside a worker that gates the text."""
    import assertlint.nlp.loader as loader

    monkeypatch.setattr(loader, "is_loaded", lambda *a, **k: False)
    calls = []
    real = parallel.run_beside
    monkeypatch.setattr(parallel, "run_beside", lambda c, p: calls.append(1) or real(c, p))
    return calls


def test_gating_beside_the_model_load_gives_the_same_findings(rules, lexicons, two_cores, model_not_loaded):
    inputs = _inputs() + [Input("big.md", "\n\n".join([DRAFT, NOTES, PLAIN] * 20), "markdown")]
    one = Linter(rules, lexicons=lexicons, jobs=1).check(inputs)
    two = Linter(rules, lexicons=lexicons, jobs=2).check(inputs)
    assert model_not_loaded, "the gating worker did not run"
    assert two == one and any(one)


def test_a_dead_gating_worker_costs_nothing_but_time(rules, lexicons, two_cores, model_not_loaded, monkeypatch, tmp_path):
    inputs = _inputs(8)
    want = Linter(rules, lexicons=lexicons, jobs=1).check(inputs)
    parent, flag = os.getpid(), tmp_path / "killed-once"
    real = Engine._units

    def units(self, blocks, inputs):
        if os.getpid() != parent and not flag.exists():
            flag.touch()
            os.kill(os.getpid(), signal.SIGKILL)
        return real(self, blocks, inputs)

    monkeypatch.setattr(Engine, "_units", units)
    got = Linter(rules, lexicons=lexicons, jobs=2).check(inputs)
    assert flag.exists() and got == want


def test_a_dead_parsing_worker_fails_its_own_files_only(rules, lexicons, two_cores, model_not_loaded, monkeypatch):
    inputs = _inputs(8)
    want = Linter(rules, lexicons=lexicons, jobs=1).check(inputs)
    parent = os.getpid()
    real = Engine._parse_slice

    def parse_slice(self, work, inputs_):
        if os.getpid() != parent and any("f7" in inputs_[w[1][0]].path for w in work):
            os.kill(os.getpid(), signal.SIGKILL)
        return real(self, work, inputs_)

    monkeypatch.setattr(Engine, "_parse_slice", parse_slice)
    got = Linter(rules, lexicons=lexicons, jobs=2).check(inputs)
    failed = [i for i, r in enumerate(got) if isinstance(r, WorkerFailure)]
    assert 7 in failed and 0 not in failed
    assert all(got[i] == want[i] for i in range(len(got)) if i not in failed)


def _over_budget(monkeypatch):
    """Inputs past a small parse budget (source/limits.py), one much larger than the rest."""
    from assertlint.source import limits

    monkeypatch.setattr(limits, "MAX_PARSE_CHARS", 400)
    return _inputs(6) + [Input("big.md", "\n\n".join([DRAFT, NOTES, PLAIN] * 20), "markdown")]


def _notes_and_findings(rules, lexicons, inputs, jobs):
    found, notes = Linter(rules, lexicons=lexicons, jobs=jobs).check_notes(inputs)
    return found, notes


def test_bounds_notes_come_back_from_the_workers(rules, lexicons, two_cores, monkeypatch):
    """A file past its parse budget gets the same note and the same findings on two cores as on
    one, whether whole files or blocks were shared out."""
    inputs = _over_budget(monkeypatch)
    one = _notes_and_findings(rules, lexicons, inputs, 1)
    assert any("too long to check fully" in n for ns in one[1] for n in ns), "the budget should be reached"
    assert _notes_and_findings(rules, lexicons, inputs, 2) == one
    balanced = [i for i in inputs if i.path != "big.md"] * 2
    one_b = _notes_and_findings(rules, lexicons, balanced, 1)
    assert parallel.balanced([len(i.text) for i in balanced], 2)
    assert any(one_b[1]) and _notes_and_findings(rules, lexicons, balanced, 2) == one_b


def test_bounds_notes_come_back_from_the_gating_worker(rules, lexicons, two_cores, model_not_loaded, monkeypatch):
    inputs = _over_budget(monkeypatch)
    one = _notes_and_findings(rules, lexicons, inputs, 1)
    two = _notes_and_findings(rules, lexicons, inputs, 2)
    assert model_not_loaded, "the gating worker did not run"
    assert any(one[1]) and two == one
