"""Write outcomes (Reports and Failures) to stdout as JSON, JSON Lines or rich tables, and errors to stderr."""

from __future__ import annotations

import enum
import json
import sys
from typing import Any, TextIO

from rich.console import Console
from rich.text import Text

from thucydides.cli.render import render_report
from thucydides.errors import ThucydidesError
from thucydides.pipeline import Failure
from thucydides.records import Report


class OutputFormat(str, enum.Enum):
    """How ``extract`` prints its results."""

    json = "json"
    jsonl = "jsonl"
    table = "table"


def outcome_dict(outcome: Report | Failure) -> dict[str, Any]:
    """The JSON shape of one outcome: a Report, or ``{"article": {...}, "error": {...}}``."""
    return outcome.model_dump(mode="json")


def failure_message(failure: Failure) -> str:
    """One line naming the failed input and the reason, e.g. ``notes.txt: is empty (give a file ...)``."""
    error = failure.error
    name = error.get("input") or failure.article.get("source") or failure.article.get("id") or "input"
    hint = f" ({error['hint']})" if error.get("hint") else ""
    return f"{'stdin' if name == '-' else name}: {error.get('reason')}{hint}"


def print_error(console: Console, message: str | ThucydidesError) -> None:
    """An error line on stderr; never wrapped, so each message stays on one greppable line."""
    text = message.message if isinstance(message, ThucydidesError) else message
    console.print(Text.assemble(("error", "bold red"), ": ", text), soft_wrap=True, highlight=False)


class OutcomeWriter:
    """Prints outcomes as they arrive, in one format.

    ``json`` prints a single object for one article and a list for several; to stream, the first
    outcome waits until the second arrives (or the batch ends) to know which.
    """

    def __init__(self, output_format: OutputFormat, console: Console, stream: TextIO | None = None) -> None:
        self.format = output_format
        self._stream = stream
        self.console = console
        self.written = 0
        self._held: str | None = None

    def write(self, outcome: Report | Failure) -> None:
        if self.format is OutputFormat.table:
            if isinstance(outcome, Report):
                render_report(self.console, outcome)
        elif self.format is OutputFormat.jsonl:
            self.stream.write(json.dumps(outcome_dict(outcome), ensure_ascii=False) + "\n")
        else:
            self._write_json(json.dumps(outcome_dict(outcome), ensure_ascii=False, indent=2))
        self.written += 1

    def close(self) -> None:
        """Finish the output: close the JSON list, or print the single held object."""
        if self.format is OutputFormat.json:
            if self._held is not None:
                self.stream.write(self._held + "\n")
            elif self.written == 0:
                self.stream.write("[]\n")
            else:
                self.stream.write("\n]\n")
        self.stream.flush()

    @property
    def stream(self) -> TextIO:
        # Looked up on every write: a progress bar may redirect sys.stdout while it is shown.
        return self._stream or sys.stdout

    def _write_json(self, item: str) -> None:
        if self.written == 0:
            self._held = item
            return
        if self._held is not None:
            self.stream.write("[\n" + self._held)
            self._held = None
        self.stream.write(",\n" + item)
