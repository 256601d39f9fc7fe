"""A Slack export, unpacked: users.json, channels.json and one folder per channel holding a JSON
file per day (`general/2024-03-01.json`, an array of messages). Slack's markup is decoded to
plain text: `<@U123>` → `@name`, `<https://x|label>` → `label`, `<#C1|general>` → `#general`,
`&amp;` → `&`. System messages (joins, topic changes...) are skipped. Metadata: author (the
user's display or real name), channel (the folder), thread (`thread_ts`), timestamp and id
(`ts`, Slack's message id within its channel). A message's source is its day file; record =
its position in that file, from 1."""
from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from functools import lru_cache

from ..model import Columns, Message, Partition
from ..values import parse_timestamp
from .piece import Piece

# Subtypes that are a person's own words; every other subtype is a system message.
USER_SUBTYPES = frozenset({None, "thread_broadcast", "me_message", "file_share", "message_replied"})
_ANGLE = re.compile(r"<([^<>\n]*)>")


def _day_files(path: str) -> list[str]:
    out = []
    for channel in sorted(os.listdir(path)):
        folder = os.path.join(path, channel)
        if channel.startswith(".") or not os.path.isdir(folder):
            continue
        for name in sorted(os.listdir(folder)):
            if name.endswith(".json") and not name.startswith("."):
                out.append(f"{channel}/{name}")
    return out


def _load(path: str, rel: str) -> list:
    with open(os.path.join(path, rel), "rb") as fh:
        data = json.loads(fh.read())
    if not isinstance(data, list):
        raise ValueError("not a JSON array of messages")
    return data


def _is_user_message(m) -> bool:
    return isinstance(m, dict) and m.get("type", "message") == "message" and m.get("subtype") in USER_SUBTYPES


def plan(source: str, path: str, target: int, columns: Columns) -> Iterator[Piece]:
    files, size, count = [], 0, 0
    for rel in _day_files(path):
        try:
            n = sum(1 for m in _load(path, rel) if _is_user_message(m))
        except (OSError, ValueError):
            n = 1  # read on the worker, which reports the problem
        files.append(rel)
        size += os.path.getsize(os.path.join(path, rel))
        count += n
        if size >= target:
            yield Piece(0, len(files), 1, count, files=tuple(files))
            files, size, count = [], 0, 0
    if files:
        yield Piece(0, len(files), 1, count, files=tuple(files))


@lru_cache(maxsize=4)
def _users(path: str, mtime: float) -> dict[str, str]:
    try:
        with open(os.path.join(path, "users.json"), "rb") as fh:
            users = json.loads(fh.read())
    except (OSError, ValueError):
        return {}
    out = {}
    for u in users if isinstance(users, list) else []:
        if isinstance(u, dict) and "id" in u:
            prof = u.get("profile") or {}
            out[u["id"]] = prof.get("display_name") or prof.get("real_name") or u.get("real_name") or u.get("name") or u["id"]
    return out


def users_for(path: str) -> dict[str, str]:
    try:
        mtime = os.path.getmtime(os.path.join(path, "users.json"))
    except OSError:
        mtime = 0.0
    return _users(path, mtime)


def decode(text: str, users: dict[str, str], name_of=lambda n: n) -> str:
    """Slack's message markup as the plain text a reader sees."""
    def angle(m: re.Match) -> str:
        inner = m.group(1)
        target, _, label = inner.partition("|")
        if target.startswith("@"):
            uid = target[1:]
            return "@" + name_of(label or users.get(uid, uid))
        if target.startswith("#"):
            return "#" + (label or target[1:])
        if target.startswith("!"):
            return "@" + (label or target[1:].split("^")[0])
        return label or target
    text = _ANGLE.sub(angle, text)
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def read(part: Partition, columns: Columns, name_of=None) -> Iterator[Message]:
    users = users_for(part.path)
    name_of = name_of or (lambda n: n)
    for rel in part.files[part.start : part.stop]:
        yield from _day(part, rel, users, name_of)


def _day(part: Partition, rel: str, users: dict[str, str], name_of) -> Iterator[Message]:
    """The messages of one day file (one error message for a file that cannot be read)."""
    source = os.path.join(part.source, rel)
    channel = rel.split("/", 1)[0]
    try:
        data = _load(part.path, rel)
    except (OSError, ValueError) as err:
        why = err.strerror if isinstance(err, OSError) and err.strerror else str(err)
        yield Message(source, 0, error=f"{source}: cannot be read ({why})")
        return
    for k, m in enumerate(data, 1):
        if _is_user_message(m):
            yield _message(m, source, k, channel, users, name_of)


def _message(m: dict, source: str, k: int, channel: str, users: dict[str, str], name_of) -> Message:
    text = m.get("text")
    if not isinstance(text, str):
        return Message(source, k, error=f"{source}: message {k}: 'text' is not text")
    ts = None if m.get("ts") is None else str(m.get("ts"))  # Slack writes a string; a number stays text too
    thread = m.get("thread_ts")
    msg = Message(source, k, text=decode(text, users, name_of), id=ts, author=_author(m, users),
                  channel=channel, thread=str(thread) if thread is not None else ts)
    try:
        msg.timestamp = parse_timestamp(m.get("ts"))
    except ValueError as err:
        msg.error = f"{source}: message {k}: {err}"
    return msg


def _author(m: dict, users: dict[str, str]) -> str | None:
    """The user's name from users.json, else the message's own profile, else the user or bot id."""
    uid = m.get("user") or m.get("bot_id")
    prof = m.get("user_profile") or {}
    return users.get(uid) or prof.get("display_name") or prof.get("real_name") or uid
