"""Expand command-line inputs (files, directories, JSONL, ``-``) into articles, and run them in input order."""

from __future__ import annotations

import sys
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from thucydides.config import Settings
from thucydides.errors import InputError
from thucydides.pipeline import Failure, Pipeline
from thucydides.read._common import read_failure
from thucydides.read.jsonl import JSONL_SUFFIXES, count_jsonl_lines, read_jsonl
from thucydides.read.text import STDIN_NAME, TEXT_SUFFIXES, read_stdin, read_text_file
from thucydides.records import Article, Report


def read_sources(
    paths: Sequence[str | Path], settings: Settings, stdin: BinaryIO | None = None
) -> Iterator[Article | Failure]:
    """Yield an Article or a Failure for every article the inputs hold, in the order given.

    A path may be a text or Markdown file, a directory (its .txt and .md files, recursively, sorted),
    a .jsonl file (one article per line) or ``-`` for standard input.
    """
    for path in paths:
        if str(path) == STDIN_NAME:
            yield read_stdin(stdin if stdin is not None else sys.stdin.buffer, settings)
            continue
        path = Path(path)
        if path.is_dir():
            files = text_files_under(path)
            if not files:
                yield read_failure(
                    str(path), InputError(f"holds no {' or '.join(TEXT_SUFFIXES)} files", input=str(path))
                )
            for file in files:
                yield read_text_file(file, settings)
        elif not path.exists():
            yield read_failure(str(path), InputError("does not exist", input=str(path)))
        elif path.suffix.lower() in JSONL_SUFFIXES:
            yield from read_jsonl(path, settings)
        else:
            yield read_text_file(path, settings)


def text_files_under(directory: Path) -> list[Path]:
    """The text and Markdown files under a directory, recursively, sorted by path; hidden ones skipped."""
    found = [
        path
        for path in directory.rglob("*")
        if path.suffix.lower() in TEXT_SUFFIXES
        and path.is_file()
        and not any(part.startswith(".") for part in path.relative_to(directory).parts)
    ]
    return sorted(found, key=lambda path: path.relative_to(directory).as_posix())


def count_articles(paths: Sequence[str | Path]) -> int | None:
    """How many articles the inputs hold, cheaply and without parsing; None when stdin is among them."""
    total = 0
    for path in paths:
        if str(path) == STDIN_NAME:
            return None
        path = Path(path)
        if path.is_dir():
            total += len(text_files_under(path)) or 1
        elif path.suffix.lower() in JSONL_SUFFIXES and path.is_file():
            try:
                total += count_jsonl_lines(path) or 1
            except OSError:
                total += 1
        else:
            total += 1
    return total


def run_in_order(pipeline: Pipeline, items: Iterable[Article | Failure]) -> Iterator[Report | Failure]:
    """Run the Articles through ``pipeline.pipe`` and pass read Failures through, keeping input order.

    The pipeline works in batches, so it reads ahead; items wait in a queue until their turn comes.
    """
    waiting: deque[Article | Failure] = deque()

    def articles() -> Iterator[Article]:
        for item in items:
            waiting.append(item)
            if isinstance(item, Article):
                yield item

    for outcome in pipeline.pipe(articles()):
        while isinstance(waiting[0], Failure):
            yield waiting.popleft()
        waiting.popleft()
        yield outcome
    yield from waiting
