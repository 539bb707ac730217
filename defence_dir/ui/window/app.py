"""Starting the desktop application: Qt application object, database, main window."""

from __future__ import annotations

import atexit
import os
import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from defence_dir import __version__
from defence_dir.data.database import ENV_VAR, open_database
from defence_dir.data.failures import describe
from defence_dir.ui.common.messages import show_error
from defence_dir.ui.common.resource_paths import icon_path
from defence_dir.ui.common.settings import effective_language
from defence_dir.ui.common.translations import install_language
from defence_dir.ui.window.app_lifetime import open_databases, release_clipboard


def application_icon() -> QIcon:
    path = icon_path()
    return QIcon(str(path)) if path.exists() else QIcon()


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
    """Open the database and show the main window; a database that cannot be used is explained.

    Without --db or DEFENCE_DIR_DB, the team database opens when the team settings ask so."""
    app = ensure_application()
    install_language(effective_language())
    database = None
    if db_target is None and not os.environ.get(ENV_VAR):
        from defence_dir.ui.team.team_start import open_team_on_start

        database = open_team_on_start()
    try:
        database = database or open_database(db_target)
    except Exception as exc:  # a database failure or a refusal: one line, never SQL
        show_error(None, QCoreApplication.translate("App", "Cannot open the directory"),
                   describe(exc))
        return 1
    from defence_dir.ui.window.main_window import (
        MainWindow,  # after the database check: faster error
    )

    open_databases.append(database)
    window = MainWindow(database)
    window.show()
    try:
        return app.exec()
    finally:
        for opened in open_databases:
            opened.close()
