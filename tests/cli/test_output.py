"""Output formats: one JSON object or a JSON list, JSON Lines in input order, and one-line error messages."""

from __future__ import annotations

import io
import json

from rich.console import Console

from thucydides.cli.output import OutcomeWriter, OutputFormat, failure_message
from thucydides.errors import InputError
from thucydides.pipeline import Failure
from thucydides.records import Article, Report


def report(article_id: str) -> Report:
    return Report(article=Article(id=article_id, text="Chile and Peru held talks.", source=f"{article_id}.txt"))


def failure(name: str) -> Failure:
    error = InputError("is empty", input=name, hint="give a file that holds an article's text")
    return Failure(article={"id": None, "source": name, "title": None}, error=error.to_dict())


def written(output_format: OutputFormat, outcomes: list[Report | Failure]) -> str:
    stream = io.StringIO()
    writer = OutcomeWriter(output_format, Console(file=io.StringIO()), stream=stream)
    for outcome in outcomes:
        writer.write(outcome)
    writer.close()
    return stream.getvalue()


def test_json_prints_a_single_object_for_one_article() -> None:
    parsed = json.loads(written(OutputFormat.json, [report("a")]))

    assert isinstance(parsed, dict)
    assert parsed["article"]["id"] == "a"
    assert set(parsed) >= {"article", "boilerplate", "actors", "events", "quotes", "claims"}


def test_json_prints_a_list_in_input_order_for_several_articles() -> None:
    parsed = json.loads(written(OutputFormat.json, [report("a"), failure("b.txt"), report("c")]))

    assert isinstance(parsed, list)
    assert [item["article"].get("id") for item in parsed] == ["a", None, "c"]
    assert parsed[1]["error"]["reason"] == "is empty"


def test_jsonl_prints_one_line_per_article_and_failures_as_article_and_error() -> None:
    lines = written(OutputFormat.jsonl, [failure("a.txt"), report("b")]).splitlines()

    assert len(lines) == 2
    first, second = map(json.loads, lines)
    assert set(first) == {"article", "error"}
    assert first["error"] == {"type": "InputError", "input": "a.txt", "reason": "is empty",
                              "hint": "give a file that holds an article's text"}
    assert second["article"]["id"] == "b"


def test_non_ascii_text_is_written_as_utf8_not_escapes() -> None:
    outcome = Report(article=Article(id="é", text="Détente in Kraków."))

    assert "Détente in Kraków." in written(OutputFormat.jsonl, [outcome])


def test_a_failure_message_names_the_input_the_reason_and_the_hint() -> None:
    assert failure_message(failure("notes.txt")) == "notes.txt: is empty (give a file that holds an article's text)"


def test_a_failure_on_stdin_is_named_stdin() -> None:
    assert failure_message(failure("-")).startswith("stdin: ")
