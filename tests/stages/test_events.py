"""Events stage: frames, actors, modality, dates, attribution and page debris, on hand-built documents."""

from __future__ import annotations

import datetime as dt
import re
from importlib import resources

import pytest
import yaml

from thucydides.config import Settings
from thucydides.document import Document
from thucydides.errors import ThucydidesError
from thucydides.knowledge import KnowledgeBase
from thucydides.pipeline import Pipeline, load_model
from thucydides.records import PLOVER_CATEGORIES, Article, BoilerplateLine, Claim, Event, Quote, TimeExpression
from thucydides.stages.events import EventsStage
from thucydides.stages.events_patterns import compile_rules

PUBLISHED = dt.date(2025, 11, 28)

# Surface form -> (actor name, country, kind). Every test sentence names its actors with these words.
ACTORS: dict[str, tuple[str, str, str]] = {
    "The Courier": ("The Courier", "FRA", "outlet"),
    "Hartmann": ("Hartmann", "DEU", "person"),
    "Moreau": ("Moreau", "FRA", "person"),
    "Okafor": ("Okafor", "NGA", "person"),
    "Germany": ("Germany", "DEU", "state"),
    "German": ("Germany", "DEU", "state"),
    "France": ("France", "FRA", "state"),
    "French": ("France", "FRA", "state"),
    "Nigeria": ("Nigeria", "NGA", "state"),
    "Nigerian": ("Nigeria", "NGA", "state"),
    "Nigerians": ("Nigeria", "NGA", "state"),
    "Brazil": ("Brazil", "BRA", "state"),
    "Brazilian": ("Brazil", "BRA", "state"),
}


def _bundled(name: str) -> dict:
    return yaml.safe_load((resources.files("thucydides.knowledge") / "data" / f"{name}.yaml").read_text("utf-8"))


@pytest.fixture(scope="module")
def rules_kb() -> KnowledgeBase:
    """Only the events stage's own files, so these tests do not depend on the entity files."""
    documents = {"verbs": _bundled("verbs"), "cameo": _bundled("cameo")}
    return KnowledgeBase(documents=documents, version="test", data_as_of=None)


@pytest.fixture(scope="module")
def parser(rules_kb: KnowledgeBase) -> Pipeline:
    return Pipeline(Settings(stages=("language",)), kb=rules_kb, nlp=load_model(None))


@pytest.fixture(scope="module")
def stage(rules_kb: KnowledgeBase) -> EventsStage:
    return EventsStage(compile_rules(rules_kb), date_finder=None)


def build(parser: Pipeline, text: str) -> Document:
    """Parse ``text`` and mark every ACTORS surface form as a mention, as the actors stage would."""
    document = parser.process(Article(id="t", text=text, published=PUBLISHED))
    by_name = {}
    for surface, (name, country, kind) in ACTORS.items():
        for match in re.finditer(rf"\b{re.escape(surface)}\b", text):
            if any(m.start <= match.start() < m.end for m in document.mentions):
                continue
            actor = by_name.get(name) or document.add_actor(name=name, country=country, kind=kind)
            by_name[name] = actor
            document.add_mention(actor, match.start(), match.end(), "name")
    return document


def countries(document: Document, ids: list[str]) -> list[str | None]:
    return [document.actor(i).country for i in ids]


def only_event(document: Document) -> Event:
    assert len(document.events) == 1, [(e.category, e.trigger) for e in document.events]
    return document.events[0]


def events_of(parser: Pipeline, stage: EventsStage, text: str) -> tuple[Document, list[Event]]:
    document = stage(build(parser, text))
    return document, document.events


def quoted(parser: Pipeline, text: str, speaker_kind: str) -> Document:
    """A document whose text between the double quotes is a direct quote by the actor of that kind."""
    document = build(parser, text)
    speaker = next(a for a in document.actors if a.kind == speaker_kind)
    start, end = text.index('"') + 1, text.rindex('"')
    document.quotes.append(Quote(id="Q1", text=text[start:end], kind="direct", speaker=speaker.id, span=(start, end)))
    return document


# -- every PLOVER category ------------------------------------------------------------------------

CATEGORY_SENTENCES = [
    ("Germany agreed to cooperate with France on energy.", "AGREE", "DEU", "FRA"),
    ("Hartmann met Moreau in Brussels.", "CONSULT", "DEU", "FRA"),
    ("Hartmann praised France for its restraint.", "SUPPORT", "DEU", "FRA"),
    ("Nigeria backed down after weeks of pressure.", "CONCEDE", "NGA", None),
    ("Germany cooperated with Nigeria on border security.", "COOPERATE", "DEU", "NGA"),
    ("France sent humanitarian aid to Nigeria.", "AID", "FRA", "NGA"),
    ("Brazil released two French sailors.", "RETREAT", "BRA", "FRA"),
    ("Hartmann urged Moreau to lower tariffs.", "REQUEST", "DEU", "FRA"),
    ("Moreau accused Germany of stalling.", "ACCUSE", "FRA", "DEU"),
    ("Nigeria rejected the French proposal.", "REJECT", "NGA", "FRA"),
    ("Brazil threatened Nigeria with sanctions.", "THREATEN", "BRA", "NGA"),
    ("Okafor demonstrated against France outside the embassy.", "PROTEST", "NGA", "FRA"),
    ("Germany expelled Brazilian diplomats.", "SANCTION", "DEU", "BRA"),
    ("Brazil deployed troops to its northern border.", "MOBILIZE", "BRA", None),
    ("France arrested two Nigerian activists.", "COERCE", "FRA", "NGA"),
    ("Brazil attacked Nigerian ships.", "ASSAULT", "BRA", "NGA"),
]


def test_the_sentences_cover_every_plover_category() -> None:
    assert {category for _, category, _, _ in CATEGORY_SENTENCES} == set(PLOVER_CATEGORIES)


@pytest.mark.parametrize(("text", "category", "source", "target"), CATEGORY_SENTENCES)
def test_each_category_is_found_with_its_actors(parser, stage, text, category, source, target) -> None:
    document, events = events_of(parser, stage, text)
    matching = [e for e in events if e.category == category]
    assert matching, [(e.category, e.trigger) for e in events]
    event = matching[0]
    assert countries(document, event.source) == [source]
    assert countries(document, event.target) == ([target] if target else [])


def test_goldstein_and_code_come_from_the_codebook(parser, stage) -> None:
    _, events = events_of(parser, stage, "Brazil attacked Nigerian ships.")
    assert (events[0].cameo, events[0].goldstein) == ("190", -10.0)


# -- frames ---------------------------------------------------------------------------------------


def test_call_on_someone_to_act_is_a_request_to_them(parser, stage) -> None:
    document, events = events_of(parser, stage, "Germany called on Nigeria to free the journalists.")
    request = next(e for e in events if e.category == "REQUEST")
    assert countries(document, request.source) == ["DEU"]
    assert countries(document, request.target) == ["NGA"]
    assert request.trigger == "called on"


def test_call_for_someone_to_act_is_a_request_to_them(parser, stage) -> None:
    document, events = events_of(parser, stage, "Moreau called for Brazil to end the blockade.")
    request = next(e for e in events if e.category == "REQUEST")
    assert countries(document, request.target) == ["BRA"]


def test_calling_someone_is_a_telephone_consultation(parser, stage) -> None:
    document, _ = events_of(parser, stage, "Hartmann called Okafor on Tuesday.")
    event = only_event(document)
    assert (event.category, event.cameo) == ("CONSULT", "041")
    assert countries(document, event.target) == ["NGA"]


def test_prepositional_target_of_an_event_noun(parser, stage) -> None:
    document, _ = events_of(parser, stage, "Hartmann held talks with Okafor in Abuja.")
    event = only_event(document)
    assert event.category == "CONSULT"
    assert (countries(document, event.source), countries(document, event.target)) == (["DEU"], ["NGA"])


def test_sanctions_on_a_countrys_banks_target_that_country(parser, stage) -> None:
    document, _ = events_of(parser, stage, "France imposed sanctions on Brazilian banks.")
    event = only_event(document)
    assert event.cameo == "163"
    assert countries(document, event.target) == ["BRA"]


def test_reciprocal_subject_gives_source_and_target(parser, stage) -> None:
    document, _ = events_of(parser, stage, "Hartmann and Moreau met in Geneva.")
    event = only_event(document)
    assert (countries(document, event.source), countries(document, event.target)) == (["DEU"], ["FRA"])


def test_conversation_between_two_leaders(parser, stage) -> None:
    document, _ = events_of(parser, stage, "It followed a long conversation between Hartmann and Okafor.")
    event = only_event(document)
    assert event.category == "CONSULT"
    assert set(countries(document, event.source + event.target)) == {"DEU", "NGA"}


def test_relative_clause_takes_its_antecedent_as_subject(parser, stage) -> None:
    document, _ = events_of(parser, stage, "Hartmann, who plans to visit Nigeria in May, spoke to reporters.")
    event = only_event(document)
    assert (event.category, event.cameo) == ("CONSULT", "042")
    assert countries(document, event.source) == ["DEU"]
    assert event.modality == "future"


def test_urged_not_to_gives_one_request_and_no_event_for_the_complement(parser, stage) -> None:
    document, _ = events_of(parser, stage, "Hartmann urged Okafor not to provoke France.")
    event = only_event(document)
    assert event.category == "REQUEST"
    assert countries(document, event.target) == ["NGA"]


def test_passive_with_agent(parser, stage) -> None:
    document, _ = events_of(parser, stage, "Moreau was criticised by Hartmann.")
    event = only_event(document)
    assert event.category == "ACCUSE"
    assert (countries(document, event.source), countries(document, event.target)) == (["DEU"], ["FRA"])


def test_agentless_passive_attack_keeps_its_target(parser, stage) -> None:
    document, _ = events_of(parser, stage, "A French convoy was attacked near the border.")
    event = only_event(document)
    assert event.category == "ASSAULT"
    assert event.source == []
    assert countries(document, event.target) == ["FRA"]


def test_agentless_passive_criticism_keeps_its_target(parser, stage) -> None:
    document, _ = events_of(parser, stage, "Moreau was sharply criticised on Monday.")
    event = only_event(document)
    assert (event.category, event.source, countries(document, event.target)) == ("ACCUSE", [], ["FRA"])


def test_no_event_without_any_actor(parser, stage) -> None:
    document, _ = events_of(parser, stage, "The rebels attacked the convoy.")
    assert document.events == []


def test_consultation_without_a_target_is_dropped(parser, stage) -> None:
    document, _ = events_of(parser, stage, "Hartmann met reporters.")
    assert document.events == []


def test_event_noun_that_is_the_object_of_an_event_verb_is_not_a_second_event(parser, stage) -> None:
    document, _ = events_of(parser, stage, "Germany pledged aid to Nigeria.")
    event = only_event(document)
    assert event.category == "AGREE"
    assert countries(document, event.target) == ["NGA"]


def test_saying_another_country_must_act_is_a_demand(parser, stage) -> None:
    document, events = events_of(parser, stage, "Germany said Brazil must withdraw its troops.")
    demand = next(e for e in events if e.category == "REQUEST")
    assert (demand.cameo, demand.trigger) == ("100", "must withdraw")
    assert (countries(document, demand.source), countries(document, demand.target)) == (["DEU"], ["BRA"])


def test_an_actor_saying_it_must_act_makes_no_demand(parser, stage) -> None:
    document, _ = events_of(parser, stage, "Germany said it must defend Germany.")
    assert [e for e in document.events if e.category == "REQUEST"] == []


# -- precision on real news: senses and selectional constraints -------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Moreau released a statement on Monday.",
        "In a statement released by France, officials denied it.",
        "A poll released by The Courier showed Moreau ahead.",
        "France will be releasing its new budget plans soon.",
    ],
)
def test_releasing_a_document_is_no_release(parser, stage, text) -> None:
    document, _ = events_of(parser, stage, text)
    assert [e for e in document.events if e.category == "RETREAT"] == []


def test_releasing_people_is_a_release(parser, stage) -> None:
    document, _ = events_of(parser, stage, "France released two Nigerian journalists.")
    event = only_event(document)
    assert (event.category, countries(document, event.source), countries(document, event.target)) == (
        "RETREAT", ["FRA"], ["NGA"],
    )


@pytest.mark.parametrize(
    "text",
    [
        "Hartmann attacked Moreau for lying about the budget.",
        "Hartmann, who has hit Moreau over the deficit, spoke.",
        "Hartmann relentlessly attacked Okafor.",
        "Hartmann went after Moreau over taxes.",
        "Hartmann spoke before the Nigerian Rifle Association and attacked Moreau over taxes.",
    ],
)
def test_verbal_attack_on_a_person_is_criticism(parser, stage, text) -> None:
    document, _ = events_of(parser, stage, text)
    event = only_event(document)
    assert (event.category, event.cameo) == ("ACCUSE", "111")
    assert countries(document, event.target) in (["FRA"], ["NGA"])


def test_attack_between_states_stays_an_assault(parser, stage) -> None:
    _, events = events_of(parser, stage, "Germany attacked Brazil.")
    assert [e.category for e in events] == ["ASSAULT"]


def test_attack_with_casualties_stays_an_assault_even_with_grounds(parser, stage) -> None:
    _, events = events_of(parser, stage, "Okafor attacked Moreau for his remarks, and two people were killed.")
    assert "ASSAULT" in [e.category for e in events]


@pytest.mark.parametrize(
    "text",
    [
        "Hartmann has fought hard to defend the budget.",
        "Germany has fought hard to defend the budget.",
        "Hartmann is gunning for Moreau.",
        "Germany fought the virus.",
    ],
)
def test_figurative_fighting_is_no_event(parser, stage, text) -> None:
    document, _ = events_of(parser, stage, text)
    assert document.events == []


def test_targetless_attack_with_casualties_stays_an_assault(parser, stage) -> None:
    _, events = events_of(parser, stage, "Germany attacked at dawn, killing ten soldiers.")
    assert [e.category for e in events] == ["ASSAULT"]


def test_fighting_another_state_is_an_assault(parser, stage) -> None:
    document, _ = events_of(parser, stage, "France fought Nigeria in 1880.")
    event = only_event(document)
    assert (event.category, countries(document, event.target)) == ("ASSAULT", ["NGA"])


@pytest.mark.parametrize(
    "text",
    [
        "Hartmann is backed by 34% of Nigerian voters.",
        "A majority of Nigerian voters support Hartmann.",
        "Hartmann was strongly supported by early deciders.",
    ],
)
def test_poll_support_is_no_event(parser, stage, text) -> None:
    document, _ = events_of(parser, stage, text)
    assert document.events == []


@pytest.mark.parametrize(
    "text",
    [
        "Moreau's appeal has faded since the summer.",
        "Moreau's appeal to German voters is fading.",
        "Moreau asked whether Hartmann would come.",
        "Moreau insists Hartmann is wrong about Germany.",
        "Moreau offered an explanation to reporters.",
        "Okafor said Hartmann must be doing something right.",
        "Moreau banned smoking in French offices.",
        "Hartmann's attack on the budget went nowhere.",
        "Moreau ordered the release of embarrassing internal documents.",
        "Germany vowed to bring back jobs from Brazil.",
        "Experts in France agree it will be hard.",
        "Traffic has grown again since the Brazilian attacks in November.",
        "Moreau conceded that France had erred.",
        "Hartmann deploys an array of tactics against critics.",
    ],
)
def test_words_that_only_look_like_events_make_none(parser, stage, text) -> None:
    document, _ = events_of(parser, stage, text)
    assert document.events == [], [(e.category, e.trigger) for e in document.events]


def test_event_noun_aimed_at_an_actor_stays_an_event(parser, stage) -> None:
    document, _ = events_of(parser, stage, "Germany's ban on French wine angered Nigeria.")
    event = only_event(document)
    assert (event.category, countries(document, event.source), countries(document, event.target)) == (
        "COERCE", ["DEU"], ["FRA"],
    )


@pytest.mark.parametrize(
    "text",
    [
        "Hartmann promised to continue military aid to Nigeria.",
        "Hartmann pledged Germany's full support for Okafor.",
    ],
)
def test_a_promise_takes_its_partner_from_what_is_promised(parser, stage, text) -> None:
    document, events = events_of(parser, stage, text)
    promise = next(e for e in events if e.category == "AGREE")
    assert (countries(document, promise.source), countries(document, promise.target)) == (["DEU"], ["NGA"])


def test_agreeing_on_a_text_is_an_agreement_between_both_sides(parser, stage) -> None:
    document, _ = events_of(parser, stage, "Germany and Brazil agreed on a draft text.")
    event = only_event(document)
    assert (event.category, set(countries(document, event.source + event.target))) == ("AGREE", {"DEU", "BRA"})


def test_event_noun_with_an_agent_and_casualties_is_an_event(parser, stage) -> None:
    document, _ = events_of(parser, stage, "A car bombing by France killed ten people.")
    event = only_event(document)
    assert (event.category, countries(document, event.source)) == ("ASSAULT", ["FRA"])


def test_event_noun_with_a_non_actor_argument_is_an_event(parser, stage) -> None:
    document, _ = events_of(parser, stage, "Nigerian riots against the new taxes continued.")
    event = only_event(document)
    assert (event.category, countries(document, event.source)) == ("PROTEST", ["NGA"])


def test_what_someone_declined_to_do_is_negated(parser, stage) -> None:
    _, events = events_of(parser, stage, "Hartmann declined to criticize Moreau.")
    assert [(e.category, e.modality) for e in events] == [("ACCUSE", "negated")]


def test_offering_to_act_is_an_intent_to_cooperate(parser, stage) -> None:
    document, events = events_of(parser, stage, "Moreau offered to help Nigeria.")
    assert [e.category for e in events if e.category == "AGREE"] == ["AGREE"]


def test_appeal_to_someone_is_a_request(parser, stage) -> None:
    document, _ = events_of(parser, stage, "Moreau made an appeal to Germany for calm.")
    event = only_event(document)
    assert (event.category, countries(document, event.target)) == ("REQUEST", ["DEU"])


def test_campaign_rally_is_no_protest_but_a_rally_against_someone_is(parser, stage) -> None:
    document, _ = events_of(parser, stage, "Hartmann held a rally in Lagos.")
    assert document.events == []
    document, _ = events_of(parser, stage, "Okafor held a rally against France.")
    assert [(e.category, countries(document, e.target)) for e in document.events] == [("PROTEST", ["FRA"])]


def test_month_named_march_is_no_protest(parser, stage) -> None:
    document, _ = events_of(parser, stage, "Moreau reported his savings at the beginning of March.")
    assert document.events == []


def test_requested_action_is_not_a_second_event(parser, stage) -> None:
    document, _ = events_of(parser, stage, "Germany asked Nigeria to release two French sailors.")
    event = only_event(document)
    assert (event.category, countries(document, event.target)) == ("REQUEST", ["NGA"])


@pytest.mark.parametrize(
    "text",
    [
        "Nigeria freed two French sailors detained near the coast.",
        "Germany asked Nigeria to help two French sailors detained near the coast.",
    ],
)
def test_reduced_passive_participle_has_no_source_and_its_noun_as_target(parser, stage, text) -> None:
    document, events = events_of(parser, stage, text)
    detention = next(e for e in events if e.category == "COERCE")
    assert detention.source == []
    assert countries(document, detention.target) == ["FRA"]


# -- modality -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Germany did not attack Brazil.", "negated"),
        ("Germany has never met Brazil.", "negated"),
        ("Germany will meet Brazil next week.", "future"),
        ("Hartmann plans to visit Brazil.", "future"),
        ("Germany would be entitled to attack Brazil.", "hypothetical"),
        ("If Germany attacks Brazil, prices will rise.", "hypothetical"),
        ("Germany attacked Brazil.", "asserted"),
    ],
)
def test_modality(parser, stage, text, expected) -> None:
    _, events = events_of(parser, stage, text)
    assert [e.modality for e in events] == [expected]


def test_event_someone_is_urged_to_do_is_the_requests_content_not_an_event(parser, stage) -> None:
    # Round 2: the urged attack has not happened; reporting it as an ASSAULT (even hypothetical) put
    # made-up conflict into the record, so the request alone is the event.
    document, _ = events_of(parser, stage, "Okafor urged Germany to attack Brazil.")
    event = only_event(document)
    assert event.category == "REQUEST"
    assert countries(document, event.target) == ["DEU"]


def test_event_someone_was_allowed_to_do_stays_a_hypothetical_event(parser, stage) -> None:
    document, events = events_of(parser, stage, "Okafor allowed Germany to attack Brazil.")
    attack = next(e for e in events if e.category == "ASSAULT")
    assert attack.modality == "hypothetical"
    assert countries(document, attack.source) == ["DEU"]


def test_event_reported_in_a_that_clause_stays_asserted(parser, stage) -> None:
    _, events = events_of(parser, stage, "Okafor told reporters that Germany attacked Brazil.")
    assert [(e.category, e.modality) for e in events] == [("ASSAULT", "asserted")]


# -- attribution, debris, captions, dates ----------------------------------------------------------


def test_event_inside_a_quote_is_attributed_to_the_speaker(parser, stage) -> None:
    document = quoted(parser, 'Okafor said: "Brazil attacked Nigerian ships."', speaker_kind="person")
    event = only_event(stage(document))
    assert document.actor(event.attributed_to).name == "Okafor"


def test_event_inside_a_claim_is_attributed_to_its_first_reporter(parser, stage) -> None:
    text = "Germany threatened Brazil with sanctions, The Courier reported."
    document = build(parser, text)
    outlet = next(a for a in document.actors if a.kind == "outlet")
    document.claims.append(Claim(id="C1", text=text[:39], span=(0, 39), reported_by=[outlet.id]))
    event = only_event(stage(document))
    assert event.attributed_to == outlet.id


def _boilerplate(text: str, line: int, kind: str) -> BoilerplateLine:
    lines = text.split("\n")
    start = sum(len(x) + 1 for x in lines[: line - 1])
    return BoilerplateLine(line=line, kind=kind, text=lines[line - 1], span=(start, start + len(lines[line - 1])))


def test_no_event_from_a_related_headline(parser, stage) -> None:
    text = "Hartmann met Moreau on Friday.\n\nBrazil attacks Nigerian ships as row deepens\n"
    document = build(parser, text)
    document.boilerplate.append(_boilerplate(text, 3, "related"))
    stage(document)
    assert [e.category for e in document.events] == ["CONSULT"]


def test_event_in_a_caption_is_marked(parser, stage) -> None:
    text = "Trade resumed on Friday.\n\nHartmann and Moreau met in Geneva in October\n"
    document = build(parser, text)
    document.boilerplate.append(_boilerplate(text, 3, "caption"))
    event = only_event(stage(document))
    assert event.in_caption is True


def _dates_on(words: dict[str, tuple[dt.date, dt.date]]):
    """A stand-in for the time stage's date_for: the date written in the token's sentence, if any."""

    def date_for(document: Document, token) -> TimeExpression | None:
        for word, (start, end) in words.items():
            if word in token.sent.text:
                offset = token.sent.start_char + token.sent.text.index(word)
                return TimeExpression(text=word, span=(offset, offset + len(word)), start=start, end=end)
        return None

    return date_for


def test_definite_event_noun_takes_the_date_of_the_earlier_mention(parser, rules_kb) -> None:
    monday = dt.date(2025, 11, 24)
    text = (
        "Officials said the request came in a telephone call on Monday.\n\n"
        "In Okafor's account of the call with Hartmann, trade was discussed."
    )
    stage = EventsStage(compile_rules(rules_kb), date_finder=_dates_on({"Monday": (monday, monday)}))
    event = only_event(stage(build(parser, text)))
    assert event.category == "CONSULT"
    assert event.date is not None and event.date.start == monday


def test_event_dated_long_before_publication_is_historical(parser, rules_kb) -> None:
    in_1945 = (dt.date(1945, 1, 1), dt.date(1945, 12, 31))
    stage = EventsStage(compile_rules(rules_kb), date_finder=_dates_on({"1945": in_1945}))
    event = only_event(stage(build(parser, "France attacked Germany in 1945.")))
    assert event.historical is True
    assert event.date is not None and event.date.text == "1945"


# -- quotes that criticise another country ---------------------------------------------------------


def test_quote_calling_another_countrys_moves_dangerous_is_an_accusation(parser, stage) -> None:
    text = 'The Courier wrote: "Germany\'s dangerous moves alarm the region."'
    document = quoted(parser, text, speaker_kind="outlet")
    event = only_event(stage(document))
    outlet = next(a for a in document.actors if a.kind == "outlet")
    assert (event.category, event.cameo) == ("ACCUSE", "111")
    assert event.source == [outlet.id]
    assert countries(document, event.target) == ["DEU"]
    assert event.attributed_to == outlet.id


def test_quote_about_a_shared_duty_is_no_accusation(parser, stage) -> None:
    text = 'The Courier wrote: "Germany and France share a duty to oppose aggression."'
    document = quoted(parser, text, speaker_kind="outlet")
    assert stage(document).events == []


# -- the knowledge files --------------------------------------------------------------------------


def test_every_pattern_names_a_code_in_the_codebook(rules_kb) -> None:
    rules = compile_rules(rules_kb)
    patterns = [p for index in (rules.verbs, rules.nouns) for found in index.values() for p in found]
    assert patterns
    assert all(p.cameo in rules.codes and rules.codes[p.cameo].category in PLOVER_CATEGORIES for p in patterns)


def test_every_verbal_sense_names_a_code_in_the_codebook_or_drops_the_event(rules_kb) -> None:
    rules = compile_rules(rules_kb)
    verbal = {p.verbal for index in (rules.verbs, rules.nouns) for found in index.values() for p in found}
    verbal.discard(None)
    assert verbal
    assert all(code == "drop" or rules.codes[code].category is not None for code in verbal)


def test_every_negated_sense_names_a_code_in_the_codebook(rules_kb) -> None:
    rules = compile_rules(rules_kb)
    negated = {p.when_negated for index in (rules.verbs, rules.nouns) for found in index.values() for p in found}
    negated.discard(None)
    assert negated
    assert all(rules.codes[code].category is not None for code in negated)


@pytest.mark.parametrize(
    "text", ["Germany failed to reach agreement with Brazil.", "Germany and Brazil did not reach a deal."]
)
def test_failing_to_reach_a_deal_is_a_rejection(parser, stage, text) -> None:
    document, _ = events_of(parser, stage, text)
    event = only_event(document)
    assert (event.category, event.modality) == ("REJECT", "asserted")
    assert set(countries(document, event.source + event.target)) == {"DEU", "BRA"}


def test_verb_patterns_cover_every_plover_category(rules_kb) -> None:
    rules = compile_rules(rules_kb)
    covered = {rules.codes[p.cameo].category for found in rules.verbs.values() for p in found}
    assert covered == set(PLOVER_CATEGORIES)


def test_codebook_converts_codes_as_the_plover_table_does(rules_kb) -> None:
    codes = compile_rules(rules_kb).codes
    assert (codes["041"].category, codes["041"].goldstein) == ("CONSULT", 1.0)
    assert codes["163"].category == "COERCE"
    assert codes["010"].category is None
    assert len(codes) > 300


def test_an_unquoted_yaml_preposition_is_reported() -> None:
    documents = {"verbs": {"verbs": [{"lemma": "call", "prep": True, "cameo": "020"}]}, "cameo": _bundled("cameo")}
    with pytest.raises(ThucydidesError, match="quote"):
        compile_rules(KnowledgeBase(documents=documents, version="test", data_as_of=None))


# -- announced acts (stated intent) ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "category", "cameo"),
    [
        ("Germany will send humanitarian aid to Nigeria.", "AGREE", "033"),
        ("Hartmann said Germany would release two Nigerian sailors.", "AGREE", "0353"),
        ("Hartmann said Germany would impose sanctions on Brazil.", "THREATEN", "1312"),
        ("Germany plans to bomb Brazilian bases.", "THREATEN", "138"),
        ("Germany is ready to cooperate with Nigeria on border security.", "AGREE", "031"),
        ("Germany promised to deport thousands of people.", "THREATEN", "131"),
    ],
)
def test_an_announced_material_act_is_an_intent_or_a_threat(parser, stage, text, category, cameo) -> None:
    document, events = events_of(parser, stage, text)
    announced = next(e for e in events if e.category == category)
    assert announced.cameo == cameo
    assert announced.modality == "asserted"


def test_an_act_announced_unless_the_other_side_yields_is_a_threat(parser, stage) -> None:
    text = "Nigeria will withdraw its troops from Brazil unless Brazil agrees to a ceasefire."
    document, events = events_of(parser, stage, text)
    threat = next(e for e in events if e.trigger == "withdraw")
    assert (threat.category, countries(document, threat.source), countries(document, threat.target)) == (
        "THREATEN", ["NGA"], ["BRA"],
    )


def test_a_planned_meeting_keeps_its_category_and_future_modality(parser, stage) -> None:
    document, _ = events_of(parser, stage, "Germany will meet Brazil next week.")
    event = only_event(document)
    assert (event.category, event.modality) == ("CONSULT", "future")


@pytest.mark.parametrize(
    "text",
    [
        "Hartmann said Germany would attack Brazil if Nigeria agreed.",
        "Hartmann said Germany would have attacked Brazil.",
    ],
)
def test_a_conditional_or_counterfactual_act_is_no_threat(parser, stage, text) -> None:
    _, events = events_of(parser, stage, text)
    assert "THREATEN" not in {e.category for e in events}
    assert [e.modality for e in events if e.category == "ASSAULT"] == ["hypothetical"]


def test_an_announced_act_with_no_one_announcing_it_keeps_its_own_category(parser, stage) -> None:
    _, events = events_of(parser, stage, "Hartmann said two Nigerian sailors will be released.")
    assert [e.category for e in events] == ["RETREAT"]


def test_an_announced_act_that_needs_a_target_still_needs_one(parser, stage) -> None:
    _, events = events_of(parser, stage, "Germany said Germany will support the bill.")
    assert events == []


# -- everyday frames of diplomatic and conflict news -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "category", "source", "target"),
    [
        ("Germany reimposed a blockade on Nigeria.", "COERCE", "DEU", "NGA"),
        ("Germany extended the curfew in Nigeria.", "COERCE", "DEU", "NGA"),
        ("Germany outlawed the Nigerian opposition.", "COERCE", "DEU", "NGA"),
        ("Brazil hacked into German government computers.", "COERCE", "BRA", "DEU"),
        ("Germany beat up Nigerian detainees.", "ASSAULT", "DEU", "NGA"),
        ("Germany captured the Nigerian town of Kano.", "ASSAULT", "DEU", "NGA"),
        ("Germany suspended aid deliveries to Nigeria.", "SANCTION", "DEU", "NGA"),
        ("Moreau alleged that Germany had bribed officials.", "ACCUSE", "FRA", "DEU"),
        ("Okafor blocked the roads to the French embassy.", "PROTEST", "NGA", None),
        ("Okafor staged a hunger strike.", "PROTEST", "NGA", None),
        ("German tanks shelled Brazilian positions.", "ASSAULT", "DEU", "BRA"),
        ("An explosion killed two German soldiers.", "ASSAULT", None, "DEU"),
        ("German troops evacuated the base.", "RETREAT", "DEU", None),
        ("Hartmann confirmed Germany would tighten the blockade of Nigeria.", "THREATEN", "DEU", "NGA"),
        ("Germany and France reached an agreement on fishing.", "AGREE", "DEU", "FRA"),
        ("Germany struck a deal with Brazil.", "AGREE", "DEU", "BRA"),
        ("Okafor sought asylum in Germany.", "REQUEST", "NGA", "DEU"),
        ("German police dispersed the Nigerian protesters.", "ASSAULT", "DEU", "NGA"),
        ("Germany strengthened its forces in Nigeria.", "MOBILIZE", "DEU", "NGA"),
        ("German guards abused Nigerian immigrants.", "ASSAULT", "DEU", "NGA"),
        ("Thousands of Nigerians demonstrated against France.", "PROTEST", "NGA", "FRA"),
        ("Hartmann cancelled a planned visit to Brazil.", "SANCTION", "DEU", "BRA"),
        ("German helicopters shelled Brazilian positions.", "ASSAULT", "DEU", "BRA"),
    ],
)
def test_everyday_frames(parser, stage, text, category, source, target) -> None:
    document, events = events_of(parser, stage, text)
    matching = [e for e in events if e.category == category]
    assert matching, [(e.category, e.trigger) for e in events]
    event = matching[0]
    assert countries(document, event.source) == ([source] if source else [])
    assert countries(document, event.target)[:1] == ([target] if target else [])


@pytest.mark.parametrize(
    "text",
    [
        "Hartmann beat Moreau by ten points in the primary.",
        "Hartmann captured the nomination.",
        "The committee blocked the bill.",
        "The scandal killed Hartmann's campaign.",
        "Hartmann abused his power.",
        "Hartmann sought the nomination.",
        "Hartmann cancelled his rally.",
        "Nigeria hosts thousands of refugees.",
    ],
)
def test_contest_and_procedure_words_are_no_force(parser, stage, text) -> None:
    _, events = events_of(parser, stage, text)
    assert not {e.category for e in events} & {"ASSAULT", "PROTEST", "REQUEST", "SANCTION", "CONSULT"}


# -- the sample article ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample(sample_text, run_stages) -> Document:
    return run_stages(sample_text, published="2025-11-28", until="events")


def _directed(document: Document, category: str, source: str, target: str) -> list[Event]:
    return [
        e
        for e in document.events
        if e.category == category
        and source in countries(document, e.source)
        and target in countries(document, e.target)
    ]


def _between(document: Document, category: str, one: str, other: str) -> list[Event]:
    return _directed(document, category, one, other) + _directed(document, category, other, one)


def test_sample_phone_call_between_us_and_japan_dated_monday(sample) -> None:
    calls = _between(sample, "CONSULT", "USA", "JPN")
    assert any(e.date and e.date.start == dt.date(2025, 11, 24) for e in calls), [e.trigger for e in calls]


def test_sample_trump_xi_conversation(sample) -> None:
    assert any(e.modality == "asserted" for e in _between(sample, "CONSULT", "USA", "CHN"))


def test_sample_requests(sample) -> None:
    assert _directed(sample, "REQUEST", "USA", "JPN")
    assert _directed(sample, "REQUEST", "CHN", "USA")


def test_sample_party_newspaper_accuses_japan(sample) -> None:
    assert _directed(sample, "ACCUSE", "CHN", "JPN")


def test_sample_planned_visit_is_future_and_dated_april(sample) -> None:
    visits = [e for e in _directed(sample, "CONSULT", "USA", "CHN") if e.modality == "future"]
    assert any(e.date and e.date.start and (e.date.start.year, e.date.start.month) == (2026, 4) for e in visits)


def test_sample_has_no_event_from_related_headlines(sample) -> None:
    assert sample.events
    assert not {sample.line_number(e.span[0]) for e in sample.events} & {7, 29}


def test_a_stated_intent_naming_an_unknown_code_is_reported() -> None:
    documents = {"verbs": {"stated_intent": {"07": "999"}}, "cameo": _bundled("cameo")}
    with pytest.raises(ThucydidesError, match="stated_intent"):
        compile_rules(KnowledgeBase(documents=documents, version="test", data_as_of=None))
