"""Acceptance test of the foundation issue on the canonical sample article (read from ../shared)."""

from __future__ import annotations

import datetime as dt

import pytest

from thucydides import Report, Settings, extract
from thucydides.records import Actor, Event

PUBLISHED = "2025-11-28"


@pytest.fixture(scope="module")
def report(sample_text: str) -> Report:
    return extract(sample_text, published=PUBLISHED, id="takaichi-taiwan", settings=Settings())


def line_of(report: Report, offset: int) -> int:
    return report.article.text.count("\n", 0, offset) + 1


def actor_named(report: Report, surname: str) -> Actor:
    matches = [a for a in report.actors if a.name.split()[-1] == surname or surname in a.aliases]
    assert matches, f"no actor for {surname}: {[a.name for a in report.actors]}"
    assert len(matches) == 1, f"{surname} is split over several actors: {matches}"
    return matches[0]


def countries(report: Report, actor_ids: list[str]) -> set[str | None]:
    return {report.actor(actor_id).country for actor_id in actor_ids}


def quote_containing(report: Report, words: str):
    found = [q for q in report.quotes if words in q.text]
    assert found, f"no quote contains {words!r}"
    return found


def events_of(report: Report, category: str) -> list[Event]:
    return [e for e in report.events if e.category == category]


def test_boilerplate_lines_are_exactly_the_page_debris(report: Report) -> None:
    flagged = {line.line: line.kind for line in report.boilerplate}
    assert flagged == {
        7: "related",
        29: "related",
        13: "caption",
        15: "caption",
        33: "caption",
        35: "caption",
        17: "credit",
        37: "credit",
    }


def test_leaders_are_coded_to_country_and_sector(report: Report) -> None:
    for surname, country in (("Takaichi", "JPN"), ("Xi", "CHN"), ("Trump", "USA")):
        actor = actor_named(report, surname)
        assert (actor.country, actor.sector) == (country, "GOV"), actor
    kihara = actor_named(report, "Kihara")
    assert (kihara.country, kihara.sector) == ("JPN", "GOV")
    assert actor_named(report, "Ishiba").country == "JPN"


def test_news_outlets_are_media_actors(report: Report) -> None:
    wsj = actor_named(report, "Journal")
    assert (wsj.country, wsj.sector) == ("USA", "MED")
    asahi = next(a for a in report.actors if "Asahi" in a.name or "Asahi" in a.aliases)
    assert (asahi.country, asahi.sector) == ("JPN", "MED")


@pytest.mark.parametrize(
    ("words", "speaker"),
    [
        ("There is no such fact", "Kihara"),
        ("very close friends", "Takaichi"),
        ("existential threat", "Takaichi"),
        ("Successive administrations have handled this", "Ishiba"),
        ("That is how sensitive the Japan-China relationship is", "Ishiba"),
        ("The United States relationship with China is very good", "Trump"),
        ("We signed wonderful trade deals", "Trump"),
    ],
)
def test_quotes_have_their_speakers(report: Report, words: str, speaker: str) -> None:
    expected = actor_named(report, speaker)
    assert any(q.speaker == expected.id for q in quote_containing(report, words)), quote_containing(report, words)


def test_existential_threat_is_a_partial_quote(report: Report) -> None:
    assert any(q.kind == "partial" for q in quote_containing(report, "existential threat"))


def test_both_party_newspaper_paragraphs_belong_to_the_chinese_newspaper(report: Report) -> None:
    first = quote_containing(report, "share a common responsibility")[0]
    second = quote_containing(report, "raised concern and vigilance")[0]
    assert first.speaker is not None and second.speaker == first.speaker
    newspaper = report.actor(first.speaker)
    assert (newspaper.country, newspaper.sector) == ("CHN", "MED")
    assert line_of(report, second.span[0]) == 23


def test_the_claim_is_reported_by_two_papers_and_denied_by_the_spokesman(report: Report) -> None:
    wsj = actor_named(report, "Journal")
    asahi = next(a for a in report.actors if "Asahi" in a.name or "Asahi" in a.aliases)
    kihara = actor_named(report, "Kihara")
    matching = [
        c
        for c in report.claims
        if {wsj.id, asahi.id} <= set(c.reported_by) and kihara.id in c.denied_by
    ]
    assert matching, report.claims
    claim = matching[0]
    assert claim.status == "disputed"
    assert any(word in claim.text for word in ("urge", "request", "provoke")), claim.text


def _has_event(report: Report, category: str, source: str, target: str, *, directed: bool) -> list[Event]:
    found = []
    for event in events_of(report, category):
        pair = (countries(report, event.source), countries(report, event.target))
        if (source in pair[0] and target in pair[1]) or (
            not directed and source in pair[1] and target in pair[0]
        ):
            found.append(event)
    return found


def test_the_phone_call_is_a_consult_dated_monday(report: Report) -> None:
    calls = _has_event(report, "CONSULT", "USA", "JPN", directed=False)
    assert any(e.date and e.date.start == dt.date(2025, 11, 24) for e in calls), calls


def test_the_trump_xi_conversation_is_a_consult(report: Report) -> None:
    assert _has_event(report, "CONSULT", "USA", "CHN", directed=False)


def test_urging_her_not_to_provoke_china_is_a_request(report: Report) -> None:
    assert _has_event(report, "REQUEST", "USA", "JPN", directed=True)


def test_xi_calling_on_the_us_is_a_request(report: Report) -> None:
    assert _has_event(report, "REQUEST", "CHN", "USA", directed=True)


def test_the_party_newspaper_criticism_is_an_accusation(report: Report) -> None:
    assert _has_event(report, "ACCUSE", "CHN", "JPN", directed=True)


def test_the_planned_visit_is_a_future_consult_in_april_2026(report: Report) -> None:
    visits = [e for e in _has_event(report, "CONSULT", "USA", "CHN", directed=True) if e.modality == "future"]
    assert any(e.date and (e.date.start, e.date.end) == (dt.date(2026, 4, 1), dt.date(2026, 4, 30)) for e in visits), visits


def test_no_event_comes_from_related_headlines(report: Report) -> None:
    assert all(line_of(report, e.span[0]) not in (7, 29) for e in report.events)
    assert all(line_of(report, c.span[0]) not in (7, 29) for c in report.claims)


def test_every_record_points_at_its_words(report: Report) -> None:
    text = report.article.text
    for quote in report.quotes:
        start, end = quote.span
        assert 0 <= start < end <= len(text)
    for actor in report.actors:
        for start, end in actor.mentions:
            assert text[start:end].strip(), actor
    for line in report.boilerplate:
        assert text[line.span[0] : line.span[1]] == line.text
