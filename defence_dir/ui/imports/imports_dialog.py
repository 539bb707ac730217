"""Past imports (spreadsheets and vCards), newest first, each of which can be taken back.

Undoing runs in a worker with progress and Cancel: taking back 100,000 rows takes seconds, and
a cancelled undo rolls back, so the import stays as it was."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QDateTime, QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from defence_dir.data.database import Database
from defence_dir.gc_pause import thaw
from defence_dir.imports import service
from defence_dir.imports.service import ImportBatchInfo
from defence_dir.ui.common.messages import plain_message_box
from defence_dir.ui.common.progress_jobs import ProgressJobs


class ImportsDialog(QDialog):
    def __init__(self, parent: QWidget | None, database: Database) -> None:
        super().__init__(parent)
        self.setObjectName("importsDialog")
        self.setWindowTitle(self.tr("Imports"))
        self.resize(760, 380)
        self.database = database
        self.changed = False
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("imports")
        self.table.setHorizontalHeaderLabels([self.tr("File"), self.tr("Imported"),
                                              self.tr("Rows"), self.tr("New"),
                                              self.tr("Updated"), self.tr("State")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.undo_button = buttons.addButton(self.tr("Undo import"),
                                             QDialogButtonBox.ButtonRole.ActionRole)
        self.undo_button.clicked.connect(self.undo_selected)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.batches: list[ImportBatchInfo] = []
        self.jobs = ProgressJobs(self)
        self.finished.connect(lambda _result: thaw())  # what an undo froze (gc_pause)
        self.reload()

    def reload(self) -> None:
        self.batches = service.import_batches(self.database)
        self.table.setRowCount(len(self.batches))
        locale = QLocale()
        for row, batch in enumerate(self.batches):
            # Stored in UTC; shown in the user's time zone and date format.
            when = QDateTime.fromString(batch.imported_at or "",
                                        Qt.DateFormat.ISODate).toLocalTime()
            state = self.tr("undone") if batch.undone else ""
            for column, value in enumerate((
                    batch.file,
                    locale.toString(when, QLocale.FormatType.ShortFormat) if when.isValid()
                    else "",
                    *(locale.toString(count)
                      for count in (batch.rows, batch.created, batch.updated)),
                    state)):
                item = QTableWidgetItem(value)
                if column in (2, 3, 4):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        self._update()

    def _update(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        batch = self.batches[rows[0].row()] if rows else None
        self.undo_button.setEnabled(batch is not None and not batch.undone)

    def confirm_undo(self, batch: ImportBatchInfo) -> bool:
        """Asks first: an undo deletes what the import created (a method, so tests answer)."""
        box = self.undo_confirmation_box(batch)
        box.exec()
        return box.buttonRole(box.clickedButton()) == QMessageBox.ButtonRole.AcceptRole

    def undo_confirmation_box(self, batch: ImportBatchInfo) -> QMessageBox:
        box = plain_message_box(
            self, QMessageBox.Icon.Question, self.tr("Undo import"),
            self.tr("Undo the import of \u201c{file}\u201d?\n\nNew records to remove: {created}\n"
                    "Changed records to restore: {updated}").format(
                file=batch.file, created=QLocale().toString(batch.created),
                updated=QLocale().toString(batch.updated)))
        box.setStandardButtons(QMessageBox.StandardButton.NoButton)
        box.addButton(self.tr("Undo import"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Cancel))
        return box

    def undo_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or self.jobs.running:
            return
        batch = self.batches[rows[0].row()]
        if not self.confirm_undo(batch):
            return
        batch_id, database = batch.id, self.database

        def work(progress: Callable[[int, int], None]) -> dict[str, int]:
            return service.undo(database, batch_id, progress)

        self.undo_button.setEnabled(False)
        self.jobs.run(self.tr("Undoing the import\u2026"), work, self._undone, self._failed,
                      cancelled=self._cancelled)

    def _undone(self, counts: dict[str, int]) -> None:
        self.changed = True
        self._say(self.tr("Undone: {deleted} removed, {restored} restored.").format(**counts))
        self.reload()

    def _failed(self, message: str) -> None:
        self._say(message, error=True)
        self._update()

    def _cancelled(self) -> None:
        self._say(self.tr("Undo cancelled; the import is still in place."))
        self._update()

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet("color: #c62828;" if error else "")
        self.message.setText(text)

    def reject(self) -> None:
        if not self.jobs.running:  # the undo finishes or is cancelled first
            super().reject()
