"""The audit's two views of one Summary, on a hand-made Summary (no archive, no linter): the
terminal summary (no other test prints it: the audits there run quiet) and the page's sections
where the archive's values, the counts beyond what is shown and the empty cases meet."""
from __future__ import annotations

import io
from datetime import datetime

from rich.console import Console

from assertlint.audit.html import render
from assertlint.audit.summary import Example, Group, RuleCount, Summary
from assertlint.audit.terminal import print_summary


def _group(key: str, **counts) -> Group:
    g = Group(key)
    g.counts.update(counts)
    return g


def _summary() -> Summary:
    rules = [RuleCount(f"AL{i}", f"rule-{i}", "judging", "aggressive", 10 - i, f"message {i}") for i in range(7)]
    examples = [Example(r.rule, f"chat.jsonl:{i + 1}", "ana", "<dev>", datetime(2024, 3, 1, 9, 30), "Well,\nyou ",
                        "always\nbreak", " it.", r.message, None) for i, r in enumerate(rules)]
    examples.insert(1, Example("AL0", "chat.jsonl:99", None, None, None, "b", "second example of AL0", "a", "m", ""))
    examples[2].suggestion = "often <b>"
    s = Summary(messages=1234, checked=1200, words=56789, findings=321, errors=30,
                error_lines=["chat.jsonl:5: not valid JSON", "chat.jsonl:<9>: 'text' is not text"],
                first=datetime(2024, 3, 1), last=datetime(2024, 3, 3), period="day",
                over_time=[_group("2024-03-01", assertive=3, aggressive=1), _group("2024-03-02"),
                           _group("2024-03-03", passive=2)],
                channels=[_group("<script>alert(1)</script>", assertive=5, passive=5)], n_channels=20,
                authors=[_group("author-1a2b", aggressive=2)], n_authors=1,
                rules=rules, examples=examples, hashed_authors=True, sources=["chat.jsonl", "list & co.mbox"])
    s.classes.update(assertive=900, passive=200, aggressive=100)
    s.categories.update(judging=321)
    return s


def _printed(s: Summary, **kw) -> str:
    buf = io.StringIO()
    print_summary(s, Console(file=buf, width=160, color_system=None), **kw)
    return buf.getvalue()


def test_terminal_summary_totals_tables_one_example_per_rule_and_tail():
    text = _printed(_summary(), out_dir="audit/", elapsed=12.34)
    lines = text.splitlines()
    assert lines[0] == ("Tone audit  1,234 messages · 56,789 words · 321 findings · 25.0% of messages flagged · "
                        "2024-03-01 to 2024-03-03")
    assert "passive 16.7%" in lines[1] and "mixed" not in lines[1]  # only the classes present
    assert lines[2].startswith("per day   ") and "2024-03-01 … 2024-03-03" in lines[2]
    assert "Channels (20)" in text and "Authors (pseudonymised)" in text  # 20 channels, one shown
    assert "Most common rules" in text and "AL6" in text
    shown = [ln.split()[1] for ln in lines if ln.startswith("chat.jsonl:")]
    assert shown == ["AL0", "AL1", "AL2", "AL3", "AL4"]  # one per rule, at most five
    assert "second example of AL0" not in text
    assert "  Well, you always break it." in lines  # the span in its context, on one line
    assert "30 record(s) with problems" in text
    assert lines[-1] == "12.3 s · wrote findings.parquet, messages.parquet and report.html in audit/"


def test_terminal_summary_of_an_empty_audit():
    text = _printed(Summary())
    assert text.startswith("Tone audit  0 messages · 0 words · 0 findings · 0.0% of messages flagged\n")
    for absent in ("per ", "Channels", "Most common rules", "record(s) with problems", "wrote"):
        assert absent not in text


def test_page_escapes_archive_values_and_counts_what_it_does_not_show():
    page = render(_summary())
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;dev&gt;" in page and "chat.jsonl:&lt;9&gt;" in page and "list &amp; co.mbox" in page
    assert "<p class='note'>and 28 more</p>" in page  # 30 records with problems, 2 listed
    assert "<b>30</b><span>records with problems</span>" in page
    assert "Per author (pseudonymised)" in page and "authors pseudonymised" in page
    assert "The 1 with the most messages of 20." in page
    assert page.count("<div class='ex'>") == 8  # every example, not one per rule
    assert "Try: b<b>∅</b>a" in page  # an empty suggestion: the span deleted
    assert "<b>often &lt;b&gt;</b>" in page
    assert page.count("Try:") == 2  # no suggestion, no "Try:"
    assert page.index("Findings by category") < page.index("Most common rules") < page.index("Example findings")


def test_page_of_an_empty_audit():
    page = render(Summary())
    assert page.count("<p class='note'>No findings.</p>") == 2  # categories and rules
    assert "No message has a timestamp." in page and "No channel in the archive." in page
    assert "Example findings" not in page and "Records with problems" not in page
    assert "<title>assertlint audit</title>" in page
    assert page.endswith("</main></body></html>\n")
