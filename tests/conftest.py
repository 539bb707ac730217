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
