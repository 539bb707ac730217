"""Sync fixtures: a team database on SQLite (always) and on PostgreSQL (when a server is set)."""

from __future__ import annotations

from pathlib import Path

import pytest
from team_changes import build_team


@pytest.fixture(params=["sqlite", "postgresql"])
def team(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A team directory of a few hundred persons; its URL or file path."""
    if request.param == "postgresql":
        target = request.getfixturevalue("pg_url")
    else:
        folder = tmp_path / "server"
        folder.mkdir()
        target = str(folder / "team.sqlite3")
    build_team(target)
    return target


@pytest.fixture
def sqlite_team(tmp_path: Path) -> str:
    folder = tmp_path / "server"
    folder.mkdir()
    build_team(str(folder / "team.sqlite3"))
    return str(folder / "team.sqlite3")


@pytest.fixture
def copy_path(tmp_path: Path) -> Path:
    folder = tmp_path / "laptop"
    folder.mkdir()
    return folder / "copy.sqlite3"
