"""Prose blocks → gate → parse → match → context checks → candidates. The heart of assertlint.

The engine never writes a rewrite: each candidate carries its suggestion templates filled in
from the parse, and assertlint.rewrite turns candidates into findings with repaired edits."""
from __future__ import annotations

import re
from time import perf_counter
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ..ruleset.model import Rule, SuggestionTemplate
from ..source import limits
from ..source.markup import prose_blocks
from ..source.prose import Prose
from ..source.respell import Respeller
from . import checks, parallel
from . import context as ctx
from .checks._match import MatchContext
from .merge import select_groups
from .triggers import COMMON, gate_for, rule_words

# The lexicons of adjectives the rules judge a person or their work by: a swear word said before one
# of them is an intensifier, and the respeller leaves it out of the parse (source/respell.py)
JUDGED_ADJECTIVES = ("person_insult_adjectives", "insult_adjectives", "reader_only_adjectives", "behaviour_adjectives",
                     "conduct_only_adjectives", "ambiguous_adjectives", "quality_contempt")

MAX_UNIT_CHARS = 1000  # one parse at most this long: bounded memory on any input
_SENT_BREAK = re.compile(r"[.!?][\"'\u201d\u2019)]*\s+")
_TEMPLATE_REF = re.compile(r"\{([A-Za-z0-9_]+(?:\.(?:lemma|lower))?)\}")  # {node}, {node.lemma}


@dataclass
class Candidate:
    """A match that passed its context checks, before merging and before any rewrite: source
    offsets, its sentence, its rule, and each suggestion template filled in from the parse."""

    rule: Rule
    start: int
    end: int
    sent_start: int
    sent_end: int
    options: list[tuple[SuggestionTemplate, str]] = field(default_factory=list)  # (template, filled-in text)
    rough: tuple[tuple[int, int], ...] = ()  # ranges of the sentence that are markup or code, not prose
    tokens: tuple = ()  # the sentence's tokens: (start, end, pos, tag, dep, head index, text), source offsets
    message: str | None = None  # the matching pattern's own message, when it has one


@dataclass(frozen=True)
class Input:
    path: str
    text: str
    kind: str = "text"  # text | markdown | rst
    include_blockquotes: bool = False


# A sentence ends at . ! ? (and closing quotes or brackets), before a space and a capital letter,
# a digit or an opening quote, but not after a common abbreviation.
# (The mark is matched first, so that the regex engine scans for it; the look-behinds then test
# the text up to and including it, as before: only m.end() is used.)
_SENTENCE_END = re.compile(
    r"[.!?](?<![A-Z][a-z]\.)(?<!\b[A-Za-z]\.)(?<!\be\.g\.)(?<!\bi\.e\.)(?<!\betc\.)(?<!\bvs\.)"
    r"[\"'\u201d\u2019)\]]*[ \t]+(?=[\"'\u201c\u2018(\[]?[A-Z0-9])"
)


def _units(prose: Prose) -> Iterable[tuple[int, int]]:
    """Parse units: the block's sentences, found without the parser (a cheap regex), so that
    the gate can skip every sentence with no trigger word. The units never depend on the gate,
    so gating can only skip work, never change what a parse sees."""
    text = prose.text
    pos = 0
    for m in _SENTENCE_END.finditer(text):
        yield from _bounded(text, _after_handles(text, pos), m.end())
        pos = m.end()
    if pos < len(text):
        yield from _bounded(text, _after_handles(text, pos), len(text))


# The @handles a message opens with ("@sam Go away.", "@ana @li: whatever you say") name who it is
# for; the sentence starts after them, where its first word is the sentence's first word (rules
# read orders and stock replies at the start of a sentence). A handle that is the subject ("@sam
# is right") or that a word is said of ("@sam clueless as ever") stays in the sentence. (Bounded:
# at most eight handles of GitHub's length, so every attempt costs a bounded step.)
_LEAD_HANDLES = re.compile(
    r"(?:@[A-Za-z0-9][\w.\-]{0,38}+[,:]?[ \t]{1,4}+){1,8}+"
    r"(?=[A-Z]|(?:you|u|ur|your|yours|y'all|i|i'm|im|we|please|pls|thanks|thank|thx|stop|just|why|what|how|so|"
    r"lol|lmao|lmfao|rofl|haha|hahaha|xd|ok|okay|no|yes|not|don't|dont|sure|fine|whatever|again|like|must|either|keep|go|get)\b)")


def _after_handles(text: str, pos: int) -> int:
    at = pos + 1 if text.startswith(" @", pos) else pos
    if text.startswith("@", at):
        m = _LEAD_HANDLES.match(text, at)
        if m:
            return m.end()
    return pos


def _bounded(text: str, pos: int, n: int) -> Iterable[tuple[int, int]]:
    """Split a run longer than MAX_UNIT_CHARS (a 5 MB file with no full stops, say)."""
    while n - pos > MAX_UNIT_CHARS:
        cut = None
        for m in _SENT_BREAK.finditer(text, pos, pos + MAX_UNIT_CHARS):
            cut = m.end()
        if cut is None or cut <= pos:
            space = text.rfind(" ", pos, pos + MAX_UNIT_CHARS)
            cut = space + 1 if space > pos else pos + MAX_UNIT_CHARS
        yield pos, cut
        pos = cut
    if pos < n:
        yield pos, n


# What may close a sentence: a block that stops without one ("stop it, you pig", "ur such a clown")
# is parsed with a full stop after it, as the tagger was trained to read a sentence; the stop
# stands for nothing in the source (Engine._candidate keeps every offset inside the block). A
# block that starts like a question ("does that make sense", "who asked u") is left open: the
# stop would make it a statement (context.is_question reads an open one as chat's question).
_CLOSED = frozenset(".!?\u2026")
_CLOSERS = frozenset("\"')]\u201d\u2019")
_FIRST_WORD = re.compile(r"[^A-Za-z]{0,3}([A-Za-z]+)")
_ASKING = ctx.QUESTION_OPENERS | frozenset(
    "isnt arent wasnt werent dont doesnt didnt cant couldnt wont wouldnt shouldnt hasnt havent hadnt "
    "isn aren wasn weren don doesn didn ca couldn wo wouldn shouldn hasn haven hadn r".split())


def _closed(text: str, a: int, b: int) -> str:
    """The unit text[a:b], with a full stop after it when it ends its block without one."""
    unit = text[a:b]
    if b != len(text) or not unit or unit[-1].isspace():
        return unit
    k = len(unit)
    while k and unit[k - 1] in _CLOSERS:
        k -= 1
    if not k or unit[k - 1] in _CLOSED:
        return unit
    if _asks(unit[:k]):
        return unit
    return unit + "."


_WORD = re.compile(r"[A-Za-z]+")


def _asks(unit: str) -> bool:
    """Might the unit be a question typed without its "?": its first word, the first word after
    chat openers ("honestly how do you ..."), or the first word after its last comma ("no reply,
    what kind of support is that") opens a question. context.is_question decides on the parse."""
    first = _FIRST_WORD.match(unit)
    if first is None:
        return True
    words = [w.lower() for w in _WORD.findall(unit)]
    k = 0
    while k < len(words) - 1 and words[k] in ctx.OPENERS:
        k += 1
    if words[0] in _ASKING or words[k] in _ASKING:
        return True
    last = _WORD.search(unit, unit.rfind(",") + 1) if "," in unit else None
    return last is not None and last.group(0).lower() in _ASKING


def _as_parsed(text: str, spans: list[tuple[int, int]]) -> tuple[str, list[tuple[int, int]]]:
    """The block and its units as the parser reads them: with the full stop _closed puts after a
    last unit that has none (the gate must see the mark a rule may read there: "Triggered much")."""
    if spans and spans[-1][1] == len(text) and _closed(text, *spans[-1]) != text[spans[-1][0]:]:
        return text + ".", spans[:-1] + [(spans[-1][0], len(text) + 1)]
    return text, spans


BATCH_UNITS = 64  # sentences parsed together
BATCH_CHARS = 16_000  # ... unless they are long: the parser's memory grows with a batch's tokens


def _batches(work: list) -> Iterable[list]:
    """Consecutive slices of `work` of at most BATCH_UNITS units and about BATCH_CHARS characters."""
    batch: list = []
    size = 0
    for w in work:
        if batch and (len(batch) >= BATCH_UNITS or size + len(w[0]) > BATCH_CHARS):
            yield batch
            batch, size = [], 0
        batch.append(w)
        size += len(w[0])
    if batch:
        yield batch


class Engine:
    """Rules → candidates. Made with its rules (severities applied) and never changed afterwards;
    only its lazily built matchers and its counters change."""

    def __init__(
        self, rules: Sequence[Rule], *, model: str | None = None, lexicons: dict | None = None,
        gate: bool = True, jobs: int = 1,
    ) -> None:
        self.rules = tuple(rules)
        self.model = model
        self.lexicons = dict(lexicons or {})
        self.gate = gate_for(self.rules) if gate else None
        self.jobs = jobs  # 0: automatic
        vocabulary = {w for words in self.lexicons.values() for w in words if len(w) >= 4 and w.isalpha()}
        judged = ({w for name in JUDGED_ADJECTIVES for w in self.lexicons.get(name, ())}
                  - set(self.lexicons.get("slang_praise_adjectives", ())))  # "your bike is fucking sick!"
        self.respell = Respeller(vocabulary, self.lexicons.get("masked_words", ()), COMMON, rule_words(self.rules),
                                 self.lexicons.get("swear_intensifiers", ()), judged)
        self._compiled = None
        self.parsed_units = 0
        self._quote_cache: tuple = (None, [])
        self._tokens_cache: tuple = (None, {})  # (doc, {sentence start: its tokens}): shared by its candidates
        self.notes: list[list[str]] = []  # per input of the last candidates() call: what was left out
        self._active_checks: dict[int, tuple] = {}
        self.timings: Counter = Counter()  # seconds per stage (one process), for the benchmark harness

    # -- lazy heavy parts ---------------------------------------------------------------------
    @property
    def nlp(self):
        from ..nlp.loader import load_pipeline

        return load_pipeline(self.model)

    @property
    def compiled(self):
        if self._compiled is None:
            from .compile import CompiledRules

            self._compiled = CompiledRules(self.rules, self.nlp)
        return self._compiled

    # -- checking -------------------------------------------------------------------------------
    def candidates(self, inputs: Sequence[Input]) -> list:
        """For each input, in input order: its candidates, merged into groups (engine.merge)
        that each become one finding, sorted by position; or a parallel.WorkerFailure when the
        worker process checking it died. `self.notes[i]`: what was left out of input i
        (source/limits.py), for this call."""
        self.notes = [[] for _ in inputs]
        cands: list = [[] for _ in inputs]
        if self.rules and inputs:
            jobs = parallel.choose_jobs(self.jobs, sum(len(item.text) for item in inputs))
            found = self._candidates_forked(inputs, jobs) if jobs > 1 else self._candidates_of(
                self._blocks(enumerate(inputs)), inputs)
            for i, cand in found:
                if isinstance(cand, parallel.WorkerFailure):
                    cands[i] = cand
                elif not isinstance(cands[i], parallel.WorkerFailure):
                    cands[i].append(cand)
        t0 = perf_counter()
        out = [cs if isinstance(cs, parallel.WorkerFailure) else select_groups(cs) if cs else [] for cs in cands]
        self.timings["merge"] += perf_counter() - t0
        return out

    def _blocks(self, items: Iterable[tuple[int, Input]]) -> Iterable[tuple[int, Prose]]:
        """(input index, prose block) for each block of each input: the markup stripped, within
        the bounds of source/limits.py (what they leave out goes to self.notes)."""
        for i, item in items:
            text, note = limits.readable_part(item.text)
            blocks = prose_blocks(text, item.kind, include_blockquotes=item.include_blockquotes)
            self.notes[i].extend(n for n in [note, *getattr(blocks, "notes", ())] if n)
            for prose in blocks:
                yield i, prose

    def _units(self, blocks: Iterable[tuple[int, Prose]], inputs: Sequence[Input]) -> list[tuple[str, tuple]]:
        """(sentence, (input index, prose, offset, rule indices)) for each unit the gate lets through."""
        work: list[tuple[str, tuple]] = []
        t0 = perf_counter()
        gate = self.gate
        budget: dict[int, int] = {}  # characters each input may still send to the parser
        for i, prose in blocks:
            left = budget.setdefault(i, limits.MAX_PARSE_CHARS)
            if left < 0:
                continue  # this input is past its budget: its note is written
            prose = limits.mask_long_words(self.respell(prose))
            spans = list(_units(prose))
            text = prose.text
            if gate is None:
                chosen = [None] * len(spans)
            elif len(text) <= MAX_UNIT_CHARS:  # units cut at whitespace: the block's words serve them all
                chosen = gate.select_spans(*_as_parsed(text, spans))
            else:
                chosen = [gate.select(_closed(text, a, b)) for a, b in spans]
            for (a, b), only in zip(spans, chosen):
                if only is None or only:
                    left -= b - a
                    if left < 0:
                        self._note_budget(i, inputs[i].text, prose, a, sum(1 for w in work if w[1][0] == i))
                        break
                    work.append((_closed(text, a, b), (i, prose, a, only)))
            budget[i] = left
        self.timings["read+gate"] += perf_counter() - t0
        return work

    def _note_budget(self, i: int, source: str, prose: Prose, at: int, done: int) -> None:
        line = source.count("\n", 0, prose.source_start(at)) + 1
        self.notes[i].append(f"too long to check fully: checked the first {done:,} sentences "
                             f"that could hold a finding, up to line {line}")

    def _candidates_of(self, blocks: Iterable[tuple[int, Prose]], inputs: Sequence[Input]) -> list[tuple[int, Candidate]]:
        """Markup-stripped blocks → respell → gate → parse → match: (input index, candidate)."""
        work = self._units(blocks, inputs)
        if not work:
            return []
        self.parsed_units += len(work)
        return self._parse_slice(work, inputs)

    # -- on several cores ---------------------------------------------------------------------------
    def _candidates_forked(self, inputs: Sequence[Input], jobs: int) -> list[tuple[int, object]]:
        """The same candidates, from `jobs` processes (engine/parallel.py). When the model is not
        loaded yet, a worker strips the markup and gates every input while this process loads it,
        then the parse is shared out; otherwise each worker takes its inputs (or blocks) from
        markup to candidates."""
        from ..nlp.loader import is_loaded

        if not is_loaded(self.model):
            work = self._gate_beside_model_load(inputs)
            if work is not None:
                return self._parse_shared(work, inputs, jobs)
        self.nlp  # load the model once, before forking: the workers share it
        sizes = [len(item.text) for item in inputs]
        if parallel.balanced(sizes, jobs):  # whole inputs: each worker strips its own markup too
            shares = [list(range(a, b)) for a, b in parallel.split_sizes(sizes, jobs)]

            def blocks_of(share):
                return self._blocks((i, inputs[i]) for i in share)
        else:  # a few large inputs: strip the markup here, share out the blocks
            t0 = perf_counter()
            blocks = list(self._blocks(enumerate(inputs)))
            self.timings["read+gate"] += perf_counter() - t0
            if any(len(item.text) > limits.MAX_PARSE_CHARS for item in inputs):
                # a file that may reach its parse budget is gated here, in order, as on one core
                return self._parse_shared(self._units(blocks, inputs), inputs, jobs)
            runs = parallel.split_sizes([len(p.text) for _, p in blocks], jobs)
            shares = [blocks[a:b] for a, b in runs]

            def blocks_of(share):
                return share

        def inputs_in(share) -> list[int]:
            return share if isinstance(share[0], int) else sorted({i for i, _ in share})

        def work(share):
            before = (self.parsed_units, Counter(self.timings))
            found = _pack(self._candidates_of(blocks_of(share), inputs))
            notes = [[i, self.notes[i]] for i in inputs_in(share) if self.notes[i]]
            return found, self.parsed_units - before[0], self.timings - before[1], notes

        inputs_of = [inputs_in(share) for share in shares]
        return self._gather(parallel.run_shares(shares, work, len(shares)), inputs_of)

    def _gate_beside_model_load(self, inputs: Sequence[Input]):
        """Every input's gated units, from a worker that strips, respells and gates while this
        process loads the model; None when that worker died (then the caller does it all)."""
        def gate():
            before = Counter(self.timings)
            return _units_to_data(self._units(self._blocks(enumerate(inputs)), inputs)), self.timings - before, self.notes

        result = parallel.run_beside(gate, lambda: self.nlp)
        if isinstance(result, parallel.WorkerFailure):
            return None
        work, timings, self.notes = result
        self.timings.update(timings)
        return _units_from_data(work)

    def _parse_shared(self, work, inputs: Sequence[Input], jobs: int) -> list[tuple[int, object]]:
        """Parse and match gated units in `jobs` processes (contiguous shares of similar size)."""
        if not work:
            return []
        self.parsed_units += len(work)
        shares = [work[a:b] for a, b in parallel.split_sizes([len(w[0]) for w in work], jobs)]

        def parse(share):
            before = Counter(self.timings)
            return _pack(self._parse_slice(share, inputs)), 0, self.timings - before, []

        inputs_of = [sorted({w[1][0] for w in share}) for share in shares]
        return self._gather(parallel.run_shares(shares, parse, len(shares)), inputs_of)

    def _gather(self, results, inputs_of) -> list[tuple[int, object]]:
        """Candidates of every share in share order; a dead worker's inputs get its failure."""
        out: list[tuple[int, object]] = []
        for k, result in enumerate(results):
            if isinstance(result, parallel.WorkerFailure):
                out.extend((i, result) for i in inputs_of[k])
                continue
            found, parsed, timings, notes = result
            if k:  # the first share ran here: its counts and notes are already in
                self.parsed_units += parsed
                self.timings.update(timings)
                for i, ns in notes:
                    self.notes[i].extend(ns)
            out.extend(_unpack(found, self.rules))
        return out

    # -- parsing ------------------------------------------------------------------------------------
    def _parse_slice(self, work, inputs) -> list[tuple[int, Candidate]]:
        compiled = self.compiled
        found = []
        t_all = perf_counter()
        t_match = 0.0
        for batch in _batches(work):
            for doc, (i, prose, base, only) in self.nlp.pipe(batch, as_tuples=True, batch_size=len(batch)):
                t = perf_counter()
                for cand in self._match(doc, compiled, prose, base, inputs[i].text, only):
                    found.append((i, cand))
                t_match += perf_counter() - t
        self.timings["match+context"] += t_match
        self.timings["parse"] += perf_counter() - t_all - t_match
        return found

    def _quotes(self, prose: Prose) -> list[tuple[int, int]]:
        """Quotation marks are paired over the whole block: a quote may span sentences."""
        if self._quote_cache[0] is not prose:
            self._quote_cache = (prose, ctx.quote_regions(prose.text))
        return self._quote_cache[1]

    def _match(self, doc, compiled, prose: Prose, base: int, source: str, only=None) -> list[Candidate]:
        raw = compiled(doc, only)
        if not raw:
            return []
        by_rule: dict[int, list] = defaultdict(list)
        exceptions: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for m in raw:
            if m.exception:
                exceptions[m.rule].append((m.start, m.end))
            else:
                by_rule[m.rule].append(m)
        quotes = self._quotes(prose)
        out = []
        for ri, matches in by_rule.items():
            rule = compiled.rules[ri]
            checks = self._checks(ri, rule)
            for m in _longest(matches):
                if any(s < m.end and m.start < e for s, e in exceptions.get(ri, ())):
                    continue
                mc = MatchContext(doc, m.start, m.end, quotes=quotes, base=base, lexicons=self.lexicons,
                                  refs=m.refs, context=rule.context, block=prose.text, prose=prose, source=source)
                if all(check.keep(mc, value) for check, value in checks):
                    out.append(self._candidate(rule, doc, m, mc.sent, prose, base, source))
        return out

    def _checks(self, ri: int, rule: Rule) -> tuple:
        """The context checks rule `ri` asks for (engine/checks), resolved once."""
        found = self._active_checks.get(ri)
        if found is None:
            found = self._active_checks[ri] = checks.active(rule.context)
        return found

    def _candidate(self, rule: Rule, doc, m, sent, prose: Prose, base: int, source: str) -> Candidate:
        last_char = len(prose.text) - base  # past it only the full stop _closed added

        def src(pstart: int, pend: int) -> tuple[int, int]:
            pstart, pend = min(pstart, last_char), min(pend, last_char)
            return prose.source_start(base + pstart), prose.source_end(base + pend)

        first, last = doc[m.start], doc[m.end - 1]
        start, end = src(first.idx, last.idx + len(last))
        sent_start, sent_end = src(sent.start_char, sent.end_char)
        # a sentence ends at its last word or mark, not in trailing spaces
        while sent_end > sent_start and source[sent_end - 1].isspace():
            sent_end -= 1
        cand = Candidate(rule, start, end, sent_start, sent_end, message=m.message)

        def ref_text(name: str) -> str:
            name, _, attr = name.partition(".")
            if name == "match":
                return source[start:end]
            tok = doc[m.refs[name]] if name in m.refs else None
            if tok is None:
                return ""
            if attr == "lemma":  # "took" -> "take": for rewrites that change the frame
                return tok.lemma_
            if attr == "lower":
                return tok.lower_
            a, b = src(tok.idx, tok.idx + len(tok))
            return source[a:b]

        def in_span(target: str | None, repl: str) -> str | None:
            """A `target` suggestion rewrites one token ("hedge") or a run of tokens ("subj..verb");
            the rest of the span stays as written. None: this match has no such token."""
            if target is None:
                return repl
            first_name, _, last_name = target.partition("..")
            last_name = last_name or first_name
            if first_name not in m.refs or last_name not in m.refs:
                return None
            t0, t1 = sorted((doc[m.refs[first_name]], doc[m.refs[last_name]]), key=lambda t: t.i)
            a, b = src(t0.idx, t1.idx + len(t1))
            return source[start:a] + repl + source[b:end]

        for tpl in rule.suggestions:
            repl = _TEMPLATE_REF.sub(lambda mm: ref_text(mm.group(1)), tpl.replacement)
            repl = re.sub(r"  +", " ", repl)
            repl = in_span(tpl.target, repl)
            if repl is None:
                continue  # the suggestion targets a node this match (another pattern) lacks
            if "  " in repl and "  " not in source[start:end]:
                repl = re.sub(r"(?<=\S) {2,}(?=\S)", " ", repl)  # the gap a removed word left
            cand.options.append((tpl, repl))
        cand.rough = prose.rough_ranges(source, sent_start, sent_end)
        if self._tokens_cache[0] is not doc:
            self._tokens_cache = (doc, {})
        shared = self._tokens_cache[1]
        if sent.start not in shared:  # one tuple per sentence, however many candidates it holds
            shared[sent.start] = tuple((*src(t.idx, t.idx + len(t)), t.pos_, t.tag_, t.dep_, t.head.i - sent.start,
                                        t.text) for t in sent if t.idx < last_char)
        cand.tokens = shared[sent.start]
        return cand


# -- between processes, as plain data (engine/parallel.py) ------------------------------------------
def _pack(cands: list[tuple[int, Candidate]]) -> list:
    """(input index, candidate) pairs as JSON-ready lists; a suggestion template by its index."""
    return [[i, c.rule.id, c.start, c.end, c.sent_start, c.sent_end,
             [[c.rule.suggestions.index(tpl), text] for tpl, text in c.options],
             c.rough, c.tokens, c.message] for i, c in cands]


def _unpack(packed: list, rules: Sequence[Rule]) -> list[tuple[int, Candidate]]:
    by_id = {r.id: r for r in rules}
    out = []
    for i, rid, start, end, sent_start, sent_end, options, rough, tokens, message in packed:
        rule = by_id[rid]
        out.append((i, Candidate(rule, start, end, sent_start, sent_end,
                                 options=[(rule.suggestions[k], text) for k, text in options],
                                 rough=tuple(tuple(r) for r in rough), tokens=tuple(tuple(t) for t in tokens),
                                 message=message)))
    return out


def _units_to_data(work: list) -> list:
    """Gated units as plain data: each block once (its units share it), `only` as a sorted list."""
    ids: dict[int, int] = {}
    proses, units = [], []
    for text, (i, prose, at, only) in work:
        k = ids.get(id(prose))
        if k is None:
            k = ids[id(prose)] = len(proses)
            proses.append(prose.to_data())
        units.append([text, i, k, at, None if only is None else sorted(only)])
    return [proses, units]


def _units_from_data(data: list) -> list:
    proses = [Prose.from_data(d) for d in data[0]]
    return [(text, (i, proses[k], at, None if only is None else set(only))) for text, i, k, at, only in data[1]]


def _longest(matches: list) -> list:
    """Per rule, drop matches inside a longer match (keep the longest, then the earliest)."""
    ordered = sorted(matches, key=lambda m: (-(m.end - m.start), m.start))
    kept: list = []
    for m in ordered:
        if not any(k.start <= m.start and m.end <= k.end for k in kept):
            kept.append(m)
    return sorted(kept, key=lambda m: m.start)
