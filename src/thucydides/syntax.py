"""Shared readings of a dependency parse: clause heads, negation, future and hypothetical modality."""

from __future__ import annotations

from collections.abc import Collection, Iterator
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from spacy.tokens import Token

Modality = Literal["asserted", "future", "hypothetical", "negated"]

_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
_HYPOTHETICAL_AUX = frozenset({"would", "could", "might", "may", "should", "'d", "must", "can", "ca"})
_FUTURE_GOVERNORS = frozenset(
    {
        "plan", "intend", "expect", "schedule", "aim", "hope", "prepare", "set", "due", "seek", "want", "propose",
        # Commitments: what is agreed, pledged or promised has not happened yet.
        "agree", "pledge", "promise", "vow", "swear", "offer", "undertake", "commit",
        # Declared readiness is a stated intent: "ready to send troops", "willing to release the crew".
        "ready", "willing", "determined", "resolve",
    }
)
_HYPOTHETICAL_GOVERNORS = frozenset(
    {"consider", "threaten", "mull", "weigh", "likely", "unlikely", "able", "possible", "inclined", "tempted"}
)
_BACKSHIFTED_FUTURE_AUX = frozenset({"would", "'d"})
"""In reported speech "would" is the speaker's "will": "said it would send troops" reports a plan."""
_NEGATING_GOVERNORS = frozenset({"refuse", "decline", "fail", "neglect", "avoid"})
"""Governors whose infinitive did not happen: "declined to criticize", "refused to meet"."""
_CONDITIONAL_MARKERS = frozenset({"if", "unless", "whether"})
_WH_TAGS = frozenset({"WDT", "WP", "WP$", "WRB"})
_NEGATORS = frozenset({"not", "n't", "never", "no"})
_CHAIN_DEPS = frozenset({"xcomp", "aux", "conj", "acomp", "oprd", "prep", "pobj", "dobj", "pcomp"})


def clause_chain(token: Token) -> Iterator[Token]:
    """The token and its governors up to the clause that contains it (stops at speech verbs' complements)."""
    current = token
    yield current
    while current.head is not current and current.dep_ in _CHAIN_DEPS:
        current = current.head
        yield current


def is_negated(verb: Token) -> bool:
    """True when the verb is negated directly ("did not attack", "never met", "no talks")."""
    return any(
        child.dep_ == "neg" or child.lower_ in _NEGATORS and child.dep_ in {"advmod", "det"} for child in verb.children
    ) or any(
        # "Neither X nor Y attacked": the subject's "neither" negates the verb.
        child.dep_ in {"nsubj", "nsubjpass"}
        and any(g.dep_ in {"preconj", "det"} and g.lower_ == "neither" for g in child.children)
        for child in verb.children
    )


def modality(verb: Token, reporting_verbs: Collection[str] = ()) -> Modality:
    """How the clause of ``verb`` presents it: asserted, future, hypothetical or negated.

    Negation wins over the rest, because a negated plan is not a plan. With ``reporting_verbs`` (lemmas
    such as "say"), a "would" clause that is the complement of one of them is the reported future.
    """
    chain = list(clause_chain(verb))
    if any(is_negated(t) for t in chain[:2]) or _negated_controller(chain):
        return "negated"
    for token in chain:
        auxiliaries = {child.lower_ for child in token.children if child.dep_ in {"aux", "auxpass"}}
        markers = {child.lower_ for child in token.children if child.dep_ == "mark"}
        if markers & _CONDITIONAL_MARKERS:
            return "hypothetical"
        if auxiliaries & _HYPOTHETICAL_AUX:
            # "would have sent" is counterfactual, so only "would" with forms of "be" reads as reported future.
            if auxiliaries - {"be", "been"} <= _BACKSHIFTED_FUTURE_AUX and _is_reported(
                token, reporting_verbs
            ):
                return "future"
            return "hypothetical"
        if auxiliaries & _FUTURE_AUX:
            return "future"
        if token is not verb and _governs_future(token):
            return "future"
        if token is not verb and token.lemma_.lower() in _NEGATING_GOVERNORS and token.pos_ in {"VERB", "AUX"}:
            return "negated"
        if token is not verb and token.lemma_.lower() in _HYPOTHETICAL_GOVERNORS:
            return "hypothetical"
        if token.dep_ == "advcl" and any(c.lower_ in _CONDITIONAL_MARKERS for c in token.children):
            return "hypothetical"
    if verb.dep_ in {"acl", "relcl"} and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        # An infinitive on a noun is a purpose or capacity, not a fact: "a plan to seize", "weapons to strike".
        return "future" if verb.head.lemma_.lower() in _FUTURE_GOVERNORS else "hypothetical"
    return "asserted"


def _negated_controller(chain: list[Token]) -> bool:
    """True when a governor reached only through infinitives and adjectives is negated: "is not prepared to
    hold talks", "does not want to meet"; a negated verb further up ("did not say ... the talks") is not."""
    for index in range(2, len(chain)):
        if chain[index - 1].dep_ not in {"xcomp", "acomp"}:
            return False
        if is_negated(chain[index]):
            return True
    return False


def _is_reported(clause: Token, reporting_verbs: Collection[str]) -> bool:
    """True for the complement of a reporting verb with no condition attached: "said it would ..."."""
    if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in reporting_verbs:
        return False
    if any(c.tag_ in _WH_TAGS for c in clause.subtree if c.i < clause.i):
        # "isn't saying what he would support" reports a question, not a plan.
        return False
    conditions = (c for c in clause.children if c.dep_ == "advcl")
    return not any(m.lower_ in _CONDITIONAL_MARKERS for c in conditions for m in c.children)


def _governs_future(token: Token) -> bool:
    """A governor that puts its infinitive in the future: "plans to", "is to", "is going to"."""
    if token.lemma_.lower() in _FUTURE_GOVERNORS and token.pos_ in {"VERB", "ADJ", "AUX"}:
        return True
    if token.lower_ == "going" and any(c.dep_ == "aux" and c.lemma_ == "be" for c in token.children):
        return True
    # "is to visit": a bare form of "be" governing a to-infinitive.
    return token.lemma_ == "be" and token.pos_ == "AUX" and any(
        c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children) for c in token.children
    )
