"""Thucydides: turn news articles into a sourced record of events, quotes and claims."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from thucydides.config import Settings
from thucydides.document import Document
from thucydides.errors import (
    ConfigError,
    InputError,
    KnowledgeBaseError,
    LanguageError,
    ModelError,
    StageError,
    ThucydidesError,
)
from thucydides.knowledge import KnowledgeBase
from thucydides.pipeline import Failure, Pipeline, article_id
from thucydides.records import (
    Actor,
    Article,
    BoilerplateLine,
    Claim,
    Event,
    EventDate,
    Quote,
    Report,
    TimeExpression,
)

__all__ = [
    "Actor",
    "Article",
    "BoilerplateLine",
    "Claim",
    "ConfigError",
    "Document",
    "Event",
    "EventDate",
    "Failure",
    "InputError",
    "KnowledgeBase",
    "KnowledgeBaseError",
    "LanguageError",
    "ModelError",
    "Pipeline",
    "Quote",
    "Report",
    "Settings",
    "StageError",
    "ThucydidesError",
    "TimeExpression",
    "extract",
]


@lru_cache(maxsize=4)
def _pipeline_for(settings: Settings) -> Pipeline:
    # Loading spaCy and the knowledge base takes about a second; reuse a pipeline per settings value.
    return Pipeline(settings)


def extract(
    text: str,
    *,
    published: dt.date | str | None = None,
    title: str | None = None,
    url: str | None = None,
    id: str | None = None,
    settings: Settings | None = None,
) -> Report:
    """Extract boilerplate, actors, dates, quotes, claims and events from one article's text.

    >>> report = extract("Japan and China held talks in Beijing on Monday.", published="2025-11-28")  # doctest: +SKIP
    >>> [e.category for e in report.events]                                                          # doctest: +SKIP
    ['CONSULT']

    Raises a ThucydidesError subclass (InputError, LanguageError, ...) when the text cannot be processed.
    """
    if not isinstance(text, str):
        raise InputError(f"text must be a str, not {type(text).__name__}", input=id or "text")
    try:
        published_date = dt.date.fromisoformat(published) if isinstance(published, str) else published
    except ValueError as exc:
        raise InputError(f"published is not an ISO date (YYYY-MM-DD): {published!r}", input=id or "text") from exc
    settings = settings or Settings()
    article = Article(
        id=id or article_id(text),
        text=text,
        title=title,
        published=published_date or settings.published,
        url=url,
    )
    return _pipeline_for(settings).run(article)
