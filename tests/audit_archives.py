"""Generated archives for the audit tests: the same messages written as JSON Lines, CSV, Parquet,
mbox and a Slack export, with the metadata each format carries and the text each reader should
give back."""
from __future__ import annotations

import csv
import json
import mailbox
import os
import random
from datetime import datetime, timedelta, timezone
from email.message import EmailMessage
from email.utils import format_datetime

SENTENCES = [
    "Sorry to bother you, but is the report ready?",
    "You always ignore my emails.",
    "Thanks, the numbers look good.",
    "I just wanted to check in on the migration.",
    "I think maybe we should move the launch.",
    "The build is green again after the fix.",
    "If you don't fix this by Friday, I'll escalate it to your manager.",
    "Whatever. Do what you want.",
    "I'm no expert, but the forecast looks optimistic.",
    "Could you review the pull request today?",
    "Per my last email, the deadline was yesterday.",
    "The café on Rue Saint-Denis opens at 8, so we can meet there.",
    "Is it okay if I take Friday off?",
    "Run `make test` before you push, please.",
    "Nobody asked for your opinion on the design.",
    "Sorry if this is a stupid question, but where do the logs go?",
]
AUTHORS = ["ana", "bo", "chidi", "dana", "eli"]
CHANNELS = ["dev", "ops", "support"]
START = datetime(2024, 3, 1, 9, 0, tzinfo=timezone.utc)


def messages(n: int, seed: int = 7, words: int = 3) -> list[dict]:
    """`n` messages: id, author, channel, thread, timestamp (ISO 8601) and text of about
    `words` sentences; some span lines, one quotes a reply, one has an inline suppression."""
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        sents = [rnd.choice(SENTENCES) for _ in range(rnd.randint(1, words))]
        sep = "\n" if i % 5 == 0 else " "
        text = sep.join(sents)
        if i % 17 == 3:
            text += "\n\nOn Mon, 4 Mar 2024 at 10:00, Ana <ana@example.org> wrote:\n> You always ignore my emails.\n"
        if i % 23 == 5:
            text = "You never reply on time.  assertlint: ignore[judging]\n" + text
        ts = START + timedelta(hours=7 * i + rnd.randint(0, 5))
        out.append({"id": 1000 + i, "author": rnd.choice(AUTHORS), "channel": rnd.choice(CHANNELS),
                    "thread": f"t{i // 4}", "timestamp": ts.isoformat(), "text": text})
    return out


def write_jsonl(path, msgs) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        for m in msgs:
            fh.write(json.dumps(m, ensure_ascii=False) + "\n")


def write_csv(path, msgs) -> None:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=["id", "author", "channel", "thread", "timestamp", "text"])
        w.writeheader()
        for m in msgs:
            w.writerow(m)


def write_parquet(path, msgs, row_group_size: int = 40) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.table({
        "id": pa.array([m["id"] for m in msgs], pa.int64()),
        "author": [m["author"] for m in msgs],
        "channel": [m["channel"] for m in msgs],
        "thread": [m["thread"] for m in msgs],
        "timestamp": pa.array([datetime.fromisoformat(m["timestamp"]) for m in msgs], pa.timestamp("us", tz="UTC")),
        "text": [m["text"] for m in msgs],
    })
    pq.write_table(table, path, row_group_size=row_group_size)


def write_mbox(path, msgs) -> list[str]:
    """The messages as e-mails (a reply's In-Reply-To names its thread's first message);
    returns each message's expected body text."""
    box = mailbox.mbox(str(path), create=True)
    bodies = []
    first_of: dict[str, str] = {}
    try:
        for m in msgs:
            e = EmailMessage()
            e["From"] = f"{m['author'].title()} <{m['author']}@example.org>"
            e["To"] = "team@example.org"
            e["Subject"] = f"thread {m['thread']}"
            e["Date"] = format_datetime(datetime.fromisoformat(m["timestamp"]))
            e["Message-ID"] = f"<{m['id']}@example.org>"
            e["List-Id"] = f"{m['channel'].title()} <{m['channel']}.example.org>"
            if m["thread"] in first_of:
                e["In-Reply-To"] = first_of[m["thread"]]
            else:
                first_of[m["thread"]] = e["Message-ID"]
            e.set_content(m["text"])
            box.add(e)
            bodies.append(m["text"] if m["text"].endswith("\n") else m["text"] + "\n")
        box.flush()
    finally:
        box.close()
    return bodies


SLACK_USERS = {a: f"U{i:03d}" for i, a in enumerate(AUTHORS)}


def write_slack(folder, msgs) -> list[str]:
    """An unpacked Slack export; a mention of the next author in every third message and
    escaped &, <, > in Slack's markup. Returns each message's expected (decoded) text in the
    order the reader yields them (channel, day, position)."""
    os.makedirs(folder, exist_ok=True)
    users = [{"id": uid, "name": a, "real_name": a.title(), "profile": {"display_name": a.title()}}
             for a, uid in SLACK_USERS.items()]
    with open(os.path.join(folder, "users.json"), "w") as fh:
        json.dump(users, fh)
    with open(os.path.join(folder, "channels.json"), "w") as fh:
        json.dump([{"id": f"C{i}", "name": c} for i, c in enumerate(CHANNELS)], fh)
    days: dict[tuple[str, str], list] = {}
    expected: dict[tuple[str, str], list] = {}
    for i, m in enumerate(msgs):
        ts = datetime.fromisoformat(m["timestamp"])
        key = (m["channel"], ts.date().isoformat())
        text = m["text"]
        raw = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")  # as Slack escapes text
        if i % 3 == 0:
            other = AUTHORS[(AUTHORS.index(m["author"]) + 1) % len(AUTHORS)]
            raw = f"<@{SLACK_USERS[other]}> {raw} &amp; <https://example.org/pr/1|the PR>"
            text = f"@{other.title()} {text} & the PR"
        entry = {"type": "message", "user": SLACK_USERS[m["author"]], "text": raw,
                 "ts": f"{ts.timestamp():.6f}", "client_msg_id": str(m["id"])}
        days.setdefault(key, []).append(entry)
        expected.setdefault(key, []).append(text)
        if i % 11 == 0:  # a system message the reader skips
            days[key].append({"type": "message", "subtype": "channel_join", "user": SLACK_USERS[m["author"]],
                              "text": f"<@{SLACK_USERS[m['author']]}> has joined the channel", "ts": f"{ts.timestamp() + 1:.6f}"})
    order = []
    for (channel, day) in sorted(days):
        os.makedirs(os.path.join(folder, channel), exist_ok=True)
        with open(os.path.join(folder, channel, f"{day}.json"), "w") as fh:
            json.dump(days[(channel, day)], fh)
        order.extend(expected[(channel, day)])
    return order


def write(fmt: str, folder, msgs):
    """Write `msgs` in `fmt` under `folder`; (archive path, expected texts in reader order)."""
    folder = str(folder)
    if fmt == "jsonl":
        p = os.path.join(folder, "archive.jsonl")
        write_jsonl(p, msgs)
        return p, [m["text"] for m in msgs]
    if fmt == "csv":
        p = os.path.join(folder, "archive.csv")
        write_csv(p, msgs)
        return p, [m["text"] for m in msgs]
    if fmt == "parquet":
        p = os.path.join(folder, "archive.parquet")
        write_parquet(p, msgs)
        return p, [m["text"] for m in msgs]
    if fmt == "mbox":
        p = os.path.join(folder, "archive.mbox")
        return p, write_mbox(p, msgs)
    if fmt == "slack":
        p = os.path.join(folder, "slack-export")
        return p, write_slack(p, msgs)
    raise ValueError(fmt)
