"""Time stage: find date expressions in the text and resolve them against the publication date.

Candidates come from a small grammar of English date phrases run over each line of the text
(absolute dates, months, years, decades, seasons, holidays, weekdays, deictic words such as
"yesterday" or "last week", and counts such as "three weeks ago"). The parse then vetoes false
positives ("May" the modal, "March" the verb or the noun) and decides the direction of words that
may point either way: a bare "in April" or "on Monday" lies ahead when its clause looks ahead
("plans to visit China in April"), behind when its verb is past, and for a month or a dated day
with no tense to go on, the nearer instance with a bias to the past.

``date_for(document, token)`` is the helper the events and claims stages use to find the date of
a verb or an event noun.

Resolution never invents a date: with no publication date, relative expressions keep their text
and span but no start or end. Month and weekday names come from python-dateutil; the English
grammar of counts, units and deictic words lives here as private constants; seasons, holidays,
parts of the day and future cue words are data in ``knowledge/data/time.yaml``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from dateutil.parser import parserinfo
from dateutil.relativedelta import relativedelta

from thucydides.document import Document
from thucydides.records import Precision, TimeExpression
from thucydides.syntax import modality

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span as TokenSpan, Token

    from thucydides.pipeline import StageContext

Relation = Literal["last", "this", "next"]
Direction = Literal["past", "future", "arranged", "unknown"]
"""Which way the clause of a date points: a past verb, a future marker, a present-tense
arrangement ("the vote is on Sunday", "ministers are meeting on Monday"), or no evidence."""
Phase = Literal["early", "mid", "late", "earlier", "later"]

# -- grammar: closed-class English words, kept as private constants ------------------------------

_WS = r"[^\S\n]+"
"""Spaces that never cross a line break, so a caption's date never fuses with the next line."""

_NUMBER_WORDS = (
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", "twenty",
)  # fmt: skip
_TENS_WORDS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_ONE_WORDS = ("a", "an")
_PAIR_WORDS = ("a couple of", "a couple", "a pair of")
_VAGUE_COUNTS = ("a few", "few", "several", "some", "many", "a number of")
_UNITS = frozenset({"day", "week", "month", "year", "decade"})
_RELATION_WORDS: dict[str, Relation] = {
    "last": "last", "past": "last", "previous": "last",
    "this": "this", "current": "this",
    "next": "next", "coming": "next",
}  # fmt: skip
_DAY_WORDS = {
    "the day before yesterday": -2,
    "yesterday": -1,
    "today": 0,
    "tonight": 0,
    "tomorrow": 1,
    "the day after tomorrow": 2,
}
_PHASE_OF = {"start": "early", "beginning": "early", "middle": "mid", "end": "late"}
_ANAPHORIC_DETERMINERS = ("the following", "the previous", "the preceding", "that", "the same")
_TIME_PREPOSITIONS = frozenset(
    {
        "in", "on", "at", "since", "by", "until", "till", "through", "throughout", "from", "to",
        "during", "before", "after", "between", "over", "of", "for", "around", "about", "circa",
        "and", "or", "early", "late", "mid", "last", "next", "this", "that", "every", "each",
    }
)  # fmt: skip
_VERB_TAGS = frozenset({"MD", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ"})
_DETERMINERS = frozenset({"the", "a", "an"})
_FUTURE_AUXILIARIES = frozenset({"will", "shall", "'ll", "wo"})
_CLAUSE_DEPS = frozenset({"relcl", "ccomp", "advcl", "acl", "xcomp", "csubj", "parataxis", "conj"})
_PREPOSITION_DEPS = frozenset({"prep", "agent"})


# -- resolved periods ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Period:
    """A resolved stretch of the calendar, both ends inclusive."""

    start: dt.date
    end: dt.date
    precision: Precision


def _day(day: dt.date) -> Period:
    return Period(day, day, "day")


def _month(year: int, month: int) -> Period:
    return Period(dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1]), "month")


def _year(year: int) -> Period:
    return Period(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")


def _decade(first_year: int) -> Period:
    return Period(dt.date(first_year, 1, 1), dt.date(first_year + 9, 12, 31), "decade")


def _iso_week(day: dt.date) -> Period:
    monday = day - dt.timedelta(days=day.weekday())
    return Period(monday, monday + dt.timedelta(days=6), "week")


def _weekend(day: dt.date) -> Period:
    saturday = _iso_week(day).start + dt.timedelta(days=5)
    return Period(saturday, saturday + dt.timedelta(days=1), "day")


def _season(first_year: int, months: tuple[int, ...]) -> Period:
    """A season numbered by the year it starts in; winter runs into the next year."""
    last_year = first_year + (1 if months[-1] < months[0] else 0)
    return Period(
        dt.date(first_year, months[0], 1),
        _month(last_year, months[-1]).end,
        "season",
    )


def _pick(
    instances: Iterable[Period], ref: dt.date, relation: Relation | None, direction: Direction
) -> Period | None:
    """Choose among the yearly instances of a recurring period (a month, a season, a day of the year).

    ``last`` is the latest one wholly before publication, ``next`` the first wholly after, ``this``
    the one containing publication (else the one starting in its year). With no relation, a
    forward-looking clause takes the first not yet over and a past one the latest already begun.
    Without tense to go on, news mostly looks back, so the coming instance wins only when it is
    less than half as far away ("the convention in July", written in April); a present-tense
    arrangement simply takes the nearer one.
    """
    ordered = sorted(instances, key=lambda p: p.start)
    if relation == "last":
        return max((p for p in ordered if p.end < ref), key=lambda p: p.start, default=None)
    if relation == "next":
        return min((p for p in ordered if p.start > ref), key=lambda p: p.start, default=None)
    if relation == "this":
        containing = [p for p in ordered if p.start <= ref <= p.end]
        return containing[0] if containing else next((p for p in ordered if p.start.year == ref.year), None)
    if direction == "future":
        return min((p for p in ordered if p.end >= ref), key=lambda p: p.start, default=None)
    begun = max((p for p in ordered if p.start <= ref), key=lambda p: p.start, default=None)
    if direction == "past" or begun is None or begun.end >= ref:
        return begun
    ahead = min((p for p in ordered if p.start > ref), key=lambda p: p.start, default=None)
    if ahead is None:
        return begun
    weight = 1 if direction == "arranged" else 2
    return ahead if weight * _distance(ahead, ref) < _distance(begun, ref) else begun


def _distance(period: Period, day: dt.date) -> int:
    """Days between a day and the nearest end of a period; zero inside it."""
    if period.start <= day <= period.end:
        return 0
    return min(abs((period.start - day).days), abs((period.end - day).days))


def _nearby_years(ref: dt.date) -> range:
    return range(ref.year - 2, ref.year + 3)


def _thirds(period: Period, phase: Literal["early", "mid", "late"]) -> Period:
    """The early, middle or late part of a period, cut where a reader would cut it."""
    index = ("early", "mid", "late").index(phase)
    start, end = period.start, period.end
    if period.precision == "year":
        first_month = 1 + 4 * index
        return Period(dt.date(start.year, first_month, 1), _month(start.year, first_month + 3).end, "year")
    if period.precision == "month":
        cuts = (1, 11, 21, end.day + 1)
        return Period(start.replace(day=cuts[index]), start.replace(day=cuts[index + 1] - 1), "month")
    if period.precision == "decade":
        cuts = (0, 4, 7, 10)
        return Period(
            dt.date(start.year + cuts[index], 1, 1), dt.date(start.year + cuts[index + 1] - 1, 12, 31), "decade"
        )
    length = (end - start).days + 1
    third = max(length // 3, 1)
    if index == 0:
        return Period(start, min(start + dt.timedelta(days=third - 1), end), period.precision)
    if index == 1:
        return Period(start + dt.timedelta(days=third), max(end - dt.timedelta(days=third), start), period.precision)
    return Period(max(end - dt.timedelta(days=third - 1), start), end, period.precision)


def _shifted(ref: dt.date, unit: str, count: int) -> dt.date:
    if unit == "day":
        return ref + dt.timedelta(days=count)
    if unit == "week":
        return ref + dt.timedelta(weeks=count)
    if unit == "month":
        return ref + relativedelta(months=count)
    if unit == "year":
        return ref + relativedelta(years=count)
    return ref + relativedelta(years=10 * count)


def _unit_period(day: dt.date, unit: str) -> Period:
    """The calendar unit (week, month, year, decade) that holds ``day``."""
    if unit == "week":
        return _iso_week(day)
    if unit == "month":
        return _month(day.year, day.month)
    if unit == "year":
        return _year(day.year)
    if unit == "decade":
        return _decade(day.year - day.year % 10)
    return _day(day)


# -- readings: what an expression means, before the publication date is applied ------------------


@dataclass(frozen=True)
class CalendarDay:
    """A day of the calendar; without a year it recurs ("March 3", "Christmas")."""

    month: int
    day: int
    year: int | None = None
    relation: Relation | None = None
    precision: Precision = "day"

    @property
    def relative(self) -> bool:
        return self.year is None

    def resolve(self, ref: dt.date | None, direction: Direction) -> Period | None:
        if self.year is not None:
            return _valid_day(self.year, self.month, self.day)
        if ref is None:
            return None
        days = (_valid_day(year, self.month, self.day) for year in _nearby_years(ref))
        return _pick((d for d in days if d is not None), ref, self.relation, direction)


def _valid_day(year: int, month: int, day: int) -> Period | None:
    try:
        return _day(dt.date(year, month, day))
    except ValueError:
        return None


@dataclass(frozen=True)
class DayRange:
    """Consecutive days of one month ("September 16-19", "16-19 September 2025")."""

    first: CalendarDay
    last_day: int

    @property
    def relative(self) -> bool:
        return self.first.relative

    @property
    def precision(self) -> Precision:
        return "day"

    def resolve(self, ref: dt.date | None, direction: Direction) -> Period | None:
        first = self.first.resolve(ref, direction)
        if first is None:
            return None
        last = _valid_day(first.start.year, first.start.month, self.last_day)
        return Period(first.start, last.end, "day") if last is not None else None


@dataclass(frozen=True)
class CalendarMonth:
    """A month, with its year ("March 2025") or recurring ("in October", "last April")."""

    month: int
    year: int | None = None
    relation: Relation | None = None
    precision: Precision = "month"

    @property
    def relative(self) -> bool:
        return self.year is None

    def resolve(self, ref: dt.date | None, direction: Direction) -> Period | None:
        if self.year is not None:
            return _month(self.year, self.month)
        if ref is None:
            return None
        months = (_month(year, self.month) for year in _nearby_years(ref))
        return _pick(months, ref, self.relation, direction)


@dataclass(frozen=True)
class CalendarYear:
    """A year written out ("in 2019")."""

    year: int
    precision: Precision = "year"
    relative: bool = False

    def resolve(self, ref: dt.date | None, direction: Direction) -> Period | None:
        return _year(self.year)


@dataclass(frozen=True)
class Decade:
    """A decade written out ("the 1990s")."""

    first_year: int
    precision: Precision = "decade"
    relative: bool = False

    def resolve(self, ref: dt.date | None, direction: Direction) -> Period | None:
        return _decade(self.first_year)


@dataclass(frozen=True)
class Season:
    """A season, with its year ("the summer of 2023") or recurring ("in the spring", "next winter")."""

    months: tuple[int, ...]
    year: int | None = None
    relation: Relation | None = None
    precision: Precision = "season"

    @property
    def relative(self) -> bool:
        return self.year is None

    def resolve(self, ref: dt.date | None, direction: Direction) -> Period | None:
        if self.year is not None:
            return _season(self.year, self.months)
        if ref is None:
            return None
        seasons = (_season(year, self.months) for year in _nearby_years(ref))
        return _pick(seasons, ref, self.relation, direction)


@dataclass(frozen=True)
class Weekday:
    """A day of the week: the latest one by default, the next one in a forward-looking clause.

    A weekday that names the publication day itself means that day, as in wire copy
    ("said on Friday" in a story filed on Friday).
    """

    weekday: int
    relation: Relation | None = None
    precision: Precision = "day"
    relative: bool = True

    def resolve(self, ref: dt.date | None, direction: Direction) -> Period | None:
        if ref is None:
            return None
        if self.relation == "last":
            back = (ref.weekday() - self.weekday - 1) % 7 + 1
            return _day(ref - dt.timedelta(days=back))
        if self.relation == "next":
            ahead = (self.weekday - ref.weekday() - 1) % 7 + 1
            return _day(ref + dt.timedelta(days=ahead))
        if self.relation == "this":
            return _day(_iso_week(ref).start + dt.timedelta(days=self.weekday))
        if direction in {"future", "arranged"}:
            return _day(ref + dt.timedelta(days=(self.weekday - ref.weekday()) % 7))
        return _day(ref - dt.timedelta(days=(ref.weekday() - self.weekday) % 7))


@dataclass(frozen=True)
class DayOffset:
    """A day counted from publication ("yesterday", "today", "tomorrow")."""

    days: int
    precision: Precision = "day"
    relative: bool = True

    def resolve(self, ref: dt.date | None, direction: Direction) -> Period | None:
        return None if ref is None else _day(ref + dt.timedelta(days=self.days))


@dataclass(frozen=True)
class Shift:
    """A count of units before or after publication ("three weeks ago", "in two years").

    Days and weeks resolve to the day they land on; months, years and decades to the month or
    year they land in, since "two years ago" names a year, not a day.
    """

    count: int | None
    unit: str
    sign: int
    needs_future: bool = False
    relative: bool = True

    @property
    def precision(self) -> Precision:
        return {"day": "day", "week": "day", "month": "month"}.get(self.unit, "year")  # type: ignore[return-value]

    def resolve(self, ref: dt.date | None, direction: Direction) -> Period | None:
        if ref is None or self.count is None:
            return None
        landed = _shifted(ref, self.unit, self.sign * self.count)
        if self.unit in {"day", "week"}:
            return _day(landed)
        if self.unit == "month":
            return _month(landed.year, landed.month)
        return _year(landed.year)


@dataclass(frozen=True)
class Deictic:
    """A calendar unit named from publication: "last week", "this month", "next year", "the weekend"."""

    unit: str
    offset: int | None
    relative: bool = True

    @property
    def precision(self) -> Precision:
        return "day" if self.unit == "weekend" else self.unit  # type: ignore[return-value]

    def resolve(self, ref: dt.date | None, direction: Direction) -> Period | None:
        if ref is None:
            return None
        if self.unit == "weekend":
            return self._weekend(ref, direction in {"future", "arranged"})
        return _unit_period(_shifted(ref, self.unit, self.offset or 0), self.unit)

    def _weekend(self, ref: dt.date, future: bool) -> Period:
        this_weekend = _weekend(ref)
        if self.offset is None:
            # "over the weekend": the one just gone, unless the clause looks ahead.
            past = this_weekend.start <= ref
            return this_weekend if future or past else _weekend(ref - dt.timedelta(days=7))
        return _weekend(ref + dt.timedelta(days=7 * self.offset))


@dataclass(frozen=True)
class Rolling:
    """A stretch that ends or starts at publication ("the past week", "the next three years")."""

    count: int | None
    unit: str
    sign: int
    relative: bool = True

    @property
    def precision(self) -> Precision:
        return self.unit  # type: ignore[return-value]

    def resolve(self, ref: dt.date | None, direction: Direction) -> Period | None:
        if ref is None or self.count is None:
            return None
        other = _shifted(ref, self.unit, self.sign * self.count)
        return Period(min(ref, other), max(ref, other), self.precision)


@dataclass(frozen=True)
class Anaphoric:
    """A date counted from another event in the text ("two days later", "the following week")."""

    unit: str | None = None
    relative: bool = True

    @property
    def precision(self) -> Precision | None:
        return self.unit if self.unit in _UNITS else None  # type: ignore[return-value]

    def resolve(self, ref: dt.date | None, direction: Direction) -> Period | None:
        return None


@dataclass(frozen=True)
class Phased:
    """Part of a period: "early 2024", "late last year", "earlier this month", "the end of March"."""

    inner: Reading
    phase: Phase

    @property
    def relative(self) -> bool:
        return self.inner.relative or self.phase in {"earlier", "later"}

    @property
    def precision(self) -> Precision | None:
        return self.inner.precision

    def resolve(self, ref: dt.date | None, direction: Direction) -> Period | None:
        whole = self.inner.resolve(ref, direction)
        if whole is None:
            return None
        if self.phase in {"earlier", "later"}:
            if ref is None:
                return None
            if whole.start <= ref <= whole.end:
                if self.phase == "earlier":
                    return Period(whole.start, ref, whole.precision)
                return Period(ref, whole.end, whole.precision)
            return _thirds(whole, "early" if self.phase == "earlier" else "late")
        return _thirds(whole, self.phase)  # type: ignore[arg-type]


Reading = (
    CalendarDay | DayRange | CalendarMonth | CalendarYear | Decade | Season | Weekday | DayOffset | Shift | Deictic
    | Rolling | Anaphoric | Phased
)  # fmt: skip


# -- vocabulary ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Lexicon:
    """Words the grammar needs: calendar names from dateutil, the rest from the time rules file."""

    months: Mapping[str, int]
    month_full_names: tuple[str, ...]
    weekdays: Mapping[str, int]
    seasons: Mapping[str, tuple[int, ...]]
    holidays: Mapping[str, tuple[int, int]]
    parts_of_day: frozenset[str]
    future_governors: frozenset[str]
    future_modifiers: frozenset[str]

    @classmethod
    def from_rules(cls, rules: Mapping[str, Any]) -> Lexicon:
        info = parserinfo()
        months: dict[str, int] = {}
        for number, names in enumerate(info.MONTHS, start=1):
            for name in names:
                months[name] = number
        weekdays = {names[-1]: number for number, names in enumerate(info.WEEKDAYS)}
        seasons: dict[str, tuple[int, ...]] = {}
        for season in rules.get("seasons", []):
            for name in [season["name"], *season.get("aliases", [])]:
                seasons[name.lower()] = tuple(season["months"])
        holidays: dict[str, tuple[int, int]] = {}
        for holiday in rules.get("holidays", []):
            for name in [holiday["name"], *holiday.get("aliases", [])]:
                holidays[name] = (int(holiday["month"]), int(holiday["day"]))
        cues = rules.get("future_cues", {})
        return cls(
            months=months,
            month_full_names=tuple(names[-1] for names in info.MONTHS),
            weekdays=weekdays,
            seasons=seasons,
            holidays=holidays,
            parts_of_day=frozenset(w.lower() for w in rules.get("parts_of_day", [])),
            future_governors=frozenset(w.lower() for w in cues.get("governors", [])),
            future_modifiers=frozenset(w.lower() for w in cues.get("modifiers", [])),
        )


# -- the grammar -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Candidate:
    """A stretch of text the grammar read as a date, before the parse has had its say."""

    start: int
    end: int
    reading: Reading


@dataclass(frozen=True)
class Scan:
    """What a pattern's reader may consult: the parsed text and the vocabulary."""

    doc: Doc
    lexicon: Lexicon

    def tokens(self, start: int, end: int) -> TokenSpan | None:
        return self.doc.char_span(start, end, alignment_mode="expand")

    def token_before(self, start: int) -> Token | None:
        span = self.tokens(start, start + 1)
        if span is None or span.start == 0:
            return None
        previous = self.doc[span.start - 1]
        return None if previous.is_space else previous

    def token_after(self, end: int) -> Token | None:
        span = self.tokens(end - 1, end)
        if span is None or span.end >= len(self.doc):
            return None
        following = self.doc[span.end]
        return None if following.is_space else following


Reader = Callable[[re.Match[str], Scan], Reading | None]


@dataclass(frozen=True)
class Pattern:
    name: str
    regex: re.Pattern[str]
    read: Reader


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation that tries longer words first, so "September" beats "Sep"."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def _count_regex() -> str:
    words = [*_PAIR_WORDS, *_VAGUE_COUNTS, *_NUMBER_WORDS, *_ONE_WORDS]
    compound = rf"(?:{'|'.join(_TENS_WORDS)})[-‐]?(?:{'|'.join(_NUMBER_WORDS[:9])})"
    simple = "|".join(re.escape(w).replace(r"\ ", _WS) for w in sorted(words, key=len, reverse=True))
    return rf"(?<![-‐\w])(?:\d{{1,3}}|{compound}|{'|'.join(_TENS_WORDS)}|{simple})"


def _count_value(text: str | None) -> int | None:
    """The number a count phrase names; None for vague counts ("a few") and no count at all."""
    if text is None:
        return None
    words = " ".join(text.lower().split())
    if words.isdigit():
        return int(words)
    if words in _NUMBER_WORDS:
        return _NUMBER_WORDS.index(words) + 1
    for tens_index, tens in enumerate(_TENS_WORDS):
        units = words[len(tens) :].lstrip("-‐") if words.startswith(tens) else None
        if units is not None and (not units or units in _NUMBER_WORDS[:9]):
            return 10 * (tens_index + 2) + (_NUMBER_WORDS.index(units) + 1 if units else 0)
    if words in _ONE_WORDS:
        return 1
    if words in _PAIR_WORDS:
        return 2
    return None


def _unit(text: str) -> str:
    """The calendar unit a unit word names ("weeks" -> "week")."""
    unit = text.lower().removesuffix("s")
    if unit not in _UNITS:
        raise ValueError(f"not a calendar unit: {text!r}")
    return unit


def _phase(match: re.Match[str]) -> Phase | None:
    groups = match.groupdict()
    if groups.get("phase"):
        return groups["phase"].lower()  # type: ignore[return-value]
    if groups.get("phase_of"):
        return _PHASE_OF[groups["phase_of"].lower()]  # type: ignore[return-value]
    return None


def _with_phase(reading: Reading | None, match: re.Match[str]) -> Reading | None:
    phase = _phase(match)
    if reading is None or phase is None:
        return reading
    return Phased(reading, phase)


def _relation(match: re.Match[str]) -> Relation | None:
    word = match.groupdict().get("rel")
    return _RELATION_WORDS[word.lower()] if word else None


def _is_calendar_noun(token: Token | None) -> bool:
    """True when the parse reads a month or weekday word as a name, not as "may" or "march"."""
    return token is not None and token.tag_ not in _VERB_TAGS and token.pos_ not in {"VERB", "AUX"}


def _stands_as_date(match: re.Match[str], scan: Scan, word_group: str) -> bool:
    """Whether a lone month, season or year is used as a date.

    It must follow a time preposition or modifier ("in May", "since 2019", "by spring"), or modify
    a noun after a determiner ("the October summit"); spaCy's DATE label breaks ties for a
    sentence-initial or bare use. A lone word after a determiner that heads its own phrase ("The
    March was large") is a noun, not a date.
    """
    start, end = match.span(word_group)
    span = scan.tokens(start, end)
    if span is None or not all(_is_calendar_noun(t) for t in span):
        return False
    before = scan.token_before(match.start())
    if before is not None and before.lower_ in _TIME_PREPOSITIONS:
        return True
    head_token = span[-1]
    modifier_deps = {"compound", "nmod", "amod", "nummod", "npadvmod"}
    modifies_noun = head_token.dep_ in modifier_deps and head_token.head.i > head_token.i
    if before is not None and before.lower_ in _DETERMINERS:
        return modifies_noun
    return modifies_noun or any(t.ent_type_ == "DATE" for t in span)


def _opens_sentence(scan: Scan, start: int) -> bool:
    """True when the word at ``start`` begins its sentence, perhaps after an opening quote or bracket."""
    span = scan.tokens(start, start + 1)
    if span is None:
        return False
    first = span[0]
    before = [t for t in first.sent if t.i < first.i]
    return all(t.is_punct or t.is_space for t in before)


def _read_iso(match: re.Match[str], scan: Scan) -> Reading | None:
    year, month, day = (int(match.group(g)) for g in ("year", "month", "day"))
    return CalendarDay(month, day, year) if _valid_day(year, month, day) else None


def _read_month_day(match: re.Match[str], scan: Scan) -> Reading | None:
    month = scan.lexicon.months[match.group("month").rstrip(".")]
    day = int(match.group("day"))
    year = int(match.group("year")) if match.group("year") else None
    if year is not None and _valid_day(year, month, day) is None:
        return None
    if year is None and _valid_day(2024, month, day) is None:  # a leap year accepts every real day
        return None
    return CalendarDay(month, day, year, _relation(match))


def _read_day_range(match: re.Match[str], scan: Scan) -> Reading | None:
    first = _read_month_day(match, scan)
    last_day = int(match.group("last"))
    if not isinstance(first, CalendarDay) or not first.day < last_day <= 31:
        return None
    return DayRange(first, last_day)


def _read_month_year(match: re.Match[str], scan: Scan) -> Reading | None:
    month = scan.lexicon.months[match.group("month").rstrip(".")]
    return _with_phase(CalendarMonth(month, int(match.group("year"))), match)


def _read_month(match: re.Match[str], scan: Scan) -> Reading | None:
    if not _relation(match) and not _phase(match) and not _stands_as_date(match, scan, "month"):
        return None
    if _relation(match) or _phase(match):
        span = scan.tokens(*match.span("month"))
        if span is None or not all(_is_calendar_noun(t) for t in span):
            return None
    month = scan.lexicon.months[match.group("month")]
    return _with_phase(CalendarMonth(month, None, _relation(match)), match)


def _read_year(match: re.Match[str], scan: Scan) -> Reading | None:
    if not _phase(match):
        span = scan.tokens(*match.span("year"))
        if span is None or any(t.ent_type_ in {"CARDINAL", "MONEY", "QUANTITY", "PERCENT"} for t in span):
            return None
        if not _stands_as_date(match, scan, "year"):
            return None
        before = scan.token_before(match.start())
        following = scan.token_after(match.end())
        counted = following is not None and following.tag_ == "NNS" and span[-1].head.i == following.i
        if counted and (before is None or (before.dep_ not in {"det", "poss"} and before.tag_ != "POS")):
            return None  # "in 2000 cases" counts things; "the 2019 elections" dates them
    return _with_phase(CalendarYear(int(match.group("year"))), match)


def _read_decade(match: re.Match[str], scan: Scan) -> Reading | None:
    if match.group("decade"):
        first_year = int(match.group("decade"))
    else:
        # "the '90s": a two-digit decade is the last century's unless it is still to come there.
        short = int(match.group("short"))
        first_year = 1900 + short if short >= 30 else 2000 + short
    return _with_phase(Decade(first_year), match)


def _read_season(match: re.Match[str], scan: Scan) -> Reading | None:
    year = int(match.group("year")) if match.group("year") else None
    relation = _relation(match)
    span = scan.tokens(*match.span("season"))
    if span is None or any(t.pos_ in {"VERB", "AUX", "ADJ"} for t in span):
        return None
    if year is None and relation is None:
        if re.match(rf"{_WS}of{_WS}(?!\d)", scan.doc.text[match.end() :]):
            return None  # "the fall of Kabul" is an event, not a season
        if not _phase(match) and not _stands_as_date(match, scan, "season"):
            return None
    months = scan.lexicon.seasons[match.group("season").lower()]
    return _with_phase(Season(months, year, relation), match)


def _read_holiday(match: re.Match[str], scan: Scan) -> Reading | None:
    following = scan.token_after(match.end())
    if following is not None and following.pos_ == "NOUN" and following.lower_ not in scan.lexicon.parts_of_day:
        return None  # "Christmas trees" are not a date
    month, day = scan.lexicon.holidays[match.group("holiday")]
    year = int(match.group("year")) if match.group("year") else None
    return CalendarDay(month, day, year, _relation(match))


def _read_weekday(match: re.Match[str], scan: Scan) -> Reading | None:
    span = scan.tokens(*match.span("weekday"))
    if span is None or not all(_is_calendar_noun(t) for t in span):
        return None
    before = scan.token_before(match.start())
    if before is not None and before.is_title and before.pos_ in {"PROPN", "ADJ"} and before.head.i == span[0].i:
        if before.lower_ not in _TIME_PREPOSITIONS:
            return None  # part of a name: "Black Friday", "Super Tuesday"; not "in South Carolina Saturday"
    if _names_a_title(match, scan, "weekday"):
        return None  # "the Sunday Times", "Saturday Night Live"
    return Weekday(scan.lexicon.weekdays[match.group("weekday")], _relation(match))


def _names_a_title(match: re.Match[str], scan: Scan, word_group: str) -> bool:
    """True when a date word opens a capitalised name: "the Sunday Times", "CBS This Morning".

    The sign is a capitalised word after it that it modifies, or a capitalised part of the day
    that is itself followed by a capitalised word.
    """
    following = scan.token_after(match.end())
    part = match.groupdict().get("part")
    if part and part[0].isupper():
        return following is not None and following.is_title
    span = scan.tokens(*match.span(word_group))
    if span is None or following is None or not following.is_title or following.pos_ != "PROPN":
        return False
    return span[-1].dep_ == "compound" and span[-1].head.i >= following.i


def _read_day_word(match: re.Match[str], scan: Scan) -> Reading | None:
    written = match.group("dayword")
    if written[0].isupper() and not _opens_sentence(scan, match.start("dayword")):
        return None  # capitalised inside a sentence, it is part of a name: "USA Today"
    word = " ".join(written.lower().split())
    reading: Reading = DayOffset(_DAY_WORDS[word])
    return _with_phase(reading, match) if _phase(match) in {"earlier", "later"} else reading


def _read_part_of_day(match: re.Match[str], scan: Scan) -> Reading | None:
    written = match.group("rel")
    if written[0].isupper() and not _opens_sentence(scan, match.start()):
        return None  # "CBS This Morning" is a programme
    # "this morning" is today; "last night" is the night before publication.
    return DayOffset(-1 if written.lower() == "last" else 0)


def _read_count(match: re.Match[str], scan: Scan) -> Reading | None:
    unit = _unit(match.group("unit"))
    count = _count_value(match.group("count"))
    if match.group("count") is None and not match.group("unit").lower().endswith("s"):
        return None  # "day ago" is not English; guards against stray matches
    if match.group("dir").lower() == "ago":
        return Shift(count, unit, -1)
    return Anaphoric(unit)


def _read_in_count(match: re.Match[str], scan: Scan) -> Reading | None:
    count = _count_value(match.group("count"))
    if count is None:
        return None
    return Shift(count, _unit(match.group("unit")), +1, needs_future=True)


def _read_deictic(match: re.Match[str], scan: Scan) -> Reading | None:
    relation = _relation(match)
    word = match.group("rel").lower()
    unit_word = match.group("unit").lower()
    count_text = match.group("count")
    if unit_word == "weekend":
        if count_text:
            return None
        return _with_phase(Deictic("weekend", {"last": -1, "this": 0, "next": 1}[relation or "this"]), match)
    unit = _unit(unit_word)
    sign = 1 if relation == "next" else -1
    plural = unit_word.endswith("s")
    if match.group("the") or count_text or plural:
        if unit == "day" and not count_text and not plural:
            return Anaphoric(unit)  # "the next day" counts from another event
        if relation == "this":
            return None
        count = _count_value(count_text) if count_text else (1 if not plural else None)
        return _with_phase(Rolling(count, unit, sign), match)
    if unit == "day":
        return None  # "last day", "this day" are not dates
    offset = {"last": -1, "this": 0, "next": 1}[relation or "this"]
    if word == "past":
        return None  # "past year" without "the" is usually an adjective phrase ("past year's data")
    return _with_phase(Deictic(unit, offset), match)


def _read_recent(match: re.Match[str], scan: Scan) -> Reading | None:
    return Rolling(None, _unit(match.group("unit")), -1)


def _read_phase_of_the_unit(match: re.Match[str], scan: Scan) -> Reading | None:
    return _with_phase(Deictic(_unit(match.group("unit")), 0), match)


def _read_the_weekend(match: re.Match[str], scan: Scan) -> Reading | None:
    return Deictic("weekend", None)


def _read_anaphoric(match: re.Match[str], scan: Scan) -> Reading | None:
    return Anaphoric(match.group("unit").lower())


def build_patterns(lexicon: Lexicon) -> tuple[Pattern, ...]:
    """The grammar: one regex per kind of date phrase, each with the reader that gives it meaning."""
    ws = _WS
    month_any = rf"(?-i:{_alternation(lexicon.months)})\.?"
    month_full = rf"(?-i:{_alternation(lexicon.month_full_names)})"
    weekday = rf"(?-i:{_alternation(lexicon.weekdays)})"
    day = r"(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
    last_day = r"(?P<last>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\b(?![:\d])"
    year = r"(?P<year>1[0-9]{3}|2[01][0-9]{2})"
    year_end = r"(?![\d%]|s\b|[,.]\d|-\d)"
    relation = rf"(?:(?P<rel>{_alternation(_RELATION_WORDS)}){ws})"
    phase = (
        rf"(?:(?P<phase>early|mid|late|earlier|later)(?:-|{ws})(?:in{ws})?"
        rf"|(?:the{ws})?(?P<phase_of>{_alternation(_PHASE_OF)}){ws}of{ws})?"
    )
    units = r"(?P<unit>days?|weeks?|months?|years?|decades?)"
    count = rf"(?P<count>{_count_regex()})"
    parts = _alternation(lexicon.parts_of_day) or r"(?!x)x"
    day_words = "|".join(re.escape(w).replace(r"\ ", ws) for w in sorted(_DAY_WORDS, key=len, reverse=True))
    weekday_prefix = rf"(?:{weekday},?{ws})?"
    anaphoric = "|".join(w.replace(" ", ws) for w in _ANAPHORIC_DETERMINERS)

    specs: list[tuple[str, str, Reader]] = [
        ("iso", r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b", _read_iso),
        (
            "month_day",
            rf"{weekday_prefix}{relation}?\b(?P<month>{month_any}){ws}{day}\b(?![:\d])(?:,?{ws}{year}\b{year_end})?",
            _read_month_day,
        ),
        (
            "day_month",
            rf"{weekday_prefix}(?:the{ws})?\b{day}(?:{ws}of)?{ws}(?P<month>{month_any})(?!\w)"
            rf"(?:,?{ws}{year}\b{year_end})?",
            _read_month_day,
        ),
        (
            "month_day_range",
            rf"\b(?P<month>{month_any}){ws}{day}(?:{ws})?[-–](?:{ws})?{last_day}(?:,?{ws}{year}\b{year_end})?",
            _read_day_range,
        ),
        (
            "day_month_range",
            rf"\b{day}(?:{ws})?[-–](?:{ws})?{last_day}{ws}(?P<month>{month_any})(?!\w)(?:,?{ws}{year}\b{year_end})?",
            _read_day_range,
        ),
        ("month_year", rf"{phase}\b(?P<month>{month_any}){ws}(?:of{ws})?{year}\b{year_end}", _read_month_year),
        ("month", rf"{phase}{relation}?\b(?P<month>{month_full})\b", _read_month),
        (
            "decade",
            rf"{phase}(?:the{ws})?(?:\b(?P<decade>1[0-9]{{2}}0|20[0-9]0)s|['’](?P<short>[0-9]0)s)\b",
            _read_decade,
        ),
        ("year", rf"{phase}(?<![\d,.$£€])\b{year}\b{year_end}", _read_year),
        ("weekday", rf"{relation}?\b(?P<weekday>{weekday})\b(?:{ws}(?P<part>{parts})\b)?", _read_weekday),
        (
            "day_word",
            rf"(?:(?P<phase>earlier|later){ws})?\b(?P<dayword>{day_words})\b(?:{ws}(?:{parts})\b)?",
            _read_day_word,
        ),
        ("part_of_day", rf"\b(?P<rel>this|last){ws}(?:{parts})\b", _read_part_of_day),
        (
            "count",
            rf"\b(?:{count}{ws})?{units}(?:{ws}and{ws}a{ws}half)?{ws}(?P<dir>ago|earlier|later)\b",
            _read_count,
        ),
        ("in_count", rf"\b(?:in|within){ws}{count}{ws}{units}\b(?:['’]?{ws}time\b)?", _read_in_count),
        (
            "deictic",
            rf"{phase}(?:(?P<the>the){ws})?(?P<rel>{_alternation(_RELATION_WORDS)}){ws}(?:{count}{ws})?"
            rf"(?P<unit>days?|weeks?|months?|years?|decades?|weekend)\b",
            _read_deictic,
        ),
        (
            "phase_of_the_unit",
            rf"(?:the{ws})?(?P<phase_of>{_alternation(_PHASE_OF)}){ws}of{ws}the{ws}(?P<unit>week|month|year|decade)\b",
            _read_phase_of_the_unit,
        ),
        ("the_weekend", rf"\bthe{ws}weekend\b", _read_the_weekend),
        ("recent", rf"\b(?:the{ws})?(?:most{ws})?recent{ws}(?P<unit>days|weeks|months|years|decades)\b", _read_recent),
        (
            "anaphoric",
            rf"\b(?:{anaphoric}){ws}(?P<unit>day|morning|afternoon|evening|night|week|month|year)\b",
            _read_anaphoric,
        ),
    ]
    if lexicon.seasons:
        specs.append(
            (
                "season",
                rf"{phase}(?:{relation}|(?:the{ws}))?\b(?P<season>{_alternation(lexicon.seasons)})\b"
                rf"(?:{ws}(?:of{ws})?{year}\b{year_end})?",
                _read_season,
            )
        )
    if lexicon.holidays:
        specs.append(
            (
                "holiday",
                rf"{relation}?\b(?P<holiday>(?-i:{_alternation(lexicon.holidays)}))(?!\w)(?:{ws}{year}\b{year_end})?",
                _read_holiday,
            )
        )
    return tuple(Pattern(name, re.compile(regex, re.IGNORECASE), read) for name, regex, read in specs)


def find_candidates(scan: Scan, patterns: Iterable[Pattern]) -> list[Candidate]:
    """Every reading the grammar accepts, longest first where two overlap."""
    found: list[Candidate] = []
    text = scan.doc.text
    for pattern in patterns:
        for match in pattern.regex.finditer(text):
            if match.end() <= match.start():
                continue
            reading = pattern.read(match, scan)
            if reading is not None:
                found.append(Candidate(match.start(), match.end(), reading))
    chosen: list[Candidate] = []
    for candidate in sorted(found, key=lambda c: (-(c.end - c.start), c.start)):
        if all(candidate.end <= kept.start or candidate.start >= kept.end for kept in chosen):
            chosen.append(candidate)
    return sorted(chosen, key=lambda c: c.start)


# -- direction: does the clause look ahead? -------------------------------------------------------


def governing_path(span: TokenSpan) -> list[Token]:
    """Tokens from the expression's head up to the verb that governs it (inclusive), if any."""
    path: list[Token] = []
    token = span.root
    while token.head.i != token.i:
        token = token.head
        path.append(token)
        if token.pos_ in {"VERB", "AUX"}:
            break
    return path


def _has_future_auxiliary(verb: Token) -> bool:
    current = verb
    while True:
        if any(c.lower_ in _FUTURE_AUXILIARIES and c.dep_ in {"aux", "auxpass"} for c in current.children):
            return True
        if current.dep_ not in {"xcomp", "conj"} or current.head.i == current.i:
            return False
        current = current.head


def _past_framed(token: Token) -> bool:
    """True when a token sits in a past-tense frame ("planned", "was expected", "had hoped")."""
    if token.tag_ == "VBD":
        return True
    return any(c.dep_ in {"aux", "auxpass"} and c.tag_ == "VBD" for c in token.children)


def _cue_governs(token: Token, lexicon: Lexicon) -> bool:
    """A plan word that puts its complement ahead: "plans to", "is expected to", "is due in"."""
    if token.lemma_.lower() not in lexicon.future_governors or _past_framed(token):
        return False
    if any(c.dep_ == "xcomp" for c in token.children):
        return True
    if any(c.dep_ == "prt" for c in token.children):
        return False  # a phrasal verb ("set up in May") is not a plan
    return token.tag_ in {"VBN", "JJ", "VBZ", "VBP"}


def clause_direction(span: TokenSpan, lexicon: Lexicon) -> Direction:
    """Which way the clause a date hangs on points: future, past, a present arrangement, or unknown.

    Future comes from the syntax helper's modality, a future auxiliary even under negation ("will
    not visit"), plan words on the clause ("plans to", "is expected to", "scheduled for"), forward
    modifiers on the noun the date hangs on ("the upcoming summit"), a bare conditional ("could
    meet") and the headline infinitive ("Xi to visit Paris in May"). Past comes from a past or
    perfect verb. A present tense that announces an arrangement is told apart, because it points
    ahead for a weekday ("ministers are meeting on Monday") but not reliably for a dated day.
    """
    path = governing_path(span)
    for token in path:
        if any(c.lemma_.lower() in lexicon.future_modifiers and c.dep_ in {"amod", "advmod"} for c in token.children):
            return "future"
    verb = path[-1] if path and path[-1].pos_ in {"VERB", "AUX"} else None
    if verb is None:
        return "unknown"
    if _looks_ahead(verb, path, lexicon):
        return "future"
    if _is_past(verb):
        return "past"
    if len(path) <= 2 and _reads_as_arrangement(verb, span):
        return "arranged"
    return "unknown"


def _looks_ahead(verb: Token, path: list[Token], lexicon: Lexicon) -> bool:
    mood = modality(verb)
    if mood == "future" or _has_future_auxiliary(verb):
        return True
    chain = [verb]
    while chain[-1].dep_ in {"xcomp", "conj"} and chain[-1].head.i != chain[-1].i:
        chain.append(chain[-1].head)
    predicates = [c for c in verb.children if c.dep_ in {"acomp", "oprd"}]  # "is due in April"
    if any(_cue_governs(token, lexicon) for token in [*path, *chain, *predicates]):
        return True
    auxiliaries = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    if mood == "hypothetical" and verb.tag_ == "VB" and not any(a.lemma_ == "have" for a in auxiliaries):
        return True
    return _is_headline_infinitive(verb)


def _is_past(verb: Token) -> bool:
    """A past or perfect verb: "met", "was signed", "has visited", "had been"."""
    if verb.tag_ == "VBD":
        return True
    auxiliaries = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    return any(a.tag_ == "VBD" or a.lemma_ == "have" for a in auxiliaries)


def _is_headline_infinitive(verb: Token) -> bool:
    """ "Xi to visit Paris in May": the verb heads the line, or hangs on the subject that does."""
    if verb.tag_ != "VB" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    headless_subject = verb.head.dep_ == "ROOT" and verb.head.pos_ in {"PROPN", "NOUN", "PRON"}
    return verb.dep_ == "ROOT" or (verb.dep_ in {"relcl", "acl"} and headless_subject)


def _reads_as_arrangement(verb: Token, span: TokenSpan) -> bool:
    """A present tense that announces an arrangement, when the date hangs on the verb itself:
    "the vote is on Sunday", "ministers are meeting on Monday"."""
    auxiliaries = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    others = [c for c in verb.children if not span.start <= c.i < span.end]
    if verb.lemma_ == "be" and verb.tag_ in {"VBZ", "VBP"} and verb.dep_ != "aux":
        return not any(c.dep_ in {"acomp", "attr"} or c.tag_ == "VBN" for c in others)
    return verb.tag_ == "VBG" and any(a.tag_ in {"VBZ", "VBP"} for a in auxiliaries)


# -- the stage -------------------------------------------------------------------------------------


class TimeStage:
    """Fills ``document.dates`` with the text's date expressions, resolved where that is possible."""

    name = "time"

    def __init__(self, context: StageContext) -> None:
        self.lexicon = Lexicon.from_rules(context.kb.rules("time"))
        self.patterns = build_patterns(self.lexicon)
        self.default_published = context.settings.published

    def __call__(self, document: Document) -> Document:
        if document.doc is None:
            document.warnings.append(
                "time: the text was not parsed, so no dates were read; run the language stage first"
            )
            return document
        published = document.article.published or self.default_published
        scan = Scan(document.doc, self.lexicon)
        known = {d.span for d in document.dates}
        for candidate in find_candidates(scan, self.patterns):
            if document.is_debris(candidate.start) or (candidate.start, candidate.end) in known:
                continue  # bylines and related headlines carry dates that belong to no event here
            expression = self._express(document, scan, candidate, published)
            if expression is not None:
                document.dates.append(expression)
        document.dates.sort(key=lambda d: d.span)
        return document

    def _express(
        self, document: Document, scan: Scan, candidate: Candidate, published: dt.date | None
    ) -> TimeExpression | None:
        span = scan.tokens(candidate.start, candidate.end)
        direction: Direction = "unknown" if span is None else clause_direction(span, self.lexicon)
        reading = candidate.reading
        if isinstance(reading, Shift) and reading.needs_future and direction != "future":
            return None  # "in two weeks" is a duration unless the clause looks ahead
        period = reading.resolve(published, direction)
        return TimeExpression(
            text=document.text[candidate.start : candidate.end],
            span=(candidate.start, candidate.end),
            start=period.start if period else None,
            end=period.end if period else None,
            precision=period.precision if period else reading.precision,
            relative=reading.relative,
        )


def make_stage(context: StageContext) -> TimeStage:
    return TimeStage(context)


# -- attachment: which date belongs to a verb or an event noun ------------------------------------


def _attachment(span: TokenSpan) -> Token | None:
    """The word a date expression modifies: the verb or noun above it, stepping over a preposition."""
    root = span.root
    head = root.head
    if head.i == root.i:
        return None
    if head.dep_ in _PREPOSITION_DEPS and head.head.i != head.i and not (span.start <= head.i < span.end):
        return head.head
    return head


def _clause_distance(anchor: Token, target: Token) -> int | None:
    """Steps from ``target`` up to ``anchor`` when no other clause's verb lies between them."""
    steps = 0
    token = target
    while token.i != anchor.i:
        if token.head.i == token.i:
            return None
        if token.pos_ in {"VERB", "AUX"} and token.dep_ not in {"aux", "auxpass"}:
            return None
        if token.dep_ in _CLAUSE_DEPS:
            return None
        token = token.head
        steps += 1
    return steps


def _governing_verb(token: Token) -> Token | None:
    """The verb whose clause holds a noun: the first verb above it."""
    current = token
    while current.head.i != current.i:
        if current.dep_ in _CLAUSE_DEPS - {"conj"}:
            return None
        current = current.head
        if current.pos_ in {"VERB", "AUX"}:
            return current
    return None


def _attached_dates(document: Document) -> list[tuple[TimeExpression, TokenSpan, Token]]:
    doc = document.doc
    if doc is None:
        return []
    attached: list[tuple[TimeExpression, TokenSpan, Token]] = []
    for expression in document.dates:
        span = doc.char_span(*expression.span, alignment_mode="expand")
        if span is None:
            continue
        anchor = _attachment(span)
        if anchor is not None:
            attached.append((expression, span, anchor))
    return attached


def _nearest_below(
    anchor: Token, attached: list[tuple[TimeExpression, TokenSpan, Token]]
) -> TimeExpression | None:
    ranked: list[tuple[int, int, TimeExpression]] = []
    for expression, span, target in attached:
        if span.start <= anchor.i < span.end:
            continue
        distance = _clause_distance(anchor, target)
        if distance is not None:
            ranked.append((distance, abs(span.root.i - anchor.i), expression))
    return min(ranked, key=lambda r: (r[0], r[1]))[2] if ranked else None


def date_for(document: Document, token: Token) -> TimeExpression | None:
    """The time expression attached to a verb or an event noun, or None.

    A verb takes the date that modifies it or one of its own arguments ("came in a call on
    Monday"). A noun takes its own date ("the October summit", "the call on Monday"), else its
    verb's. The search never crosses into another clause's verb, so the date of a relative or
    reported clause is not handed to the verb above it.
    """
    attached = _attached_dates(document)
    if not attached:
        return None
    if token.pos_ in {"VERB", "AUX"}:
        return _nearest_below(token, attached)
    own = _nearest_below(token, attached)
    if own is not None:
        return own
    verb = _governing_verb(token)
    return _nearest_below(verb, attached) if verb is not None else None
