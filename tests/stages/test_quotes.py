"""Tests for the quotes stage: quotation marks, speakers, partial and indirect speech, and robustness."""

from __future__ import annotations

import datetime as dt
from importlib import resources
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from thucydides.config import Settings
from thucydides.document import Document
from thucydides.knowledge import KnowledgeBase
from thucydides.pipeline import Pipeline, load_model
from thucydides.records import Actor, Article, BoilerplateLine, Quote
from thucydides.stages import quotes as quotes_stage
from thucydides.stages.quotes import SOURCES_NOTE, find_segments

from handmade import actor_with_mentions as person


def bundled_cues() -> dict[str, Any]:
    text = (resources.files("thucydides.knowledge") / "data" / "cues.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def small_kb() -> KnowledgeBase:
    """A knowledge base written for these tests, so they do not depend on the bundled entity files."""
    countries = [
        {"code": "NOR", "name": "Norway", "adjectives": ["Norwegian"], "demonyms": ["Norwegians"]},
        {"code": "SWE", "name": "Sweden", "adjectives": ["Swedish"], "demonyms": ["Swedes"]},
        {"code": "USA", "name": "United States", "aliases": ["US"], "adjectives": ["American", "US"]},
    ]
    outlets = [
        {"id": "nordic-ledger", "name": "The Nordic Ledger", "aliases": ["Nordic Ledger"], "country": "NOR"},
    ]
    roles = {
        "role_nouns": [
            {"noun": "official", "sector": "GOV", "person": True, "plural_of": ["officials"]},
            {"noun": "spokesman", "sector": "GOV", "person": True},
            {"noun": "diplomat", "sector": "GOV", "person": True, "plural_of": ["diplomats"]},
        ]
    }
    documents = {
        "countries": {"countries": countries},
        "outlets": {"outlets": outlets},
        "roles": roles,
        "cues": bundled_cues(),
    }
    return KnowledgeBase(documents=documents, version="test", data_as_of=None)


@pytest.fixture(scope="module")
def parser() -> Pipeline:
    return Pipeline(Settings(stages=("language",)), kb=small_kb(), nlp=load_model(None))


@pytest.fixture(scope="module")
def stage(parser: Pipeline) -> quotes_stage.QuotesStage:
    return quotes_stage.make_stage(parser.context)


def parse(parser: Pipeline, text: str) -> Document:
    return parser.process(Article(id="t", text=text, published=dt.date(2025, 3, 4)))


def quotes_of(document: Document, kind: str | None = None) -> list[Quote]:
    return [q for q in document.quotes if kind is None or q.kind == kind]


def speaker_name(document: Document, quote: Quote) -> str | None:
    actor = document.actor(quote.speaker)
    return actor.name if actor else None


# -- quotation marks --------------------------------------------------------------------------------


def test_apostrophes_inside_words_are_not_quotation_marks() -> None:
    segments, warnings = find_segments("“Lund’s plan is dead,” she said. It’s over, isn’t it.")
    assert [("“Lund’s plan is dead,” she said. It’s over, isn’t it."[s.start : s.end]) for s in segments] == [
        "Lund’s plan is dead"
    ]
    assert warnings == []


def test_straight_quotation_marks_pair_by_their_surroundings() -> None:
    text = 'He said: "We are ready." Then "nothing" happened.'
    segments, warnings = find_segments(text)
    assert [text[s.start : s.end] for s in segments] == ["We are ready.", "nothing"]
    assert warnings == []


def test_single_marks_quote_only_in_pairs_so_apostrophes_survive() -> None:
    text = "The farmers' union backed the 'peace' plan. 'We will win,' she said. It's the 1990s' idea."
    segments, warnings = find_segments(text)
    assert [text[s.start : s.end] for s in segments] == ["peace", "We will win"]
    assert warnings == []


def test_unpaired_marks_warn_with_line_and_offset_and_never_raise() -> None:
    text = "A calm first line.\nShe said “we will see and then left.\nNo marks here.\nA stray ” mark."
    segments, warnings = find_segments(text)
    assert segments == []
    assert any("line 2" in w and f"offset {text.index('“')}" in w for w in warnings)
    assert any("line 4" in w and "closing" in w for w in warnings)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab .,:\n\"“”‘’'[]—", max_size=120))
def test_any_text_gives_segments_inside_the_text(text: str) -> None:
    segments, _ = find_segments(text)
    for segment in segments:
        assert 0 <= segment.start < segment.end <= len(text)
        assert segment.open_mark < segment.start


# -- direct quotes and their speakers -----------------------------------------------------------------


def test_said_after_the_quote_names_the_speaker(parser: Pipeline, stage: Any) -> None:
    document = parse(parser, "“The harbour will reopen next week,” said Ingrid Dahl, the port director.")
    person(document, "Ingrid Dahl", "Ingrid Dahl")
    stage(document)
    (quote,) = quotes_of(document)
    assert quote.kind == "direct"
    assert quote.text == "The harbour will reopen next week"
    assert speaker_name(document, quote) == "Ingrid Dahl"
    assert quote.cue == "said"
    assert document.text[quote.span[0] : quote.span[1]] == quote.text


def test_speaker_and_colon_before_the_quote(parser: Pipeline, stage: Any) -> None:
    text = "Ingrid Dahl, who runs the port, added: “We signed the deal. Let’s keep it that way!”"
    document = parse(parser, text)
    person(document, "Ingrid Dahl", "Ingrid Dahl")
    stage(document)
    (quote,) = quotes_of(document)
    assert quote.text == "We signed the deal. Let’s keep it that way!"
    assert speaker_name(document, quote) == "Ingrid Dahl"
    assert quote.cue == "added"


def test_pronoun_speaker_after_the_quote(parser: Pipeline, stage: Any) -> None:
    text = (
        "Olav Berg, a government spokesman, rejected the claim. “There is no such plan,” "
        "he told a regular media briefing."
    )
    document = parse(parser, text)
    berg = person(document, "Olav Berg", "Olav Berg")
    he = text.index(" he ") + 1
    document.add_mention(berg, he, he + 2, "pronoun")
    stage(document)
    (quote,) = quotes_of(document, "direct")
    assert quote.speaker == berg.id
    assert quote.speaker_text == "he"
    assert quote.cue == "told"


def test_a_quote_interrupted_by_its_attribution_gives_both_halves_to_the_speaker(parser: Pipeline, stage: Any) -> None:
    text = "“The first half is mine,” Dahl said in an interview. “So is the second half.”"
    document = parse(parser, text)
    person(document, "Ingrid Dahl", "Dahl")
    stage(document)
    first, second = quotes_of(document, "direct")
    assert (first.text, second.text) == ("The first half is mine", "So is the second half.")
    assert speaker_name(document, first) == speaker_name(document, second) == "Ingrid Dahl"


def test_a_paragraph_of_quotation_alone_continues_the_previous_speaker(parser: Pipeline, stage: Any) -> None:
    text = (
        "“Trade keeps the peace,” said an editorial in the Nordic Ledger.\n\n"
        "“[Dahl has] raised concern among neighbours.”\n\n"
        "Analysts disagreed."
    )
    document = parse(parser, text)
    ledger = person(document, "The Nordic Ledger", "Nordic Ledger", kind="outlet", sector="MED", country="NOR")
    stage(document)
    first, floating = quotes_of(document, "direct")
    assert first.speaker == floating.speaker == ledger.id
    assert floating.text == "[Dahl has] raised concern among neighbours."


def test_a_quote_left_open_runs_into_the_next_paragraph_that_opens_with_a_mark(parser: Pipeline, stage: Any) -> None:
    text = "Dahl said: “We will rebuild the port.\n\n“We will not wait for anyone.”"
    document = parse(parser, text)
    person(document, "Ingrid Dahl", "Dahl")
    stage(document)
    first, second = quotes_of(document, "direct")
    assert first.text == "We will rebuild the port."
    assert second.text == "We will not wait for anyone."
    assert speaker_name(document, first) == speaker_name(document, second) == "Ingrid Dahl"
    assert document.warnings == []


def test_nested_quotes_and_editorial_brackets_stay_inside(parser: Pipeline, stage: Any) -> None:
    text = "“He told me ‘never again’ and [Lund] agreed,” Dahl said."
    document = parse(parser, text)
    person(document, "Ingrid Dahl", "Dahl")
    stage(document)
    (quote,) = quotes_of(document, "direct")
    assert quote.text == "He told me ‘never again’ and [Lund] agreed"
    assert speaker_name(document, quote) == "Ingrid Dahl"


def test_unknown_speaker_description_becomes_an_anonymous_actor(parser: Pipeline, stage: Any) -> None:
    document = parse(parser, "“The talks have stalled,” a Norwegian diplomat said.")
    stage(document)
    (quote,) = quotes_of(document, "direct")
    speaker = document.actor(quote.speaker)
    assert speaker is not None and speaker.anonymous
    assert (speaker.country, speaker.sector) == ("NOR", "GOV")
    assert quote.speaker_span in speaker.mentions


@pytest.mark.parametrize(
    ("text", "author"),
    [
        ("“The port is closed,” said an editorial in the Nordic Ledger.", "The Nordic Ledger"),
        ("“The port is closed,” the Nordic Ledger’s statement said.", "The Nordic Ledger"),
        ("“The port is closed,” the statement said.", None),
    ],
)
def test_words_carried_by_a_statement_or_article_belong_to_its_author(
    parser: Pipeline, stage: Any, text: str, author: str | None
) -> None:
    document = parse(parser, text)
    person(document, "The Nordic Ledger", "Nordic Ledger", kind="outlet", sector="MED")
    stage(document)
    (quote,) = quotes_of(document, "direct")
    assert speaker_name(document, quote) == author
    assert len(document.actors) == 1


def test_quotes_in_related_headlines_are_ignored(parser: Pipeline, stage: Any) -> None:
    text = "Dahl spoke on Monday.\n\n“We will fight on”: the port that refused to close"
    document = parse(parser, text)
    document.boilerplate.append(
        BoilerplateLine(line=3, kind="related", text=text.splitlines()[2], span=(text.index("“"), len(text)))
    )
    stage(document)
    assert quotes_of(document) == []


# -- partial quotes and scare quotes ----------------------------------------------------------------


def test_embedded_phrase_is_a_partial_quote_of_the_sentence_speaker(parser: Pipeline, stage: Any) -> None:
    text = "Last week she answered a question from a reporter by saying that a blockade would be an “existential threat” to Norway."
    document = parse(parser, text)
    dahl = person(document, "Ingrid Dahl")
    document.add_mention(dahl, text.index("she"), text.index("she") + 3, "pronoun")
    stage(document)
    (partial,) = quotes_of(document, "partial")
    assert partial.text == "existential threat"
    assert partial.speaker == dahl.id


def test_a_partial_quote_inside_reported_speech_keeps_both(parser: Pipeline, stage: Any) -> None:
    text = "Dahl wrote on social media that the deal was “the best ever” and that talks would go on."
    document = parse(parser, text)
    person(document, "Ingrid Dahl", "Dahl")
    stage(document)
    (indirect,) = quotes_of(document, "indirect")
    (partial,) = quotes_of(document, "partial")
    assert indirect.text == "the deal was “the best ever” and that talks would go on"
    assert partial.text == "the best ever"
    assert speaker_name(document, indirect) == speaker_name(document, partial) == "Ingrid Dahl"


def test_dismissing_something_as_a_phrase_is_a_partial_quote(parser: Pipeline, stage: Any) -> None:
    text = "The council dismissed the rumours as “pure fiction” on Friday."
    document = parse(parser, text)
    council = person(document, "Tromsø city council", "The council", kind="organisation")
    stage(document)
    (partial,) = quotes_of(document, "partial")
    assert (partial.text, partial.speaker, partial.cue) == ("pure fiction", council.id, "dismissed")


def test_so_called_and_unattributed_phrases_are_not_quotes(parser: Pipeline, stage: Any) -> None:
    text = "The so-called “peace dividend” never came. Fishermen call the reef “the Graveyard” locally."
    document = parse(parser, text)
    stage(document)
    assert quotes_of(document) == []


# -- indirect speech ------------------------------------------------------------------------------------


def test_said_that_gives_an_indirect_quote_spanning_the_complement(parser: Pipeline, stage: Any) -> None:
    text = "Dahl said on Tuesday that the port would reopen within a month."
    document = parse(parser, text)
    person(document, "Ingrid Dahl", "Dahl")
    stage(document)
    (quote,) = quotes_of(document, "indirect")
    assert quote.text == "the port would reopen within a month"
    assert speaker_name(document, quote) == "Ingrid Dahl"
    assert quote.cue == "said"


@pytest.mark.parametrize(
    ("sentence", "complement"),
    [
        ("Dahl told reporters that the fleet was ready.", "the fleet was ready"),
        ("Dahl warned that prices would rise.", "prices would rise"),
        ("Dahl insisted the vote had been fair.", "the vote had been fair"),
        ("Dahl accused the council of hiding the report.", "hiding the report"),
        ("Dahl accused the council of “sabotage” at the port.", "“sabotage”"),
        ("Dahl wrote on social media that the ban was over.", "the ban was over"),
        ("Dahl posted on X that the ferry was late.", "the ferry was late"),
        ("Dahl acknowledged that mistakes had been made.", "mistakes had been made"),
        ("Dahl argued that the plan was too expensive.", "the plan was too expensive"),
        ("Dahl claimed the council had lost the files.", "the council had lost the files"),
        ("Dahl denied that she had met the envoy.", "she had met the envoy"),
    ],
)
def test_speech_verbs_with_a_clause_give_indirect_quotes(
    parser: Pipeline, stage: Any, sentence: str, complement: str
) -> None:
    document = parse(parser, sentence)
    person(document, "Ingrid Dahl", "Dahl")
    stage(document)
    indirect = quotes_of(document, "indirect")
    assert [q.text for q in indirect] == [complement]
    assert speaker_name(document, indirect[0]) == "Ingrid Dahl"


def test_denied_with_an_object_is_not_reported_speech(parser: Pipeline, stage: Any) -> None:
    document = parse(parser, "Dahl denied the newspaper’s account.")
    person(document, "Ingrid Dahl", "Dahl")
    stage(document)
    assert quotes_of(document) == []


def test_according_to_attributes_the_rest_of_the_sentence_to_every_source(parser: Pipeline, stage: Any) -> None:
    text = "Swedish officials said the ferry was seized on Monday, according to the Nordic Ledger and the newspaper Fjordposten."
    document = parse(parser, text)
    ledger = person(document, "The Nordic Ledger", "the Nordic Ledger", kind="outlet", sector="MED")
    stage(document)
    (according,) = [q for q in document.quotes if q.cue == "according to"]
    assert according.kind == "indirect"
    assert according.text == "Swedish officials said the ferry was seized on Monday"
    assert according.speaker == ledger.id
    sources = document.scratch[SOURCES_NOTE][according.id].actor_ids
    assert sources[0] == ledger.id and len(sources) == 2
    assert document.actor(sources[1]).name == "Fjordposten"
    (said,) = [q for q in document.quotes if q.cue == "said"]
    assert said.text == "the ferry was seized on Monday"
    officials = document.actor(said.speaker)
    assert officials.anonymous and (officials.country, officials.sector) == ("SWE", "GOV")


def test_according_to_after_a_direct_quote_names_its_speaker(parser: Pipeline, stage: Any) -> None:
    text = "“The border stays open,” according to a statement from the Nordic Ledger."
    document = parse(parser, text)
    ledger = person(document, "The Nordic Ledger", "Nordic Ledger", kind="outlet", sector="MED")
    stage(document)
    (quote,) = document.quotes
    assert (quote.kind, quote.text, quote.speaker, quote.cue) == ("direct", "The border stays open", ledger.id, "according to")


def test_according_to_reports_has_no_speaker_and_is_marked_vague(parser: Pipeline, stage: Any) -> None:
    document = parse(parser, "The ferry was seized on Monday, according to reports.")
    stage(document)
    (quote,) = quotes_of(document, "indirect")
    assert quote.speaker is None and quote.speaker_text == "reports"
    assert document.scratch[SOURCES_NOTE][quote.id].vague


def test_media_reports_said_is_vague_speech(parser: Pipeline, stage: Any) -> None:
    document = parse(parser, "Media reports said the two ministers would meet in Bergen.")
    stage(document)
    (quote,) = quotes_of(document, "indirect")
    assert quote.speaker is None and quote.speaker_text == "Media reports"
    assert document.scratch[SOURCES_NOTE][quote.id].vague
    assert document.actors == []


def test_every_actor_of_a_plural_speaker_is_a_source(parser: Pipeline, stage: Any) -> None:
    text = "Norwegian and Swedish diplomats said the border would stay open."
    document = parse(parser, text)
    norway = person(document, "Norwegian diplomats", "Norwegian and Swedish diplomats", anonymous=True)
    sweden = person(document, "Swedish diplomats", "Norwegian and Swedish diplomats", anonymous=True)
    stage(document)
    (quote,) = quotes_of(document, "indirect")
    assert quote.speaker == norway.id
    assert document.scratch[SOURCES_NOTE][quote.id].actor_ids == [norway.id, sweden.id]


def test_speech_inside_a_direct_quote_is_not_indirect_speech(parser: Pipeline, stage: Any) -> None:
    text = "“The mayor said that we are close friends,” Dahl said."
    document = parse(parser, text)
    person(document, "Ingrid Dahl", "Dahl")
    stage(document)
    assert [q.kind for q in document.quotes] == ["direct"]


# -- robustness -----------------------------------------------------------------------------------------


def test_a_five_thousand_word_quote(parser: Pipeline, stage: Any) -> None:
    words = " ".join(("the port will open again and we will be there " * 500).split())
    document = parse(parser, f"Dahl said: “{words}.”")
    person(document, "Ingrid Dahl", "Dahl")
    stage(document)
    (quote,) = quotes_of(document, "direct")
    assert len(quote.text.split()) == 5000
    assert speaker_name(document, quote) == "Ingrid Dahl"


@pytest.mark.parametrize(
    "text",
    [
        "the port reopened and the ships came back and nobody said anything at all",
        "port “ ” \" “”“ ’’ ‘ [",
        "“Unclosed at the end",
        "said said said according to",
        "“A,” “B,” “C,” said",
    ],
)
def test_odd_texts_never_raise(parser: Pipeline, stage: Any, text: str) -> None:
    document = parse(parser, text)
    stage(document)
    assert all(0 <= q.span[0] < q.span[1] <= len(text) for q in document.quotes)


def test_quote_ids_follow_text_order(parser: Pipeline, stage: Any) -> None:
    text = "“One,” Dahl said.\n\nDahl said that two was next.\n\n“Three,” Dahl added."
    document = parse(parser, text)
    person(document, "Ingrid Dahl", "Dahl")
    stage(document)
    assert [q.id for q in document.quotes] == ["Q1", "Q2", "Q3"]
    assert [q.kind for q in document.quotes] == ["direct", "indirect", "direct"]


# -- the shared sample ----------------------------------------------------------------------------------


def _speaker_of(document: Document, words: str) -> Actor | None:
    quote = next(q for q in document.quotes if words in q.text)
    return document.actor(quote.speaker)


def test_sample_article_speakers(run_stages: Any, sample_text: str) -> None:
    document = run_stages(sample_text, published="2025-11-28", until="quotes")
    direct = quotes_of(document, "direct")
    assert len(direct) == 9
    assert len({q.speaker for q in direct}) == 5
    assert None not in {q.speaker for q in direct}
    kihara = _speaker_of(document, "There is no such fact")
    assert kihara is not None and "Kihara" in kihara.name
    takaichi = _speaker_of(document, "very close friends")
    assert takaichi is not None and "Takaichi" in takaichi.name
    paper_first = _speaker_of(document, "share a common responsibility")
    paper_second = _speaker_of(document, "raised concern and vigilance")
    assert paper_first is not None and paper_first is paper_second
    assert (paper_first.country, paper_first.sector) == ("CHN", "MED")
    threat = next(q for q in document.quotes if q.text == "existential threat")
    assert threat.kind == "partial" and threat.speaker == takaichi.id
    ishiba = [_speaker_of(document, "utmost caution"), _speaker_of(document, "how sensitive")]
    assert ishiba[0] is ishiba[1] and ishiba[0] is not None and "Ishiba" in ishiba[0].name
    trump = [_speaker_of(document, words) for words in ("very good for Japan", "soybean", "wonderful trade deals")]
    assert trump[0] is trump[1] is trump[2] and trump[0] is not None and "Trump" in trump[0].name


# -- round 2: speakers in real news ---------------------------------------------------------------------


def test_first_person_words_in_a_quote_refer_to_its_speaker(parser: Pipeline, stage: Any) -> None:
    text = "“We signed the deal and I am proud of our crews,” Dahl said. “He told me ‘we will never sign’ once.”"
    document = parse(parser, text)
    dahl = person(document, "Ingrid Dahl", "Dahl")
    council = person(document, "Tromsø city council", kind="organisation")
    we = text.index("We")
    document.add_mention(council, we, we + 2, "pronoun")
    stage(document)
    for word in ("We", "I", "our", "me"):
        start = text.index(word if word != "I" else " I ") + (1 if word == "I" else 0)
        mention = document.mention_covering(start, start + len(word))
        assert mention is not None and mention.actor_id == dahl.id, word
    assert (we, we + 2) not in council.mentions
    nested_we = text.index("‘we") + 1
    assert document.mention_covering(nested_we, nested_we + 2) is None


def test_typewriter_double_apostrophes_are_quotation_marks(parser: Pipeline, stage: Any) -> None:
    text = "''We will not close the port,'' Ms. Dahl said. ''The ships stay.''\n\nShe called it ''a bad idea.''"
    document = parse(parser, text)
    person(document, "Ingrid Dahl", "Ms. Dahl", "She")
    stage(document)
    assert [(q.kind, q.text) for q in document.quotes] == [
        ("direct", "We will not close the port"),
        ("direct", "The ships stay."),
        ("partial", "a bad idea."),
    ]
    assert {speaker_name(document, q) for q in document.quotes} == {"Ingrid Dahl"}


def test_normalising_marks_keeps_every_offset() -> None:
    text = "He said ''no,'' then ``yes'' and the farmers' union's ''plan''."
    normalised = quotes_stage.normalise_marks(text)
    assert len(normalised) == len(text)
    assert normalised.count('"') == 6 and "farmers' union's" in normalised


@pytest.mark.parametrize(
    "text",
    [
        "Dahl resisted: “We will not close the port.”",
        "Dahl met the crews on Monday. Dahl resisted: “We will not close the port.”",
        "Dahl: “We will not close the port.”",
        "Dahl spoke to the crews at the quay on Monday:\n\n“We will not close the port.”",
        "Dahl met the crews.\n\n“We will not close the port.” She said the ships would stay.",
        "“We will not close the port,” Dahl pressed.",
        "As Dahl put it, “we will not close the port.”",
    ],
)
def test_speakers_introduced_by_a_colon_a_next_sentence_or_a_rarer_verb(parser: Pipeline, stage: Any, text: str) -> None:
    document = parse(parser, text)
    dahl = person(document, "Ingrid Dahl", "Dahl")
    if " She " in text:
        she = text.index(" She ") + 1
        document.add_mention(dahl, she, she + 3, "pronoun")
    stage(document)
    (quote,) = quotes_of(document, "direct")
    assert quote.text.rstrip(".").lower() == "we will not close the port"
    assert quote.speaker == dahl.id


@pytest.mark.parametrize(
    "text",
    [
        "The transcript follows:\n\n“We will not close the port.”",
        "Dahl met the crews.\n\n“We will not close the port.” The crowd cheered.",
    ],
)
def test_a_colon_or_next_sentence_without_a_known_speaker_names_no_one(parser: Pipeline, stage: Any, text: str) -> None:
    document = parse(parser, text)
    person(document, "Ingrid Dahl", "Dahl")
    stage(document)
    (quote,) = quotes_of(document, "direct")
    assert quote.speaker is None
    assert len(document.actors) == 1


def test_according_to_before_a_quote_names_its_source(parser: Pipeline, stage: Any) -> None:
    text = "According to the Nordic Ledger, “the mayor will not close the port.”"
    document = parse(parser, text)
    ledger = person(document, "The Nordic Ledger", "Nordic Ledger", kind="outlet", sector="MED")
    stage(document)
    (quote,) = quotes_of(document, "direct")
    assert (quote.speaker, quote.cue) == (ledger.id, "According to")


def test_a_relative_clause_speaks_for_the_name_it_describes(parser: Pipeline, stage: Any) -> None:
    text = "“The port is safe,” said Ingrid Dahl, the port director, who added that the ferries would run."
    document = parse(parser, text)
    dahl = person(document, "Ingrid Dahl", "Ingrid Dahl")
    stage(document)
    (indirect,) = quotes_of(document, "indirect")
    assert (indirect.text, indirect.speaker) == ("the ferries would run", dahl.id)


def test_a_passive_speech_verb_takes_its_agent_as_speaker(parser: Pipeline, stage: Any) -> None:
    text = "The union, which was accused by the Norwegian government of blocking the port, called a strike."
    document = parse(parser, text)
    stage(document)
    (quote,) = [q for q in document.quotes if q.cue == "accused"]
    speaker = document.actor(quote.speaker)
    assert speaker is not None and speaker.country == "NOR"


def test_a_single_unnamed_source_is_a_speaker_but_sources_stay_vague(parser: Pipeline, stage: Any) -> None:
    document = parse(parser, "“It is over,” a source close to the talks said. The port closed, according to sources.")
    stage(document)
    direct, according = document.quotes
    speaker = document.actor(direct.speaker)
    assert speaker is not None and speaker.anonymous
    assert according.speaker is None and document.scratch[SOURCES_NOTE][according.id].vague


def test_an_agency_is_a_news_outlet_only_as_a_news_agency(parser: Pipeline, stage: Any) -> None:
    text = (
        "The ferry was seized, according to the coastal security agency. "
        "The crew was freed, according to the state news agency."
    )
    document = parse(parser, text)
    stage(document)
    kinds = {document.actor(q.speaker).name: document.actor(q.speaker).sector for q in document.quotes}
    assert kinds == {"coastal security agency": None, "state news agency": "MED"}


def test_a_newspaper_unknown_to_the_knowledge_base_that_reports_is_an_outlet(parser: Pipeline, stage: Any) -> None:
    text = "The Harbour Ledger has learned that the ferry company will close two routes."
    document = parse(parser, text)
    paper = person(document, "Harbour Ledger", "The Harbour Ledger")
    stage(document)
    (quote,) = quotes_of(document, "indirect")
    assert (quote.text, quote.speaker) == ("the ferry company will close two routes", paper.id)
    assert (paper.kind, paper.sector) == ("outlet", "MED")


def test_verbs_that_only_carry_an_adjacent_quote_govern_no_phrase(parser: Pipeline, stage: Any) -> None:
    text = "The unions continued their “war on coal” all year. “The mines stay open,” Dahl continued."
    document = parse(parser, text)
    dahl = person(document, "Ingrid Dahl", "Dahl")
    stage(document)
    assert [(q.text, q.speaker) for q in document.quotes] == [("The mines stay open", dahl.id)]
