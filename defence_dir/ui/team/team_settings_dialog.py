"""Team settings: the team database's address and user, its password in the system keyring,
a connection test and connecting the window to it."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from defence_dir.data.database import Database
from defence_dir.errors import DefenceDirError
from defence_dir.team import credentials
from defence_dir.team.connection_check import CheckResult, check_connection
from defence_dir.team.opening import open_team_database
from defence_dir.team.settings import TeamSettings, team_label
from defence_dir.ui.common import settings as app_settings
from defence_dir.ui.common.jobs import Jobs

URL_KEY, USER_KEY, ON_START_KEY = "team/url", "team/user", "team/open_on_start"


def saved_team_settings() -> TeamSettings | None:
    """The configured team database, or None (no password: that is in the keyring)."""
    values = app_settings.settings()
    url = str(values.value(URL_KEY, "") or "").strip()
    return TeamSettings(url, str(values.value(USER_KEY, "") or "")) if url else None


def opens_on_start() -> bool:
    return str(app_settings.settings().value(ON_START_KEY, "false")).lower() == "true"


def save_team_settings(team: TeamSettings | None, *, open_on_start: bool) -> None:
    values = app_settings.settings()
    if team is None:
        for key in (URL_KEY, USER_KEY, ON_START_KEY):
            values.remove(key)
    else:
        values.setValue(URL_KEY, team.url.strip())
        values.setValue(USER_KEY, team.user.strip())
        values.setValue(ON_START_KEY, "true" if open_on_start else "false")
    values.sync()


class TeamSettingsDialog(QDialog):
    """`opened` holds the team database when the user connected the window to it."""

    def __init__(self, parent: QWidget | None, database: Database | None) -> None:
        super().__init__(parent)
        self.setObjectName("teamSettingsDialog")
        self.setWindowTitle(self.tr("Team database"))
        self.opened: Database | None = None
        self.worker = Jobs(self, newest_only=True)
        self.keyring = credentials.keyring_available()

        self.current = QLabel(self._current_text(database))
        self.current.setObjectName("currentDatabase")
        self.current.setTextFormat(Qt.TextFormat.PlainText)
        self.current.setWordWrap(True)
        self.url = QLineEdit()
        self.url.setObjectName("teamUrl")
        self.url.setPlaceholderText("postgresql://server.example.org/directory")
        self.user = QLineEdit()
        self.user.setObjectName("teamUser")
        self.password = QLineEdit()
        self.password.setObjectName("teamPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(self.tr("Keep the password in the system keyring"))
        self.remember.setObjectName("rememberPassword")
        self.remember.setChecked(self.keyring)
        self.remember.setEnabled(self.keyring)
        self.on_start = QCheckBox(self.tr("Open the team database when defence-dir starts"))
        self.on_start.setObjectName("openOnStart")
        self.keyring_note = QLabel(credentials.unavailable_text())
        self.keyring_note.setObjectName("keyringNote")
        self.keyring_note.setWordWrap(True)
        self.keyring_note.setVisible(not self.keyring)
        self.answer = QLabel()
        self.answer.setObjectName("connectionResult")
        self.answer.setTextFormat(Qt.TextFormat.PlainText)
        self.answer.setWordWrap(True)
        self.answer.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        team = saved_team_settings()
        if team is not None:
            self.url.setText(team.url)
            self.user.setText(team.user)
            self.on_start.setChecked(opens_on_start())
            if self._stored_password(team):
                self.password.setPlaceholderText(self.tr("stored in the system keyring"))

        form = QFormLayout()
        form.addRow(self.tr("Address"), self.url)
        form.addRow(self.tr("User"), self.user)
        form.addRow(self.tr("Password"), self.password)
        form.addRow("", self.remember)
        form.addRow("", self.on_start)
        self.test_button = QPushButton(self.tr("&Test connection"))
        self.test_button.setObjectName("testConnection")
        self.test_button.clicked.connect(self.test_connection)
        self.connect_button = QPushButton(self.tr("&Connect now"))
        self.connect_button.setObjectName("connectNow")
        self.connect_button.setToolTip(self.tr("Open the team database in this window"))
        self.connect_button.clicked.connect(self.connect_now)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Close)
        self.buttons.addButton(self.test_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.connect_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.current)
        layout.addLayout(form)
        layout.addWidget(self.keyring_note)
        layout.addWidget(self.answer)
        layout.addWidget(self.buttons)
        self.resize(560, self.sizeHint().height())

    def _current_text(self, database: Database | None) -> str:
        if database is None:
            return ""
        label = team_label(database.url)
        if label is not None:
            return self.tr("Open now: team database {name}").format(name=label)
        return self.tr("Open now: local directory {path}").format(path=database.location)

    # --- values ----------------------------------------------------------------------------
    def team(self) -> TeamSettings:
        return TeamSettings(self.url.text(), self.user.text())

    def _stored_password(self, team: TeamSettings) -> str | None:
        with contextlib.suppress(DefenceDirError):
            return credentials.stored_password(team)
        return None

    def _password(self, team: TeamSettings) -> str | None:
        """What was typed, else what the keyring holds for this database."""
        return self.password.text() or self._stored_password(team)

    def _valid_team(self) -> TeamSettings | None:
        team = self.team()
        try:
            team.server_url()
        except DefenceDirError as exc:
            self._show(str(exc), ok=False)
            self.url.setFocus()
            return None
        return team

    def _keep(self, team: TeamSettings) -> None:
        """Save the settings; the password goes to the keyring only, never to QSettings."""
        save_team_settings(team, open_on_start=self.on_start.isChecked())
        if self.keyring and not self.remember.isChecked():  # "do not keep it" forgets it
            credentials.forget_password(team)
        elif self.password.text() and self.remember.isChecked():
            try:
                credentials.store_password(team, self.password.text())
            except credentials.KeyringUnavailableError as exc:
                self._show(str(exc), ok=False)

    # --- actions ---------------------------------------------------------------------------
    def test_connection(self) -> None:
        team = self._valid_team()
        if team is None:
            return
        password = self._password(team)
        self._busy(self.tr("Testing the connection…"))
        self.worker.run(lambda _progress: check_connection(team, password), self._tested,
                        self._tested)

    def _tested(self, answer: object) -> None:
        self._idle()
        if isinstance(answer, CheckResult):
            self._show(answer.message, ok=answer.usable)
        else:
            self._show(str(answer), ok=False)

    def connect_now(self) -> None:
        team = self._valid_team()
        if team is None:
            return
        password = self._password(team)
        self._busy(self.tr("Connecting…"))
        def answer(result: object) -> None:
            self._connected(team, result)
        self.worker.run(lambda _progress: open_team_database(team, password), answer, answer)

    def _connected(self, team: TeamSettings, answer: object) -> None:
        self._idle()
        if isinstance(answer, CheckResult):
            self._show(answer.message, ok=False)
        elif isinstance(answer, Database):
            self._keep(team)
            self.opened = answer
            self.accept()
        else:
            self._show(str(answer), ok=False)

    def save(self) -> None:
        if not self.url.text().strip():
            save_team_settings(None, open_on_start=False)
            self.accept()
            return
        team = self._valid_team()
        if team is not None:
            self._keep(team)
            self.accept()

    def reject(self) -> None:
        # A test or connection still running is let finish (within its timeouts), and its
        # answer dropped: closing means the window stays on its database.
        self.worker.forget()
        self.worker.wait()
        super().reject()

    def _busy(self, text: str) -> None:
        for widget in (self.test_button, self.connect_button, self.buttons):
            widget.setEnabled(False)
        self._show(text, ok=True)

    def _idle(self) -> None:
        for widget in (self.test_button, self.connect_button, self.buttons):
            widget.setEnabled(True)

    def _show(self, text: str, *, ok: bool) -> None:
        self.answer.setText(text)
        self.answer.setStyleSheet("" if ok else "color: #b00020;")
