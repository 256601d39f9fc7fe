"""Prose blocks → gate → parse → match → context → findings. The heart of assertlint."""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ..findings import Finding, Suggestion
from ..rewrite.repair import sentence_edit
from ..ruleset.model import Rule
from ..source.document import LineIndex
from ..source.markup import prose_blocks
from ..source.prose import Prose
from . import context as ctx
from .merge import finalize
from .triggers import Gate

MAX_UNIT_CHARS = 8000  # one parse at most this long: bounded memory on any input
_SENT_BREAK = re.compile(r"[.!?][\"'\u201d\u2019)]*\s+")
_TEMPLATE_REF = re.compile(r"\{([A-Za-z0-9_]+)\}")


@dataclass
class Candidate:
    """A finding before merging: source offsets, its sentence, and its rule."""

    rule: Rule
    start: int
    end: int
    sent_start: int
    sent_end: int
    suggestions: list[Suggestion] = field(default_factory=list)
    parts: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, safe replacement)


@dataclass(frozen=True)
class Input:
    path: str
    text: str
    kind: str = "text"  # text | markdown | rst
    include_blockquotes: bool = False


def _units(prose: Prose) -> Iterable[tuple[int, int]]:
    text = prose.text
    n = len(text)
    pos = 0
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


class Linter:
    def __init__(
        self, rules: list[Rule], *, model: str | None = None, lexicons: dict | None = None, gate: bool = True
    ) -> None:
        self.rules = rules
        self.model = model
        self.lexicons = lexicons or {}
        self.gate = Gate(rules) if gate else None
        self._compiled = None
        self.parsed_units = 0

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
    def check(self, inputs: Sequence[Input]) -> list[list[Finding]]:
        """Findings for each input, in input order, each list sorted by position."""
        cands: list[list[Candidate]] = [[] for _ in inputs]
        work: list[tuple[str, tuple[int, Prose, int]]] = []
        for i, item in enumerate(inputs):
            for prose in prose_blocks(item.text, item.kind, include_blockquotes=item.include_blockquotes):
                for a, b in _units(prose):
                    piece = prose.text[a:b]
                    if self.gate is None or self.gate.admits(piece):
                        work.append((piece, (i, prose, a)))
        if work and self.rules:
            self.parsed_units += len(work)
            compiled = self.compiled
            for doc, (i, prose, base) in self.nlp.pipe(work, as_tuples=True, batch_size=64):
                cands[i].extend(self._match(doc, compiled, prose, base, inputs[i].text))
        out = []
        for item, cs in zip(inputs, cands):
            out.append(finalize(cs, item.path, item.text, LineIndex(item.text)) if cs else [])
        return out

    def _match(self, doc, compiled, prose: Prose, base: int, source: str) -> list[Candidate]:
        raw = compiled(doc)
        if not raw:
            return []
        by_rule: dict[int, list] = defaultdict(list)
        exceptions: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for m in raw:
            if m.exception:
                exceptions[m.rule].append((m.start, m.end))
            else:
                by_rule[m.rule].append(m)
        quotes = None
        out = []
        for ri, matches in by_rule.items():
            rule = compiled.rules[ri]
            c = rule.context
            for m in _longest(matches):
                if any(s < m.end and m.start < e for s, e in exceptions.get(ri, ())):
                    continue
                root = ctx.span_root(doc, m.start, m.end)
                verb = ctx.governing_verb(root)
                sent = doc[m.start].sent
                if c.quoted == "skip":
                    if quotes is None:
                        quotes = ctx.quote_regions(doc.text)
                    if ctx.in_regions(quotes, doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1])):
                        continue
                    if ctx.reported(doc, root):
                        continue
                if c.negated != "allow":
                    neg = ctx.negated(verb, m.start, m.end)
                    if (c.negated == "skip") == neg:
                        continue
                if c.subject and ctx.subject_person(verb) not in c.subject:
                    continue
                if c.praise == "skip" and ctx.praised(verb, m.start, m.end, self.lexicons):
                    continue
                if c.question != "allow":
                    q = ctx.is_question(sent)
                    if (c.question == "skip") == q:
                        continue
                if c.position == "sentence-start" and not ctx.at_sentence_start(sent, m.start):
                    continue
                if c.position == "whole-sentence" and not ctx.whole_sentence(sent, m.start, m.end):
                    continue
                out.append(self._candidate(rule, doc, m, sent, prose, base, source))
        return out

    def _candidate(self, rule: Rule, doc, m, sent, prose: Prose, base: int, source: str) -> Candidate:
        def src(pstart: int, pend: int) -> tuple[int, int]:
            return prose.source_start(base + pstart), prose.source_end(base + pend)

        first, last = doc[m.start], doc[m.end - 1]
        start, end = src(first.idx, last.idx + len(last))
        sent_start, sent_end = src(sent.start_char, sent.end_char)
        # a sentence ends at its last word or mark, not in trailing spaces
        while sent_end > sent_start and source[sent_end - 1].isspace():
            sent_end -= 1
        cand = Candidate(rule, start, end, sent_start, sent_end)

        def ref_text(name: str) -> str:
            if name == "match":
                return source[start:end]
            tok = doc[m.refs[name]] if name in m.refs else None
            if tok is None:
                return ""
            a, b = src(tok.idx, tok.idx + len(tok))
            return source[a:b]

        for tpl in rule.suggestions:
            repl = _TEMPLATE_REF.sub(lambda mm: ref_text(mm.group(1)), tpl.replacement)
            repl = re.sub(r"  +", " ", repl)
            edit = None
            app = tpl.applicability
            if app != "display-only":
                edit = sentence_edit(source, sent_start, sent_end, start, end, repl, tpl.mood)
                if edit is None:
                    app = "display-only"  # it would leave the sentence empty: show, never apply
            cand.suggestions.append(Suggestion(repl, tpl.description, app, edit))
            if app == "safe" and not cand.parts:
                cand.parts.append((start, end, repl))
        return cand


def _longest(matches: list) -> list:
    """Per rule, drop matches inside a longer match (keep the longest, then the earliest)."""
    ordered = sorted(matches, key=lambda m: (-(m.end - m.start), m.start))
    kept: list = []
    for m in ordered:
        if not any(k.start <= m.start and m.end <= k.end for k in kept):
            kept.append(m)
    return sorted(kept, key=lambda m: m.start)
