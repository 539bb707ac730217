"""The mailing for a list or an event: the recipients as a mail-merge .xlsx, or their addresses
on the clipboard for a BCC field. Reading thousands of recipients and writing the file take
longer than the GUI thread may, so both run in a worker thread.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog

from defence_dir.errors import DefenceDirError
from defence_dir.i18n import _ as core_text
from defence_dir.lists import service as lists
from defence_dir.lists.service import EmailLine
from defence_dir.records.kinds import RecordKind
from defence_dir.ui.common.host import WindowHost
from defence_dir.ui.common.jobs import Jobs
from defence_dir.ui.lists.members_view import MembersPanel


class MailingActions(QObject):
    """Serves the mailing buttons of the members panel for the list or event it shows."""

    def __init__(self, window: WindowHost, panel: MembersPanel) -> None:
        super().__init__(window.window())
        self.window, self.panel, self.database = window, panel, window.database
        self.jobs = Jobs(self)  # reading thousands of recipients, writing a file
        panel.export_requested.connect(self.export_mail_merge)
        panel.copy_requested.connect(self.copy_addresses)

    # --- mailing ----------------------------------------------------------------------------------
    def _in_background(self, work: Callable[[], Any], done: Callable[[Any], None]) -> None:
        self.jobs.run(lambda _progress: work(), done,
                      lambda error: self.window.report_error(str(error)))

    def export_mail_merge(self) -> None:
        kind, owner_id = RecordKind(self.panel.kind), self.panel.owner_id
        if owner_id is None:
            return
        database = self.database
        try:
            name = lists.name_of(self.database, kind, owner_id)
        except DefenceDirError:
            name = ""
        # The list's or event's name as the suggested file name, without characters that
        # file systems refuse.
        stem = re.sub(r'[\\/:*?"<>|]+', "-", name).strip(" .-") or "mail-merge"
        path = self.ask_save_path(stem + ".xlsx")
        if not path:
            return
        target = Path(path if path.lower().endswith(".xlsx") else path + ".xlsx")
        if not target.parent.is_dir():
            self.window.report_error(core_text("The folder {folder} does not exist.",
                                               folder=str(target.parent)))
            return

        def work() -> int:
            return lists.write_mail_merge(database, kind, owner_id, target)
        self._in_background(work, lambda count: self._say(self.tr(
            "%n recipient(s) written to {file}.", "", int(count)).format(file=target.name)))

    def copy_addresses(self, separator: str) -> None:
        kind, owner_id = RecordKind(self.panel.kind), self.panel.owner_id
        if owner_id is None:
            return
        database = self.database

        def work() -> EmailLine:
            return lists.email_line(database, kind, owner_id, separator)
        self._in_background(work, self._copied)

    def _copied(self, line: EmailLine) -> None:
        QGuiApplication.clipboard().setText(line.line)
        message = self.tr("%n address(es) copied for BCC.", "", line.included)
        if line.left_out:
            message += " " + self.tr("{count} left out: {unsubscribed} unsubscribed or "
                                     "cancelled, {invalid} without a valid address.").format(
                count=line.left_out, unsubscribed=line.left_out_unsubscribed,
                invalid=line.left_out_invalid)
        self._say(message)

    def _say(self, message: str) -> None:
        self.window.statusBar().showMessage(message, 10000)

    # --- questions (a method so that tests can answer it) --------------------------------------
    def ask_save_path(self, suggested: str) -> str:
        path, _filter = QFileDialog.getSaveFileName(
            self.window.window(), self.tr("Export for mail merge"), str(Path.home() / suggested),
            self.tr("Excel workbook (*.xlsx)"))
        return path

