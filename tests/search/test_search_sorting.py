"""Sorting all hits by a column: German order ("Ä" with "A"), empty fields last, every page."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from defence_dir.data.database import Database, open_database
from defence_dir.records.organisations import OrganisationDraft, create_organisation
from defence_dir.records.persons import EmailDraft, PersonDraft, create_person
from defence_dir.search.query import Rank
from defence_dir.search.service import SearchFilters, SearchService
from defence_dir.search.sorting import SearchOrder, SortKey
from defence_dir.text.folding import words

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"
PERSONS = SearchFilters(kind="person")


@pytest.fixture
def staff(db: Database) -> None:
    """Five "Zander"s at organisations whose names start with an umlaut or not, one without."""
    with db.session() as session:
        for given, organisation, email in (
                ("Anna", "Zeppelin Werke", "anna@zeppelin.de"),
                ("Bernd", "Ärztekammer Nordrhein", "b.zander@aekno.de"),
                ("Carla", "Bosch Sicherheitssysteme", None),
                ("Dieter", "Apfel & Söhne", "dieter@apfel.de"),
                ("Erik", None, "erik@öko.de")):
            org_id = create_organisation(session, OrganisationDraft(name=organisation)).id \
                if organisation else None
            emails = [EmailDraft(email)] if email else []
            create_person(session, PersonDraft(given_name=given, family_name="Zander",
                                               organisation_id=org_id, emails=emails))


def given_names(service: SearchService, query: str, order: SearchOrder | None) -> list[str]:
    from defence_dir.data.models import Person

    hits = service.search(query, PERSONS, order=order).hits
    with service._session_factory() as session:
        return [session.get(Person, hit.id).given_name for hit in hits]


def test_organisation_order_puts_umlauts_with_their_letter_and_empty_last(search, staff):
    ascending = given_names(search, "zander", SearchOrder(SortKey.ORGANISATION))
    assert ascending == ["Dieter", "Bernd", "Carla", "Anna", "Erik"]
    descending = given_names(search, "zander", SearchOrder(SortKey.ORGANISATION, True))
    assert descending == ["Anna", "Carla", "Bernd", "Dieter", "Erik"]


def test_email_and_name_order(search, staff):
    assert given_names(search, "zander", SearchOrder(SortKey.EMAIL)) == [
        "Anna", "Bernd", "Dieter", "Erik", "Carla"]
    assert given_names(search, "zander", SearchOrder(SortKey.NAME)) == [
        "Anna", "Bernd", "Carla", "Dieter", "Erik"]
    assert given_names(search, "zander", SearchOrder(SortKey.NAME, True)) == [
        "Erik", "Dieter", "Carla", "Bernd", "Anna"]


def test_sorted_hits_keep_where_they_matched(search, staff):
    hits = search.search("Kremer", order=SearchOrder(SortKey.CITY)).hits
    assert [(h.rank, h.matched_field) for h in hits] == [(Rank.SIMILAR_NAME, "similar_name")]
    by_org = search.search("ärztekammer", PERSONS, order=SearchOrder(SortKey.NAME)).hits
    assert [h.matched_field for h in by_org] == ["organisation"]


def test_sorting_gives_the_same_hits_as_ranking(search, staff):
    for query in ("", "z", "dr", "aerospace", "0211", "müller anna"):
        ranked = search.search(query, limit=500)
        ordered = search.search(query, limit=500, order=SearchOrder(SortKey.FUNCTION))
        assert sorted(h.id for h in ordered.hits) == sorted(h.id for h in ranked.hits)
        assert (ordered.total, ordered.total_is_exact) == (ranked.total, ranked.total_is_exact)
        assert search.all_ids(query, order=SearchOrder(SortKey.FUNCTION)) == [
            h.id for h in ordered.hits]


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    """1,500 generated persons (the benchmark's generator): more hits than a page or a count."""
    sys.path.insert(0, str(BENCHMARKS))
    try:
        from synthetic_directory import generate
    finally:
        sys.path.remove(str(BENCHMARKS))
    path = tmp_path_factory.mktemp("sorting") / "directory.sqlite3"
    generate(path, 1_500)
    open_database(str(path)).close()  # builds the index once
    return path


@pytest.mark.parametrize("key", list(SortKey))
@pytest.mark.parametrize("descending", [False, True])
def test_every_page_continues_the_order_past_a_thousand_hits(generated, key, descending):
    from sqlalchemy import select

    from defence_dir.data.models import Organisation, Person
    from defence_dir.records.directory import person_rows

    database = open_database(str(generated))
    try:
        service = SearchService(database.read_session)
        order = SearchOrder(key, descending)
        pages = [service.search("", PERSONS, limit=200, offset=offset, order=order, count=False)
                 for offset in range(0, 1_600, 200)]
        ids = [hit.id for page in pages for hit in page.hits]
        assert len(ids) == len(set(ids)) == len(service.all_ids("", PERSONS)) >= 1_500
        assert ids == service.all_ids("", PERSONS, order=order)
        with database.read_session() as session:
            rows = {row.id: row for row in person_rows(session, ids)}
            cities = dict(session.execute(
                select(Person.id, Organisation.city + " " + Organisation.postal_code)
                .join(Organisation, Person.organisation_id == Organisation.id)).all())
        column = {SortKey.NAME: "display_name", SortKey.NETWORK: "networks"}.get(key, key)
        values = [" ".join(words(cities.get(i) if key == SortKey.CITY
                                 else getattr(rows[i], column))) for i in ids]
        filled = [v for v in values if v]
        if key == SortKey.FUNCTION:  # department and network roles follow it, as searched
            filled = [v.split()[0] for v in filled]
        else:
            assert values == filled + [""] * (len(values) - len(filled))  # empty fields last
        if key != SortKey.NAME:  # names sort family name first, not as displayed
            assert filled == sorted(filled, reverse=descending)
            assert len(set(filled)) > 5
    finally:
        database.close()
