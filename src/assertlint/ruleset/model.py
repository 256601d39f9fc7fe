"""The in-memory form of a rule file."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

SLOT = re.compile(r"<[a-z][a-z0-9 _'-]*>", re.IGNORECASE)


@dataclass(frozen=True)
class Pattern:
    """One way a rule matches: exactly one of phrases, tokens or dependency."""

    kind: str  # "phrases" | "tokens" | "dependency"
    value: tuple  # phrases: tuple[str]; tokens: tuple[dict]; dependency: tuple[dict]


@dataclass(frozen=True)
class SuggestionTemplate:
    replacement: str
    description: str
    applicability: str
    mood: str | None = None  # "question" | "statement": swap the sentence's end mark
    target: str | None = None  # "node" or "first..last": replace only those tokens; the rest of the span stays


@dataclass(frozen=True)
class Example:
    flag: tuple[str, ...]
    clean: tuple[str, ...]


@dataclass(frozen=True)
class Context:
    quoted: str = "skip"  # skip | allow
    negated: str = "allow"  # skip | allow | require
    subject: tuple[str, ...] = ()  # any of first, second, third, none; empty = any
    question: str = "allow"  # skip | allow | require
    praise: str = "allow"  # skip | allow
    position: str = "any"  # any | sentence-start | whole-sentence
    sentence_has: tuple[str, ...] = ()  # the sentence, outside the match, has one of these words (lower or lemma)
    target: tuple[str, ...] = ()  # what the evaluative word is aimed at (engine/target.py); empty = anything
    focus: str | None = None  # the match's token whose target counts: a node name or token index; None = the span root


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    category: str
    style: str
    severity: str
    message: str
    why: str
    use_instead: str
    patterns: tuple[Pattern, ...]
    exceptions: tuple[Pattern, ...]
    context: Context
    suggestions: tuple[SuggestionTemplate, ...]
    examples: Example
    suppresses: tuple[str, ...] = ()
    source: str = ""
    tags: tuple[str, ...] = field(default_factory=tuple)

    @property
    def fix(self) -> str:
        """The best applicability among the suggestions (for --list-rules)."""
        kinds = {s.applicability for s in self.suggestions}
        for k in ("safe", "unsafe", "display-only"):
            if k in kinds:
                return k
        return "none"
