"""What outlives a single main window: the databases opened in this run and copied cards."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from defence_dir.data.database import Database

# Databases opened by windows of this run (switching to the team database adds one); a worker
# of a closed window may still use its database, so all close when the app ends.
open_databases: list[Database] = []


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
