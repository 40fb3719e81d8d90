"""Event patterns and the CAMEO codebook, compiled once from verbs.yaml and cameo.yaml."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from thucydides.errors import KnowledgeBaseError
from thucydides.records import PLOVER_CATEGORIES

if TYPE_CHECKING:
    from spacy.tokens import Token

    from thucydides.knowledge import KnowledgeBase

TriggerKind = Literal["verb", "noun"]
_ACTOR_PATIENT = "actor"
"""In a pattern's ``patient`` list, this word admits any noun phrase that names an actor."""
VERBAL_DROP = "drop"
"""A pattern's ``verbal`` value for words with no event in their verbal sense ("fought hard for the bill")."""


@dataclass(frozen=True)
class CameoCode:
    """One CAMEO code as the events stage needs it: its PLOVER category and Goldstein score."""

    code: str
    name: str
    goldstein: float
    category: str | None


@dataclass(frozen=True)
class Pattern:
    """A trigger lemma in a dependency frame, and the CAMEO code it signals."""

    kind: TriggerKind
    lemma: str
    cameo: str
    targets: tuple[str, ...] = ()
    prep: str | None = None
    pobj: frozenset[str] = frozenset()
    particles: frozenset[str] = frozenset()
    objects: frozenset[str] = frozenset()
    modifiers: frozenset[str] = frozenset()
    forbid: frozenset[str] = frozenset()
    require: frozenset[str] = frozenset()
    reciprocal: bool = False
    owner: bool = False
    target_optional: bool = False
    needs_target: bool = False
    patient: frozenset[str] = frozenset()
    not_patient: frozenset[str] = frozenset()
    verbal: str | None = None
    when_negated: str | None = None
    """The CAMEO code of the negated event, where its negation is an event itself ("failed to reach a deal")."""

    @property
    def restricts_patient(self) -> bool:
        """True when the pattern says what its patient may be ("release" frees people, not reports)."""
        return bool(self.patient or self.not_patient)

    @property
    def patient_may_be_actor(self) -> bool:
        return _ACTOR_PATIENT in self.patient

    @property
    def specificity(self) -> int:
        """How many conditions the pattern sets; the most specific fitting pattern wins."""
        conditions = (self.prep, self.pobj, self.particles, self.objects, self.modifiers, self.forbid, self.require)
        return sum(bool(condition) for condition in conditions)

    def fits(self, trigger: Token) -> bool:
        """True when the trigger's dependency frame meets every condition of the pattern."""
        children = list(trigger.children)
        preps = {c.lower_: c for c in children if c.dep_ in {"prep", "agent", "dative"} and c.pos_ == "ADP"}
        if self.prep is not None:
            prep = preps.get(self.prep)
            if prep is None:
                return False
            if self.pobj and not any(_has_form(o, self.pobj) for o in prep.children if o.dep_ == "pobj"):
                return False
        if self.particles and not any(c.dep_ == "prt" and c.lower_ in self.particles for c in children):
            return False
        if self.objects:
            objects = [c for c in children if c.dep_ in {"dobj", "nsubjpass"}]
            if not any(_has_form(o, self.objects) for o in _with_conjuncts(objects)):
                return False
        if self.modifiers and not any(
            _has_form(c, self.modifiers) or c.lower_ in self.modifiers
            for c in children
            if c.dep_ in {"compound", "amod", "nmod", "nummod"}
        ):
            return False
        if self.require and not any(c.dep_ in self.require for c in children):
            return False
        for label in self.forbid:
            if label.startswith("prep_"):
                if label[len("prep_"):] in preps:
                    return False
            elif any(c.dep_ == label for c in children):
                return False
        return True


@dataclass(frozen=True)
class EventRules:
    """Everything the events stage reads from the knowledge base, indexed for fast look-up."""

    verbs: Mapping[str, tuple[Pattern, ...]]
    nouns: Mapping[str, tuple[Pattern, ...]]
    codes: Mapping[str, CameoCode]
    targetless: frozenset[str]
    object_control: frozenset[str]
    support_verbs: frozenset[str]
    accusation_words: frozenset[str]
    accusation_code: str | None
    demand_code: str | None = None
    demand_modals: frozenset[str] = frozenset()
    speech_verbs: frozenset[str] = frozenset()
    word_sets: Mapping[str, frozenset[str]] = field(default_factory=dict)
    violence_context: frozenset[str] = frozenset()
    armed_sectors: frozenset[str] = frozenset()
    grounds_preps: frozenset[str] = frozenset()
    poll_figures: frozenset[str] = frozenset()
    reporting_verbs: frozenset[str] = frozenset()
    """Verbs whose "would" complement is the reported future ("said it would", "confirmed it would")."""
    ultimatum_code: str | None = None
    ultimatum_markers: frozenset[str] = frozenset()
    intent_codes: Mapping[str, str] = field(default_factory=dict)
    """CAMEO prefix of a planned act -> the code of announcing it ("will send aid" is 033, not 070)."""

    def intent_code(self, cameo: str) -> CameoCode | None:
        """The stated-intent code for a future act of code ``cameo``, by its longest listed prefix, or None."""
        for length in range(len(cameo), 1, -1):
            intent = self.intent_codes.get(cameo[:length])
            if intent is not None:
                return self.codes.get(intent)
        return None

    def best_pattern(self, trigger: Token) -> Pattern | None:
        """The most specific pattern that fits a verb or noun trigger, or None."""
        if trigger.pos_ in {"VERB", "AUX"}:
            index = self.verbs
        elif trigger.pos_ in {"NOUN", "PROPN"}:
            index = self.nouns
        else:
            return None
        candidates = [p for form in lemma_forms(trigger) for p in index.get(form, ())]
        fitting = [p for p in candidates if p.fits(trigger) and p.cameo in self.codes]
        if not fitting:
            return None
        # Ties go to the entry listed first, which verbs.yaml orders from general to specific per block.
        return max(fitting, key=lambda p: p.specificity)

    def code(self, cameo: str) -> CameoCode | None:
        return self.codes.get(cameo)


def compile_rules(kb: KnowledgeBase) -> EventRules:
    """Build the event rules from the knowledge base's verbs.yaml and cameo.yaml."""
    verbs_doc = kb.rules("verbs")
    cameo_doc = kb.rules("cameo")
    codes = _compile_codes(cameo_doc.get("codes", []))
    raw_sets = verbs_doc.get("word_sets") or {}
    word_sets = {name: frozenset(str(word).lower() for word in words) for name, words in raw_sets.items()}
    verbs = _index(_compile_patterns(verbs_doc.get("verbs", []), "verb", word_sets))
    nouns = _index(_compile_patterns(verbs_doc.get("nouns", []), "noun", word_sets))
    accusation = verbs_doc.get("accusation") or {}
    demand = verbs_doc.get("modal_demand") or {}
    verbal = verbs_doc.get("verbal_sense") or {}
    ultimatum = verbs_doc.get("conditional_threat") or {}
    targetless = frozenset(verbs_doc.get("targetless_categories", []))
    unknown = targetless - set(PLOVER_CATEGORIES)
    if unknown:
        raise KnowledgeBaseError(
            f"targetless_categories names unknown PLOVER categories {sorted(unknown)}", input="verbs.yaml"
        )
    return EventRules(
        verbs=verbs,
        nouns=nouns,
        codes=codes,
        targetless=targetless,
        object_control=frozenset(_words(verbs_doc.get("object_control", []), word_sets)),
        support_verbs=frozenset(_words(verbs_doc.get("support_verbs", []), word_sets)),
        accusation_words=frozenset(str(w).lower() for w in accusation.get("words", [])),
        accusation_code=str(accusation["cameo"]) if "cameo" in accusation else None,
        demand_code=str(demand["cameo"]) if "cameo" in demand else None,
        demand_modals=frozenset(_words(demand.get("modals", []), word_sets)),
        speech_verbs=frozenset(_words(demand.get("speech_verbs", []), word_sets)),
        word_sets=word_sets,
        violence_context=frozenset(_words(verbal.get("context", []), word_sets)),
        armed_sectors=frozenset(str(s).upper() for s in verbal.get("armed_sectors", [])),
        grounds_preps=frozenset(_words(verbal.get("grounds", []), word_sets)),
        poll_figures=frozenset(_words(verbs_doc.get("poll_figures", []), word_sets)),
        reporting_verbs=frozenset(_words(verbs_doc.get("reporting_verbs", []), word_sets)),
        intent_codes=_intent_codes(verbs_doc.get("stated_intent") or {}, codes),
        ultimatum_code=str(ultimatum["cameo"]) if "cameo" in ultimatum else None,
        ultimatum_markers=frozenset(_words(ultimatum.get("markers", []), word_sets)),
    )


def _intent_codes(entries: Mapping[Any, Any], codes: Mapping[str, CameoCode]) -> dict[str, str]:
    intents = {str(prefix): str(code) for prefix, code in entries.items()}
    unknown = sorted(code for code in intents.values() if code not in codes)
    if unknown:
        raise KnowledgeBaseError(f"stated_intent names unknown CAMEO codes {unknown}", input="verbs.yaml")
    return intents


def _compile_codes(entries: Iterable[Mapping[str, Any]]) -> dict[str, CameoCode]:
    codes: dict[str, CameoCode] = {}
    for entry in entries:
        category = entry.get("plover")
        if category is not None and category not in PLOVER_CATEGORIES:
            raise KnowledgeBaseError(
                f"code {entry.get('code')} has unknown PLOVER category {category!r}", input="cameo.yaml"
            )
        code = str(entry["code"])
        name = str(entry.get("name", ""))
        codes[code] = CameoCode(code=code, name=name, goldstein=float(entry["goldstein"]), category=category)
    return codes


def _compile_patterns(
    entries: Iterable[Mapping[str, Any]], kind: TriggerKind, word_sets: Mapping[str, frozenset[str]]
) -> list[Pattern]:
    patterns: list[Pattern] = []
    for entry in entries:
        try:
            lemmas = _words(entry["lemma"], word_sets)
            cameo = str(entry["cameo"])
        except KeyError as exc:
            raise KnowledgeBaseError(f"a {kind} pattern lacks {exc}", input="verbs.yaml") from exc
        for lemma in lemmas:
            patterns.append(
                Pattern(
                    kind=kind,
                    lemma=lemma,
                    cameo=cameo,
                    targets=tuple(_words(entry.get("targets", []), word_sets)),
                    prep=_words(entry["prep"], word_sets)[0] if entry.get("prep") else None,
                    pobj=frozenset(_words(entry.get("pobj", []), word_sets)),
                    particles=frozenset(_words(entry.get("particle", []), word_sets)),
                    objects=frozenset(_words(entry.get("object", []), word_sets)),
                    modifiers=frozenset(_words(entry.get("modifier", []), word_sets)),
                    forbid=frozenset(str(f) for f in entry.get("forbid", [])),
                    require=frozenset(str(r) for r in entry.get("require", [])),
                    reciprocal=bool(entry.get("reciprocal", False)),
                    owner=bool(entry.get("owner", False)),
                    target_optional=bool(entry.get("target_optional", False)),
                    needs_target=bool(entry.get("needs_target", False)),
                    patient=frozenset(_words(entry.get("patient", []), word_sets)),
                    not_patient=frozenset(_words(entry.get("not_patient", []), word_sets)),
                    verbal=str(entry["verbal"]) if entry.get("verbal") is not None else None,
                    when_negated=str(entry["when_negated"]) if entry.get("when_negated") is not None else None,
                )
            )
    return patterns


def _words(value: Any, word_sets: Mapping[str, frozenset[str]]) -> list[str]:
    """A lemma list from a string, a list, or an "@set" reference."""
    values = value if isinstance(value, list) else [value]
    words: list[str] = []
    for item in values:
        if isinstance(item, bool):
            # YAML 1.1 reads a bare on/off/yes/no as a boolean; the prepositions must be quoted.
            raise KnowledgeBaseError(f"a pattern word reads as {item}; quote on/off/yes/no", input="verbs.yaml")
        item = str(item)
        if item.startswith("@"):
            if item[1:] not in word_sets:
                raise KnowledgeBaseError(f"unknown word set {item}", input="verbs.yaml")
            words.extend(sorted(word_sets[item[1:]]))
        else:
            words.append(item.lower())
    return words


def _index(patterns: list[Pattern]) -> dict[str, tuple[Pattern, ...]]:
    index: dict[str, list[Pattern]] = {}
    for pattern in patterns:
        index.setdefault(pattern.lemma, []).append(pattern)
    return {lemma: tuple(found) for lemma, found in index.items()}


def _with_conjuncts(tokens: list[Token]) -> list[Token]:
    """Objects with their conjuncts and measured contents: "aid and loans", "tons of aid"."""
    found = list(tokens)
    for token in tokens:
        found.extend(c for c in token.conjuncts)
        found.extend(prep_objects(token, "of"))
    return found


def prep_objects(token: Token, preposition: str) -> list[Token]:
    """The objects of one preposition under a token: "Ukraine" for "on" in "called on Ukraine"."""
    return [
        obj
        for prep in token.children
        if prep.dep_ in {"prep", "agent", "dative"} and prep.lower_ == preposition
        for obj in prep.children
        if obj.dep_ == "pobj"
    ]


def _has_form(token: Token, words: frozenset[str]) -> bool:
    return any(form in words for form in lemma_forms(token))


def lemma_forms(token: Token) -> tuple[str, ...]:
    """The lemma of a token, and its singular when the model left a plural noun unlemmatised ("talks")."""
    lemma = token.lemma_.lower()
    if token.pos_ in {"NOUN", "PROPN"} and lemma.endswith("s") and len(lemma) > 3:
        return (lemma, lemma[:-1])
    if token.tag_ in {"VBD", "VBN"} and token.lower_.endswith("ed") and lemma == token.lower_[:-2]:
        # The small model cuts "staged" to "stag"; the stem that keeps its "e" is the verb ("stage").
        return (lemma, token.lower_[:-1])
    return (lemma,)
