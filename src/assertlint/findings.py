"""Findings and suggestions: small immutable records with character offsets."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class Edit:
    """Replace text[start:end] with `content` (offsets into the whole file's text)."""

    start: int
    end: int
    content: str


@dataclass(frozen=True)
class Suggestion:
    """A rewrite of the flagged span.

    `replacement` replaces text[finding.start:finding.end]. `edit` is the same change after the
    sentence repairs (capital letter, commas, spacing, end mark), as one edit of the file's text;
    it may reach a little past the span (to capitalise the next word, say).
    """

    replacement: str
    description: str
    applicability: str  # safe | unsafe | display-only
    edit: Edit | None = None

    @property
    def safe(self) -> bool:
        return self.applicability == "safe"

    def to_json(self) -> dict:
        out = {
            "replacement": self.replacement,
            "safe": self.safe,
            "description": self.description,
            "applicability": self.applicability,
        }
        if self.edit is not None:
            out["edit"] = asdict(self.edit)
        return out


@dataclass(frozen=True)
class Finding:
    path: str
    rule: str
    name: str
    category: str
    style: str
    severity: str
    message: str
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    text: str
    suggestions: tuple[Suggestion, ...] = field(default_factory=tuple)

    def to_json(self) -> dict:
        return {
            "path": self.path,
            "rule": self.rule,
            "name": self.name,
            "category": self.category,
            "style": self.style,
            "severity": self.severity,
            "message": self.message,
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "text": self.text,
            "suggestions": [s.to_json() for s in self.suggestions],
        }
