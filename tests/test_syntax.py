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
