"""Fixtures: the seeded directory with near-copies added, a fake core, the finder open."""

from __future__ import annotations

import pytest
from duplicates_fakes import FakeCore, add_people, install
from PySide6.QtWidgets import QApplication

from defence_dir.data.database import Database


@pytest.fixture
def core(db: Database, monkeypatch: pytest.MonkeyPatch) -> FakeCore:
    return install(monkeypatch, FakeCore(db, add_people(db)))


def wait_idle(qtbot, finder) -> None:
    """Until the search, the comparison and any write have answered."""
    qtbot.waitUntil(lambda: not finder.searching and not finder.writes.busy
                    and not finder.compare_jobs.busy and not finder.progress_jobs.running,
                    timeout=5000)
    QApplication.processEvents()


@pytest.fixture
def finder(qtbot, window, core):
    finder = window.duplicates.open_finder()
    qtbot.waitUntil(lambda: finder.comparison is not None, timeout=5000)
    wait_idle(qtbot, finder)
    return finder
