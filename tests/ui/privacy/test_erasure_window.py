"""Erasing in the real window: its own connections never keep the wipe from finishing; the
result dialog tells what is left and offers to delete backups that still hold the person."""

from __future__ import annotations

import pytest
from erasure_scenario import GIVEN, Scenario, files_with_secrets
from erasure_scenario import scenario as scenario  # the fixture
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox

from defence_dir.data.database import open_database

pytestmark = pytest.mark.sqlite_only(
    reason="the erasure scenario is a SQLite file: no byte of her left in it, its WAL or *.bak")


@pytest.fixture
def her_window(open_window, scenario: Scenario):
    db = open_database(str(scenario.path))
    window = open_window(db)
    yield window
    window.close()
    db.close()


def answer_boxes(monkeypatch, answers: dict[str, str], shown: list[QMessageBox]) -> None:
    """Answer each message box by its object name with the button of that object name."""
    def exec_(box: QMessageBox) -> int:
        shown.append(box)
        wanted = answers.get(box.objectName())
        button = box.findChild(QObject, wanted) if wanted else None
        if button is None:
            button = box.button(QMessageBox.StandardButton.Ok) or box.button(
                QMessageBox.StandardButton.Cancel)
        button.click()
        return 0
    monkeypatch.setattr(QMessageBox, "exec", exec_)


def erase_shown_person(window, settle) -> None:
    window.privacy.erase_action.trigger()
    window.privacy.worker.wait()
    settle(window)
    settle(window)


def test_erasing_in_the_open_window_leaves_no_byte_in_any_file(qtbot, her_window, scenario,
                                                               settle, monkeypatch, tmp_path):
    window = her_window
    qtbot.keyClicks(window.search_field, GIVEN)  # found, selected, shown: its sessions read
    settle(window)
    window.go_to("person", scenario.person_id)
    settle(window)
    assert window.current == ("person", scenario.person_id)
    shown: list[QMessageBox] = []
    answer_boxes(monkeypatch, {"eraseConfirmation": "eraseButton"}, shown)
    erase_shown_person(window, settle)
    assert [b.objectName() for b in shown] == ["eraseConfirmation"]  # no "not complete" box
    assert "vollständig" in window.statusBar().currentMessage()
    assert not window.privacy.pending_label.isVisible()
    # Every file the app wrote: database, WAL, -shm, and the settings folder.
    assert files_with_secrets(scenario.path.parent) == []
    assert files_with_secrets(tmp_path / "qt-settings") == []
    window.close()
    assert files_with_secrets(scenario.path.parent) == []
    assert files_with_secrets(tmp_path / "qt-settings") == []


def hold_a_reader(path):
    """Another program reading an older snapshot (a second window, a command)."""
    import sqlite3

    reader = sqlite3.connect(path)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM person").fetchone()
    return reader


def test_with_another_program_reading_the_window_says_so_and_finishes_later(
        her_window, scenario, settle, monkeypatch):
    from defence_dir.privacy import wipe

    monkeypatch.setattr(wipe, "ERASE_PATIENCE_MS", 50)
    window = her_window
    reader = hold_a_reader(scenario.path)
    window.go_to("person", scenario.person_id)
    settle(window)
    shown: list[QMessageBox] = []
    answer_boxes(monkeypatch, {"eraseConfirmation": "eraseButton"}, shown)
    erase_shown_person(window, settle)
    assert [b.objectName() for b in shown] == ["eraseConfirmation", "erasureResult"]
    result = shown[1]
    assert result.windowTitle() == "Löschung nicht vollständig"
    assert "ein anderes Programm" in result.text() and "Statusleiste" in result.text()
    assert result.findChild(QObject, "deleteBackupsButton") is None
    assert window.privacy.pending_label.isVisible()
    assert window.privacy.retry_timer.isActive()
    assert files_with_secrets(scenario.path.parent)  # truthfully still there
    window.privacy.retry_wipe()  # the reader is still there: still pending
    window.privacy.retry_worker.wait()
    settle(window)
    assert window.privacy.pending_label.isVisible()
    reader.rollback()
    reader.close()
    window.privacy.retry_wipe()  # as the timer does
    window.privacy.retry_worker.wait()
    settle(window)
    assert not window.privacy.pending_label.isVisible()
    assert not window.privacy.retry_timer.isActive()
    assert "abgeschlossen" in window.statusBar().currentMessage()
    assert files_with_secrets(scenario.path.parent) == []


def test_a_pending_wipe_is_shown_when_the_window_opens(qtbot, scenario, settle, monkeypatch):
    from defence_dir.privacy import erase_person, wipe
    from defence_dir.ui.window.main_window import MainWindow

    monkeypatch.setattr(wipe, "ERASE_PATIENCE_MS", 50)
    monkeypatch.setattr(wipe, "RETRY_PATIENCE_MS", 50)
    reader = hold_a_reader(scenario.path)
    db = open_database(str(scenario.path))
    try:
        assert erase_person(db, scenario.person_id).pending
        window = MainWindow(db)
        qtbot.addWidget(window)
        window.show()
        settle(window)
        assert window.privacy.pending_label.isVisible()
        assert window.privacy.pending_label.text().startswith("Löschung nicht abgeschlossen")
        window.close()
    finally:
        db.close()
        reader.close()


def test_backups_holding_the_person_are_listed_and_deleted_after_asking(
        her_window, scenario, settle, monkeypatch):
    from defence_dir.data.database import backup_sqlite

    old = backup_sqlite(scenario.path)
    window = her_window
    window.go_to("person", scenario.person_id)
    settle(window)
    shown: list[QMessageBox] = []
    answer_boxes(monkeypatch, {"eraseConfirmation": "eraseButton",
                               "erasureResult": "deleteBackupsButton",
                               "deleteBackupsConfirmation": "confirmDeleteBackups"}, shown)
    erase_shown_person(window, settle)
    assert [b.objectName() for b in shown] == ["eraseConfirmation", "erasureResult",
                                               "deleteBackupsConfirmation"]
    assert str(old) in shown[1].text() and "Sicherungskopie" in shown[1].text()
    assert str(old) in shown[2].text()
    assert not old.exists()
    assert "1 Sicherungskopie gelöscht." in window.statusBar().currentMessage()
    assert files_with_secrets(scenario.path.parent) == []


def test_backups_stay_when_the_deletion_is_cancelled(her_window, scenario, settle, monkeypatch):
    from defence_dir.data.database import backup_sqlite

    old = backup_sqlite(scenario.path)
    window = her_window
    window.go_to("person", scenario.person_id)
    settle(window)
    shown: list[QMessageBox] = []
    answer_boxes(monkeypatch, {"eraseConfirmation": "eraseButton",
                               "erasureResult": "deleteBackupsButton"}, shown)
    erase_shown_person(window, settle)
    assert shown[-1].objectName() == "deleteBackupsConfirmation"  # answered with Cancel
    assert old.exists()
