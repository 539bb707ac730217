"""Past imports (spreadsheets and vCards), newest first, each of which can be taken back."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from defence_dir.data.database import Database
from defence_dir.errors import DefenceDirError
from defence_dir.import_records import import_batches, undo_import


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
        self.batches: list[dict[str, object]] = []
        self.reload()

    def reload(self) -> None:
        with self.database.read_session() as session:
            self.batches = import_batches(session)
        self.table.setRowCount(len(self.batches))
        for row, batch in enumerate(self.batches):
            when = str(batch["imported_at"] or "")[:16].replace("T", " ")
            state = self.tr("undone") if batch["undone"] else ""
            for column, value in enumerate((str(batch["file"]), when, str(batch["rows"]),
                                            str(batch["created"]), str(batch["updated"]),
                                            state)):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self._update()

    def _update(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        batch = self.batches[rows[0].row()] if rows else None
        self.undo_button.setEnabled(batch is not None and not batch["undone"])

    def undo_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        batch = self.batches[rows[0].row()]
        try:
            with self.database.session() as session:
                counts = undo_import(session, int(batch["id"]))  # type: ignore[call-overload]
        except DefenceDirError as exc:
            self.message.setStyleSheet("color: #c62828;")
            self.message.setText(str(exc))
            return
        self.changed = True
        self.message.setStyleSheet("")
        self.message.setText(self.tr("Undone: {deleted} removed, {restored} restored.").format(
            **counts))
        self.reload()
