"""Classifying database failures by the driver's codes, with errors the drivers really raise."""

from __future__ import annotations

import sqlite3

import pytest
from database_faults import damage_pages, write_lock_held
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError, IntegrityError

from defence_dir.data import failures
from defence_dir.data.failures import Failure, classify, describe, first_line


def sqlite_error(connect: str, *statements: str, uri: bool = False) -> sqlite3.Error:
    connection = sqlite3.connect(connect, uri=uri, timeout=0, isolation_level=None)
    try:
        for statement in statements:
            connection.execute(statement).fetchall()
    except sqlite3.Error as exc:
        return exc
    finally:
        connection.close()
    raise AssertionError("no error")


@pytest.fixture
def plain(tmp_path):
    path = tmp_path / "plain.sqlite3"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE t (x TEXT UNIQUE)")
        connection.executemany("INSERT INTO t VALUES (?)",
                               [(f"row {i} " + "x" * 200,) for i in range(2000)])
    connection.close()
    return path


def test_a_held_write_lock_is_locked(plain):
    with write_lock_held(plain):
        exc = sqlite_error(str(plain), "BEGIN IMMEDIATE")
    assert classify(exc) is Failure.LOCKED


def test_a_full_database_is_disk_full(plain):
    exc = sqlite_error(str(plain), "PRAGMA max_page_count = 1",
                       "INSERT INTO t SELECT x || 'y' FROM t")
    assert exc.sqlite_errorname == "SQLITE_FULL"
    assert classify(exc) is Failure.DISK_FULL


def test_writing_a_read_only_connection_is_read_only(plain):
    exc = sqlite_error(f"{plain.as_uri()}?mode=ro", "INSERT INTO t VALUES ('a')", uri=True)
    assert classify(exc) is Failure.READ_ONLY


def test_damaged_pages_are_corrupt(plain):
    damage_pages(plain)
    exc = sqlite_error(str(plain), "SELECT count(*), max(x) FROM t")
    assert classify(exc) is Failure.CORRUPT


def test_bugs_are_not_classified(plain):
    assert classify(sqlite_error(str(plain), "SELECT nope FROM t")) is None
    assert classify(sqlite_error(str(plain), "INSERT INTO t SELECT x FROM t")) is None  # UNIQUE
    assert classify(ValueError("x")) is None


def test_sqlalchemy_errors_never_show_statements_or_parameters(plain):
    engine = create_engine(f"sqlite:///{plain}", hide_parameters=True)
    with pytest.raises(IntegrityError) as caught, engine.begin() as connection:
        connection.execute(text("INSERT INTO t VALUES (:x)"),
                           {"x": "row 1 " + "x" * 200})
    engine.dispose()
    line = first_line(caught.value)
    assert line == "IntegrityError: UNIQUE constraint failed: t.x"
    assert describe(caught.value) == line


def test_the_message_is_one_line_in_german_and_english(monkeypatch):
    german = failures.message(Failure.LOCKED, "/daten/verzeichnis.sqlite3")
    assert german == ("Die Datenbank /daten/verzeichnis.sqlite3 wird gerade von einem anderen "
                      "Programm oder Benutzer geändert (gesperrt); es wurde nichts geändert. "
                      "Bitte später erneut versuchen.")
    monkeypatch.setenv("DEFENCE_DIR_LANG", "en")
    for failure in Failure:
        line = failures.message(failure, "/data/d.sqlite3")
        assert "\n" not in line and "/data/d.sqlite3" in line
        assert "nothing was changed" in line


def test_os_errors_of_a_full_or_read_only_disk():
    import errno

    assert classify(OSError(errno.ENOSPC, "No space left on device")) is Failure.DISK_FULL
    assert classify(OSError(errno.EROFS, "Read-only file system")) is Failure.READ_ONLY


# --- PostgreSQL: the SQLSTATE codes its server really sends ------------------------------------

def test_postgres_sqlstates():
    psycopg = pytest.importorskip("psycopg")
    errors = psycopg.errors
    assert classify(errors.DiskFull("could not extend file")) is Failure.DISK_FULL
    assert classify(errors.ReadOnlySqlTransaction("read-only")) is Failure.READ_ONLY
    assert classify(errors.LockNotAvailable("lock timeout")) is Failure.LOCKED
    assert classify(errors.SerializationFailure("could not serialize")) is Failure.LOCKED
    assert classify(errors.DataCorrupted("invalid page")) is Failure.CORRUPT
    assert classify(errors.AdminShutdown("terminating connection")) is Failure.CONNECTION
    assert classify(errors.UniqueViolation("duplicate key")) is None


def test_postgres_refused_connection_is_a_connection_failure():
    pytest.importorskip("psycopg")
    engine = create_engine("postgresql+psycopg://nobody@127.0.0.1:1/none",
                           connect_args={"connect_timeout": 2})
    with pytest.raises(DBAPIError) as caught, engine.connect():
        pass
    engine.dispose()
    assert classify(caught.value) is Failure.CONNECTION


def test_postgres_lock_timeout_and_read_only_transaction(pg_url):
    engine = create_engine(pg_url)
    try:
        with engine.begin() as connection:
            connection.execute(text("CREATE TABLE t (id int PRIMARY KEY, name text)"))
            connection.execute(text("INSERT INTO t VALUES (1, 'Gisela Weiß')"))
        with engine.connect() as holder, engine.connect() as waiter:
            holder.execute(text("UPDATE t SET name = 'x' WHERE id = 1"))
            waiter.execute(text("SET lock_timeout = 100"))
            with pytest.raises(DBAPIError) as locked:
                waiter.execute(text("UPDATE t SET name = 'y' WHERE id = 1"))
            holder.rollback()
            waiter.rollback()
        assert classify(locked.value) is Failure.LOCKED
        with engine.connect() as connection:
            connection.execute(text("SET TRANSACTION READ ONLY"))
            with pytest.raises(DBAPIError) as read_only:
                connection.execute(text("DELETE FROM t"))
        assert classify(read_only.value) is Failure.READ_ONLY
    finally:
        engine.dispose()
