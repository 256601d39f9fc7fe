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
    message: str | None = None  # this pattern's own message (when it means something else than the rule's)


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
    """A rule's [context] table: the values it sets, by key (engine/checks has one module per
    key, with its default). Keys it does not set take the check's default."""

    items: tuple[tuple[str, object], ...] = ()

    def get(self, key: str, default=None):
        for k, v in self.items:
            if k == key:
                return v
        return default

    def __getattr__(self, key: str):  # rule.context.quoted: the set value, or the check's default
        if key.startswith("_") or key == "items":
            raise AttributeError(key)
        from ..engine.checks import registry

        mod = registry().get(key)
        if mod is None:
            raise AttributeError(key)
        return self.get(key, mod.DEFAULT)


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
    def messages(self) -> tuple[str, ...]:
        """The rule's message and its patterns' own messages."""
        return (self.message, *dict.fromkeys(p.message for p in self.patterns if p.message))

    @property
    def fix(self) -> str:
        """The best applicability among the suggestions (for --list-rules)."""
        kinds = {s.applicability for s in self.suggestions}
        for k in ("safe", "unsafe", "display-only"):
            if k in kinds:
                return k
        return "none"
