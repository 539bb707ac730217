"""The window on an offline copy: it says whose copy it is and how current, syncs in a worker
(at start, and on request) with Cancel, and offers no edits."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFrame, QLabel

from defence_dir.data.database import open_database
from defence_dir.records.persons import PersonDraft, create_person
from defence_dir.sync import SyncCancelled, sync_copy
from defence_dir.ui.team import sync_banner


@pytest.fixture
def team_and_copy(tmp_path: Path) -> tuple[Path, Path]:
    team = tmp_path / "server" / "team.sqlite3"
    team.parent.mkdir()
    open_database(str(team)).close()
    copy = tmp_path / "laptop" / "copy.sqlite3"
    copy.parent.mkdir()
    sync_copy(str(team), str(copy))
    return team, copy


def _add_person(team: Path, family: str) -> None:
    db = open_database(str(team))
    try:
        with db.session() as session:
            create_person(session, PersonDraft(given_name="Zerlina", family_name=family))
    finally:
        db.close()


@pytest.fixture
def copy_window(open_window, team_and_copy, settle):
    database = open_database(str(team_and_copy[1]))
    window = open_window(database)
    window.copy_banner.wait()
    settle(window)
    yield window
    window.close()
    database.close()


def test_the_window_names_the_team_and_the_time_of_the_copy(copy_window, team_and_copy):
    window = copy_window
    banner = window.findChild(QFrame, "copyBanner")
    assert banner is not None and banner.isVisible()
    text = banner.findChild(QLabel, "copyBannerText").text()
    assert text.startswith(f"Offline-Kopie von {team_and_copy[0]}, Stand ")
    assert "schreibgeschützt" in window.windowTitle()
    for action in (window.menus.new_action, window.menus.edit_action, window.menus.delete_action,
                   window.menus.import_action, window.menus.import_sheet_action):
        assert not action.isEnabled(), action.text()


def test_sync_on_start_and_on_request_bring_the_team_s_changes(open_window, team_and_copy,
                                                               qtbot, settle):
    team, copy = team_and_copy
    _add_person(team, "Knusperhaus")
    database = open_database(str(copy))
    window = open_window(database)  # syncs at start (the default for copies)
    try:
        window.copy_banner.wait()
        settle(window)
        qtbot.keyClicks(window.search_field, "knusperhaus")
        settle(window)
        assert window.table.model().rowCount() == 1
        _add_person(team, "Quastenberg")
        window.copy_banner.button.click()
        window.copy_banner.wait()
        settle(window)
        assert "Aktuell" in window.copy_banner.status.text()
        window.search_field.clear()
        qtbot.keyClicks(window.search_field, "quastenberg")
        settle(window)
        assert window.table.model().rowCount() == 1
    finally:
        window.close()
        database.close()


def test_no_sync_at_start_when_turned_off_and_an_unreachable_team_is_said(
        open_window, team_and_copy, settle):
    team, copy = team_and_copy
    sync_banner.set_sync_on_start(False)
    _add_person(team, "Knusperhaus")
    database = open_database(str(copy))
    window = open_window(database)
    try:
        window.copy_banner.wait()
        settle(window)
        assert window.copy_banner.status.text() == ""
        assert not window.copy_banner.on_start.isChecked()
        for side in team.parent.iterdir():
            side.unlink()
        window.copy_banner.button.click()
        window.copy_banner.wait()
        settle(window)
        assert window.copy_banner.status.text().startswith("Nicht abgeglichen: ")
        assert window.copy_banner.button.text() == "Jetzt abgleichen"
    finally:
        window.close()
        database.close()


def test_cancel_stops_the_sync(open_window, team_and_copy, settle, monkeypatch):
    sync_banner.set_sync_on_start(False)
    asked = []

    def slow_sync(*_args, progress, **_kwargs):
        while progress(len(asked), 1000):  # goes on until Cancel is seen
            asked.append(1)
            if len(asked) == 3:
                window.copy_banner.cancel.set()  # as the button does, from the GUI thread
        raise SyncCancelled

    monkeypatch.setattr(sync_banner, "sync_copy", slow_sync)
    database = open_database(str(team_and_copy[1]))
    window = open_window(database)
    try:
        window.copy_banner.button.click()
        assert window.copy_banner.button.text() == "Abbrechen"
        window.copy_banner.wait()
        settle(window)
        assert window.copy_banner.status.text() == "Abgleich abgebrochen; die Kopie ist, wie " \
                                                   "sie war."
    finally:
        window.close()
        database.close()
