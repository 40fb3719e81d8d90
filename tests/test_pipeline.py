"""Pipeline behaviour: stage order, per-article fault isolation and input checks."""

from __future__ import annotations

import pytest

from thucydides import Article, Failure, InputError, Pipeline, Report, Settings, StageError
from thucydides.document import Document


class ExplodesOn:
    """A stage that fails on articles whose text contains a marker word."""

    name = "explodes"

    def __init__(self, marker: str) -> None:
        self.marker = marker

    def __call__(self, document: Document) -> Document:
        if self.marker in document.text:
            raise RuntimeError("boom")
        document.warnings.append("explodes stage saw this article")
        return document


@pytest.fixture()
def language_only(kb, pipelines) -> Pipeline:
    shared = pipelines(("language",))
    return Pipeline(Settings(stages=("language",)), kb=kb, nlp=shared.context.nlp)


def test_a_failing_stage_costs_one_article_not_the_batch(language_only: Pipeline) -> None:
    language_only.stages.append(ExplodesOn("KABOOM"))
    articles = [
        Article(id="good-1", text="The ministers met in Paris on Monday to discuss trade and security."),
        Article(id="bad", text="KABOOM the ministers met in Paris on Monday to discuss trade and security."),
        Article(id="good-2", text="The president said the talks with the prime minister went well."),
    ]
    outcomes = list(language_only.pipe(articles))
    assert [type(o).__name__ for o in outcomes] == ["Report", "Failure", "Report"]
    failure = outcomes[1]
    assert failure.article["id"] == "bad"
    assert failure.error["type"] == "StageError" and "explodes" in failure.error["reason"]
    assert all("explodes stage saw this article" in o.warnings for o in outcomes if isinstance(o, Report))


def test_run_raises_the_documented_error(language_only: Pipeline) -> None:
    language_only.stages.append(ExplodesOn("KABOOM"))
    with pytest.raises(StageError, match="boom"):
        language_only.run(Article(id="x", text="KABOOM the ministers met in Paris on Monday for talks."))


def test_empty_text_is_an_input_error(language_only: Pipeline) -> None:
    outcome = next(language_only.pipe([Article(id="blank", text="  \n\n ")]))
    assert isinstance(outcome, Failure)
    assert outcome.error["type"] == "InputError" and "empty" in outcome.error["reason"]


def test_text_over_the_limit_is_refused(kb, pipelines) -> None:
    small = Pipeline(Settings(stages=("language",), max_chars=50), kb=kb, nlp=pipelines(("language",)).context.nlp)
    with pytest.raises(InputError, match="over the limit"):
        small.run(Article(id="long", text="word " * 40))


def test_reports_keep_input_order_across_batches(kb, pipelines) -> None:
    nlp = pipelines(("language",)).context.nlp
    pipeline = Pipeline(Settings(stages=("language",), batch_size=2), kb=kb, nlp=nlp)
    texts = [f"Report number {i} says the ministers met in Paris to talk about trade." for i in range(5)]
    outcomes = list(pipeline.pipe(Article(id=str(i), text=t) for i, t in enumerate(texts)))
    assert [o.article.id for o in outcomes] == ["0", "1", "2", "3", "4"]


def test_non_english_text_fails_with_a_reason(language_only: Pipeline) -> None:
    text = (
        "Le gouvernement a annoncé mardi une nouvelle réforme des retraites qui sera présentée "
        "au conseil des ministres la semaine prochaine, selon plusieurs sources proches du dossier."
    )
    outcome = next(language_only.pipe([Article(id="fr", text=text)]))
    assert isinstance(outcome, Failure)
    assert outcome.error["type"] == "LanguageError" and "English" in outcome.error["reason"]


def test_unknown_stage_names_are_rejected() -> None:
    with pytest.raises(ValueError, match="valid stages"):
        Settings(stages=("language", "sentiment"))


def test_reports_carry_versions(language_only: Pipeline) -> None:
    report = language_only.run(Article(id="v", text="The foreign ministers met in Paris on Monday for talks."))
    assert set(report.versions) >= {"thucydides", "knowledge_base", "model"}


def test_an_actor_whose_mentions_all_moved_is_left_out_of_the_report() -> None:
    document = Document(article=Article(id="m", text="We signed the deal, the minister said."))
    wrong = document.add_actor(name="Japan", kind="state", country="JPN")
    speaker = document.add_actor(name="the minister", kind="person", sector="GOV")
    document.add_mention(wrong, 0, 2, "pronoun")
    document.add_mention(speaker, 20, 32, "description")
    document.replace_mentions(speaker, 0, 2, "pronoun")
    report = document.to_report()
    assert [a.id for a in report.actors] == [speaker.id]
    assert report.actors[0].mentions == [(0, 2), (20, 32)]
