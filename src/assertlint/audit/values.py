"""Metadata values as read from any format: field lookup, timestamps, ids, pseudonymous authors."""
from __future__ import annotations

import hashlib
import hmac
import math
from datetime import datetime, timezone

from .model import Columns, Message

_MISSING = object()


def lookup(obj: dict, name: str):
    """obj[name], or for `a.b` obj["a"]["b"] when there is no literal "a.b" key; _MISSING if absent."""
    if name in obj:
        return obj[name]
    cur = obj
    for part in name.split("."):
        if not isinstance(cur, dict) or part not in cur:
            return _MISSING
        cur = cur[part]
    return cur


def parse_timestamp(value) -> datetime | None:
    """A UTC datetime from ISO 8601 text, epoch seconds (or milliseconds), or a datetime;
    None for no value. ValueError for anything else."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)
    if isinstance(value, bool):
        raise ValueError(f"timestamp {value!r} is neither a date nor epoch seconds")
    if isinstance(value, str):
        s = value.strip()
        try:
            value = float(s)  # "1355517523.000005": Slack's ts, or epoch seconds as text
        except ValueError:
            try:
                dt = datetime.fromisoformat(s[:-1] + "+00:00" if s.endswith(("Z", "z")) else s)
            except ValueError:
                raise ValueError(f"timestamp {value!r} is neither ISO 8601 nor epoch seconds") from None
            return parse_timestamp(dt)
    if isinstance(value, (int, float)):
        if not math.isfinite(value):
            raise ValueError(f"timestamp {value!r} is not a number")
        seconds = value / 1000.0 if abs(value) >= 1e11 else float(value)  # milliseconds since 1973
        try:
            return datetime.fromtimestamp(seconds, tz=timezone.utc)
        except (OverflowError, OSError, ValueError):
            raise ValueError(f"timestamp {value!r} is out of range") from None
    raise ValueError(f"timestamp {value!r} is neither a date nor epoch seconds")


def as_text(value) -> str | None:
    """Author, channel and thread values as text (a numeric user id stays readable)."""
    if value is None or value is _MISSING:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def as_id(value, id_type: str):
    """An id unchanged where the column type allows it (an int in an int64 column, text in a
    string column); an int in a string column becomes its digits. ValueError otherwise."""
    if value is None or value is _MISSING:
        return None
    if id_type == "int64":
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        raise ValueError(f"id {value!r} is not an integer like the archive's first id")
    return value if isinstance(value, str) else as_text(value)


def id_type_of(value) -> str:
    return "int64" if isinstance(value, int) and not isinstance(value, bool) else "string"


def pseudonym(author: str | None, salt: str | None) -> str | None:
    """`--hash-authors`: a stable pseudonym (keyed hash with the audit's own salt, so names
    cannot be recovered by hashing a list of likely names without it)."""
    if author is None or salt is None:
        return author
    digest = hmac.new(salt.encode(), author.encode("utf-8", "surrogatepass"), hashlib.sha256).hexdigest()
    return f"author-{digest[:10]}"


def from_mapping(obj, source: str, record: int, columns: Columns, id_type: str, where: str) -> Message:
    """A Message from one JSON object or table row; problems become the message's `error`
    (`where` names the record in it: "line 12", "row 12")."""
    if not isinstance(obj, dict):
        return Message(source, record, error=f"{source}: {where}: not a JSON object")
    text = lookup(obj, columns.text)
    if text is _MISSING:
        return Message(source, record, error=f"{source}: {where}: no {columns.text!r} field (the text to check)")
    if text is None:
        text = ""
    if not isinstance(text, str):
        return Message(source, record, error=f"{source}: {where}: {columns.text!r} is not text")
    m = Message(source, record, text=text)
    problems = []
    try:
        m.id = as_id(lookup(obj, columns.id), id_type)
    except ValueError as err:
        problems.append(str(err))
    m.author = as_text(lookup(obj, columns.author))
    m.channel = as_text(lookup(obj, columns.channel))
    m.thread = as_text(lookup(obj, columns.thread))
    ts = lookup(obj, columns.timestamp)
    try:
        m.timestamp = parse_timestamp(None if ts is _MISSING else ts)
    except ValueError as err:
        problems.append(str(err))
    if problems:  # the text is still checked; the problem is reported
        m.error = f"{source}: {where}: " + "; ".join(problems)
    return m
