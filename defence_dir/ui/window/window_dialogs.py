"""The window's own questions (confirm, conflict) and its small dialogs (settings, team
database, about)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMainWindow, QMessageBox

from defence_dir import __version__
from defence_dir.data.database import Database
from defence_dir.ui.common.messages import plain_message_box


class WindowDialogs(QObject):
    def __init__(self, window: QMainWindow, database: Database,
                 replace_window: Callable[[Database], object]) -> None:
        super().__init__(window)
        self.window, self.database = window, database
        self.replace_window = replace_window  # by one on another database

    def confirm(self, title: str, text: str) -> bool:
        box = plain_message_box(self.window, QMessageBox.Icon.Question, title, text)
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        return box.exec() == QMessageBox.StandardButton.Yes

    def ask_conflict(self, message: str) -> str:
        """'overwrite', 'reload' or 'cancel' when someone else saved the person meanwhile."""
        box = plain_message_box(self.window, QMessageBox.Icon.Warning,
                                self.tr("Changed elsewhere"),
                                message + "\n\n" + self.tr(
                                    "Save your version anyway (the other change is lost), or "
                                    "discard yours and show the current one?"))
        overwrite = box.addButton(self.tr("Save mine"), QMessageBox.ButtonRole.AcceptRole)
        reload_button = box.addButton(self.tr("Show current"),
                                      QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        clicked = box.clickedButton()
        return "overwrite" if clicked is overwrite else (
            "reload" if clicked is reload_button else "cancel")

    def show_settings(self) -> None:
        from defence_dir.ui.common.settings_dialog import SettingsDialog

        SettingsDialog(self.window).exec()

    def show_team_settings(self) -> None:
        from defence_dir.ui.team.team_settings_dialog import TeamSettingsDialog

        dialog = TeamSettingsDialog(self.window, self.database)
        if dialog.exec() and dialog.opened is not None:
            self.replace_window(dialog.opened)
        dialog.deleteLater()

    def show_about(self) -> None:
        text = "\n\n".join((
            f"defence-dir {__version__}",
            self.tr("The directory of the DEFENCE.NRW networks: networks, organisations, "
                    "contact persons, technology fields, events and distribution lists."),
            self.tr("Database: {location}").format(location=self.database.location),
        ))
        box = plain_message_box(self.window, QMessageBox.Icon.NoIcon,
                                self.tr("About defence-dir"), text)
        box.setObjectName("aboutBox")
        box.setIconPixmap(self.window.windowIcon().pixmap(64, 64))
        box.exec()
