"""The bundled regions, people, organisations, outlets and role nouns answer the look-ups news text needs."""

from __future__ import annotations

import datetime as dt

import pytest

from thucydides.knowledge import KnowledgeBase

SPRING_2016 = dt.date(2016, 6, 1)


@pytest.mark.parametrize(
    ("surface", "country"),
    [
        ("Vermont", "USA"),
        ("Vt.", "USA"),
        ("N.Y.", "USA"),
        ("Calif.", "USA"),
        ("Ga.", "USA"),
        ("Kinmen", "TWN"),
        ("Penghu", "TWN"),
        ("Crimea", "UKR"),
        ("Golan Heights", "SYR"),
        ("Hong Kong", "CHN"),
        ("Xinjiang", "CHN"),
        ("Bavaria", "DEU"),
        ("Mumbai", "IND"),
        ("Darwin", "AUS"),
        ("Kharkiv", "UKR"),
        ("Kursk", "RUS"),
    ],
)
def test_region_names_its_country(kb: KnowledgeBase, surface: str, country: str) -> None:
    assert kb.region_country(surface) == country


def test_region_adjective_names_its_country(kb: KnowledgeBase) -> None:
    assert kb.region_country("Texan") == "USA"
    assert kb.region_country("Crimean") == "UKR"


def test_disputed_places_say_so(kb: KnowledgeBase) -> None:
    assert kb.regions["ukr-crimea"].kind == "disputed"
    assert kb.regions["syr-golan-heights"].kind == "disputed"


def test_no_region_shadows_a_country_seat_or_person(kb: KnowledgeBase) -> None:
    own = {"region", "region_adjective"}
    shadowed = {
        surface
        for surface, entries in kb.names().items()
        if any(e.kind in own for e in entries) and any(e.kind not in own for e in entries)
    }
    assert shadowed == set()


def test_georgia_stays_a_country(kb: KnowledgeBase) -> None:
    assert kb.country_for_name("Georgia") == "GEO"
    assert kb.region_country("Georgia") is None


def test_every_region_cites_a_source_and_a_check_date(kb: KnowledgeBase) -> None:
    assert all(region.source and region.checked for region in kb.regions.values())


@pytest.mark.parametrize(
    ("office", "country", "day", "person_id"),
    [
        ("foreign_minister", "USA", dt.date(2010, 5, 1), "hillary-clinton"),
        ("foreign_minister", "USA", SPRING_2016, "john-kerry"),
        ("head_of_state", "USA", SPRING_2016, "barack-obama"),
        ("head_of_state", "USA", dt.date(2005, 1, 1), "george-w-bush"),
        ("head_of_government", "GBR", dt.date(2005, 1, 1), "tony-blair"),
        ("head_of_government", "JPN", dt.date(2004, 1, 1), "junichiro-koizumi"),
        ("head_of_state", "CHN", dt.date(2008, 1, 1), "hu-jintao"),
        ("head_of_state", "UKR", dt.date(2015, 1, 1), "petro-poroshenko"),
        ("head_of_state", "TWN", dt.date(2012, 1, 1), "ma-ying-jeou"),
        ("foreign_minister", "DEU", dt.date(2015, 1, 1), "frank-walter-steinmeier"),
        ("defence_minister", "USA", dt.date(2012, 1, 1), "leon-panetta"),
        ("other", "UNO", dt.date(2010, 1, 1), "ban-ki-moon"),
    ],
)
def test_office_holders_2000_to_2019(
    kb: KnowledgeBase, office: str, country: str, day: dt.date, person_id: str
) -> None:
    assert [person.id for person in kb.holders(office, country, day)] == [person_id]


def test_sitting_senator_has_a_dated_legislative_role(kb: KnowledgeBase) -> None:
    sanders = kb.people["bernie-sanders"]
    role = sanders.role_on(SPRING_2016)
    assert role is not None and role.sector == "LEG" and role.country == "USA"
    assert sanders.sector == "LEG"


def test_candidate_between_offices_holds_no_role(kb: KnowledgeBase) -> None:
    clinton = kb.people["hillary-clinton"]
    assert clinton.role_on(SPRING_2016) is None
    assert clinton.country == "USA"


def test_shared_surnames_name_nobody(kb: KnowledgeBase) -> None:
    # 'Clinton' and 'Bush' each name several people; the actors stage links them to the full name given earlier.
    assert all(entry.kind != "person" for entry in kb.lookup("Clinton"))
    assert all(entry.kind != "person" for entry in kb.lookup("Bush"))


def test_existing_people_gained_earlier_roles(kb: KnowledgeBase) -> None:
    putin = kb.people["vladimir-putin"]
    assert putin.role_on(dt.date(1999, 10, 1)) is not None
    assert putin.role_on(dt.date(1999, 10, 1)).office == "head_of_government"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("surface", "sector", "country"),
    [
        ("Twitter", "BUS", "USA"),
        ("WeChat", "BUS", "CHN"),
        ("Federal Election Commission", "GOV", "USA"),
        ("NRA", "NGO", "USA"),
    ],
)
def test_organisations_have_a_sector_and_country(
    kb: KnowledgeBase, surface: str, sector: str, country: str
) -> None:
    (entry,) = kb.lookup(surface)
    assert (entry.kind, entry.sector, entry.country) == ("organisation", sector, country)


def test_bare_x_is_not_twitter(kb: KnowledgeBase) -> None:
    assert kb.lookup("X") == ()


def test_us_outlets_cited_in_political_news(kb: KnowledgeBase) -> None:
    assert [e.id for e in kb.lookup("Des Moines Register")] == ["des-moines-register"]
    assert [e.id for e in kb.lookup("Fox Business Network")] == ["fox-news"]


@pytest.mark.parametrize(
    ("title", "office"),
    [("Sen.", "legislator"), ("Gov.", "subnational_leader"), ("Lt. Gov.", "subnational_leader"), ("Sgt.", "military_officer")],
)
def test_abbreviated_titles_name_offices(kb: KnowledgeBase, title: str, office: str) -> None:
    assert kb.office_for_title(title) == office


def test_titles_that_are_common_words_are_not_offices(kb: KnowledgeBase) -> None:
    assert kb.office_for_title("speaker") is None
    assert kb.office_for_title("representative") is None
    assert kb.office_for_title("general") is None


@pytest.mark.parametrize(
    ("word", "sector", "person"),
    [
        ("supporters", "CVL", True),
        ("voters", "CVL", True),
        ("officers", "COP", True),
        ("campaign", "PTY", False),
        ("staffers", "GOV", True),
        ("crowd", "CVL", False),
        ("air campaign", "MIL", False),
    ],
)
def test_role_nouns(kb: KnowledgeBase, word: str, sector: str, person: bool) -> None:
    noun = kb.role_noun(word)
    assert noun is not None and (noun.sector, noun.person) == (sector, person)
