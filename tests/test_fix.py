"""Applying rewrites: safe edits only, repairs, fixed point, files written atomically and exactly."""
from __future__ import annotations

import os

import pytest
from click.testing import CliRunner

from assertlint.cli import main
from assertlint.findings import Edit
from assertlint.rewrite.fixer import apply_edits, select_edits
from assertlint.rewrite.repair import sentence_edit

GOLDEN = [
    ("Sorry to bother you, but is the report ready?", "Is the report ready?"),
    ("I just wanted to follow up on the invoice.", "I wanted to follow up on the invoice."),
    ("Sorry, but I disagree with that estimate.", "I disagree with that estimate."),
]


def fixed(text: str, *args) -> str:
    res = CliRunner().invoke(main, ["--fix", "--quiet", *args, "-"], input=text, catch_exceptions=False)
    return res.stdout_bytes.decode("utf-8")


@pytest.mark.parametrize("before,after", GOLDEN)
def test_golden_fixes(before, after):
    assert fixed(before + "\n") == after + "\n"


def test_repair_capitalises_and_swaps_end_mark():
    s = "I was wondering if you could review my PR."
    e = sentence_edit(s, 0, len(s), 0, s.index(" review"), "could you", "question")
    assert apply_edits(s, [e]) == "Could you review my PR?"


def test_repair_never_leaves_a_sentence_empty():
    s = "Does that make sense?"
    assert sentence_edit(s, 0, len(s), 0, len(s), "") is None


def test_overlapping_edits_wait_for_next_pass():
    from assertlint.findings import Finding, Suggestion

    def f(start, end, sev):
        return Finding("p", "R", "n", "hedge", "passive", sev, "m", start, end, 1, 1, 1, 1, "t",
                       (Suggestion("", "d", "safe", Edit(start, end, "")),))

    chosen = select_edits([f(0, 5, "info"), f(3, 8, "warning"), f(10, 12, "info")])
    assert sorted((e.start, e.end) for e in chosen) == [(3, 8), (10, 12)]


def test_fix_is_idempotent_and_clean_text_untouched():
    once = fixed("Sorry to bother you, but is it ready? Thanks.\n")
    assert fixed(once) == once
    clean = "Thanks, looks good.\r\nSee you at 3.\r\n"
    assert fixed(clean) == clean


def test_fix_file_keeps_bom_crlf_and_mode(tmp_path):
    p = tmp_path / "m.txt"
    p.write_bytes(b"\xef\xbb\xbfHello.\r\nSorry to bother you, but is it ready?\r\nBye.\r\n")
    os.chmod(p, 0o640)
    res = CliRunner().invoke(main, ["--fix", str(p)], catch_exceptions=False)
    assert res.exit_code in (0, 1)
    assert p.read_bytes() == b"\xef\xbb\xbfHello.\r\nIs it ready?\r\nBye.\r\n"
    assert (os.stat(p).st_mode & 0o777) == 0o640
    assert os.listdir(tmp_path) == ["m.txt"], "a temporary or backup file was left behind"


def test_diff_writes_nothing_and_exits_1(tmp_path):
    p = tmp_path / "m.txt"
    p.write_text("Sorry to bother you, but is it ready?\n")
    res = CliRunner().invoke(main, ["--diff", str(p)], catch_exceptions=False)
    assert res.exit_code == 1
    assert "-Sorry to bother you, but is it ready?" in res.stdout and "+Is it ready?" in res.stdout
    assert p.read_text() == "Sorry to bother you, but is it ready?\n"


def test_unwritable_file_is_left_as_it_was(tmp_path, monkeypatch):
    import os

    p = tmp_path / "m.txt"
    q = tmp_path / "n.txt"
    original = b"Sorry to bother you, but is it ready?\n"
    p.write_bytes(original)
    q.write_bytes(original)
    real = os.fsync

    def failing(fd):  # the first write fails when it reaches the disk (a full disk); the second works
        monkeypatch.setattr(os, "fsync", real)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", failing)
    res = CliRunner().invoke(main, ["--fix", str(p), str(q)], catch_exceptions=False)
    assert res.exit_code == 2
    assert f"{p}: cannot be written (No space left on device); left as it was" in res.stderr
    assert p.read_bytes() == original
    assert q.read_bytes() == b"Is it ready?\n"
    assert sorted(x.name for x in tmp_path.iterdir()) == ["m.txt", "n.txt"], "a temporary file was left behind"


def test_end_mark_runs_and_closing_quotes():
    s = "I was wondering if you could review my PR!!"
    e = sentence_edit(s, 0, len(s), 0, s.index(" review"), "could you", "question")
    assert apply_edits(s, [e]) == "Could you review my PR?"
    s = 'I was wondering if you could look at "Foo."'
    e = sentence_edit(s, 0, len(s), 0, s.index(" look"), "could you", "question")
    assert apply_edits(s, [e]) == 'Could you look at "Foo"?'


def test_indentation_after_a_line_break_is_kept():
    s = "Sorry to bother you, but could you\n    look at my PR?"
    e = sentence_edit(s, 0, len(s), 0, s.index("could"), "")
    assert apply_edits(s, [e]) == "Could you\n    look at my PR?"


def test_markup_inside_a_span_is_never_edited():
    src = "[Sorry to bother you](http://x.org), but is it ready?\nI **just** wanted to ask.\n"
    assert fixed(src, "--stdin-filename", "n.md") == src


def test_fix_stdin_echoes_input_when_it_cannot_be_fixed():
    data = b"Sorry to bother you \xff but\n"
    res = CliRunner().invoke(main, ["--fix", "--quiet", "-"], input=data, catch_exceptions=False)
    assert res.exit_code == 2
    assert res.stdout_bytes == data
    res = CliRunner().invoke(main, ["--fix", "--quiet", "--select", "NOPE", "-"], input=b"Hello.\n")
    assert res.exit_code == 2 and res.stdout_bytes == b"Hello.\n"


def test_fix_writes_through_a_symlink(tmp_path):
    real = tmp_path / "real.txt"
    real.write_text("Sorry to bother you, but is it ready?\n")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    CliRunner().invoke(main, ["--fix", str(link)], catch_exceptions=False)
    assert link.is_symlink()
    assert real.read_text() == "Is it ready?\n"


@pytest.mark.parametrize(
    "before,after",
    [
        ("(Sorry to bother you, but is it ready?)", "(Is it ready?)"),
        ("- Sorry to bother you, but is the report ready?", "- Is the report ready?"),
        ("* Sorry to bother you, but is it ready?", "* Is it ready?"),
    ],
)
def test_opener_without_letters_is_a_sentence_start(before, after):
    a, b = before.index("Sorry"), before.index("but ") + 4
    e = sentence_edit(before, 0, len(before), a, b, "", "question")
    assert e is not None and apply_edits(before, [e]) == after
    assert fixed(before + "\n") == after + "\n"


def test_list_items_are_fixed_one_by_one():
    src = "Two things:\n- I was wondering if you could look at my PR\n- the report is late\n"
    assert fixed(src) == "Two things:\n- Could you look at my PR?\n- the report is late\n"
    assert fixed(src, "--stdin-filename", "n.rst") == fixed(src)


def test_trailing_frame_takes_its_conjunction_and_keeps_the_end_mark():
    s = "The plan works, but I could be wrong."
    e = sentence_edit(s, 0, len(s), s.index("I could"), len(s), "")
    assert apply_edits(s, [e]) == "The plan works."


def test_stacked_hedges_with_one_unsafe_part_still_get_the_safe_removal():
    text = "Honestly, I think maybe we should push the release, but I could be wrong.\n"
    assert fixed(text) == "Honestly, I think we should push the release, but I could be wrong.\n"
    assert fixed(text, "--unsafe-fixes") == "Honestly, I think we should push the release.\n"


@pytest.mark.parametrize("before,after", [
    ("🙂 Sorry to bother you, but is the report ready?", "🙂 Is the report ready?"),
    ("Thanks for the notes. 🙏 Sorry to bother you, but is the report ready?",
     "Thanks for the notes. 🙏 Is the report ready?"),
])
def test_emoji_before_a_sentence_does_not_stop_the_capital_letter(before, after):
    assert fixed(before + "\n") == after + "\n"


@pytest.mark.parametrize("before,after", [
    # a removal that would leave a fragment is not applied (the suggestion is unsafe)
    ("Feel free to ignore me if I'm being dumb here.", "Feel free to ignore me if I'm being dumb here."),
    ("I've split the budget by quarter. I hope that all makes sense.",
     "I've split the budget by quarter. I hope that all makes sense."),
    ("It's worth checking with legal first, I don't know.", "It's worth checking with legal first, I don't know."),
    # ... while a sentence that was a fragment may stay one, and questions stay questions
    ("Just checking in on the contract.", "Checking in on the contract."),
    ("Silly idea: what if we moved standup to the afternoon?", "What if we moved standup to the afternoon?"),
    ("Id rather we rent than buy this year, does that make sense?", "Id rather we rent than buy this year."),
    ("Just a quick question: is the office open on Monday?", "Is the office open on Monday?"),
])
def test_no_fix_leaves_a_fragment(before, after):
    assert fixed(before + "\n") == after + "\n"
