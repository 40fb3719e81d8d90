"""Read one article from a text or Markdown file, or from standard input."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, BinaryIO

from thucydides.config import Settings
from thucydides.errors import InputError, ThucydidesError
from thucydides.pipeline import Failure
from thucydides.read._common import METADATA_FIELDS, build_article, byte_limit, check_size, decode_text, read_failure
from thucydides.records import Article

TEXT_SUFFIXES = (".txt", ".md", ".markdown")
MARKDOWN_SUFFIXES = (".md", ".markdown")
SIDECAR_SUFFIXES = (".meta.json", ".json")
"""Metadata files beside an article: ``story.txt`` may have ``story.meta.json`` or ``story.json``."""

STDIN_NAME = "-"


def read_text_file(path: Path, settings: Settings) -> Article | Failure:
    """Read a text or Markdown file as one article, with metadata from a sidecar JSON file if present."""
    name = str(path)
    try:
        check_size(path.stat().st_size, name, settings)
        text = decode_text(path.read_bytes(), name)
        metadata = read_sidecar(path)
        title, text = split_markdown_title(text) if path.suffix.lower() in MARKDOWN_SUFFIXES else (None, text)
        if title and not metadata.get("title"):
            metadata = {**metadata, "title": title}
        return build_article(text, name, metadata, settings)
    except ThucydidesError as error:
        return read_failure(name, error)
    except OSError as exc:
        return read_failure(name, InputError(f"cannot be read: {exc.strerror or exc}", input=name))


def read_stdin(stream: BinaryIO, settings: Settings) -> Article | Failure:
    """Read all of standard input as one article, refusing it once it grows past the size limit."""
    limit = byte_limit(settings)
    try:
        # Read one byte past the limit: enough to know the input is too large without reading it all.
        data = stream.read(limit + 1)
        if len(data) > limit:
            check_size(len(data), STDIN_NAME, settings)
        return build_article(decode_text(data, STDIN_NAME), STDIN_NAME, {}, settings)
    except ThucydidesError as error:
        return read_failure(STDIN_NAME, error)


def read_sidecar(path: Path) -> dict[str, Any]:
    """Article metadata (id, title, published, url) from a JSON file beside the text, or an empty dict."""
    for suffix in SIDECAR_SUFFIXES:
        sidecar = path.with_name(path.stem + suffix)
        if not sidecar.is_file():
            continue
        try:
            metadata = json.loads(sidecar.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise InputError(f"is not a valid JSON metadata file: {exc}", input=str(sidecar)) from exc
        if not isinstance(metadata, dict):
            raise InputError("must hold a JSON object", input=str(sidecar))
        return {key: metadata[key] for key in METADATA_FIELDS if key in metadata}
    return {}


def split_markdown_title(text: str) -> tuple[str | None, str]:
    """Take a leading ``# Heading`` off Markdown text as the title; the rest is the article body."""
    stripped = text.lstrip()
    first_line, _, rest = stripped.partition("\n")
    if first_line.startswith("# ") and rest.strip():
        return first_line[2:].strip() or None, rest.lstrip("\n")
    return None, text
