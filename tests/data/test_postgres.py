"""The same database code on PostgreSQL, as a team sharing one server would run it."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text

from defence_dir.cli import main
from defence_dir.data.database import open_database
from defence_dir.errors import NewerSchemaError, NotADatabaseError
from defence_dir.privacy import erase_person
from defence_dir.records import directory
from defence_dir.records.persons import ConcurrentEditError, draft_of, get_person, update_person


def test_new_postgres_database_is_migrated_and_seeded(pg_url):
    db = open_database(pg_url)
    try:
        assert db.created and db.path is None
        with db.session() as session:
            assert directory.counts(session)["networks"] == 6
            names = [p["display_name"] for p in directory.list_records(session, "persons")]
        assert "Dr.-Ing. Harald Cremer" in names
    finally:
        db.close()
    again = open_database(pg_url)
    assert not again.created
    again.close()


def test_constraints_hold_on_postgres(pg_url):
    from sqlalchemy.exc import IntegrityError

    db = open_database(pg_url)
    try:
        with pytest.raises(IntegrityError), db.engine.begin() as connection:
            connection.execute(text("INSERT INTO organisation (name, kind) VALUES ('X', 'bad')"))
    finally:
        db.close()


def test_version_guard_on_postgres(pg_url):
    db = open_database(pg_url)
    try:
        with db.session() as session:
            person = get_person(session, 1)
            draft, version = draft_of(person), person.version
        draft.function = "Clusterleiter"
        with db.session() as session:
            update_person(session, 1, draft, version)
        with pytest.raises(ConcurrentEditError), db.session() as session:
            update_person(session, 1, draft, version)
    finally:
        db.close()


def test_erasure_on_postgres_deletes_but_cannot_wipe_pages(pg_url):
    db = open_database(pg_url)
    try:
        result = erase_person(db, 2)
        assert not result.wiped
        with db.session() as session:
            assert "Grosch" not in [p["family_name"]
                                    for p in directory.list_records(session, "persons")]
    finally:
        db.close()


def test_newer_schema_and_foreign_data_are_refused(pg_url):
    open_database(pg_url).close()
    engine = create_engine(pg_url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = 'ffff_future'"))
    with pytest.raises(NewerSchemaError):
        open_database(pg_url)
    with engine.begin() as connection:
        connection.execute(text("DROP TABLE alembic_version"))
    with pytest.raises(NotADatabaseError):
        open_database(pg_url)
    engine.dispose()


def test_cli_on_postgres(pg_url, capsys):
    assert main(["--db", pg_url, "info", "--json"]) == 0
    assert '"backend": "postgresql"' in capsys.readouterr().out


@pytest.mark.sqlite_only(reason="db is the SQLite side of the comparison")
def test_search_on_postgresql_answers_like_sqlite(pg_url, db):
    """The portable query path on a real server finds what FTS5 finds in the SQLite file."""
    from defence_dir.search.service import SearchService

    server = open_database(pg_url)
    try:
        for query in ("juergen", "kremer", "38545917", "grosch@", "rheinm", "aerospace", "",
                      "NEAR(", "' OR 1=1 --"):
            on_server = SearchService(server.read_session).search(query)
            in_file = SearchService(db.read_session).search(query)
            assert [(h.kind, h.rank, h.matched_field) for h in on_server.hits] == \
                [(h.kind, h.rank, h.matched_field) for h in in_file.hits], query
            assert on_server.total == in_file.total
        from defence_dir.records.persons import PersonDraft, create_person

        with server.session() as session:
            create_person(session, PersonDraft(given_name="Jörg", family_name="Ölmann"))
        assert SearchService(server.read_session).search("joerg oelmann").total == 1
    finally:
        server.close()


def test_spreadsheet_import_and_undo_on_postgres(pg_url, tmp_path, capsys, attendee_xlsx):
    """Bulk inserts, version-checked bulk updates and bulk index placement on the server
    give the same result as in the SQLite file; undo takes it all back."""
    import json

    lines = ["Vorname;Nachname;Firma;E-Mail;Telefon"]
    lines += [f"Anna{i};Neumann{i};Firma {i % 7};anna{i}@neu.example;0211 5550{i:03d}"
              for i in range(300)]
    lines.append("Harald;Cremer;NMWP.NRW;harald.cremer@nmwp.de;0211 7654321")  # match, new phone
    many = tmp_path / "viele.csv"
    many.write_text("\n".join(lines) + "\n", encoding="utf-8")
    results = {}
    sqlite_file = str(tmp_path / "directory.sqlite3")
    for url in (pg_url, sqlite_file):
        found = []
        for path in (attendee_xlsx, many):
            assert main(["--db", url, "import", str(path), "--json"]) == 0
            found.append(json.loads(capsys.readouterr().out))
        assert main(["--db", url, "search", "neumann299", "--json"]) == 0
        hits = json.loads(capsys.readouterr().out)
        results[url] = ([{k: r[k] for k in ("created", "updated", "unchanged", "invalid")}
                         for r in found], len(hits))
        assert main(["--db", url, "undo-import", str(found[1]["batch_id"])]) == 0
        capsys.readouterr()
        assert main(["--db", url, "search", "neumann299", "--json"]) == 0
        assert json.loads(capsys.readouterr().out) == []
    assert results[pg_url] == results[sqlite_file]
    assert (results[pg_url][0][1]["created"], results[pg_url][0][1]["updated"]) == (300, 1)
    assert results[pg_url][1] == 1


def test_an_undo_locks_what_it_checked_until_it_commits_on_postgres(pg_url, german_csv,
                                                                    monkeypatch):
    """Between the undo's check for later edits and its writes, a colleague's save of a
    restored person waits for the undo (FOR UPDATE), then is refused as a concurrent edit,
    instead of being overwritten silently; list members the import added are gone again."""
    import threading

    from sqlalchemy import func, select

    from defence_dir.data.models import ListMembership, Person
    from defence_dir.imports import undo as import_undo
    from defence_dir.imports.spreadsheet.columns import find_header_row, guess_mapping
    from defence_dir.imports.spreadsheet.planning import MatchChoice, plan_rows
    from defence_dir.imports.spreadsheet.reading import read_table_file
    from defence_dir.imports.spreadsheet.writing import ImportTarget, apply_plan
    from defence_dir.lists.consent import get_list_by_name

    db = open_database(pg_url)
    try:
        rows = read_table_file(german_csv).sheet(None).rows
        with db.session() as session:
            list_id = get_list_by_name(session, "Defense-Verteiler").id
            members = select(func.count()).select_from(ListMembership).where(
                ListMembership.list_id == list_id)
            members_before = session.scalar(members)
            header = find_header_row(rows)
            plan = plan_rows(session, rows, header, guess_mapping(rows[header], session),
                             file_name="verteiler.csv", choice=MatchChoice.OVERWRITE)
            batch = apply_plan(session, plan, ImportTarget(list_id=list_id)).batch_id
            assert session.scalar(members) > members_before
        with db.read_session() as session:
            cremer = session.scalar(select(Person).where(Person.given_name == "Harald"))
            draft, version = draft_of(cremer), cremer.version
        checked, go, outcome = threading.Event(), threading.Event(), []
        restore = import_undo._restore_persons

        def restore_after_a_pause(session, restored):
            checked.set()
            go.wait(10)
            return restore(session, restored)
        monkeypatch.setattr(import_undo, "_restore_persons", restore_after_a_pause)

        def undo() -> None:
            with db.session() as session:
                import_undo.undo_import(session, batch)

        def colleague_saves() -> None:
            try:
                with db.session() as session:
                    draft.function = "Vorstand"
                    update_person(session, cremer.id, draft, version)
                outcome.append("saved")
            except ConcurrentEditError as refused:
                outcome.append("refused" if refused.found == version + 1 else refused.found)
        undoing = threading.Thread(target=undo)
        undoing.start()
        assert checked.wait(10)
        colleague = threading.Thread(target=colleague_saves)
        colleague.start()
        colleague.join(1)
        assert colleague.is_alive()  # waits for the undo's lock
        go.set()
        undoing.join(10)
        colleague.join(10)
        assert outcome == ["refused"]
        with db.read_session() as session:
            assert session.scalar(members) == members_before
            assert session.get(Person, cremer.id).function == "Clustermanager"
    finally:
        db.close()
