"""Tests for the claims stage: sourced propositions, vague sources, merging, and denials, confirmations, doubts."""

from __future__ import annotations

import datetime as dt
from importlib import resources
from typing import Any

import pytest
import yaml

from thucydides.config import Settings
from thucydides.document import Document
from thucydides.knowledge import KnowledgeBase
from thucydides.pipeline import Pipeline, load_model
from thucydides.records import Actor, Article, Claim
from thucydides.stages import claims as claims_stage
from thucydides.stages import quotes as quotes_stage
from thucydides.stages.claims import DraftClaim, claim_status, merge_same_story, resolve_vague_sources

from handmade import actor_with_mentions as actor


def small_kb() -> KnowledgeBase:
    """A knowledge base written for these tests, so they do not depend on the bundled entity files."""
    cues = yaml.safe_load((resources.files("thucydides.knowledge") / "data" / "cues.yaml").read_text(encoding="utf-8"))
    documents = {
        "countries": {"countries": [{"code": "NOR", "name": "Norway", "adjectives": ["Norwegian"]}]},
        "roles": {"role_nouns": [{"noun": "official", "sector": "GOV", "person": True, "plural_of": ["officials"]}]},
        "cues": cues,
    }
    return KnowledgeBase(documents=documents, version="test", data_as_of=None)


@pytest.fixture(scope="module")
def parser() -> Pipeline:
    return Pipeline(Settings(stages=("language",)), kb=small_kb(), nlp=load_model(None))


@pytest.fixture(scope="module")
def stages(parser: Pipeline) -> tuple[Any, Any]:
    return quotes_stage.make_stage(parser.context), claims_stage.make_stage(parser.context)


def outlet(document: Document, name: str, *phrases: str) -> Actor:
    return actor(document, name, *phrases, kind="outlet", sector="MED")


def run(parser: Pipeline, stages: tuple[Any, Any], text: str, setup: Any = None) -> Document:
    document = parser.process(Article(id="t", text=text, published=dt.date(2025, 3, 4)))
    if setup is not None:
        setup(document)
    for stage in stages:
        stage(document)
    return document


def names(document: Document, actor_ids: list[str]) -> list[str]:
    return [document.actor(actor_id).name for actor_id in actor_ids]


STORY = (
    "The mayor of Tromsø has asked the navy to leave the harbour, according to reports.\n\n"
    "Port officials said the mayor’s request came in a letter on Friday, according to the Nordic Ledger "
    "and the newspaper Fjordposten.\n\n"
    "Lars Moe, a city spokesman, denied the Nordic Ledger’s account."
)


def story_actors(document: Document) -> None:
    outlet(document, "The Nordic Ledger", "Nordic Ledger")
    outlet(document, "Fjordposten", "Fjordposten")
    actor(document, "Lars Moe", "Lars Moe")


def test_vague_lede_takes_the_named_reporters_and_merges_with_their_claim(parser: Pipeline, stages: Any) -> None:
    document = run(parser, stages, STORY, story_actors)
    (claim,) = document.claims
    assert claim.text == "The mayor of Tromsø has asked the navy to leave the harbour"
    assert names(document, claim.reported_by) == ["The Nordic Ledger", "Fjordposten"]


def test_denying_an_outlets_account_disputes_the_claims_it_reported(parser: Pipeline, stages: Any) -> None:
    document = run(parser, stages, STORY, story_actors)
    (claim,) = document.claims
    assert names(document, claim.denied_by) == ["Lars Moe"]
    assert claim.status == "disputed"


def test_a_definite_noun_referring_back_merges_into_the_claim_before(parser: Pipeline, stages: Any) -> None:
    text = (
        "The Nordic Ledger reported that the mayor had asked the navy to leave the harbour.\n\n"
        "The request came in a letter on Friday, according to Fjordposten."
    )

    def setup(document: Document) -> None:
        outlet(document, "The Nordic Ledger", "The Nordic Ledger")
        outlet(document, "Fjordposten", "Fjordposten")

    document = run(parser, stages, text, setup)
    (claim,) = document.claims
    assert claim.text == "the mayor had asked the navy to leave the harbour"
    assert names(document, claim.reported_by) == ["The Nordic Ledger", "Fjordposten"]


def test_outlet_reporting_verbs_make_claims(parser: Pipeline, stages: Any) -> None:
    text = "The Nordic Ledger has learned that the ferry company will close two routes."
    document = run(parser, stages, text, lambda d: outlet(d, "The Nordic Ledger", "The Nordic Ledger"))
    (claim,) = document.claims
    assert claim.text == "the ferry company will close two routes"
    assert names(document, claim.reported_by) == ["The Nordic Ledger"]
    assert claim.status == "reported"


def test_said_citing_sources_makes_a_claim(parser: Pipeline, stages: Any) -> None:
    text = "Fjordposten said the talks had collapsed, citing two people familiar with the matter."
    document = run(parser, stages, text, lambda d: outlet(d, "Fjordposten", "Fjordposten"))
    assert [c.text for c in document.claims] == ["the talks had collapsed"]


def test_an_official_saying_something_is_a_quote_not_a_claim(parser: Pipeline, stages: Any) -> None:
    text = "Lars Moe said the harbour would reopen on Monday."
    document = run(parser, stages, text, lambda d: actor(d, "Lars Moe", "Lars Moe"))
    assert [q.kind for q in document.quotes] == ["indirect"]
    assert document.claims == []


def test_confirming_the_report_confirms_the_claim(parser: Pipeline, stages: Any) -> None:
    text = (
        "The navy will leave the harbour, the Nordic Ledger reported.\n\n"
        "Norwegian officials confirmed the report on Saturday."
    )
    document = run(parser, stages, text, lambda d: outlet(d, "The Nordic Ledger", "Nordic Ledger"))
    (claim,) = document.claims
    assert claim.status == "confirmed"
    (confirmer,) = [document.actor(a) for a in claim.confirmed_by]
    assert confirmer.anonymous and (confirmer.country, confirmer.sector) == ("NOR", "GOV")


def test_casting_doubt_questions_the_claim_without_disputing_it(parser: Pipeline, stages: Any) -> None:
    text = (
        "The navy will leave the harbour, according to the Nordic Ledger.\n\n"
        "Lars Moe cast doubt on the report."
    )

    def setup(document: Document) -> None:
        outlet(document, "The Nordic Ledger", "Nordic Ledger")
        actor(document, "Lars Moe", "Lars Moe")

    document = run(parser, stages, text, setup)
    (claim,) = document.claims
    assert names(document, claim.questioned_by) == ["Lars Moe"]
    assert claim.status == "reported"


def test_a_quoted_denial_about_the_report_disputes_it(parser: Pipeline, stages: Any) -> None:
    text = (
        "The navy will leave the harbour, according to the Nordic Ledger.\n\n"
        "Asked about the report, Lars Moe was blunt. “That is not true,” he said."
    )

    def setup(document: Document) -> None:
        outlet(document, "The Nordic Ledger", "Nordic Ledger")
        moe = actor(document, "Lars Moe", "Lars Moe")
        he = document.text.index(" he ") + 1
        document.add_mention(moe, he, he + 2, "pronoun")

    document = run(parser, stages, text, setup)
    (claim,) = document.claims
    assert names(document, claim.denied_by) == ["Lars Moe"]
    assert claim.status == "disputed"


def test_a_quoted_denial_about_something_else_does_not_touch_the_claim(parser: Pipeline, stages: Any) -> None:
    text = (
        "The navy will leave the harbour, according to the Nordic Ledger.\n\n"
        "On the weather, Lars Moe was blunt. “That is not true,” he said of the forecast."
    )

    def setup(document: Document) -> None:
        outlet(document, "The Nordic Ledger", "Nordic Ledger")
        actor(document, "Lars Moe", "Lars Moe")

    document = run(parser, stages, text, setup)
    (claim,) = document.claims
    assert claim.denied_by == [] and claim.status == "reported"


def test_denying_that_matches_the_claim_saying_the_same(parser: Pipeline, stages: Any) -> None:
    text = (
        "The navy will leave the harbour next month, according to the Nordic Ledger.\n\n"
        "Lars Moe denied that the navy would leave the harbour."
    )

    def setup(document: Document) -> None:
        outlet(document, "The Nordic Ledger", "Nordic Ledger")
        actor(document, "Lars Moe", "Lars Moe")

    document = run(parser, stages, text, setup)
    (claim,) = document.claims
    assert names(document, claim.denied_by) == ["Lars Moe"]


def test_media_reports_in_the_lede_resolve_to_the_outlet_named_later(parser: Pipeline, stages: Any) -> None:
    text = (
        "Media reports said the two ministers would meet in Bergen.\n\n"
        "The Nordic Ledger reported on Sunday that the meeting would take place in December.\n\n"
        "The foreign ministry dismissed the reports."
    )

    def setup(document: Document) -> None:
        outlet(document, "The Nordic Ledger", "The Nordic Ledger")
        actor(document, "Norwegian foreign ministry", "The foreign ministry", kind="organisation", sector="GOV")

    document = run(parser, stages, text, setup)
    (claim,) = document.claims
    assert claim.text == "the two ministers would meet in Bergen"
    assert names(document, claim.reported_by) == ["The Nordic Ledger"]
    assert names(document, claim.denied_by) == ["Norwegian foreign ministry"]


def test_text_with_no_sources_gives_no_claims(parser: Pipeline, stages: Any) -> None:
    document = run(parser, stages, "the harbour was quiet and the boats stayed in and nobody denied anything")
    assert document.claims == []


# -- pure steps ----------------------------------------------------------------------------------------


def test_claim_status_prefers_disputed_over_confirmed() -> None:
    assert claim_status(["A1"], ["A2"]) == "disputed"
    assert claim_status([], ["A2"]) == "confirmed"
    assert claim_status([], []) == "reported"


def test_vague_claims_stay_unsourced_when_no_reporter_is_named_later() -> None:
    drafts = [DraftClaim("x", (0, 1), [], vague=True), DraftClaim("y", (5, 6), [], vague=True)]
    resolve_vague_sources(drafts)
    assert [d.reported_by for d in drafts] == [[], []]


def test_merging_keeps_the_earliest_claim_and_unites_reporters() -> None:
    drafts = [
        DraftClaim("first", (0, 5), ["A1"]),
        DraftClaim("other story", (10, 20), ["A2"]),
        DraftClaim("same as first", (30, 40), ["A1"]),
        DraftClaim("the request came", (50, 60), ["A3"]),
    ]
    merged = merge_same_story(drafts, lambda draft: draft.text.startswith("the request"))
    assert [(m.text, m.reported_by) for m in merged] == [("first", ["A1"]), ("other story", ["A2", "A3"])]


# -- the shared sample ---------------------------------------------------------------------------------


def test_sample_article_claim(run_stages: Any, sample_text: str) -> None:
    document = run_stages(sample_text, published="2025-11-28", until="claims")
    claim: Claim = next(c for c in document.claims if "not to provoke China" in c.text)
    reporters = " ".join(document.actor(a).name for a in claim.reported_by)
    assert len(claim.reported_by) == 2 and "Wall Street Journal" in reporters and "Asahi" in reporters
    assert [document.actor(a).name for a in claim.denied_by] == ["Minoru Kihara"]
    assert claim.status == "disputed"


# -- round 2: reporters the knowledge base does not know, and which claim a denial answers -----------------

ROW = (
    "The coastguard seized two trawlers near the reef, according to the fisheries agency.\n\n"
    "The Harbour Ledger reported on Wednesday that the city had offered to pay for new patrol boats.\n\n"
    "Lars Moe, a city spokesman, denied the report. “There has been no offer of boats,” he said."
)


def row_actors(document: Document) -> None:
    # The actors stage often takes an unknown newspaper for a person; the claim must not depend on it.
    actor(document, "Harbour Ledger", "The Harbour Ledger")
    moe = actor(document, "Lars Moe", "Lars Moe")
    he = document.text.index(" he ") + 1
    document.add_mention(moe, he, he + 2, "pronoun")


def test_any_subject_of_a_reporting_verb_reports_a_claim(parser: Pipeline, stages: Any) -> None:
    document = run(parser, stages, ROW, row_actors)
    reported = next(c for c in document.claims if "patrol boats" in c.text)
    assert reported.text == "the city had offered to pay for new patrol boats"
    assert names(document, reported.reported_by) == ["Harbour Ledger"]


def test_a_government_bodys_according_to_is_still_a_claim(parser: Pipeline, stages: Any) -> None:
    document = run(parser, stages, ROW, row_actors)
    seized = next(c for c in document.claims if "trawlers" in c.text)
    assert names(document, seized.reported_by) == ["fisheries agency"]


def test_denying_the_report_answers_the_claim_just_before_it(parser: Pipeline, stages: Any) -> None:
    document = run(parser, stages, ROW, row_actors)
    seized, offered = document.claims
    assert seized.denied_by == [] and seized.status == "reported"
    assert names(document, offered.denied_by) == ["Lars Moe"] and offered.status == "disputed"


def test_a_denial_naming_the_reporter_answers_that_reporters_claim(parser: Pipeline, stages: Any) -> None:
    text = (
        "The Nordic Ledger reported that the mayor had resigned.\n\n"
        "The harbour will close in May, according to the fisheries agency.\n\n"
        "Lars Moe denied the report, which appeared in the Nordic Ledger on Sunday."
    )

    def setup(document: Document) -> None:
        outlet(document, "The Nordic Ledger", "The Nordic Ledger", "the Nordic Ledger")
        actor(document, "Lars Moe", "Lars Moe")

    document = run(parser, stages, text, setup)
    resigned = next(c for c in document.claims if "resigned" in c.text)
    closing = next(c for c in document.claims if "close" in c.text)
    assert names(document, resigned.denied_by) == ["Lars Moe"]
    assert closing.denied_by == []


def test_the_denials_own_words_pick_the_claim_among_earlier_ones() -> None:
    import spacy

    nlp = spacy.blank("en")
    doc = nlp("The mayor resigned . The ferry routes will close . No routes will close , she said .")
    earlier = [DraftClaim("The mayor resigned", (0, 18), ["A1"]), DraftClaim("The ferry routes will close", (21, 48), ["A2"])]
    for token in doc:
        token.pos_ = "NOUN" if token.is_alpha else "PUNCT"
        token.lemma_ = token.lower_
    quoted = list(doc[9:13])
    assert claims_stage.answered_claim(earlier, []).text == "The ferry routes will close"
    assert claims_stage.answered_claim(list(reversed(earlier)), quoted).text == "The ferry routes will close"
    one_shared_word = list(doc[0:2])
    assert claims_stage.answered_claim(earlier, one_shared_word).text == "The ferry routes will close"
