"""The golden fix table (issue 5): before -> after through `assertlint --fix -`, the editor filter.

Every after-text here was read and judged grammatical by a person. Only safe rewrites are applied
by --fix, so each row is a frame the passive rules can delete (or turn into a direct question)
without losing a content word. `GOLDEN` runs; `PENDING` rows wait for a rule that is not written
yet (or that fixes them differently) and are listed, not run.
"""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from assertlint.cli import main

GOLDEN: list[tuple[str, str, str]] = [
    # -- self-deprecation ------------------------------------------------------------------------
    ("self-deprecation", "I'm no expert, but the forecast looks optimistic.", "The forecast looks optimistic."),
    ("self-deprecation", "I'm no accountant, but these two totals don't match.", "These two totals don't match."),
    ("self-deprecation", "I'm no lawyer, but the NDA has no end date.", "The NDA has no end date."),
    ("self-deprecation", "I'm not an expert on boilers, but the pressure gauge reads zero.", "The pressure gauge reads zero."),
    ("self-deprecation", "This is probably a stupid question, but why does the cron job run twice?", "Why does the cron job run twice?"),
    ("self-deprecation", "This might be a dumb idea, but we could rent the van instead of buying it.", "We could rent the van instead of buying it."),
    ("self-deprecation", "Sorry if this is a dumb question, but where do the logs go?", "Where do the logs go?"),
    ("self-deprecation", "Dumb question: where do the backups live?", "Where do the backups live?"),
    ("self-deprecation", "Ignore me if this is irrelevant: the backup job failed last night.", "The backup job failed last night."),
    ("self-deprecation", "Feel free to ignore me \u2014 the spare keys are in the blue drawer.", "The spare keys are in the blue drawer."),
    ("self-deprecation", "I'm probably wrong, but the cron schedule is in UTC.", "The cron schedule is in UTC."),
    ("self-deprecation", "The regex misses uppercase emails, but I'm probably wrong.", "The regex misses uppercase emails."),
    ("self-deprecation", "Feel free to ignore this, I'm probably wrong, but the lease ends in June.", "The lease ends in June."),
    ("self-deprecation", "Not that my opinion matters, but the second venue is closer to the station.", "The second venue is closer to the station."),
    ("self-deprecation", "I'd hire the second candidate, not that anyone asked.", "I'd hire the second candidate."),
    ("self-deprecation", "I'm terrible with numbers, but the totals on page 3 don't add up.", "The totals on page 3 don't add up."),
    ("self-deprecation", "I'm rubbish with spreadsheets, so could you check the formula in C4?", "Could you check the formula in C4?"),
    ("self-deprecation", "I'm not very technical, but the login page takes a minute to load.", "The login page takes a minute to load."),
    ("self-deprecation", "I don't really know what I'm talking about, but the pump sounds wrong.", "The pump sounds wrong."),
    ("self-deprecation", "I'm new to the team, so what do I know, but the release notes skip two fixes.", "The release notes skip two fixes."),
    ("self-deprecation", "The plan looks risky to me, but what do I know?", "The plan looks risky to me."),
    # -- validation-seeking ----------------------------------------------------------------------
    ("validation-seeking", "I'd rather we rent than buy this year, does that make sense?", "I'd rather we rent than buy this year."),
    ("validation-seeking", "So the plan is to ship the API first and the UI second, if that makes sense.", "So the plan is to ship the API first and the UI second."),
    ("validation-seeking", "I'd like to keep Fridays meeting-free, if that makes any sense.", "I'd like to keep Fridays meeting-free."),
    ("validation-seeking", "The old invoices stay in the archive folder, hope that makes sense.", "The old invoices stay in the archive folder."),
    ("validation-seeking", "We pay the deposit now and the balance in June (if that makes sense).", "We pay the deposit now and the balance in June."),
    ("validation-seeking", "We keep the old API for one more release, make sense?", "We keep the old API for one more release."),
    ("validation-seeking", "The cheaper quote leaves out the scaffolding, you know what I mean?", "The cheaper quote leaves out the scaffolding."),
    ("validation-seeking", "I want us to alternate weekends \u2014 does this make sense to you?", "I want us to alternate weekends."),
    # -- hedge -----------------------------------------------------------------------------------
    ("hedge", "I think maybe we should move the launch.", "I think we should move the launch."),
    ("hedge", "It's sort of a problem that the tests are flaky.", "It's a problem that the tests are flaky."),
    ("hedge", "The new layout is kind of confusing for first-time users.", "The new layout is confusing for first-time users."),
    ("hedge", "I think maybe the second design is stronger.", "I think the second design is stronger."),
    ("hedge", "Perhaps we could possibly push the review to Monday.", "We could push the review to Monday."),
    ("hedge", "It's kind of urgent that we renew the certificate.", "It's urgent that we renew the certificate."),
    ("hedge", "We should sort of rethink the onboarding flow.", "We should rethink the onboarding flow."),
    ("hedge", "I kind of think we should hire a second tester.", "I think we should hire a second tester."),
    # -- minimizer -------------------------------------------------------------------------------
    ("minimizer", "I just wanted to follow up on the invoice.", "I wanted to follow up on the invoice."),
    ("minimizer", "I just wanted to check whether the keys are ready.", "I wanted to check whether the keys are ready."),
    ("minimizer", "Quick question: who owns billing?", "Who owns billing?"),
    ("minimizer", "Just a quick question: is the office open on Monday?", "Is the office open on Monday?"),
    ("minimizer", "Just a small thing: the footer links are broken on mobile.", "The footer links are broken on mobile."),
    ("minimizer", "I only need five minutes of your time to go over the budget.", "I need five minutes of your time to go over the budget."),
    ("minimizer", "Could you do me a tiny favour and water the plants?", "Could you do me a favour and water the plants?"),
    ("minimizer", "I'm just checking in on the contract.", "I'm checking in on the contract."),
    ("minimizer", "Just my two cents: the blue logo reads better.", "The blue logo reads better."),
    ("minimizer", "I just need a little help with the seating plan.", "I need help with the seating plan."),
    # -- apology ---------------------------------------------------------------------------------
    ("apology", "Sorry to bother you, but is the report ready?", "Is the report ready?"),
    ("apology", "Sorry, but I disagree with that estimate.", "I disagree with that estimate."),
    ("apology", "Sorry for asking again, but where is the key?", "Where is the key?"),
    ("apology", "Apologies for the interruption, do you have the slides?", "Do you have the slides?"),
    ("apology", "Sorry to bug you, but could you sign the form today?", "Could you sign the form today?"),
    ("apology", "Sorry to be a pain, can you resend the calendar invite?", "Can you resend the calendar invite?"),
    ("apology", "Sorry to interrupt, but the client is on line two.", "The client is on line two."),
    ("apology", "So sorry to bother you again, but has the refund gone through?", "Has the refund gone through?"),
    # -- permission-seeking ----------------------------------------------------------------------
    ("permission-seeking", "I was wondering if you could review my PR.", "Could you review my PR?"),
    ("permission-seeking", "I was wondering if you could send the slides by Friday.", "Could you send the slides by Friday?"),
    ("permission-seeking", "I was wondering if we could talk about my salary review.", "Could we talk about my salary review?"),
    ("permission-seeking", "I'll take the window seat, if that's okay.", "I'll take the window seat."),
    ("permission-seeking", "I'm leaving at 4 today for my kid's recital, if that's OK.", "I'm leaving at 4 today for my kid's recital."),
    ("permission-seeking", "I've moved the retro to Friday, hope that's alright.", "I've moved the retro to Friday."),
    ("permission-seeking", "I'd like to go through the numbers first, if nobody objects.", "I'd like to go through the numbers first."),
    ("permission-seeking", "If you don't mind, I'd like to go through the numbers first.", "I'd like to go through the numbers first."),
    ("permission-seeking", "I'll bring my partner to the dinner, if that's alright with you.", "I'll bring my partner to the dinner."),
    # -- several categories in one sentence -----------------------------------------------------
    ("self-deprecation+minimizer", "I'm no lawyer, just a thought: the NDA has no end date.", "The NDA has no end date."),
    ("apology+self-deprecation", "Sorry, dumb question, but where's the staging URL?", "Where's the staging URL?"),
]

# Rows whose rule is not written yet, or which the current rules fix differently. Not run; each
# moves up into GOLDEN once `assertlint --fix -` produces the after-text.
PENDING: list[tuple[str, str, str]] = [
    # HDG002 (i-guess) offers this rewrite as unsafe, so --fix leaves the sentence as it is.
    ("hedge", "I guess we could try the other supplier.", "We could try the other supplier."),
]

# Texts --fix must leave byte-identical: the only rewrites on offer are unsafe or display-only.
UNCHANGED = [
    "We need two more testers. Does that make sense?",
    "The retry now waits longer after each failure. Hope this makes sense!",
    "Per my last email, the invoice was due on the 3rd.",
    "Fine, I guess I'll just do it myself.",
    "I told the landlord we'd pay on the 5th. That was fair, right?",
    "The budget is fixed at 20k, right?",
    "It makes sense to wait for the audit.",
]


def fixed(text: str) -> str:
    res = CliRunner().invoke(main, ["--fix", "--quiet", "-"], input=text, catch_exceptions=False)
    return res.stdout_bytes.decode("utf-8")


def test_table_is_big_enough():
    assert len(GOLDEN) + len(PENDING) >= 60
    cats = {c for c, _, _ in GOLDEN + PENDING}
    for needed in ("hedge", "minimizer", "apology", "permission-seeking", "self-deprecation", "validation-seeking"):
        assert needed in cats, needed


@pytest.mark.parametrize("category,before,after", GOLDEN, ids=[f"{c}-{i}" for i, (c, _, _) in enumerate(GOLDEN)])
def test_golden_fix(category, before, after):
    assert fixed(before + "\n") == after + "\n"


@pytest.mark.parametrize("category,before,after", GOLDEN[:10], ids=[f"{c}-{i}" for i, (c, _, _) in enumerate(GOLDEN[:10])])
def test_golden_fix_in_running_text_leaves_neighbours_alone(category, before, after):
    text = f"Hi Sam,\n\nThe room is booked for Tuesday. {before} Thanks for the notes.\n"
    assert fixed(text) == f"Hi Sam,\n\nThe room is booked for Tuesday. {after} Thanks for the notes.\n"


@pytest.mark.parametrize("text", UNCHANGED)
def test_unsafe_and_display_only_rewrites_are_not_applied(text):
    assert fixed(text + "\n") == text + "\n"
