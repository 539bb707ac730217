"""The window on a write-protected database: it opens, says so, searches, and offers no edits."""

from __future__ import annotations

import sqlite3

import pytest
from database_faults import digest, read_only_folder
from PySide6.QtWidgets import QLabel

from defence_dir.data.database import BUSY_TIMEOUT_VAR, open_database

pytestmark = pytest.mark.sqlite_only(reason="a SQLite file in a read-only folder, or locked")


@pytest.fixture
def read_only_window(open_window, tmp_path):
    folder = tmp_path / "shared"
    folder.mkdir()
    open_database(str(folder / "directory.sqlite3")).close()
    with read_only_folder(folder) as view:
        database = open_database(str(view / "directory.sqlite3"))
        window = open_window(database)
        yield window
        window.close()
        database.close()


def test_the_window_says_it_is_read_only(read_only_window):
    window = read_only_window
    assert window.database.read_only
    assert window.windowTitle() == "defence-dir – Verzeichnis DEFENCE.NRW (schreibgeschützt)"
    banner = window.findChild(QLabel, "readOnlyBanner")
    assert banner is not None and banner.isVisible()
    assert banner.text().startswith("Nur Lesezugriff: Die Datenbankdatei oder ihr Ordner ist "
                                   "schreibgeschützt.")
    assert window.findChild(QLabel, "readOnlyLabel").text() == "Schreibgeschützt"


def test_searching_and_viewing_work(read_only_window, qtbot, settle):
    window = read_only_window
    qtbot.keyClicks(window.search_field, "schnitzmeier")
    settle(window)
    assert window.table.model().rowCount() == 1
    window.table.selectRow(0)
    settle(window)
    assert window.current is not None and window.current[0] == "person"
    assert window.menus.export_action.isEnabled() and window.menus.copy_vcard_action.isEnabled()


def test_nothing_that_writes_is_offered(read_only_window, qtbot, settle, monkeypatch):
    window = read_only_window
    qtbot.keyClicks(window.search_field, "schnitzmeier")
    settle(window)
    window.table.selectRow(0)
    settle(window)
    path = window.database.path
    before = digest(path)
    menus = window.menus
    for action in (menus.new_action, menus.edit_action, menus.delete_action, menus.import_action,
                   menus.import_sheet_action, menus.undo_import_action,
                   window.privacy.erase_action, window.privacy.export_action):
        assert not action.isEnabled(), action.text()
    menu = window.context_menu()
    assert not [a for a in menu.actions() if a.menu() is not None]  # no "add to list/event"
    opened: list[object] = []
    monkeypatch.setattr(window, "run_dialog", lambda dialog: opened.append(dialog) or False)
    window.table.doubleClicked.emit(window.table.model().index(0, 0))
    assert opened == []  # no edit dialog that could not be saved
    assert digest(path) == before


def test_a_write_that_slips_through_is_refused_in_one_line(read_only_window, monkeypatch):
    window = read_only_window
    errors: list[str] = []
    monkeypatch.setattr(window, "report_error", errors.append)
    monkeypatch.setattr(window, "confirm", lambda *_args: True)
    window.editor.delete_topic(1)
    assert errors == [f"Die Datenbank {window.database.path} ist schreibgeschützt; "
                      "es wurde nichts geändert."]


def test_the_app_names_a_locked_database_at_start(db_path, monkeypatch, qapp):
    from defence_dir.ui.window import app

    open_database(str(db_path)).close()
    monkeypatch.setenv(BUSY_TIMEOUT_VAR, "200")
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(app, "show_error", lambda _parent, title, text: shown.append(
        (title, text)))
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("PRAGMA locking_mode=EXCLUSIVE")
    other.execute("BEGIN EXCLUSIVE")
    other.execute("COMMIT")
    try:
        assert app.run_app(str(db_path)) == 1
    finally:
        other.close()
    [(title, text)] = shown
    assert title == "Das Verzeichnis kann nicht geöffnet werden"
    assert "gesperrt" in text and "\n" not in text


def test_a_worker_never_shows_sql_or_parameters(qapp, qtbot):
    from PySide6.QtWidgets import QWidget
    from sqlalchemy.exc import OperationalError

    from defence_dir.errors import DefenceDirError
    from defence_dir.ui.common.jobs import Jobs

    def broken(_progress) -> object:
        raise OperationalError("UPDATE person SET family_name = ?", ("Weiß",),
                               Exception("no such column: x"))

    owner = QWidget()  # what the jobs belong to, closed with the test
    qtbot.addWidget(owner)
    worker = Jobs(owner)
    answers: list[object] = []
    worker.run(broken, answers.append, answers.append)
    worker.wait()
    qtbot.waitUntil(lambda: bool(answers))
    [answer] = answers
    assert isinstance(answer, DefenceDirError)
    assert str(answer) == "Exception: no such column: x"
