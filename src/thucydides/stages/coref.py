"""Coreference helpers for the actors stage: quotation regions, pronoun features and antecedent choice."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

Gender = Literal["female", "male"]
PronounClass = Literal["female", "male", "plural", "neuter"]

_PRONOUN_CLASSES: dict[str, PronounClass] = {
    "he": "male",
    "him": "male",
    "his": "male",
    "himself": "male",
    "she": "female",
    "her": "female",
    "hers": "female",
    "herself": "female",
    "they": "plural",
    "them": "plural",
    "their": "plural",
    "theirs": "plural",
    "themselves": "plural",
    "its": "neuter",
}
"""Third-person pronouns that can point at an actor. Bare "it" is left out on purpose: in news it mostly
stands for a clause or a thing ("it seems", "it followed"), so resolving it costs more than it gains."""

_REFLEXIVE_ENDINGS = ("self", "selves")
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "agent"})
OBJECT_DEPS = frozenset({"dobj", "iobj", "dative", "attr", "oprd"})

_HONORIFIC_GENDER: dict[str, Gender] = {
    "mr": "male",
    "mr.": "male",
    "mrs": "female",
    "mrs.": "female",
    "ms": "female",
    "ms.": "female",
    "miss": "female",
    "madam": "female",
    "madame": "female",
    "sir": "male",
    "dame": "female",
    "lady": "female",
    "lord": "male",
}
"""Honorifics are grammatical gender markers, so they live here rather than in the knowledge base."""

_OPENING_QUOTES = "“‘«"
_CLOSING_QUOTES = "”’»"
_STRAIGHT_QUOTE = '"'

SENTENCE_WINDOW = 8
"""How many sentences back a pronoun may reach for its antecedent."""


@dataclass(frozen=True)
class Candidate:
    """One earlier reference a pronoun may point at."""

    start: int
    actor_ids: tuple[str, ...]
    kind: str
    """Actor kind of the (first) actor: person, group, organisation, outlet or state."""
    gender: Gender | None
    sentence: int
    is_subject: bool
    in_quote: bool
    governor_i: int
    """Token index of the verb (or noun) the reference depends on, for the co-argument check."""


@dataclass(frozen=True)
class PronounSite:
    """A pronoun occurrence, reduced to what antecedent choice needs."""

    start: int
    word: str
    sentence: int
    is_subject: bool
    is_object: bool
    in_quote: bool
    governor_i: int


def pronoun_class(word: str) -> PronounClass | None:
    """The agreement class of a third-person pronoun, or None for any other word."""
    return _PRONOUN_CLASSES.get(word.lower())


def honorific_gender(word: str) -> Gender | None:
    """The gender an honorific such as 'Mr' or 'Ms' implies."""
    return _HONORIFIC_GENDER.get(word.lower())


def is_honorific(word: str) -> bool:
    return word.lower() in _HONORIFIC_GENDER


def gender_of_noun(noun: str) -> Gender | None:
    """Gender marked by an English compound noun ('spokeswoman', 'chairman'); None when unmarked."""
    lowered = noun.lower()
    if lowered.endswith(("woman", "women")):
        return "female"
    if lowered.endswith(("man", "men")) and not lowered.endswith(("human", "humans")) and len(lowered) > 3:
        return "male"
    if lowered in {"man", "men"}:
        return "male"
    return None


def quote_regions(text: str) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks, paragraph by paragraph.

    A quotation left open at the end of a paragraph runs to the paragraph's end, which is how
    newspapers print a quotation that continues into the next paragraph.
    """
    regions: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        regions.extend((offset + start, offset + end) for start, end in _line_quote_regions(line))
        offset += len(line) + 1
    return regions


def _line_quote_regions(line: str) -> list[tuple[int, int]]:
    regions: list[tuple[int, int]] = []
    open_at: int | None = None
    closer = ""
    for index, char in enumerate(line):
        if open_at is None:
            if char in _OPENING_QUOTES and not (char == "‘" and _between_letters(line, index)):
                open_at, closer = index, _CLOSING_QUOTES[_OPENING_QUOTES.index(char)]
            elif char == _STRAIGHT_QUOTE:
                open_at, closer = index, _STRAIGHT_QUOTE
        elif char == closer and not (char == "’" and _between_letters(line, index)):
            regions.append((open_at, index + 1))
            open_at = None
    if open_at is not None:
        regions.append((open_at, len(line)))
    return regions


def _between_letters(line: str, index: int) -> bool:
    """A curly single quote inside a word ("Xi’s", "don’t") is an apostrophe, not a quotation mark."""
    before = line[index - 1] if index > 0 else " "
    after = line[index + 1] if index + 1 < len(line) else " "
    return before.isalnum() and after.isalnum()


def in_regions(offset: int, regions: Sequence[tuple[int, int]]) -> bool:
    """True when ``offset`` falls inside one of the sorted, non-overlapping ``regions``."""
    index = bisect.bisect_right(regions, (offset, float("inf"))) - 1
    return index >= 0 and regions[index][0] <= offset < regions[index][1]


def choose_antecedent(site: PronounSite, candidates: Sequence[Candidate]) -> tuple[str, ...]:
    """The actor ids a pronoun refers to, or () when no earlier reference agrees with it.

    ``candidates`` are the references before the pronoun, in text order. The rules, in order: agree in
    gender and number; stay within a few sentences; a pronoun outside quotation marks does not reach
    into a quotation (the words there are the speaker's, not the narrator's); a non-reflexive object
    pronoun is not its own verb's subject; then prefer the nearest sentence, its subject, and the
    latest mention.
    """
    klass = pronoun_class(site.word)
    if klass is None:
        return ()
    window = [c for c in candidates if c.start < site.start and site.sentence - c.sentence <= SENTENCE_WINDOW]
    if klass in ("female", "male"):
        return _choose_person(site, window, klass)
    if klass == "plural":
        return _choose_plural(site, window)
    return _choose_thing(site, window)


def _choose_person(site: PronounSite, window: Sequence[Candidate], gender: Gender) -> tuple[str, ...]:
    agreeing = [
        c
        for c in window
        if c.kind == "person" and len(c.actor_ids) == 1 and c.gender in (None, gender)
    ]
    # The actor (not just the mention) is ruled out: "Trump praised Xi. Trump told him" is not Trump.
    bound = {actor_id for c in agreeing if _co_argument(site, c) for actor_id in c.actor_ids}
    agreeing = [c for c in agreeing if not bound.intersection(c.actor_ids)]
    best = _most_salient(site, agreeing)
    return best.actor_ids if best else ()


def _choose_plural(site: PronounSite, window: Sequence[Candidate]) -> tuple[str, ...]:
    """'they' means a group named before it, or the two people a sentence has just put together."""
    voiced = _outside_quotes_first(site, window)
    same_sentence_people: list[str] = []
    for candidate in voiced:
        if candidate.sentence == site.sentence and candidate.kind == "person":
            for actor_id in candidate.actor_ids:
                if actor_id not in same_sentence_people:
                    same_sentence_people.append(actor_id)
    if len(same_sentence_people) >= 2 and site.is_subject:
        return tuple(same_sentence_people[-2:])
    plural = [
        c
        for c in voiced
        if (len(c.actor_ids) > 1 or c.kind == "group") and site.sentence - c.sentence <= 2
    ]
    best = _most_salient(site, plural)
    if best is not None:
        return best.actor_ids
    if site.is_subject:
        people: list[str] = []
        for candidate in reversed(voiced):
            if candidate.kind == "person" and site.sentence - candidate.sentence <= 1:
                for actor_id in candidate.actor_ids:
                    if actor_id not in people:
                        people.append(actor_id)
        if len(people) >= 2:
            return tuple(reversed(people[:2]))
    return ()


def _choose_thing(site: PronounSite, window: Sequence[Candidate]) -> tuple[str, ...]:
    """'its' points at a state, organisation or outlet in the same or the previous sentence."""
    things = [
        c
        for c in window
        if c.kind in ("state", "organisation", "outlet", "group")
        and len(c.actor_ids) == 1
        and site.sentence - c.sentence <= 1
    ]
    best = _most_salient(site, things)
    return best.actor_ids if best else ()


def _outside_quotes_first(site: PronounSite, candidates: Sequence[Candidate]) -> list[Candidate]:
    if site.in_quote:
        return list(candidates)
    outside = [c for c in candidates if not c.in_quote]
    return outside if outside else list(candidates)


def _co_argument(site: PronounSite, candidate: Candidate) -> bool:
    """'Trump advised her': a plain object pronoun never means its own verb's subject."""
    if site.word.lower().endswith(_REFLEXIVE_ENDINGS):
        return False
    return site.is_object and candidate.is_subject and candidate.governor_i == site.governor_i


def _most_salient(site: PronounSite, candidates: Sequence[Candidate]) -> Candidate | None:
    pool = _outside_quotes_first(site, candidates)
    if not pool:
        return None
    return min(pool, key=lambda c: (site.sentence - c.sentence, not c.is_subject, -c.start))
