"""Opening the configured team database when the app starts (password from the keyring, else
asked for); when it cannot be used the user is told why and the local directory opens."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
from PySide6.QtWidgets import QInputDialog, QLineEdit, QProgressDialog

from defence_dir.data.database import Database
from defence_dir.errors import DefenceDirError
from defence_dir.team import credentials
from defence_dir.team.connection_check import CheckResult
from defence_dir.team.opening import open_team_database
from defence_dir.ui.common.jobs import Jobs
from defence_dir.ui.common.messages import show_error
from defence_dir.ui.team.team_settings_dialog import opens_on_start, saved_team_settings


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
    answer = connect_with_progress(label, lambda: open_team_database(team, password))
    if answer is None:  # cancelled: the local directory, without a message
        return None
    if isinstance(answer, Database):
        return answer
    # A CheckResult says why; anything else is the worker's one-line DefenceDirError.
    _cannot_open(answer.message if isinstance(answer, CheckResult) else str(answer))
    return None


def connect_with_progress(label: str, work: Callable[[], object]) -> object | None:
    """`work()`'s answer (a DefenceDirError if it failed), run in a worker while a busy
    dialog with Cancel shows (an unreachable server takes seconds to time out); None when
    the user cancels. A database opened after a cancel is closed again."""
    box = QProgressDialog(QCoreApplication.translate(
        "TeamStart", "Connecting to the team database {name}…").format(name=label),
        QCoreApplication.translate("TeamStart", "Open the local directory"), 0, 0)
    box.setObjectName("teamConnecting")
    box.setWindowTitle(QCoreApplication.translate("TeamStart", "Team database"))
    box.setAutoReset(False)
    box.setAutoClose(False)
    shown = QTimer(box)  # shown only when it takes a moment: no flicker for a quick answer
    shown.setSingleShot(True)
    shown.timeout.connect(box.show)
    shown.start(300)
    loop = QEventLoop()
    answers: list[object] = []
    app = QCoreApplication.instance()
    assert app is not None  # a dialog runs in the application
    worker = Jobs(app)  # outlives the box, for a late answer
    cancelled: list[bool] = []

    def done(answer: object) -> None:
        if cancelled:  # a database opened after the cancel is closed again
            if isinstance(answer, Database):
                answer.close()
            return
        answers.append(answer)
        loop.quit()

    worker.run(lambda _progress: work(), done, done)
    box.canceled.connect(loop.quit)
    loop.exec()
    shown.stop()
    box.hide()
    box.deleteLater()
    if answers:
        return answers[0]
    # Cancelled: the attempt ends within its timeouts; a database it opens is closed then.
    cancelled.append(True)
    return None
