"""Helpers the readers share: decoding bytes safely, building Articles and naming failures."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from thucydides.config import Settings
from thucydides.errors import InputError, ThucydidesError
from thucydides.pipeline import Failure, article_id
from thucydides.records import Article

BINARY_SNIFF_BYTES = 8192
MAX_UTF8_BYTES_PER_CHAR = 4
"""A UTF-8 character takes at most four bytes, so a larger input surely exceeds the character limit."""

METADATA_FIELDS = ("id", "title", "published", "url")


def read_failure(name: str, error: ThucydidesError, article_id_: str | None = None) -> Failure:
    """A Failure for an input that never became an Article (same shape as the pipeline's failures)."""
    return Failure.from_error({"id": article_id_, "source": name, "title": None}, error)


def byte_limit(settings: Settings) -> int:
    """The largest input, in bytes, that could still fit within ``settings.max_chars`` characters."""
    return settings.max_chars * MAX_UTF8_BYTES_PER_CHAR


def check_size(size: int, name: str, settings: Settings) -> None:
    """Refuse an input too large to hold an acceptable article, before reading it."""
    if size > byte_limit(settings):
        raise InputError(
            f"is {size / 1_000_000:,.1f} MB, too large for the limit of {settings.max_chars:,} characters "
            "per article",
            input=name,
            hint="split it into articles, or raise max_chars in the settings",
        )


def decode_text(data: bytes, name: str) -> str:
    """Decode an input's bytes as UTF-8 text, refusing empty, binary and mis-encoded inputs."""
    if not data:
        raise InputError("is empty", input=name, hint="give a file that holds an article's text")
    if b"\x00" in data[:BINARY_SNIFF_BYTES]:
        raise InputError("looks like a binary file (it holds NUL bytes)", input=name, hint="give a UTF-8 text file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"is not valid UTF-8 (byte {exc.start:,} is 0x{data[exc.start]:02x})",
            input=name,
            hint="convert it to UTF-8 first, for example with iconv -f latin1 -t utf-8",
        ) from exc
    if not text.strip():
        raise InputError("holds only whitespace", input=name, hint="give a file that holds an article's text")
    return text


def parse_published(value: Any, name: str) -> dt.date | None:
    """An ISO date from metadata (``YYYY-MM-DD``, or the date part of a timestamp), or None."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InputError(f"'published' must be an ISO date string, not {type(value).__name__}", input=name)
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError as exc:
        raise InputError(f"'published' is not an ISO date (YYYY-MM-DD): {value!r}", input=name) from exc


def optional_text(metadata: Mapping[str, Any], key: str, name: str) -> str | None:
    """A string field of metadata; numbers are accepted for ids, anything else is refused."""
    value = metadata.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise InputError(f"'{key}' must be a string, not {type(value).__name__}", input=name)
    return str(value)


def build_article(text: str, name: str, metadata: Mapping[str, Any], settings: Settings) -> Article:
    """An Article from decoded text and optional metadata; the article's own date beats the default."""
    # One line-break convention, so every stage sees the same paragraphs whatever system wrote the file.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Article(
        id=optional_text(metadata, "id", name) or article_id(text),
        text=text,
        title=optional_text(metadata, "title", name),
        published=parse_published(metadata.get("published"), name) or settings.published,
        url=optional_text(metadata, "url", name),
        source=name,
    )
