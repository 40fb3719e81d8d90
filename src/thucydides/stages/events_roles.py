"""Who does what to whom: the tokens that fill an event's source and target slots in a dependency parse."""

from __future__ import annotations

from typing import TYPE_CHECKING

from thucydides.stages.events_patterns import lemma_forms, prep_objects

if TYPE_CHECKING:
    from spacy.tokens import Token

    from thucydides.document import Document
    from thucydides.records import Actor
    from thucydides.stages.events_patterns import Pattern

_RELATIVE_PRONOUNS = frozenset({"who", "whom", "which", "that", "whose"})
_SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
_OWNER_DEPS = frozenset({"poss", "amod", "compound", "nmod"})
_PREP_DEPS = frozenset({"prep", "agent", "dative"})
_OBJECT_DEPS = frozenset({"dobj", "dative", "iobj", "ccomp", "xcomp", "prt"})
"""A participle with any of these is an active verb, not a reduced passive ("members detained near ...")."""
_LOCATIVE_SLOTS = frozenset({"in", "at", "near", "outside", "along"})
_WHEN_ENTITIES = frozenset({"DATE", "TIME"})
_QUANTITY_HEADS = frozenset(
    {"thousand", "hundred", "dozen", "million", "score", "group", "number", "handful", "couple", "crowd", "band",
     "contingent", "batch", "some", "many", "several", "most", "all", "tens", "hundreds", "thousands", "dozens"}
)
"""Heads that only measure a group ("thousands of Kurds", "a group of refugees"): the group is the noun after "of"."""
_MAX_CLIMB = 5
"""Governors to climb at most when a verb's subject is implicit; deeper chains are usually misparses."""


def participants(document: Document, token: Token, owner: bool = False) -> list[Actor]:
    """Actors a noun phrase headed by ``token`` refers to, following coordination and apposition.

    With ``owner``, an actor that owns or qualifies the noun counts too ("Japanese seafood", "the
    newspaper's account"), for frames where harming the thing harms its owner.
    """
    found: list[Actor] = []
    _collect(document, token, owner, found, depth=0)
    return found


def _collect(document: Document, token: Token, owner: bool, found: list[Actor], depth: int) -> None:
    if depth > 6:
        return
    direct = document.actors_for_tokens(token)
    _extend(found, direct)
    for child in token.children:
        if child.dep_ in {"conj", "appos"} and child.pos_ in {"NOUN", "PROPN", "PRON"}:
            _collect(document, child, owner, found, depth + 1)
        elif child.dep_ == "nmod" and child.pos_ == "PROPN":
            # The small model attaches the first of "X and Y" as nmod of Y.
            _collect(document, child, owner, found, depth + 1)
    if not direct and is_quantity(token):
        for measured in prep_objects(token, "of"):
            _collect(document, measured, owner, found, depth + 1)
    if not direct and owner:
        for child in token.children:
            if child.dep_ in _OWNER_DEPS:
                _extend(found, document.actors_for_tokens(child))


def is_quantity(token: Token) -> bool:
    """True for a head that only measures a group: a number, "thousands", "a group", "the number"."""
    return token.pos_ == "NUM" or token.lower_ in _QUANTITY_HEADS or token.lemma_.lower() in _QUANTITY_HEADS


def owners(document: Document, noun: Token) -> list[Actor]:
    """Actors that own or qualify a noun: "China's", "Chinese", "US", or an "by X" phrase."""
    found: list[Actor] = []
    for child in noun.children:
        if child.dep_ in _OWNER_DEPS and child.i < noun.i:
            _collect(document, child, False, found, depth=1)
        elif child.dep_ in _PREP_DEPS and child.lower_ == "by":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    _collect(document, pobj, False, found, depth=1)
    return found


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children)


def agent_tokens(verb: Token, object_control: frozenset[str], depth: int = 0) -> list[Token]:
    """Tokens naming who performs ``verb``: its subject, the "by" agent of a passive, or the subject it
    inherits as a relative clause, infinitive, participle or conjunct."""
    if depth > _MAX_CLIMB:
        return []
    children = list(verb.children)
    agents = [o for c in children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
    if not agents and is_passive(verb):
        # The small model sometimes labels a passive's "by" phrase as a plain preposition.
        agents = prep_objects(verb, "by")
    if agents:
        return agents
    subjects = [c for c in children if c.dep_ in _SUBJECT_DEPS]
    if subjects:
        subject = subjects[0]
        if subject.lower_ in _RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            return [verb.head]
        return [subject]
    if is_passive(verb):
        return []
    if verb.dep_ == "relcl":
        return [verb.head]
    if verb.dep_ == "acl":
        # "X shaking hands with Y" (VBG), and "the leader called for ..." misread as a clause on the noun (VBD);
        # a passive participle ("talks held in Paris") has the noun as its patient instead.
        if verb.tag_ in {"VBG", "VBD"}:
            return [verb.head]
        if _is_infinitive(verb):
            # "Xi's plan to seize Taiwan", "Xi has a plan to seize Taiwan": the plan's holder does the seizing.
            noun = verb.head
            holders = [c for c in noun.children if c.dep_ == "poss"]
            if not holders and noun.dep_ == "dobj" and noun.head.lemma_ == "have":
                holders = agent_tokens(noun.head, object_control, depth + 1)
            return holders
        return []
    if verb.dep_ in {"xcomp", "advcl"} and (verb.dep_ == "xcomp" or verb.tag_ == "VBG" or _is_infinitive(verb)):
        governor = verb.head
        controller = controller_of(governor, object_control)
        if controller:
            return controller
        return agent_tokens(governor, object_control, depth + 1)
    if verb.dep_ == "conj" and verb.head.pos_ in {"VERB", "AUX"}:
        return agent_tokens(verb.head, object_control, depth + 1)
    if verb.dep_ == "acomp" and verb.head.pos_ in {"VERB", "AUX"}:
        # "X is ready to send troops": the infinitive's governor is an adjective whose subject is the copula's.
        return agent_tokens(verb.head, object_control, depth + 1)
    return []


def controller_of(governor: Token, object_control: frozenset[str]) -> list[Token]:
    """Who does the infinitive under ``governor`` when it is not the governor's subject.

    "urged X to", "called on X to": the object. "X was entitled to", "X was asked to": the passive subject.
    """
    children = list(governor.children)
    passive_subjects = [c for c in children if c.dep_ == "nsubjpass"]
    if passive_subjects:
        return passive_subjects
    if governor.lemma_.lower() in object_control:
        objects = [c for c in children if c.dep_ in {"dobj", "dative"}]
        objects += prep_objects(governor, "on")
        if objects:
            return objects[:1]
    return []


def is_controlled_by(verb: Token, object_control: frozenset[str]) -> bool:
    """True when ``verb`` is what someone was urged, asked or told to do (a wish, not a fact)."""
    governor = verb.head
    if governor is verb or verb.dep_ not in {"xcomp", "advcl", "ccomp", "relcl"}:
        return False
    if governor.lemma_.lower() not in object_control:
        # "provoke" attached as a relative clause of the urged object is still the urging's content.
        on_urged_object = governor.dep_ in {"dobj", "appos"} and governor.head.lemma_.lower() in object_control
        return on_urged_object and _is_infinitive(verb)
    # A that-clause after "told" or "warned" reports a fact; only infinitives and "for X to" clauses are wishes.
    has_for = any(c.dep_ == "mark" and c.lower_ == "for" for c in verb.children)
    return verb.dep_ == "xcomp" or has_for or _is_infinitive(verb)


def slot_tokens(trigger: Token, slot: str) -> list[Token]:
    """The tokens heading a pattern's target slot: dobj, dative, for_clause, ccomp_subject or a preposition."""
    children = list(trigger.children)
    if slot == "dobj":
        found = [c for c in children if c.dep_ == "dobj"]
        if is_passive(trigger):
            found += [c for c in children if c.dep_ == "nsubjpass"]
        return found
    if slot == "oprd":
        return [c for c in children if c.dep_ == "oprd" and c.pos_ in {"PROPN", "PRON", "NOUN"}]
    if slot == "dative":
        return [c for c in children if c.dep_ in {"dative", "iobj"} and c.pos_ != "ADP"]
    if slot == "for_clause":
        clauses = [c for c in children if c.dep_ in {"advcl", "ccomp", "xcomp"}]
        for_preps = [c for c in children if c.dep_ == "prep" and c.lower_ == "for"]
        clauses += [p for prep in for_preps for p in prep.children if p.dep_ == "pcomp"]
        return [
            s
            for clause in clauses
            if any(m.dep_ == "mark" and m.lower_ == "for" for m in clause.children) or clause.head.lower_ == "for"
            for s in clause.children
            if s.dep_ in _SUBJECT_DEPS
        ]
    if slot == "ccomp_subject":
        return [s for c in children if c.dep_ == "ccomp" for s in c.children if s.dep_ in _SUBJECT_DEPS]
    return prep_objects(trigger, slot)


def governing_verb(token: Token) -> Token | None:
    """The nearest verb above a noun, whose clause gives the noun its modality and date."""
    current = token
    for _ in range(_MAX_CLIMB):
        if current.head is current:
            return current if current.pos_ in {"VERB", "AUX"} else None
        current = current.head
        if current.pos_ in {"VERB", "AUX"}:
            return current
    return None


def nominal_agent_actors(
    document: Document, noun: Token, object_control: frozenset[str], support_verbs: frozenset[str]
) -> list[Actor]:
    """Who performs an event noun: its owner ("China's attack"), else the owner of the noun it hangs
    from ("her account of the call"), else the subject of a support verb that governs it ("X held talks",
    "X agreed to talks"); the subject of any other verb is not ("X condemned the attack")."""
    current = noun
    for _ in range(3):
        found = owners(document, current)
        if found:
            return found
        holder = current.head
        if current.dep_ == "pobj" and holder.dep_ in _PREP_DEPS:
            holder = holder.head
        elif current.dep_ not in {"dobj", "attr", "nsubjpass"}:
            break
        if holder.pos_ in {"VERB", "AUX"}:
            if set(lemma_forms(holder)) & support_verbs:
                return _actors_of_tokens(document, agent_tokens(holder, object_control))
            break
        current = holder
    return []


def _actors_of_tokens(document: Document, tokens: list[Token]) -> list[Actor]:
    found: list[Actor] = []
    for token in tokens:
        _collect(document, token, False, found, depth=0)
    return found


def _is_infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _extend(found: list[Actor], actors: list[Actor]) -> None:
    for actor in actors:
        if all(actor.id != seen.id for seen in found):
            found.append(actor)


def is_reduced_passive(verb: Token, pattern: Pattern) -> bool:
    """A participle on a noun with no object of its own, for a verb whose pattern takes one: "the crew
    members detained near X", "a poll released last week". The noun is what was detained or released."""
    if "dobj" not in pattern.targets or any(c.dep_ in _OBJECT_DEPS for c in verb.children):
        return False
    if verb.dep_ == "acl" and verb.tag_ in {"VBN", "VBD"}:
        return True
    # A bare past participle with a subject and no auxiliary is a reduced passive the parser misread
    # as a clause ("help sailors detained near X"): an active past tense would be VBD.
    return verb.tag_ == "VBN" and not any(c.dep_ in {"aux", "auxpass"} for c in verb.children) and any(
        c.dep_ == "nsubj" for c in verb.children
    )


def reduced_passive_patient(verb: Token) -> Token:
    """The noun a reduced passive participle describes: its head, or the subject the parser gave it."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return subjects[0] if subjects else verb.head


def patient_tokens(verb: Token, reduced: bool) -> list[Token]:
    """What undergoes the verb: its object or passive subject with their conjuncts, or the noun a reduced
    passive participle describes."""
    if reduced:
        heads = [reduced_passive_patient(verb)]
    else:
        heads = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    return [*heads, *(conj for head in heads for conj in head.conjuncts)]


def noun_patients(noun: Token) -> list[Token]:
    """What an event noun acts on: "of X", including X when the parser read an adjective before it as a
    gerund ("the release of embarrassing documents")."""
    found = prep_objects(noun, "of")
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            found += [o for p in prep.children if p.dep_ == "pcomp" for o in p.children if o.dep_ == "dobj"]
    return found


def has_argument(noun: Token, pattern: Pattern) -> bool:
    """True when an event noun governs one of its pattern's argument slots or a "by" agent, actor or not:
    "riots against the new policies", "the withdrawal from the town", "a bombing by the group"."""
    if prep_objects(noun, "by"):
        return True
    # A place or a time ("the attacks in November", "protests in the capital") says where, not on whom.
    slots = [slot for slot in pattern.targets if slot not in _LOCATIVE_SLOTS]
    return any(t.ent_type_ not in _WHEN_ENTITIES for slot in slots for t in slot_tokens(noun, slot))
