#!/usr/bin/env python
"""Add the people and dated roles of tools/people_history_table.txt to people.yaml.

The table (format described at its top) holds office holders from 2000 to 2019 and US political
figures; the bundled people.yaml holds everyone since 2020.  Running this script:

* appends a new entry for every table person whose id is not yet in people.yaml;
* for a person already there, inserts only the roles that are missing (same office and start)
  and the aliases that are missing, leaving the rest of the entry as it was.

The file is edited as text so that hand-written entries keep their layout and comments.  Running
it twice changes nothing.

Usage: .venv/bin/python tools/build_people_history.py
"""
from __future__ import annotations

import pathlib
import re
import unicodedata
import urllib.parse
from dataclasses import dataclass, field

import yaml

CHECKED = "2026-11-25"
ROOT = pathlib.Path(__file__).resolve().parents[1]
TABLE = ROOT / "tools/people_history_table.txt"
PEOPLE = ROOT / "src/thucydides/knowledge/data/people.yaml"

OFFICES = {
    "HS": "head_of_state",
    "HG": "head_of_government",
    "FM": "foreign_minister",
    "DM": "defence_minister",
    "SP": "government_spokesperson",
    "JM": "justice_minister",
    "CS": "chief_of_staff",
    "O": "other",
}
OFFICE_SECTORS = {"other": "GOV"}


@dataclass
class RoleRow:
    office: str
    title: str
    start: str
    end: str | None
    country: str
    sector: str
    note: str | None


@dataclass
class PersonRow:
    name: str
    aliases: list[str]
    gender: str
    country: str
    sector: str | None
    roles: list[RoleRow] = field(default_factory=list)

    @property
    def id(self) -> str:
        return slug(self.name)


def slug(name: str) -> str:
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


def parse_table(text: str) -> list[PersonRow]:
    people: list[PersonRow] = []
    for raw in text.splitlines():
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in raw.split("|")]
        if raw.startswith(" "):
            office, title, start, end, *rest = cells + [""] * (7 - len(cells))
            country, sector, note = (rest + ["", "", ""])[:3]
            person = people[-1]
            people[-1].roles.append(
                RoleRow(
                    office=OFFICES[office], title=title, start=start, end=end or None,
                    country=country or person.country, sector=sector or "GOV", note=note or None,
                )
            )
        else:
            name, aliases, gender, country, *rest = cells
            people.append(
                PersonRow(
                    name=name, aliases=[a.strip() for a in aliases.split(";") if a.strip()],
                    gender=gender, country=country, sector=(rest[0] if rest and rest[0] else None),
                )
            )
    return people


def with_plain_variants(names: list[str]) -> list[str]:
    """Each name plus its spelling without diacritics, in order and without repeats."""
    out: list[str] = []
    for name in names:
        plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
        for form in (name, plain):
            if form and form not in out and len(form) > 1:
                out.append(form)
    return out


def quote(value: str) -> str:
    """A YAML scalar: plain when safe, double-quoted otherwise."""
    plain_safe = re.fullmatch(r"[A-Za-z0-9À-ɏ.' ’-]+", value) and value[0] not in "-'"
    if plain_safe and value not in ("null", "true", "false"):
        return value
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def flow_list(values: list[str]) -> str:
    return "[" + ", ".join(quote(v) for v in values) + "]"


def role_lines(role: RoleRow) -> list[str]:
    lines = [
        f"      - office: {role.office}",
        f"        title: {quote(role.title)}",
        f"        country: {role.country}",
        f"        sector: {role.sector}",
        f"        start: {role.start}",
        f"        end: {role.end or 'null'}",
    ]
    if role.note:
        lines.append(f"        note: {quote(role.note)}")
    return lines


def person_block(person: PersonRow) -> list[str]:
    aliases = with_plain_variants([person.name, *person.aliases])
    lines = [
        f"  - id: {person.id}",
        f"    name: {quote(person.name)}",
        f"    aliases: {flow_list(aliases)}",
        f"    gender: {person.gender}",
        f"    country: {person.country}",
    ]
    if person.sector:
        lines.append(f"    sector: {person.sector}")
    if person.roles:
        lines.append("    roles:")
        # table order, not date order: among simultaneous roles of equal seniority ('other'), the
        # first listed names the person (Speaker of the House before Representative).
        for role in person.roles:
            lines.extend(role_lines(role))
    wiki = urllib.parse.quote(person.name.replace(" ", "_"), safe="_.-'")
    lines.append(f"    source: https://en.wikipedia.org/wiki/{wiki}")
    lines.append(f"    checked: {CHECKED}")
    return lines


def entry_span(lines: list[str], person_id: str) -> tuple[int, int]:
    start = lines.index(f"  - id: {person_id}")
    end = start + 1
    while end < len(lines) and not lines[end].startswith("  - id: "):
        end += 1
    return start, end


def merge_existing(lines: list[str], person: PersonRow, existing: dict) -> list[str]:
    """Insert the missing roles and aliases of ``person`` into its existing entry."""
    start, end = entry_span(lines, person.id)
    block = lines[start:end]
    have = {(r["office"], str(r.get("start"))) for r in existing.get("roles", [])}
    new_roles = [r for r in person.roles if (r.office, r.start) not in have]
    known = set(existing.get("aliases", [])) | {existing["name"]}
    new_aliases = [a for a in with_plain_variants(person.aliases) if a not in known]
    if new_aliases:
        index = next(i for i, line in enumerate(block) if line.startswith("    aliases: "))
        block[index] = "    aliases: " + flow_list([*existing.get("aliases", []), *new_aliases])
    if new_roles:
        if "    roles:" not in block:
            index = next(i for i, line in enumerate(block) if line.startswith("    source: "))
            block[index:index] = ["    roles:"]
        index = next(i for i, line in enumerate(block) if line.startswith("    source: "))
        inserted = [line for role in new_roles for line in role_lines(role)]
        block[index:index] = inserted
    if person.sector and "sector" not in existing:
        index = next(i for i, line in enumerate(block) if line.startswith("    country: "))
        block[index + 1 : index + 1] = [f"    sector: {person.sector}"]
    return lines[:start] + block + lines[end:]


def main() -> None:
    table = parse_table(TABLE.read_text(encoding="utf-8"))
    text = PEOPLE.read_text(encoding="utf-8")
    existing = {p["id"]: p for p in yaml.safe_load(text)["people"]}
    lines = text.rstrip("\n").split("\n")
    for person in table:
        if person.id in existing:
            lines = merge_existing(lines, person, existing[person.id])
        else:
            lines.extend(person_block(person))
    PEOPLE.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
