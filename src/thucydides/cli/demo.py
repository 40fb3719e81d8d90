"""The ``demo`` command: run the pipeline on the bundled sample article and show the summary."""

from __future__ import annotations

from importlib import resources
from typing import Annotated

import typer

from thucydides.cli.extract import run_and_print
from thucydides.cli.output import OutputFormat
from thucydides.config import Settings

SAMPLE_ARTICLE = "aru-fishing-row.txt"
"""Written for Thucydides: an invented diplomatic episode; its date and title sit in the .json beside it."""


def demo(
    output_format: Annotated[
        OutputFormat,
        typer.Option("--format", "-f", case_sensitive=False, help="table, json or jsonl."),
    ] = OutputFormat.table,
) -> None:
    """Run Thucydides on a bundled sample article and show what it finds.

    The sample is a short wire-style report, written for this project, of an invented diplomatic row,
    with a photo caption, a photo credit and a related-article headline left in, quotes from officials
    and a newspaper, and a newspaper report that a spokeswoman denies.

    Example: thucydides demo
    """
    sample = resources.files("thucydides") / "samples" / SAMPLE_ARTICLE
    with resources.as_file(sample) as path:
        raise typer.Exit(run_and_print([path], Settings(), output_format))
