"""The rich summary: a header and tables of boilerplate, actors, events, quotes and claims."""

from __future__ import annotations

import datetime as dt
import io

from rich.console import Console

from thucydides.cli.render import render_report
from thucydides.records import Actor, Article, BoilerplateLine, Claim, Event, EventDate, Quote, Report

TEXT = (
    "Chile and Peru agreed on Monday to share a port.\n"
    "PHOTO: JANE ROE/EXAMPLE PICTURES\n"
    '"[The port] will open next year," said Ana Soto, a Chilean minister.\n'
    "El Diario reported a deal on fees, which a Peruvian spokesman denied.\n"
)


def sample_report() -> Report:
    chile = Actor(id="A1", name="Chile", kind="state", country="CHL", sector="GOV")
    peru = Actor(id="A2", name="Peru", kind="state", country="PER", sector="GOV")
    soto = Actor(id="A3", name="Ana Soto", country="CHL", sector="GOV", role="Minister")
    paper = Actor(id="A4", name="El Diario", kind="outlet", sector="MED")
    return Report(
        article=Article(id="port", text=TEXT, title="Port deal", published=dt.date(2026, 3, 3)),
        boilerplate=[BoilerplateLine(line=2, kind="credit", text="PHOTO: JANE ROE/EXAMPLE PICTURES", span=(49, 81))],
        actors=[chile, peru, soto, paper],
        events=[
            Event(
                id="E1", category="AGREE", cameo="057", goldstein=8.0, source=["A1"], target=["A2"],
                date=EventDate(text="on Monday", start=dt.date(2026, 3, 2), end=dt.date(2026, 3, 2)),
                span=(0, 48), sentence="Chile and Peru agreed on Monday to share a port.", confidence=0.9,
            )
        ],
        quotes=[Quote(id="Q1", text="[The port] will open next year,", kind="direct", speaker="A3", cue="said",
                      span=(82, 114))],
        claims=[Claim(id="C1", text="a deal on fees", span=(170, 184), reported_by=["A4"], denied_by=["A2"],
                      status="disputed")],
    )


def rendered(report: Report) -> str:
    stream = io.StringIO()
    render_report(Console(file=stream, width=200, color_system=None), report)
    return stream.getvalue()


def test_the_summary_shows_every_table_with_names_not_ids() -> None:
    output = rendered(sample_report())

    for title in ("Boilerplate", "Actors", "Events", "Quotes", "Claims"):
        assert title in output
    assert "Port deal" in output
    assert "AGREE" in output and "2026-03-02 (on Monday)" in output
    assert "Ana Soto" in output and "El Diario" in output
    assert "disputed" in output


def test_article_text_in_square_brackets_is_shown_literally_not_as_markup() -> None:
    assert "[The port] will open next year" in rendered(sample_report())


def test_empty_tables_say_none_found() -> None:
    output = rendered(Report(article=Article(id="x", text="Nothing happened.")))

    assert "Events: none found" in output
    assert "Quotes: none found" in output
