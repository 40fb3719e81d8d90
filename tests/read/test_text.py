"""Reading one article from a text or Markdown file, or from standard input."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest

from thucydides.config import Settings
from thucydides.pipeline import Failure, article_id
from thucydides.read import read_stdin, read_text_file
from thucydides.records import Article

DATA = Path(__file__).resolve().parents[1] / "data" / "read"
ARTICLES = DATA / "articles"


def test_a_text_file_becomes_an_article_with_its_text_and_path() -> None:
    path = ARTICLES / "ministers-meet.txt"

    article = read_text_file(path, Settings())

    assert isinstance(article, Article)
    assert article.text == path.read_text(encoding="utf-8")
    assert article.source == str(path)


def test_sidecar_json_gives_id_title_url_and_a_date_that_beats_the_default() -> None:
    article = read_text_file(ARTICLES / "ministers-meet.txt", Settings(published=dt.date(2020, 1, 1)))

    assert isinstance(article, Article)
    assert article.id == "ministers-meet"
    assert article.title == "Kenya and Tanzania discuss trucking fees"
    assert article.url == "https://example.org/ministers-meet"
    assert article.published == dt.date(2026, 2, 10)


def test_without_metadata_the_id_is_a_content_hash_and_the_date_is_the_default(tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text("Spain and Morocco agreed on Monday to reopen a border crossing.\n", encoding="utf-8")

    article = read_text_file(path, Settings(published=dt.date(2026, 5, 4)))

    assert isinstance(article, Article)
    assert article.id == article_id(article.text)
    assert article.published == dt.date(2026, 5, 4)
    assert article.title is None


def test_a_markdown_heading_becomes_the_title_and_leaves_the_body() -> None:
    article = read_text_file(ARTICLES / "nested" / "port-talks.md", Settings())

    assert isinstance(article, Article)
    assert article.title == "Port talks resume"
    assert article.text.startswith("Officials from Chile and Peru")
    assert "# Port talks" not in article.text


def test_windows_line_breaks_become_newlines() -> None:
    article = read_text_file(DATA / "crlf.txt", Settings())

    assert isinstance(article, Article)
    assert "\r" not in article.text
    assert article.text.split("\n")[2] == "The summit will focus on housing."


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "is empty"),
        (b"  \n\t\n", "holds only whitespace"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"The minister praised the d\xe9tente.\n", "not valid UTF-8"),
    ],
    ids=["empty", "whitespace", "binary", "latin1"],
)
def test_unreadable_files_become_failures_that_name_the_path(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)

    failure = read_text_file(path, Settings())

    assert isinstance(failure, Failure)
    assert failure.error["type"] == "InputError"
    assert failure.error["input"] == str(path)
    assert reason in str(failure.error["reason"])
    assert failure.article["source"] == str(path)


def test_invalid_utf8_names_the_offending_byte() -> None:
    failure = read_text_file(DATA / "latin1.txt", Settings())

    assert isinstance(failure, Failure)
    assert "0xe9" in str(failure.error["reason"])
    assert failure.error["hint"]


def test_a_huge_file_is_refused_from_its_size_without_being_read(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: 50 MB on paper, nothing on disk

    def must_not_read(self: Path) -> bytes:
        raise AssertionError("the reader read a file it should have refused by size")

    monkeypatch.setattr(Path, "read_bytes", must_not_read)
    failure = read_text_file(path, Settings())

    assert isinstance(failure, Failure)
    assert "too large" in str(failure.error["reason"])
    assert "2,000,000 characters" in str(failure.error["reason"])


def test_a_malformed_sidecar_is_reported_by_its_own_name(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text("Ghana and Togo agreed on Monday to share border patrols.\n", encoding="utf-8")
    (tmp_path / "story.json").write_text("{not json", encoding="utf-8")

    failure = read_text_file(tmp_path / "story.txt", Settings())

    assert isinstance(failure, Failure)
    assert failure.error["input"] == str(tmp_path / "story.json")


def test_stdin_becomes_one_article_named_dash() -> None:
    stream = io.BytesIO("Vietnam and Laos opened a new railway on Saturday.\n".encode())

    article = read_stdin(stream, Settings(published=dt.date(2026, 4, 1)))

    assert isinstance(article, Article)
    assert article.source == "-"
    assert article.text.startswith("Vietnam and Laos")
    assert article.published == dt.date(2026, 4, 1)


def test_stdin_past_the_size_limit_is_refused_after_reading_only_the_limit() -> None:
    stream = io.BytesIO(b"word " * 1000)
    settings = Settings(max_chars=100)

    failure = read_stdin(stream, settings)

    assert isinstance(failure, Failure)
    assert "too large" in str(failure.error["reason"])
    assert stream.tell() == 100 * 4 + 1


def test_empty_stdin_is_a_failure() -> None:
    failure = read_stdin(io.BytesIO(b""), Settings())

    assert isinstance(failure, Failure)
    assert failure.error["input"] == "-"
