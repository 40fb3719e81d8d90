"""Throughput of the full Thucydides pipeline against plain spaCy parsing, with each stage's share of the time.

Run from the repository root:  .venv/bin/python benchmarks/throughput.py --limit 200
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from thucydides.config import Settings
from thucydides.document import Document
from thucydides.pipeline import Failure, Pipeline, Stage, article_id, load_model
from thucydides.records import Article

DEFAULT_TEXTS = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "quotes" / "polnear" / "train" / "text"


class TimedStage:
    """Wraps a stage and adds the seconds spent in it to a shared tally; keeps batch ``pipe`` if it has one."""

    def __init__(self, stage: Stage, seconds: defaultdict[str, float]) -> None:
        self.name = stage.name
        self._stage = stage
        self._seconds = seconds
        if hasattr(stage, "pipe"):
            self.pipe = self._timed_pipe

    def __call__(self, document: Document) -> Document:
        started = time.perf_counter()
        try:
            return self._stage(document)
        finally:
            self._seconds[self.name] += time.perf_counter() - started

    def _timed_pipe(self, documents: list[Document]) -> list[Document]:
        started = time.perf_counter()
        try:
            return self._stage.pipe(documents)
        finally:
            self._seconds[self.name] += time.perf_counter() - started


def load_texts(folder: Path, limit: int) -> list[str]:
    paths = sorted(folder.glob("*.txt"))[:limit]
    return [path.read_text(encoding="utf-8", errors="replace") for path in paths]


def time_thucydides(pipeline: Pipeline, texts: Sequence[str]) -> tuple[float, int]:
    articles = [Article(id=article_id(text), text=text) for text in texts]
    started = time.perf_counter()
    failures = sum(isinstance(outcome, Failure) for outcome in pipeline.pipe(articles))
    return time.perf_counter() - started, failures


def time_spacy(model: str | None, texts: Sequence[str], batch_size: int) -> float:
    nlp = load_model(model)
    list(nlp.pipe(texts[:2]))  # warm up, as the Thucydides run is warmed up
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    return time.perf_counter() - started


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=200, help="how many texts to process (default 200)")
    parser.add_argument("--texts", type=Path, default=DEFAULT_TEXTS, help="folder of .txt news articles")
    parser.add_argument("--model", default=None, help="spaCy pipeline (default: the preferred small English one)")
    args = parser.parse_args(argv)

    if not args.texts.is_dir():
        print(f"skipped: the benchmark texts are absent ({args.texts}); they live in ../shared beside the checkout")
        return 0
    texts = load_texts(args.texts, args.limit)
    if not texts:
        print(f"skipped: no .txt files in {args.texts}")
        return 0

    settings = Settings(model=args.model)
    pipeline = Pipeline(settings)
    seconds: defaultdict[str, float] = defaultdict(float)
    time_thucydides(pipeline, texts[:2])  # load lazily built resources before timing
    pipeline.stages = [TimedStage(stage, seconds) for stage in pipeline.stages]

    total, failures = time_thucydides(pipeline, texts)
    spacy_seconds = time_spacy(args.model, texts, settings.batch_size)
    characters = sum(map(len, texts))

    print(f"texts: {len(texts)} from {args.texts} ({characters:,} characters, {failures} failed)")
    print(f"thucydides full pipeline: {total:8.2f} s  {len(texts) / total:8.1f} articles/s")
    print(f"spaCy nlp.pipe only:      {spacy_seconds:8.2f} s  {len(texts) / spacy_seconds:8.1f} articles/s")
    print(f"time ratio thucydides / spaCy: {total / spacy_seconds:.2f}x")
    print("time share by stage:")
    for name in settings.stages:
        print(f"  {name:<12} {seconds[name]:8.2f} s  {seconds[name] / total:6.1%}")
    overhead = total - sum(seconds.values())
    print(f"  {'(pipeline)':<12} {overhead:8.2f} s  {overhead / total:6.1%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
