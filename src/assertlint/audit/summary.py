"""What the report says, computed from OUT/messages.parquet and OUT/findings.parquet in batches
(bounded memory): totals, the tone mix of messages over time, per channel and per author, the
most common rules, and example findings. The HTML page and the terminal print the same Summary."""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from ..taxonomy import CATEGORIES, STYLE_OF, STYLES

# A message's tone class, from its reading (see report.pretty.tone_reading).
CLASSES = ("assertive", "passive", "passive-aggressive", "aggressive", "mixed")
CLASS_OF = {
    "assertive": "assertive", "passive": "passive", "leans passive": "passive",
    "passive-aggressive": "passive-aggressive", "aggressive": "aggressive",
    "leans aggressive": "aggressive", "mixed": "mixed",
}
TOP = 15
EXAMPLES_PER_RULE = 3
EXAMPLE_RULES = 8
BATCH = 65536


@dataclass
class Group:
    """Messages of one period, channel or author, by tone class."""

    key: str
    counts: Counter = field(default_factory=Counter)

    @property
    def messages(self) -> int:
        return sum(self.counts.values())

    @property
    def flagged(self) -> int:
        return self.messages - self.counts["assertive"]

    def share(self, cls: str) -> float:
        return self.counts[cls] / self.messages if self.messages else 0.0


@dataclass
class RuleCount:
    rule: str
    name: str
    category: str
    style: str
    count: int
    message: str


@dataclass
class Example:
    rule: str
    path: str
    author: str | None
    channel: str | None
    timestamp: datetime | None
    before: str
    text: str
    after: str
    message: str
    suggestion: str | None


@dataclass
class Summary:
    messages: int = 0
    checked: int = 0
    words: int = 0
    findings: int = 0
    errors: int = 0
    error_lines: list[str] = field(default_factory=list)  # the first few
    classes: Counter = field(default_factory=Counter)
    categories: Counter = field(default_factory=Counter)
    styles: Counter = field(default_factory=Counter)
    first: datetime | None = None
    last: datetime | None = None
    period: str = "day"  # the bucket of `over_time`
    over_time: list[Group] = field(default_factory=list)
    channels: list[Group] = field(default_factory=list)
    authors: list[Group] = field(default_factory=list)
    n_channels: int = 0
    n_authors: int = 0
    rules: list[RuleCount] = field(default_factory=list)
    examples: list[Example] = field(default_factory=list)
    hashed_authors: bool = False
    sources: list[str] = field(default_factory=list)

    @property
    def flagged(self) -> int:
        return self.checked - self.classes["assertive"]


def _period(first: date, last: date) -> str:
    span = (last - first).days
    if span <= 45:
        return "day"
    if span <= 370:
        return "week"
    if span <= 12 * 366:
        return "month"
    return "year"


def _bucket(d: date, period: str) -> str:
    if period == "day":
        return d.isoformat()
    if period == "week":
        return (d - timedelta(days=d.weekday())).isoformat()  # the Monday
    if period == "month":
        return f"{d.year:04d}-{d.month:02d}"
    return f"{d.year:04d}"


def _top(counter: dict[str, Counter], n: int = TOP) -> list[Group]:
    groups = [Group(k, c) for k, c in counter.items()]
    groups.sort(key=lambda g: (-g.messages, g.key))
    return groups[:n]


MESSAGE_COLUMNS = ["timestamp", "channel", "author", "tone", "words", "findings", "error", *CATEGORIES]
RULE_COLUMNS = ["rule", "name", "category", "style", "message"]
EXAMPLE_COLUMNS = ["rule", "path", "author", "channel", "timestamp", "before", "text", "after", "message", "suggestions"]


@dataclass
class _Tally:
    """Checked messages by tone class per day, channel and author, while the batches stream by."""

    days: dict[date, Counter] = field(default_factory=lambda: defaultdict(Counter))
    channels: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    authors: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))


def summarize(messages_path: str, findings_path: str, *, hashed_authors: bool = False, sources=()) -> Summary:
    import pyarrow.parquet as pq

    s = Summary(hashed_authors=hashed_authors, sources=list(sources))
    tally = _Tally()
    pf = pq.ParquetFile(messages_path)
    for batch in pf.iter_batches(batch_size=BATCH, columns=MESSAGE_COLUMNS):
        _add_totals(s, batch)
        _add_errors(s, batch.column("error"))
        _add_tones(s, tally, batch)
    for c in CATEGORIES:
        s.styles[STYLE_OF[c]] += s.categories[c]
    if tally.days:
        _set_time_axis(s, tally.days)
    s.channels, s.n_channels = _top(tally.channels), len(tally.channels)
    s.authors, s.n_authors = _top(tally.authors), len(tally.authors)
    _rules(s, findings_path)
    return s


def _add_totals(s: Summary, t) -> None:
    """Messages, checked messages (those with a tone), words, findings and findings per category."""
    import pyarrow.compute as pc

    s.messages += t.num_rows
    s.checked += t.num_rows - t.column("tone").null_count
    s.words += pc.sum(t.column("words")).as_py() or 0
    s.findings += pc.sum(t.column("findings")).as_py() or 0
    for c in CATEGORIES:
        s.categories[c] += pc.sum(t.column(c)).as_py() or 0


def _add_errors(s: Summary, errors) -> None:
    """Count the records with a problem; keep the first 20 lines."""
    import pyarrow.compute as pc

    if errors.null_count == len(errors):
        return
    bad = pc.drop_null(errors)
    s.errors += len(bad)
    if len(s.error_lines) < 20:
        s.error_lines.extend(bad.slice(0, 20 - len(s.error_lines)).to_pylist())


def _add_tones(s: Summary, tally: _Tally, batch) -> None:
    """The checked messages of one batch by tone class: overall, per day, channel and author (a
    message without a channel or author counts under "(none)"; one without a timestamp in no day)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    table = pa.Table.from_batches([batch]).filter(pc.is_valid(batch.column("tone")))
    if not table.num_rows:
        return
    day = pc.cast(pc.floor_temporal(table.column("timestamp"), unit="day"), pa.date32())
    table = table.append_column("day", day)
    for row in _count_by(table, ["tone"]):
        s.classes[_class(row)] += row["count_all"]
    for key, target in (("day", tally.days), ("channel", tally.channels), ("author", tally.authors)):
        for row in _count_by(table, [key, "tone"]):
            value = row[key]
            if value is None and key == "day":
                continue
            target["(none)" if value is None else value][_class(row)] += row["count_all"]


def _count_by(table, keys: list[str]) -> list[dict]:
    return table.group_by(keys).aggregate([([], "count_all")]).to_pylist()


def _class(row: dict) -> str:
    return CLASS_OF.get(row["tone"], "mixed")


def _set_time_axis(s: Summary, days: dict[date, Counter]) -> None:
    """First and last day, the period that suits the span, and the messages of every period
    from the first to the last (empty ones too)."""
    first, last = min(days), max(days)
    s.first = datetime.combine(first, datetime.min.time())
    s.last = datetime.combine(last, datetime.min.time())
    s.period = _period(first, last)
    buckets: dict[str, Counter] = defaultdict(Counter)
    for d, c in days.items():
        buckets[_bucket(d, s.period)].update(c)
    s.over_time = [Group(k, buckets[k]) for k in _bucket_keys(first, last, s.period)]


def _bucket_keys(first: date, last: date, period: str) -> list[str]:
    keys, d = [], first
    while d <= last:
        k = _bucket(d, period)
        if not keys or keys[-1] != k:
            keys.append(k)
        d += timedelta(days=1)
    return keys


def _rules(s: Summary, findings_path: str) -> None:
    """The most common rules, and a few example findings of the first EXAMPLE_RULES of them."""
    import pyarrow.parquet as pq

    pf = pq.ParquetFile(findings_path)
    counts, info = _rule_counts(pf)
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    s.rules = [RuleCount(r, *info[r][:3], n, info[r][3]) for r, n in ranked[:TOP]]
    wanted = {r.rule for r in s.rules[:EXAMPLE_RULES]}
    if not wanted:
        return
    picked = _examples(pf, wanted)
    s.examples = [e for r in s.rules[:EXAMPLE_RULES] for e in picked[r.rule]]


def _rule_counts(pf) -> tuple[Counter, dict[str, tuple]]:
    """Findings per rule, and each rule's (name, category, style, message) as first seen."""
    import pyarrow as pa
    import pyarrow.compute as pc

    counts: Counter = Counter()
    info: dict[str, tuple] = {}
    for batch in pf.iter_batches(batch_size=BATCH, columns=RULE_COLUMNS):
        t = pa.Table.from_batches([batch])
        for row in _count_by(t, ["rule"]):
            counts[row["rule"]] += row["count_all"]
        new = [r for r in pc.unique(t.column("rule")).to_pylist() if r not in info]
        for rule in new:
            i = pc.index(t.column("rule"), rule).as_py()
            info[rule] = (t.column("name")[i].as_py(), t.column("category")[i].as_py(),
                          t.column("style")[i].as_py(), t.column("message")[i].as_py())
    return counts, info


def _examples(pf, wanted: set[str]) -> dict[str, list[Example]]:
    """The first EXAMPLES_PER_RULE findings of each wanted rule, in file order; stops reading
    once every rule has them."""
    import pyarrow as pa
    import pyarrow.compute as pc

    picked: dict[str, list[Example]] = defaultdict(list)
    for batch in pf.iter_batches(batch_size=BATCH, columns=EXAMPLE_COLUMNS):
        t = pa.Table.from_batches([batch])
        t = t.filter(pc.is_in(t.column("rule"), value_set=pa.array(sorted(wanted))))
        for row in t.to_pylist():
            if len(picked[row["rule"]]) < EXAMPLES_PER_RULE:
                picked[row["rule"]].append(_example(row))
        if all(len(picked[r]) >= EXAMPLES_PER_RULE for r in wanted):
            break
    return picked


def _example(row: dict) -> Example:
    sug = row["suggestions"][0]["replacement"] if row["suggestions"] else None
    return Example(row["rule"], row["path"], row["author"], row["channel"], row["timestamp"], row["before"],
                   row["text"], row["after"], row["message"], sug)


__all__ = ["Summary", "Group", "summarize", "CLASSES", "STYLES"]
