"""The exception hierarchy. Each user-facing error renders as one line."""
from __future__ import annotations


class AssertlintError(Exception):
    """Base class for every error assertlint reports to a user."""


class InputError(AssertlintError):
    """A file or stream could not be read as text."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class RuleError(AssertlintError):
    """A rule file is malformed."""

    def __init__(self, path: str, problem: str, rule: str | None = None) -> None:
        where = f"{path}: rule {rule}" if rule else path
        super().__init__(f"{where}: {problem}")
        self.path = path
        self.rule = rule
        self.problem = problem


class ConfigError(AssertlintError):
    """A configuration file or option is malformed."""


class ModelError(AssertlintError):
    """No spaCy pipeline could be loaded."""


class UnknownRuleError(AssertlintError):
    """A rule id, prefix, category or style named by the user matches nothing."""
