"""Read articles from a JSON Lines file: one object per line with "text" and optional id, published, title, url."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from thucydides.config import Settings
from thucydides.errors import InputError, ThucydidesError
from thucydides.pipeline import Failure
from thucydides.read._common import (
    BINARY_SNIFF_BYTES,
    build_article,
    check_size,
    decode_text,
    read_failure,
)
from thucydides.records import Article

JSONL_SUFFIXES = (".jsonl", ".ndjson")


def read_jsonl(path: Path, settings: Settings) -> Iterator[Article | Failure]:
    """Yield one Article or Failure per non-blank line, named ``path:line``, in file order."""
    name = str(path)
    try:
        with path.open("rb") as stream:
            if b"\x00" in stream.read(BINARY_SNIFF_BYTES):
                raise InputError("looks like a binary file (it holds NUL bytes)", input=name)
            stream.seek(0)
            found = False
            for number, raw in enumerate(stream, start=1):
                if raw.strip():
                    found = True
                    yield read_jsonl_line(raw, f"{name}:{number}", settings)
            if not found:
                raise InputError("holds no articles (every line is blank)", input=name)
    except ThucydidesError as error:
        yield read_failure(name, error)
    except OSError as exc:
        yield read_failure(name, InputError(f"cannot be read: {exc.strerror or exc}", input=name))


def read_jsonl_line(raw: bytes, name: str, settings: Settings) -> Article | Failure:
    """Parse one JSONL line into an Article, or a Failure that says what is wrong with the line."""
    record: Any = None
    try:
        check_size(len(raw), name, settings)
        line = decode_text(raw, name)
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"is not valid JSON ({exc.msg} at column {exc.colno})", input=name) from exc
        if not isinstance(record, dict):
            raise InputError(f"must be a JSON object, not {type(record).__name__}", input=name)
        text = record.get("text")
        if not isinstance(text, str):
            reason = "has no \"text\" field" if text is None else "has a \"text\" field that is not a string"
            raise InputError(
                reason, input=name, hint='each line needs {"text": "..."}; id, published, title, url are optional'
            )
        return build_article(text, name, record, settings)
    except ThucydidesError as error:
        known_id = record.get("id") if isinstance(record, dict) else None
        return read_failure(name, error, str(known_id) if isinstance(known_id, str | int) else None)


def count_jsonl_lines(path: Path) -> int:
    """How many non-blank lines a JSONL file holds (for a progress bar's total)."""
    with path.open("rb") as stream:
        return sum(1 for raw in stream if raw.strip())
