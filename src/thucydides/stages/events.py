"""Events stage: PLOVER/CAMEO events from verb and noun frames, with actors, modality, date and source."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from thucydides.document import Document
from thucydides.records import Event, EventDate, Modality, Quote, TimeExpression
from thucydides.stages.events_patterns import (
    VERBAL_DROP,
    CameoCode,
    EventRules,
    Pattern,
    compile_rules,
    lemma_forms,
    prep_objects,
)
from thucydides.stages.events_roles import (
    agent_tokens,
    governing_verb,
    has_argument,
    is_controlled_by,
    is_passive,
    is_quantity,
    is_reduced_passive,
    nominal_agent_actors,
    noun_patients,
    owners,
    participants,
    patient_tokens,
    reduced_passive_patient,
    slot_tokens,
)
from thucydides.syntax import is_negated, modality

if TYPE_CHECKING:
    from spacy.tokens import Span as TokenSpan, Token

    from thucydides.pipeline import StageContext
    from thucydides.records import Actor

DateFinder = Callable[[Document, "Token"], "TimeExpression | None"]

_DEFINITE_DETERMINERS = frozenset({"the", "this", "that", "these", "those"})
_HISTORICAL_AFTER = dt.timedelta(days=365)
"""An event dated more than this before publication is background, not news."""
_VERB_DEPS_WITHOUT_EVENTS = frozenset({"amod", "compound", "aux", "auxpass"})
"""Participles used as adjectives ("the occupied territories") describe a state, not an event."""
_PERSONAL_PRONOUNS = frozenset({"him", "her", "them", "us", "me", "you", "whom", "he", "she", "they", "we", "i"})
"""Pronoun patients refer to people, which a person-only pattern ("release", "arrest") accepts."""
_NAMED_PARTICIPANTS = frozenset({"PERSON", "NORP", "ORG", "GPE"})
"""Named-entity labels that make a patient an actor even when the knowledge base does not know it."""
_NON_PREPOSITION_SLOTS = frozenset({"dobj", "dative", "oprd", "for_clause", "ccomp_subject"})
"""Target slots that are not prepositions, so cannot hang on the verb's object instead of the verb."""
_STATE_LIKE_SECTORS = frozenset({"GOV"})
"""A government group ("the Chinese government") counts as a state when telling force from words."""


@dataclass
class Candidate:
    """A trigger that fits a pattern, before the article-level checks decide whether it becomes an Event."""

    trigger: Token
    pattern: Pattern
    code: CameoCode
    source: list[Actor]
    target: list[Actor]
    modality: Modality
    date: EventDate | None
    passive: bool = False
    refers_back: bool = False
    bare_noun: bool = False
    """An event noun with neither an argument nor a verb like "held" to carry it ("her appeal")."""
    confidence: float = 0.5
    argument_tokens: list[Token] = field(default_factory=list)

    @property
    def category(self) -> str | None:
        return self.code.category

    @property
    def actor_ids(self) -> frozenset[str]:
        return frozenset(a.id for a in [*self.source, *self.target])


class EventsStage:
    """Finds events in every sentence that is not page debris; compiles its patterns once."""

    name = "events"

    def __init__(self, rules: EventRules, date_finder: DateFinder | None) -> None:
        self.rules = rules
        self.date_finder = date_finder

    def __call__(self, document: Document) -> Document:
        if document.doc is None:
            return document
        candidates = absorb_event_objects(self._candidates(document))
        candidates = drop_requested_actions(candidates, self.rules.object_control)
        candidates = resolve_back_references(candidates)
        kept = [c for c in candidates if self._is_reportable(c)]
        kept += self._quote_accusations(document, kept)
        kept = drop_same_sentence_duplicates(kept)
        kept.sort(key=lambda c: c.trigger.idx)
        first = len(document.events) + 1
        document.events.extend(self._to_event(document, c, number) for number, c in enumerate(kept, start=first))
        return document

    # -- finding candidates -------------------------------------------------------------------

    def _candidates(self, document: Document) -> list[Candidate]:
        found: list[Candidate] = []
        for token in document.doc:
            if token.pos_ not in {"VERB", "NOUN", "PROPN"} or document.is_debris(token.idx):
                continue
            if token.pos_ == "VERB" and token.dep_ in _VERB_DEPS_WITHOUT_EVENTS:
                continue
            if token.pos_ != "VERB" and (token.dep_ == "compound" or token.ent_type_):
                # A noun inside a name is no event: "March" the month, "the Rally for Democracy".
                continue
            pattern = self.rules.best_pattern(token)
            if pattern is None:
                continue
            code = self.rules.code(pattern.cameo)
            if code is None or code.category is None:
                continue
            build = self._verb_candidate if pattern.kind == "verb" else self._noun_candidate
            candidate = build(document, token, pattern, code)
            if candidate is not None:
                found.append(candidate)
        found += self._modal_demands(document)
        found.sort(key=lambda c: c.trigger.i)
        return found

    def _modal_demands(self, document: Document) -> list[Candidate]:
        """"Y must stop", said X: a demand from X to Y (the clause is a speech verb's complement or a quote)."""
        code = self.rules.code(self.rules.demand_code or "")
        if code is None or code.category is None or not self.rules.demand_modals:
            return []
        found: list[Candidate] = []
        for modal in document.doc:
            if modal.dep_ != "aux" or modal.lower_ not in self.rules.demand_modals or document.is_debris(modal.idx):
                continue
            clause = modal.head
            if _is_epistemic(modal, clause):
                continue
            target_tokens = [c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}]
            target = _actors(document, target_tokens)
            source = self._demander(document, clause)
            # "Russia must boost its forces", said by Russia's leader, is resolve, not a demand.
            own_countries = {a.country for a in source if a.country}
            target = [a for a in target if a not in source and (a.country is None or a.country not in own_countries)]
            if not source or not target:
                continue
            found.append(
                Candidate(
                    trigger=modal,
                    pattern=Pattern(kind="verb", lemma=modal.lower_, cameo=code.code),
                    code=code,
                    source=source,
                    target=target,
                    modality="asserted",
                    date=self._date(document, clause),
                    confidence=0.6,
                    argument_tokens=[clause, *target_tokens],
                )
            )
        return found

    def _demander(self, document: Document, clause: Token) -> list[Actor]:
        if clause.dep_ == "ccomp" and clause.head.lemma_.lower() in self.rules.speech_verbs:
            return _actors(document, agent_tokens(clause.head, self.rules.object_control))
        for quote in document.quotes:
            if quote.span[0] <= clause.idx < quote.span[1] and quote.speaker and quote.kind != "indirect":
                speaker = document.actor(quote.speaker)
                return [speaker] if speaker is not None else []
        return []

    def _verb_candidate(
        self, document: Document, verb: Token, pattern: Pattern, code: CameoCode
    ) -> Candidate | None:
        control = self.rules.object_control
        reduced = is_reduced_passive(verb, pattern)
        if reduced:
            # "crew members detained near X": the noun is the patient and the doer is unsaid unless a
            # "by" phrase names it; the main clause's subject did something else.
            source_tokens = [o for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
            source = _actors(document, source_tokens)
            target_tokens = [reduced_passive_patient(verb)]
            target = participants(document, target_tokens[0], owner=pattern.owner)
        else:
            source_tokens = agent_tokens(verb, control)
            source = _actors(document, source_tokens)
            if not source:
                # "Israeli tanks shelled ...": forces named by their nationality are that state's forces.
                units = self.rules.word_sets.get("military_units", frozenset())
                forces = [t for t in source_tokens if set(lemma_forms(t)) & units]
                source = _actors_with_owner(document, forces, owner=True)
            if not source and verb.dep_ == "acl":
                # "X issued a statement demanding ...": the statement's author demands.
                source = nominal_agent_actors(document, verb.head, control, self.rules.support_verbs)
            target_tokens, target = self._targets(document, verb, pattern)
            if not target:
                target_tokens, target = self._object_targets(document, verb, pattern)
        if not self._patient_fits(document, pattern, patient_tokens(verb, reduced)):
            return None
        if any(self._is_poll_figure(t) for t in [*source_tokens, *target_tokens]):
            return None
        # "An explosion killed two soldiers": a blast as subject leaves the doer unsaid, as a passive does.
        passive = is_passive(verb) or reduced or self._has_event_subject(source_tokens, source)
        source, target = _split_reciprocal(pattern, source, target)
        sense = self._sense(verb, pattern, code, source, target)
        if sense is None:
            return None
        code = sense
        mood = modality(verb, self.rules.reporting_verbs)
        confidence = _confidence(pattern, source, target)
        if mood != "negated" and is_controlled_by(verb, control):
            # What X was urged to do is the urging's content; as an event of its own it is a weak guess.
            mood = "hypothetical"
            confidence -= 0.15
        code, mood, pattern = self._stated_intent(verb, code, mood, pattern, source, target)
        code, mood = self._negation_as_event(pattern, code, mood)
        return Candidate(
            trigger=verb,
            pattern=pattern,
            code=code,
            source=source,
            target=[a for a in target if a not in source],
            modality=mood,
            date=self._date(document, verb),
            passive=passive,
            confidence=confidence,
            argument_tokens=[*source_tokens, *target_tokens],
        )

    def _noun_candidate(
        self, document: Document, noun: Token, pattern: Pattern, code: CameoCode
    ) -> Candidate | None:
        target_tokens, target = self._targets(document, noun, pattern)
        if not target and noun.dep_ == "dobj":
            # "launched strikes on X", "imposed sanctions on X": the light verb carries the noun's preposition.
            target_tokens, target = self._targets(document, noun.head, pattern)
        source = nominal_agent_actors(document, noun, self.rules.object_control, self.rules.support_verbs)
        source, target = _split_reciprocal(pattern, source, target)
        if not self._patient_fits(document, pattern, noun_patients(noun)):
            return None
        sense = self._sense(noun, pattern, code, source, target)
        if sense is None:
            return None
        code = sense
        verb = governing_verb(noun)
        if is_negated(noun):
            mood: Modality = "negated"
        else:
            mood = modality(verb, self.rules.reporting_verbs) if verb is not None else "asserted"
            if mood == "negated" and verb is not None and noun.dep_ not in {"dobj", "nsubj", "nsubjpass", "attr"}:
                # "did not say in the account of the talks ..." negates the saying, not the talks.
                mood = "asserted"
        code, mood, pattern = self._stated_intent(verb or noun, code, mood, pattern, source, target)
        refers_back = any(
            c.dep_ == "poss" or c.dep_ == "det" and c.lower_ in _DEFINITE_DETERMINERS for c in noun.children
        )
        return Candidate(
            trigger=noun,
            pattern=pattern,
            code=code,
            source=source,
            target=[a for a in target if a not in source],
            modality=mood,
            date=self._date(document, noun),
            refers_back=refers_back,
            bare_noun=not (
                self._carried_by_support_verb(noun) or has_argument(noun, pattern) or self._is_violent(noun)
            ),
            confidence=_confidence(pattern, source, target) - 0.05,
            argument_tokens=target_tokens,
        )

    def _stated_intent(
        self,
        clause: Token,
        code: CameoCode,
        mood: Modality,
        pattern: Pattern,
        source: list[Actor],
        target: list[Actor],
    ) -> tuple[CameoCode, Modality, Pattern]:
        """A future act announced now is an event of its own kind: "will send aid" expresses an intent to
        aid (AGREE), "will impose sanctions" threatens (THREATEN). CAMEO and PLOVER code the announcement,
        which has happened, so the event is asserted.

        The announcement needs someone who announces, and the act keeps its own need of a target: "will
        support the bill" stays a support without a target (and is dropped), while "promised to deport
        thousands" stands as a threat without one, as the deportation itself would."""
        if mood != "future" or not source:
            return code, mood, pattern
        if not target and code.category not in self.rules.targetless and not pattern.target_optional:
            return code, mood, pattern
        intent = self.rules.intent_code(code.code)
        if intent is None or intent.category is None:
            return code, mood, pattern
        threat = self.rules.code(self.rules.ultimatum_code or "")
        if threat is not None and threat.category is not None and _has_ultimatum(clause, self.rules.ultimatum_markers):
            # "will withdraw its troops unless X ...": an act announced on a condition is a threat.
            intent = threat if intent.category != threat.category else intent
        return intent, "asserted", replace(pattern, target_optional=True)

    def _negation_as_event(self, pattern: Pattern, code: CameoCode, mood: Modality) -> tuple[CameoCode, Modality]:
        """"Failed to reach a deal" is a rejection that happened, not an agreement that did not."""
        negated = self.rules.code(pattern.when_negated or "") if mood == "negated" else None
        if negated is None or negated.category is None:
            return code, mood
        return negated, "asserted"

    def _has_event_subject(self, source_tokens: list[Token], source: list[Actor]) -> bool:
        violent = self.rules.violence_context
        return not source and any(set(lemma_forms(t)) & violent for t in source_tokens)

    def _carried_by_support_verb(self, noun: Token) -> bool:
        """True for "held a rally", "launched an attack", "agreed to talks": a verb that only carries the noun."""
        head = noun.head
        if noun.dep_ == "pobj" and head.dep_ in {"prep", "agent"}:
            head = head.head
        elif noun.dep_ not in {"dobj", "attr", "nsubjpass"}:
            return False
        return head.pos_ in {"VERB", "AUX"} and bool(set(lemma_forms(head)) & self.rules.support_verbs)

    def _patient_fits(self, document: Document, pattern: Pattern, patients: list[Token]) -> bool:
        """Selectional constraint: "released two sailors" frees people, "released a poll" frees nobody.

        With no patient in the text the constraint has nothing to reject; the usual target rules decide."""
        if not pattern.restricts_patient or not patients:
            return True
        return any(self._is_fitting_patient(document, pattern, token, depth=0) for token in patients)

    def _is_fitting_patient(self, document: Document, pattern: Pattern, token: Token, depth: int) -> bool:
        forms = {*lemma_forms(token), token.lower_, token.lower_.removesuffix("s")}
        if forms & pattern.not_patient:
            return False
        # "dozens of activists", "three of the hostages": the measured noun is the patient.
        measured = [o for o in prep_objects(token, "of") if depth < 2]
        if not pattern.patient:
            # "hosts thousands of refugees" is judged by the refugees; "the author of a report" by the author.
            counted = measured if is_quantity(token) else []
            return all(self._is_fitting_patient(document, pattern, o, depth + 1) for o in counted)
        if forms & pattern.patient:
            return True
        if any(self._is_fitting_patient(document, pattern, o, depth + 1) for o in measured):
            return True
        if not pattern.patient_may_be_actor:
            return False
        if token.lower_ in _PERSONAL_PRONOUNS or token.pos_ in {"PROPN", "NUM"} and not measured:
            return True
        return token.ent_type_ in _NAMED_PARTICIPANTS or bool(participants(document, token))

    def _is_poll_figure(self, token: Token) -> bool:
        """"Backed by 34% of voters", "a majority of voters support ...": a poll share, not an actor's act."""
        return token.ent_type_ == "PERCENT" or token.lemma_.lower() in self.rules.poll_figures

    def _sense(
        self, trigger: Token, pattern: Pattern, code: CameoCode, source: list[Actor], target: list[Actor]
    ) -> CameoCode | None:
        """The code for the sense the trigger has here: "attacked her for lying" is criticism, not force.

        None when the verbal sense is no event at all ("fought hard for the bill")."""
        if pattern.verbal is None or not self._is_verbal(trigger, source, target):
            return code
        if pattern.verbal == VERBAL_DROP:
            return None
        verbal = self.rules.code(pattern.verbal)
        return verbal if verbal is not None and verbal.category is not None else None

    def _is_violent(self, trigger: Token) -> bool:
        """True when another word of the trigger's sentence speaks of force: "killed", "troops", "rocket".
        Words inside names do not ("the National Rifle Association")."""
        return any(
            t.i != trigger.i and not t.ent_type_ and t.lemma_.lower() in self.rules.violence_context
            for t in trigger.sent
        )

    def _is_verbal(self, trigger: Token, source: list[Actor], target: list[Actor]) -> bool:
        """A conflict word is used verbally when its sentence speaks of no violence and it states grounds
        ("for", "over"), has no actor to hit ("fought hard to defend the tax"), or no side is a state or an
        armed group ("Trump attacked Clinton")."""
        if self._is_violent(trigger):
            return False
        if any(c.dep_ == "prep" and c.lower_ in self.rules.grounds_preps for c in trigger.children):
            return True
        if not target and trigger.pos_ == "VERB":
            return True
        return not any(
            a.kind == "state"
            or (a.sector or "") in self.rules.armed_sectors
            or a.kind == "group" and a.sector in _STATE_LIKE_SECTORS and a.country is not None
            for a in [*source, *target]
        )

    def _targets(self, document: Document, trigger: Token, pattern: Pattern) -> tuple[list[Token], list[Actor]]:
        for slot in pattern.targets:
            tokens = slot_tokens(trigger, slot)
            actors: list[Actor] = []
            for token in tokens:
                for actor in participants(document, token, owner=pattern.owner):
                    if actor not in actors:
                        actors.append(actor)
            if actors:
                return tokens, actors
        return [], []

    def _object_targets(
        self, document: Document, verb: Token, pattern: Pattern
    ) -> tuple[list[Token], list[Actor]]:
        """"pledged support for X", "offered help to X": the target's preposition hangs on the object."""
        for obj in (c for c in verb.children if c.dep_ == "dobj"):
            for slot in pattern.targets:
                if slot in _NON_PREPOSITION_SLOTS:
                    continue
                tokens = slot_tokens(obj, slot)
                actors = _actors_with_owner(document, tokens, pattern.owner)
                if actors:
                    return tokens, actors
        return [], []

    def _date(self, document: Document, token: Token) -> EventDate | None:
        if self.date_finder is None:
            return None
        found = self.date_finder(document, token)
        if found is None:
            return None
        return EventDate(text=found.text, start=found.start, end=found.end)

    # -- deciding what to report --------------------------------------------------------------

    def _is_reportable(self, candidate: Candidate) -> bool:
        """No actorless events; a missing target is allowed only where the category makes sense without one,
        and a missing source only in an agentless passive ("the embassy was attacked"), where the text itself
        leaves the doer unsaid."""
        if not candidate.source and not candidate.target:
            return False
        if candidate.bare_noun and not candidate.target:
            # "her appeal", "the Hammond protest", "Obama's ban": an event noun with only an owner, no
            # argument and no word of force around it names a quality, a policy or a past episode more often
            # than a new event. It still lends its date to a later mention of the same event
            # (resolve_back_references runs first).
            return False
        if not candidate.source:
            return candidate.passive
        if not candidate.target:
            if candidate.pattern.needs_target:
                return False
            return candidate.category in self.rules.targetless or candidate.pattern.target_optional
        return True

    def _quote_accusations(self, document: Document, found: list[Candidate]) -> list[Candidate]:
        """A direct quote in which the speaker calls another country's actor dangerous, aggressive and
        the like is a criticism (CAMEO 111) from the speaker to that actor."""
        code = self.rules.code(self.rules.accusation_code or "")
        if code is None or code.category is None or not self.rules.accusation_words:
            return []
        accusations: list[Candidate] = []
        for quote in document.quotes:
            speaker = document.actor(quote.speaker)
            if speaker is None or speaker.country is None or quote.kind == "indirect":
                continue
            if document.is_debris(quote.span[0]):
                continue
            candidate = self._accusation_in_quote(document, quote, speaker, code)
            if candidate is not None and not _already_found(candidate, found):
                accusations.append(candidate)
        return accusations

    def _accusation_in_quote(
        self, document: Document, quote: Quote, speaker: Actor, code: CameoCode
    ) -> Candidate | None:
        span = _token_span(document, quote.span)
        if span is None:
            return None
        for token in span:
            words = self.rules.accusation_words
            if token.lower_ not in words and token.lemma_.lower() not in words:
                continue
            accused = [
                actor
                for actor in self._accused_near(document, token, quote)
                if actor.country is not None and actor.country != speaker.country and actor.id != speaker.id
            ]
            if accused:
                return Candidate(
                    trigger=token,
                    pattern=Pattern(kind="noun", lemma=token.lemma_.lower(), cameo=code.code),
                    code=code,
                    source=[speaker],
                    target=accused,
                    modality="asserted",
                    date=self._date(document, governing_verb(token) or token),
                    confidence=0.6,
                )
        return None

    def _accused_near(self, document: Document, word: Token, quote: Quote) -> list[Actor]:
        """Actors the accusatory word is aimed at: the owner of the noun it describes ("Japan's dangerous
        moves"), that noun itself, or the subject of the nearest verb, all inside the quote."""
        noun = word.head if word.dep_ in {"amod", "acomp"} and word.head.pos_ in {"NOUN", "PROPN"} else word
        found = [*owners(document, noun), *participants(document, noun)]
        verb = governing_verb(noun)
        if verb is not None:
            found += _actors(document, agent_tokens(verb, self.rules.object_control))
        inside = {m.actor_id for m in document.mentions_in(*quote.span)}
        unique: list[Actor] = []
        for actor in found:
            if actor.id in inside and actor not in unique:
                unique.append(actor)
        return unique

    # -- building records ---------------------------------------------------------------------

    def _to_event(self, document: Document, candidate: Candidate, number: int) -> Event:
        trigger = candidate.trigger
        sentence = trigger.sent
        tokens = [trigger, *candidate.argument_tokens]
        tokens = [t for t in tokens if sentence.start <= t.i < sentence.end]
        start = min(t.idx for t in tokens)
        end = max(t.idx + len(t) for t in tokens)
        published = document.article.published
        return Event(
            id=f"E{number}",
            category=candidate.category,  # type: ignore[arg-type]  # checked against PLOVER when compiled
            cameo=candidate.code.code,
            goldstein=candidate.code.goldstein,
            source=[a.id for a in candidate.source],
            target=[a.id for a in candidate.target],
            modality=candidate.modality,
            date=candidate.date,
            attributed_to=attribution(document, trigger.idx),
            span=(start, end),
            sentence=sentence.text.strip(),
            trigger=trigger_text(trigger, candidate.pattern),
            confidence=round(max(0.05, min(candidate.confidence, 0.95)), 2),
            in_caption=document.boilerplate_kind(trigger.idx) == "caption",
            historical=is_historical(candidate.date, published),
        )


# -- pure helpers ---------------------------------------------------------------------------------


def absorb_event_objects(candidates: list[Candidate]) -> list[Candidate]:
    """An event noun that is the object of an event verb is that event's content, not a second event:
    "pledged aid to X", "threatened X with sanctions", "rejected X's demands". The governing event takes
    the content's target when it has none; an infinitive with its own frame ("agreed to cooperate with X")
    lends its target the same way but stays an event of its own."""
    verbs = {c.trigger.i: c for c in candidates if c.pattern.kind == "verb"}
    kept: list[Candidate] = []
    for candidate in candidates:
        governor = _governing_event(candidate, verbs)
        if governor is not None and not governor.target and candidate.target:
            lent = [a for a in candidate.target if a not in governor.source]
            verbs[governor.trigger.i] = replace(
                governor,
                target=lent,
                argument_tokens=[*governor.argument_tokens, *candidate.argument_tokens],
                confidence=_confidence(governor.pattern, governor.source, lent),
            )
        if governor is None or candidate.pattern.kind == "verb":
            kept.append(candidate)
    return [verbs.get(c.trigger.i, c) if c.pattern.kind == "verb" else c for c in kept]


def _has_ultimatum(clause: Token, markers: frozenset[str]) -> bool:
    """True when the clause carries an "unless ..." condition of its own."""
    return any(
        child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in markers for m in child.children)
        for child in clause.children
    )


def _is_epistemic(modal: Token, clause: Token) -> bool:
    """"He must be doing something right", "they must have known": an inference, not a demand."""
    after_modal = [c for c in clause.children if c.dep_ == "aux" and c.i > modal.i]
    return clause.tag_ == "VBG" or any(c.lemma_ in {"have", "be"} for c in after_modal)


def drop_requested_actions(candidates: list[Candidate], object_control: frozenset[str]) -> list[Candidate]:
    """What X was asked, urged or called on to do is the content of the request, which is the event:
    "asked Indonesia to release the crew" is one REQUEST, not also a release that has not happened."""
    requests = {c.trigger.i for c in candidates if c.category == "REQUEST"}
    return [
        c
        for c in candidates
        if not (
            c.pattern.kind == "verb"
            and {c.trigger.head.i, c.trigger.head.head.i} & requests
            and is_controlled_by(c.trigger, object_control)
        )
    ]


def _governing_event(candidate: Candidate, verbs: dict[int, Candidate]) -> Candidate | None:
    token = candidate.trigger
    head = token.head
    if head is token:
        return None
    if candidate.pattern.kind == "verb":
        return verbs.get(head.i) if token.dep_ == "xcomp" else None
    if token.dep_ == "pobj" and head.dep_ in {"prep", "agent"}:
        head = head.head
    elif token.dep_ not in {"dobj", "nsubjpass"}:
        return None
    if head.i not in verbs and head.dep_ == "xcomp" and head.head is not head:
        # "promised to continue aid to X": the infinitive only carries the noun to the promise.
        return verbs.get(head.head.i)
    return verbs.get(head.i)


def resolve_back_references(candidates: list[Candidate]) -> list[Candidate]:
    """A definite event noun ("the call", "his conversation") that names an earlier event of the same kind
    takes that event's date when it has none, and is dropped when it adds no actor to it; the earlier event
    takes the later one's date when only the later mention is dated."""
    resolved: list[Candidate] = []
    for candidate in candidates:
        earlier = _antecedent(candidate, resolved) if candidate.refers_back else None
        if earlier is None:
            resolved.append(candidate)
            continue
        if candidate.date is None and earlier.date is not None:
            candidate = replace(candidate, date=earlier.date)
        if earlier.date is None and candidate.date is not None:
            resolved[resolved.index(earlier)] = earlier = replace(earlier, date=candidate.date)
        if earlier.source and candidate.actor_ids <= earlier.actor_ids:
            continue
        resolved.append(candidate)
    return resolved


def _antecedent(candidate: Candidate, earlier: list[Candidate]) -> Candidate | None:
    lemma = candidate.trigger.lemma_.lower()
    for previous in reversed(earlier):
        if previous.trigger.i >= candidate.trigger.i or previous.code.code[:3] != candidate.code.code[:3]:
            continue
        same_word = previous.trigger.lemma_.lower() == lemma
        shared_actor = bool(previous.actor_ids & candidate.actor_ids)
        if same_word or shared_actor:
            return previous
    return None


def drop_same_sentence_duplicates(candidates: list[Candidate]) -> list[Candidate]:
    """One event per category and set of actors in a sentence: "held talks ... in which they discussed"."""
    best: dict[tuple[int, str | None, frozenset[str]], Candidate] = {}
    for candidate in candidates:
        key = (candidate.trigger.sent.start, candidate.category, candidate.actor_ids)
        current = best.get(key)
        if current is None or candidate.confidence > current.confidence:
            best[key] = candidate
    return list(best.values())


def _already_found(candidate: Candidate, found: list[Candidate]) -> bool:
    return any(
        f.category == candidate.category
        and f.trigger.sent.start == candidate.trigger.sent.start
        and set(f.source) == set(candidate.source)
        for f in found
    )


def attribution(document: Document, offset: int) -> str | None:
    """The speaker of the quote holding ``offset``, else the first reporter of the claim holding it."""
    for quote in document.quotes:
        if quote.span[0] <= offset < quote.span[1] and quote.speaker:
            return quote.speaker
    for claim in document.claims:
        if claim.span[0] <= offset < claim.span[1] and claim.reported_by:
            return claim.reported_by[0]
    return None


def is_historical(date: EventDate | None, published: dt.date | None) -> bool:
    """True for background events dated well before publication ("in 1945")."""
    if date is None or published is None:
        return False
    last_day = date.end or date.start
    return last_day is not None and last_day < published - _HISTORICAL_AFTER


def trigger_text(trigger: Token, pattern: Pattern) -> str:
    """The trigger with the words its pattern needs: "called on", "pulled out", "telephone call"."""
    words = [trigger]
    if trigger.dep_ == "aux":
        words.append(trigger.head)  # "must withdraw"
    for child in trigger.children:
        if child.dep_ == "prt" and child.lower_ in pattern.particles:
            words.append(child)
        elif pattern.prep and child.dep_ in {"prep", "agent"} and child.lower_ == pattern.prep:
            words.append(child)
        elif child.dep_ in {"compound", "amod", "nmod"} and child.lemma_.lower() in pattern.modifiers:
            words.append(child)
    return " ".join(t.text for t in sorted(words, key=lambda t: t.i))


def _split_reciprocal(pattern: Pattern, source: list[Actor], target: list[Actor]) -> tuple[list[Actor], list[Actor]]:
    """"X and Y met" or "talks between X and Y": the first named is the source, the others the target."""
    if not pattern.reciprocal:
        return source, target
    if not target and len(source) > 1:
        return source[:1], source[1:]
    if not source and len(target) > 1:
        return target[:1], target[1:]
    return source, target


def _confidence(pattern: Pattern, source: list[Actor], target: list[Actor]) -> float:
    score = 0.5 + 0.05 * pattern.specificity
    if source and target:
        score += 0.25
    return score


def _actors_with_owner(document: Document, tokens: list[Token], owner: bool) -> list[Actor]:
    found: list[Actor] = []
    for token in tokens:
        for actor in participants(document, token, owner=owner):
            if actor not in found:
                found.append(actor)
    return found


def _actors(document: Document, tokens: list[Token]) -> list[Actor]:
    found: list[Actor] = []
    for token in tokens:
        for actor in participants(document, token):
            if actor not in found:
                found.append(actor)
    return found


def _token_span(document: Document, span: tuple[int, int]) -> TokenSpan | None:
    assert document.doc is not None
    return document.doc.char_span(span[0], span[1], alignment_mode="expand")


def _find_date_finder() -> DateFinder | None:
    """The time stage's ``date_for``, when that stage is installed."""
    try:
        from thucydides.stages import time as time_stage
    except ImportError:
        return None
    return getattr(time_stage, "date_for", None)


def make_stage(context: StageContext) -> EventsStage:
    return EventsStage(compile_rules(context.kb), _find_date_finder())
