"""Load the versioned YAML knowledge base (bundled plus user directories) and answer look-ups on it."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from collections.abc import Iterable, Mapping
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from thucydides.errors import KnowledgeBaseError

BUNDLED_PACKAGE = "thucydides.knowledge"
ENTITY_FILES: dict[str, str] = {
    "countries": "code",
    "regions": "id",
    "organisations": "id",
    "outlets": "id",
    "people": "id",
}
"""Entity files and the key that identifies an entry, so a user entry with the same key overrides."""


class Entry(BaseModel):
    model_config = ConfigDict(extra="forbid")

    source: str | None = None
    checked: dt.date | None = None
    note: str | None = None


class Country(Entry):
    code: str
    iso2: str | None = None
    name: str
    aliases: list[str] = Field(default_factory=list)
    adjectives: list[str] = Field(default_factory=list)
    demonyms: list[str] = Field(default_factory=list)
    capital: str | None = None
    seats: list[str] = Field(default_factory=list)
    seat_sectors: dict[str, str] = Field(default_factory=dict)


class Region(Entry):
    """A place inside a country (state, province, territory, city): names a location, never a government."""

    id: str
    name: str
    aliases: list[str] = Field(default_factory=list)
    adjectives: list[str] = Field(default_factory=list)
    country: str
    kind: str = "region"


class Organisation(Entry):
    id: str
    name: str
    aliases: list[str] = Field(default_factory=list)
    country: str | None = None
    sector: str | None = None
    kind: str = "other"


class Outlet(Entry):
    id: str
    name: str
    aliases: list[str] = Field(default_factory=list)
    short_aliases: list[str] = Field(default_factory=list)
    descriptions: list[str] = Field(default_factory=list)
    country: str | None = None
    kind: str = "newspaper"
    owner: str | None = None


class Role(BaseModel):
    model_config = ConfigDict(extra="forbid")

    office: str
    title: str
    country: str | None = None
    sector: str = "GOV"
    start: dt.date | None = None
    end: dt.date | None = None
    note: str | None = None

    def held_on(self, day: dt.date) -> bool:
        started = self.start is None or self.start <= day
        not_ended = self.end is None or day < self.end
        return started and not_ended


Gender = Literal["female", "male"]
GENDERS: tuple[Gender, ...] = ("female", "male")


class Person(Entry):
    id: str
    name: str
    aliases: list[str] = Field(default_factory=list)
    gender: Literal["female", "male"] | None = None
    country: str | None = None
    sector: str | None = None
    roles: list[Role] = Field(default_factory=list)

    def role_on(self, day: dt.date | None) -> Role | None:
        """The most senior role held on ``day``; with no date, the latest role."""
        if not self.roles:
            return None
        if day is None:
            return max(self.roles, key=lambda role: role.start or dt.date.min)
        held = [role for role in self.roles if role.held_on(day)]
        if not held:
            return None
        return min(held, key=lambda role: OFFICE_SENIORITY.get(role.office, len(OFFICE_SENIORITY)))


OFFICE_SENIORITY = {
    "head_of_state": 0,
    "head_of_government": 1,
    "deputy_head_of_government": 2,
    "foreign_minister": 3,
    "defence_minister": 4,
    "government_spokesperson": 5,
}
"""When a person holds several roles at once, the most senior names them."""


class Office(BaseModel):
    model_config = ConfigDict(extra="forbid")

    key: str
    titles: list[str]
    sector: str = "GOV"


class RoleNoun(BaseModel):
    model_config = ConfigDict(extra="forbid")

    noun: str
    sector: str
    person: bool = False
    plural: bool = False
    plural_of: list[str] = Field(default_factory=list)


NameKind = Literal[
    "country", "adjective", "demonym", "seat", "region", "region_adjective", "organisation", "outlet", "outlet_short", "person"
]


class NameEntry(BaseModel):
    """One surface form in the knowledge base and what it names."""

    model_config = ConfigDict(frozen=True)

    kind: NameKind
    id: str
    country: str | None
    sector: str | None


class KnowledgeBase:
    """Read-only view over the knowledge base. Build it with ``KnowledgeBase.load()``."""

    def __init__(self, documents: Mapping[str, Mapping[str, Any]], version: str, data_as_of: dt.date | None) -> None:
        self.version = version
        self.data_as_of = data_as_of
        self._documents = documents
        try:
            self.countries = {c.code: c for c in (Country(**e) for e in _entries(documents, "countries"))}
            self.regions = {r.id: r for r in (Region(**e) for e in _entries(documents, "regions"))}
            self.organisations = {o.id: o for o in (Organisation(**e) for e in _entries(documents, "organisations"))}
            self.outlets = {o.id: o for o in (Outlet(**e) for e in _entries(documents, "outlets"))}
            self.people = {p.id: p for p in (Person(**e) for e in _entries(documents, "people"))}
            roles_doc = documents.get("roles", {})
            self.offices = {o.key: o for o in (Office(**e) for e in roles_doc.get("offices", []))}
            self.role_nouns = {}
            for raw in roles_doc.get("role_nouns", []):
                noun = RoleNoun(**raw)
                for form in [noun.noun, *noun.plural_of]:
                    self.role_nouns[form.lower()] = noun
            self.leader_words = frozenset(w.lower() for w in roles_doc.get("leader_words", []))
        except ValidationError as exc:
            raise KnowledgeBaseError(f"an entry does not match the schema: {exc}", input="knowledge base") from exc
        self.office_by_title = {
            title.lower(): office.key for office in self.offices.values() for title in office.titles
        }
        self._names = self._index_names()
        self._roles_by_office = self._index_roles()
        self._given_names = _index_given_names(documents.get("names", {}))

    # -- loading -------------------------------------------------------------------------------

    @classmethod
    def load(cls, extra_dirs: Iterable[Path] = ()) -> KnowledgeBase:
        """Load the bundled YAML files, then each of ``extra_dirs`` in order (later entries win)."""
        documents: dict[str, dict[str, Any]] = {}
        data_dir = resources.files(BUNDLED_PACKAGE) / "data"
        versions: list[str] = []
        dates: list[dt.date] = []
        for resource in sorted(data_dir.iterdir(), key=lambda r: r.name):
            if resource.name.endswith(".yaml"):
                document = _parse_yaml(resource.read_text(encoding="utf-8"), f"bundled {resource.name}")
                _note_version(document, versions, dates)
                documents[resource.name[: -len(".yaml")]] = document
        bundled_version = max(versions) if versions else "0"
        digest = hashlib.sha256()
        for directory in extra_dirs:
            directory = Path(directory)
            if not directory.is_dir():
                raise KnowledgeBaseError(
                    "is not a directory", input=str(directory), hint="--kb takes a directory of YAML files"
                )
            files = sorted(directory.glob("*.yaml")) + sorted(directory.glob("*.yml"))
            if not files:
                raise KnowledgeBaseError("holds no .yaml files", input=str(directory))
            for path in files:
                text = path.read_text(encoding="utf-8")
                digest.update(path.name.encode() + text.encode())
                document = _parse_yaml(text, str(path))
                _note_version(document, versions, dates)
                _merge(documents, path.stem, document)
        version = bundled_version if not extra_dirs else f"{bundled_version}+user.{digest.hexdigest()[:8]}"
        return cls(documents, version=version, data_as_of=max(dates) if dates else None)

    def rules(self, name: str) -> Mapping[str, Any]:
        """A stage's own rule file (for example ``verbs`` or ``cues``) as parsed YAML; empty when absent."""
        return self._documents.get(name, {})

    # -- look-ups ------------------------------------------------------------------------------

    def names(self) -> Mapping[str, tuple[NameEntry, ...]]:
        """Every surface form (case-sensitive) and the entries it may name."""
        return self._names

    def lookup(self, surface: str) -> tuple[NameEntry, ...]:
        """Entries a surface form names: exact match first, then without a leading 'the'."""
        found = self._names.get(surface)
        if found:
            return found
        for article in ("the ", "The "):
            if surface.startswith(article):
                return self._names.get(surface[len(article):], ())
        return ()

    def holders(self, office: str, country: str | None, on: dt.date | None) -> list[Person]:
        """People who held ``office`` for ``country`` on a date (with no date: the latest holder)."""
        candidates = self._roles_by_office.get((office, country), [])
        if on is None:
            latest = max(candidates, key=lambda pr: pr[1].start or dt.date.min, default=None)
            return [latest[0]] if latest else []
        return [person for person, role in candidates if role.held_on(on)]

    def predecessor(self, office: str, country: str | None, on: dt.date | None) -> Person | None:
        """Who held ``office`` for ``country`` just before the holder on ``on``."""
        candidates = sorted(
            self._roles_by_office.get((office, country), []), key=lambda pr: pr[1].start or dt.date.min
        )
        current = [i for i, (_, role) in enumerate(candidates) if on is None or role.held_on(on)]
        if not current:
            return None
        index = current[-1]
        return candidates[index - 1][0] if index > 0 else None

    def top_office_holders(self, country: str, on: dt.date | None) -> list[Person]:
        """Head of state and head of government of a country on a date ("the Chinese leader")."""
        people: list[Person] = []
        for office in ("head_of_state", "head_of_government"):
            for person in self.holders(office, country, on):
                if person not in people:
                    people.append(person)
        return people

    def region_country(self, name: str) -> str | None:
        """The country of a subnational place ("Vermont" -> USA, "Kinmen" -> TWN), or None."""
        return self._first_country(name, {"region", "region_adjective"})

    def country_for_adjective(self, word: str) -> str | None:
        return self._first_country(word, {"adjective", "demonym"})

    def country_for_name(self, name: str) -> str | None:
        return self._first_country(name, {"country"})

    def role_noun(self, word: str) -> RoleNoun | None:
        return self.role_nouns.get(word.lower())

    def office_for_title(self, title: str) -> str | None:
        return self.office_by_title.get(title.lower())

    def given_name_gender(self, name: str) -> Gender | None:
        """The gender that clearly predominates among bearers of a given name ('Claire' -> female), or None."""
        return self._given_names.get(name.casefold())

    def _first_country(self, surface: str, kinds: set[str]) -> str | None:
        for entry in self.lookup(surface):
            if entry.kind in kinds:
                return entry.country
        return None

    # -- indexes -------------------------------------------------------------------------------

    def _index_names(self) -> dict[str, tuple[NameEntry, ...]]:
        index: dict[str, list[NameEntry]] = defaultdict(list)

        def add(surface: str, entry: NameEntry) -> None:
            surface = surface.strip()
            if surface and entry not in index[surface]:
                index[surface].append(entry)

        for country in self.countries.values():
            for name in [country.name, *country.aliases]:
                add(name, NameEntry(kind="country", id=country.code, country=country.code, sector=None))
            for adjective in country.adjectives:
                add(adjective, NameEntry(kind="adjective", id=country.code, country=country.code, sector=None))
            for demonym in country.demonyms:
                add(demonym, NameEntry(kind="demonym", id=country.code, country=country.code, sector=None))
            for seat in country.seats:
                sector = country.seat_sectors.get(seat, "GOV")
                add(seat, NameEntry(kind="seat", id=country.code, country=country.code, sector=sector))
        for region in self.regions.values():
            for name in [region.name, *region.aliases]:
                add(name, NameEntry(kind="region", id=region.id, country=region.country, sector=None))
            for adjective in region.adjectives:
                add(adjective, NameEntry(kind="region_adjective", id=region.id, country=region.country, sector=None))
        for org in self.organisations.values():
            for name in [org.name, *org.aliases]:
                add(name, NameEntry(kind="organisation", id=org.id, country=org.country, sector=org.sector))
        for outlet in self.outlets.values():
            for name in [outlet.name, *outlet.aliases]:
                add(name, NameEntry(kind="outlet", id=outlet.id, country=outlet.country, sector="MED"))
            for name in outlet.short_aliases:
                add(name, NameEntry(kind="outlet_short", id=outlet.id, country=outlet.country, sector="MED"))
        for person in self.people.values():
            for name in [person.name, *person.aliases]:
                add(name, NameEntry(kind="person", id=person.id, country=person.country, sector=person.sector))
        return {surface: tuple(entries) for surface, entries in index.items()}

    def _index_roles(self) -> dict[tuple[str, str | None], list[tuple[Person, Role]]]:
        index: dict[tuple[str, str | None], list[tuple[Person, Role]]] = defaultdict(list)
        for person in self.people.values():
            for role in person.roles:
                index[(role.office, role.country or person.country)].append((person, role))
        return index


def _index_given_names(document: Mapping[str, Any]) -> dict[str, Gender]:
    """names.yaml as one case-folded look-up; a name listed under both genders names neither."""
    index: dict[str, Gender] = {}
    ambiguous: set[str] = set()
    for gender in GENDERS:
        names = document.get(gender, [])
        if not isinstance(names, list):
            raise KnowledgeBaseError(f"'{gender}' must be a list of given names", input="names.yaml")
        for name in names:
            key = str(name).casefold()
            if index.get(key, gender) != gender:
                ambiguous.add(key)
            index[key] = gender
    return {name: gender for name, gender in index.items() if name not in ambiguous}


_YamlLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's loader is several times faster on the people file; PyYAML falls back to pure Python."""


def _parse_yaml(text: str, name: str) -> dict[str, Any]:
    try:
        document = yaml.load(text, Loader=_YamlLoader)  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        raise KnowledgeBaseError(f"is not valid YAML: {exc}", input=name) from exc
    if document is None:
        return {}
    if not isinstance(document, dict):
        raise KnowledgeBaseError("must hold a mapping at the top level", input=name)
    return document


def _note_version(document: Mapping[str, Any], versions: list[str], dates: list[dt.date]) -> None:
    if "kb_version" in document:
        versions.append(str(document["kb_version"]))
    as_of = document.get("data_as_of")
    if isinstance(as_of, dt.date):
        dates.append(as_of)


def _entries(documents: Mapping[str, Mapping[str, Any]], name: str) -> list[dict[str, Any]]:
    entries = documents.get(name, {}).get(name, [])
    if not isinstance(entries, list):
        raise KnowledgeBaseError(f"'{name}' must be a list of entries", input=f"{name}.yaml")
    return entries


def _merge(documents: dict[str, dict[str, Any]], stem: str, user: dict[str, Any]) -> None:
    """Merge a user file into the loaded documents: list entries with the same identity key replace."""
    base = documents.setdefault(stem, {})
    for key, value in user.items():
        if isinstance(value, list) and isinstance(base.get(key), list):
            identity = ENTITY_FILES.get(key) or _identity_key(value)
            if identity is None:
                base[key] = [*base[key], *value]
                continue
            merged = {entry.get(identity): entry for entry in base[key] if isinstance(entry, dict)}
            for entry in value:
                if not isinstance(entry, dict) or identity not in entry:
                    raise KnowledgeBaseError(f"every '{key}' entry needs '{identity}'", input=f"{stem}.yaml")
                merged[entry[identity]] = entry
            base[key] = list(merged.values())
        else:
            base[key] = value


def _identity_key(entries: list[Any]) -> str | None:
    for candidate in ("id", "code", "key", "noun"):
        if entries and all(isinstance(e, dict) and candidate in e for e in entries):
            return candidate
    return None
