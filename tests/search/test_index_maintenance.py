"""The index is right after every create, update and delete, and after bulk writes."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import insert, select

from defence_dir.data.models import (
    EmailAddress,
    Network,
    Organisation,
    Person,
    PhoneNumber,
    SearchDocument,
    Topic,
)
from defence_dir.records.persons import (
    EmailDraft,
    PersonDraft,
    PhoneDraft,
    create_person,
    delete_person,
    draft_of,
    update_person,
)
from defence_dir.search import new_persons
from defence_dir.search.documents import person_rows
from defence_dir.search.indexer import reindex_all, reindex_persons
from defence_dir.search.new_persons import NewName, indexing_new_persons


def _documents(db) -> dict[tuple[str, int], dict]:
    with db.read_session() as session:
        rows = session.scalars(select(SearchDocument)).all()
        return {(r.kind, r.entity_id): {c: getattr(r, c) for c in
                                         ("sort_key", "names", "phonetic", "organisation",
                                          "networks", "function", "topics", "city", "email",
                                          "phone", "notes")} for r in rows}


def _order(db) -> list[tuple[str, int]]:
    with db.read_session() as session:
        return [(r.kind, r.entity_id) for r in session.execute(
            select(SearchDocument.kind, SearchDocument.entity_id).order_by(SearchDocument.id))]


def index_new_persons(session, ids) -> None:
    """Documents for persons just written in bulk, which have none yet, as an import makes
    them: announced with their names, then said written a batch at a time."""
    names: list[NewName] = [tuple(row) for row in session.execute(
        select(Person.id, Person.given_name, Person.middle_name, Person.family_name)
        .where(Person.id.in_(ids)).order_by(Person.id))]
    with indexing_new_persons(session, names) as index:
        batch = new_persons.BATCH  # small with workers_for_any_size: several in flight
        for start in range(0, len(names), batch):
            chunk = [row[0] for row in names[start:start + batch]]
            index.written(chunk, person_rows(session, ids=chunk))


def assert_same_as_full_rebuild(db) -> None:
    """Incremental maintenance leaves exactly what a rebuild from scratch would."""
    incremental, order = _documents(db), _order(db)
    with db.session() as session:
        reindex_all(session)
    assert _documents(db) == incremental
    assert _order(db) == order


def test_create_update_delete_person(db, search, find):
    with db.session() as session:
        person = create_person(session, PersonDraft(
            given_name="Zoë", family_name="Ærø-Łukasiewicz", function="Einkäuferin",
            emails=[EmailDraft("zoe@example.org")], phones=[PhoneDraft("0170 1234567")]))
        person_id = person.id
    assert find("zoe") == ["Zoë Ærø-Łukasiewicz"]
    assert find("lukasiewicz einkauf") == ["Zoë Ærø-Łukasiewicz"]
    assert find("1701234") == ["Zoë Ærø-Łukasiewicz"]
    with db.session() as session:
        person = session.get(Person, person_id)
        draft = draft_of(person)
        draft.family_name = "Aaberg"
        draft.phones = [PhoneDraft("0211 999888")]
        update_person(session, person_id, draft, expected_version=person.version)
    assert find("lukasiewicz") == []
    assert find("1701234") == []
    assert find("aaberg 999888") == ["Zoë Aaberg"]
    assert find("", kind="person")[0] == "Zoë Aaberg"  # moved to its alphabetical place
    assert_same_as_full_rebuild(db)
    with db.session() as session:
        delete_person(session, person_id)
    assert find("aaberg") == []
    assert_same_as_full_rebuild(db)


def test_renaming_an_organisation_network_or_topic_reaches_their_persons(db, search, find):
    with db.session() as session:
        org = session.scalar(select(Organisation).where(Organisation.name == "Rheinmetall"))
        create_person(session, PersonDraft(given_name="Ida", family_name="Kurz",
                                           organisation_id=org.id))
    assert "Ida Kurz" in find("rheinmetall")
    with db.session() as session:
        session.scalar(select(Organisation).where(Organisation.name == "Rheinmetall")).name = \
            "Rheinmetall AG Düsseldorf"
        session.scalar(select(Network).where(Network.name == "ZENIT GmbH")).name = "ZENIT e.V."
        session.scalar(select(Topic).where(Topic.name == "Luftfahrt")).name = "Aviatik"
    assert "Ida Kurz" in find("dusseldorf")
    assert "Jürgen Schnitzmeier" in find("zenit e.V.")
    assert "Dirk Kalinowski" in find("aviatik")
    assert_same_as_full_rebuild(db)


def test_deleting_a_topic_or_organisation_updates_the_linked_records(db, search, find):
    with db.session() as session:
        org = session.scalar(select(Organisation).where(Organisation.name == "KNDS"))
        create_person(session, PersonDraft(given_name="Uwe", family_name="Lang",
                                           organisation_id=org.id))
    assert find("knds") == ["KNDS", "Uwe Lang"]
    with db.session() as session:
        session.delete(session.scalar(select(Organisation).where(Organisation.name == "KNDS")))
        session.delete(session.scalar(select(Topic).where(Topic.name == "Photonik")))
    assert find("knds") == []
    # NMWP.NRW's description still names Photonik; the topic itself is gone.
    assert "topic" not in {hit.matched_field for hit in search.search("photonik").hits}
    assert_same_as_full_rebuild(db)


def test_bulk_insert_then_reindex_persons(db, search, find):
    with db.session() as session:
        result = session.execute(insert(Person).returning(Person.id), [
            {"given_name": f"Massen{i}", "family_name": "Import", "uid": f"bulk-{i}",
             "version": 1} for i in range(30)])
        ids = list(result.scalars())
        reindex_persons(session, ids)
    assert len(search.search("import massen", limit=100).hits) == 30
    assert_same_as_full_rebuild(db)


def test_rolled_back_changes_leave_the_index_alone(db, find):
    before = _documents(db)
    try:
        with db.session() as session:
            create_person(session, PersonDraft(given_name="Temp", family_name="Orary"))
            raise RuntimeError("cancelled")
    except RuntimeError:
        pass
    assert _documents(db) == before
    assert find("orary") == []


def test_documents_built_in_worker_processes_equal_those_built_in_process(db):
    from defence_dir.search.documents import person_documents
    from defence_dir.search.parallel_documents import documents_of_rows_in_workers

    with db.read_session() as session:
        ids = sorted(session.scalars(select(Person.id)))
        local = person_documents(session, id_range=(ids[0], ids[-1]))
        parallel = [d for batch in documents_of_rows_in_workers(
            (person_rows(session, id_range=r) for r in [(ids[0], ids[2]), (ids[3], ids[-1])]),
            2) for d in batch]
    assert parallel == local


@pytest.fixture
def workers_for_any_size(monkeypatch):
    """Documents built in two worker processes, in small batches, whatever the count."""
    from defence_dir.search import indexer, new_persons, parallel_documents

    monkeypatch.setattr(parallel_documents, "worker_count", lambda persons: 2)
    monkeypatch.setattr(indexer, "BATCH", 240)
    monkeypatch.setattr(new_persons, "BATCH", 40)


def test_a_rebuild_in_workers_inside_an_import_sees_the_imports_persons(
        db, search, workers_for_any_size):
    """Renumbering inside an import rebuilds the index before the import commits: the
    documents of its new persons come from this transaction, not from the file."""
    with db.session() as session:
        session.execute(insert(Person), [
            {"given_name": f"Ungespeichert{i}", "family_name": "Zorn", "uid": f"u-{i}",
             "version": 1} for i in range(30)])
        reindex_all(session)
    assert search.search("ungespeichert", limit=1).total == 30
    assert_same_as_full_rebuild(db)


def test_many_new_persons_are_placed_in_one_pass(db, search, find):
    from defence_dir.search.indexer import BULK_PLACEMENT

    count = BULK_PLACEMENT + 100
    with db.session() as session:
        result = session.execute(insert(Person).returning(Person.id), [
            {"given_name": f"Gruppe{i}", "family_name": ["Adler", "Mayer", "Zorn"][i % 3],
             "uid": f"bulk-{i}", "version": 1} for i in range(count)])
        reindex_persons(session, list(result.scalars()))
    assert search.search("gruppe", limit=1).total == count
    assert_same_as_full_rebuild(db)


@pytest.mark.parametrize("in_workers", [False, True], ids=["in-process", "in-workers"])
def test_new_persons_of_an_import_are_indexed_like_a_full_rebuild(db, search, request,
                                                                  in_workers):
    from defence_dir.search.indexer import BULK_PLACEMENT

    if in_workers:  # a large import's documents are built in other processes, in batches
        request.getfixturevalue("workers_for_any_size")
    count = BULK_PLACEMENT + 150
    with db.session() as session:
        ids = list(session.execute(insert(Person).returning(Person.id), [
            {"given_name": f"Neu{i}", "family_name": ["Adler", "Mayer", "Zorn", None][i % 4],
             "uid": f"new-{i}", "version": 1} for i in range(count)]).scalars())
        session.execute(insert(EmailAddress), [
            {"person_id": pid, "address": f"neu{i}@firma-{i % 7}.example", "kind": "work",
             "position": 0} for i, pid in enumerate(ids)])
        session.execute(insert(PhoneNumber), [
            {"person_id": pid, "raw": f"0211 555{i:04d}", "e164": f"+49211555{i:04d}",
             "kind": "work", "position": 0} for i, pid in enumerate(ids) if i % 2])
        index_new_persons(session, ids)
    assert search.search("neu", limit=1).total == count
    assert search.search("firma-3", limit=1).total == len(range(3, count, 7))
    assert search.search("0211 5550011", limit=1).total == 1
    assert_same_as_full_rebuild(db)


@pytest.mark.parametrize("in_workers", [False, True], ids=["in-process", "in-workers"])
def test_persons_an_import_writes_are_indexed_as_they_are_written(
        db, search, request, monkeypatch, in_workers):
    """An import announces its new persons, then writes them a batch at a time; each batch's
    documents are built (in workers, two batches in flight) while the next is written."""
    from defence_dir.imports import writing
    from defence_dir.search.indexer import BULK_PLACEMENT
    from defence_dir.vcard.importer import apply_import, plan_import

    if in_workers:
        request.getfixturevalue("workers_for_any_size")
    monkeypatch.setattr(writing, "CHUNK", 45)
    with db.session() as session:  # a known organisation with an address
        known = session.scalars(select(Organisation).order_by(Organisation.id)).first()
        known.city, known.postal_code = "Mülheim an der Ruhr", "45468"
        known_name = known.name
    count = BULK_PLACEMENT + 150
    organisations = [known_name, "Neue Firma GmbH", None]
    categories = ["Photonik,Cybersicherheit", "Raumfahrt", None, "Unbekanntes Thema"]
    cards = []
    for i in range(count):
        lines = [f"N:{['Adler', 'Zorn', 'Özdemir'][i % 3]};Karte{i};;Dr.;",
                 f"EMAIL:karte{i}@firma-{i % 7}.example", f"TEL;TYPE=WORK:0211 555{i:04d}"]
        if i % 2:
            lines += [f"EMAIL;TYPE=HOME:privat{i}@mail.example", f"TEL;TYPE=CELL:+49 171 {i:07d}",
                      "NOTE:Kontakt über Messe"]
        if organisations[i % 3]:
            lines.append(f"ORG:{organisations[i % 3]};Abteilung {i % 5}")
        if categories[i % 4]:
            lines.append(f"CATEGORIES:{categories[i % 4]}")
        cards.append("BEGIN:VCARD\r\nVERSION:3.0\r\n" + "\r\n".join(lines)
                     + "\r\nEND:VCARD\r\n")
    with db.session() as session:
        apply_import(session, plan_import(session, "".join(cards).encode(), "karten.vcf"))
    assert search.search("karte", limit=1).total == count
    assert search.search("privat111", limit=1).total == 1
    assert search.search("0211 5550011", limit=1).total == 1
    assert search.search("mülheim karte", limit=1).total == len(range(0, count, 3))
    # Documents built from what was written are those a rebuild reads back.
    assert_same_as_full_rebuild(db)


def _fts_or_skip(session) -> None:
    from defence_dir.search.indexer import has_fts

    if not has_fts(session):
        pytest.skip("no FTS5 here")


def _assert_fts_matches_documents(db) -> None:
    """FTS5's own check of both tables against their content table (raises on a mismatch)."""
    from sqlalchemy import text

    with db.read_session() as session:
        for table in ("search_fts", "search_phone"):
            session.execute(text(f"INSERT INTO {table}({table}, rank) "
                                 "VALUES ('integrity-check', 1)"))


@pytest.mark.sqlite_only(reason="FTS5's tables and triggers")
def test_every_kind_of_change_in_a_bulk_write_reaches_the_fts_tables(db, search, find):
    """New, changed, moved and deleted documents, also one made and changed or made and
    deleted within the same bulk write: FTS5 must end as a full rebuild would make it."""
    from sqlalchemy import delete, text

    from defence_dir.search.indexer import bulk_writes

    with db.session() as session:
        _fts_or_skip(session)
        existing = session.scalars(select(Person).order_by(Person.id).limit(3)).all()
        with bulk_writes(session, 2):
            ids = session.execute(insert(Person).returning(Person.id), [
                {"given_name": f"Quirin{i}", "family_name": "Quast", "uid": f"q{i}",
                 "version": 1} for i in range(3)]).scalars().all()
            index_new_persons(session, list(ids))
            made_and_changed = session.get(Person, ids[0])
            made_and_changed.function = "Leiter Radartechnik"  # same place: updated in place
            made_and_moved = session.get(Person, ids[1])
            made_and_moved.family_name = "Zebulon"  # another place: deleted and inserted
            session.execute(delete(Person).where(Person.id == ids[2]))
            existing[0].function = "Sonarexpertin"
            existing[1].family_name = "Aaberg"
            session.delete(existing[2])
            session.flush()
            reindex_persons(session, [*ids, *(person.id for person in existing)])
            # Meanwhile FTS5 does not know the new words; the documents wait in a note.
            assert session.execute(text("SELECT count(*) FROM search_fts "
                                        "WHERE search_fts MATCH 'quast'")).scalar() == 0
            assert session.execute(text("SELECT count(*) FROM search_fts_pending")).scalar()
        assert session.execute(text("SELECT count(*) FROM search_fts_pending")).scalar() == 0
        assert session.execute(text("SELECT count(*) FROM search_state "
                                    "WHERE key = 'deferred'")).scalar() == 0
    assert find("quast") == ["Quirin0 Quast"]
    assert find("radartechnik") == ["Quirin0 Quast"]
    assert find("zebulon") == ["Quirin1 Zebulon"]
    assert find("quirin2") == []
    assert search.search("sonarexpertin", limit=5).total == 1
    assert search.search("aaberg", limit=5).total == 1
    _assert_fts_matches_documents(db)
    assert_same_as_full_rebuild(db)


@pytest.mark.sqlite_only(reason="FTS5's tables")
def test_a_large_bulk_write_indexes_its_documents_once_at_the_end(db, search, find):
    from sqlalchemy import text

    from defence_dir.search.indexer import bulk_writes

    with db.session() as session:
        _fts_or_skip(session)
        with bulk_writes(session, 10_000):
            ids = session.execute(insert(Person).returning(Person.id), [
                {"given_name": f"Quirin{i}", "family_name": "Quast", "uid": f"q{i}",
                 "version": 1} for i in range(300)]).scalars().all()
            index_new_persons(session, list(ids))
            renamed = session.scalars(select(Person).where(
                Person.family_name == "Cremer")).one()
            renamed.family_name = "Kramer-Neu"
            session.flush()
            reindex_persons(session, [renamed.id])
            # The triggers only note them meanwhile: FTS5 does not know the new words yet.
            assert session.execute(text("SELECT count(*) FROM search_fts "
                                        "WHERE search_fts MATCH 'quast'")).scalar() == 0
        assert session.execute(text("SELECT count(*) FROM search_state "
                                    "WHERE key IN ('bulk', 'deferred')")).scalar() == 0
    assert search.search("quast", limit=1).total == 300
    assert find("kramer neu") == ["Dr.-Ing. Harald Kramer-Neu"]
    _assert_fts_matches_documents(db)
    assert_same_as_full_rebuild(db)


@pytest.mark.sqlite_only(reason="FTS5's tables and triggers")
def test_a_failed_large_bulk_write_leaves_index_and_triggers_as_before(db, find):
    from defence_dir.search.indexer import bulk_writes

    with pytest.raises(RuntimeError), db.session() as session:
        _fts_or_skip(session)
        with bulk_writes(session, 10_000):
            person_id = session.execute(insert(Person).returning(Person.id), [
                {"given_name": "Quirin", "family_name": "Quast", "uid": "q", "version": 1}
            ]).scalar_one()
            index_new_persons(session, [person_id])
            raise RuntimeError("cancelled")
    # Later writes go through the triggers again.
    with db.session() as session:
        create_person(session, PersonDraft(given_name="Ida", family_name="Ilg"))
    assert find("quast") == []
    assert find("ilg") == ["Ida Ilg"]
    _assert_fts_matches_documents(db)


@given(st.lists(st.text(alphabet="abcxyz\x1f0", max_size=6), min_size=1, max_size=40,
                unique=True))
@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_new_places_keep_the_alphabetical_order_of_the_ids(db, keys):
    """Documents are read in id order as alphabetical order: whatever keys come in, each
    gets an id between its neighbours', or None when a gap is too small to share."""
    from defence_dir.search.indexer import positions_in_bulk

    with db.read_session() as session:
        existing = session.execute(select(SearchDocument.sort_key, SearchDocument.id)).all()
        new = [k for k in keys if k not in {key for key, _id in existing}]
        positions = positions_in_bulk(session, new)
    assert positions is not None  # GAP leaves room for this many
    merged = sorted([*existing, *positions.items()])
    ids = [doc_id for _key, doc_id in merged]
    assert ids == sorted(ids) and len(set(ids)) == len(ids)
    assert set(positions) == set(new)


def test_a_gap_too_small_asks_for_renumbering(db):
    from defence_dir.search.indexer import positions_in_bulk

    with db.session() as session:
        first, second = session.execute(select(SearchDocument.sort_key, SearchDocument.id)
                                        .order_by(SearchDocument.sort_key).limit(2)).all()
        session.execute(SearchDocument.__table__.update().where(
            SearchDocument.id == second.id).values(id=first.id + 1))
        assert positions_in_bulk(session, [first.sort_key + "\x00"]) is None
        session.rollback()


def test_an_index_built_before_composed_folding_is_rebuilt_at_open(db_url):
    """A name stored decomposed by an older version was indexed as two words; the first open
    with today's folding rebuilds the index, so the name is found as typed."""
    from sqlalchemy import text

    from defence_dir.data.database import open_database
    from defence_dir.search.query import Rank
    from defence_dir.search.service import SearchService

    old = open_database(db_url)
    with old.session() as session:
        person = create_person(session, PersonDraft(given_name="Jana", family_name="Krüger"))
    with old.session() as session:
        # As an older version stored it: decomposed, and indexed as "kru" + "ger".
        session.execute(text("UPDATE person SET family_name = :name WHERE id = :id"),
                        {"name": "Kru\u0308ger", "id": person.id})
        session.execute(text("UPDATE search_document SET names = 'jana kru ger' "
                             "WHERE kind = 'person' AND entity_id = :id"), {"id": person.id})
        session.execute(text("UPDATE search_state SET value = '1' WHERE key = 'built'"))
    assert [h.rank for h in SearchService(old.read_session).search("krüger").hits] != [
        Rank.EXACT_NAME]  # the stale index, as an older version left it
    old.close()

    reopened = open_database(db_url)
    try:
        hits = SearchService(reopened.read_session).search("krüger").hits
        # As the exact name, not only as a similar-sounding one.
        assert [(h.id, h.rank) for h in hits if h.kind == "person"] == [
            (person.id, Rank.EXACT_NAME)]
    finally:
        reopened.close()


@pytest.mark.parametrize("stored,after", [("1", "2"), ("3", "3")])
def test_an_index_without_decomposed_text_is_not_rebuilt_at_open(db_url, stored, after):
    """Format 1 differs from today's only for decomposed text: without any, the first start
    of a new version only notes the format (no rebuild of 100,000 documents), and a newer
    version's index is left to it."""
    from sqlalchemy import text

    from defence_dir.data.database import open_database

    old = open_database(db_url)
    with old.session() as session:
        session.execute(text("UPDATE search_document SET function = 'marker' "
                             "WHERE kind = 'person'"))
        session.execute(text("UPDATE search_state SET value = :v WHERE key = 'built'"),
                        {"v": stored})
    old.close()
    reopened = open_database(db_url)
    try:
        with reopened.read_session() as session:
            assert set(session.scalars(text(
                "SELECT function FROM search_document WHERE kind = 'person'"))) == {"marker"}
            assert session.scalar(text(
                "SELECT value FROM search_state WHERE key = 'built'")) == after
    finally:
        reopened.close()


def test_short_name_prefixes_follow_renames_and_deletions(db, find):
    """One to three letters find a name through PostgreSQL's prefix table (and FTS5's prefix
    index): a rename moves the person to the new letters, a deletion takes them away."""
    with db.session() as session:
        person = create_person(session, PersonDraft(given_name="Xaver", family_name="Xylander"))
        person_id = person.id
    assert "Xaver Xylander" in find("xy")
    with db.session() as session:
        session.get(Person, person_id).family_name = "Quobbe"
    assert "Xaver Quobbe" in find("quo")
    assert "Xaver Xylander" not in find("xy") and "Xaver Quobbe" not in find("xy")
    with db.session() as session:
        session.delete(session.get(Person, person_id))
    assert "Xaver Quobbe" not in find("quo") and "Xaver Quobbe" not in find("x")


@pytest.mark.sqlite_only(reason="FTS5's tables")
def test_a_bulk_write_removing_most_documents_rebuilds_fts_once(db, find):
    """An undo of a large import removes documents by the many: the FTS tables are rebuilt
    once at the end, and end as a full rebuild would make them."""
    from sqlalchemy import delete, text

    from defence_dir.search.indexer import bulk_writes

    with db.session() as session:
        _fts_or_skip(session)
        ids = session.execute(insert(Person).returning(Person.id), [
            {"given_name": f"Quirin{i}", "family_name": "Quast", "uid": f"q{i}",
             "version": 1} for i in range(300)]).scalars().all()
        index_new_persons(session, list(ids))
    with db.session() as session:
        with bulk_writes(session, len(ids), removing=True):
            session.execute(delete(Person).where(Person.id.in_(ids[1:])))
            reindex_persons(session, list(ids))
            assert session.execute(text("SELECT count(*) FROM search_state "
                                        "WHERE key = 'bulk'")).scalar() == 1
        assert session.execute(text("SELECT count(*) FROM search_state "
                                    "WHERE key IN ('bulk', 'deferred')")).scalar() == 0
    assert find("quast") == ["Quirin0 Quast"]
    _assert_fts_matches_documents(db)
    assert_same_as_full_rebuild(db)
