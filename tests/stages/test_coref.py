"""Tests for the coreference helpers: quotation regions, pronoun features and antecedent choice."""

from __future__ import annotations

from thucydides.stages import coref
from thucydides.stages.coref import Candidate, PronounSite


def _candidate(
    start: int,
    actor: str,
    kind: str = "person",
    gender: str | None = None,
    sentence: int = 0,
    subject: bool = False,
    in_quote: bool = False,
    governor: int = -1,
) -> Candidate:
    return Candidate(
        start=start, actor_ids=(actor,), kind=kind, gender=gender, sentence=sentence,
        is_subject=subject, in_quote=in_quote, governor_i=governor,
    )


def _site(word: str, start: int = 1000, sentence: int = 1, subject: bool = False, obj: bool = False,
          in_quote: bool = False, governor: int = -2) -> PronounSite:
    return PronounSite(start=start, word=word, sentence=sentence, is_subject=subject, is_object=obj,
                       in_quote=in_quote, governor_i=governor)


def test_quote_regions_cover_curly_and_straight_quotations() -> None:
    text = "\u201cWe agree,\u201d he said. She added: \"Not yet.\""
    regions = coref.quote_regions(text)
    assert [text[start:end] for start, end in regions] == ["\u201cWe agree,\u201d", "\"Not yet.\""]


def test_single_quotation_marks_close_despite_apostrophes_inside() -> None:
    text = "\u2018Xi\u2019s plan failed\u2019 he said."
    assert coref.quote_regions(text) == [(0, text.index(" he"))]


def test_an_apostrophe_does_not_open_a_quotation() -> None:
    text = "Xi\u2019s plan and Japan\u2019s reply"
    assert coref.quote_regions(text) == []


def test_a_quotation_left_open_runs_to_the_end_of_its_paragraph() -> None:
    text = "\u201cThe first part of a long quotation\nNext paragraph."
    regions = coref.quote_regions(text)
    assert regions == [(0, text.index("\n"))]
    assert coref.in_regions(5, regions) and not coref.in_regions(text.index("Next"), regions)


def test_pronoun_classes_and_honorifics() -> None:
    assert coref.pronoun_class("Her") == "female"
    assert coref.pronoun_class("their") == "plural"
    assert coref.pronoun_class("it") is None
    assert coref.honorific_gender("Mr") == "male" and coref.honorific_gender("Ms.") == "female"
    assert coref.gender_of_noun("spokeswoman") == "female"
    assert coref.gender_of_noun("chairman") == "male"
    assert coref.gender_of_noun("official") is None


def test_a_gendered_pronoun_takes_the_agreeing_person() -> None:
    candidates = [_candidate(0, "A1", gender="female", subject=True), _candidate(20, "A2", gender="male")]
    assert coref.choose_antecedent(_site("he"), candidates) == ("A2",)
    assert coref.choose_antecedent(_site("she"), candidates) == ("A1",)


def test_the_nearer_sentence_and_its_subject_win() -> None:
    candidates = [
        _candidate(0, "A1", sentence=0, subject=True),
        _candidate(50, "A2", sentence=1, subject=True),
        _candidate(70, "A3", sentence=1, subject=False),
    ]
    assert coref.choose_antecedent(_site("he", sentence=2), candidates) == ("A2",)


def test_outside_a_quotation_the_speaker_is_not_taken_from_inside_it() -> None:
    candidates = [_candidate(0, "A1", sentence=0, subject=True), _candidate(40, "A2", sentence=1, in_quote=True)]
    assert coref.choose_antecedent(_site("he", sentence=1), candidates) == ("A1",)


def test_an_object_pronoun_skips_the_subject_of_its_own_verb() -> None:
    candidates = [_candidate(0, "A1", subject=True), _candidate(30, "A2", sentence=1, subject=True, governor=7)]
    site = _site("him", sentence=1, obj=True, governor=7)
    assert coref.choose_antecedent(site, candidates) == ("A1",)
    assert coref.choose_antecedent(_site("himself", sentence=1, obj=True, governor=7), candidates) == ("A2",)


def test_they_prefers_a_group_and_falls_back_to_two_people() -> None:
    group = [_candidate(0, "G1", kind="group", sentence=1)]
    assert coref.choose_antecedent(_site("they", sentence=1, subject=True), group) == ("G1",)
    people = [_candidate(0, "A1", sentence=1), _candidate(10, "A2", sentence=1)]
    assert coref.choose_antecedent(_site("they", sentence=1, subject=True), people) == ("A1", "A2")


def test_its_points_at_a_state_or_organisation_nearby() -> None:
    candidates = [_candidate(0, "S1", kind="state", sentence=1), _candidate(10, "A1", sentence=1)]
    assert coref.choose_antecedent(_site("its", sentence=1), candidates) == ("S1",)
    assert coref.choose_antecedent(_site("its", sentence=5), candidates) == ()


def test_nothing_beyond_the_sentence_window_is_an_antecedent() -> None:
    candidates = [_candidate(0, "A1", sentence=0, subject=True)]
    far = _site("she", sentence=coref.SENTENCE_WINDOW + 1)
    assert coref.choose_antecedent(far, candidates) == ()
