"""Tests for the time stage: finding date expressions, resolving them, and attaching them to words."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from importlib import resources

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from spacy.language import Language

from thucydides.config import Settings
from thucydides.document import Document
from thucydides.knowledge import KnowledgeBase
from thucydides.pipeline import Pipeline, load_model
from thucydides.records import Article, BoilerplateLine, TimeExpression
from thucydides.stages.time import CalendarMonth, Season, Weekday, date_for, make_stage

PUBLISHED = "2025-11-28"  # a Friday

Run = Callable[..., Document]


@pytest.fixture(scope="module")
def time_kb() -> KnowledgeBase:
    """A knowledge base holding only the bundled time vocabulary, so other data files cannot interfere."""
    rules = yaml.safe_load((resources.files("thucydides.knowledge") / "data" / "time.yaml").read_text("utf-8"))
    return KnowledgeBase(documents={"time": rules}, version="test", data_as_of=None)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_model(None)


@pytest.fixture(scope="module")
def run(time_kb: KnowledgeBase, nlp: Language) -> Run:
    """Parse and date a text, published on a Friday unless told otherwise."""
    pipeline = Pipeline(Settings(stages=("language", "time")), kb=time_kb, nlp=nlp)

    def process(text: str, published: str | None = PUBLISHED) -> Document:
        day = dt.date.fromisoformat(published) if published else None
        return pipeline.process(Article(id="t", text=text, published=day))

    return process


def only(document: Document, text: str) -> TimeExpression:
    found = [d for d in document.dates if d.text == text]
    assert len(found) == 1, f"expected one date {text!r}, found {[d.text for d in document.dates]}"
    return found[0]


def dates_of(document: Document) -> list[tuple[str, str | None, str | None]]:
    return [
        (d.text, d.start.isoformat() if d.start else None, d.end.isoformat() if d.end else None)
        for d in document.dates
    ]


@pytest.mark.parametrize(
    ("text", "expression", "start", "end", "precision"),
    [
        ("The minister resigned on Monday.", "Monday", "2025-11-24", "2025-11-24", "day"),
        ("The ministers will meet on Monday.", "Monday", "2025-12-01", "2025-12-01", "day"),
        ("Monday was a quiet day in the capital.", "Monday", "2025-11-24", "2025-11-24", "day"),
        ("The envoy flew home on Monday night.", "Monday night", "2025-11-24", "2025-11-24", "day"),
        ("The envoy will fly home on Monday night.", "Monday night", "2025-12-01", "2025-12-01", "day"),
        ("Three weeks ago she answered a question.", "Three weeks ago", "2025-11-07", "2025-11-07", "day"),
        ("Two days ago the army moved north.", "Two days ago", "2025-11-26", "2025-11-26", "day"),
        ("The two leaders met in October in Seoul.", "October", "2025-10-01", "2025-10-31", "month"),
        ("Fishing boats crowded the harbour in May.", "May", "2025-05-01", "2025-05-31", "month"),
        ("The governor, who plans to visit Lagos in April, said little.", "April", "2026-04-01", "2026-04-30", "month"),
        ("Exports fell sharply last year.", "last year", "2024-01-01", "2024-12-31", "year"),
        ("Tariffs will rise next month.", "next month", "2025-12-01", "2025-12-31", "month"),
        ("Prices rose last week.", "last week", "2025-11-17", "2025-11-23", "week"),
        ("The talks resumed this week.", "this week", "2025-11-24", "2025-11-30", "week"),
        ("The ambassador arrived yesterday.", "yesterday", "2025-11-27", "2025-11-27", "day"),
        ("The cabinet meets today.", "today", "2025-11-28", "2025-11-28", "day"),
        ("The vote is tomorrow.", "tomorrow", "2025-11-29", "2025-11-29", "day"),
        ("Earlier this month the minister resigned.", "Earlier this month", "2025-11-01", "2025-11-28", "month"),
        ("An election will be held later this year.", "later this year", "2025-11-28", "2025-12-31", "year"),
        ("The treaty was signed on March 3, 2025.", "March 3, 2025", "2025-03-03", "2025-03-03", "day"),
        ("The treaty was signed on 3 March 2025.", "3 March 2025", "2025-03-03", "2025-03-03", "day"),
        ("The treaty was signed on March 3.", "March 3", "2025-03-03", "2025-03-03", "day"),
        ("The law took effect on 2025-03-03.", "2025-03-03", "2025-03-03", "2025-03-03", "day"),
        ("The party was founded in 2019.", "2019", "2019-01-01", "2019-12-31", "year"),
        ("The war ended in 1945.", "1945", "1945-01-01", "1945-12-31", "year"),
        ("The economy boomed in the 1990s.", "the 1990s", "1990-01-01", "1999-12-31", "decade"),
        ("Growth slowed late last year.", "late last year", "2024-09-01", "2024-12-31", "year"),
        ("The talks began in the spring.", "the spring", "2025-03-01", "2025-05-31", "season"),
        ("The leaders spoke on Monday, November 24.", "Monday, November 24", "2025-11-24", "2025-11-24", "day"),
        ("Last night the army shelled the port.", "Last night", "2025-11-27", "2025-11-27", "day"),
    ],
)
def test_expressions_resolve_against_the_publication_date(
    run: Run, text: str, expression: str, start: str, end: str, precision: str
) -> None:
    found = only(run(text), expression)
    assert (found.start, found.end) == (dt.date.fromisoformat(start), dt.date.fromisoformat(end))
    assert found.precision == precision
    assert text[found.span[0] : found.span[1]] == expression


def test_a_run_of_days_resolves_to_a_range(run: Run) -> None:
    found = only(run("The poll was taken September 16-19 by phone."), "September 16-19")
    assert (found.start, found.end) == (dt.date(2025, 9, 16), dt.date(2025, 9, 19))


@pytest.mark.parametrize(
    "text",
    ["The ministers are meeting on Monday.", "The vote is on Monday.", "Envoy to visit Tokyo on Monday"],
)
def test_a_present_tense_timetable_looks_ahead(run: Run, text: str) -> None:
    assert only(run(text), "Monday").start == dt.date(2025, 12, 1)


def test_a_counted_noun_is_not_a_year(run: Run) -> None:
    document = run("Officials reported 1500 cases in 1500 towns; the 2019 elections were calm.")
    assert [d.text for d in document.dates] == ["2019"]


def test_the_settings_publication_date_is_used_when_the_article_has_none(
    time_kb: KnowledgeBase, nlp: Language
) -> None:
    settings = Settings(stages=("language", "time"), published=dt.date(2025, 11, 28))
    pipeline = Pipeline(settings, kb=time_kb, nlp=nlp)
    document = pipeline.process(Article(id="t", text="The envoy left yesterday."))
    assert only(document, "yesterday").start == dt.date(2025, 11, 27)


def test_relative_and_absolute_expressions_are_flagged(run: Run) -> None:
    document = run("The pact signed in 1945 was renewed last week.")
    assert only(document, "1945").relative is False
    assert only(document, "last week").relative is True


def test_a_bare_month_in_a_future_clause_lies_ahead(run: Run) -> None:
    document = run("The summit is due in April. The minister will not visit in June.")
    assert only(document, "April").start == dt.date(2026, 4, 1)
    assert only(document, "June").start == dt.date(2026, 6, 1)


def test_a_bare_month_without_tense_takes_the_nearer_instance_with_a_bias_to_the_past(run: Run) -> None:
    # Written in late November: next February is much nearer than last February; May is not.
    assert only(run("Delegates stay bound until the convention in February."), "February").start == dt.date(2026, 2, 1)
    assert only(run("Tank traps on a beach in Kinmen, in May"), "May").start == dt.date(2025, 5, 1)


def test_a_day_of_the_year_near_publication_is_not_pushed_a_year_back(run: Run) -> None:
    found = only(run("GENEVA, Nov. 29 (Wire) - Talks open on trade."), "Nov. 29")
    assert found.start == dt.date(2025, 11, 29)


def test_a_duration_is_not_taken_for_a_date(run: Run) -> None:
    assert run("Prices rose five percent in two weeks.").dates == []
    future = only(run("The envoy will return in two weeks."), "in two weeks")
    assert future.start == dt.date(2025, 12, 12)


@pytest.mark.parametrize(
    "text",
    [
        "You may leave the room now.",
        "Protesters march through the capital every year.",
        "The March was the largest the city had seen.",
        "Black Friday sales rose sharply.",
        "The senator won most states on Super Tuesday.",
        "Historians still debate the fall of Kabul.",
        "Prices fall when supply rises.",
    ],
)
def test_words_that_only_look_like_dates_are_ignored(run: Run, text: str) -> None:
    assert run(text).dates == []


def test_counts_written_as_compound_words(run: Run) -> None:
    document = run("Seventy-four years ago a battle was fought here.")
    assert only(document, "Seventy-four years ago").start == dt.date(1951, 1, 1)


def test_a_stretch_from_publication_is_a_range(run: Run) -> None:
    found = only(run("Over the past three years the rebels lost ground."), "the past three years")
    assert (found.start, found.end) == (dt.date(2022, 11, 28), dt.date(2025, 11, 28))


def test_names_that_contain_date_words_are_ignored(run: Run) -> None:
    assert run("A reporter told USA Today that Christmas trees were banned.").dates == []
    assert run("He told the Sunday Times that he hosted Saturday Night Live.").dates == []


def test_a_weekday_after_a_place_name_without_on_is_kept(run: Run) -> None:
    document = run("The senator won in South Carolina Saturday.")
    assert only(document, "Saturday").start == dt.date(2025, 11, 22)


def test_a_weekday_modifying_a_noun_is_kept(run: Run) -> None:
    assert only(run("The Monday meeting ended early."), "Monday").start == dt.date(2025, 11, 24)


def test_anaphoric_dates_keep_their_text_but_no_resolution(run: Run) -> None:
    document = run("Two days later, the envoy quit.")
    found = only(document, "Two days later")
    assert (found.start, found.end, found.relative) == (None, None, True)


def test_without_a_publication_date_relative_dates_stay_unresolved(run: Run) -> None:
    text = "On Monday the minister said the war ended in 1945 and that talks failed last year."
    document = run(text, published=None)
    monday = only(document, "Monday")
    assert (monday.start, monday.end) == (None, None)
    assert text[monday.span[0] : monday.span[1]] == "Monday"
    assert only(document, "last year").start is None
    assert only(document, "1945").start == dt.date(1945, 1, 1)


def test_dates_on_debris_lines_are_skipped(time_kb: KnowledgeBase, nlp: Language) -> None:
    text = "Talks resumed on Monday.\nRelated: Talks collapse on Tuesday\nA photo taken on Wednesday."
    parser = Pipeline(Settings(stages=("language",)), kb=time_kb, nlp=nlp)
    document = parser.process(Article(id="t", text=text, published=dt.date(2025, 11, 28)))
    related = text.splitlines()[1]
    start = text.index(related)
    document.boilerplate = [BoilerplateLine(line=2, kind="related", text=related, span=(start, start + len(related)))]
    make_stage(parser.context)(document)
    assert [d.text for d in document.dates] == ["Monday", "Wednesday"]


def test_dates_on_different_lines_do_not_fuse(run: Run) -> None:
    document = run("The ceasefire held in March\n2024 was a hard year for the region.")
    assert [d.text for d in document.dates] == ["March", "2024"]


def test_date_for_a_noun_takes_its_verbs_date(run: Run) -> None:
    document = run("Officials said the request came in a telephone call on Monday.")
    doc = document.doc
    assert doc is not None
    call = next(t for t in doc if t.text == "call")
    came = next(t for t in doc if t.text == "came")
    request = next(t for t in doc if t.text == "request")
    assert date_for(document, call).text == "Monday"
    assert date_for(document, came).text == "Monday"
    assert date_for(document, request).text == "Monday"


def test_date_for_never_crosses_into_another_clause(run: Run) -> None:
    document = run("The governor, who plans to visit Lagos in April, said little.")
    doc = document.doc
    assert doc is not None
    visit = next(t for t in doc if t.text == "visit")
    said = next(t for t in doc if t.text == "said")
    assert date_for(document, visit).text == "April"
    assert date_for(document, said) is None


def test_date_for_a_noun_with_its_own_date(run: Run) -> None:
    document = run("The October summit was cancelled.")
    doc = document.doc
    assert doc is not None
    summit = next(t for t in doc if t.text == "summit")
    assert date_for(document, summit).start == dt.date(2025, 10, 1)


def test_sample_article_dates(run: Run, sample_text: str) -> None:
    resolved = dates_of(run(sample_text))
    assert ("Monday", "2025-11-24", "2025-11-24") in resolved
    assert ("Three weeks ago", "2025-11-07", "2025-11-07") in resolved
    assert ("October", "2025-10-01", "2025-10-31") in resolved
    assert ("May", "2025-05-01", "2025-05-31") in resolved
    assert ("April", "2026-04-01", "2026-04-30") in resolved


# -- readings, without a parse ----------------------------------------------------------------------


def test_a_weekday_naming_the_publication_day_is_that_day() -> None:
    friday = dt.date(2025, 11, 28)
    assert Weekday(4).resolve(friday, direction="past").start == friday
    assert Weekday(4, relation="last").resolve(friday, direction="past").start == dt.date(2025, 11, 21)


def test_last_month_name_is_the_latest_one_wholly_past() -> None:
    published = dt.date(2025, 11, 28)
    assert CalendarMonth(11, relation="last").resolve(published, direction="past").start == dt.date(2024, 11, 1)
    assert CalendarMonth(4, relation="next").resolve(published, direction="past").start == dt.date(2026, 4, 1)


def test_winter_runs_into_the_next_year() -> None:
    winter = Season((12, 1, 2), year=2024).resolve(None, direction="past")
    assert (winter.start, winter.end) == (dt.date(2024, 12, 1), dt.date(2025, 2, 28))


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)), st.integers(0, 6), st.booleans())
def test_a_bare_weekday_lands_within_a_week_on_the_right_day(published: dt.date, weekday: int, future: bool) -> None:
    day = Weekday(weekday).resolve(published, "future" if future else "past").start
    assert day.weekday() == weekday
    assert 0 <= ((day - published) if future else (published - day)).days <= 6
