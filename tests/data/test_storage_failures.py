"""Locks, full disks, damaged and read-only files: each told in one line, nothing changed."""

from __future__ import annotations

import shutil
import sqlite3
import stat
import threading
import time
from pathlib import Path

import pytest
from database_faults import (
    damage_pages,
    digest,
    fill_disk,
    read_only_folder,
    small_disk,
    write_lock_held,
)
from sqlalchemy import event, func, select, text

from defence_dir.data import database as database_module
from defence_dir.data.database import BUSY_TIMEOUT_VAR, backup_sqlite, open_database
from defence_dir.data.models import Person
from defence_dir.errors import DatabaseFailureError, DatabaseOpenError, NotADatabaseError
from defence_dir.records.persons import EmailDraft, PersonDraft, create_person


def new_person(session, family_name: str = "Weiß") -> None:
    create_person(session, PersonDraft(given_name="Gisela", family_name=family_name,
                                       emails=[EmailDraft(address="gisela.weiss@fhr.example")]))


def person_count(path: Path) -> int:
    with sqlite3.connect(path) as connection:
        count = connection.execute("SELECT count(*) FROM person").fetchone()[0]
    connection.close()
    return count


@pytest.fixture
def short_lock_wait(monkeypatch):
    monkeypatch.setenv(BUSY_TIMEOUT_VAR, "200")


# --- locks ------------------------------------------------------------------------------------

@pytest.mark.sqlite_only(reason="SQLite's file lock")
def test_a_write_session_takes_the_write_lock_when_it_begins(db, db_path):
    """Another program cannot slip a write in between this session's reads and writes."""
    with db.session() as session:
        session.scalar(select(func.count(Person.id)))
        other = sqlite3.connect(db_path, timeout=0, isolation_level=None)
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
        other.close()


@pytest.mark.sqlite_only(reason="SQLite's file lock")
def test_a_read_session_never_holds_the_write_lock(db, db_path):
    with db.read_session() as session:
        session.scalar(select(func.count(Person.id)))
        other = sqlite3.connect(db_path, timeout=0, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        other.execute("DELETE FROM email_address")
        other.execute("ROLLBACK")
        other.close()


@pytest.mark.sqlite_only(reason="SQLite's file lock and WAL")
def test_reads_are_not_blocked_by_a_writer(db, db_path):
    with write_lock_held(db_path) as other:
        other.execute("DELETE FROM email_address WHERE id = 1")
        with db.read_session() as session:
            assert session.scalar(select(func.count(Person.id))) == 6


@pytest.mark.sqlite_only(reason="SQLite's file lock")
def test_a_write_waits_for_the_lock_to_be_released(db, db_path, monkeypatch):
    monkeypatch.setenv(BUSY_TIMEOUT_VAR, "60000")
    db.close()
    db = open_database(str(db_path))
    outcome: list[object] = []

    def write() -> None:
        try:
            with db.session() as session:
                new_person(session)
            outcome.append("saved")
        except Exception as exc:  # reported below
            outcome.append(exc)

    with write_lock_held(db_path):
        writer = threading.Thread(target=write)
        writer.start()
        time.sleep(0.3)  # the writer is waiting meanwhile (it would fail at once otherwise)
    writer.join()
    db.close()
    assert outcome == ["saved"]
    assert person_count(db_path) == 7


@pytest.mark.sqlite_only(reason="SQLite's file lock and bytes")
def test_a_write_that_cannot_get_the_lock_says_so_and_changes_nothing(db_path, short_lock_wait):
    open_database(str(db_path)).close()  # all in the file, none in the -wal
    db = open_database(str(db_path))
    before = digest(db_path)
    try:
        with write_lock_held(db_path), pytest.raises(DatabaseFailureError) as caught, \
                db.session() as session:
            new_person(session)
    finally:
        db.close()
    message = str(caught.value)
    assert caught.value.failure == "locked"
    assert message == (f"Die Datenbank {db_path} wird gerade von einem anderen Programm oder "
                       "Benutzer geändert (gesperrt); es wurde nichts geändert. Bitte später "
                       "erneut versuchen.")
    assert digest(db_path) == before and person_count(db_path) == 6


@pytest.mark.sqlite_only(reason="SQLite's file lock")
def test_a_database_held_exclusively_is_called_locked_not_foreign(db_path, short_lock_wait):
    open_database(str(db_path)).close()
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("PRAGMA locking_mode=EXCLUSIVE")
    other.execute("BEGIN EXCLUSIVE")
    other.execute("COMMIT")  # the exclusive lock stays until the connection closes
    try:
        with pytest.raises(DatabaseFailureError, match="gesperrt"):
            open_database(str(db_path))
    finally:
        other.close()
    assert person_count(db_path) == 6


# --- disk full --------------------------------------------------------------------------------

@pytest.mark.sqlite_only(reason="SQLite's page limit")
def test_a_full_database_says_so_and_rolls_back(db, db_path):
    """SQLite's max_page_count gives the SQLITE_FULL a full disk gives, on any machine."""
    db.engine.dispose()
    pages = sqlite3.connect(db_path).execute("PRAGMA page_count").fetchone()[0]

    @event.listens_for(db.engine, "connect")
    def _cap(dbapi_connection, _record):
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

    with pytest.raises(DatabaseFailureError, match=r"Datenträger .* ist voll") as caught, \
            db.session() as session:
        for index in range(400):
            new_person(session, f"Weiß {index} " + "x" * 100)
    assert caught.value.failure == "disk full"
    with db.read_session() as session:
        assert session.scalar(select(func.count(Person.id))) == 6


@pytest.mark.sqlite_only(reason="a SQLite file on a full disk")
def test_a_full_disk_is_told_as_such(tmp_path):
    with small_disk(tmp_path / "disk", 2048) as disk:
        path = disk / "directory.sqlite3"
        open_database(str(path)).close()
        before = digest(path)
        fill_disk(disk)
        with pytest.raises(DatabaseFailureError, match=r"Datenträger .* ist voll"):
            db = open_database(str(path))
            try:
                with db.session() as session:
                    new_person(session)
            finally:
                db.close()
        assert digest(path) == before


@pytest.mark.sqlite_only(reason="the *.bak copy of a SQLite file")
def test_no_room_for_the_backup_refuses_the_upgrade_and_leaves_no_bak(tmp_path, request):
    with small_disk(tmp_path / "disk", 1024) as disk:
        path = disk / "directory.sqlite3"
        open_database(str(path)).close()
        before = digest(path)
        request.getfixturevalue("migrations_with_an_upgrade")
        fill_disk(disk, leave=160 * 1024)
        with pytest.raises(DatabaseOpenError, match=r"keine Sicherung .*Datenträger ist voll"):
            open_database(str(path))
        assert sorted(p.name for p in disk.iterdir()) == ["directory.sqlite3", "filler"]
        assert digest(path) == before


@pytest.mark.sqlite_only(reason="the *.bak copy of a SQLite file")
def test_a_backup_that_fails_halfway_is_removed(db_path, monkeypatch):
    """ENOSPC in the middle of the copy, on any machine: no partial .bak is left behind."""
    open_database(str(db_path)).close()
    real_connect = sqlite3.connect

    class FailingSource:
        def __init__(self, connection):
            self.connection = connection

        def backup(self, target):
            self.connection.backup(target, pages=1)  # a first page is written ...
            error = sqlite3.OperationalError("database or disk is full")
            error.sqlite_errorcode, error.sqlite_errorname = 13, "SQLITE_FULL"
            raise error  # ... then the disk is full

        def close(self):
            self.connection.close()

    def connect(target, *args, **kwargs):
        connection = real_connect(target, *args, **kwargs)
        return FailingSource(connection) if "mode=ro" in str(target) else connection

    monkeypatch.setattr(database_module.sqlite3, "connect", connect)
    with pytest.raises(sqlite3.OperationalError):
        backup_sqlite(db_path)
    monkeypatch.undo()
    assert [p.name for p in db_path.parent.iterdir() if ".bak" in p.name] == []


# --- damaged, empty and foreign files ----------------------------------------------------------

@pytest.mark.sqlite_only(reason="damaged pages of a SQLite file")
def test_damaged_pages_are_called_damaged_with_what_to_do(db_path, tmp_path):
    db = open_database(str(db_path))
    with db.session() as session:  # big enough that the middle holds person rows
        for index in range(1500):
            new_person(session, f"Weiß {index}")
    db.close()
    copy = tmp_path / "copy.sqlite3"
    shutil.copy(db_path, copy)
    damage_pages(copy)
    before = digest(copy)
    with pytest.raises(DatabaseFailureError) as caught:
        damaged = open_database(str(copy))
        try:
            with damaged.read_session() as session:
                session.execute(text("SELECT count(*), max(family_name), max(notes) "
                                     "FROM person")).all()
        finally:
            damaged.close()
    assert caught.value.failure == "corrupt"
    assert "beschädigt" in str(caught.value) and ".bak" in str(caught.value)
    assert "\n" not in str(caught.value)
    assert digest(copy) == before


@pytest.mark.sqlite_only(reason="an empty SQLite file")
def test_an_empty_file_is_refused_not_seeded(tmp_path):
    path = tmp_path / "directory.sqlite3"
    path.write_bytes(b"")
    path.chmod(0o644)
    with pytest.raises(NotADatabaseError, match=r"ist leer \(0 Byte\).*\.bak"):
        open_database(str(path))
    assert path.read_bytes() == b""
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
    assert sorted(p.name for p in tmp_path.iterdir()) == ["directory.sqlite3"]


@pytest.mark.sqlite_only(reason="SQLite's side files")
def test_a_refused_file_leaves_no_side_files_behind(tmp_path):
    path = tmp_path / "other.sqlite3"
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("CREATE TABLE recipes (name TEXT)")
    connection.commit()
    connection.close()
    with pytest.raises(NotADatabaseError):
        open_database(str(path))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.sqlite3"]


@pytest.mark.sqlite_only(reason="SQLite's side files")
def test_side_files_that_existed_before_are_kept(tmp_path):
    path = tmp_path / "other.sqlite3"
    owner = sqlite3.connect(path)  # the other application has it open
    owner.execute("PRAGMA journal_mode=WAL")
    owner.execute("CREATE TABLE recipes (name TEXT)")
    owner.commit()
    try:
        before = sorted(p.name for p in tmp_path.iterdir())
        assert "other.sqlite3-wal" in before
        with pytest.raises(NotADatabaseError):
            open_database(str(path))
        assert sorted(p.name for p in tmp_path.iterdir()) == before
    finally:
        owner.close()


def test_an_unreachable_server_is_one_line():
    pytest.importorskip("psycopg")
    with pytest.raises(DatabaseFailureError, match="nicht erreichbar") as caught:
        open_database("postgresql+psycopg://nobody:secret@127.0.0.1:1/none")
    assert "secret" not in str(caught.value)


# --- read-only --------------------------------------------------------------------------------

@pytest.fixture
def read_only_db_path(tmp_path, db_path):
    folder = tmp_path / "shared"
    folder.mkdir()
    db = open_database(str(folder / "directory.sqlite3"))
    db.close()
    with read_only_folder(folder) as view:
        yield view / "directory.sqlite3"


@pytest.mark.sqlite_only(reason="a SQLite file in a read-only folder")
def test_a_read_only_database_is_searched_but_not_written(read_only_db_path):
    before = digest(read_only_db_path)
    db = open_database(str(read_only_db_path))
    try:
        assert db.read_only
        from defence_dir.search.service import SearchService

        hits = SearchService(db.read_session).search("schnitzmeier").hits
        assert [hit.kind for hit in hits] == ["person"]
        with pytest.raises(DatabaseFailureError) as caught, db.session() as session:
            new_person(session)
    finally:
        db.close()
    assert str(caught.value) == (f"Die Datenbank {read_only_db_path} ist schreibgeschützt; "
                                 "es wurde nichts geändert.")
    assert digest(read_only_db_path) == before


@pytest.mark.sqlite_only(reason="a SQLite file in a read-only folder")
def test_a_read_only_database_that_needs_an_upgrade_is_refused(read_only_db_path, request):
    before = digest(read_only_db_path)
    request.getfixturevalue("migrations_with_an_upgrade")
    with pytest.raises(DatabaseOpenError, match="schreibgeschützt"):
        open_database(str(read_only_db_path))
    assert digest(read_only_db_path) == before


def test_a_row_locked_on_postgres_is_told_in_one_line(pg_url, monkeypatch):
    """PostgreSQL waits for a row lock only as long as SQLite waits for its write lock."""
    from sqlalchemy import create_engine, update

    monkeypatch.setenv(BUSY_TIMEOUT_VAR, "200")
    db = open_database(pg_url)
    other = create_engine(pg_url)
    try:
        with other.connect() as holder:
            holder.execute(text("UPDATE person SET notes = 'in Bearbeitung' WHERE id = 1"))
            with pytest.raises(DatabaseFailureError, match="gesperrt") as caught, \
                    db.session() as session:
                session.execute(update(Person).where(Person.id == 1)
                                .values(notes="Gisela ruft zurück"))
            holder.rollback()
        assert "[SQL" not in str(caught.value) and "Gisela" not in str(caught.value)
        with db.read_session() as session:
            assert session.get(Person, 1).notes is None
    finally:
        other.dispose()
        db.close()
