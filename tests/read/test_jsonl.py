"""Reading articles from JSON Lines: one object per line, each bad line a Failure named path:line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from thucydides.config import Settings
from thucydides.pipeline import Failure
from thucydides.read import read_jsonl
from thucydides.records import Article

BATCH = Path(__file__).resolve().parents[1] / "data" / "read" / "batch.jsonl"


def outcomes_by_line() -> dict[int, Article | Failure]:
    outcomes = list(read_jsonl(BATCH, Settings(published=dt.date(2000, 1, 1))))
    return {int(str(_name(outcome)).rsplit(":", 1)[1]): outcome for outcome in outcomes}


def _name(outcome: Article | Failure) -> str | None:
    return outcome.source if isinstance(outcome, Article) else outcome.article["source"]


def test_every_non_blank_line_gives_one_outcome_in_file_order() -> None:
    outcomes = list(read_jsonl(BATCH, Settings()))

    names = [_name(outcome) for outcome in outcomes]
    assert names == [f"{BATCH}:{line}" for line in (1, 2, 4, 5, 6, 7)]


def test_a_good_line_keeps_its_id_title_and_date() -> None:
    article = outcomes_by_line()[1]

    assert isinstance(article, Article)
    assert article.id == "first"
    assert article.title == "Trade deal"
    assert article.published == dt.date(2026, 1, 13)
    assert article.text.startswith("Brazil and Argentina")


def test_a_numeric_id_and_a_timestamp_date_are_accepted() -> None:
    article = outcomes_by_line()[5]

    assert isinstance(article, Article)
    assert article.id == "42"
    assert article.published == dt.date(2026, 1, 14)


def test_bad_lines_say_what_is_wrong_and_where() -> None:
    outcomes = outcomes_by_line()

    expected = {2: "not valid JSON", 4: 'no "text" field', 6: "must be a JSON object", 7: "not an ISO date"}
    for line, reason in expected.items():
        failure = outcomes[line]
        assert isinstance(failure, Failure), line
        assert failure.error["input"] == f"{BATCH}:{line}"
        assert reason in str(failure.error["reason"])


def test_a_failed_line_keeps_the_id_it_gave() -> None:
    failure = outcomes_by_line()[4]

    assert isinstance(failure, Failure)
    assert failure.article["id"] == "no-text"


def test_a_text_that_is_not_a_string_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "numbers.jsonl"
    path.write_text('{"text": 12345}\n', encoding="utf-8")

    (failure,) = read_jsonl(path, Settings())

    assert isinstance(failure, Failure)
    assert "not a string" in str(failure.error["reason"])


def test_a_file_of_blank_lines_is_one_failure_for_the_file(tmp_path: Path) -> None:
    path = tmp_path / "blank.jsonl"
    path.write_text("\n\n  \n", encoding="utf-8")

    (failure,) = read_jsonl(path, Settings())

    assert isinstance(failure, Failure)
    assert failure.error["input"] == str(path)
    assert "no articles" in str(failure.error["reason"])


def test_a_binary_file_named_jsonl_is_one_failure(tmp_path: Path) -> None:
    path = tmp_path / "archive.jsonl"
    path.write_bytes(b"PK\x03\x04\x00\x00\x00\x00" * 20)

    (failure,) = read_jsonl(path, Settings())

    assert isinstance(failure, Failure)
    assert "binary" in str(failure.error["reason"])
