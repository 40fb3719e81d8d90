"""Shared fixtures: one spaCy model and knowledge base per session, and helpers to run stages on short texts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from thucydides.config import DEFAULT_STAGES, Settings
from thucydides.document import Document
from thucydides.knowledge import KnowledgeBase
from thucydides.pipeline import Pipeline, article_id, load_model
from thucydides.records import Article

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SAMPLE = SHARED / "samples" / "takaichi-taiwan.txt"


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load()


@pytest.fixture(scope="session")
def pipelines(kb: KnowledgeBase):
    """Pipelines keyed by the stages they run, sharing one knowledge base and one spaCy model."""
    built: dict[tuple[str, ...], Pipeline] = {}
    nlp = load_model(None)

    def get(stages: tuple[str, ...] = DEFAULT_STAGES) -> Pipeline:
        if stages not in built:
            built[stages] = Pipeline(Settings(stages=stages), kb=kb, nlp=nlp)
        return built[stages]

    return get


@pytest.fixture(scope="session")
def run_stages(pipelines):
    """Run the pipeline up to and including ``until`` on a short text and return the Document."""

    def run(text: str, published: str | dt.date | None = "2025-11-28", until: str = "events") -> Document:
        stages = DEFAULT_STAGES[: DEFAULT_STAGES.index(until) + 1]
        if isinstance(published, str):
            published = dt.date.fromisoformat(published)
        article = Article(id=article_id(text), text=text, published=published)
        return pipelines(stages).process(article)

    return run


@pytest.fixture(scope="session")
def sample_text() -> str:
    if not SAMPLE.exists():
        pytest.skip(f"the shared sample article is absent ({SAMPLE}); it lives in ../shared beside the checkout")
    return SAMPLE.read_text(encoding="utf-8")
