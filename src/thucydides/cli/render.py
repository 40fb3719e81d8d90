"""Rich tables for one Report: a header, then boilerplate, actors, events, quotes and claims."""

from __future__ import annotations

from collections.abc import Iterable

from rich import box
from rich.console import Console
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from thucydides.records import EventDate, Report

LONG_TEXT = 160
"""Characters of a quote, claim or sentence shown in a table cell before it is shortened."""


def render_report(console: Console, report: Report) -> None:
    """Print a report as a header line and one table per kind of record."""
    article = report.article
    console.print(Rule(Text(article.title or article.source or article.id, style="bold"), align="left"))
    console.print(Text(_summary(report), style="dim"), highlight=False)
    for table in report_tables(report):
        if table.row_count:
            console.print(table)
        else:
            console.print(Text(f"{table.title}: none found", style="dim"), highlight=False)
    for warning in report.warnings:
        console.print(Text(f"warning: {warning}", style="yellow"), highlight=False)
    console.print()


def report_tables(report: Report) -> list[Table]:
    """The five tables shown for a report, in reading order."""
    return [
        boilerplate_table(report),
        actors_table(report),
        events_table(report),
        quotes_table(report),
        claims_table(report),
    ]


def boilerplate_table(report: Report) -> Table:
    table = _table("Boilerplate", "line", "kind", "text", right=("line",))
    for line in report.boilerplate:
        _add_row(table, str(line.line), line.kind, _short(line.text))
    return table


def actors_table(report: Report) -> Table:
    table = _table("Actors", "id", "name", "kind", "country", "sector", "role", "mentions", right=("mentions",))
    for actor in report.actors:
        _add_row(
            table,
            actor.id,
            actor.name,
            actor.kind,
            actor.country or "",
            actor.sector or "",
            actor.role or "",
            str(len(actor.mentions)),
        )
    return table


def events_table(report: Report) -> Table:
    table = _table(
        "Events", "category", "cameo", "goldstein", "source", "target", "date", "modality", "sentence",
        right=("goldstein",),
    )
    for event in report.events:
        _add_row(
            table,
            event.category,
            event.cameo,
            f"{event.goldstein:+.1f}",
            _names(report, event.source),
            _names(report, event.target),
            _event_date(event.date),
            event.modality,
            _short(event.sentence),
        )
    return table


def quotes_table(report: Report) -> Table:
    table = _table("Quotes", "speaker", "kind", "cue", "text")
    for quote in report.quotes:
        speaker = report.actor(quote.speaker)
        speaker_name = speaker.name if speaker else (quote.speaker_text or "?")
        _add_row(table, speaker_name, quote.kind, quote.cue or "", _short(quote.text))
    return table


def claims_table(report: Report) -> Table:
    table = _table("Claims", "status", "reported by", "denied by", "confirmed by", "claim")
    for claim in report.claims:
        _add_row(
            table,
            claim.status,
            _names(report, claim.reported_by),
            _names(report, claim.denied_by),
            _names(report, claim.confirmed_by),
            _short(claim.text),
        )
    return table


def _summary(report: Report) -> str:
    article = report.article
    parts = [f"id {article.id}"]
    if article.source and article.title:
        parts.append(article.source)
    parts.append(f"published {article.published.isoformat()}" if article.published else "no publication date")
    parts.append(
        f"{len(report.boilerplate)} boilerplate lines, {len(report.actors)} actors, {len(report.events)} events, "
        f"{len(report.quotes)} quotes, {len(report.claims)} claims"
    )
    return " · ".join(parts)


def _table(title: str, *headers: str, right: tuple[str, ...] = ()) -> Table:
    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, show_edge=False)
    for header in headers:
        table.add_column(header, justify="right" if header in right else "left", overflow="fold")
    return table


def _add_row(table: Table, *cells: str) -> None:
    # Text cells, not strings: article text such as "[Trump] said" must not be read as rich markup.
    table.add_row(*(Text(cell) for cell in cells))


def _names(report: Report, actor_ids: Iterable[str]) -> str:
    names: list[str] = []
    for actor_id in actor_ids:
        actor = report.actor(actor_id)
        names.append(actor.name if actor else actor_id)
    return ", ".join(names)


def _event_date(date: EventDate | None) -> str:
    if date is None:
        return ""
    if date.start is None:
        return date.text
    return f"{date.start.isoformat()} ({date.text})" if date.text else date.start.isoformat()


def _short(text: str, limit: int = LONG_TEXT) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"
