"""Quotes stage: direct, partial and indirect speech in the article, each with its speaker resolved to an actor.

The cascade, from the most to the least certain signal:

1. Quotation marks are paired on the raw text, paragraph by paragraph (a paragraph is a line). Straight
   marks take their direction from the characters around them, so apostrophes inside words never count.
   An unclosed mark at the end of a paragraph continues into the next paragraph when that one opens with
   a mark (the newspaper convention for long quotes); any other unpaired mark becomes a warning.
2. Each quoted stretch ("segment") is direct, or partial when it sits inside a sentence of the author's.
3. A direct segment's speaker comes from the speech verb next to it: a clause ending in a colon before it,
   a clause after it ("...," she said / said X), a clause ending in a comma before it, the attributed
   segment next to it in the same paragraph (a quote interrupted by its attribution gives each half its
   own Quote with the same speaker), "according to X," before it, a colon that ends a clause or a bare
   name before it, or ends the paragraph before a block quotation ("Kasich resisted:", "Kasich:"), a
   following "He said ..." sentence for a quote that opens its paragraph, or, for a paragraph made only
   of quotation, the speaker of the quote in the paragraph before it (a "floating" quote).
4. A partial segment's speaker is the subject of the speech verb that governs it; quoted words after a
   naming word ("so-called") or with no speech act around them are scare quotes or names, not quotes.
5. Indirect speech: a speech verb outside quotation marks with a clausal complement, and "according to X".

Speakers resolve through the mentions the actors stage left on the Document; a speaker phrase no
mention covers becomes a new actor (anonymous for descriptions such as "officials"). A relative pronoun
speaks for the noun its clause describes, a passive speech verb for its "by" agent. Once quotes have
speakers, "I", "we" and "our" inside their words are pointed at the speaker.

Typewriter double quotes written as two characters ('' and ``) count as quotation marks.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from thucydides.document import Document
from thucydides.records import Actor, Quote, QuoteKind, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from thucydides.knowledge import KnowledgeBase
    from thucydides.pipeline import StageContext

SOURCES_NOTE = "quotes.sources"
_MARKS_NOTE = "_quotes.marks_text"
"""Scratch key: quote id -> QuoteSources, for the claims stage (all sources of "according to X and Y")."""

_DOUBLE_OPENERS = frozenset("“„«")
_DOUBLE_CLOSERS = frozenset("”»")
_STRAIGHT_DOUBLE = '"'
_SINGLE_OPENER = "‘"
_SINGLE_CLOSER = "’"
_STRAIGHT_SINGLE = "'"
_SINGLE_PAIRS = {_SINGLE_OPENER: _SINGLE_CLOSER, _STRAIGHT_SINGLE: _STRAIGHT_SINGLE}
_OPEN_CONTEXT = frozenset("([{—–-/\u00a0")
_CLOSE_CONTEXT = frozenset(".,;:!?)]}—–-…")
_SENTENCE_END = frozenset(".!?")
_ATTRIBUTION_CLOSERS = frozenset(",?!—–-…")
_SUBJECT_DEPS = frozenset({"nsubj"})
_CLIMB_DEPS = frozenset({"conj", "xcomp", "advcl", "pcomp", "prep", "acl"})
_PHRASE_CUT_DEPS = frozenset({"relcl", "acl", "appos", "punct", "advcl", "parataxis", "ccomp", "cc", "conj"})
_CARRIER_PREPS = frozenset({"in", "of", "by", "from", "on"})
_COMPLEMENT_MARKERS = frozenset({"that", "whether", "if"})
_PERSONAL_PRONOUNS = {"he": "male", "him": "male", "she": "female", "her": "female"}
_GROUP_PRONOUNS = frozenset({"they", "them"})
_RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
_DETERMINERS = frozenset({"the", "a", "an"})
_NAME_FUNCTION_WORDS = frozenset({"the", "of", "and", "for", "a", "an", "in", "on", "to", "de", "la"})
_FIRST_PERSON = frozenset({"i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves"})
_FLOATING_LOOKBACK_LINES = 4
_ANCESTOR_STEPS = 6
_SUBJECT_CLIMB_STEPS = 4


# -- cue words ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Cues:
    """The cue words the stage reads from cues.yaml, indexed for look-up."""

    direct_verbs: frozenset[str] = frozenset()
    adjacent_verbs: frozenset[str] = frozenset()
    """Direct verbs that attribute only the quote written right next to them."""
    indirect_verbs: frozenset[str] = frozenset()
    partial_verbs: frozenset[str] = frozenset()
    of_verbs: frozenset[str] = frozenset()
    reporting_verbs: frozenset[str] = frozenset()
    according_phrases: tuple[tuple[str, ...], ...] = ()
    naming_words: tuple[str, ...] = ()
    carrier_nouns: frozenset[str] = frozenset()
    media_nouns: frozenset[str] = frozenset()
    qualified_media_nouns: frozenset[str] = frozenset()
    media_qualifiers: frozenset[str] = frozenset()
    vague_source_nouns: frozenset[str] = frozenset()
    person_source_nouns: frozenset[str] = frozenset()
    sourcing_words: frozenset[str] = frozenset()

    @classmethod
    def from_rules(cls, rules: Mapping[str, Any]) -> Cues:
        frames: dict[str, set[str]] = {"direct": set(), "indirect": set(), "partial": set(), "of": set(), "adjacent": set()}
        for entry in rules.get("speech_verbs", []) or []:
            for frame in entry.get("frames", []):
                frames.setdefault(frame, set()).add(str(entry["lemma"]).lower())
        return cls(
            direct_verbs=frozenset(frames["direct"] | frames["adjacent"]),
            adjacent_verbs=frozenset(frames["adjacent"] - frames["direct"]),
            indirect_verbs=frozenset(frames["indirect"]),
            partial_verbs=frozenset(frames["partial"] | frames["direct"]),
            of_verbs=frozenset(frames["of"]),
            reporting_verbs=_lowered(rules.get("reporting_verbs")),
            according_phrases=tuple(
                tuple(phrase.lower().split()) for phrase in rules.get("according_phrases", []) or []
            ),
            naming_words=tuple(word.lower() for word in rules.get("naming_words", []) or []),
            carrier_nouns=_lowered(rules.get("carrier_nouns")),
            media_nouns=_lowered(rules.get("media_nouns")),
            qualified_media_nouns=_lowered(rules.get("qualified_media_nouns")),
            media_qualifiers=_lowered(rules.get("media_qualifiers")),
            vague_source_nouns=_lowered(rules.get("vague_source_nouns")),
            person_source_nouns=_lowered(rules.get("person_source_nouns")),
            sourcing_words=_lowered(rules.get("sourcing_words")),
        )


def _lowered(values: Iterable[str] | None) -> frozenset[str]:
    return frozenset(str(value).lower() for value in values or [])


# -- quotation marks ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Segment:
    """One stretch of text between an opening and a closing quotation mark, inside one paragraph."""

    open_mark: int
    close_mark: int
    """Offset of the closing mark, or of the paragraph end when the quote runs on into the next paragraph."""
    start: int
    end: int
    line_start: int
    line_end: int
    runs_on: bool = False
    continues: bool = False
    """True when this segment carries on a quote left open at the end of the previous paragraph."""

    @property
    def span(self) -> Span:
        return (self.start, self.end)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Non-blank lines as ``(start, end)`` offsets, end excluding the line break."""
    ranges: list[tuple[int, int]] = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if line.strip():
            ranges.append((start, end))
        start = end + 1
    return ranges


def normalise_marks(text: str) -> str:
    """The text with typewriter double quotes written as two characters ('' and ``, common in wire and
    archive copy) turned into one straight double mark plus a space, so offsets stay the same.

    An opener becomes ' "' (the mark sits next to the quoted words), a closer '" '.
    """
    if "''" not in text and "``" not in text:
        return text
    chars = list(text)
    index = 0
    while index < len(text) - 1:
        pair = text[index : index + 2]
        if pair not in {"''", "``"} or text[index + 2 : index + 3] == "'" or text[index - 1 : index] == "'":
            index += 1
            continue
        before = text[index - 1] if index > 0 else "\n"
        after = text[index + 2] if index + 2 < len(text) else "\n"
        opens = pair == "``" or (before.isspace() or before in _OPEN_CONTEXT) and not after.isspace()
        closes = pair == "''" and (after.isspace() or after in _CLOSE_CONTEXT) and not before.isspace()
        if opens and not closes:
            chars[index], chars[index + 1] = " ", _STRAIGHT_DOUBLE
        elif closes and not opens:
            chars[index], chars[index + 1] = _STRAIGHT_DOUBLE, " "
        index += 2
    return "".join(chars)


def mark_role(text: str, index: int) -> str | None:
    """'open', 'close' or None (not a quotation mark, or undecidable) for the character at ``index``.

    The characters around a mark decide before its glyph does: scraped text often has curly marks
    facing the wrong way, and a straight mark has no direction of its own.
    """
    char = text[index]
    before = text[index - 1] if index > 0 else "\n"
    after = text[index + 1] if index + 1 < len(text) else "\n"
    opens = before.isspace() or before in _OPEN_CONTEXT or before in _DOUBLE_OPENERS or before == _SINGLE_OPENER
    closes = after.isspace() or after in _CLOSE_CONTEXT or after in _DOUBLE_CLOSERS or after == _SINGLE_CLOSER
    if char in _DOUBLE_OPENERS or char in _DOUBLE_CLOSERS or char == _STRAIGHT_DOUBLE:
        if opens and not closes:
            return "open"
        if closes and not opens:
            return "close"
        if char in _DOUBLE_OPENERS:
            return "open"
        if char in _DOUBLE_CLOSERS:
            return "close"
        return None
    if char in _SINGLE_PAIRS and opens and after.isalnum():
        return "open"
    if char in (_SINGLE_CLOSER, _STRAIGHT_SINGLE) and closes and not before.isspace():
        # Also an apostrophe at a word's end ("the Joneses’ house"); only used when a single quote is open.
        return "close"
    return None


def find_segments(text: str) -> tuple[list[Segment], list[str]]:
    """Pair quotation marks paragraph by paragraph; return the quoted segments and warnings for stray marks."""
    lines = paragraphs(text)
    segments: list[Segment] = []
    warnings: list[str] = []
    pending: Segment | None = None
    """A quote left open at the end of the previous paragraph, kept only if this one opens with a mark."""
    for number, (line_start, line_end) in enumerate(lines):
        pairs, open_at, line_warnings = _pair_marks(text, line_start, line_end)
        warnings.extend(line_warnings)
        first_mark = pairs[0][0] if pairs else open_at
        continues = False
        if pending is not None:
            line = text[line_start:line_end]
            if first_mark == line_start + len(line) - len(line.lstrip()):
                segments.append(pending)
                continues = True
            else:
                warnings.append(_unpaired_warning(text, pending.open_mark, "opening"))
            pending = None
        for index, (open_mark, close_mark) in enumerate(pairs):
            segment = _segment(text, open_mark, close_mark, line_start, line_end, False, continues and index == 0)
            if segment is not None:
                segments.append(segment)
        if open_at is not None:
            runs_on = _segment(text, open_at, line_end, line_start, line_end, True, continues and not pairs)
            if runs_on is not None and number + 1 < len(lines):
                pending = runs_on
            else:
                warnings.append(_unpaired_warning(text, open_at, "opening"))
    if pending is not None:
        warnings.append(_unpaired_warning(text, pending.open_mark, "opening"))
    return sorted(segments, key=lambda s: s.start), warnings


def _pair_marks(text: str, line_start: int, line_end: int) -> tuple[list[tuple[int, int]], int | None, list[str]]:
    """Pairs of (open, close) offsets of the top-level marks in one paragraph, the offset of a mark left
    open at its end, and warnings for closing marks with no opening mark."""
    pairs: list[tuple[int, int]] = []
    warnings: list[str] = []
    open_at: int | None = None
    open_glyph = ""
    for index in range(line_start, line_end):
        char = text[index]
        is_double = char in _DOUBLE_OPENERS or char in _DOUBLE_CLOSERS or char == _STRAIGHT_DOUBLE
        is_single = char in (_SINGLE_OPENER, _SINGLE_CLOSER, _STRAIGHT_SINGLE)
        if not (is_double or is_single):
            continue
        role = mark_role(text, index)
        if is_single:
            # Single marks count only as the outermost quote, and only in pairs (a lone one is an
            # apostrophe); inside double marks they are nested quotes.
            if open_at is None and role == "open":
                if _single_close(text, index, line_end) is not None:
                    open_at, open_glyph = index, char
            elif open_at is not None and open_glyph in _SINGLE_PAIRS and role == "close" and char == _SINGLE_PAIRS[open_glyph]:
                pairs.append((open_at, index))
                open_at = None
            continue
        if open_glyph in _SINGLE_PAIRS and open_at is not None:
            continue
        if role is None:
            role = "close" if open_at is not None else "open"
        if role == "open":
            if open_at is not None:
                warnings.append(_unpaired_warning(text, open_at, "opening"))
            open_at, open_glyph = index, "double"
        elif open_at is None:
            warnings.append(_unpaired_warning(text, index, "closing"))
        else:
            pairs.append((open_at, index))
            open_at = None
    if open_at is not None and open_glyph in _SINGLE_PAIRS:
        open_at = None
    return pairs, open_at, warnings


def _single_close(text: str, opening: int, line_end: int) -> int | None:
    closer = _SINGLE_PAIRS[text[opening]]
    for index in range(opening + 1, line_end):
        if text[index] == closer and mark_role(text, index) == "close":
            return index
    return None


def _segment(
    text: str, open_mark: int, close_mark: int, line_start: int, line_end: int, runs_on: bool, continues: bool
) -> Segment | None:
    start = open_mark + 1
    end = close_mark
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    if end <= start:
        return None
    return Segment(open_mark, close_mark, start, end, line_start, line_end, runs_on, continues)


def _unpaired_warning(text: str, offset: int, which: str) -> str:
    line = text.count("\n", 0, offset) + 1
    return f"quotes: unpaired {which} quotation mark {text[offset]!r} on line {line} at offset {offset}; ignored"


# -- the stage ----------------------------------------------------------------------------------------


@dataclass
class QuoteSources:
    """Every source of one quote, for the claims stage: "according to X and Y" has two."""

    actor_ids: list[str] = field(default_factory=list)
    vague: bool = False
    """True when the source is only "reports" or "the media", with no actor to name."""


@dataclass
class _Found:
    kind: QuoteKind
    span: Span
    text: str
    speaker: Actor | None = None
    speaker_span: Span | None = None
    cue_span: Span | None = None
    cue: str | None = None
    sources: QuoteSources | None = None


@dataclass(frozen=True)
class _Attribution:
    speaker: Actor | None
    speaker_span: Span | None
    cue_span: Span | None
    cue: str | None
    vague: bool = False
    """The speaker phrase is only "media reports" or the like."""


class QuotesStage:
    """Finds quotes and their speakers; see the module docstring for the cascade."""

    name = "quotes"

    def __init__(self, cues: Cues, kb: KnowledgeBase) -> None:
        self.cues = cues
        self.kb = kb

    def __call__(self, document: Document) -> Document:
        doc = document.doc
        if doc is None or not document.text.strip():
            return document
        marks_text = normalise_marks(document.text)
        document.scratch[_MARKS_NOTE] = marks_text
        segments, warnings = find_segments(marks_text)
        document.warnings.extend(warnings)
        segments = [s for s in segments if not document.is_debris(s.start)]
        quoted = [(s.open_mark, s.close_mark + 1) for s in segments]
        found = self._direct_and_partial(document, doc, segments, quoted)
        direct = [f.span for f in found if f.kind == "direct"]
        found.extend(self._indirect(document, doc, quoted, direct))
        found.extend(self._according_to(document, doc, quoted, direct))
        self._store(document, found)
        point_first_person_at_speakers(document)
        return document

    # -- direct and partial quotes -------------------------------------------------------------------

    def _direct_and_partial(
        self, document: Document, doc: Doc, segments: list[Segment], quoted: list[Span]
    ) -> list[_Found]:
        found: list[_Found] = []
        attributions: dict[int, _Attribution] = {}
        kinds: dict[int, QuoteKind] = {}
        marks_text: str = document.scratch.get(_MARKS_NOTE, document.text)
        for index, segment in enumerate(segments):
            if self._is_name_or_scare_quote(marks_text, segment):
                continue
            kind: QuoteKind = "partial" if is_embedded(marks_text, segment) else "direct"
            if kind == "partial":
                if looks_like_name(document.text[segment.start : segment.end]):
                    continue
                # A partial quote needs a speech act around it; otherwise it is a scare quote.
                attribution = self._partial_speaker(document, doc, segment, quoted)
                if attribution is None:
                    continue
            else:
                attribution = self._own_attribution(document, doc, segments, index, quoted)
            kinds[index] = kind
            if attribution is not None:
                attributions[index] = attribution
        self._share_within_paragraphs(segments, kinds, attributions)
        self._carry_floating_quotes(document, segments, kinds, attributions)
        for index, kind in kinds.items():
            segment = segments[index]
            attribution = attributions.get(index)
            found.append(
                _Found(
                    kind=kind,
                    span=segment.span,
                    text=document.text[segment.start : segment.end],
                    speaker=attribution.speaker if attribution else None,
                    speaker_span=attribution.speaker_span if attribution else None,
                    cue_span=attribution.cue_span if attribution else None,
                    cue=attribution.cue if attribution else None,
                    sources=QuoteSources(vague=True) if attribution and attribution.vague else None,
                )
            )
        return found

    def _is_name_or_scare_quote(self, text: str, segment: Segment) -> bool:
        before = text[segment.line_start : segment.open_mark].rstrip().lower()
        return any(_ends_with_words(before, word) for word in self.cues.naming_words)

    def _own_attribution(
        self, document: Document, doc: Doc, segments: list[Segment], index: int, quoted: list[Span]
    ) -> _Attribution | None:
        """The attribution written next to a direct segment, in order of how surely it is this segment's."""
        segment = segments[index]
        text = document.scratch.get(_MARKS_NOTE, document.text)
        before_start = self._before_zone_start(text, segments, index, quoted)
        before_text = text[before_start : segment.open_mark].rstrip()
        before_verb = self._last_speech_verb(doc, before_start, segment.open_mark, quoted, self.cues.direct_verbs)
        if before_verb is not None and before_text.endswith(":"):
            return self._from_verb(document, before_verb, quoted)
        if self._may_attribute_after(text, segment):
            after_end = self._after_zone_end(text, segments, index, quoted)
            after_verb = self._first_speech_verb(doc, segment.close_mark + 1, after_end, quoted)
            if after_verb is not None:
                return self._from_verb(document, after_verb, quoted)
            according = self._according_after(document, doc, segment.close_mark + 1, after_end, quoted)
            if according is not None:
                return according
        if before_verb is not None and (before_text.endswith(",") or _is_last_word(before_verb, segment.open_mark, text)):
            return self._from_verb(document, before_verb, quoted)
        if before_text.endswith(","):
            # "According to the Ledger, “...”"
            according = self._according_after(document, doc, before_start, segment.open_mark, quoted)
            if according is not None:
                return according
        colon = self._introducing_colon(document, segment, before_start, before_text)
        if colon is not None:
            introduced = self._colon_introduction(document, doc, colon, quoted)
            if introduced is not None:
                return introduced
        governing = self._governing_speech_act(
            document, doc, segment, quoted, self.cues.direct_verbs - self.cues.adjacent_verbs
        )
        if governing is not None:
            return governing
        return self._next_sentence_speaker(document, doc, segments, index, quoted)

    @staticmethod
    def _introducing_colon(document: Document, segment: Segment, before_start: int, before_text: str) -> int | None:
        """Offset of the colon that introduces the quote: ending the words before it in its paragraph, or, for
        a quote opening its paragraph, ending the body paragraph before (a block quotation)."""
        if before_text.endswith(":"):
            return before_start + len(before_text) - 1
        if before_text.strip() or segment.continues:
            return None
        text = document.text
        end = segment.line_start - 1
        while end > 0 and text[end - 1].isspace():
            end -= 1
        if end <= 0 or text[end - 1] != ":" or document.boilerplate_kind(end - 1) is not None:
            return None
        return end - 1

    def _colon_introduction(self, document: Document, doc: Doc, colon: int, quoted: list[Span]) -> _Attribution | None:
        """The speaker of a clause that introduces a quote with a colon: a speech verb in it ("She told her
        audience:"), else the subject of its main verb ("Kasich resisted:", "He went on:"), else a bare name
        ("Kasich:"). Only speakers the article already knows count, so "The transcript follows:" names no one."""
        colon_token = next((t for t in _tokens_between(doc, colon, colon + 1)), None)
        if colon_token is None:
            return None
        sentence = colon_token.sent
        verb = self._last_speech_verb(doc, sentence.start_char, colon, quoted, self.cues.direct_verbs)
        if verb is not None:
            return self._from_verb(document, verb, quoted)
        cue_span = (colon_token.idx, colon_token.idx + 1)
        label = _name_label(document, colon)
        if label is not None:
            actor, span = label
            return _Attribution(actor, span, cue_span, ":")
        head = colon_token.head
        if head.idx > colon:
            # The parse hung the colon on the quoted clause; the words before it are no clause of their own.
            return None
        if _is_verb(head):
            subject = subject_of(head)
            if subject is None:
                return None
            actor, span = resolve_speaker(document, self.kb, self.cues, subject, quoted, create=False)
            return _Attribution(actor, span, cue_span, ":") if actor is not None else None
        if head.pos_ == "PROPN" and head.i == sentence.root.i:
            actor, span = resolve_speaker(document, self.kb, self.cues, head, quoted, create=False)
            return _Attribution(actor, span, cue_span, ":") if actor is not None else None
        return None

    def _next_sentence_speaker(
        self, document: Document, doc: Doc, segments: list[Segment], index: int, quoted: list[Span]
    ) -> _Attribution | None:
        """A quote that opens its paragraph and ends its sentence, followed by "He said ..." in the same
        paragraph: the quote is the words of that sentence's speaker (the reporter's "quote, then paraphrase")."""
        segment = segments[index]
        text = document.scratch.get(_MARKS_NOTE, document.text)
        if text[segment.line_start : segment.open_mark].strip() or segment.runs_on:
            return None
        if text[segment.open_mark + 1 : segment.close_mark].rstrip()[-1:] not in _SENTENCE_END:
            return None
        after_end = segment.line_end
        if index + 1 < len(segments) and segments[index + 1].line_start == segment.line_start:
            after_end = segments[index + 1].open_mark
        tokens = [t for t in _tokens_between(doc, segment.close_mark + 1, after_end) if not t.is_space]
        if not tokens or not tokens[0].is_title:
            return None
        sentence = tokens[0].sent
        for token in sentence:
            if token.i < tokens[0].i or _inside(token.idx, quoted):
                continue
            if token.lemma_.lower() in self.cues.indirect_verbs | self.cues.direct_verbs and _is_verb(token):
                subject = subject_of(token)
                if subject is not None and subject.i == tokens[0].i and (
                    subject.lower_ in _PERSONAL_PRONOUNS or subject.lower_ in _GROUP_PRONOUNS or subject.pos_ == "PROPN"
                ):
                    return self._from_verb(document, token, quoted)
                return None
        return None

    def _according_after(self, document: Document, doc: Doc, start: int, end: int, quoted: list[Span]) -> _Attribution | None:
        """'"...," according to a statement from the ministry.'"""
        words = doc.char_span(start, end, alignment_mode="contract") if end > start else None
        if words is None:
            return None
        for first, last in _phrase_matches(words, self.cues.according_phrases):
            sourced = self._according_sources(document, words, first, last, quoted)
            if sourced is not None:
                return sourced[0]
        return None

    def _partial_speaker(self, document: Document, doc: Doc, segment: Segment, quoted: list[Span]) -> _Attribution | None:
        return self._governing_speech_act(document, doc, segment, quoted, self.cues.partial_verbs | self.cues.of_verbs)

    def _governing_speech_act(
        self, document: Document, doc: Doc, segment: Segment, quoted: list[Span], verbs: frozenset[str]
    ) -> _Attribution | None:
        """The speech verb outside quotation marks that governs the quoted words in the parse."""
        span = doc.char_span(segment.start, segment.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return None
        current: Token = span.root
        for _ in range(_ANCESTOR_STEPS):
            if current.head is current:
                break
            current = current.head
            if _inside(current.idx, quoted):
                continue
            if current.lemma_.lower() in verbs and _is_verb(current):
                return self._from_verb(document, current, quoted)
        return None

    def _share_within_paragraphs(
        self, segments: list[Segment], kinds: dict[int, QuoteKind], attributions: dict[int, _Attribution]
    ) -> None:
        """A direct segment with no attribution of its own takes that of its neighbour in the paragraph:
        "First half," she said. "Second half." (forward first, the common order, then backward)."""
        for index in sorted(kinds):
            if kinds[index] != "direct" or index in attributions:
                continue
            neighbour = self._paragraph_neighbour(segments, kinds, attributions, index, step=-1)
            if neighbour is None:
                neighbour = self._paragraph_neighbour(segments, kinds, attributions, index, step=1)
            if neighbour is not None:
                attributions[index] = attributions[neighbour]

    @staticmethod
    def _paragraph_neighbour(
        segments: list[Segment], kinds: dict[int, QuoteKind], attributions: dict[int, _Attribution], index: int, step: int
    ) -> int | None:
        other = index + step
        while 0 <= other < len(segments) and segments[other].line_start == segments[index].line_start:
            if kinds.get(other) == "direct":
                return other if other in attributions else None
            other += step
        return None

    def _carry_floating_quotes(
        self,
        document: Document,
        segments: list[Segment],
        kinds: dict[int, QuoteKind],
        attributions: dict[int, _Attribution],
    ) -> None:
        """A paragraph of quotation with no attribution continues the speaker of the quote just before it."""
        lines = paragraphs(document.text)
        line_index = {start: number for number, (start, _) in enumerate(lines)}
        for index in sorted(kinds):
            segment = segments[index]
            if kinds[index] != "direct" or index in attributions:
                continue
            line = document.scratch.get(_MARKS_NOTE, document.text)[segment.line_start : segment.line_end]
            first_char = segment.line_start + len(line) - len(line.lstrip())
            if segment.open_mark != first_char and not segment.continues:
                continue
            previous = self._previous_quote(document, segments, kinds, attributions, index, lines, line_index)
            if previous is not None:
                attributions[index] = attributions[previous]

    def _previous_quote(
        self,
        document: Document,
        segments: list[Segment],
        kinds: dict[int, QuoteKind],
        attributions: dict[int, _Attribution],
        index: int,
        lines: list[tuple[int, int]],
        line_index: dict[int, int],
    ) -> int | None:
        """The last attributed direct segment in the nearest earlier body paragraph (captions, credits and
        related headlines in between are skipped), when that paragraph holds one."""
        number = line_index.get(segments[index].line_start)
        if number is None:
            return None
        for back in range(number - 1, max(-1, number - 1 - _FLOATING_LOOKBACK_LINES), -1):
            start, _ = lines[back]
            if document.boilerplate_kind(start) is not None:
                continue
            candidates = [
                i for i in kinds if segments[i].line_start == start and kinds[i] == "direct" and i in attributions
            ]
            return max(candidates) if candidates else None
        return None

    # -- zones and verbs -----------------------------------------------------------------------------

    @staticmethod
    def _before_zone_start(text: str, segments: list[Segment], index: int, quoted: list[Span]) -> int:
        segment = segments[index]
        start = segment.line_start
        if index > 0 and segments[index - 1].line_start == segment.line_start:
            start = segments[index - 1].close_mark + 1
        for position in range(segment.open_mark - 1, start - 1, -1):
            if text[position] in _SENTENCE_END and not _inside(position, quoted) and position + 1 < segment.open_mark:
                if text[position + 1].isspace():
                    return position + 1
        return start

    @staticmethod
    def _after_zone_end(text: str, segments: list[Segment], index: int, quoted: list[Span]) -> int:
        segment = segments[index]
        end = segment.line_end
        if index + 1 < len(segments) and segments[index + 1].line_start == segment.line_start:
            end = segments[index + 1].open_mark
        for position in range(segment.close_mark + 1, end):
            if text[position] in _SENTENCE_END and not _inside(position, quoted):
                return position + 1
        return end

    @staticmethod
    def _may_attribute_after(text: str, segment: Segment) -> bool:
        """An attribution follows a quote only when the quote does not close its sentence with a full stop:
        '"...," she said' and '"...?" he asked' do, '"...." Analysts said ...' does not."""
        if segment.runs_on:
            return False
        inner_end = text[segment.open_mark + 1 : segment.close_mark].rstrip()
        after = text[segment.close_mark + 1 : segment.close_mark + 40].lstrip()
        if inner_end[-1:] in _ATTRIBUTION_CLOSERS or after[:1] in {",", "—", "–"}:
            return True
        return bool(after[:1]) and after[:1].islower()

    def _first_speech_verb(self, doc: Doc, start: int, end: int, quoted: list[Span]) -> Token | None:
        for token in _tokens_between(doc, start, end):
            if not _inside(token.idx, quoted) and token.lemma_.lower() in self.cues.direct_verbs and _is_verb(token):
                return token
        return None

    @staticmethod
    def _last_speech_verb(doc: Doc, start: int, end: int, quoted: list[Span], verbs: frozenset[str]) -> Token | None:
        chosen = None
        for token in _tokens_between(doc, start, end):
            if not _inside(token.idx, quoted) and token.lemma_.lower() in verbs and _is_verb(token):
                chosen = token
        return chosen

    def _from_verb(self, document: Document, verb: Token, quoted: list[Span]) -> _Attribution:
        subject = passive_agent(verb) or subject_of(verb)
        cue_span = (verb.idx, verb.idx + len(verb))
        if subject is None:
            subject = adjacent_noun(verb)
        if subject is None:
            return _Attribution(None, None, cue_span, verb.text)
        actor, span = resolve_speaker(document, self.kb, self.cues, subject, quoted)
        vague = actor is None and is_vague_source(subject, self.cues)
        return _Attribution(actor, span, cue_span, verb.text, vague)

    # -- indirect speech -----------------------------------------------------------------------------

    def _indirect(self, document: Document, doc: Doc, quoted: list[Span], direct: list[Span]) -> list[_Found]:
        """Speech verbs outside quotation marks with a clausal complement. A complement holding a direct
        quote is that quote's own attribution, not a second report of it; a partial quote inside one is fine."""
        found: list[_Found] = []
        verbs = self.cues.indirect_verbs | self.cues.reporting_verbs | self.cues.of_verbs
        for verb in doc:
            lemma = verb.lemma_.lower()
            if lemma not in verbs or not _is_verb(verb) or _inside(verb.idx, quoted) or document.is_debris(verb.idx):
                continue
            complement = self._complement(verb, lemma)
            if complement is None:
                continue
            span = complement_span(document.text, complement, self.cues)
            if span is None or _overlaps(span, direct):
                continue
            span = _widen_to_whole_quotes(span, quoted)
            attribution = self._from_verb(document, verb, quoted)
            if lemma in self.cues.reporting_verbs:
                recode_unknown_masthead(document, attribution)
            if lemma not in self.cues.indirect_verbs | self.cues.of_verbs and not (
                _is_media(attribution.speaker) or _is_perfect(verb)
            ):
                # "learned that" is reporting only for a news outlet, or in the newsroom's "has learned that".
                continue
            found.append(
                _Found(
                    kind="indirect",
                    span=span,
                    text=document.text[span[0] : span[1]],
                    speaker=attribution.speaker,
                    speaker_span=attribution.speaker_span,
                    cue_span=attribution.cue_span,
                    cue=attribution.cue,
                    sources=QuoteSources(vague=True) if attribution.vague else None,
                )
            )
        return found

    def _complement(self, verb: Token, lemma: str) -> list[Token] | None:
        for child in verb.children:
            if child.dep_ == "ccomp":
                return list(child.subtree)
        if lemma in self.cues.of_verbs:
            # "accused Oslo of ...": the parse hangs "of" on the verb or on its object.
            objects = [c for c in verb.children if c.dep_ == "dobj"]
            for child in [*verb.children, *(g for o in objects for g in o.children)]:
                if child.dep_ == "prep" and child.lower_ == "of":
                    objects = [c for c in child.children if c.dep_ in {"pcomp", "pobj"}]
                    if objects:
                        return list(objects[0].subtree)
        return None

    # -- according to --------------------------------------------------------------------------------

    def _according_to(self, document: Document, doc: Doc, quoted: list[Span], direct: list[Span]) -> list[_Found]:
        """"According to X (and Y)": the rest of the sentence is X's (and Y's). A direct quote it attributes
        already carries X as its speaker, so it is not reported twice."""
        found: list[_Found] = []
        for sentence in doc.sents:
            for start, end in _phrase_matches(sentence, self.cues.according_phrases):
                if _inside(sentence[start].idx, quoted) or document.is_debris(sentence[start].idx):
                    continue
                sourced = self._according_sources(document, sentence, start, end, quoted)
                if sourced is None:
                    continue
                attribution, speakers, phrase = sourced
                span, text = _sentence_without(document.text, sentence, phrase)
                if span is None or _overlaps(span, direct):
                    continue
                found.append(
                    _Found(
                        kind="indirect",
                        span=span,
                        text=text,
                        speaker=attribution.speaker,
                        speaker_span=attribution.speaker_span,
                        cue_span=attribution.cue_span,
                        cue=attribution.cue,
                        sources=QuoteSources(speakers, vague=attribution.vague),
                    )
                )
        return found

    def _according_sources(
        self, document: Document, words: Any, start: int, end: int, quoted: list[Span]
    ) -> tuple[_Attribution, list[str], Span] | None:
        """The sources named after an "according to" phrase at ``words[start:end]``: the attribution (first
        source), every source's actor id, and the character range of the whole phrase."""
        head = _phrase_object(words, end)
        if head is None:
            return None
        source_heads = [head, *_conjuncts(head)]
        source_end = max(t.idx + len(t) for h in source_heads for t in h.subtree)
        speakers: list[str] = []
        vague = False
        for source in source_heads:
            actor, source_span = resolve_speaker(document, self.kb, self.cues, source, quoted)
            if actor is None:
                vague = vague or is_vague_source(source, self.cues)
            speakers.extend(a for a in speaker_group(document, actor, source_span) if a not in speakers)
        first, last = words[start], words[end - 1]
        cue_span = (first.idx, last.idx + len(last))
        attribution = _Attribution(
            speaker=document.actor(speakers[0]) if speakers else None,
            speaker_span=(head.left_edge.idx, source_end),
            cue_span=cue_span,
            cue=document.text[cue_span[0] : cue_span[1]],
            vague=vague and not speakers,
        )
        return attribution, speakers, (first.idx, source_end)

    # -- output ----------------------------------------------------------------------------------------

    @staticmethod
    def _store(document: Document, found: list[_Found]) -> None:
        notes: dict[str, QuoteSources] = document.scratch.setdefault(SOURCES_NOTE, {})
        seen: set[tuple[str, Span]] = set()
        for item in sorted(found, key=lambda f: (f.span, f.kind)):
            key = (item.kind, item.span)
            if key in seen:
                continue
            seen.add(key)
            quote = Quote(
                id=document.next_id("Q", document.quotes),
                text=item.text,
                kind=item.kind,
                speaker=item.speaker.id if item.speaker else None,
                speaker_text=document.text[item.speaker_span[0] : item.speaker_span[1]] if item.speaker_span else None,
                speaker_span=item.speaker_span,
                cue=item.cue,
                cue_span=item.cue_span,
                span=item.span,
            )
            document.quotes.append(quote)
            notes[quote.id] = item.sources or QuoteSources(speaker_group(document, item.speaker, item.speaker_span))


def point_first_person_at_speakers(document: Document) -> None:
    """"I", "we", "our" inside quoted words mean the quote's speaker, whatever the actors stage guessed, so
    later stages code "We signed the deal" as the speaker's act. Words inside a quotation nested in the
    quote belong to someone else and are left alone."""
    doc = document.doc
    if doc is None:
        return
    for quote in document.quotes:
        speaker = document.actor(quote.speaker)
        if quote.kind == "indirect" or speaker is None:
            continue
        nested, _ = find_segments(quote.text)
        nested_spans = [(quote.span[0] + s.open_mark, quote.span[0] + s.close_mark + 1) for s in nested]
        for token in _tokens_between(doc, quote.span[0], quote.span[1]):
            if token.lower_ in _FIRST_PERSON and token.pos_ == "PRON" and not _inside(token.idx, nested_spans):
                document.replace_mentions(speaker, token.idx, token.idx + len(token), "pronoun")


# -- speakers ---------------------------------------------------------------------------------------------


def subject_of(verb: Token) -> Token | None:
    """The grammatical subject of a speech verb, climbing from "by saying" or "adding" to the clause that
    has one ("she answered ... by saying ...")."""
    current = verb
    for _ in range(_SUBJECT_CLIMB_STEPS):
        for child in current.children:
            if child.dep_ in _SUBJECT_DEPS:
                return child
        if current.dep_ not in _CLIMB_DEPS or current.head is current:
            return None
        current = current.head
    return None


def passive_agent(verb: Token) -> Token | None:
    """The speaker of a passive speech verb: "was accused by the government of ...", "was told by aides"."""
    for child in verb.children:
        if child.dep_ == "agent":
            return next((obj for obj in child.children if obj.dep_ == "pobj"), None)
    return None


def adjacent_noun(verb: Token) -> Token | None:
    """When the parse gives no subject, the noun right after an inverted verb ("said Kihara") or before it."""
    doc = verb.doc
    for token in doc[verb.i + 1 : min(len(doc), verb.i + 4)]:
        if token.pos_ in {"PROPN", "NOUN", "PRON"}:
            return token
        if token.is_punct:
            break
    for token in reversed(doc[max(0, verb.i - 3) : verb.i]):
        if token.pos_ in {"PROPN", "NOUN", "PRON"}:
            return token
        if token.is_punct and token.text not in {"”", '"', "’"}:
            break
    return None


def phrase_of(head: Token) -> Span:
    """Character range of a noun phrase without its relative clauses, appositions and coordinated
    partners ("Trump, who plans to visit China," -> "Trump"; each of "X and Y" is resolved on its own)."""
    kept = [head]
    stack = [child for child in head.children if child.dep_ not in _PHRASE_CUT_DEPS]
    while stack:
        token = stack.pop()
        kept.append(token)
        stack.extend(child for child in token.children if child.dep_ not in {"relcl", "punct", "appos", "acl"})
    kept = [t for t in kept if not t.is_punct or t.i == head.i]
    first = min(kept, key=lambda t: t.i)
    last = max(kept, key=lambda t: t.i)
    return (first.idx, last.idx + len(last))


def resolve_speaker(
    document: Document, kb: KnowledgeBase, cues: Cues, head: Token, quoted: Sequence[Span], create: bool = True
) -> tuple[Actor | None, Span]:
    """The actor a speaker phrase names, and the phrase's character range.

    Order: a mention over the phrase's head word; for "an article in the party's newspaper", the phrase
    after the preposition; an apposition ("her predecessor, Shigeru Ishiba"); a pronoun's nearest person
    before it; an actor with the same name; finally (with ``create``) a new actor.
    """
    span = phrase_of(head)
    actor = _actor_over_head(document, head, span)
    if actor is not None:
        return actor, span
    if head.lemma_.lower() in cues.carrier_nouns or head.lower_ in cues.carrier_nouns:
        # Words carried by a statement or an article belong to its author: "an article in X", "X's statement".
        for child in head.children:
            if child.dep_ == "poss" and child.pos_ != "PRON":
                return resolve_speaker(document, kb, cues, child, quoted, create)
            if child.dep_ == "compound" and child.pos_ in {"PROPN", "NOUN"}:
                # "the Clinton campaign memo": only an author the article already knows.
                owner, owner_span = resolve_speaker(document, kb, cues, child, quoted, create=False)
                if owner is not None:
                    return owner, owner_span
            if child.dep_ == "prep" and child.lower_ in _CARRIER_PREPS:
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        return resolve_speaker(document, kb, cues, obj, quoted, create)
        # "the statement said" alone names no one; an actor called "statement" would be noise.
        return None, span
    for child in head.children:
        if child.dep_ == "appos":
            appos_actor = _actor_over_head(document, child, phrase_of(child))
            if appos_actor is not None:
                return appos_actor, span
    if head.lower_ in _RELATIVE_PRONOUNS and head.head.dep_ == "relcl" and head.head.head is not head.head:
        # "Reed, who added that ...": the relative clause speaks for the noun it hangs on, and a clause on an
        # apposition ("Reed, the strategist, who ...") for the name the apposition describes.
        antecedent = head.head.head
        if antecedent.dep_ == "appos":
            antecedent = antecedent.head
        return resolve_speaker(document, kb, cues, antecedent, quoted, create)
    if head.pos_ == "PRON":
        return _pronoun_antecedent(document, kb, head, quoted), span
    named = _actor_named(document, document.text[span[0] : span[1]])
    if named is not None:
        document.add_mention(named, span[0], span[1], "name")
        return named, span
    if not create or is_vague_source(head, cues):
        return None, span
    return _new_actor(document, kb, cues, head, span), span


def speaker_group(document: Document, speaker: Actor | None, span: Span | None) -> list[str]:
    """The speaker and every actor sharing its mention: "US and Japanese officials" is stored as one
    mention per member actor over the same words, and all of them said it."""
    if speaker is None:
        return []
    if span is None:
        return [speaker.id]
    own = [m for m in document.mentions if m.actor_id == speaker.id and m.start < span[1] and span[0] < m.end]
    if not own:
        return [speaker.id]
    best = min(own, key=lambda m: m.end - m.start)
    group = [speaker.id]
    for mention in document.mentions:
        if (mention.start, mention.end) == (best.start, best.end) and mention.actor_id not in group:
            group.append(mention.actor_id)
    return group


def is_vague_source(head: Token, cues: Cues) -> bool:
    """"reports", "media reports", "the press": a source with no one to name, unless a country qualifies it."""
    if head.pos_ == "PROPN" or head.lemma_.lower() not in cues.vague_source_nouns and head.lower_ not in cues.vague_source_nouns:
        return False
    if head.tag_ == "NN" and head.lower_ in cues.person_source_nouns and any(
        child.dep_ in {"det", "relcl", "acl", "prep", "nummod"} for child in head.children
    ):
        # "a source close to the campaign", "the source said": one particular person, though unnamed.
        return False
    return not any(child.dep_ in {"amod", "compound", "nmod", "poss"} and child.pos_ in {"PROPN", "ADJ"} for child in head.children)


def _actor_over_head(document: Document, head: Token, span: Span) -> Actor | None:
    """The actor of the smallest mention that covers the head word, or the exact phrase."""
    covering = [
        m for m in document.mentions if m.start <= head.idx and m.end >= head.idx + len(head)
    ]
    if covering:
        best = min(covering, key=lambda m: (m.end - m.start, m.start))
        return document.actor(best.actor_id)
    exact = document.mention_covering(*span)
    if exact is not None and exact.start <= span[0] and exact.end >= span[1]:
        return document.actor(exact.actor_id)
    return None


def _pronoun_antecedent(document: Document, kb: KnowledgeBase, pronoun: Token, quoted: Sequence[Span]) -> Actor | None:
    """For a pronoun the actors stage left unresolved: the nearest earlier actor of the right kind mentioned
    outside quotation marks (words inside a quote refer from the speaker's point of view)."""
    word = pronoun.lower_
    gender = _PERSONAL_PRONOUNS.get(word)
    if gender is None and word not in _GROUP_PRONOUNS:
        return None
    for mention in sorted(document.mentions, key=lambda m: m.start, reverse=True):
        if mention.end > pronoun.idx or _inside(mention.start, quoted):
            continue
        actor = document.actor(mention.actor_id)
        if actor is None:
            continue
        if gender is not None and actor.kind == "person" and _gender_allows(kb, actor, gender):
            return actor
        if gender is None and actor.kind in {"group", "organisation", "state"}:
            return actor
    return None


def _gender_allows(kb: KnowledgeBase, actor: Actor, gender: str) -> bool:
    person = kb.people.get(actor.kb_id) if actor.kb_id else None
    return person is None or person.gender is None or person.gender == gender


def _actor_named(document: Document, phrase: str) -> Actor | None:
    key = _name_key(phrase)
    if not key:
        return None
    for actor in document.actors:
        if key in {_name_key(name) for name in [actor.name, *actor.aliases]}:
            return actor
    return None


def _name_key(name: str) -> str:
    words = re.sub(r"[’']s$", "", name.strip()).split()
    if words and words[0].lower() in _DETERMINERS:
        words = words[1:]
    return " ".join(words).lower()


def _new_actor(document: Document, kb: KnowledgeBase, cues: Cues, head: Token, span: Span) -> Actor:
    """A speaker no actor covers: a known name from the knowledge base, or a description coded from its
    adjectives ("Japanese officials" -> JPN) and role noun ("spokesman" -> GOV). Coordinated countries
    ("US and Japanese officials") give one actor per country over the same words."""
    text = document.text[span[0] : span[1]]
    proper_name = _proper_name(head)
    names = [text, _strip_determiner(text), *([proper_name] if proper_name else [])]
    for entry in next((found for found in map(kb.lookup, names) if found), ()):
        actor = document.add_actor(
            name=proper_name or _strip_determiner(text),
            country=entry.country,
            sector=entry.sector,
            kind=_KIND_BY_ENTRY.get(entry.kind, "person"),
            kb_id=entry.id if entry.kind in {"person", "organisation", "outlet", "outlet_short"} else None,
        )
        document.add_mention(actor, span[0], span[1], "name")
        return actor
    media = is_media_noun(head, cues)
    role = kb.role_noun(head.lower_) or kb.role_noun(head.lemma_)
    sector = "MED" if media else role.sector if role else None
    kind = "outlet" if media else "group" if head.tag_ in {"NNS", "NNPS"} else "person"
    countries: list[str | None] = [*_countries_in(document, kb, head)] or [None]
    actors = [
        document.add_actor(
            name=proper_name or _strip_determiner(text),
            country=country,
            sector=sector,
            kind=kind,
            anonymous=proper_name is None,
        )
        for country in countries
    ]
    for actor in actors:
        document.add_mention(actor, span[0], span[1], "name" if proper_name else "description")
    return actors[0]


_KIND_BY_ENTRY = {
    "person": "person",
    "organisation": "organisation",
    "outlet": "outlet",
    "outlet_short": "outlet",
    "country": "state",
    "seat": "state",
}


def _proper_name(head: Token) -> str | None:
    if head.pos_ == "PROPN":
        words = [t for t in head.subtree if t.pos_ == "PROPN" and t.i <= head.i and t.head.i <= head.i]
        first = min((t.i for t in words), default=head.i)
        return head.doc[first : head.i + 1].text
    for child in head.children:
        if child.dep_ == "appos" and child.pos_ == "PROPN":
            return _proper_name(child)
    return None


def _countries_in(document: Document, kb: KnowledgeBase, head: Token) -> list[str]:
    """Countries that qualify a description: its adjectives and names ("US and Japanese officials"), else
    those of the phrase after it ("the newspaper of the Chinese Communist Party")."""
    before: list[str] = []
    after: list[str] = []
    skipped = {t.i for child in head.children if child.dep_ in {"relcl", "appos", "acl"} for t in child.subtree}
    for token in head.subtree:
        if token.i in skipped or token.i == head.i:
            continue
        code = kb.country_for_adjective(token.text) or kb.country_for_name(token.text)
        if code is None:
            actor = document.actor_for_tokens(token)
            code = actor.country if actor is not None else None
        bucket = before if token.i < head.i else after
        if code is not None and code not in bucket:
            bucket.append(code)
    return before or after


def recode_unknown_masthead(document: Document, attribution: _Attribution) -> None:
    """A reporter written as "The" + proper name ("The Canberra Ledger reported ...") is a news outlet the
    knowledge base does not know, not a person: people's names take no article."""
    speaker, span = attribution.speaker, attribution.speaker_span
    if speaker is None or span is None or speaker.kind != "person" or speaker.kb_id is not None:
        return
    words = document.text[span[0] : span[1]].split()
    if len(words) > 1 and words[0].lower() == "the" and all(w[:1].isupper() for w in words[1:]):
        speaker.kind = "outlet"
        speaker.sector = "MED"


def is_media_noun(head: Token, cues: Cues) -> bool:
    """"newspaper", "the daily"; "agency" only as a "news agency" or "press agency"."""
    words = {head.lemma_.lower(), head.lower_}
    if words & cues.media_nouns:
        return True
    return bool(words & cues.qualified_media_nouns) and any(
        child.dep_ in {"compound", "amod"} and child.lower_ in cues.media_qualifiers for child in head.children
    )


def _strip_determiner(text: str) -> str:
    words = text.split()
    if len(words) > 1 and words[0].lower() in _DETERMINERS:
        return " ".join(words[1:])
    return text


def _is_media(actor: Actor | None) -> bool:
    return actor is not None and (actor.kind == "outlet" or actor.sector == "MED")


# -- small helpers ----------------------------------------------------------------------------------


def is_embedded(text: str, segment: Segment) -> bool:
    """True for quoted words inside the author's sentence (a partial quote): the mark follows a word,
    and the quoted words are not a whole sentence of their own."""
    if segment.continues:
        return False
    before = text[segment.line_start : segment.open_mark].rstrip()
    if not before or before[-1] in ":,;.!?—–-([" or before[-1] in _DOUBLE_CLOSERS or before[-1] in {'"', "’"}:
        return False
    inner = text[segment.start : segment.end].rstrip()
    whole_sentence = inner[:1].isupper() and inner[-1:] in _SENTENCE_END
    return not whole_sentence


def looks_like_name(text: str) -> bool:
    """Quoted words in title case are a name ("the “Iron Dome”", "an operation called “Midnight Sun”"),
    not someone's words."""
    words = [w for w in re.split(r"[\s-]+", text.strip()) if w]
    if not words or not any(w[:1].isupper() for w in words):
        return False
    return all(w[:1].isupper() or w.lower() in _NAME_FUNCTION_WORDS for w in words)


def complement_span(text: str, tokens: list[Token], cues: Cues) -> Span | None:
    """Character range of a complement clause without its "that", its edge punctuation, and a trailing
    "according to X" or ", citing X" (which source the whole sentence, not the clause)."""
    tokens = sorted(tokens, key=lambda t: t.i)
    while tokens and (tokens[0].is_punct or tokens[0].lower_ in _COMPLEMENT_MARKERS and tokens[0].dep_ == "mark"):
        tokens = tokens[1:]
    for index, token in enumerate(tokens):
        words = tuple(t.lower_ for t in tokens[index : index + 3])
        sourcing = token.lower_ in cues.sourcing_words and index > 0 and tokens[index - 1].is_punct
        if sourcing or any(words[: len(p)] == p for p in cues.according_phrases):
            tokens = tokens[:index]
            break
    while tokens and tokens[-1].is_punct:
        tokens = tokens[:-1]
    if not tokens:
        return None
    return (tokens[0].idx, tokens[-1].idx + len(tokens[-1]))


def _phrase_matches(sentence: Any, phrases: tuple[tuple[str, ...], ...]) -> Iterator[tuple[int, int]]:
    """(start, end) token positions inside ``sentence`` where one of the phrases is written."""
    words = [t.lower_ for t in sentence]
    for index in range(len(words)):
        for phrase in phrases:
            if tuple(words[index : index + len(phrase)]) == phrase:
                yield index, index + len(phrase)


def _phrase_object(sentence: Any, end: int) -> Token | None:
    """The head noun of the source after "according to": the parse's object, else the next noun."""
    if end > len(sentence):
        return None
    last = sentence[end - 1]
    for child in last.children:
        if child.dep_ == "pobj":
            return child
    for token in sentence[end:]:
        if token.is_punct:
            break
        if token.pos_ in {"NOUN", "PROPN", "PRON"}:
            # Move to the last noun of a run of names ("The Wall Street Journal").
            while token.i + 1 < sentence.end and token.doc[token.i + 1].pos_ in {"PROPN", "NOUN"}:
                token = token.doc[token.i + 1]
            return token
    return None


def _conjuncts(head: Token) -> list[Token]:
    return [t for t in head.conjuncts if t.i > head.i]


def _sentence_without(text: str, sentence: Any, phrase: Span) -> tuple[Span | None, str]:
    """The sentence with an attribution phrase taken out: its span and the remaining words."""
    start = sentence.start_char
    end = sentence.end_char
    while end > start and text[end - 1].isspace():
        end -= 1
    while end > start and text[end - 1] in _SENTENCE_END:
        end -= 1
    before = text[start : phrase[0]].rstrip(" ,;:—–")
    after = text[phrase[1] : end].lstrip(" ,;:—–")
    if not before.strip() and not after.strip():
        return None, ""
    if not after.strip():
        return (start, start + len(before)), before
    if not before.strip():
        after_start = end - len(after)
        return (after_start, end), after
    return (start, end), f"{before} {after}"


def _widen_to_whole_quotes(span: Span, quoted: Sequence[Span]) -> Span:
    """A span that starts or ends between a pair of quotation marks takes in the whole quote, marks included,
    so reported speech never cuts a partial quote in half."""
    start, end = span
    for open_mark, after_close in quoted:
        if open_mark < start < after_close:
            start = open_mark
        if open_mark < end < after_close:
            end = after_close
    return (start, end)


def _tokens_between(doc: Doc, start: int, end: int) -> Iterator[Token]:
    span = doc.char_span(start, end, alignment_mode="contract") if end > start else None
    if span is not None:
        yield from span


def _is_verb(token: Token) -> bool:
    return token.pos_ in {"VERB", "AUX"} or token.tag_.startswith("VB")


def _is_last_word(verb: Token, open_mark: int, text: str) -> bool:
    """True when the speech verb is directly before the mark, as in 'She said "..."'."""
    return not text[verb.idx + len(verb) : open_mark].strip()


def _name_label(document: Document, colon: int) -> tuple[Actor, Span] | None:
    """The actor when all that stands before a colon in its paragraph is one mention: "Kasich: '...'"."""
    line_start = document.text.rfind("\n", 0, colon) + 1
    label = document.text[line_start:colon]
    start = line_start + len(label) - len(label.lstrip())
    end = line_start + len(label.rstrip())
    if end <= start:
        return None
    mention = document.mention_covering(start, end)
    if mention is None or (mention.start, mention.end) != (start, end):
        return None
    actor = document.actor(mention.actor_id)
    return (actor, (start, end)) if actor is not None else None


def _is_perfect(verb: Token) -> bool:
    """True for "has learned", "have learned": a present-perfect verb."""
    return any(child.dep_ == "aux" and child.lemma_ == "have" for child in verb.children)


def _inside(offset: int, spans: Sequence[Span]) -> bool:
    return any(start <= offset < end for start, end in spans)


def _overlaps(span: Span, spans: Sequence[Span]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in spans)


def _ends_with_words(text: str, words: str) -> bool:
    return re.search(r"(?:^|[^\w-])" + re.escape(words) + r"$", text) is not None


def make_stage(context: StageContext) -> QuotesStage:
    return QuotesStage(Cues.from_rules(context.kb.rules("cues")), context.kb)
