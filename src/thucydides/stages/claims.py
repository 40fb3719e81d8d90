"""Claims stage: propositions the article attributes to sources, and who denies, confirms or questions them.

A claim starts from reported speech the quotes stage found: "according to X (and Y)", a news outlet that
"reported" or "has learned" something, or anyone who "said, citing sources". Then:

1. Vague sources ("according to reports") take the named reporters that the article gives later for a
   claim of its own: the lede says "reports", a later paragraph names the newspapers.
2. Claims are merged when they are the same story: the same reporters, or a later claim whose subject
   refers back with a definite noun ("the request", "Trump's request", "the report").
3. Stances: "X denied the Wall Street Journal's account" (the claims that outlet reported), "X denied
   the report(s)", "officials confirmed the report", "X cast doubt on the report", "X denied that ..."
   (the claim saying the same thing), and a speaker's own quoted words ("That report is simply untrue") when
   the paragraph around them is about the report. "The report" answers the claim whose reporter the
   denying sentence names, else the most recent claim before it, unless the denier's quoted words in
   the same paragraph clearly share more words with an older claim.

Any subject of a reporting verb ("reported that", "has learned that") is a reporter, whatever kind of
actor it is: a newspaper the knowledge base does not know often reaches this stage looking like a person.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from thucydides.document import Document
from thucydides.records import Claim, ClaimStatus, Quote, Span
from thucydides.stages.quotes import (
    SOURCES_NOTE,
    Cues,
    QuoteSources,
    paragraphs,
    resolve_speaker,
    speaker_group,
    subject_of,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from thucydides.knowledge import KnowledgeBase
    from thucydides.pipeline import StageContext

Stance = Literal["denied", "confirmed", "questioned"]

_CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM"})
_MIN_OVERLAP = 0.5
_MIN_SHARED_WORDS_TO_OVERRIDE = 2
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_DEFINITE_WORDS = frozenset({"the", "this", "that", "these", "those"})


@dataclass(frozen=True)
class StanceCues:
    """Verbs and phrases by which a source takes a stance toward a reported claim."""

    verbs: frozenset[str] = frozenset()
    phrases: tuple[str, ...] = ()
    idioms: tuple[tuple[str, str, str], ...] = ()
    """(verb lemma, object lemma, preposition): "cast doubt on"."""

    @classmethod
    def from_rules(cls, rules: Mapping[str, Any] | None) -> StanceCues:
        rules = rules or {}
        return cls(
            verbs=frozenset(str(v).lower() for v in rules.get("verbs", []) or []),
            phrases=tuple(str(p).lower() for p in rules.get("phrases", []) or []),
            idioms=tuple(
                (str(i["verb"]).lower(), str(i["object"]).lower(), str(i["prep"]).lower())
                for i in rules.get("idioms", []) or []
            ),
        )


@dataclass(frozen=True)
class ClaimCues:
    """Everything the claims stage reads from cues.yaml."""

    quotes: Cues
    sourcing_words: frozenset[str]
    report_nouns: frozenset[str]
    back_reference_nouns: frozenset[str]
    stances: dict[Stance, StanceCues]

    @classmethod
    def from_rules(cls, rules: Mapping[str, Any]) -> ClaimCues:
        return cls(
            quotes=Cues.from_rules(rules),
            sourcing_words=_lowered(rules.get("sourcing_words")),
            report_nouns=_lowered(rules.get("report_nouns")),
            back_reference_nouns=_lowered(rules.get("back_reference_nouns")),
            stances={
                "denied": StanceCues.from_rules(rules.get("denial")),
                "confirmed": StanceCues.from_rules(rules.get("confirmation")),
                "questioned": StanceCues.from_rules(rules.get("questioning")),
            },
        )


def _lowered(values: Iterable[str] | None) -> frozenset[str]:
    return frozenset(str(value).lower() for value in values or [])


@dataclass
class DraftClaim:
    """A claim while the stage still merges and links it."""

    text: str
    span: Span
    reported_by: list[str] = field(default_factory=list)
    vague: bool = False
    denied_by: list[str] = field(default_factory=list)
    confirmed_by: list[str] = field(default_factory=list)
    questioned_by: list[str] = field(default_factory=list)

    def add(self, stance: Stance, actor_id: str) -> None:
        target = {"denied": self.denied_by, "confirmed": self.confirmed_by, "questioned": self.questioned_by}[stance]
        if actor_id not in target:
            target.append(actor_id)


def claim_status(denied_by: Sequence[str], confirmed_by: Sequence[str]) -> ClaimStatus:
    """Disputed when anyone denies it, confirmed when someone confirms it and no one denies it."""
    if denied_by:
        return "disputed"
    if confirmed_by:
        return "confirmed"
    return "reported"


class ClaimsStage:
    """Turns sourced reported speech into claims and links denials, confirmations and doubts to them."""

    name = "claims"

    def __init__(self, cues: ClaimCues, kb: KnowledgeBase) -> None:
        self.cues = cues
        self.kb = kb

    def __call__(self, document: Document) -> Document:
        doc = document.doc
        if doc is None:
            return document
        quoted = [q.span for q in document.quotes if q.kind in {"direct", "partial"}]
        drafts = self._drafts(document, doc)
        resolve_vague_sources(drafts)
        drafts = merge_same_story(drafts, lambda claim: self._refers_back(doc, claim))
        if drafts:
            self._verb_stances(document, doc, drafts, quoted)
            self._quoted_stances(document, drafts)
        for draft in drafts:
            document.claims.append(
                Claim(
                    id=document.next_id("C", document.claims),
                    text=draft.text,
                    span=draft.span,
                    reported_by=draft.reported_by,
                    denied_by=draft.denied_by,
                    confirmed_by=draft.confirmed_by,
                    questioned_by=draft.questioned_by,
                    status=claim_status(draft.denied_by, draft.confirmed_by),
                )
            )
        return document

    # -- finding claims --------------------------------------------------------------------------------

    def _drafts(self, document: Document, doc: Doc) -> list[DraftClaim]:
        notes: Mapping[str, QuoteSources] = document.scratch.get(SOURCES_NOTE, {})
        drafts: list[DraftClaim] = []
        for quote in sorted(document.quotes, key=lambda q: q.span):
            if quote.kind != "indirect" or document.is_debris(quote.span[0]):
                continue
            sources = notes.get(quote.id) or QuoteSources([quote.speaker] if quote.speaker else [])
            if not self._is_sourced_report(document, doc, quote, sources):
                continue
            drafts.append(DraftClaim(quote.text, quote.span, list(sources.actor_ids), vague=sources.vague))
        return drafts

    def _is_sourced_report(self, document: Document, doc: Doc, quote: Quote, sources: QuoteSources) -> bool:
        """According-to phrases, outlets reporting, and anyone speaking "citing" others make claims;
        a minister saying something is a quote, not a claim."""
        if sources.vague:
            return True
        cue = (quote.cue or "").lower()
        if any(cue == " ".join(phrase) for phrase in self.cues.quotes.according_phrases):
            return True
        speaker = document.actor(quote.speaker)
        if speaker is not None and (speaker.kind == "outlet" or speaker.sector == "MED"):
            return True
        cue_token = _token_at(doc, quote.cue_span)
        if cue_token is not None and cue_token.lemma_.lower() in self.cues.quotes.reporting_verbs and speaker:
            # "X reported that", "X has learned that": the reporting cue makes X a reporter whatever the actors
            # stage took X for; a newspaper unknown to the knowledge base often looks like a person.
            return True
        sentence = _sentence_text(doc, quote.span)
        return any(re.search(rf"\b{re.escape(word)}\b", sentence.lower()) for word in self.cues.sourcing_words)

    def _refers_back(self, doc: Doc, claim: DraftClaim) -> bool:
        """True when the claim's first subject is a definite noun that names an earlier story: "the request",
        "Trump's request", "the report"."""
        span = doc.char_span(claim.span[0], claim.span[1], alignment_mode="expand")
        if span is None:
            return False
        for token in span:
            if token.dep_ in _SUBJECT_DEPS and token.head.i >= span.start and token.head.i < span.end:
                definite = any(
                    child.dep_ == "poss" or child.dep_ == "det" and child.lower_ in _DEFINITE_WORDS
                    for child in token.children
                )
                return definite and token.lemma_.lower() in self.cues.back_reference_nouns
        return False

    # -- stances ------------------------------------------------------------------------------------------

    def _verb_stances(self, document: Document, doc: Doc, drafts: list[DraftClaim], quoted: list[Span]) -> None:
        """"X denied the report", "X denied the Journal's account", "X confirmed that ...", "cast doubt on"."""
        for token in doc:
            if _inside(token.idx, quoted) or document.is_debris(token.idx) or token.pos_ not in {"VERB", "AUX"}:
                continue
            for stance, cues in self.cues.stances.items():
                target = self._stance_object(token, cues)
                if target is None:
                    continue
                claims = self._claims_for_object(document, drafts, target, token)
                if not claims:
                    continue
                subject = subject_of(token)
                if subject is None:
                    continue
                actor, span = resolve_speaker(document, self.kb, self.cues.quotes, subject, quoted)
                for actor_id in speaker_group(document, actor, span):
                    for claim in claims:
                        if actor_id not in claim.reported_by:
                            claim.add(stance, actor_id)

    def _stance_object(self, verb: Token, cues: StanceCues) -> Token | None:
        """What the stance verb is about: its object or "that" clause, or the object of an idiom's
        preposition ("cast doubt on the report")."""
        lemma = verb.lemma_.lower()
        if lemma in cues.verbs:
            for child in verb.children:
                if child.dep_ in {"dobj", "ccomp"}:
                    return child
        for idiom_verb, idiom_object, idiom_prep in cues.idioms:
            if lemma != idiom_verb:
                continue
            for obj in verb.children:
                if obj.dep_ == "dobj" and obj.lemma_.lower() == idiom_object:
                    for prep in [*obj.children, *verb.children]:
                        if prep.dep_ == "prep" and prep.lower_ == idiom_prep:
                            objects = [c for c in prep.children if c.dep_ == "pobj"]
                            if objects:
                                return objects[0]
        return None

    def _claims_for_object(
        self, document: Document, drafts: list[DraftClaim], target: Token, verb: Token
    ) -> list[DraftClaim]:
        if target.dep_ == "ccomp":
            clause = list(target.subtree)
            return [c for c in drafts if _same_proposition(target.doc, c, clause)]
        if target.lemma_.lower() not in self.cues.report_nouns and target.lower_ not in self.cues.report_nouns:
            return []
        sources = self._object_sources(document, target) or _actors_named_around(document, verb)
        if sources:
            by_source = [c for c in drafts if set(c.reported_by) & sources]
            if by_source:
                return by_source
        earlier = [c for c in drafts if c.span[0] < verb.idx]
        if not earlier:
            return []
        if target.tag_ in {"NNS", "NNPS"}:
            return earlier
        return [answered_claim(earlier, _quoted_words_after(document, verb))]

    def _object_sources(self, document: Document, target: Token) -> set[str]:
        """Actors that a report noun says reported it: "the Journal's account", "the report by Reuters"."""
        found: set[str] = set()
        owners = [c for c in target.children if c.dep_ in {"poss", "compound", "nmod"}]
        for prep in target.children:
            if prep.dep_ == "prep" and prep.lower_ in {"by", "in", "from", "of"}:
                owners.extend(c for c in prep.children if c.dep_ == "pobj")
        for owner in owners:
            actor, _ = resolve_speaker(document, self.kb, self.cues.quotes, owner, (), create=False)
            if actor is not None:
                found.add(actor.id)
        return found

    def _quoted_stances(self, document: Document, drafts: list[DraftClaim]) -> None:
        """A speaker's own quoted words that deny or confirm ("That report is simply untrue"), when the paragraph
        around them is about a reported claim: it names a report noun or one of the claim's reporters."""
        lines = paragraphs(document.text)
        for quote in document.quotes:
            if quote.kind != "direct" or quote.speaker is None:
                continue
            words = quote.text.lower()
            for stance, cues in self.cues.stances.items():
                if not any(_has_phrase(words, phrase) for phrase in cues.phrases):
                    continue
                paragraph = next(((s, e) for s, e in lines if s <= quote.span[0] < e), None)
                if paragraph is None:
                    continue
                claims = self._claims_pointed_at(document, drafts, paragraph, quote)
                for claim in claims:
                    if quote.speaker not in claim.reported_by:
                        claim.add(stance, quote.speaker)

    def _claims_pointed_at(
        self, document: Document, drafts: list[DraftClaim], paragraph: Span, quote: Quote
    ) -> list[DraftClaim]:
        earlier = [c for c in drafts if c.span[0] < quote.span[0]]
        if not earlier:
            return []
        actors_here = {m.actor_id for m in document.mentions_in(*paragraph)}
        named = [c for c in earlier if set(c.reported_by) & actors_here]
        if named:
            return named
        text = document.text[paragraph[0] : paragraph[1]].lower()
        if any(_has_phrase(text, noun) for noun in self.cues.report_nouns):
            return [earlier[-1]]
        return []


def _actors_named_around(document: Document, verb: Token) -> set[str]:
    """Actors the stance verb's sentence names outside its subject: in "X denied the report, which first
    appeared in the Ledger", the Ledger."""
    subject = subject_of(verb)
    skipped = {t.i for t in subject.subtree} if subject is not None else set()
    sentence = verb.sent
    found: set[str] = set()
    for token in sentence:
        if token.i in skipped or token.i == verb.i:
            continue
        actor = document.actor_for_tokens(token)
        if actor is not None:
            found.add(actor.id)
    return found


def _quoted_words_after(document: Document, verb: Token) -> list[Token]:
    """The tokens of direct quotes in the stance verb's paragraph after it: "X denied the report. 'There was
    no offer,' she said." gives what the denial is about."""
    doc = verb.doc
    paragraph = next(((s, e) for s, e in paragraphs(document.text) if s <= verb.idx < e), None)
    if paragraph is None:
        return []
    words: list[Token] = []
    for quote in document.quotes:
        if quote.kind == "direct" and verb.idx < quote.span[0] < paragraph[1]:
            span = doc.char_span(quote.span[0], quote.span[1], alignment_mode="expand")
            words.extend(span or [])
    return words


# -- pure steps -------------------------------------------------------------------------------------------


def answered_claim(earlier: Sequence[DraftClaim], quoted: Sequence[Token]) -> DraftClaim:
    """Which of the claims before a denial of "the report" it answers: the most recent one, unless the
    denier's quoted words share clearly more content words with an older one (one shared word is chance)."""
    latest = earlier[-1]
    if not quoted:
        return latest
    said = _content_lemmas(quoted)
    doc = quoted[0].doc

    def overlap(claim: DraftClaim) -> int:
        span = doc.char_span(claim.span[0], claim.span[1], alignment_mode="expand")
        return len(_content_lemmas(span) & said) if span is not None else 0

    best = max(earlier, key=overlap)
    return best if overlap(best) >= overlap(latest) + _MIN_SHARED_WORDS_TO_OVERRIDE else latest


def resolve_vague_sources(drafts: list[DraftClaim]) -> None:
    """A claim from "reports" takes the reporters of the next claim that names its sources (journalistic
    convention: the lede says "according to reports", a later paragraph names them)."""
    for index, draft in enumerate(drafts):
        if draft.reported_by or not draft.vague:
            continue
        named = next((later for later in drafts[index + 1 :] if later.reported_by and not later.vague), None)
        if named is not None:
            draft.reported_by = list(named.reported_by)


def merge_same_story(drafts: list[DraftClaim], refers_back: Any) -> list[DraftClaim]:
    """Merge claims about the same story into the earliest: the same set of reporters, or a later claim
    whose subject is a definite noun pointing back at the claim before it."""
    merged: list[DraftClaim] = []
    for draft in drafts:
        same_reporters = next(
            (m for m in merged if draft.reported_by and set(m.reported_by) == set(draft.reported_by)), None
        )
        target = same_reporters or (merged[-1] if merged and refers_back(draft) else None)
        if target is None:
            merged.append(draft)
            continue
        for actor_id in draft.reported_by:
            if actor_id not in target.reported_by:
                target.reported_by.append(actor_id)
        target.vague = target.vague and draft.vague
    return merged


def _same_proposition(doc: Doc, claim: DraftClaim, clause: Sequence[Token]) -> bool:
    """True when a "that" clause says what the claim says: at least half their content words agree."""
    claim_span = doc.char_span(claim.span[0], claim.span[1], alignment_mode="expand")
    if claim_span is None:
        return False
    claim_words = _content_lemmas(claim_span)
    clause_words = _content_lemmas(clause)
    if not claim_words or not clause_words:
        return False
    return len(claim_words & clause_words) / min(len(claim_words), len(clause_words)) >= _MIN_OVERLAP


def _content_lemmas(tokens: Iterable[Token]) -> set[str]:
    return {t.lemma_.lower() for t in tokens if t.pos_ in _CONTENT_POS}


def _token_at(doc: Doc, span: Span | None) -> Token | None:
    if span is None:
        return None
    found = doc.char_span(span[0], span[1], alignment_mode="expand")
    return found[0] if found is not None and len(found) else None


def _sentence_text(doc: Doc, span: Span) -> str:
    found = doc.char_span(span[0], span[1], alignment_mode="expand")
    return found.sent.text if found is not None and len(found) else ""


def _has_phrase(text: str, phrase: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])", text) is not None


def _inside(offset: int, spans: Sequence[Span]) -> bool:
    return any(start <= offset < end for start, end in spans)


def make_stage(context: StageContext) -> ClaimsStage:
    return ClaimsStage(ClaimCues.from_rules(context.kb.rules("cues")), context.kb)
