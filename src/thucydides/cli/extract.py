"""The ``extract`` command: read articles, run the pipeline over them and print the results."""

from __future__ import annotations

import datetime as dt
import sys
from contextlib import nullcontext
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from thucydides.cli.output import OutcomeWriter, OutputFormat, failure_message, print_error
from thucydides.config import Settings
from thucydides.errors import ThucydidesError
from thucydides.pipeline import Failure, Pipeline
from thucydides.read import count_articles, read_sources, run_in_order

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_SOME_FAILED = 3


def _existing_paths(paths: list[str]) -> list[str]:
    missing = [path for path in paths if path != "-" and not Path(path).exists()]
    if missing:
        raise typer.BadParameter(f"{', '.join(missing)}: no such file or directory")
    return paths


def extract(
    paths: Annotated[
        list[str],
        typer.Argument(
            callback=_existing_paths,
            metavar="PATH",
            help="Text or Markdown files, directories of them, .jsonl files, or - for standard input.",
            show_default=False,
        ),
    ],
    published: Annotated[
        dt.datetime | None,
        typer.Option(
            formats=["%Y-%m-%d"],
            metavar="YYYY-MM-DD",
            help="Publication date for articles that carry none of their own; relative dates resolve against it.",
        ),
    ] = None,
    output_format: Annotated[
        OutputFormat | None,
        typer.Option(
            "--format",
            "-f",
            case_sensitive=False,
            help="json, jsonl or table. Default: table on a terminal, json otherwise.",
            show_default=False,
        ),
    ] = None,
    kb: Annotated[
        list[Path] | None,
        typer.Option(
            "--kb",
            exists=True,
            file_okay=False,
            metavar="DIR",
            envvar="THUCYDIDES_KB",
            help=(
                "Directory of extra knowledge-base YAML files that add to or override the bundled ones "
                "(repeatable; or set THUCYDIDES_KB to directories separated by the path separator)."
            ),
        ),
    ] = None,
    model: Annotated[
        str | None,
        typer.Option(metavar="NAME", help="Installed spaCy pipeline to use instead of the default small English one."),
    ] = None,
) -> None:
    """Extract boilerplate, actors, events, quotes and claims from news articles.

    PATH may be a text or Markdown file, a directory (its .txt and .md files, recursively, in sorted
    order), a .jsonl file with one {"text": ..., "id": ..., "published": ...} object per line, or - to
    read one article from standard input. A file story.txt may have its id, title, published date and
    url in story.json or story.meta.json beside it.

    Exit status: 0 when every article was processed, 3 when some inputs failed (each is named on
    stderr, and the batch goes on), 2 for usage errors.

    Example: thucydides extract article.txt --published 2025-11-28 --format json
    """
    try:
        settings = Settings(
            published=published.date() if published else None,
            kb_dirs=tuple(kb or ()),
            model=model,
        )
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from exc
    raise typer.Exit(run_and_print(paths, settings, output_format))


def run_and_print(paths: Sequence[str | Path], settings: Settings, output_format: OutputFormat | None) -> int:
    """Read the inputs, run them through a Pipeline and print each outcome; returns the exit status."""
    out = Console()
    err = Console(stderr=True)
    chosen = output_format or (OutputFormat.table if out.is_terminal else OutputFormat.json)
    try:
        pipeline = Pipeline(settings)
    except ThucydidesError as error:
        print_error(err, error)
        return EXIT_USAGE
    writer = OutcomeWriter(chosen, out)
    outcomes = run_in_order(pipeline, read_sources(paths, settings, stdin=sys.stdin.buffer))
    total = count_articles(paths) if err.is_terminal else None
    failed = 0
    with _progress(err, total, redirect_stdout=out.is_terminal) as progress:
        task = progress.add_task("articles", total=total) if progress is not None else None
        for outcome in outcomes:
            if isinstance(outcome, Failure):
                failed += 1
                print_error(err, failure_message(outcome))
            writer.write(outcome)
            if progress is not None and task is not None:
                progress.advance(task)
    writer.close()
    return EXIT_SOME_FAILED if failed else EXIT_OK


def _progress(err: Console, total: int | None, *, redirect_stdout: bool) -> Progress | nullcontext[None]:
    # A bar only helps with several articles and only when someone watches stderr.
    if not err.is_terminal or total is None or total < 2:
        return nullcontext()
    return Progress(
        SpinnerColumn(),
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        redirect_stdout=redirect_stdout,
        redirect_stderr=False,
    )
