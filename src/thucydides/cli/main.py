"""The Typer application behind the ``thucydides`` command, and its ``run()`` entry point."""

from __future__ import annotations

import importlib.metadata
import os
import sys
from typing import Annotated

import typer

from thucydides.cli import demo, extract

app = typer.Typer(
    name="thucydides",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="markdown",
    pretty_exceptions_enable=False,
)
app.command(name="extract", no_args_is_help=True)(extract.extract)
app.command(name="demo")(demo.demo)


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"thucydides {importlib.metadata.version('thucydides')}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_show_version, is_eager=True, help="Show the version and exit."),
    ] = False,
) -> None:
    """Turn news articles into a sourced record of international affairs: boilerplate lines,
    actors, dates, quotes, claims and PLOVER/CAMEO events.

    Example: thucydides extract article.txt --published 2025-11-28
    """


def run() -> None:
    """Console-script entry point (``thucydides``)."""
    try:
        app()
    except BrokenPipeError:
        # The reader went away (``thucydides extract ... | head``): stop quietly, as Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(1)
