"""The working state of one article as it moves through the pipeline's stages."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from thucydides.records import (
    Actor,
    Article,
    BoilerplateKind,
    BoilerplateLine,
    Claim,
    Event,
    Quote,
    Report,
    Span,
    TimeExpression,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span as TokenSpan, Token


@dataclass
class Mention:
    """A stretch of text that refers to an actor: a name, a metonym, a pronoun, a description."""

    start: int
    end: int
    actor_id: str
    kind: str
    """How it refers: name, alias, seat, adjective, demonym, outlet, pronoun, description, role, group."""

    @property
    def span(self) -> Span:
        return (self.start, self.end)


@dataclass
class Document:
    """One article plus everything the stages have found so far.

    Every stage reads this object and extends it. Offsets are character offsets into
    ``article.text``; the spaCy ``doc`` is parsed from exactly that text, so token
    ``idx`` values are the same offsets.
    """

    article: Article
    doc: Doc | None = None
    language: str | None = None
    boilerplate: list[BoilerplateLine] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    dates: list[TimeExpression] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    scratch: dict[str, Any] = field(default_factory=dict)
    """Stage-to-stage notes that are not part of the report (for example quote ownership of tokens)."""

    @property
    def text(self) -> str:
        return self.article.text

    # -- lines and boilerplate -------------------------------------------------------------------

    def line_starts(self) -> list[int]:
        """Character offset where each line begins; line ``n`` (1-based) starts at ``line_starts()[n-1]``."""
        cached = self.scratch.get("_line_starts")
        if cached is None:
            cached = [0] + [i + 1 for i, char in enumerate(self.text) if char == "\n"]
            self.scratch["_line_starts"] = cached
        return cached

    def line_number(self, offset: int) -> int:
        """1-based line number of a character offset."""
        return bisect.bisect_right(self.line_starts(), offset)

    def boilerplate_kind(self, offset: int) -> BoilerplateKind | None:
        """The boilerplate kind of the line holding ``offset``, or None for body text."""
        kinds = self.scratch.get("_boilerplate_by_line")
        if kinds is None or len(kinds) != len(self.boilerplate):
            kinds = {line.line: line.kind for line in self.boilerplate}
            self.scratch["_boilerplate_by_line"] = kinds
        return kinds.get(self.line_number(offset))

    def is_debris(self, offset: int) -> bool:
        """True for lines no event or claim may come from: related headlines, credits, bylines, prompts."""
        kind = self.boilerplate_kind(offset)
        return kind is not None and kind != "caption"

    # -- actors and mentions ---------------------------------------------------------------------

    def actor(self, actor_id: str | None) -> Actor | None:
        if actor_id is None:
            return None
        return next((actor for actor in self.actors if actor.id == actor_id), None)

    def add_actor(self, **fields: Any) -> Actor:
        """Create an actor with the next free id (A1, A2, ...)."""
        actor = Actor(id=f"A{len(self.actors) + 1}", **fields)
        self.actors.append(actor)
        return actor

    def add_mention(self, actor: Actor, start: int, end: int, kind: str) -> Mention:
        mention = Mention(start=start, end=end, actor_id=actor.id, kind=kind)
        self.mentions.append(mention)
        if (start, end) not in actor.mentions:
            actor.mentions.append((start, end))
            actor.mentions.sort()
        self.scratch.pop("_mentions_sorted", None)
        return mention

    def replace_mentions(self, actor: Actor, start: int, end: int, kind: str) -> Mention:
        """Point exactly ``[start, end)`` at ``actor``, dropping what that stretch referred to before.

        Later stages use it when they know better than the actors stage, e.g. "we" inside a quote
        means the quote's speaker.
        """
        for old in [m for m in self.mentions if (m.start, m.end) == (start, end)]:
            self.mentions.remove(old)
            previous = self.actor(old.actor_id)
            if previous is not None and (start, end) in previous.mentions:
                previous.mentions.remove((start, end))
        self.scratch.pop("_mentions_sorted", None)
        return self.add_mention(actor, start, end, kind)

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        """Mentions that lie inside ``[start, end)``, in text order."""
        return [m for m in self._sorted_mentions() if m.start >= start and m.end <= end]

    def mention_covering(self, start: int, end: int) -> Mention | None:
        """The mention that best matches a character range: the smallest one containing it, else the
        largest one inside it."""
        containing = [m for m in self._sorted_mentions() if m.start <= start and m.end >= end]
        if containing:
            return min(containing, key=lambda m: m.end - m.start)
        inside = self.mentions_in(start, end)
        if inside:
            return max(inside, key=lambda m: m.end - m.start)
        return None

    def actor_for_tokens(self, tokens: TokenSpan | Token) -> Actor | None:
        """The actor a token or token span refers to, if any."""
        if hasattr(tokens, "idx") and not hasattr(tokens, "start_char"):
            start, end = tokens.idx, tokens.idx + len(tokens)
        else:
            start, end = tokens.start_char, tokens.end_char
        mention = self.mention_covering(start, end)
        return self.actor(mention.actor_id) if mention else None

    def actors_for_tokens(self, tokens: TokenSpan | Token) -> list[Actor]:
        """Every actor a token span refers to: several for "the two men" or "US and Japanese officials".

        Mentions that share the best-matching span all count, so a plural reference is stored as one
        mention per member actor over the same characters.
        """
        if hasattr(tokens, "idx") and not hasattr(tokens, "start_char"):
            start, end = tokens.idx, tokens.idx + len(tokens)
        else:
            start, end = tokens.start_char, tokens.end_char
        best = self.mention_covering(start, end)
        if best is None:
            return []
        same_span = [m for m in self._sorted_mentions() if (m.start, m.end) == (best.start, best.end)]
        actors = [self.actor(m.actor_id) for m in same_span]
        return [a for i, a in enumerate(actors) if a is not None and a not in actors[:i]]

    def _sorted_mentions(self) -> list[Mention]:
        cached = self.scratch.get("_mentions_sorted")
        if cached is None or len(cached) != len(self.mentions):
            cached = sorted(self.mentions, key=lambda m: (m.start, -m.end))
            self.scratch["_mentions_sorted"] = cached
        return cached

    # -- dates ----------------------------------------------------------------------------------

    def dates_in(self, start: int, end: int) -> list[TimeExpression]:
        return [d for d in self.dates if d.span[0] >= start and d.span[1] <= end]

    # -- ids and output -------------------------------------------------------------------------

    def next_id(self, prefix: str, records: list[Any]) -> str:
        return f"{prefix}{len(records) + 1}"

    def referenced_actor_ids(self) -> set[str]:
        """Actor ids that some mention, event, quote or claim points at."""
        ids = {m.actor_id for m in self.mentions}
        for event in self.events:
            ids.update(event.source, event.target)
            if event.attributed_to:
                ids.add(event.attributed_to)
        ids.update(q.speaker for q in self.quotes if q.speaker)
        for claim in self.claims:
            ids.update(claim.reported_by, claim.denied_by, claim.confirmed_by, claim.questioned_by)
        return ids

    def to_report(self, versions: dict[str, str] | None = None) -> Report:
        # A later stage may have moved every mention of an actor elsewhere; such an actor is gone.
        referenced = self.referenced_actor_ids()
        return Report(
            article=self.article,
            language=self.language,
            boilerplate=sorted(self.boilerplate, key=lambda line: line.line),
            actors=[actor for actor in self.actors if actor.id in referenced],
            dates=sorted(self.dates, key=lambda d: d.span),
            events=self.events,
            quotes=sorted(self.quotes, key=lambda q: q.span),
            claims=self.claims,
            warnings=self.warnings,
            versions=versions or {},
        )
