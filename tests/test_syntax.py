"""Modality and negation read from the dependency parse."""

from __future__ import annotations

import pytest

from thucydides.pipeline import load_model
from thucydides.syntax import clause_chain, is_negated, modality


@pytest.fixture(scope="module")
def nlp():
    return load_model(None)


def verb(nlp, text: str, word: str):
    return next(t for t in nlp(text) if t.text == word)


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Germany attacked the convoy.", "attacked", "asserted"),
        ("Germany did not attack the convoy.", "attack", "negated"),
        ("Germany has never met the envoy.", "met", "negated"),
        ("Germany will meet the envoy.", "meet", "future"),
        ("Hartmann plans to visit Lagos in May.", "visit", "future"),
        ("Hartmann is to visit Lagos in May.", "visit", "future"),
        ("The two sides are going to meet.", "meet", "future"),
        ("Germany agreed to hold talks.", "hold", "future"),
        ("Germany would be entitled to send ships.", "send", "hypothetical"),
        ("If Germany sends ships, prices will rise.", "sends", "hypothetical"),
        ("Germany may send ships.", "send", "hypothetical"),
        ("She is unlikely to withdraw her remarks.", "withdraw", "hypothetical"),
        ("Germany threatened to cut supplies.", "cut", "hypothetical"),
        ("Hartmann declined to criticize Moreau.", "criticize", "negated"),
        ("Germany refused to meet the envoy.", "meet", "negated"),
        ("He said Germany should not send ships.", "send", "negated"),
        ("He went to visit Lagos.", "visit", "asserted"),
        ("Germany has a plan to seize the port.", "seize", "future"),
        ("Germany has the weapons to strike the port.", "strike", "hypothetical"),
    ],
)
def test_modality(nlp, text: str, word: str, expected: str) -> None:
    assert modality(verb(nlp, text, word)) == expected


def test_negation_wins_over_a_plan(nlp) -> None:
    assert modality(verb(nlp, "Hartmann does not plan to visit Lagos.", "visit")) == "negated"


def test_is_negated_reads_only_the_verb_itself(nlp) -> None:
    doc = nlp("Germany did not attack, but France attacked.")
    attacks = [t for t in doc if t.lemma_ == "attack"]
    assert [is_negated(t) for t in attacks] == [True, False]


def test_no_before_an_event_noun_negates_it(nlp) -> None:
    assert is_negated(verb(nlp, "There were no talks.", "talks"))


def test_clause_chain_climbs_from_an_infinitive_to_its_governor(nlp) -> None:
    chain = [t.text for t in clause_chain(verb(nlp, "Hartmann plans to visit Lagos.", "visit"))]
    assert chain[:2] == ["visit", "plans"]


_REPORTING = frozenset({"say", "announce"})


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Officials said Germany would send ships.", "send", "future"),
        ("Germany announced it would be sending ships.", "sending", "future"),
        ("Officials said Germany would have sent ships.", "sent", "hypothetical"),
        ("Officials said Germany would send ships if Lagos asked.", "send", "hypothetical"),
        ("Officials would not say what Germany would send.", "send", "hypothetical"),
        ("Germany would send ships.", "send", "hypothetical"),
    ],
)
def test_would_under_a_reporting_verb_is_the_reported_future(nlp, text: str, word: str, expected: str) -> None:
    assert modality(verb(nlp, text, word), _REPORTING) == expected


def test_without_reporting_verbs_would_stays_hypothetical(nlp) -> None:
    assert modality(verb(nlp, "Officials said Germany would send ships.", "send")) == "hypothetical"


def test_declared_readiness_is_a_plan(nlp) -> None:
    assert modality(verb(nlp, "Germany is ready to send ships.", "send")) == "future"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Hartmann is not prepared to hold talks.", "talks"),
        ("Germany does not want to meet the envoy.", "meet"),
        ("Neither Germany nor France attacked the port.", "attacked"),
    ],
)
def test_negation_of_a_controller_or_a_neither_subject_negates_the_event(nlp, text: str, word: str) -> None:
    assert modality(verb(nlp, text, word)) == "negated"


def test_negating_a_speech_verb_does_not_negate_an_event_in_its_prepositional_phrase(nlp) -> None:
    text = "Hartmann did not say in the account of the talks what was agreed."
    assert modality(verb(nlp, text, "talks")) != "negated"
