"""Opening the configured team database when the app starts (password from the keyring, else
asked for); when it cannot be used the user is told why and the local directory opens."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit

from defence_dir.data.database import Database
from defence_dir.data.failures import describe
from defence_dir.errors import DefenceDirError
from defence_dir.team import credentials
from defence_dir.team.opening import open_team_database
from defence_dir.ui.messages import show_error
from defence_dir.ui.team_settings_dialog import opens_on_start, saved_team_settings


def _cannot_open(reason: str) -> None:
    show_error(None, QCoreApplication.translate("TeamStart", "Cannot open the team database"),
               QCoreApplication.translate(
                   "TeamStart", "{reason}\n\nThe local directory is opened instead."
               ).format(reason=reason))


def ask_password(label: str) -> str | None:
    """The password typed by the user, or None when they cancel."""
    text = QCoreApplication.translate(
        "TeamStart", "Password for the team database {name}:").format(name=label)
    if not credentials.keyring_available():
        text = f"{text}\n\n{credentials.unavailable_text()}"
    password, ok = QInputDialog.getText(None, QCoreApplication.translate(
                                            "TeamStart", "Team database"), text,
                                        QLineEdit.EchoMode.Password)
    return password if ok else None


def open_team_on_start() -> Database | None:
    """The team database if it is to be opened on start and can be; otherwise None (the
    reason told in a message box), and the caller opens the local directory."""
    team = saved_team_settings() if opens_on_start() else None
    if team is None:
        return None
    try:
        label = team.label()
    except DefenceDirError as exc:  # settings edited by hand into something unusable
        _cannot_open(str(exc))
        return None
    password = credentials.stored_password(team) or ask_password(label)
    if password is None:
        return None
    try:
        answer = open_team_database(team, password)
    except Exception as exc:  # the check passed but opening failed: one line, never SQL
        reason = describe(exc)
    else:
        if isinstance(answer, Database):
            return answer
        reason = answer.message
    _cannot_open(reason)
    return None
