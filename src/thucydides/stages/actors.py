"""Actors stage: find every reference to a person, group, organisation, outlet or state, and code it."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spacy.matcher import PhraseMatcher

from thucydides.document import Document
from thucydides.knowledge.base import KnowledgeBase, NameEntry, Person, RoleNoun
from thucydides.records import Actor
from thucydides.stages import coref

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

    from thucydides.pipeline import StageContext

_INDEFINITE = frozenset({"a", "an", "another", "one", "some", "any"})
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "another", "some", "any"})
_PAIR_DETERMINERS = frozenset({"both", "neither", "either"})
_GENERIC_DETERMINERS = frozenset({"any", "every", "each", "no"})
_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "2": 2, "3": 3, "4": 4}
_HUMAN_PLURALS = frozenset({"men", "women", "people", "sides"})
"""Plain nouns for 'the two men', 'both sides'; office and leader nouns come from the knowledge base."""
_STATE_ANAPHORS = frozenset({"country", "nation"})
_PREDECESSOR_NOUNS = frozenset({"predecessor"})
"""Relational nouns resolved through the knowledge base's dated office holders."""
_PAST_MODIFIERS = frozenset({"former", "ex", "late", "then", "previous", "onetime", "one-time"})
_NOMINAL_POS = frozenset({"NOUN", "PROPN"})
_NAME_LABELS = frozenset({"PERSON", "ORG"})
_NON_ACTOR_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"})
_KIND_PRIORITY = {"person": 0, "outlet": 1, "organisation": 2, "outlet_short": 3, "country": 4, "seat": 5}
_COUNTRYISH = frozenset({"country", "adjective", "demonym", "seat", "region", "region_adjective"})
"""Names that locate or modify ('Japanese', 'Texas') and give a description its country."""
_REGION_KINDS = frozenset({"region", "region_adjective"})
_FIRST_PERSON = frozenset({"i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves"})
"""Inside a quotation these are the speaker, which the quotes stage decides; the actors stage leaves them."""
_PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "inside", "outside", "around", "within"})
"""'held in Dobo', 'based in Darwin': a name after these is a place, whatever the tagger called it."""
_STATE_PLURALS = frozenset({"countries", "nations", "states", "neighbours", "neighbors", "sides"})
"""Plain nouns that, counted ('the two countries', 'both sides'), point back at states."""
_GOVERNMENT_PLURALS = frozenset({"governments", "administrations"})
_PARTY_SUFFIXES = ("an", "at", "ic")
"""'Democrat', 'Republican', 'Democratic': party adjectives read off KB party names and plural aliases."""
_AFFILIATION = re.compile(r"\s*\(\s*[A-Z][A-Za-z]{0,3}\.?\s*[-\u2013]\s*([A-Z][A-Za-z. ]{1,24}?)\s*\)")
"""'Ted Cruz (R-Texas)', 'Sanders (I-Vt.)': the party-and-place tag newspapers put after a legislator."""
_NP_BREAK_POS = frozenset({"VERB", "AUX", "ADP", "SCONJ", "CCONJ", "PRON", "PUNCT", "ADV"})
_CONJ_KEEP = frozenset({"cc", "conj"})
_LOCATIVE_PREPOSITIONS = frozenset(
    {"in", "at", "near", "inside", "outside", "around", "across", "throughout", "within"}
)
"""'talks in Beijing' names a place; 'talks between Beijing and Washington' names governments."""
_OWNER_PREPOSITIONS = frozenset({"of", "for"})
_AGENT_SUFFIXES = ("er", "or", "ist", "ian", "ant", "ent", "man")
_RELATIVE_PRONOUNS = frozenset({"who", "whom", "whose", "which", "that"})
_TITLE_COMPLEMENT_PREPOSITIONS = frozenset({"of", "for", "to", "on"})
"""'Secretary of State', 'Minister for Foreign Affairs': the title's head noun comes before these."""
_HEADLINE_CAPITALISED_SHARE = 0.8
"""A line with at least this share of capitalised content words is set in title case, where every
word looks like a name and the parser's proper-noun tags say nothing."""


# -- knowledge prepared once per pipeline --------------------------------------------------------------


@dataclass
class _Lexicon:
    """Matchers and indexes built once from the knowledge base, shared by every article."""

    names: PhraseMatcher
    roles: PhraseMatcher
    descriptions: PhraseMatcher
    name_parts: dict[str, tuple[str, ...]]
    outlets_by_owner: dict[str, tuple[tuple[str, str], ...]]
    """Organisation id -> (outlet id, outlet kind) for every outlet it owns."""
    outlet_nouns: frozenset[str]
    """Lemmas that name a kind of outlet ('newspaper', 'daily'): MED institution nouns and outlet kinds."""
    reporting_verbs: frozenset[str]
    """Lemmas with which an outlet reports its own story ('reported', 'has learned')."""
    party_words: dict[str, str]
    """'Republican', 'Democrat' -> the party's country, for party adjectives only one country's party has."""
    held_title_heads: frozenset[str]
    """Head nouns of the titles KB people hold ('president', 'pope', 'minister'): a written title whose head
    is among them names a particular post; any other ('top diplomat', 'pontiff') describes the office."""
    title_words: frozenset[str]
    """Every word of an office title, role noun or leader word ('speaker', 'justice'): before or after a
    name such a word is a title, never part of the name, even where the KB lists no title for it alone."""
    portfolio_offices: frozenset[str] = frozenset()
    """Offices whose titles all name one portfolio ('foreign minister', 'Secretary of State'), so any holder
    answers to any of them; see ``_portfolio_offices``."""


def _build_lexicon(kb: KnowledgeBase, nlp: Language) -> _Lexicon:
    names = PhraseMatcher(nlp.vocab, attr="ORTH")
    surfaces = list(kb.names())
    for surface, pattern in zip(surfaces, nlp.tokenizer.pipe(surfaces)):
        names.add(surface, [pattern])
        if surface.startswith("The ") and len(pattern) > 1:
            names.add(surface, [pattern[1:].as_doc()])

    roles = PhraseMatcher(nlp.vocab, attr="LOWER")
    role_keys: dict[str, list[str]] = {}
    for office in kb.offices.values():
        for title in office.titles:
            role_keys.setdefault(f"office:{office.key}", []).append(title)
    for form in kb.role_nouns:
        role_keys.setdefault(f"noun:{form}", []).append(form)
    for word in kb.leader_words:
        role_keys.setdefault(f"leader:{word}", []).append(word)
    for key, forms in role_keys.items():
        roles.add(key, list(nlp.tokenizer.pipe(forms)))

    descriptions = PhraseMatcher(nlp.vocab, attr="LOWER")
    described_by: dict[str, set[str]] = {}
    for outlet in kb.outlets.values():
        for form in (_strip_article(d) for d in outlet.descriptions if d.strip()):
            described_by.setdefault(form.lower(), set()).add(outlet.id)
    for form, outlet_ids in described_by.items():
        if len(outlet_ids) == 1:  # a description several outlets share identifies none of them
            descriptions.add(next(iter(outlet_ids)), [nlp.make_doc(form)])

    parts: dict[str, list[str]] = {}
    for person in kb.people.values():
        for name in [person.name, *person.aliases]:
            words = name.split()
            for word in {words[0], words[-1]} if len(words) > 1 else set():
                if person.id not in parts.setdefault(word, []):
                    parts[word].append(person.id)
    owners: dict[str, list[tuple[str, str]]] = {}
    for outlet in kb.outlets.values():
        if outlet.owner:
            owners.setdefault(outlet.owner, []).append((outlet.id, outlet.kind))
    reporting = kb.rules("cues").get("reporting_verbs", [])
    return _Lexicon(
        names=names,
        roles=roles,
        descriptions=descriptions,
        name_parts={word: tuple(ids) for word, ids in parts.items()},
        outlets_by_owner={owner: tuple(owned) for owner, owned in owners.items()},
        outlet_nouns=_outlet_nouns(kb),
        reporting_verbs=frozenset(str(verb).lower() for verb in reporting if isinstance(verb, str)),
        party_words=_party_words(kb),
        held_title_heads=frozenset(
            head for person in kb.people.values() for role in person.roles
            if (head := _title_head(_title_words(role.title))) is not None
        ),
        title_words=_title_vocabulary(kb, nlp.Defaults.stop_words),
        portfolio_offices=_portfolio_offices(kb),
    )


def _portfolio_offices(kb: KnowledgeBase) -> frozenset[str]:
    """Offices named by their portfolio rather than by kinds of post.

    An office with two or more one-word titles gathers different posts ('president', 'king' and 'pope'
    are all heads of state; 'governor' and 'mayor' both lead a region), so its titles are not
    interchangeable; an office with at most one ('foreign minister', 'foreign secretary', 'secretary of
    state') names one post whatever a country calls it. Abbreviations ('PM', 'Gov.') do not count.
    """
    return frozenset(
        office.key for office in kb.offices.values()
        if sum(1 for title in office.titles if _is_one_word_title(title)) < 2
    )


def _is_one_word_title(title: str) -> bool:
    return len(_title_words(title)) == 1 and not title.isupper() and not title.endswith(".")


def _title_vocabulary(kb: KnowledgeBase, stop_words: Iterable[str]) -> frozenset[str]:
    """Content words of every office title, role noun and leader word ('of' in 'secretary of state' is none)."""
    titles = [title for office in kb.offices.values() for title in office.titles]
    words = {word for phrase in [*titles, *kb.role_nouns, *kb.leader_words] for word in _title_words(phrase)}
    return frozenset(words - {word.lower() for word in stop_words})


def _outlet_nouns(kb: KnowledgeBase) -> frozenset[str]:
    """Nouns for a kind of outlet: the KB's media institution nouns, and the head nouns its outlet
    descriptions use more than once ('the Jakarta daily', 'the tabloid').

    A head the KB spells with a qualifier elsewhere ('agency' in 'news agency') is no outlet on its own.
    """
    media = {form for form, noun in kb.role_nouns.items() if noun.sector == "MED" and not noun.person}
    heads: dict[str, int] = {}
    for outlet in kb.outlets.values():
        for description in outlet.descriptions:
            words = description.lower().split()
            if words:
                heads[words[-1]] = heads.get(words[-1], 0) + 1
    for head, count in heads.items():
        role = kb.role_noun(head)
        qualified = role is None and any(form.endswith(" " + head) for form in media)
        if count >= 2 and not qualified and (role is None or role.sector == "MED"):
            media.add(head)
    return frozenset(media)


def _party_words(kb: KnowledgeBase) -> dict[str, str]:
    """Party adjectives from KB parties: 'Democratic Party' gives 'Democratic', 'Republicans' gives 'Republican'.

    A word several countries' parties share ('Labour') says nothing about the country, so it is left out.
    """
    countries: dict[str, set[str | None]] = {}
    for org in kb.organisations.values():
        if org.kind != "party" and org.sector != "PTY":
            continue
        for name in [org.name, *org.aliases]:
            words = name.split()
            form = None
            if len(words) == 1 and name.endswith("s") and name[:-1].endswith(_PARTY_SUFFIXES):
                form = name[:-1]
            elif len(words) == 2 and words[1] == "Party" and words[0].endswith(_PARTY_SUFFIXES):
                form = words[0]
            if form and form.isalpha() and form[0].isupper() and not form.isupper():
                countries.setdefault(form, set()).add(org.country)
    return {form: next(iter(found)) for form, found in countries.items() if len(found) == 1 and None not in found}


def _title_words(title: str) -> list[str]:
    """A title as lowercase words without dots or hyphens: 'Vice-Chancellor' -> ['vice', 'chancellor']."""
    return title.lower().replace(".", "").replace("-", " ").split()


def _title_head(words: list[str]) -> str | None:
    """The noun a title names its holder by: 'minister' in 'foreign minister' and 'Minister for Foreign Affairs'."""
    before_complement = []
    for word in words:
        if word in _TITLE_COMPLEMENT_PREPOSITIONS and before_complement:
            break
        before_complement.append(word)
    return before_complement[-1] if before_complement else None


def _titles_agree(written: str, held: str) -> bool:
    """Whether a title written in the text can name someone who holds the title ``held``.

    One office gathers titles for different posts ('president', 'king', 'pope' are all heads of state),
    so the office alone is not enough: the written title must name the same post, by containing the
    held title or being contained in it ('the chancellor', 'Federal Chancellor'), by sharing its head
    noun ('foreign minister', 'Minister for Foreign Affairs') or by being its initials ('PM').
    """
    mine, theirs = _title_words(written), _title_words(held)
    if not mine or not theirs:
        return False
    if _contains_words(mine, theirs) or _contains_words(theirs, mine):
        return True
    if _heads_agree(written, held):
        return True
    initials = "".join(word[0] for word in theirs if word not in _TITLE_COMPLEMENT_PREPOSITIONS | {"the"})
    return len(mine) == 1 and written.isupper() and mine[0] == initials


def _heads_agree(one: str, other: str) -> bool:
    """Same head noun, an abbreviation counting as its word: 'governor' and 'Gov.', 'senator' and 'Sen.'."""
    heads = [_title_head(_title_words(title)) for title in (one, other)]
    if heads[0] is None or heads[1] is None:
        return False
    if heads[0] == heads[1]:
        return True
    for title, short, full in ((one, heads[0], heads[1]), (other, heads[1], heads[0])):
        abbreviated = f"{short}." in title.lower().replace("-", " ").split()
        if abbreviated and len(short) >= 2 and full.startswith(short):
            return True
    return False


def _contains_words(words: list[str], part: list[str]) -> bool:
    return any(words[i : i + len(part)] == part for i in range(len(words) - len(part) + 1))


def _strip_article(text: str) -> str:
    words = text.strip().split(" ", 1)
    return words[1] if len(words) == 2 and words[0].lower() in _DETERMINERS else text.strip()


# -- per-article working records ----------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class _RolePhrase:
    """A title, office or role noun in the text: 'prime minister', 'officials', 'newspaper'."""

    start: int
    end: int
    office: str | None
    noun: RoleNoun | None
    leader: bool

    @property
    def head(self) -> int:
        return self.end - 1


@dataclass(frozen=True)
class _NameSpan:
    """A proper name: a knowledge-base surface form or a spaCy entity."""

    start: int
    end: int
    entries: tuple[NameEntry, ...]
    label: str | None


@dataclass
class _Description:
    """What the words around a title or role noun say about its referent."""

    countries: list[str] = field(default_factory=list)
    country_words: list[str] = field(default_factory=list)
    sector: str | None = None
    office: str | None = None
    role: str | None = None
    definite: bool = False
    determined: bool = False
    """Any determiner, possessive or number: 'a spokesman' and 'the spokesman', unlike 'for president'."""
    past: bool = False
    possessor: list[str] = field(default_factory=list)
    owner: str | None = None
    gender: coref.Gender | None = None


@dataclass(frozen=True)
class _Ref:
    start: int
    end: int
    head_i: int
    actor_ids: tuple[str, ...]
    first_token: int
    last_token: int


# -- the stage ----------------------------------------------------------------------------------------


class ActorsStage:
    """Codes every actor reference: names, titles, descriptions, metonyms, outlets and pronouns."""

    name = "actors"

    def __init__(self, context: StageContext) -> None:
        self.kb = context.kb
        self.nlp = context.nlp
        self.default_published = context.settings.published
        self.lexicon = _build_lexicon(self.kb, self.nlp)

    def __call__(self, document: Document) -> Document:
        if document.doc is None:
            document.doc = self.nlp(document.text)
        day = document.article.published or self.default_published
        _ArticleCoder(self.kb, self.lexicon, document, document.doc, day).run()
        return document


def make_stage(context: StageContext) -> ActorsStage:
    return ActorsStage(context)


class _ArticleCoder:
    """Everything the stage learns about one article, coded in passes that each lean on the last.

    1. names: knowledge-base surface forms and spaCy PERSON/ORG entities, with the titles before them;
    2. bare surnames the parser missed, joined to a full name given earlier;
    3. descriptions headed by an office, a role noun or a relational noun ('her predecessor'),
       resolved through appositives, the dated office holders, owners and what came before;
    4. nationality words left over ('Chinese aggression');
    5. pronouns, relative pronouns and a reporting 'it';
    6. coordinations ('Takaichi and Xi'), one mention per member over the whole phrase.
    """

    def __init__(self, kb: KnowledgeBase, lexicon: _Lexicon, document: Document, doc: Doc, day: dt.date | None):
        self.kb = kb
        self.lexicon = lexicon
        self.document = document
        self.doc = doc
        self.day = day
        self.by_key: dict[object, Actor] = {}
        self.gender: dict[str, coref.Gender] = {}
        self.office_of: dict[str, tuple[str, str | None]] = {}
        self.descriptors: dict[str, set[str]] = {}
        self.refs: list[_Ref] = []
        self.claimed: set[int] = set()
        self.sentence_of = self._sentence_index()
        self.sentence_starts = [sentence.start_char for sentence in doc.sents]
        self.quotes = coref.quote_regions(document.text)
        self.role_at = self._role_phrases()
        self.name_matches = self._kb_name_matches()
        self.country_at = {
            i: span for span in self.name_matches for i in range(span.start, span.end)
            if any(e.kind in _COUNTRYISH for e in span.entries)
        }
        self.party_at = {t.i: self.lexicon.party_words[t.text] for t in doc if t.text in self.lexicon.party_words}
        self.place_names = self._place_names()
        self.outlet_names = self._unknown_outlets()
        self.full_names = self._full_names_by_word()

    # -- driver ------------------------------------------------------------------------------------

    def run(self) -> None:
        noun_phrases = self._description_heads()
        held_for_descriptions = {
            i for phrase, start in noun_phrases for i in range(start, phrase.start) if not self._possessive_name(i)
        }
        # 'the Jakarta daily X': the city dates the outlet, it is not the Indonesian government
        held_for_descriptions.update(
            i for (start, _), (extent, _) in self.outlet_names.items() for i in range(extent, start)
        )
        for name in self._name_spans():
            self._code_name(name, held_for_descriptions)
        self._code_bare_surnames()
        # 'a spokesman for the Chinese government': the owner is coded before the noun it owns.
        for phrase, start in sorted(noun_phrases, key=lambda item: (self._has_owner(item[0]), item[1])):
            self._code_description(phrase, start)
        self._code_leftover_adjectives()
        self._code_pronouns()
        self._code_coordinations()

    # -- indexes over the parse --------------------------------------------------------------------

    def _sentence_index(self) -> list[int]:
        index = [0] * len(self.doc)
        for number, sentence in enumerate(self.doc.sents):
            for i in range(sentence.start, sentence.end):
                index[i] = number
        return index

    def _kb_name_matches(self) -> list[_NameSpan]:
        blocked = {i for ent in self.doc.ents if ent.label_ in _NON_ACTOR_LABELS for i in range(ent.start, ent.end)}
        matches: list[_NameSpan] = []
        strings = self.doc.vocab.strings
        for match_id, start, end in self.lexicon.names(self.doc):
            if any(i in blocked for i in range(start, end)):
                continue
            entries = self.kb.lookup(strings[match_id])
            if entries and not self._lowercase_common_word(start, end, entries):
                if not self._region_inside_a_name(start, end, entries):
                    matches.append(_NameSpan(start, end, entries, None))
        named_by: dict[int, set[str]] = {}
        for match in matches:
            for i in range(match.start, match.end):
                named_by.setdefault(i, set()).update(e.id for e in match.entries)
        spans = [self._outside_longer_name(match, named_by, blocked) for match in matches]
        return _longest_first(span for span in spans if span is not None)

    def _outside_longer_name(
        self, match: _NameSpan, named_by: dict[int, set[str]], blocked: set[int]
    ) -> _NameSpan | None:
        """A person alias inside a longer proper name is not that person: 'Ryan' in 'Ryan Crocker' is not
        Paul Ryan, 'Park' in 'Park Avenue' is not Park Jin.

        The longer name keeps the person only when it is itself one of that person's names, perhaps with a
        middle name or initial ('Hillary Rodham Clinton'); the match then grows to cover it. Entries of
        other kinds (a country that is also a surname) are left as they were.
        """
        people = tuple(e for e in match.entries if e.kind == "person")
        if not people:
            return match
        extent = self._longer_name_extent(match, {e.id for e in people}, named_by, blocked)
        if extent is None:
            return match
        words = [t.text for t in self.doc[extent[0] : extent[1]]]
        forms = {" ".join(words), f"{words[0]} {words[-1]}"}
        same = tuple(e for e in people if forms & {self.kb.people[e.id].name, *self.kb.people[e.id].aliases})
        if same:
            return _NameSpan(extent[0], extent[1], same, None)
        others = tuple(e for e in match.entries if e.kind != "person")
        return _NameSpan(match.start, match.end, others, None) if others else None

    def _longer_name_extent(
        self, match: _NameSpan, people: set[str], named_by: dict[int, set[str]], blocked: set[int]
    ) -> tuple[int, int] | None:
        """The bounds of the longer proper name a KB match continues into, or None when it stands alone.

        A neighbouring word continues the name when it is a capitalised proper noun that is no title, no
        honorific and no other KB name, and either shares a spaCy entity with the match or is joined to it
        as a compound. Title-case headlines are left alone: there every word is a capitalised proper noun.
        """
        if self._title_case_line(match.start):
            return None
        sentence = self.doc[match.start].sent
        enclosing = next(
            (ent for ent in self.doc.ents if ent.label_ not in _NON_ACTOR_LABELS
             and ent.start <= match.start and match.end <= ent.end and ent.end - ent.start > match.end - match.start),
            None,
        )

        def continues(i: int, start: int, end: int) -> bool:
            if not sentence.start <= i < sentence.end or i in blocked:
                return False
            token = self.doc[i]
            if not self._name_word(token) or (i in named_by and not named_by[i] & people):
                return False
            if enclosing is not None and enclosing.start <= i < enclosing.end:
                return True
            if i == sentence.start:
                return False  # capitalised anyway: 'Absent Sanders, the campaign ...' needs the tagger's word
            joined = {"compound", "flat"}
            linked_in = token.dep_ in joined and start <= token.head.i < end
            linked_out = any(self.doc[k].dep_ in joined and self.doc[k].head.i == i for k in range(start, end))
            return linked_in or linked_out

        start, end = match.start, match.end
        # A given name comes before a lone surname ('Calvin Harris'); before a full name a capitalised
        # word is a description ('Author Roger Stone', 'Kentuckian Rand Paul').
        while match.end - match.start == 1 and continues(start - 1, start, end):
            start -= 1
        while continues(end, start, end):
            end += 1
        following = self.doc[end] if end < len(self.doc) else None
        if following is not None and following.text[:1].isupper() and self._title_word(following):
            return None  # 'Obama Education Secretary': the words qualify a title, they are no longer name
        return (start, end) if (start, end) != (match.start, match.end) else None

    def _name_word(self, token: Token) -> bool:
        """A word that may be part of a proper name: capitalised, a proper noun, and no title.

        A word all in capitals is a headline's shouting or an acronym title ('AG Lynch'), not a given name.
        """
        return (
            token.pos_ == "PROPN"
            and token.text[:1].isupper()
            and not (token.is_alpha and token.is_upper and len(token) > 1)
            and not coref.is_honorific(token.text)
            and token.text not in self.lexicon.party_words
            and not self._title_word(token)
        )

    def _title_word(self, token: Token) -> bool:
        return token.i in self.role_at or bool(set(_title_words(token.text)) & self.lexicon.title_words)

    def _title_case_line(self, token_i: int) -> bool:
        """True inside a headline set in title case ('Trump Says He Never Pledged To Keep Out').

        Names are capitalised in any line, so a line counts when none of its content words is lowercase,
        or when nearly all of those outside the tagger's entities are capitalised (the tagger often takes a
        headline's capitalised verbs into a name: 'Sanders Beats Clinton').
        """
        sentence = self.doc[token_i].sent
        words = [t for t in sentence[1:] if t.is_alpha and not t.is_stop and len(t) > 2]
        if not words:
            return False
        if all(t.text[0].isupper() for t in words):
            return True
        outside = [t for t in words if not t.ent_type_]
        capitalised = sum(1 for t in outside if t.text[0].isupper())
        return bool(outside) and capitalised >= _HEADLINE_CAPITALISED_SHARE * len(outside)

    def _region_inside_a_name(self, start: int, end: int, entries: tuple[NameEntry, ...]) -> bool:
        """'Lincoln' in 'Abraham Lincoln', 'Texas' in 'University of Texas': a city or state name inside a
        longer person or organisation name is part of that name.

        A place right before a title still modifies it: 'Vermont Sen. Bernie Sanders'.
        """
        if any(e.kind not in _REGION_KINDS for e in entries):
            return False
        following = self.doc[end] if end < len(self.doc) else None
        if following is not None and (following.i in self.role_at or coref.is_honorific(following.text)):
            return False
        return any(
            ent.label_ in _NAME_LABELS and ent.start <= start and end <= ent.end and ent.end - ent.start > end - start
            for ent in self.doc.ents
        )

    def _full_names_by_word(self) -> dict[tuple[str, str], set[tuple[str, str]]]:
        """Every full person name in the article, by its first and by its last word.

        A headline often names 'Clinton' before the body gives 'Hillary Clinton'; the short form
        then refers forward to the only full name that ends (or starts) with it.
        """
        index: dict[tuple[str, str], set[tuple[str, str]]] = {}

        def add(words: list[str], key: tuple[str, str]) -> None:
            if len(words) > 1:
                index.setdefault(("last", words[-1]), set()).add(key)
                index.setdefault(("first", words[0]), set()).add(key)

        for span in self.name_matches:
            for entry in span.entries:
                if entry.kind == "person":
                    add(self.doc[span.start : span.end].text.split(), ("kb", entry.id))
        for ent in self.doc.ents:
            trimmed = self._trim_entity(ent) if ent.label_ == "PERSON" else None
            if trimmed is not None and not any(i in self.country_at for i in range(*trimmed)):
                tokens = [t for t in self.doc[trimmed[0] : trimmed[1]] if not coref.is_honorific(t.text)]
                full = "".join(t.text_with_ws for t in tokens).strip()
                add(full.split(), ("person", full))
        return index

    def _later_full_name(self, word: str) -> Actor | None:
        """The one full name in the article that this lone surname (or, failing that, first name) is part of."""
        for position in ("last", "first"):
            keys = self.full_names.get((position, word), set())
            kb_ids = {key for key in keys if key[0] == "kb"}
            keys = kb_ids or keys  # a KB person and the same name seen by the tagger are one
            if len(keys) == 1:
                kind, value = next(iter(keys))
                if kind == "kb":
                    return self._person_from_kb(self.kb.people[value])
                return self._actor(("person", value), name=value, kind="person")
            if keys:
                return None
        return None

    def _place_names(self) -> frozenset[str]:
        """One-word names the article uses as places: 'held in Dobo', 'based in Darwin'.

        The tagger often calls an unfamiliar town a person; a name that sits after 'in', 'at' or 'near'
        anywhere in the article, or that the tagger itself calls a place somewhere, is a place throughout.
        """
        found: set[str] = set()
        for ent in self.doc.ents:
            words = [t for t in ent if t.pos_ == "PROPN"]
            if len(words) != 1:
                continue
            root = self._clause_head(ent.root)
            if ent.label_ in {"GPE", "LOC"} or (root.dep_ == "pobj" and root.head.lower_ in _PLACE_PREPOSITIONS):
                found.add(words[0].text)
        return frozenset(found)

    def _unknown_outlets(self) -> dict[tuple[int, int], tuple[int, str | None]]:
        """Outlets the knowledge base lacks, known by how the text treats them.

        'the newspaper X', 'the Jakarta daily X', 'the X newspaper', 'X, a weekly', or 'The X reported
        that ...'. Returns the name's token range -> (where its mention starts, the country its place
        words give).
        """
        known = {
            i for span in self.name_matches if not any(e.kind in _COUNTRYISH for e in span.entries)
            for i in range(span.start, span.end)
        }
        found: dict[tuple[int, int], tuple[int, str | None]] = {}
        for ent in self.doc.ents:
            if ent.label_ not in _NAME_LABELS:
                continue
            start, end = ent.start, ent.end
            nouns = [t.i for t in ent if self._outlet_noun(t)]
            start = nouns[-1] + 1 if nouns else start  # 'daily Warta Nusantara' tagged as one name
            while start < end and self.doc[start].lower_ in _DETERMINERS:
                start += 1
            while end > start and (self.doc[end - 1].dep_ == "case" or not self.doc[end - 1].is_alpha):
                end -= 1
            if start >= end or any(i in known for i in range(start, end)) or self.doc[start].pos_ != "PROPN":
                continue
            extent = self._outlet_extent(start, end)
            if extent is not None:
                found[(start, end)] = extent
        return found

    def _outlet_noun(self, token: Token) -> bool:
        """'newspaper', 'daily', 'news agency' as common nouns; 'Daily' in 'Yale Daily News' is a name's word."""
        if not token.is_lower:
            return False
        if token.lower_ in self.lexicon.outlet_nouns or token.lemma_.lower() in self.lexicon.outlet_nouns:
            return True
        previous = self.doc[token.i - 1] if token.i > 0 else None
        return previous is not None and f"{previous.lower_} {token.lower_}" in self.lexicon.outlet_nouns

    def _outlet_extent(self, start: int, end: int) -> tuple[int, str | None] | None:
        """Where an outlet's mention starts and its country, when the words around a name make it one."""
        root = self.doc[end - 1]
        inside = self._place_country(start, end)
        before = self.doc[start - 1] if start > 0 else None
        if before is not None and self._outlet_noun(before):
            title = self._modifiers_start(before.i)
            return title, self._place_country(title, before.i) or inside
        after = self.doc[end] if end < len(self.doc) else None
        if after is not None and self._outlet_noun(after) and root.head.i == after.i:
            return start, inside or self._place_country(self._modifiers_start(start), start)
        for other in [root.head] if root.dep_ == "appos" else [c for c in root.children if c.dep_ == "appos"]:
            if self._outlet_noun(other):
                return start, inside or self._place_country(other.left_edge.i, other.i)
        head = self._clause_head(root)
        led = before is not None and before.lower_ == "the"
        if led and head.dep_ == "nsubj" and head.head.lemma_.lower() in self.lexicon.reporting_verbs:
            return start - 1, inside  # 'The Canberra Ledger reported on Wednesday that ...'
        return None

    def _modifiers_start(self, noun_i: int) -> int:
        """Where the modifiers of a noun start: 'the Jakarta daily', 'the Japanese newspaper'."""
        j = noun_i
        sentence_start = self.doc[noun_i].sent.start
        while j > sentence_start:
            token = self.doc[j - 1]
            if token.i in self.country_at:
                j = self.country_at[token.i].start
            elif token.dep_ in {"amod", "compound", "det", "case"} and token.head.i >= j and token.pos_ != "VERB":
                j -= 1
                if token.dep_ == "det":
                    break
            else:
                break
        return j

    def _place_country(self, start: int, end: int) -> str | None:
        """The country of the first place word (a country, adjective, seat, region) in ``[start, end)``."""
        for i in range(start, end):
            span = self.country_at.get(i)
            entry = next((e for e in span.entries if e.kind in _COUNTRYISH), None) if span else None
            if entry is not None and entry.country:
                return entry.country
        return None

    def _lowercase_common_word(self, start: int, end: int, entries: tuple[NameEntry, ...]) -> bool:
        """A one-word person alias must read as a name here ('May' the month is not Theresa May).

        A sentence's first word is capitalised anyway, so there the tagger's word has to do ('Trump has').
        """
        if end - start != 1 or all(e.kind != "person" for e in entries):
            return False
        token = self.doc[start]
        return not (token.pos_ == "PROPN" or token.ent_type_ in _NAME_LABELS or token.is_sent_start)

    def _role_phrases(self) -> dict[int, _RolePhrase]:
        """Every title, office and role noun, longest first, indexed by the tokens it covers."""
        offices: dict[tuple[int, int], str] = {}
        nouns: dict[tuple[int, int], RoleNoun] = {}
        leaders: set[tuple[int, int]] = set()
        strings = self.doc.vocab.strings
        for match_id, start, end in self.lexicon.roles(self.doc):
            kind, _, value = strings[match_id].partition(":")
            noun = self.kb.role_noun(value) if kind == "noun" else None
            if kind == "office":
                offices[(start, end)] = value
            elif noun is not None:
                nouns[(start, end)] = noun
            elif kind == "leader":
                leaders.add((start, end))
        for token in self.doc:
            if token.pos_ not in _NOMINAL_POS:
                continue
            lemma_noun = self.kb.role_noun(token.lemma_)
            if lemma_noun is not None:
                nouns.setdefault((token.i, token.i + 1), lemma_noun)
            if token.lemma_.lower() in self.kb.leader_words:
                leaders.add((token.i, token.i + 1))
        spans = set(offices) | set(nouns) | leaders
        phrases = [_RolePhrase(s, e, offices.get((s, e)), nouns.get((s, e)), (s, e) in leaders) for s, e in spans]
        at: dict[int, _RolePhrase] = {}
        for phrase in sorted(phrases, key=lambda p: (p.start - p.end, p.start)):
            if all(i not in at for i in range(phrase.start, phrase.end)):
                for i in range(phrase.start, phrase.end):
                    at[i] = phrase
        return at

    def _phrases(self) -> list[_RolePhrase]:
        unique = {(phrase.start, phrase.end): phrase for phrase in self.role_at.values()}
        return [unique[key] for key in sorted(unique)]

    def _name_spans(self) -> list[_NameSpan]:
        """KB names first, then spaCy PERSON/ORG entities that no KB name overlaps, in text order."""
        outlets = [_NameSpan(start, end, (), "OUTLET") for start, end in self.outlet_names]
        inside_outlets = {i for span in outlets for i in range(span.start, span.end)}
        # 'Canberra' in 'The Canberra Ledger' is part of the outlet's name
        spans = [s for s in self.name_matches if not any(i in inside_outlets for i in range(s.start, s.end))]
        spans.extend(outlets)
        taken = {i for span in spans for i in range(span.start, span.end)}
        for ent in self.doc.ents:
            if ent.label_ not in _NAME_LABELS:
                continue
            trimmed = self._trim_entity(ent)
            if trimmed is None or any(i in taken for i in range(*trimmed)):
                continue
            spans.append(_NameSpan(trimmed[0], trimmed[1], (), ent.label_))
        return sorted(spans, key=lambda s: s.start)

    def _trim_entity(self, ent: Span) -> tuple[int, int] | None:
        """Drop determiners, possessive endings, honorifics and titles from an entity's edges."""
        start, end = ent.start, ent.end
        # A person's title is coded apart; an organisation keeps its words ('Latvian Constitutional Court').
        person = ent.label_ == "PERSON"
        while start < end and (
            self.doc[start].lower_ in _DETERMINERS
            or coref.is_honorific(self.doc[start].text)
            or (person and (start in self.role_at or start in self.country_at))
            or self.doc[start].pos_ in _NP_BREAK_POS | {"DET"}
        ):
            start += 1
        while end > start and (self.doc[end - 1].dep_ == "case" or not self.doc[end - 1].text.strip()):
            end -= 1
        while end > start and not (self.doc[end - 1].is_alpha or self.doc[end - 1].pos_ == "PROPN"):
            end -= 1
        if start >= end or not any(t.pos_ == "PROPN" for t in self.doc[start:end]):
            return None
        if all(i in self.role_at for i in range(start, end)):
            return None  # 'State' in 'Secretary of State' is part of a title, not a name
        if end - start == 1 and self.doc[start].text.isupper() and ent.label_ == "ORG" and len(self.doc[start]) < 2:
            return None
        return start, end

    def _possessive_name(self, i: int) -> bool:
        """'Japan' in "Japan's prime minister" keeps its own mention inside the description."""
        span = self.country_at.get(i)
        if span is None:
            return False
        last = self.doc[span.end - 1]
        following = self.doc[span.end] if span.end < len(self.doc) else None
        return last.dep_ == "poss" or (following is not None and following.dep_ == "case")

    def _relational_heads(self) -> list[_RolePhrase]:
        """Nouns that are not roles but still point at actors: 'the two men', 'her predecessor'."""
        phrases = []
        for token in self.doc:
            if token.i in self.role_at or token.pos_ not in _NOMINAL_POS:
                continue
            lemma = token.lemma_.lower()
            if lemma in _PREDECESSOR_NOUNS or (
                token.lower_ in _HUMAN_PLURALS | _STATE_PLURALS | {"side"} and self._pair_count(token) > 0
            ):
                phrases.append(_RolePhrase(token.i, token.i + 1, None, None, False))
        return phrases

    def _description_heads(self) -> list[tuple[_RolePhrase, int]]:
        """Role phrases that head their own noun phrase, with where that noun phrase starts."""
        heads: list[tuple[_RolePhrase, int]] = []
        for phrase in sorted([*self._phrases(), *self._relational_heads()], key=lambda p: p.start):
            if self._is_title(phrase):
                continue
            coded = self._agent_phrase(phrase) if self._is_modifier(phrase) else phrase
            if coded is not None:
                heads.append((coded, self._np_start(coded, self.doc[coded.head])))
        return heads

    def _agent_phrase(self, modifier: _RolePhrase) -> _RolePhrase | None:
        """'police officers', 'party members': a role noun modifying plural agent nouns names a group.

        The agent noun is recognised by its English suffix, so 'media briefings' stays no one.
        """
        noun = self.doc[modifier.head].head
        if noun.i in self.role_at or noun.tag_ not in {"NNS", "NNPS"} or noun.i != modifier.end:
            return None
        if not noun.lemma_.lower().endswith(_AGENT_SUFFIXES):
            return None
        return _RolePhrase(modifier.start, noun.i + 1, None, modifier.noun, False)

    def _is_title(self, phrase: _RolePhrase) -> bool:
        """'President Trump', 'the newspaper Asahi': a title that sits right before a name."""
        following = phrase.end
        while following < len(self.doc) and coref.is_honorific(self.doc[following].text):
            following += 1
        if following >= len(self.doc):
            return False
        token = self.doc[following]
        if token.pos_ != "PROPN" or token.i in self.role_at or token.i in self.country_at:
            return False
        head = self.doc[phrase.head]
        return head.head.i >= following or token.head.i == head.i or head.dep_ == "compound"

    def _is_modifier(self, phrase: _RolePhrase) -> bool:
        """'government' in 'government spokesman', 'media' in 'media briefing': a noun modifying a noun."""
        head = self.doc[phrase.head]
        return (
            head.dep_ in {"compound", "amod", "nmod"}
            and head.head.i > head.i
            and head.head.pos_ in _NOMINAL_POS | {"ADJ"}
        )

    def _np_start(self, phrase: _RolePhrase, head: Token) -> int:
        start = phrase.start
        sentence_start = head.sent.start
        k = phrase.start - 1
        while k >= max(sentence_start, phrase.start - 8):
            token = self.doc[k]
            attached = phrase.start <= _root_within(token, phrase.start, phrase.end) < phrase.end
            if not attached:
                break
            if token.pos_ in _NP_BREAK_POS and not (
                token.dep_ in _CONJ_KEEP | {"case", "poss", "det", "predet", "nummod", "amod", "compound", "nmod"}
                or token.tag_ == "HYPH"
            ):
                break
            start = k
            k -= 1
        return start

    # -- actors ------------------------------------------------------------------------------------

    def _actor(self, key: object, **fields: object) -> Actor:
        actor = self.by_key.get(key)
        if actor is None:
            actor = self.document.add_actor(**fields)
            self.by_key[key] = actor
        return actor

    def _person_from_kb(self, person: Person) -> Actor:
        role = person.role_on(self.day)
        key = ("kb", person.id)
        if key in self.by_key:
            return self.by_key[key]
        if role is not None:
            country = role.country or person.country
            actor = self._actor(
                key, name=person.name, country=country, sector=role.sector, role=role.title,
                kind="person", kb_id=person.id,
            )
            self.office_of[actor.id] = (role.office, country)
        else:
            # Out of office on the day, a person still belongs somewhere: the KB's own sector for them
            # (a former minister who now sits in the senate is LEG), not no sector at all.
            actor = self._actor(
                key, name=person.name, country=person.country, sector=person.sector, kind="person", kb_id=person.id
            )
        if person.gender:
            self.gender[actor.id] = person.gender
        return actor

    def _kb_actor(self, entry: NameEntry, surface: str | None = None) -> Actor | None:
        if entry.kind == "person":
            return self._person_from_kb(self.kb.people[entry.id])
        if entry.kind in ("outlet", "outlet_short"):
            outlet = self.kb.outlets[entry.id]
            return self._actor(
                ("kb", outlet.id), name=outlet.name, country=outlet.country, sector="MED", kind="outlet",
                kb_id=outlet.id,
            )
        if entry.kind == "organisation":
            org = self.kb.organisations[entry.id]
            return self._actor(
                ("kb", org.id), name=org.name, country=org.country, sector=org.sector, kind="organisation",
                kb_id=org.id,
            )
        if entry.kind == "country":
            country = self.kb.countries[entry.id]
            return self._actor(
                ("state", country.code), name=country.name, country=country.code, kind="state", kb_id=country.code
            )
        if entry.kind == "seat":
            return self._group(entry.country, entry.sector or "GOV", surface)
        return None

    def _group(self, country: str | None, sector: str | None, surface: str | None, noun: str | None = None) -> Actor:
        """The group keyed by country and sector; without a country the noun keeps unrelated groups apart."""
        name = surface or " ".join(part for part in (self._country_name(country), sector) if part) or "unnamed group"
        key = ("group", country, sector) if country else ("group", None, sector, noun)
        actor = self._actor(key, name=name, country=country, sector=sector, kind="group", anonymous=True)
        if surface and surface != actor.name and surface not in actor.aliases:
            actor.aliases.append(surface)
        return actor

    def _country_name(self, code: str | None) -> str | None:
        country = self.kb.countries.get(code) if code else None
        return country.name if country else code

    def _add_alias(self, actor: Actor, surface: str) -> None:
        if surface and surface != actor.name and surface not in actor.aliases:
            actor.aliases.append(surface)

    def _describe_actor(self, actor: Actor, description: _Description, descriptor: str | None) -> None:
        """Context coding: fill what an unknown actor lacks from a title or an appositive."""
        if actor.kb_id is None or actor.kind == "person" and actor.country is None:
            if actor.country is None and len(description.countries) == 1:
                actor.country = description.countries[0]
            if actor.sector is None and description.sector:
                actor.sector = description.sector
            if actor.role is None and description.role and actor.kind == "person" and not description.past:
                actor.role = description.role
        if description.office and actor.id not in self.office_of and not description.past:
            self.office_of[actor.id] = (description.office, actor.country)
        if description.gender and actor.id not in self.gender:
            self.gender[actor.id] = description.gender
        self._remember(actor, descriptor)

    # -- mentions ----------------------------------------------------------------------------------

    def _mention(self, actors: Sequence[Actor], start: int, end: int, head_i: int, kind: str) -> None:
        if not actors or start >= end:
            return
        if end - start == 1 and self.doc[start].lower_ in _FIRST_PERSON and self.doc[start].pos_ == "PRON":
            return  # 'we' is its speaker's, and the quotes stage knows who speaks
        start_char = self.doc[start].idx
        end_char = self.doc[end - 1].idx + len(self.doc[end - 1])
        unique: list[Actor] = []
        for actor in actors:
            if actor not in unique:
                unique.append(actor)
        for actor in unique:
            self.document.add_mention(actor, start_char, end_char, kind)
        ref = _Ref(start_char, end_char, head_i, tuple(a.id for a in unique), start, end - 1)
        bisect.insort(self.refs, ref, key=lambda r: r.start)
        self.claimed.update(range(start, end))

    def _actors_at(self, token_i: int) -> tuple[str, ...]:
        token = self.doc[token_i]
        start, end = token.idx, token.idx + len(token)
        found = [r for r in self.refs if r.start <= start and r.end >= end]
        if not found:
            return ()
        return min(found, key=lambda r: r.end - r.start).actor_ids

    def _skip(self, token_i: int) -> bool:
        return self.document.is_debris(self.doc[token_i].idx)

    # -- pass 1: names -----------------------------------------------------------------------------

    def _code_name(self, name: _NameSpan, held: set[int]) -> None:
        if self._skip(name.start) or any(i in self.claimed for i in range(name.start, name.end)):
            return
        title_start, description = self._title_before(name.start)
        surface = self.doc[name.start : name.end].text
        actor: Actor | None = None
        kind = "name"
        if name.entries:
            entry = self._choose_entry(name.entries, description)
            if entry is None:
                return
            if entry.kind in _COUNTRYISH and any(i in held for i in range(name.start, name.end)):
                return  # a modifier of a description ("Japanese officials"), coded with it
            if entry.kind in ("adjective", "demonym"):
                return
            if entry.kind == "outlet_short" and ("kb", entry.id) not in self.by_key:
                return
            if entry.kind == "seat" and self._is_place(name.end - 1):
                return
            actor = self._kb_actor(entry, surface)
            kind = {"seat": "seat", "outlet": "outlet", "outlet_short": "alias"}.get(entry.kind, "name")
            if actor is not None and entry.kind == "person" and surface != actor.name:
                kind = "alias"
        elif name.label == "OUTLET":
            extent, country = self.outlet_names[(name.start, name.end)]
            actor = self._actor(("outlet", surface), name=surface, country=country, sector="MED", kind="outlet")
            self._mention([actor], extent, name.end, name.end - 1, "outlet")
            return
        elif self._names_a_place(name, description):
            return
        elif name.end - name.start == 1 and self._family(surface):
            self._mention(self._family(surface), name.start, name.end, name.start, "group")
            return
        elif name.label == "PERSON" or self._person_like(name, description):
            actor = self._person_by_name(name, description)
        else:
            actor = self._organisation_by_name(name)
        if actor is None:
            return
        if actor.kind == "person":
            self._affiliation_after(actor, name.end)
        self._add_alias(actor, surface)
        if actor.kind != "person":
            # 'the newspaper Asahi' is one mention; 'Serbian' before 'Labour' says nothing about the party
            if description is None or description.countries or not description.role:
                title_start = name.start
        elif description is not None:
            self._describe_actor(actor, description, self._descriptor(title_start, name.start))
        self._mention([actor], title_start, name.end, name.end - 1, kind)

    def _names_a_place(self, name: _NameSpan, description: _Description | None) -> bool:
        """'Dobo', 'Darwin': a one-word name the article uses as a place is not a person.

        A title ('Mr Darwin') or a person already named with that word wins over the place reading.
        """
        if name.label != "PERSON" or name.end - name.start != 1:
            return False
        word = self.doc[name.start].text
        if description is not None and (description.office or description.gender or description.role):
            return False
        return word in self.place_names and self._earlier_person(word) is None

    def _affiliation_after(self, actor: Actor, end: int) -> None:
        """'Ted Cruz (R-Texas)', 'Sen. Ted Cruz of Texas', 'X, a Texas lawyer': a place after an unknown
        person's name gives the country.

        The party-and-state tag is how newspapers mark legislators, so it gives LEG when nothing else did.
        """
        if actor.country is not None or end >= len(self.doc):
            return
        following = self.doc[end]
        tag = _AFFILIATION.match(self.document.text, following.idx)
        if following.text == "(" and tag is not None:
            place = tag.group(1).strip()
            country = self.kb.region_country(place) or self.kb.region_country(place.rstrip("."))
            country = country or self.kb.region_country(place + ".")
            if country is not None:
                actor.country = country
                actor.sector = actor.sector or "LEG"
            return
        k = end + 1 if following.text == "," else end
        k = k + 1 if k < len(self.doc) and k in self.party_at else k  # 'José Rodríguez, Democrat of Texas'
        if k + 1 < len(self.doc) and self.doc[k].lower_ in {"of", "from"}:
            span = self.country_at.get(k + 1)
            entry = next((e for e in span.entries if e.kind in _REGION_KINDS), None) if span else None
            if entry is not None and entry.country:
                actor.country = entry.country
                return
        # 'Lionel Sosa, a Texas media consultant', 'X, an independent from Vermont'
        head = self.doc[end - 1]
        for appositive in (c for c in head.children if c.dep_ == "appos"):
            countries = self._phrase_countries(appositive) or self._located_in(appositive)
            if len(countries) == 1:
                actor.country = countries[0]
                return

    def _code_bare_surnames(self) -> None:
        """'Odhiambo' after 'Amina Odhiambo': a proper noun the parser did not call a name still refers."""
        for token in self.doc:
            # the tagger sometimes takes a sentence-initial surname ('Sanders told...') for a plural noun
            capitalised = token.pos_ == "PROPN" or (token.pos_ == "NOUN" and token.is_title)
            if not capitalised or token.i in self.claimed or self._skip(token.i):
                continue
            family = self._family(token.text) if token.tag_ == "NNPS" else []
            if family:
                self._mention(family, token.i, token.i + 1, token.i, "group")
                continue
            actor = self._earlier_person(token.text)
            if actor is not None and actor.mentions and actor.mentions[0][0] < token.idx:
                if self._longer_name_extent(_NameSpan(token.i, token.i + 1, (), None), set(), {}, set()):
                    continue  # 'Park' in 'Langley Park Productions' is no bare surname
                self._mention([actor], token.i, token.i + 1, token.i, "alias")

    def _is_place(self, token_i: int) -> bool:
        """True when a seat of power is only where something happened ('met in Beijing')."""
        token = self._clause_head(self.doc[token_i])
        return token.dep_ == "pobj" and token.head.lower_ in _LOCATIVE_PREPOSITIONS

    def _choose_entry(self, entries: tuple[NameEntry, ...], description: _Description | None) -> NameEntry | None:
        ranked = sorted(entries, key=lambda e: _KIND_PRIORITY.get(e.kind, 9))
        people = [e for e in ranked if e.kind == "person"]
        if len(people) > 1:
            serving = [e for e in people if self._fits(self.kb.people[e.id], description)]
            if serving:
                return serving[0]
        return ranked[0] if ranked else None

    def _fits(self, person: Person, description: _Description | None) -> bool:
        role = person.role_on(self.day)
        if role is None:
            return False
        if description is None:
            return True
        office_ok = description.office is None or description.office == role.office
        country_ok = not description.countries or (role.country or person.country) in description.countries
        return office_ok and country_ok

    def _person_like(self, name: _NameSpan, description: _Description | None) -> bool:
        """spaCy often labels a bare surname ORG; a title before it, or an earlier full name, says person."""
        if description is not None and (description.office or description.gender or description.role):
            return True
        words = [t.text for t in self.doc[name.start : name.end]]
        return len(words) == 1 and self._earlier_person(words[0]) is not None

    def _person_by_name(self, name: _NameSpan, description: _Description | None) -> Actor:
        tokens = [t for t in self.doc[name.start : name.end] if not coref.is_honorific(t.text)]
        words = [t.text for t in tokens]
        full = "".join(t.text_with_ws for t in tokens).strip()
        honorific = coref.honorific_gender(self.doc[name.start - 1].text) if name.start > 0 else None
        earlier = self._person_named(full) or self._earlier_person(full)
        if earlier is not None:
            if honorific is not None and earlier.kb_id is None:
                self.gender.setdefault(earlier.id, honorific)  # 'Claire Donovan ... Ms Donovan'
            return earlier
        later = self._later_full_name(full) if len(words) == 1 else None
        if later is not None:
            return later
        person = self._kb_person_by_part(words, description)
        if person is not None:
            return self._person_from_kb(person)
        if len(words) > 1:
            short = next((self.by_key[("person", w)] for w in words if ("person", w) in self.by_key), None)
            if short is not None:
                self._add_alias(short, short.name)
                short.name = full
                self.by_key[("person", full)] = short
                return short
        actor = self._actor(("person", full), name=full, kind="person")
        if honorific is not None:
            self.gender[actor.id] = honorific
        return actor

    def _earlier_person(self, surname: str) -> Actor | None:
        """The person whose full name, given earlier in the article, ends in this surname.

        Given names alone are not enough ('Donald' is rarely Trump in print); a family name written first
        ('Xi' for Xi Jinping) is caught through the knowledge base's aliases instead.
        """
        wanted = surname.lower().split()
        by_first_name: list[Actor] = []
        for actor in reversed(self.document.actors):
            if actor.kind == "person" and not actor.anonymous:
                words = actor.name.lower().split()
                if len(words) > len(wanted) and words[-len(wanted) :] == wanted:
                    return actor
                if surname in actor.aliases:
                    return actor
                if actor.kb_id and actor.kb_id in self.kb.people and surname in self.kb.people[actor.kb_id].aliases:
                    return actor
                if len(wanted) > 1 and len(words) > 1 and (words[0], words[-1]) == (wanted[0], wanted[-1]):
                    return actor  # 'Hillary Rodham Clinton' and 'Hillary Clinton'
                if len(wanted) == 1 and len(words) > 1 and words[0] == wanted[0]:
                    by_first_name.append(actor)
        # 'Hillary', 'Bernie': a first name is that person's only while no one else in the article shares it
        return by_first_name[0] if len(by_first_name) == 1 else None

    def _family(self, word: str) -> list[Actor]:
        """'the Clintons': every person named so far whose surname is the plural's stem."""
        if len(word) < 4 or not word.endswith("s") or not word[0].isupper():
            return []
        stem = word[:-1].lower()
        return [
            actor for actor in self.document.actors
            if actor.kind == "person" and not actor.anonymous and len(actor.name.split()) > 1
            and actor.name.lower().split()[-1] == stem
        ]

    def _person_named(self, full: str) -> Actor | None:
        return self.by_key.get(("person", full))

    def _kb_person_by_part(self, words: list[str], description: _Description | None) -> Person | None:
        """'President Xi': a one-word name plus a title picks the KB person holding that title that day."""
        if len(words) != 1:
            return None
        candidates = [self.kb.people[pid] for pid in self.lexicon.name_parts.get(words[0], ())]
        if description is not None and description.office:
            fitting = [p for p in candidates if self._fits(p, description)]
            return fitting[0] if len(fitting) == 1 else None
        serving = [p for p in candidates if p.role_on(self.day) is not None]
        return serving[0] if len(candidates) == 1 and serving else None

    def _organisation_by_name(self, name: _NameSpan) -> Actor | None:
        tokens = self.doc[name.start : name.end]
        if all(t.is_upper for t in tokens) and len(tokens.text) <= 3 and name.label != "ORG":
            return None
        surface = tokens.text
        inside = self._description(name.start, name.end, None)
        countries = inside.countries or self._country_before(name.start)
        return self._actor(
            ("organisation", surface), name=surface, country=countries[0] if countries else None,
            sector=inside.sector, kind="organisation",
        )

    def _country_before(self, start: int) -> list[str]:
        """"Taiwan's defence ministry", 'the Kenyan Electoral Commission': a country word just before a name."""
        before = start - 1
        if before >= 0 and self.doc[before].dep_ == "case":
            before -= 1
        span = self.country_at.get(before) if before >= 0 else None
        entry = next((e for e in span.entries if e.kind in _COUNTRYISH), None) if span else None
        return [entry.country] if entry is not None and entry.country else []

    def _title_before(self, start: int) -> tuple[int, _Description | None]:
        """The title words right before a name: 'Japanese Prime Minister', 'Mr', 'the newspaper'."""
        sentence_start = self.doc[start].sent.start
        j = start
        seen = False
        institutions: list[str] = []
        while j > sentence_start:
            token = self.doc[j - 1]
            if token.i in self.claimed:
                body = self._institution_in_title(token, j)
                if body is None:
                    break
                j, country = body
                institutions.extend([country] if country else [])
            elif token.i in self.party_at:
                j -= 1  # 'Republican presidential candidate X', 'Democrat X': the party's country
                institutions.append(self.party_at[token.i])
            elif token.i in self.role_at and not self._separate(token, start):
                j = self.role_at[token.i].start
            elif token.i in self.country_at:
                j = self.country_at[token.i].start
            elif coref.is_honorific(token.text) or (token.dep_ == "case" and (j - 2) in self.country_at):
                j -= 1
            elif seen and (token.dep_ == "det" or token.lower_ in _PAST_MODIFIERS or token.tag_ == "HYPH"):
                j -= 1
            else:
                break
            seen = True
        if j == start:
            return start, None
        description = self._description(j, start, None)
        if not description.countries:
            description.countries.extend(institutions[:1])
        return j, description

    def _institution_in_title(self, token: Token, title_start: int) -> tuple[int, str | None] | None:
        """'U.S. Supreme Court Justice X', 'Serbian Labour Minister X': a named body inside a title.

        Returns where the body's mention starts and its country (when it is a state's), or None when the
        claimed word is not part of the title.
        """
        if token.head.i < title_start:
            return None
        refs = [r for r in self.refs if r.first_token <= token.i <= r.last_token]
        if len(refs) != 1 or len(refs[0].actor_ids) != 1:
            return None
        actor = self.document.actor(refs[0].actor_ids[0])
        if actor is None or actor.kind not in ("organisation", "group"):
            return None
        country = actor.country if actor.country in self.kb.countries else None
        return refs[0].first_token, country

    def _separate(self, token: Token, name_start: int) -> bool:
        """A role noun that belongs to another phrase: 'officials' in 'Japanese officials Trump...' ."""
        return token.tag_ in {"NNS", "NNPS"} and token.head.i < name_start and token.dep_ in coref.SUBJECT_DEPS

    def _descriptor(self, start: int, end: int) -> str | None:
        """The lemma of the last role phrase in ``[start, end)``: 'government spokesman', 'official'."""
        heads = [self.role_at[i] for i in range(start, end) if i in self.role_at]
        if not heads:
            return None
        last = heads[-1]
        return self.doc[last.start : last.end].lemma_.lower()

    def _remember(self, actor: Actor, descriptor: str | None) -> None:
        """Note how an actor was described, whole and by its last word, so 'the spokesman' finds it."""
        if descriptor:
            known = self.descriptors.setdefault(actor.id, set())
            known.update({descriptor, descriptor.split()[-1]})

    # -- descriptions ------------------------------------------------------------------------------

    def _description(self, start: int, end: int, head: _RolePhrase | None) -> _Description:
        """Read country, sector, office and role from the words ``[start, end)`` of a noun phrase."""
        result = _Description()
        role_words: list[str] = []
        modifier_sectors: list[str] = []
        head_sector: str | None = None
        i = start
        while i < end:
            token = self.doc[i]
            if i == start and token.lower_ in _DETERMINERS:
                result.definite = token.lower_ not in _INDEFINITE
                result.determined = True
            elif token.dep_ in {"nummod", "quantmod"} or token.lower_ in _PAIR_DETERMINERS:
                result.determined = True
            elif token.lower_ in _PAST_MODIFIERS:
                result.past = True
            elif coref.honorific_gender(token.text):
                result.gender = coref.honorific_gender(token.text)
            elif i in self.country_at:
                span = self.country_at[i]
                entry = next(e for e in span.entries if e.kind in _COUNTRYISH)
                if entry.country and entry.country not in result.countries:
                    result.countries.append(entry.country)
                    result.country_words.append(self.doc[span.start : span.end].text)
                if entry.kind == "seat" and entry.sector:
                    modifier_sectors.append(entry.sector)
                if self.doc[span.end - 1].dep_ == "poss" or span.end < end and self.doc[span.end].dep_ == "case":
                    result.definite = result.determined = True
                i = span.end
                continue
            elif i in self.role_at:
                phrase = self.role_at[i]
                sector = self._phrase_sector(phrase)
                words = self.doc[phrase.start : min(phrase.end, end)].text
                role_words.append(words)
                is_head = phrase is head or (head is None and phrase.end >= end)
                if is_head or (head is None and not any(k in self.role_at for k in range(phrase.end, end))):
                    head_sector = sector
                    result.office = phrase.office or result.office
                    result.gender = result.gender or coref.gender_of_noun(self.doc[phrase.head].text)
                elif sector:
                    modifier_sectors.append(sector)
                    result.office = result.office or phrase.office
                i = phrase.end
                continue
            elif i in self.party_at:
                pass  # 'Democrat Lena Hart': a party gives the country (in the title), not a role
            elif token.dep_ == "poss" or token.tag_ == "PRP$":
                result.possessor = list(self._possessor(token))
                result.definite = result.determined = True
            elif token.pos_ in _NOMINAL_POS and token.dep_ == "compound":
                role_words.append(token.text)  # 'Supreme Court' in 'Supreme Court Justice'; not 'new', 'alleged'
            i += 1
        office_sector = self.kb.offices[result.office].sector if result.office in self.kb.offices else None
        if head_sector == "MED":
            result.sector = "MED"
        elif result.office and office_sector:
            result.sector = office_sector
        else:
            result.sector = modifier_sectors[0] if modifier_sectors else head_sector
        result.role = " ".join(role_words) or None
        if result.office in self.kb.offices and head is not None and head.office:
            result.role = self._canonical_title(result.office, result.role)
        return result

    def _canonical_title(self, office: str, written: str | None) -> str | None:
        """The office's title as the knowledge base spells it, capitalised like a title ('Prime Minister')."""
        titles = self.kb.offices[office].titles
        chosen = next((t for t in titles if written and t.lower() == written.lower()), titles[0] if titles else None)
        if chosen is None:
            return written
        return chosen.title() if chosen.islower() else chosen

    def _phrase_sector(self, phrase: _RolePhrase) -> str | None:
        if phrase.office and phrase.office in self.kb.offices:
            return self.kb.offices[phrase.office].sector
        if phrase.noun is not None:
            return phrase.noun.sector
        return "GOV" if phrase.leader else None

    def _possessor(self, token: Token) -> tuple[str, ...]:
        """Who 'her', 'Japan's' or 'the country's' points at."""
        if token.lower_ in _STATE_ANAPHORS:
            return self._state_in_focus(token.idx)
        if coref.pronoun_class(token.text) is not None:
            return self._resolve_pronoun(token)
        return self._actors_at(token.i)

    def _state_in_focus(self, before: int) -> tuple[str, ...]:
        for ref in reversed(self.refs):
            if ref.start < before and len(ref.actor_ids) == 1:
                actor = self.document.actor(ref.actor_ids[0])
                if actor is not None and actor.kind == "state":
                    return (actor.id,)
        return ()

    def _code_description(self, phrase: _RolePhrase, start: int) -> None:
        head = self.doc[phrase.head]
        end = phrase.end
        if self._skip(start) or any(i in self.claimed for i in range(phrase.start, end)):
            return
        modifier = self._named_modifier(start, phrase)
        if modifier is False:
            return
        description = self._description(start, end, phrase)
        owner = self._owner(head) or (modifier if isinstance(modifier, Actor) else None)
        if owner is not None:
            description.owner = owner.id
            if owner.kind == "organisation" and description.sector != "MED":
                # 'the head of the Chinese Communist Party': the body it belongs to codes the description
                description.sector = owner.sector
        if not description.countries:
            owner_country = [owner.country] if owner is not None and owner.country else []
            description.countries.extend(
                owner_country or self._possessor_countries(description) or self._located_in(head)
            )
        actors = self._referents(phrase, start, description)
        if not actors:
            return
        end = self._extend_with_owner(head, end)
        kind = "outlet" if actors[0].kind == "outlet" else ("group" if actors[0].kind == "group" else "description")
        for actor in actors if len(actors) == 1 else ():
            if actor.kind == "person" and not actor.kb_id:
                self._describe_actor(actor, description, self._descriptor(phrase.start, phrase.end))
            else:
                self._remember(actor, self.doc[phrase.start : phrase.end].lemma_.lower())
        self._mention(actors, start, end, head.i, kind)

    def _named_modifier(self, start: int, phrase: _RolePhrase) -> Actor | None | bool:
        """The actor named inside a description, None when there is none, or False to leave it uncoded.

        A party names the owner of 'the Communist Party newspaper' and a person the country of 'the
        Trump administration'; in other descriptions ('Hamas militants') the name already says who
        acts, so the description adds no actor.
        """
        claimed = [i for i in range(start, phrase.start) if i in self.claimed and not self._possessive_name(i)]
        if not claimed:
            return None
        owners = {actor_id for i in claimed for actor_id in self._actors_at(i)}
        named = self.document.actor(next(iter(owners))) if len(owners) == 1 else None
        if named is None or phrase.noun is None or phrase.noun.person:
            return False
        if phrase.noun.sector == "MED":
            return named if named.kind == "organisation" else False
        # 'the Trump administration': a person's name before an institution gives its country
        return named if named.kind == "person" and named.country else False

    def _located_in(self, head: Token) -> list[str]:
        """'police in Kenya', 'officials at the Indonesian foreign ministry', 'a spokesman for the ministry
        of X', 'troops in Kenyan uniform': a prepositional modifier that names a place, a state's body or an
        organisation gives the noun its country.

        A preposition right after the noun counts even when the parser hung it on the verb.
        """
        preps = [c for c in head.rights if c.dep_ == "prep"]
        following = self.doc[head.i + 1] if head.i + 1 < len(self.doc) else None
        if following is not None and following.dep_ == "prep" and following not in preps:
            preps.insert(0, following)
        for prep in preps:
            if prep.lower_ not in _LOCATIVE_PREPOSITIONS | _OWNER_PREPOSITIONS | {"from"}:
                continue
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    countries = self._phrase_countries(obj)
                    if countries:
                        return countries
        return []

    def _phrase_countries(self, noun: Token, depth: int = 0) -> list[str]:
        """The countries a noun phrase names: by a place word in it, the actor it refers to, or its 'of'."""
        country = self._place_country(noun.left_edge.i, noun.i + 1)
        if country is not None:
            return [country]
        actors = [self.document.actor(i) for i in self._actors_at(noun.i)]
        countries = [
            a.country for a in actors if a is not None and a.kind != "person" and a.country in self.kb.countries
        ]
        if countries:
            return list(dict.fromkeys(countries))  # type: ignore[arg-type]
        for prep in noun.rights:
            if depth < 2 and prep.dep_ == "prep" and prep.lower_ == "of":
                for obj in prep.children:
                    if obj.dep_ == "pobj" and (found := self._phrase_countries(obj, depth + 1)):
                        return found
        return []

    def _possessor_countries(self, description: _Description) -> list[str]:
        """"Trump's spokesman" is American: a description takes the country of whoever possesses it."""
        countries = []
        for actor_id in description.possessor:
            actor = self.document.actor(actor_id)
            if actor is not None and actor.country and actor.country not in countries:
                countries.append(actor.country)
        return countries

    def _extend_with_owner(self, head: Token, end: int) -> int:
        """'the newspaper of the Chinese Communist Party': the mention runs over the owner's name too."""
        for child in head.rights:
            if child.dep_ == "prep" and child.lower_ in _OWNER_PREPOSITIONS:
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects and self._actors_at(objects[0].i):
                    return objects[0].right_edge.i + 1
        return end

    def _referents(self, phrase: _RolePhrase, start: int, description: _Description) -> list[Actor]:
        head = self.doc[phrase.head]
        named = self._appositive_actor(head)
        if named is not None:
            return [named]
        pair = self._pair(head)
        if pair:
            return pair
        lemma = self.doc[phrase.start : phrase.end].lemma_.lower()
        if head.lower_ in _PREDECESSOR_NOUNS or head.lemma_.lower() in _PREDECESSOR_NOUNS:
            return self._predecessor(description)
        outlet = self._described_outlet(head, start, phrase.end, description)
        if outlet is not None:
            return [outlet]
        if description.sector == "MED" and head.tag_ not in {"NNS", "NNPS"} and not description.countries:
            return []  # 'the television', 'the paper' with no outlet of that kind named: nothing to point at
        if phrase.office and not description.past:
            title = self.doc[phrase.start : phrase.end].text
            person = self._office_holder(phrase.office, title, description)
            if person is not None:
                return [person]
        if phrase.leader and not phrase.office and not description.past:
            person = self._leader(description)
            if person is not None:
                return [person]
        return self._role_actors(phrase, lemma, description)

    def _appositive_actor(self, head: Token) -> Actor | None:
        """'Minoru Kihara, a government spokesman', 'her predecessor, Shigeru Ishiba', 'the newspaper Asahi'."""
        linked: list[Token] = [c for c in head.children if c.dep_ == "appos"]
        if head.dep_ == "appos":
            linked.append(head.head)
        named_outlets = [c for c in head.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
        for token in linked + named_outlets:
            actor_ids = self._actors_at(token.i)
            actor = self.document.actor(actor_ids[0]) if len(actor_ids) == 1 else None
            if actor is None or actor.kind not in ("person", "outlet", "organisation"):
                continue
            # 'the Asahi newspaper' is Asahi; 'the Trump administration' is not Trump
            if token in linked or actor.kind == "outlet":
                return actor
        return None

    def _pair(self, head: Token) -> list[Actor]:
        """'the two men', 'both leaders', 'neither side': the last people (or sides) in focus.

        Only plain nouns count: 'the two police officers' introduces two new people.
        """
        count = self._pair_count(head)
        word = head.lower_
        states_meant = word in _STATE_PLURALS | _GOVERNMENT_PLURALS | {"side"}
        plain = states_meant or word in _HUMAN_PLURALS or head.lemma_.lower() in self.kb.leader_words
        modified = any(child.dep_ in {"amod", "compound", "nmod"} for child in head.lefts)
        if count == 0 or not plain or modified:
            return []
        if states_meant:
            countries = self._countries_most_in_focus(head.idx, count)
            if len(countries) == count:
                if word in _GOVERNMENT_PLURALS:
                    return [self._group(code, "GOV", None) for code in countries]
                return [a for a in (self._state(code) for code in countries) if a is not None]
            if word not in {"sides", "side"}:
                return []
        return self._last_actors(head.idx, ("person",), count)

    def _state(self, code: str) -> Actor | None:
        return self._kb_actor(NameEntry(kind="country", id=code, country=code, sector=None))

    def _countries_most_in_focus(self, before: int, count: int) -> list[str]:
        """'both governments', 'the two countries': the states the last few sentences talk about most.

        Every reference with a country counts (a state, its officials, its people), the most frequent
        first and the latest on ties.
        """
        sentence = bisect.bisect_right(self.sentence_starts, before) - 1
        window_start = self.sentence_starts[max(0, sentence - coref.SENTENCE_WINDOW)]
        tally: dict[str, tuple[int, int]] = {}
        for ref in self.refs:
            if not window_start <= ref.start < before:
                continue
            for actor_id in ref.actor_ids:
                actor = self.document.actor(actor_id)
                if actor is not None and actor.country in self.kb.countries:
                    seen, _ = tally.get(actor.country, (0, 0))
                    tally[actor.country] = (seen + 1, ref.start)
        ranked = sorted(tally, key=lambda code: tally[code], reverse=True)
        return ranked[:count]

    def _last_actors(self, before: int, kinds: tuple[str, ...], count: int) -> list[Actor]:
        """The last ``count`` distinct actors of the given kinds mentioned before ``before``."""
        chosen: list[Actor] = []
        for ref in reversed(self.refs):
            if ref.start >= before:
                continue
            for actor_id in reversed(ref.actor_ids):
                actor = self.document.actor(actor_id)
                if actor is not None and actor not in chosen and actor.kind in kinds:
                    chosen.append(actor)
            if len(chosen) >= count:
                return list(reversed(chosen[:count]))
        return []

    def _pair_count(self, head: Token) -> int:
        """2 for 'the two men', 'both leaders', 'neither side'; 0 when the noun phrase counts no one."""
        for child in head.lefts:
            if child.dep_ == "nummod" and child.lower_ in _NUMBER_WORDS:
                return _NUMBER_WORDS[child.lower_]
            if child.lower_ in _PAIR_DETERMINERS:
                return 2
        return 0

    def _predecessor(self, description: _Description) -> list[Actor]:
        for actor_id in description.possessor:
            office = self.office_of.get(actor_id)
            if office is None:
                continue
            person = self.kb.predecessor(office[0], office[1], self.day)
            if person is not None:
                return [self._person_from_kb(person)]
        return []

    def _described_outlet(self, head: Token, start: int, end: int, description: _Description) -> Actor | None:
        """'the newspaper of the Chinese Communist Party', 'China's state broadcaster', 'the party newspaper'."""
        if description.sector != "MED":
            return None
        first = start + 1 if self.doc[start].lower_ in _DETERMINERS else start
        for match_id, m_start, m_end in self.lexicon.descriptions(self.doc[first : head.right_edge.i + 1]):
            outlet = self.kb.outlets[self.doc.vocab.strings[match_id]]
            whole = m_start == 0 and first + m_end - 1 in (head.i, head.right_edge.i)
            if whole and (not description.countries or outlet.country in description.countries):
                return self._kb_actor(NameEntry(kind="outlet", id=outlet.id, country=None, sector="MED"))
        owner = self._owner(head) or self.document.actor(description.owner)
        if owner is not None:
            outlet_id = self._owned_outlet(owner, head)
            if outlet_id is not None:
                return self._kb_actor(NameEntry(kind="outlet", id=outlet_id, country=None, sector="MED"))
            name = self.doc[start : head.right_edge.i + 1].text
            return self._unnamed_outlet(owner.id, owner.country, head, name)
        if description.countries:
            country = description.countries[0]
            name = self.doc[start:end].text
            return self._unnamed_outlet(country, country, head, name)
        if description.definite:
            return self._last_outlet_of_kind(head)
        return None

    def _unnamed_outlet(self, owner: str, country: str | None, head: Token, surface: str) -> Actor:
        """'China's state broadcaster': an outlet the knowledge base does not name, keyed by owner and kind."""
        return self._actor(
            ("outlet-of", owner, head.lemma_.lower()), name=_strip_article(surface), country=country,
            sector="MED", kind="outlet", anonymous=True,
        )

    def _last_outlet_of_kind(self, head: Token) -> Actor | None:
        """'the newspaper' is the last newspaper named; 'the media' or 'the television' name no outlet."""
        kind = head.lemma_.lower()
        for ref in reversed(self.refs):
            if ref.start < head.idx and len(ref.actor_ids) == 1:
                actor = self.document.actor(ref.actor_ids[0])
                outlet = self.kb.outlets.get(actor.kb_id or "") if actor is not None else None
                if actor is not None and actor.kind == "outlet" and (outlet is None or outlet.kind == kind):
                    return actor
        return None

    def _owned_outlet(self, owner: Actor, head: Token) -> str | None:
        """The owner's outlet of the kind the text names ('newspaper'), or its only outlet."""
        owned = self.lexicon.outlets_by_owner.get(owner.kb_id or "", ())
        same_kind = [outlet_id for outlet_id, kind in owned if kind == head.lemma_.lower()]
        if len(same_kind) == 1:
            return same_kind[0]
        return owned[0][0] if len(owned) == 1 else None

    def _has_owner(self, phrase: _RolePhrase) -> bool:
        """'a spokesman for X', 'officials from both countries': coded after what the modifier names."""
        head = self.doc[phrase.head]
        wanted = _OWNER_PREPOSITIONS | _LOCATIVE_PREPOSITIONS | {"from"}
        return any(c.dep_ == "prep" and c.lower_ in wanted for c in head.rights)

    def _owner(self, head: Token) -> Actor | None:
        """The actor in 'of X' / 'for X' after a noun: 'the head of X', 'a spokesman for X'."""
        for child in head.rights:
            if child.dep_ == "prep" and child.lower_ in _OWNER_PREPOSITIONS:
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        ids = self._actors_at(obj.i)
                        if len(ids) == 1:
                            return self.document.actor(ids[0])
        return None

    def _office_holder(self, office: str, title: str, description: _Description) -> Actor | None:
        """'the Japanese prime minister' is whoever held that office for Japan on the article's date.

        Only a holder titled as the text titles them: 'the president' is never a king or a pope, though
        all three are heads of state.
        """
        if not description.definite:
            return None
        if self._owned_by_non_state(description):
            # 'the president of Acme' is not a head of state; 'the secretary-general of the UN' is the KB's.
            holders = self._titled_holders(office, title, description.countries[0]) if description.countries else []
            return self._prefer_mentioned(holders) if holders else None
        countries = description.countries or self._countries_in_focus()
        mentioned = self._mentioned_with_office(office, title, description.countries)
        if mentioned is not None and not description.countries:
            return mentioned
        for country in countries:
            holders = self._titled_holders(office, title, country)
            if not holders and country in description.countries and self._names_the_portfolio(office, title):
                # 'the British foreign minister' is the Foreign Secretary: each country has its own word for it
                holders = self.kb.holders(office, country, self.day)
            if holders:
                return self._prefer_mentioned(holders)
        return mentioned

    def _names_the_portfolio(self, office: str, title: str) -> bool:
        """Whether a written title names an office by its portfolio, so that any holder of it fits.

        'foreign minister' is one of the titles of the office whose holders are called Foreign Secretary or
        Secretary of State elsewhere. An office that gathers kinds of post (head of state: president, king,
        pope) is no portfolio, and a title whose head noun is itself one of the office's titles names a
        kind of post ('acting president'), so both still need a holder whose own title agrees.
        """
        if office not in self.lexicon.portfolio_offices:
            return False
        words = _title_words(title)
        if self.kb.office_for_title(title) != office and self.kb.office_for_title(" ".join(words)) != office:
            return False
        head = _title_head(words)
        return len(words) > 1 and head is not None and self.kb.office_for_title(head) != office

    def _titled_holders(self, office: str, title: str, country: str) -> list[Person]:
        """Holders of ``office`` for ``country`` on the article's date whose own title agrees with ``title``."""
        return [
            person for person in self.kb.holders(office, country, self.day)
            if any(
                self._title_fits(title, role.title) for role in person.roles
                if role.office == office and (role.country or person.country) == country
                and (self.day is None or role.held_on(self.day))
            )
        ]

    def _owned_by_non_state(self, description: _Description) -> bool:
        """'the president of Acme', 'the Trump administration': not a country's office holder."""
        owner = self.document.actor(description.owner)
        return owner is not None and owner.kind != "state"

    def _leader(self, description: _Description) -> Actor | None:
        """'the Chinese leader': that country's top office holder, preferring one already mentioned."""
        if not description.definite or not description.countries or self._owned_by_non_state(description):
            return None
        country = description.countries[0]
        holders = self.kb.top_office_holders(country, self.day)
        if holders:
            return self._prefer_mentioned(holders)
        for ref in reversed(self.refs):
            actor = self.document.actor(ref.actor_ids[0]) if len(ref.actor_ids) == 1 else None
            if actor is not None and actor.kind == "person" and actor.country == country and actor.sector == "GOV":
                return actor
        return None

    def _prefer_mentioned(self, people: list[Person]) -> Actor:
        for person in people:
            if ("kb", person.id) in self.by_key:
                return self.by_key[("kb", person.id)]
        return self._person_from_kb(people[0])

    def _mentioned_with_office(self, office: str, title: str, countries: list[str]) -> Actor | None:
        """The last actor mentioned holding ``office`` under a title that agrees with ``title``."""
        for ref in reversed(self.refs):
            for actor_id in ref.actor_ids:
                held = self.office_of.get(actor_id)
                if held and held[0] == office and (not countries or held[1] in countries):
                    actor = self.document.actor(actor_id)
                    if actor is None:
                        continue
                    if actor.role is None or self._title_fits(title, actor.role):
                        return actor
                    if countries and self._names_the_portfolio(office, title):
                        return actor  # 'Foreign Secretary Hale ... the British foreign minister'
        return None

    def _countries_in_focus(self) -> list[str]:
        seen: list[str] = []
        for ref in reversed(self.refs):
            for actor_id in ref.actor_ids:
                actor = self.document.actor(actor_id)
                if actor is not None and actor.kind == "state" and actor.country and actor.country not in seen:
                    seen.append(actor.country)
        return seen[:3]

    def _role_actors(self, phrase: _RolePhrase, lemma: str, description: _Description) -> list[Actor]:
        """Role nouns: 'the spokesman' (a person), 'Japanese officials' (a group per country)."""
        head = self.doc[phrase.head]
        noun = phrase.noun
        person_noun = (noun is not None and noun.person) or phrase.office is not None or phrase.leader
        plural = head.tag_ in {"NNS", "NNPS"} or (noun is not None and noun.plural)
        anchored = bool(description.countries or description.possessor or self._owner(head))
        if phrase.leader and not phrase.office and not anchored:
            # 'head' and 'chief' are leaders only when someone's: 'the head of the agency', not 'my head'.
            return [a for a in [self._described_as(lemma, head.idx)] if a is not None] if description.definite else []
        if not plural and not description.determined and not anchored:
            return []  # 'ran for president', 'went to hospital': a bare singular names no one
        if not person_noun and not plural and not description.definite and not description.countries:
            return []  # 'a hospital', 'a government' with no country: a kind of thing, not an actor
        if person_noun and not plural:
            if self._not_referring(head):
                return []
            if description.definite and not description.countries:
                earlier = self._described_as(lemma, head.idx)
                if earlier is not None:
                    return [earlier]
            role = description.role or head.text
            country = description.countries[0] if description.countries else None
            titled = phrase.office is not None or self.kb.office_for_title(lemma) is not None
            owner = self.document.actor(description.owner)
            if titled and country is None and owner is None:
                return []  # 'the president', 'a senator' of no known country: a bare title names no one
            if description.definite:
                key: object = ("described", lemma, country)
            else:
                key = ("indefinite", head.i)
            name = self.doc[phrase.start : phrase.end].text if description.definite else role
            if titled:
                name = self._titled_name(name, description, owner)
            fields = {"country": country, "sector": description.sector, "role": role}
            return [self._actor(key, name=name, kind="person", anonymous=True, **fields)]
        if description.sector is None:
            return []
        if description.definite and not description.countries:
            earlier = self._described_as(lemma, head.idx)  # 'Japanese officials ... the officials'
            if earlier is not None and earlier.kind == "group":
                return [earlier]
        countries: list[str | None] = list(description.countries) or [None]
        words = description.country_words or [None]
        head_text = self.doc[phrase.start : phrase.end].text
        groups = []
        for index, country in enumerate(countries):
            word = words[index] if index < len(words) else None
            surface = f"{word} {head_text}" if word else self._bare_surface(phrase)
            groups.append(self._group(country, description.sector, surface, lemma))
        return groups

    def _not_referring(self, head: Token) -> bool:
        """'any candidate', 'every senator', 'X is a candidate': a noun that classifies, naming no one new."""
        if any(child.dep_ == "det" and child.lower_ in _GENERIC_DETERMINERS for child in head.children):
            return True
        return head.dep_ == "attr" and head.head.lemma_ in {"be", "become", "remain"}

    def _titled_name(self, title: str, description: _Description, owner: Actor | None) -> str:
        """A name for an unnamed office holder that says whose office it is: 'Chinese president'."""
        if owner is not None:
            return f"{title} of {owner.name}"
        if description.country_words and description.country_words[0].lower() not in title.lower():
            return f"{description.country_words[0]} {title}"
        if description.countries and not description.country_words:
            return f"{title} of {self._country_name(description.countries[0])}"
        return title

    def _bare_surface(self, phrase: _RolePhrase) -> str:
        """'successive administrations', 'farmers': the noun phrase without determiners or possessives."""
        head = self.doc[phrase.head]
        words = [
            t.text for t in self.doc[head.left_edge.i : phrase.end]
            if t.lower_ not in _DETERMINERS and t.dep_ not in {"poss", "case"} and t.tag_ != "PRP$"
        ]
        return " ".join(words)

    def _described_as(self, lemma: str, before: int) -> Actor | None:
        """The last actor described with this noun, or holding an office whose title ends in it."""
        last_word = lemma.split()[-1]
        for ref in reversed(self.refs):
            if ref.start >= before:
                continue
            for actor_id in ref.actor_ids:
                if lemma in self.descriptors.get(actor_id, set()) or self._office_titled(actor_id, last_word):
                    return self.document.actor(actor_id)
        return None

    def _office_titled(self, actor_id: str, word: str) -> bool:
        """Whether an actor's office has a title ending in ``word`` ('the spokesman' for a chief cabinet
        secretary). When the word is itself a title of that office ('president', 'king'), the actor's
        own title must agree with it, since one office gathers different posts."""
        held = self.office_of.get(actor_id)
        office = self.kb.offices.get(held[0]) if held else None
        if office is None or not any(title.lower().split()[-1] == word for title in office.titles):
            return False
        actor = self.document.actor(actor_id)
        if self.kb.office_for_title(word) != office.key or actor is None or actor.role is None:
            return True
        return self._title_fits(word, actor.role)

    def _title_fits(self, written: str, held: str) -> bool:
        """Whether the title written in a description can name someone holding ``held``.

        A title no KB person holds ('top diplomat', 'the pontiff') describes the office, so any holder
        fits; a title someone holds names that post only ('the president' is no pope).
        """
        head = _title_head(_title_words(written))
        return head not in self.lexicon.held_title_heads or _titles_agree(written, held)

    # -- adjectives and demonyms that stand alone ---------------------------------------------------

    def _code_leftover_adjectives(self) -> None:
        """'Chinese aggression', 'Americans': a nationality word outside any description names its state."""
        for span in self.name_matches:
            if any(i in self.claimed for i in range(span.start, span.end)) or self._skip(span.start):
                continue
            entry = next((e for e in span.entries if e.kind in ("adjective", "demonym")), None)
            if entry is None or any(e.kind in ("person", "organisation", "outlet", "country") for e in span.entries):
                continue
            last = self.doc[span.end - 1]
            if entry.kind == "demonym" and last.tag_ in {"NNS", "NNPS"} and last.dep_ not in {"amod", "compound"}:
                actor = self._group(entry.country, None, self.doc[span.start : span.end].text)
                self._mention([actor], span.start, span.end, last.i, "demonym")
                continue
            state = self._kb_actor(NameEntry(kind="country", id=entry.id, country=entry.country, sector=None))
            if state is not None:
                self._mention([state], span.start, span.end, last.i, "adjective")

    # -- pass 3: pronouns --------------------------------------------------------------------------

    def _code_pronouns(self) -> None:
        for token in self.doc:
            if token.lower_ in _RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
                self._code_relative_pronoun(token)
                continue
            if token.lower_ == "it":
                self._code_reported_it(token)
                continue
            if coref.pronoun_class(token.text) is None or self._skip(token.i) or self._has_own_mention(token):
                continue
            actor_ids = self._resolve_pronoun(token)
            actors = [a for a in (self.document.actor(i) for i in actor_ids) if a is not None]
            if actors:
                self._learn_gender(token, actors)
                self._mention(actors, token.i, token.i + 1, token.i, "pronoun")

    def _learn_gender(self, token: Token, actors: list[Actor]) -> None:
        """'she' fixes a person's gender, but only when no other person could have been meant.

        Learning from a guess would let one wrong guess mislead every later pronoun.
        """
        klass = coref.pronoun_class(token.text)
        if klass not in ("female", "male") or len(actors) != 1 or actors[0].id in self.gender:
            return
        rivals = {
            c.actor_ids[0]
            for c in self._candidates(token.idx)
            if c.kind == "person" and len(c.actor_ids) == 1 and c.gender in (None, klass)
        }
        if rivals == {actors[0].id}:
            self.gender[actors[0].id] = klass  # type: ignore[assignment]

    def _code_relative_pronoun(self, token: Token) -> None:
        """'Trump, who plans to visit China': the relative pronoun stands for the noun its clause modifies."""
        if self._skip(token.i) or self._has_own_mention(token):
            return
        actors = [a for a in (self.document.actor(i) for i in self._actors_at(token.head.head.i)) if a is not None]
        if token.lower_ in {"which", "that"}:
            actors = [a for a in actors if a.kind != "person"]
        if actors:
            self._mention(actors, token.i, token.i + 1, token.i, "pronoun")

    def _code_reported_it(self, token: Token) -> None:
        """'The ministry said it would respond': 'it' opening a reported clause is that clause's reporter.

        Bare 'it' is otherwise left alone, because it mostly stands for a thing or a clause.
        """
        clause = token.head
        if token.dep_ not in coref.SUBJECT_DEPS or clause.dep_ != "ccomp" or self._skip(token.i):
            return
        reporters = [c for c in clause.head.children if c.dep_ in coref.SUBJECT_DEPS and c.i < token.i]
        for reporter in reporters:
            actors = [self.document.actor(i) for i in self._actors_at(reporter.i)]
            if len(actors) == 1 and actors[0] is not None and actors[0].kind != "person":
                self._mention([actors[0]], token.i, token.i + 1, token.i, "pronoun")
                return

    def _has_own_mention(self, token: Token) -> bool:
        return any(r.first_token == token.i == r.last_token for r in self.refs)

    def _resolve_pronoun(self, token: Token) -> tuple[str, ...]:
        site = coref.PronounSite(
            start=token.idx,
            word=token.text,
            sentence=self.sentence_of[token.i],
            is_subject=token.dep_ in coref.SUBJECT_DEPS,
            is_object=token.dep_ in coref.OBJECT_DEPS,
            in_quote=coref.in_regions(token.idx, self.quotes),
            governor_i=token.head.i,
        )
        return coref.choose_antecedent(site, list(self._candidates(token.idx)))

    def _candidates(self, before: int) -> Iterator[coref.Candidate]:
        """References a pronoun at ``before`` may reach: those within the sentence window before it."""
        sentence = bisect.bisect_right(self.sentence_starts, before) - 1
        window_start = self.sentence_starts[max(0, sentence - coref.SENTENCE_WINDOW)]
        starts = [r.start for r in self.refs]
        for ref in self.refs[bisect.bisect_left(starts, window_start) : bisect.bisect_left(starts, before)]:
            actor = self.document.actor(ref.actor_ids[0])
            if actor is None:
                continue
            head = self._clause_head(self.doc[ref.head_i])
            yield coref.Candidate(
                start=ref.start,
                actor_ids=ref.actor_ids,
                kind=actor.kind,
                gender=self._gender_of(actor),
                sentence=self.sentence_of[ref.head_i],
                is_subject=head.dep_ in coref.SUBJECT_DEPS,
                in_quote=coref.in_regions(ref.start, self.quotes),
                governor_i=head.head.i,
            )

    def _gender_of(self, actor: Actor) -> coref.Gender | None:
        """What the article or the KB says (honorific, gendered noun, KB entry), else the given name's gender."""
        known = self.gender.get(actor.id)
        if known is not None or actor.kind != "person" or actor.anonymous:
            return known
        return _given_name_gender(self.kb, actor.name)

    def _clause_head(self, token: Token) -> Token:
        """Climb from a name's last word to the word that plays its part in the clause."""
        current = token
        for _ in range(4):
            if current.dep_ in {"compound", "flat", "appos", "amod", "nmod"} and current.head is not current:
                current = current.head
            else:
                break
        return current

    # -- coordinations ------------------------------------------------------------------------------

    def _code_coordinations(self) -> None:
        """'Takaichi and Xi', 'Beijing and Washington': one mention per member over the whole coordination."""
        extent: dict[int, _Ref] = {}
        for ref in self.refs:
            head = self._clause_head(self.doc[ref.head_i]).i
            known = extent.get(head)
            if known is None or ref.last_token - ref.first_token > known.last_token - known.first_token:
                extent[head] = ref
        for head_i, first in list(extent.items()):
            head = self.doc[head_i]
            if head.dep_ == "conj":
                continue
            members = [first]
            for conjunct in sorted((c for c in head.conjuncts if c.i > head.i), key=lambda c: c.i):
                ref = extent.get(conjunct.i)
                if ref is None or not self._only_joiners(members[-1].last_token + 1, conjunct.left_edge.i):
                    break
                members.append(ref)
            ids = [actor_id for ref in members for actor_id in ref.actor_ids]
            joined = any(c.dep_ == "cc" for t in [head, *head.conjuncts] for c in t.children)
            if len(members) < 2 or len(set(ids)) < 2 or not joined:
                continue  # 'France, Emmanuel Macron' is an apposition the parser took for a list
            actors = [a for a in (self.document.actor(i) for i in dict.fromkeys(ids)) if a is not None]
            self._mention(actors, members[0].first_token, members[-1].last_token + 1, head.i, "group")

    def _only_joiners(self, start: int, end: int) -> bool:
        """True when the tokens between two conjuncts are only commas and conjunctions."""
        return all(t.dep_ in {"cc", "punct", "preconj"} or t.is_space for t in self.doc[start:end])


def _given_name_gender(kb: KnowledgeBase, name: str) -> coref.Gender | None:
    """'Claire Donovan' is most likely a woman: the gender names.yaml gives the first of two or more words.

    A name of one word is left alone, since it is as often a surname ('Kelly', 'Thomas') as a given name.
    """
    words = name.split()
    if len(words) < 2:
        return None
    return kb.given_name_gender(words[0].strip(".,"))


def _root_within(token: Token, start: int, end: int) -> int:
    """Follow heads from ``token`` until one lands in ``[start, end)``, leaves the sentence, or loops."""
    current = token
    for _ in range(8):
        if start <= current.i < end:
            return current.i
        if current.head is current:
            return current.i
        current = current.head
    return current.i


def _longest_first(spans: Iterable[_NameSpan]) -> list[_NameSpan]:
    chosen: list[_NameSpan] = []
    taken: set[int] = set()
    for span in sorted(spans, key=lambda s: (s.start - s.end, s.start)):
        if all(i not in taken for i in range(span.start, span.end)):
            chosen.append(span)
            taken.update(range(span.start, span.end))
    return sorted(chosen, key=lambda s: s.start)
