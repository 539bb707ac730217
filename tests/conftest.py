"""Shared fixtures: a fresh seeded database per test, German as the default language."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# GUI tests run headless everywhere; set before any Qt module is imported.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from defence_dir import i18n
from defence_dir.data.database import Database, open_database

pytest_plugins = ["spreadsheet_fixtures"]  # sample attendee files, used by core and CLI tests


@pytest.fixture(autouse=True)
def _isolated_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """No test reads the developer's database, language or settings."""
    monkeypatch.delenv("DEFENCE_DIR_DB", raising=False)
    monkeypatch.setenv("DEFENCE_DIR_LANG", "de")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    i18n.set_language(None)
    yield
    i18n.set_language(None)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "directory.sqlite3"


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    """A new database holding the seeded DEFENCE.NRW starting directory."""
    database = open_database(str(db_path))
    yield database
    database.close()


@pytest.fixture
def empty_db(db_path: Path) -> Iterator[Database]:
    """A new, migrated database without the starting directory."""
    database = open_database(str(db_path), seed=False)
    yield database
    database.close()


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A new, empty PostgreSQL database for one test (CI provides the server; see .ci/postgres)."""
    from uuid import uuid4

    from sqlalchemy import create_engine, make_url

    base = os.environ.get("DEFENCE_DIR_TEST_POSTGRES_URL")
    if not base:
        pytest.skip("no PostgreSQL server (set DEFENCE_DIR_TEST_POSTGRES_URL)")
    name = f"defence_dir_test_{uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield make_url(base).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


@pytest.fixture
def ids(db: Database) -> tuple[int, int, dict[str, int]]:
    """The seeded list's and kick-off event's ids, and the seeded persons' ids by family name."""
    from sqlalchemy import select

    from defence_dir.data.models import Person
    from defence_dir.memberships import get_event_by_name, get_list_by_name

    with db.session() as session:
        list_id = get_list_by_name(session, "Defense-Verteiler").id
        event_id = get_event_by_name(
            session, "High-Tech aus NRW für die Sicherheits- und Verteidigungsindustrie").id
        persons = {p.family_name: p.id for p in session.scalars(select(Person))}
    return list_id, event_id, persons


@pytest.fixture
def directory_state(db: Database):
    """A function returning every table's rows, apart from the import records themselves,
    the FTS tables' internals and what an undo is meant to change (a restored person's
    version and time of change, the change log for offline copies); it first runs FTS5's
    own check of the index against its documents, which raises on any mismatch."""
    from sqlalchemy import text

    skipped_columns = {"person": {"version", "updated_at"}}

    def state() -> dict[str, list[tuple]]:
        rows = {}
        with db.engine.connect() as connection:
            fts = {r[0] for r in connection.execute(text(
                "SELECT name FROM sqlite_master WHERE name IN ('search_fts', 'search_phone')"))}
            for table in fts:
                connection.execute(text(f"INSERT INTO {table}({table}, rank) "
                                        "VALUES ('integrity-check', 1)"))
            tables = [r[0] for r in connection.execute(text(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_fts%' "
                "AND name NOT LIKE 'search_phone%' "
                "AND name NOT IN ('import_batch', 'import_change', 'search_state', "
                "'change_log')"))]  # an undo is logged for offline copies like any change
            for table in tables:
                columns = [r[1] for r in connection.execute(text(f'PRAGMA table_info("{table}")'))
                           if r[1] not in skipped_columns.get(table, ())]
                rows[table] = sorted(map(tuple, connection.execute(text(
                    f'SELECT {", ".join(columns)} FROM "{table}"'))), key=repr)
        return rows
    return state
