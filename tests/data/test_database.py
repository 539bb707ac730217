"""Opening databases: creation, permissions, migration with backup, refusals that change nothing."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
from pathlib import Path

import pytest
from sqlalchemy import inspect, select, text

from defence_dir.data import migration
from defence_dir.data.database import open_database, resolve_target
from defence_dir.data.models import Person
from defence_dir.errors import (
    DatabaseFailureError,
    DatabaseLocationError,
    NewerSchemaError,
    NotADatabaseError,
)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.sqlite_only(reason="a new SQLite file's mode and WAL")
def test_new_database_is_private_seeded_and_in_wal_mode(db_path):
    db = open_database(str(db_path))
    try:
        assert db.created
        assert stat.S_IMODE(db_path.stat().st_mode) == 0o600
        with db.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        with db.session() as session:
            assert len(session.scalars(select(Person)).all()) == 6
    finally:
        db.close()


@pytest.mark.sqlite_only(reason="the default SQLite file")
def test_default_location_is_the_user_data_folder(monkeypatch, tmp_path):
    url, is_default = resolve_target(None)
    assert is_default
    assert url.database.startswith(str(tmp_path / "xdg-data"))
    db = open_database(None)
    try:
        assert db.path is not None and db.path.exists()
        assert stat.S_IMODE(db.path.parent.stat().st_mode) == 0o700
    finally:
        db.close()


@pytest.mark.sqlite_only(reason="a SQLite file named by the variable")
def test_environment_variable_selects_the_database(monkeypatch, tmp_path):
    target = tmp_path / "from-env.sqlite3"
    monkeypatch.setenv("DEFENCE_DIR_DB", str(target))
    db = open_database(None)
    db.close()
    assert target.exists()


@pytest.mark.sqlite_only(reason="a sqlite:// URL")
def test_sqlalchemy_url_is_accepted(tmp_path):
    db = open_database(f"sqlite:///{tmp_path / 'by-url.sqlite3'}")
    try:
        assert db.path == tmp_path / "by-url.sqlite3"
    finally:
        db.close()


@pytest.mark.sqlite_only(reason="reopens the SQLite file")
def test_reopening_keeps_data_and_does_not_seed_again(db_path):
    first = open_database(str(db_path))
    with first.session() as session:
        session.add(Person(given_name="Neue", family_name="Person"))
    first.close()
    second = open_database(str(db_path))
    try:
        assert not second.created
        assert second.backup_path is None  # nothing to migrate, nothing to back up
        with second.session() as session:
            assert len(session.scalars(select(Person)).all()) == 7
    finally:
        second.close()


@pytest.mark.sqlite_only(reason="a file that is not a SQLite database")
def test_a_text_file_is_refused_and_left_unchanged(tmp_path):
    path = tmp_path / "notes.sqlite3"
    path.write_text("Einkaufsliste: Milch, Brot\n", encoding="utf-8")
    before = digest(path)
    with pytest.raises(NotADatabaseError, match="keine defence-dir-Datenbank"):
        open_database(str(path))
    assert digest(path) == before
    assert not Path(f"{path}-wal").exists()


@pytest.mark.sqlite_only(reason="a damaged SQLite file")
def test_a_corrupt_sqlite_file_is_refused_and_left_unchanged(tmp_path):
    path = tmp_path / "corrupt.sqlite3"
    path.write_bytes(b"SQLite format 3\x00" + os.urandom(4000))
    before = digest(path)
    with pytest.raises(DatabaseFailureError, match="beschädigt"):
        open_database(str(path))
    assert digest(path) == before


@pytest.mark.sqlite_only(reason="another program's SQLite file")
def test_another_applications_database_is_refused(tmp_path):
    path = tmp_path / "other.sqlite3"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE recipes (name TEXT)")
    connection.close()
    before = digest(path)
    with pytest.raises(NotADatabaseError, match="anderen Anwendung"):
        open_database(str(path))
    assert digest(path) == before


@pytest.mark.sqlite_only(reason="the SQLite file's bytes (PostgreSQL: test_postgres)")
def test_a_newer_schema_is_refused_and_left_unchanged(db_path):
    open_database(str(db_path)).close()
    with sqlite3.connect(db_path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'ffff_future'")
    connection.close()
    before = digest(db_path)
    with pytest.raises(NewerSchemaError, match="neueren Version"):
        open_database(str(db_path))
    assert digest(db_path) == before


@pytest.mark.sqlite_only(reason="where a SQLite file can be created")
def test_a_location_under_a_file_is_refused(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(DatabaseLocationError, match="kein Ordner"):
        open_database(str(blocker / "db.sqlite3"))
    assert blocker.read_text() == "x"


@pytest.mark.sqlite_only(reason="where a SQLite file can be created")
def test_a_missing_folder_is_refused(tmp_path):
    with pytest.raises(DatabaseLocationError, match="existiert nicht"):
        open_database(str(tmp_path / "missing" / "db.sqlite3"))
    assert not (tmp_path / "missing").exists()


@pytest.mark.sqlite_only(reason="where a SQLite file can be created")
def test_a_folder_is_refused(tmp_path):
    with pytest.raises(DatabaseLocationError, match="Ordner"):
        open_database(str(tmp_path))


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere")
@pytest.mark.sqlite_only(reason="where a SQLite file can be created")
def test_a_read_only_folder_is_refused(tmp_path):
    folder = tmp_path / "readonly"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(DatabaseLocationError):
            open_database(str(folder / "db.sqlite3"))
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)


@pytest.mark.sqlite_only(reason="no SQLite file left behind")
def test_a_failed_seed_leaves_no_half_created_file(db_path, monkeypatch):
    import defence_dir.data.seed as seed

    def broken(session):
        raise RuntimeError("seed broken")

    monkeypatch.setattr(seed, "load_starting_directory", broken)
    with pytest.raises(RuntimeError):
        open_database(str(db_path))
    assert not db_path.exists()


@pytest.mark.sqlite_only(reason="the *.bak copy of a SQLite file")
def test_upgrade_backs_up_first_and_keeps_the_data(db_path, request):
    open_database(str(db_path)).close()  # a database at today's schema
    before = digest(db_path)
    old_head = migration.head_revision()
    new_head = request.getfixturevalue("migrations_with_an_upgrade")  # the next release

    db = open_database(str(db_path))
    try:
        assert db.revision == new_head
        assert db.backup_path is not None
        assert stat.S_IMODE(db.backup_path.stat().st_mode) == 0o600
        with db.engine.connect() as connection:
            rows = connection.execute(text("SELECT family_name, nickname FROM person")).all()
        assert len(rows) == 6 and all(nickname is None for _, nickname in rows)
    finally:
        db.close()
    assert digest(db_path) != before
    backup = sqlite3.connect(db.backup_path)
    try:
        assert backup.execute("SELECT version_num FROM alembic_version").fetchone()[0] == old_head
        assert backup.execute("SELECT count(*) FROM person").fetchone()[0] == 6
    finally:
        backup.close()


def test_migration_from_empty_creates_every_table(empty_db):
    from defence_dir.data.models import Base

    assert set(Base.metadata.tables) <= set(inspect(empty_db.engine).get_table_names())


def test_migrations_match_the_models(empty_db):
    """Autogenerate finds nothing to do: the shipped migrations build exactly the models."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from defence_dir.data.migration import include_name
    from defence_dir.data.models import Base

    with empty_db.engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "include_name": include_name})
        assert compare_metadata(context, Base.metadata) == []


@pytest.mark.sqlite_only(reason="SQLite's immutable file mode")
def test_immutable_only_where_nobody_can_change_the_file(db_path, monkeypatch):
    """A folder this user may not write can still be written by colleagues (a network
    share): reading it as immutable would then see torn pages. Only a file no one may write
    (or a read-only file system) is read that way."""
    import os

    from defence_dir.data import database

    open_database(str(db_path)).close()
    monkeypatch.setattr(database.os, "access", lambda *_a, **_k: False)
    db_path.chmod(0o644)
    assert database._read_only_query(db_path) == {"mode": "ro"}
    db_path.chmod(0o444)
    try:
        assert database._read_only_query(db_path) == {"mode": "ro", "immutable": "1"}
    finally:
        os.chmod(db_path, 0o600)
