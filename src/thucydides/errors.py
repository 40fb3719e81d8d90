"""The package's exceptions: one base class and a few subclasses, each carrying the input that caused it."""

from __future__ import annotations


class ThucydidesError(Exception):
    """Base of every error Thucydides raises on purpose.

    ``input`` names what failed (a path, an article id, a knowledge-base file) and
    ``reason`` says why, in words a user can act on.
    """

    def __init__(self, reason: str, *, input: str | None = None, hint: str | None = None) -> None:
        self.reason = reason
        self.input = input
        self.hint = hint
        super().__init__(self.message)

    @property
    def message(self) -> str:
        prefix = f"{self.input}: " if self.input else ""
        suffix = f" ({self.hint})" if self.hint else ""
        return f"{prefix}{self.reason}{suffix}"

    def to_dict(self) -> dict[str, str | None]:
        """The one JSON shape of an error, shared by every front end."""
        return {"type": type(self).__name__, "input": self.input, "reason": self.reason, "hint": self.hint}


class InputError(ThucydidesError):
    """An input cannot be read as an article: missing, empty, binary, not UTF-8, too large, malformed JSONL."""


class LanguageError(InputError):
    """The article is not in a language Thucydides can process."""


class KnowledgeBaseError(ThucydidesError):
    """A knowledge-base YAML file is missing, malformed or inconsistent."""


class ModelError(ThucydidesError):
    """The spaCy model is not installed or cannot be loaded."""


class ConfigError(ThucydidesError):
    """A setting has an invalid value."""


class StageError(ThucydidesError):
    """A pipeline stage failed on one article; the batch goes on."""
