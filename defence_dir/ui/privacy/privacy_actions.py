"""Data-protection actions for the selected person: export an access report, erase completely.

Erasure runs `privacy.erase_person` in a worker thread: it rebuilds the search index and ends
with VACUUM, which rewrites the whole database file (seconds on a big directory), and the window
must stay painted. When another program keeps the wipe from finishing, the status bar says so
and the window retries now and then until it is done.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QLabel, QMenu, QMessageBox, QProgressDialog

from defence_dir.errors import DefenceDirError
from defence_dir.privacy.service import (
    ErasureResult,
    delete_backups,
    erase_person,
    export_access_report,
    wipe_pending,
    wipe_sqlite_file,
)
from defence_dir.privacy.wipe import RETRY_PATIENCE_MS
from defence_dir.records import service as records
from defence_dir.records.kinds import RecordKind
from defence_dir.ui.common.host import WindowHost
from defence_dir.ui.common.jobs import Jobs
from defence_dir.ui.common.messages import plain_message_box, plain_progress_dialog, show_error

RETRY_INTERVAL_MS = 15_000


class PrivacyActions(QObject):
    """The "Privacy" menu of the main window and the person context menu's privacy entries."""

    def __init__(self, window: WindowHost) -> None:
        super().__init__(window.window())
        self.window = window
        self.export_action = QAction(self.tr("Export access report…"), window.window())
        self.export_action.setObjectName("exportAccessAction")
        self.export_action.setToolTip(self.tr(
            "Everything stored about the selected person, as JSON or Excel (GDPR Art. 15)"))
        self.export_action.triggered.connect(lambda _checked=False: self.export_access_report())
        self.erase_action = QAction(self.tr("Erase person (GDPR)…"), window.window())
        self.erase_action.setObjectName("erasePersonAction")
        self.erase_action.setToolTip(self.tr(
            "Delete the selected person and every trace of them for good (GDPR Art. 17)"))
        self.erase_action.triggered.connect(lambda _checked=False: self.erase_current())
        self.menu = QMenu(self.tr("&Privacy"), window.window())
        self.menu.setObjectName("privacyMenu")
        self.menu.addAction(self.export_action)
        self.menu.addSeparator()
        self.menu.addAction(self.erase_action)
        self.worker = Jobs(self)
        self.progress: QProgressDialog | None = None
        # A wipe another program kept from finishing: shown, and retried while the window runs.
        self.pending_label = QLabel(self.tr("Erasure not complete: another program has the "
                                            "database open"))
        self.pending_label.setObjectName("wipePendingLabel")
        self.pending_label.setToolTip(self.tr(
            "Old copies of erased data are still in the database file. They are overwritten "
            "as soon as no other program (a second window, a command) has the database open."))
        window.statusBar().addPermanentWidget(self.pending_label)
        self.retry_worker = Jobs(self)
        self.retrying = False
        self.retry_timer = QTimer(self)
        self.retry_timer.setInterval(RETRY_INTERVAL_MS)
        self.retry_timer.timeout.connect(self.retry_wipe)
        self.show_pending(wipe_pending(window.database))

    def person(self) -> tuple[int, str] | None:
        """Id and name of the person shown in the detail pane, if one is."""
        current = self.window.current
        if current is None or current[0] != RecordKind.PERSON:
            return None
        try:
            return current[1], records.person_name(self.window.database, current[1])
        except DefenceDirError:
            return None

    def update_actions(self) -> None:
        # Not on the overview: the detail pane is hidden there, so no person is in sight.
        enabled = self.window.current is not None and self.window.current[0] == "person" \
            and self.progress is None and not self.window.overview_shown()
        self.export_action.setEnabled(enabled)
        self.erase_action.setEnabled(enabled)

    # --- access report ---------------------------------------------------------------------------
    def export_access_report(self) -> None:
        person = self.person()
        if person is None:
            return
        person_id, name = person
        json_filter = self.tr("JSON (*.json)")
        xlsx_filter = self.tr("Excel workbook (*.xlsx)")
        # A name is user data: keep path separators out of the suggested file name.
        safe_name = "".join("_" if c in '/\\:*?"<>|' else c for c in name)
        suggested = Path.home() / (self.tr("Access report {name}").format(name=safe_name)
                                   + ".json")
        path, chosen = QFileDialog.getSaveFileName(
            self.window.window(), self.tr("Export access report"), str(suggested),
            f"{json_filter};;{xlsx_filter}")
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() not in (".json", ".xlsx"):  # the filter decides the format
            target = target.with_name(target.name + (".xlsx" if chosen == xlsx_filter
                                                     else ".json"))
        try:
            export_access_report(self.window.database, person_id, target)  # audited
        except OSError as exc:
            show_error(self.window.window(), self.tr("Access report not written"), self.tr(
                "{path} cannot be written: {reason}").format(path=target,
                                                             reason=exc.strerror or exc))
            return
        except DefenceDirError as exc:
            show_error(self.window.window(), self.tr("Access report not written"), str(exc))
            return
        self.window.statusBar().showMessage(
            self.tr("Access report for {name} written to {path}").format(name=name,
                                                                         path=target), 8000)

    # --- erasure ---------------------------------------------------------------------------------
    def confirmation_box(self, name: str) -> QMessageBox:
        """The question before erasing; its destructive button is the one that erases."""
        box = plain_message_box(self.window.window(), QMessageBox.Icon.Warning,
                                self.tr("Erase person (GDPR)"),
                                self.tr("Erase {name} and everything stored about them?")
                                .format(name=name))
        box.setObjectName("eraseConfirmation")
        box.setInformativeText(self.tr(
            "Contact details, network roles, list memberships with their consent history, "
            "event attendances, import records about this person and their entries in the "
            "search index are deleted, and the database file is rewritten so that nothing of "
            "them stays readable in it.\n\n"
            "This cannot be undone. Unlike “Delete”, Undo will not bring the person back; the "
            "undo history is cleared."))
        box.setStandardButtons(QMessageBox.StandardButton.Cancel)
        erase = box.addButton(self.tr("Erase permanently"),
                              QMessageBox.ButtonRole.DestructiveRole)
        erase.setObjectName("eraseButton")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)  # Enter must not erase
        box.setEscapeButton(QMessageBox.StandardButton.Cancel)
        return box

    def confirm_erase(self, name: str) -> bool:
        box = self.confirmation_box(name)
        box.exec()
        return box.clickedButton() is box.findChild(QObject, "eraseButton")

    def erase_current(self) -> None:
        person = self.person()
        if person is None or self.progress is not None:
            return
        person_id, name = person
        if not self.confirm_erase(name):
            return
        self.progress = plain_progress_dialog(
            self.window.window(),
            self.tr("Erasing {name} and compacting the database …").format(name=name))
        self.progress.setRange(0, 0)
        self.progress.setObjectName("eraseProgress")
        self.progress.setWindowTitle(self.tr("Erase person (GDPR)"))
        # No Cancel button: VACUUM cannot be interrupted safely.
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(0)
        self.progress.show()
        self.update_actions()
        database = self.window.database
        self.worker.call(lambda: erase_person(database, person_id),
                         lambda result: self._erased(person_id, result))

    def _erased(self, person_id: int, result: object) -> None:
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
        self.update_actions()
        if isinstance(result, Exception):
            show_error(self.window.window(), self.tr("Not erased"), self.tr(
                "The person could not be erased: {message}").format(message=str(result)))
            self.window.person_erased(person_id, erased=False)
            return
        assert isinstance(result, ErasureResult)
        self.window.person_erased(person_id)
        self.show_pending(result.pending)
        if result.wiped:
            self.window.statusBar().showMessage(self.tr(
                "Person erased completely (%n record(s)); nothing of them is left in the "
                "database file.", "", result.rows_deleted), 8000)
        else:
            self.window.statusBar().showMessage(self.tr(
                "Person erased from the directory (%n record(s)).", "", result.rows_deleted), 8000)
        if result.pending or result.server or result.backups:
            self.result_box(result).exec()

    def result_box(self, result: ErasureResult) -> QMessageBox:
        """What is left after an erasure, with the choice to delete backups that hold them."""
        parts: list[str] = []
        if result.pending:
            parts.append(self.tr(
                "The person is erased from the directory, but another program (a second window "
                "or a command) has the database open, so old copies of their data are still in "
                "the database file. They are overwritten as soon as no other program uses the "
                "database; the status bar shows this until then."))
        if result.server:
            parts.append(self.tr(
                "The person is erased from the directory. On a database server, old row "
                "versions can stay in the server's files, WAL archives and backups until the "
                "server reuses the space; ask the server's administrator about them."))
        if result.backups:
            parts.append(self.tr(
                "%n older backup(s) of the database, made before updates of defence-dir, still "
                "contain the person's data:", "", len(result.backups)) + "\n"
                + "\n".join(str(p) for p in result.backups))
        box = plain_message_box(self.window.window(), QMessageBox.Icon.Warning,
                                self.tr("Erasure not complete"), "\n\n".join(parts))
        box.setObjectName("erasureResult")
        if result.backups:
            delete = box.addButton(self.tr("Delete %n backup(s)…", "", len(result.backups)),
                                   QMessageBox.ButtonRole.DestructiveRole)
            delete.setObjectName("deleteBackupsButton")
            delete.clicked.connect(lambda: self.delete_backups(result.backups))
            box.setDefaultButton(QMessageBox.StandardButton.Ok)
        return box

    def delete_backups(self, paths: list[Path]) -> None:
        box = plain_message_box(self.window.window(), QMessageBox.Icon.Warning,
                                self.tr("Delete backups"), self.tr(
            "Delete %n backup(s) of the database for good? They also hold the other records "
            "as they were before the update.", "", len(paths)) + "\n\n"
            + "\n".join(str(p) for p in paths))
        box.setObjectName("deleteBackupsConfirmation")
        box.setStandardButtons(QMessageBox.StandardButton.Cancel)
        confirm = box.addButton(self.tr("Delete backups"), QMessageBox.ButtonRole.DestructiveRole)
        confirm.setObjectName("confirmDeleteBackups")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is not confirm:
            return
        failed = delete_backups(paths)
        if failed:
            show_error(self.window.window(), self.tr("Backups not deleted"), "\n".join(
                self.tr("{path} cannot be deleted: {reason}").format(path=path, reason=reason)
                for path, reason in failed))
            return
        self.window.statusBar().showMessage(
            self.tr("%n backup(s) deleted.", "", len(paths)), 8000)

    # --- a wipe left pending by another program --------------------------------------------------
    def show_pending(self, pending: bool) -> None:
        self.pending_label.setVisible(pending)
        if pending:
            self.retry_timer.start()
        else:
            self.retry_timer.stop()

    def retry_wipe(self) -> None:
        """Try again to finish the wipe, off the GUI thread (a VACUUM can take seconds)."""
        if self.retrying or self.progress is not None:
            return
        self.retrying = True
        database = self.window.database
        self.retry_worker.call(lambda: wipe_sqlite_file(database, RETRY_PATIENCE_MS),
                               self._retried)

    def _retried(self, result: object) -> None:
        self.retrying = False
        if result is True:
            self.show_pending(False)
            self.window.statusBar().showMessage(self.tr(
                "The erasure is complete: nothing of the erased person is left in the database "
                "file."), 8000)
