"""Expanding inputs into articles, and running them through a pipeline without losing input order."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from thucydides.config import Settings
from thucydides.knowledge import KnowledgeBase
from thucydides.pipeline import Failure, Pipeline
from thucydides.read import count_articles, read_sources, run_in_order
from thucydides.records import Article, Report

DATA = Path(__file__).resolve().parents[1] / "data" / "read"
ARTICLES = DATA / "articles"

ENGLISH = "Ministers from Poland and Lithuania met in Vilnius on Monday and said they would build a new rail link."
GERMAN = (
    "Die Außenminister von Polen und Litauen haben sich am Montag in Vilnius getroffen und vereinbart, "
    "eine neue Bahnverbindung zwischen beiden Ländern zu bauen, die schon im nächsten Jahr fertig sein soll."
)


def names(outcomes: list[Article | Failure | Report]) -> list[str | None]:
    result: list[str | None] = []
    for outcome in outcomes:
        if isinstance(outcome, Failure):
            result.append(outcome.article["source"])
        elif isinstance(outcome, Report):
            result.append(outcome.article.source)
        else:
            result.append(outcome.source)
    return result


def test_a_directory_gives_its_text_and_markdown_files_recursively_in_sorted_order() -> None:
    outcomes = list(read_sources([ARTICLES], Settings()))

    assert names(outcomes) == [str(ARTICLES / "ministers-meet.txt"), str(ARTICLES / "nested" / "port-talks.md")]
    assert all(isinstance(outcome, Article) for outcome in outcomes)


def test_inputs_are_read_in_the_order_given_with_stdin_for_dash() -> None:
    stdin = io.BytesIO(ENGLISH.encode())

    outcomes = list(read_sources(["-", ARTICLES / "ministers-meet.txt"], Settings(), stdin=stdin))

    assert names(outcomes) == ["-", str(ARTICLES / "ministers-meet.txt")]


def test_a_jsonl_path_gives_one_outcome_per_line() -> None:
    outcomes = list(read_sources([DATA / "batch.jsonl"], Settings()))

    assert len(outcomes) == 6


def test_a_missing_path_and_an_empty_directory_are_failures(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()

    outcomes = list(read_sources([tmp_path / "absent.txt", empty], Settings()))

    assert all(isinstance(outcome, Failure) for outcome in outcomes)
    assert "does not exist" in str(outcomes[0].error["reason"])
    assert "holds no" in str(outcomes[1].error["reason"])


def test_count_articles_counts_files_and_jsonl_lines_and_gives_up_on_stdin() -> None:
    assert count_articles([ARTICLES, DATA / "batch.jsonl", DATA / "crlf.txt"]) == 2 + 6 + 1
    assert count_articles(["-", ARTICLES]) is None


@pytest.fixture(scope="module")
def language_only(pipelines) -> Pipeline:
    """A parse-only pipeline that batches two articles at a time, so it must read ahead."""
    kb = KnowledgeBase(documents={}, version="test", data_as_of=None)
    nlp = pipelines(("language",)).context.nlp
    return Pipeline(Settings(stages=("language",), batch_size=2), kb=kb, nlp=nlp)


def test_run_in_order_keeps_read_failures_and_pipeline_failures_in_input_order(language_only: Pipeline) -> None:
    def article(name: str, text: str) -> Article:
        return Article(id=name, text=text, source=name)

    def unreadable(name: str) -> Failure:
        return Failure(article={"id": None, "source": name, "title": None}, error={"type": "InputError"})

    items = [
        unreadable("r0"),
        article("a1", ENGLISH),
        article("a2", GERMAN),
        unreadable("r3"),
        unreadable("r4"),
        article("a5", ENGLISH),
        article("a6", ENGLISH),
        unreadable("r7"),
    ]

    outcomes = list(run_in_order(language_only, items))

    assert names(outcomes) == ["r0", "a1", "a2", "r3", "r4", "a5", "a6", "r7"]
    assert [type(outcome).__name__ for outcome in outcomes] == [
        "Failure", "Report", "Failure", "Failure", "Failure", "Report", "Report", "Failure"
    ]
    assert outcomes[2].error["type"] == "LanguageError"
