"""Starting the desktop application: Qt application object, database, main window."""

from __future__ import annotations

import atexit
import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from defence_dir import __version__
from defence_dir.data.database import open_database
from defence_dir.data.failures import describe
from defence_dir.ui.messages import show_error
from defence_dir.ui.resource_paths import icon_path
from defence_dir.ui.settings import effective_language
from defence_dir.ui.translations import install_language


def application_icon() -> QIcon:
    path = icon_path()
    return QIcon(str(path)) if path.exists() else QIcon()


def release_clipboard() -> None:
    """Hand copied cards to the clipboard as plain text: a QMimeData made in Python and still
    owned by the clipboard when the interpreter exits makes PySide crash while shutting down
    (seen with PySide6 6.12)."""
    app = QApplication.instance()
    if app is None:
        return
    clipboard = QApplication.clipboard()
    mime = clipboard.mimeData()
    if mime is not None and mime.hasFormat("text/vcard"):
        clipboard.setText(mime.text())


def ensure_application() -> QApplication:
    """The one QApplication, with the names QSettings and the desktop use."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setApplicationName("defence-dir")
    app.setOrganizationName("DEFENCE.NRW")
    app.setApplicationDisplayName("defence-dir")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("defence-dir")
    app.setWindowIcon(application_icon())
    # Searches run in a worker thread; a shorter GIL switch interval lets the GUI thread take
    # the interpreter back sooner while the worker does Python work, so typing never stalls.
    sys.setswitchinterval(0.0005)
    if not getattr(ensure_application, "registered", False):
        atexit.register(release_clipboard)
        ensure_application.registered = True  # type: ignore[attr-defined]
    return app


def run_app(db_target: str | None) -> int:
    """Open the database and show the main window; a database that cannot be used is explained."""
    app = ensure_application()
    install_language(effective_language())
    try:
        database = open_database(db_target)
    except Exception as exc:  # a database failure or a refusal: one line, never SQL
        show_error(None, QCoreApplication.translate("App", "Cannot open the directory"),
                   describe(exc))
        return 1
    from defence_dir.ui.main_window import MainWindow  # after the database check: faster error

    window = MainWindow(database)
    window.show()
    try:
        return app.exec()
    finally:
        database.close()
