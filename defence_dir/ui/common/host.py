"""What the window offers the controllers it hosts (a Protocol, so none of them imports it)."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import SignalInstance
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialog, QStatusBar, QWidget

from defence_dir.data.database import Database


class WindowHost(Protocol):
    """The main window as its controllers see it (records, lists, privacy, vCards, imports)."""

    database: Database
    undo_stack: QUndoStack
    # The record (kind, id) the detail pane shows, if any.
    current: tuple[str, int] | None

    @property
    def data_changed(self) -> SignalInstance:
        """Emit (kind, ids) after any write, also undo/redo: the window refreshes what shows it."""
        ...

    def window(self) -> QWidget:
        """The top-level widget: parent of the controllers' dialogs, menus and actions."""
        ...

    def statusBar(self) -> QStatusBar: ...  # Qt's name

    def go_to(self, kind: str, record_id: int) -> None:
        """Show a record in its section (and remember it for Back)."""
        ...

    def overview_shown(self) -> bool: ...

    def reload(self) -> None:
        """Read everything shown again (another program changed the database)."""
        ...

    def person_erased(self, person_id: int, *, erased: bool = True) -> None:
        """Forget an erased person everywhere, undo history included."""
        ...

    # User prompts: methods, so tests can answer them.
    def run_dialog(self, dialog: QDialog) -> bool: ...

    def confirm(self, title: str, text: str) -> bool: ...

    def ask_conflict(self, message: str) -> str:
        """'overwrite', 'reload' or 'cancel' when someone else saved the record meanwhile."""
        ...

    def report_error(self, message: str) -> None: ...
