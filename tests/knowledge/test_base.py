"""Knowledge-base loading, user overrides and date-dependent look-ups."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from thucydides.errors import KnowledgeBaseError
from thucydides.knowledge import KnowledgeBase

PEOPLE = {
    "people": [
        {
            "id": "ann-older",
            "name": "Ann Older",
            "aliases": ["Older"],
            "gender": "female",
            "country": "FRA",
            "roles": [
                {"office": "head_of_government", "title": "Prime Minister", "country": "FRA",
                 "start": "2020-01-01", "end": "2023-06-01"},
            ],
        },
        {
            "id": "bob-newer",
            "name": "Bob Newer",
            "aliases": ["Newer"],
            "gender": "male",
            "country": "FRA",
            "roles": [
                {"office": "head_of_government", "title": "Prime Minister", "country": "FRA", "start": "2023-06-01"},
                {"office": "other", "title": "Mayor", "country": "FRA", "start": "2010-01-01", "end": "2023-06-01"},
            ],
        },
    ]
}
COUNTRIES = {
    "countries": [
        {"code": "FRA", "name": "France", "aliases": ["French Republic"], "adjectives": ["French"],
         "demonyms": ["Frenchman"], "capital": "Paris", "seats": ["Paris", "Élysée"]},
    ]
}


@pytest.fixture()
def small_kb() -> KnowledgeBase:
    return KnowledgeBase({"people": PEOPLE, "countries": COUNTRIES}, version="test", data_as_of=None)


def test_office_holder_depends_on_the_date(small_kb: KnowledgeBase) -> None:
    assert [p.id for p in small_kb.holders("head_of_government", "FRA", dt.date(2022, 3, 1))] == ["ann-older"]
    assert [p.id for p in small_kb.holders("head_of_government", "FRA", dt.date(2024, 3, 1))] == ["bob-newer"]


def test_role_ends_on_the_day_the_successor_starts(small_kb: KnowledgeBase) -> None:
    assert [p.id for p in small_kb.holders("head_of_government", "FRA", dt.date(2023, 6, 1))] == ["bob-newer"]


def test_predecessor_is_the_previous_holder(small_kb: KnowledgeBase) -> None:
    assert small_kb.predecessor("head_of_government", "FRA", dt.date(2024, 1, 1)).id == "ann-older"
    assert small_kb.predecessor("head_of_government", "FRA", dt.date(2021, 1, 1)) is None


def test_role_on_prefers_the_senior_office(small_kb: KnowledgeBase) -> None:
    bob = small_kb.people["bob-newer"]
    assert bob.role_on(dt.date(2015, 1, 1)).title == "Mayor"
    assert bob.role_on(dt.date(2024, 1, 1)).title == "Prime Minister"


def test_names_map_to_countries_and_seats(small_kb: KnowledgeBase) -> None:
    assert small_kb.country_for_adjective("French") == "FRA"
    assert small_kb.country_for_name("the French Republic") == "FRA"
    seat = [e for e in small_kb.lookup("Élysée") if e.kind == "seat"]
    assert seat and (seat[0].country, seat[0].sector) == ("FRA", "GOV")


def test_bundled_files_declare_version_and_date(kb: KnowledgeBase) -> None:
    assert kb.version != "0"
    assert kb.data_as_of is not None


def test_bundled_entries_cite_a_source_and_a_check_date(kb: KnowledgeBase) -> None:
    for table in (kb.countries, kb.organisations, kb.outlets, kb.people):
        for key, entry in table.items():
            assert entry.source and entry.source.startswith("http"), key
            assert entry.checked is not None, key


def test_bundled_people_know_the_japanese_prime_ministers(kb: KnowledgeBase) -> None:
    march, november = dt.date(2025, 3, 1), dt.date(2025, 11, 28)
    assert [p.name for p in kb.holders("head_of_government", "JPN", march)] == ["Shigeru Ishiba"]
    assert [p.name for p in kb.holders("head_of_government", "JPN", november)] == ["Sanae Takaichi"]


def test_every_un_member_and_three_more_are_countries(kb: KnowledgeBase) -> None:
    assert len(kb.countries) >= 196
    for code in ("TWN", "XKX", "PSE", "JPN", "CHN", "USA"):
        assert code in kb.countries


def test_user_directory_adds_and_overrides(tmp_path: Path) -> None:
    (tmp_path / "people.yaml").write_text(
        "kb_version: '2099.1'\npeople:\n"
        "  - id: zed-example\n    name: Zed Example\n    country: FRA\n    source: https://example.org\n"
        "    checked: 2026-01-01\n    roles:\n"
        "      - {office: foreign_minister, title: Foreign Minister, country: FRA, start: 2026-01-01}\n",
        encoding="utf-8",
    )
    kb = KnowledgeBase.load([tmp_path])
    assert "zed-example" in kb.people
    assert "sanae-takaichi" in kb.people
    # The bundled data's version stays first; the user's files add a digest of their content.
    assert kb.version.startswith(KnowledgeBase.load().version + "+user.")
    assert "zed-example" in [p.id for p in kb.holders("foreign_minister", "FRA", dt.date(2026, 6, 1))]


def test_user_entry_with_same_id_replaces_the_bundled_one(tmp_path: Path) -> None:
    (tmp_path / "people.yaml").write_text(
        "people:\n  - id: sanae-takaichi\n    name: Sanae Takaichi\n    country: JPN\n    roles: []\n",
        encoding="utf-8",
    )
    kb = KnowledgeBase.load([tmp_path])
    assert kb.people["sanae-takaichi"].roles == []


def test_malformed_yaml_names_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "outlets.yaml"
    bad.write_text("outlets: [unclosed\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError) as caught:
        KnowledgeBase.load([tmp_path])
    assert str(bad) in str(caught.value)


def test_missing_directory_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeBaseError, match="not a directory"):
        KnowledgeBase.load([tmp_path / "nowhere"])


def test_entry_that_breaks_the_schema_is_refused(tmp_path: Path) -> None:
    (tmp_path / "people.yaml").write_text("people:\n  - id: x\n    name: X\n    rolez: []\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match="schema"):
        KnowledgeBase.load([tmp_path])


def test_regions_name_places_in_a_country() -> None:
    regions = {"regions": [{"id": "us-vermont", "name": "Vermont", "aliases": ["Vt."], "country": "USA", "kind": "state"}]}
    kb = KnowledgeBase({"regions": regions, "countries": COUNTRIES}, version="test", data_as_of=None)
    assert kb.region_country("Vermont") == "USA"
    assert kb.region_country("Vt.") == "USA"
    assert kb.region_country("France") is None


def test_given_name_gender_is_case_blind_and_drops_names_listed_twice() -> None:
    names = {"names": {"female": ["Claire", "Robin"], "male": ["Corey", "Robin"]}}
    kb = KnowledgeBase(documents=names, version="test", data_as_of=None)
    assert kb.given_name_gender("claire") == "female"
    assert kb.given_name_gender("COREY") == "male"
    assert kb.given_name_gender("Robin") is None
    assert kb.given_name_gender("Zorblax") is None


def test_given_names_must_be_lists() -> None:
    with pytest.raises(KnowledgeBaseError):
        KnowledgeBase(documents={"names": {"female": "Claire"}}, version="test", data_as_of=None)


def test_bundled_given_names_cover_many_regions(kb: KnowledgeBase) -> None:
    expected = {"Helen": "female", "Sanae": "female", "Olga": "female", "Fatima": "female", "Priya": "female",
                "Corey": "male", "Shinzo": "male", "Vladimir": "male", "Mohammed": "male", "Jürgen": "male"}
    assert {name: kb.given_name_gender(name) for name in expected} == expected
    assert kb.given_name_gender("Jordan") is None
