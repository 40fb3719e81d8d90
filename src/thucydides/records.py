"""Typed records that make up a Report; every record carries character offsets into the article text."""

from __future__ import annotations

import datetime as dt
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

Span = tuple[int, int]
"""Half-open character offsets ``[start, end)`` into ``Article.text``."""

BoilerplateKind = Literal["caption", "credit", "related", "byline", "other"]
QuoteKind = Literal["direct", "indirect", "partial"]
Modality = Literal["asserted", "future", "hypothetical", "negated"]
ClaimStatus = Literal["reported", "disputed", "confirmed"]
Precision = Literal["day", "week", "month", "season", "year", "decade"]

PloverCategory = Literal[
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
]
PLOVER_CATEGORIES: tuple[str, ...] = get_args(PloverCategory)
"""The 16 PLOVER v0.8 event categories, in the manual's order from cooperation to conflict."""


class Record(BaseModel):
    """Base for all records: strict about unknown fields so typos fail loudly."""

    model_config = ConfigDict(extra="forbid")


class Article(Record):
    """One input article. ``id`` is the caller's id, or a content hash when none was given."""

    id: str
    text: str = Field(repr=False)
    title: str | None = None
    published: dt.date | None = None
    url: str | None = None
    source: str | None = Field(default=None, description="Where the article was read from: a path, '-' or a URL.")


class BoilerplateLine(Record):
    """A line of page debris inside the article text."""

    line: int = Field(description="1-based line number in the input text.")
    kind: BoilerplateKind
    text: str
    span: Span


class Actor(Record):
    """A participant: a person, group, organisation, outlet or state, coded to country and sector."""

    id: str
    name: str
    aliases: list[str] = Field(default_factory=list)
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-3, or an IGO code such as UNO, NAT, EUR.")
    sector: str | None = Field(default=None, description="CAMEO/PLOVER sector code such as GOV, MIL, MED.")
    role: str | None = Field(default=None, description="The role held on the article's date, e.g. 'Prime Minister'.")
    kind: Literal["person", "group", "organisation", "outlet", "state"] = "person"
    kb_id: str | None = Field(default=None, description="Knowledge-base entry this actor was resolved to.")
    anonymous: bool = False
    mentions: list[Span] = Field(default_factory=list)


class TimeExpression(Record):
    """A date expression in the text, resolved against the publication date when there is one."""

    text: str
    span: Span
    start: dt.date | None = None
    end: dt.date | None = None
    precision: Precision | None = None
    relative: bool = Field(default=False, description="True when resolving needed the publication date.")


class EventDate(Record):
    """The date of an event, as written and as resolved."""

    text: str
    start: dt.date | None = None
    end: dt.date | None = None


class Event(Record):
    """Who did what to whom: a PLOVER category with its CAMEO code and Goldstein score."""

    id: str
    category: PloverCategory
    cameo: str
    goldstein: float
    source: list[str] = Field(default_factory=list, description="Actor ids.")
    target: list[str] = Field(default_factory=list, description="Actor ids.")
    modality: Modality = "asserted"
    date: EventDate | None = None
    attributed_to: str | None = Field(default=None, description="Actor id of the speaker or outlet the event is known through.")
    span: Span
    sentence: str
    trigger: str = Field(default="", description="The words that triggered the event, e.g. 'urged'.")
    confidence: float = Field(ge=0.0, le=1.0)
    in_caption: bool = Field(default=False, description="The event comes from a photo caption.")
    historical: bool = Field(default=False, description="Background that happened well before publication.")


class Quote(Record):
    """Who said what: direct, partial or indirect speech and its speaker."""

    id: str
    text: str
    kind: QuoteKind
    speaker: str | None = Field(default=None, description="Actor id.")
    speaker_text: str | None = None
    speaker_span: Span | None = None
    cue: str | None = Field(default=None, description="The speech verb or phrase, e.g. 'said', 'according to'.")
    cue_span: Span | None = None
    span: Span


class Claim(Record):
    """A proposition attributed to sources, with each source's stance toward it."""

    id: str
    text: str
    span: Span
    reported_by: list[str] = Field(default_factory=list)
    denied_by: list[str] = Field(default_factory=list)
    confirmed_by: list[str] = Field(default_factory=list)
    questioned_by: list[str] = Field(default_factory=list)
    status: ClaimStatus = "reported"


class Report(Record):
    """Everything Thucydides found in one article."""

    article: Article
    language: str | None = None
    boilerplate: list[BoilerplateLine] = Field(default_factory=list)
    actors: list[Actor] = Field(default_factory=list)
    dates: list[TimeExpression] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    versions: dict[str, str] = Field(default_factory=dict, description="Thucydides, knowledge-base and model versions.")

    def actor(self, actor_id: str | None) -> Actor | None:
        """The actor with this id, or None."""
        if actor_id is None:
            return None
        return next((actor for actor in self.actors if actor.id == actor_id), None)
