"""Erasure leaves no byte of the person in any file the app wrote, and deletes nothing else."""

from __future__ import annotations

import sqlite3

import pytest
from erasure_scenario import FAMILY, GIVEN, Scenario, files_with_secrets
from erasure_scenario import scenario as scenario  # the fixture
from sqlalchemy import func, select

from defence_dir.data.database import backup_sqlite, open_database
from defence_dir.data.models import ImportBatch, ImportChange, Person
from defence_dir.errors import DatabaseFailureError
from defence_dir.privacy import (
    backups_holding,
    erase_person,
    wipe_pending,
)
from defence_dir.privacy import wipe as wipe_module
from defence_dir.search.service import SearchFilters, SearchService


def _names_found(db, query: str) -> list[str]:
    service = SearchService(db.read_session)
    ids = service.all_ids(query, SearchFilters(kind="person"))
    with db.read_session() as session:
        return [f"{p.given_name} {p.family_name}" for p in session.scalars(
            select(Person).where(Person.id.in_(ids)))]


@pytest.mark.sqlite_only(reason="the SQLite file's bytes")
def test_the_scenario_leaves_her_in_the_file_before_erasure(scenario):
    # The byte search below is only worth something if it finds her while she is there.
    found = files_with_secrets(scenario.path.parent)
    assert len(found) >= len(Scenario.secrets()) - 2, found


@pytest.mark.sqlite_only(reason="the SQLite file's and WAL's bytes")
def test_erasure_leaves_no_byte_of_her_in_any_file(scenario):
    db = open_database(str(scenario.path))
    try:
        shared_before = sorted(_names_found(db, Scenario.shared()))
        result = erase_person(db, scenario.person_id)
        assert result.wiped and not result.pending and not result.backups
        # The search, typo matching included, forgets her and nobody else.
        for query in (GIVEN, "Qwirina", f"{GIVEN} Zwetschke", "Zwetschke"):
            assert not [n for n in _names_found(db, query) if GIVEN in n], query
        assert _names_found(db, FAMILY) == []
        assert sorted(_names_found(db, Scenario.shared())) == [
            n for n in shared_before if n != f"{GIVEN} {FAMILY}"]
        assert len(shared_before) > 100
        assert "Quirin" in {n.split()[0] for n in _names_found(db, "Quirin")}
        assert _names_found(db, "Mülller")  # a typo still finds the other Müllers
        assert not wipe_pending(db)
        # Files are searched while the app still has the database open ...
        assert files_with_secrets(scenario.path.parent) == []
        with db.read_session() as session:
            batches = session.scalars(select(ImportBatch.file_name)).all()
            persons = session.scalar(select(func.count()).select_from(Person))
            changes = session.scalars(select(ImportChange.table_name)).all()
    finally:
        db.close()
    # ... and after it closed it.
    assert files_with_secrets(scenario.path.parent) == []
    assert batches == ["[erased]", "[erased]"]  # both import files were named after her
    # Everybody else stays; so does the organisation her import created (not personal data).
    assert persons == 3000 + 6 and changes == ["organisation"]  # 6 seeded persons


@pytest.mark.sqlite_only(reason="SQLite's WAL readers")
def test_a_reader_keeps_the_wipe_pending_until_the_next_opening(scenario, monkeypatch):
    monkeypatch.setattr(wipe_module, "ERASE_PATIENCE_MS", 50)
    reader = sqlite3.connect(scenario.path)  # another program reading an older snapshot
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM person").fetchone()
    db = open_database(str(scenario.path))
    try:
        result = erase_person(db, scenario.person_id)
        assert result.pending and not result.wiped
        assert wipe_pending(db)
        assert files_with_secrets(scenario.path.parent)  # truthfully: still in the file
        with db.read_session() as session:  # but gone from the directory
            assert session.get(Person, scenario.person_id) is None
    finally:
        db.close()
    reader.execute("ROLLBACK")
    reader.close()
    db = open_database(str(scenario.path))  # any later start finishes the wipe
    try:
        assert not wipe_pending(db)
        assert files_with_secrets(scenario.path.parent) == []
    finally:
        db.close()
    assert files_with_secrets(scenario.path.parent) == []


@pytest.mark.sqlite_only(reason="the *.bak copies of a SQLite file")
def test_backups_that_hold_her_are_named(scenario):
    old = backup_sqlite(scenario.path)  # as the app does before a schema upgrade
    db = open_database(str(scenario.path))
    try:
        assert backups_holding(db, scenario.uid) == [old]
        result = erase_person(db, scenario.person_id)
    finally:
        db.close()
    assert result.backups == [old]
    assert [f.split(":")[0] for f in files_with_secrets(scenario.path.parent)] == [old.name] * len(
        files_with_secrets(scenario.path.parent))


@pytest.mark.sqlite_only(reason="damaged pages of a SQLite file")
def test_a_damaged_file_is_refused_and_left_unchanged(scenario):
    connection = sqlite3.connect(scenario.path)
    page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    root = connection.execute(
        "SELECT rootpage FROM sqlite_master WHERE name = 'ix_email_address_address'").fetchone()[0]
    connection.close()
    with scenario.path.open("r+b") as handle:  # scribble over an index page
        handle.seek((root - 1) * page_size + 8)
        handle.write(b"\xff" * 64)
    before = scenario.path.read_bytes()
    db = open_database(str(scenario.path))
    try:
        with pytest.raises(DatabaseFailureError, match="beschädigt"):
            erase_person(db, scenario.person_id)
    finally:
        db.close()
    assert scenario.path.read_bytes() == before


def test_on_postgres_rows_and_search_documents_go_and_the_tables_are_vacuumed(pg_url):
    from sqlalchemy import event

    from defence_dir.data.models import SearchDocument
    from defence_dir.records.persons import EmailDraft, PersonDraft, create_person

    db = open_database(pg_url)
    try:
        with db.session() as session:
            person_id = create_person(session, PersonDraft(
                given_name="Quirina", family_name="Zwetschke-Müller",
                emails=[EmailDraft("quirina.zwetschke@obstbau-zwetschke.de")])).id
            other = create_person(session, PersonDraft(given_name="Hans",
                                                       family_name="Müller")).id
        statements: list[str] = []
        event.listen(db.engine, "before_cursor_execute",
                     lambda _c, _cur, statement, *_a: statements.append(statement))
        result = erase_person(db, person_id)
        assert result.server and not result.wiped and not result.pending
        with db.read_session() as session:
            assert session.get(Person, person_id) is None
            documents = session.scalars(select(SearchDocument.entity_id).where(
                SearchDocument.kind == "person", SearchDocument.names.contains("muller"))).all()
            assert documents == [other]
            assert session.scalar(select(func.count()).select_from(SearchDocument).where(
                SearchDocument.names.contains("quirina"))) == 0
        (vacuum,) = [s for s in statements if s.startswith("VACUUM")]
        assert {"person", "email_address", "search_document", "import_change"} <= set(
            vacuum.removeprefix("VACUUM ").split(", "))
        assert _names_found(db, "Müller") == ["Hans Müller"]
    finally:
        db.close()


# --- what an erasure must leave alone, and the consent sources it must not forget ----------

def _import_csv(db_url, folder, name: str, lines: list[str], *extra: str) -> None:
    from defence_dir.cli import main

    path = folder / name
    path.write_text("Vorname;Nachname;E-Mail;Funktion\n" + "\n".join(lines) + "\n",
                    encoding="utf-8")
    assert main(["--db", db_url, "import", str(path), *extra]) == 0


def _person_id(db, email: str) -> int:
    from defence_dir.data.models import EmailAddress

    with db.read_session() as session:
        return session.scalar(select(EmailAddress.person_id)
                              .where(EmailAddress.address == email))


def test_consent_sources_that_name_her_file_are_redacted(db, db_url, tmp_path):
    """Colleagues subscribed from "Anmeldung Zerlina Quastenberg.csv" keep their consent,
    but its source no longer names her file."""
    from defence_dir.data.models import ConsentRecord, ListMembership

    _import_csv(db_url, tmp_path, "Anmeldung Zerlina Quastenberg.csv",
                ["Zerlina;Quastenberg;zq@example.de;", "Hanna;Berg;hanna@example.de;"],
                "--list", "Defense-Verteiler")
    erase_person(db, _person_id(db, "zq@example.de"))
    with db.read_session() as session:
        sources = [*session.scalars(select(ListMembership.consent_source)),
                   *session.scalars(select(ConsentRecord.source))]
        assert not [s for s in sources if s and "Quastenberg" in s]
        assert any(s and s.startswith("[erased]") for s in sources)  # Hanna's, kept
        assert session.scalar(select(func.count()).select_from(ListMembership).where(
            ListMembership.person_id == _person_id(db, "hanna@example.de"))) == 1


def test_records_quoting_a_similar_address_stay_undoable(db, db_url, tmp_path):
    """Erasing anna@… must not take the import record of hanna@…: only a whole value counts."""
    _import_csv(db_url, tmp_path, "kontakte.csv",
                ["Anna;Kurz;anna@example.de;", "Hanna;Lang;hanna@example.de;"])
    _import_csv(db_url, tmp_path, "nachtrag.csv", ["Hanna;Lang;hanna@example.de;Leiterin"])
    with db.read_session() as session:
        update_batch = session.scalar(select(ImportBatch.id).where(
            ImportBatch.file_name == "nachtrag.csv"))
        before = session.scalar(select(func.count()).select_from(ImportChange).where(
            ImportChange.batch_id == update_batch))
    assert before == 1  # Hanna's update, its before-image quoting hanna@example.de
    erase_person(db, _person_id(db, "anna@example.de"))
    with db.read_session() as session:
        assert session.scalar(select(func.count()).select_from(ImportChange).where(
            ImportChange.batch_id == update_batch)) == before


def test_import_names_sharing_one_word_with_her_are_kept(db, db_url, tmp_path):
    """Erasing Jan Meyer renames the file that brought him, not "Messe-Kontakte Jan 2026"
    nor another import's "Meyer Werkzeugbau"."""
    _import_csv(db_url, tmp_path, "Messe-Kontakte Jan 2026.csv",
                ["Eva;Ertl;eva@example.de;"])
    _import_csv(db_url, tmp_path, "Meyer Werkzeugbau.csv", ["Kai;Roth;kai@example.de;"])
    _import_csv(db_url, tmp_path, "Nachtrag Meyer.csv", ["Jan;Meyer;jan@example.de;"])
    erase_person(db, _person_id(db, "jan@example.de"))
    with db.read_session() as session:
        names = sorted(session.scalars(select(ImportBatch.file_name)))
    assert names == ["Messe-Kontakte Jan 2026.csv", "Meyer Werkzeugbau.csv", "[erased]"]
