"""Fixtures: the seeded directory with near-copies added, a fake core, the finder open."""

from __future__ import annotations

import pytest
from duplicates_fakes import FakeCore, add_people, install, wait_idle

from defence_dir.data.database import Database


@pytest.fixture
def core(db: Database, monkeypatch: pytest.MonkeyPatch) -> FakeCore:
    return install(monkeypatch, FakeCore(db, add_people(db)))


@pytest.fixture
def finder(qtbot, window, core):
    finder = window.duplicates.open_finder()
    qtbot.waitUntil(lambda: finder.comparison is not None, timeout=5000)
    wait_idle(qtbot, finder)
    return finder
