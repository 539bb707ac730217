"""Team settings in the window: the real dialog, an in-memory keyring, and (when
DEFENCE_DIR_TEST_POSTGRES_URL is set) a real PostgreSQL team database."""

from __future__ import annotations

from pathlib import Path

from memory_keyring import memory_keyring, no_keyring  # noqa: F401 (fixtures)
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import make_url

from defence_dir.team import credentials
from defence_dir.team.settings import TeamSettings, team_label
from defence_dir.ui.team import team_start
from defence_dir.ui.team.team_settings_dialog import (
    TeamSettingsDialog,
    opens_on_start,
    saved_team_settings,
)

PASSWORD = "Zq7-geheim!pw"


def settings_text() -> str:
    """Everything QSettings wrote to disk, as the user's config folder holds it."""
    QSettings().sync()
    folder = Path(QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                            "DEFENCE.NRW", "defence-dir").fileName()).parent
    return "".join(p.read_text(encoding="utf-8", errors="replace")
                   for p in folder.rglob("*") if p.is_file())


def open_dialog(qtbot, database) -> TeamSettingsDialog:
    dialog = TeamSettingsDialog(None, database)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def fill(dialog: TeamSettingsDialog, address: str, user: str, password: str) -> None:
    dialog.url.setText(address)
    dialog.user.setText(user)
    dialog.password.setText(password)


def wait_for_answer(qtbot, dialog: TeamSettingsDialog) -> str:
    qtbot.waitUntil(lambda: dialog.test_button.isEnabled(), timeout=15000)
    return dialog.answer.text()


def pg_team(pg_url: str) -> tuple[str, str, str]:
    url = make_url(pg_url)
    return f"{url.host}:{url.port or 5432}/{url.database}", url.username or "", url.password


def test_the_dialog_names_the_open_database_and_tests_an_unreachable_server(
        qtbot, db, memory_keyring):  # noqa: F811
    dialog = open_dialog(qtbot, db)
    team = team_label(db.url)  # a PostgreSQL database is the team's
    assert dialog.current.text() == (f"Geöffnet: lokales Verzeichnis {db.location}"
                                     if team is None else f"Geöffnet: Teamdatenbank {team}")
    assert not dialog.keyring_note.isVisibleTo(dialog)
    fill(dialog, "127.0.0.1:1/verzeichnis", "anna", PASSWORD)
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    answer = wait_for_answer(qtbot, dialog)
    assert "antwortet nicht auf Port 1" in answer
    assert PASSWORD not in answer
    assert dialog.isVisible()


def test_a_password_in_the_address_is_refused_and_not_saved(qtbot, db, memory_keyring):  # noqa: F811
    dialog = open_dialog(qtbot, db)
    fill(dialog, f"postgresql://anna:{PASSWORD}@db.example.org/verzeichnis", "anna", "")
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert dialog.isVisible()
    assert "Passwort aus der Adresse entfernen" in dialog.answer.text()
    assert saved_team_settings() is None
    assert PASSWORD not in settings_text()


def test_saving_keeps_the_password_in_the_keyring_never_in_the_settings_file(
        qtbot, db, memory_keyring):  # noqa: F811
    dialog = open_dialog(qtbot, db)
    fill(dialog, "db.example.org/verzeichnis", "anna", PASSWORD)
    dialog.on_start.setChecked(True)
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert not dialog.isVisible()
    team = TeamSettings("db.example.org/verzeichnis", "anna")
    assert saved_team_settings() == team and opens_on_start()
    assert credentials.stored_password(team) == PASSWORD
    text = settings_text()
    assert "db.example.org/verzeichnis" in text
    assert PASSWORD not in text

    again = open_dialog(qtbot, db)
    assert (again.url.text(), again.user.text(), again.password.text()) == (
        "db.example.org/verzeichnis", "anna", "")
    assert again.password.placeholderText() == "im Schlüsselbund des Systems gespeichert"
    again.remember.setChecked(False)
    again.buttons.button(again.buttons.StandardButton.Save).click()
    assert credentials.stored_password(team) is None
    assert memory_keyring.passwords == {}


def test_without_a_keyring_the_user_is_told_and_nothing_is_stored(qtbot, db, no_keyring):  # noqa: F811
    dialog = open_dialog(qtbot, db)
    assert dialog.keyring_note.isVisibleTo(dialog)
    assert "kein Schlüsselbund" in dialog.keyring_note.text()
    assert not dialog.remember.isEnabled() and not dialog.remember.isChecked()
    fill(dialog, "db.example.org/verzeichnis", "anna", PASSWORD)
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert saved_team_settings() == TeamSettings("db.example.org/verzeichnis", "anna")
    assert PASSWORD not in settings_text()


def test_a_wrong_password_is_told_and_the_window_stays_on_its_database(
        qtbot, window, pg_url, memory_keyring):  # noqa: F811
    address, user, _password = pg_team(pg_url)
    dialog = open_dialog(qtbot, window.database)
    fill(dialog, address, user, PASSWORD)
    qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
    answer = wait_for_answer(qtbot, dialog)
    assert "Passwort ist falsch" in answer and PASSWORD not in answer
    assert dialog.opened is None and dialog.isVisible()
    assert saved_team_settings() is None  # nothing kept from a failed connection


def test_connecting_switches_the_window_to_the_team_database(
        qtbot, window, pg_url, memory_keyring, monkeypatch):  # noqa: F811
    address, user, password = pg_team(pg_url)
    team = TeamSettings(address, user)
    shown: list[TeamSettingsDialog] = []

    def run_dialog(dialog: TeamSettingsDialog) -> int:
        shown.append(dialog)
        fill(dialog, address, user, password)
        dialog.on_start.setChecked(True)
        dialog.connect_now()
        qtbot.waitUntil(lambda: dialog.opened is not None, timeout=30000)
        return dialog.result()

    monkeypatch.setattr(TeamSettingsDialog, "exec", run_dialog)
    window.dialogs.show_team_settings()
    QApplication.processEvents()
    successors = [w for w in QApplication.topLevelWidgets()
                  if w.objectName() == "mainWindow" and w.isVisible() and w is not window]
    assert len(successors) == 1
    successor = successors[0]
    qtbot.addWidget(successor)
    assert successor.windowTitle() == f"defence-dir – Teamdatenbank {team.label()}"
    assert successor.location_label.text() == f"Teamdatenbank {team.label()}"
    assert not window.isVisible()
    assert credentials.stored_password(team) == password
    assert saved_team_settings() == team
    assert f":{password}@" not in settings_text()
    again = open_dialog(qtbot, successor.database)
    assert again.current.text() == f"Geöffnet: Teamdatenbank {team.label()}"
    successor.close()
    successor.database.close()


def test_the_app_start_opens_the_team_database_with_the_stored_password(
        pg_url, memory_keyring, qapp):  # noqa: F811
    address, user, password = pg_team(pg_url)
    team = TeamSettings(address, user)
    from defence_dir.ui.team.team_settings_dialog import save_team_settings

    save_team_settings(team, open_on_start=True)
    credentials.store_password(team, password)
    database = team_start.open_team_on_start()
    assert database is not None
    try:
        assert database.url.database == make_url(pg_url).database
    finally:
        database.close()


def test_the_app_start_asks_for_the_password_without_a_keyring(
        pg_url, no_keyring, qapp, monkeypatch):  # noqa: F811
    address, user, password = pg_team(pg_url)
    from defence_dir.ui.team.team_settings_dialog import save_team_settings

    save_team_settings(TeamSettings(address, user), open_on_start=True)
    asked: list[str] = []
    monkeypatch.setattr(team_start, "ask_password",
                        lambda label: asked.append(label) or password)
    database = team_start.open_team_on_start()
    assert asked == [TeamSettings(address, user).label()]
    assert database is not None
    database.close()


def test_the_app_start_tells_why_and_opens_the_local_directory(
        memory_keyring, qapp, monkeypatch):  # noqa: F811
    from defence_dir.ui.team.team_settings_dialog import save_team_settings

    team = TeamSettings("127.0.0.1:1/verzeichnis", "anna")
    save_team_settings(team, open_on_start=True)
    credentials.store_password(team, PASSWORD)
    errors: list[tuple[str, str]] = []
    monkeypatch.setattr(team_start, "show_error",
                        lambda _parent, title, text: errors.append((title, text)))
    assert team_start.open_team_on_start() is None
    assert len(errors) == 1
    assert "antwortet nicht auf Port 1" in errors[0][1]
    assert "lokale Verzeichnis" in errors[0][1] and PASSWORD not in errors[0][1]


def test_the_app_start_ignores_team_settings_not_meant_for_the_start(memory_keyring, qapp):  # noqa: F811
    from defence_dir.ui.team.team_settings_dialog import save_team_settings

    save_team_settings(TeamSettings("127.0.0.1:1/verzeichnis", "anna"), open_on_start=False)
    assert team_start.open_team_on_start() is None


def test_connecting_at_start_can_be_cancelled_for_the_local_directory(qapp):
    import time

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QProgressDialog, QPushButton

    def cancel() -> None:  # as the user clicks "Lokales Verzeichnis öffnen"
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QProgressDialog) and widget.objectName() == "teamConnecting":
                assert widget.isVisible()
                button = widget.findChild(QPushButton)
                assert button.text() == "Lokales Verzeichnis öffnen"
                button.click()

    QTimer.singleShot(600, cancel)
    started = time.monotonic()
    assert team_start.connect_with_progress("anna@db/verzeichnis",
                                            lambda: time.sleep(3) or "late") is None
    assert time.monotonic() - started < 2.5
    assert team_start.connect_with_progress("anna@db/verzeichnis", lambda: "quick") == "quick"
