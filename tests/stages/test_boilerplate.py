"""Tests for the boilerplate stage: page debris is labelled by kind, body lines are left alone."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from thucydides.config import Settings
from thucydides.document import Document
from thucydides.errors import KnowledgeBaseError
from thucydides.knowledge import KnowledgeBase
from thucydides.pipeline import Pipeline, load_model
from thucydides.records import Article
from thucydides.stages.boilerplate import ends_like_sentence, is_headline_shaped, split_lines

RULES_FILE = Path(__file__).resolve().parents[2] / "src" / "thucydides" / "knowledge" / "data" / "boilerplate.yaml"

# Prose paragraphs to put debris between; each is a full sentence, as body text is.
OPENING = (
    "The foreign ministers of Norway and Chile met in Oslo on Tuesday to discuss fishing quotas in the "
    "South Pacific, officials from both countries said."
)
MIDDLE = (
    "Talks between the two delegations lasted more than four hours and ended without a joint statement, "
    "according to a diplomat who attended."
)
CLOSING = (
    "A second round of negotiations is expected in Santiago next month, the Chilean foreign ministry said "
    "in a brief statement on Wednesday."
)


@pytest.fixture(scope="module")
def nlp():
    return load_model(None)


def _kb(rules: dict[str, Any] | None) -> KnowledgeBase:
    documents = {"boilerplate": rules} if rules is not None else {}
    return KnowledgeBase(documents=documents, version="test", data_as_of=None)


@pytest.fixture(scope="module")
def pipeline(nlp) -> Pipeline:
    """Only the bundled boilerplate rules, so other knowledge files being edited cannot break these tests."""
    rules = yaml.safe_load(RULES_FILE.read_text(encoding="utf-8"))
    return Pipeline(Settings(stages=("boilerplate",)), kb=_kb(rules), nlp=nlp)


def classify(pipeline: Pipeline, text: str, title: str | None = None) -> Document:
    article = Article(id="test", text=text, title=title, published=dt.date(2025, 11, 28))
    return pipeline.process(article)


def kinds(document: Document) -> dict[int, str]:
    return {line.line: line.kind for line in document.boilerplate}


def article(*paragraphs: str) -> str:
    return "\n\n".join(paragraphs)


# -- credits -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "credit",
    [
        "MARTA OLSEN/AFP VIA GETTY IMAGES",
        "KYODO NEWS/AP",
        "Photograph: Lars Berg/Reuters",
        "(AP Photo/Pedro Alvarez)",
        "Getty Images",
        "Photo by Ines Paredes/Bloomberg",
        "Photo: Ines Paredes/Reuters",
        "Credit...Ines Paredes for The Daily Bugle",
        "LARS BERG/SOME LOCAL AGENCY",
    ],
)
def test_a_credit_line_between_paragraphs_is_a_credit(pipeline: Pipeline, credit: str) -> None:
    document = classify(pipeline, article(OPENING, credit, MIDDLE))

    assert kinds(document) == {3: "credit"}
    assert document.boilerplate[0].text == credit


def test_a_sentence_that_mentions_an_agency_is_not_a_credit(pipeline: Pipeline) -> None:
    text = article(OPENING, "Reuters and AFP reported the meeting first.", MIDDLE)

    assert kinds(classify(pipeline, text)) == {}


def test_a_line_introducing_a_quotation_is_not_a_credit(pipeline: Pipeline) -> None:
    text = article(OPENING, "From Bloomberg:", "“The talks ended without agreement on the quotas.”", MIDDLE)

    assert kinds(classify(pipeline, text)) == {}


def test_an_outlet_from_the_knowledge_base_credits_a_picture_only_when_joined_to_a_name(nlp) -> None:
    rules = yaml.safe_load(RULES_FILE.read_text(encoding="utf-8"))
    outlets = {"outlets": [{"id": "bugle", "name": "The Daily Bugle", "country": "USA"}]}
    with_outlets = Pipeline(
        Settings(stages=("boilerplate",)),
        kb=KnowledgeBase(documents={"boilerplate": rules, "outlets": outlets}, version="test", data_as_of=None),
        nlp=nlp,
    )

    credited = classify(with_outlets, article(OPENING, "Ines Paredes/The Daily Bugle", MIDDLE))
    headline = classify(with_outlets, article(OPENING, "Why The Daily Bugle Changed Its Mind", MIDDLE))

    assert kinds(credited) == {3: "credit"}
    assert kinds(headline) == {3: "related"}


# -- captions ----------------------------------------------------------------------------------


def test_fragments_directly_above_a_credit_are_its_caption(pipeline: Pipeline) -> None:
    text = article(
        OPENING,
        "Fishing boats in the harbour at Valparaiso, with the city visible behind them.",
        "The Chilean fleet in port in March",
        "MARTA OLSEN/AFP VIA GETTY IMAGES",
        MIDDLE,
    )

    assert kinds(classify(pipeline, text)) == {3: "caption", 5: "caption", 7: "credit"}


def test_a_participle_caption_ending_in_a_full_stop_is_still_a_caption(pipeline: Pipeline) -> None:
    text = article(OPENING, "The Norwegian foreign minister greeting her Chilean counterpart in Oslo.", "KYODO NEWS/AP", MIDDLE)

    assert kinds(classify(pipeline, text)) == {3: "caption", 5: "credit"}


def test_a_present_tense_agency_caption_above_a_credit_is_a_caption(pipeline: Pipeline) -> None:
    text = article(OPENING, "Fishermen unload their catch at the port of Coquimbo.", "Photograph: Lars Berg/Reuters", MIDDLE)

    assert kinds(classify(pipeline, text)) == {3: "caption", 5: "credit"}


def test_a_body_paragraph_above_a_credit_stays_body(pipeline: Pipeline) -> None:
    text = article(OPENING, MIDDLE, "Getty Images", CLOSING)

    assert kinds(classify(pipeline, text)) == {5: "credit"}


@pytest.mark.parametrize(
    "caption",
    [
        "Pictured: the two ministers at the start of the talks in Oslo",
        "Photo: the two ministers at the start of the talks in Oslo",
        "FILE - The two ministers shake hands in Oslo, May 4, 2025. (AP Photo/Pedro Alvarez, File)",
        "The two ministers shake hands before the talks in Oslo. (AP Photo/Pedro Alvarez)",
        "The two ministers before the talks in Oslo. Photograph: Lars Berg/Reuters",
    ],
)
def test_captions_that_announce_themselves_or_carry_their_credit(pipeline: Pipeline, caption: str) -> None:
    assert kinds(classify(pipeline, article(OPENING, caption, MIDDLE))) == {3: "caption"}


# -- related headlines -------------------------------------------------------------------------


def test_a_lone_headline_between_paragraphs_is_related(pipeline: Pipeline) -> None:
    text = article(OPENING, MIDDLE, "Chile seizes Norwegian trawler as quota dispute deepens", CLOSING)

    assert kinds(classify(pipeline, text)) == {5: "related"}


@pytest.mark.parametrize(
    "line",
    [
        "Read more: Why the South Pacific fishing quota matters",
        "RELATED: Norway and Chile sign a trade pact",
        "See also | The history of the quota talks",
    ],
)
def test_lead_in_lines_are_related(pipeline: Pipeline, line: str) -> None:
    assert kinds(classify(pipeline, article(OPENING, line, MIDDLE))) == {3: "related"}


def test_headlines_listed_under_a_read_more_header_are_related(pipeline: Pipeline) -> None:
    text = article(
        OPENING,
        "READ MORE",
        "Chile seizes Norwegian trawler as quota dispute deepens",
        "Norway recalls its ambassador for consultations over fishing row",
        MIDDLE,
    )

    assert kinds(classify(pipeline, text)) == {3: "related", 5: "related", 7: "related"}


def test_many_short_headings_are_subheadings_not_related_links(pipeline: Pipeline) -> None:
    headings = [
        "What the two sides want from the talks",
        "How the quota system came about",
        "Where the fishing fleets operate now",
        "What could happen at the next round",
    ]
    paragraphs = [OPENING]
    for heading in headings:
        paragraphs += [heading, MIDDLE]
    paragraphs.append(CLOSING)

    assert kinds(classify(pipeline, article(*paragraphs))) == {}


def test_a_headline_introduced_by_a_colon_is_quoted_body(pipeline: Pipeline) -> None:
    text = article(OPENING, "The Oslo daily ran the story under the banner:", "Chile and Norway fail to agree on fish", MIDDLE)

    assert kinds(classify(pipeline, text)) == {}


# -- bylines and prompts -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "byline",
    [
        "By Ingrid Sol",
        "By Ingrid Sol and Tomas Vera in Santiago",
        "Ingrid Sol | Reuters",
        "Updated 3.45pm EST",
        "Last modified on Fri 28 Nov 2025 05.02 GMT",
        "Reporting by Ingrid Sol; Editing by Tomas Vera",
    ],
)
def test_bylines_are_bylines(pipeline: Pipeline, byline: str) -> None:
    assert kinds(classify(pipeline, article(OPENING, byline, MIDDLE))) == {3: "byline"}


def test_a_bare_name_under_the_title_is_a_byline(pipeline: Pipeline) -> None:
    text = article("Chile and Norway fail to agree on fishing quotas", "Ingrid Sol", OPENING, MIDDLE)

    assert kinds(classify(pipeline, text)) == {3: "byline"}


@pytest.mark.parametrize(
    "prompt",
    [
        "Sign up to our morning briefing on world affairs",
        "Advertisement",
        "Share this article",
        "Listen to this article",
        "We use cookies to improve your experience on this site.",
        "Skip past newsletter promotion",
    ],
)
def test_prompts_are_other(pipeline: Pipeline, prompt: str) -> None:
    assert kinds(classify(pipeline, article(OPENING, prompt, MIDDLE))) == {3: "other"}


def test_a_body_sentence_opening_with_a_prompt_word_stays_body(pipeline: Pipeline) -> None:
    text = article(OPENING, "Subscribers to the fishing registry will be notified of the new quotas.", MIDDLE)

    assert kinds(classify(pipeline, text)) == {}


# -- title and plain articles ------------------------------------------------------------------


def test_a_headline_shaped_first_line_becomes_the_title_and_stays_body(pipeline: Pipeline) -> None:
    document = classify(pipeline, article("Chile and Norway fail to agree on fishing quotas", OPENING, MIDDLE))

    assert document.article.title == "Chile and Norway fail to agree on fishing quotas"
    assert document.boilerplate == []


def test_a_given_title_is_kept(pipeline: Pipeline) -> None:
    text = article("Chile and Norway fail to agree on fishing quotas", OPENING, MIDDLE)

    document = classify(pipeline, text, title="Fishing talks stall")

    assert document.article.title == "Fishing talks stall"
    assert document.boilerplate == []


def test_an_article_without_debris_has_nothing_flagged(pipeline: Pipeline) -> None:
    text = article(
        OPENING,
        MIDDLE,
        "“We have not reached an agreement, but we are closer than we were,” the Norwegian minister said.",
        "“There is more work to do.”",
        "Her Chilean counterpart, speaking in Santiago, added: “The sea does not belong to one nation!”",
        CLOSING,
    )

    document = classify(pipeline, text)

    assert document.boilerplate == []
    assert document.article.title is None


def test_lines_are_classified_in_place_without_changing_the_text(pipeline: Pipeline) -> None:
    text = article(OPENING, "  KYODO NEWS/AP  ", MIDDLE) + "\n"

    document = classify(pipeline, text)

    assert document.text == text
    (line,) = document.boilerplate
    assert text[line.span[0] : line.span[1]] == line.text == "KYODO NEWS/AP"
    assert document.line_number(line.span[0]) == line.line == 3
    assert document.is_debris(line.span[0])


def test_hard_wrapped_prose_is_not_mistaken_for_headlines(pipeline: Pipeline) -> None:
    text = (
        "Ministers from Norway and Chile met in Oslo on Tuesday to discuss the\n"
        "fishing quotas that have strained relations between the two countries\n"
        "for most of the past decade, officials from both governments said.\n\n"
        "Talks between the two delegations lasted more than four hours and\n"
        "ended without a joint statement, according to a diplomat who attended\n"
        "the meeting and spoke on condition of anonymity.\n"
    )

    document = classify(pipeline, text)

    assert document.boilerplate == []
    assert document.article.title is None


def test_paragraphs_on_single_lines_are_classified_like_blank_line_separated_ones(pipeline: Pipeline) -> None:
    paragraphs = [
        OPENING,
        "Chile seizes Norwegian trawler as quota dispute deepens",
        MIDDLE,
        "The Norwegian foreign minister greeting her Chilean counterpart in Oslo.",
        "KYODO NEWS/AP",
        CLOSING,
    ]

    spaced = classify(pipeline, "\n\n".join(paragraphs))
    packed = classify(pipeline, "\n".join(paragraphs))

    assert [(line.kind, line.text) for line in spaced.boilerplate] == [
        (line.kind, line.text) for line in packed.boilerplate
    ]
    assert [line.kind for line in packed.boilerplate] == ["related", "caption", "credit"]


def test_the_stage_works_from_shape_alone_without_its_rule_file(nlp) -> None:
    bare = Pipeline(Settings(stages=("boilerplate",)), kb=_kb(None), nlp=nlp)
    text = article(OPENING, MIDDLE, "Chile seizes Norwegian trawler as quota dispute deepens", CLOSING)

    assert kinds(classify(bare, text)) == {5: "related"}


def test_a_rule_file_with_an_unknown_section_is_refused(nlp) -> None:
    with pytest.raises(KnowledgeBaseError):
        Pipeline(Settings(stages=("boilerplate",)), kb=_kb({"credits": {"agencies": ["AP"]}}), nlp=nlp)


# -- shape helpers -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He left.", True),
        ("“There is no such fact.”", True),
        ("Let’s keep it that way!”", True),
        ("China bans Japanese seafood", False),
        ("Trump calls Japan a ‘dear ally’", False),
    ],
)
def test_ends_like_sentence(text: str, expected: bool) -> None:
    assert ends_like_sentence(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("China bans Japanese seafood as row deepens", True),
        ("Trump, who plans to visit China in April, added:", False),
        ("“We signed wonderful trade deals”", False),
        ("Too short", False),
        ("• Norway recalls its ambassador over fishing row", False),
    ],
)
def test_is_headline_shaped(text: str, expected: bool) -> None:
    assert is_headline_shaped(text, min_words=4, max_words=20) is expected


def test_split_lines_numbers_lines_like_the_document() -> None:
    lines = split_lines("Title\n\n  Body text.\r\n")

    assert [(line.number, line.text, line.start, line.end) for line in lines] == [(1, "Title", 0, 5), (3, "Body text.", 9, 19)]


# -- the canonical sample ------------------------------------------------------------------------


def test_the_sample_article(pipeline: Pipeline, sample_text: str) -> None:
    document = classify(pipeline, sample_text)

    assert kinds(document) == {
        7: "related",
        13: "caption",
        15: "caption",
        17: "credit",
        29: "related",
        33: "caption",
        35: "caption",
        37: "credit",
    }
