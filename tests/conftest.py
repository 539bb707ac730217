"""Shared fixtures: a fresh seeded database per test, German as the default language."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# GUI tests run headless everywhere; set before any Qt module is imported.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from defence_dir import i18n
from defence_dir.data.database import Database

# Sample attendee files (core and CLI tests); the database on each backend.
pytest_plugins = ["spreadsheet_fixtures", "backend_fixtures"]


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
def ids(db: Database) -> tuple[int, int, dict[str, int]]:
    """The seeded list's and kick-off event's ids, and the seeded persons' ids by family name."""
    from sqlalchemy import select

    from defence_dir.data.models import Person
    from defence_dir.lists.consent import get_event_by_name, get_list_by_name

    with db.session() as session:
        list_id = get_list_by_name(session, "Defense-Verteiler").id
        event_id = get_event_by_name(
            session, "High-Tech aus NRW für die Sicherheits- und Verteidigungsindustrie").id
        persons = {p.family_name: p.id for p in session.scalars(select(Person))}
    return list_id, event_id, persons


@pytest.fixture
def directory_state(db: Database):
    """A function returning every table's rows, apart from the import records themselves,
    the search index's internals and what an undo is meant to change (a restored person's
    version and time of change, the change log for offline copies); on SQLite it first runs
    FTS5's own check of the index against its documents, which raises on any mismatch."""
    from sqlalchemy import inspect, text

    # An undo is logged for offline copies like any change.
    skipped_tables = {"import_batch", "import_change", "search_state", "change_log"}
    skipped_columns = {"person": {"version", "updated_at"}}

    def is_index_internal(table: str) -> bool:
        return table.startswith(("sqlite_", "search_fts", "search_phone"))

    def state() -> dict[str, list[tuple]]:
        rows = {}
        with db.engine.connect() as connection:
            tables = [t for t in inspect(connection).get_table_names()
                      if t not in skipped_tables and not is_index_internal(t)]
            if db.engine.dialect.name == "sqlite":
                fts = {r[0] for r in connection.execute(text(
                    "SELECT name FROM sqlite_master WHERE name IN ('search_fts', 'search_phone')"))}
                for table in fts:
                    connection.execute(text(f"INSERT INTO {table}({table}, rank) "
                                            "VALUES ('integrity-check', 1)"))
            for table in tables:
                columns = [c["name"] for c in inspect(connection).get_columns(table)
                           if c["name"] not in skipped_columns.get(table, ())]
                quoted = ", ".join(f'"{c}"' for c in columns)
                rows[table] = sorted(map(tuple, connection.execute(text(
                    f'SELECT {quoted} FROM "{table}"'))), key=repr)
        return rows
    return state
