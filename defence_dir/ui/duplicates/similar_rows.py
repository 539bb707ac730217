"""Import preview rows that may be an existing person: "possibly the same person as …" in
the details column, and a button that shows the row beside that person.

The rows looked at are those the import would create; the lookup (similar_persons) runs in
a job after each preview, and a newer preview drops the older lookup's answer.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QAbstractItemModel, QObject
from PySide6.QtWidgets import QAbstractItemView, QPushButton, QWidget

from defence_dir.data.database import Database
from defence_dir.duplicates import service as duplicates
from defence_dir.duplicates.service import SimilarPerson
from defence_dir.errors import DefenceDirError
from defence_dir.records import browsing
from defence_dir.records.persons import PersonDraft
from defence_dir.ui.common.jobs import Jobs
from defence_dir.ui.common.messages import show_error
from defence_dir.ui.duplicates.draft_comparison import DraftComparison
from defence_dir.ui.duplicates.person_names import person_names

Row = tuple[PersonDraft, str | None, str]  # the row's draft, organisation name, shown name
Found = tuple[dict[int, list[SimilarPerson]], dict[int, str]]


class SimilarRows(QObject):
    """Sets `model.similar` (model row -> marker text); the model shows it in `column`."""

    def __init__(self, parent: QWidget, database: Database, view: QAbstractItemView,
                 model: QAbstractItemModel, column: int) -> None:
        super().__init__(parent)
        self.parent_widget, self.database, self.view = parent, database, view
        self.model, self.column = model, column
        self.rows: dict[int, Row] = {}
        self.found: dict[int, tuple[SimilarPerson, str]] = {}  # model row -> best, its name
        self.jobs = Jobs(self, newest_only=True)
        self.button = QPushButton(self.tr("Compare with the existing person…"))
        self.button.setObjectName("compareSimilar")
        self.button.setToolTip(self.tr("Show the selected row beside the person already in "
                                       "the directory"))
        self.button.clicked.connect(self.compare_current)
        self.button.hide()
        view.selectionModel().currentRowChanged.connect(lambda *_: self._update_button())

    def look_up(self, rows: Mapping[int, Row]) -> None:
        """Look for existing persons like these rows (model row -> its values)."""
        self.rows, self.found = dict(rows), {}
        self._show()
        if not rows:
            return
        order = list(self.rows)
        drafts = [self.rows[r][0] for r in order]
        database = self.database

        def work(progress: duplicates.Progress) -> Found:
            similar = duplicates.similar_persons(database, drafts, progress=progress)
            ids = {hits[0].person_id for hits in similar.values() if hits}
            return similar, person_names(database, ids)

        def done(result: Found) -> None:
            similar, names = result
            self.found = {order[i]: (hits[0], names.get(hits[0].person_id, ""))
                          for i, hits in similar.items() if hits and 0 <= i < len(order)}
            self._show()
        # A failed lookup only leaves the markers out: the import itself is not affected.
        self.jobs.run(work, done, lambda _error: None)

    def marker(self, row: int) -> str:
        found = self.found.get(row)
        if found is None:
            return ""
        return self.tr("possibly the same person as {name}").format(name=found[1])

    def _show(self) -> None:
        self.model.similar = {row: self.marker(row) for row in self.found}  # type: ignore[attr-defined]
        rows = self.model.rowCount()
        if rows:
            self.model.dataChanged.emit(self.model.index(0, self.column),
                                        self.model.index(rows - 1, self.column))
        self.button.setVisible(bool(self.found))
        self._update_button()

    def _update_button(self) -> None:
        self.button.setEnabled(self.view.currentIndex().row() in self.found)

    def compare_current(self) -> DraftComparison | None:
        row = self.view.currentIndex().row()
        if row not in self.found or row not in self.rows:
            return None
        draft, organisation, name = self.rows[row]
        try:
            record = browsing.detail(self.database, "person", self.found[row][0].person_id)
        except DefenceDirError as exc:
            show_error(self.parent_widget, self.tr("Not shown"), str(exc))
            return None
        if record is None:
            show_error(self.parent_widget, self.tr("Not shown"),
                       self.tr("This person no longer exists."))
            return None
        dialog = DraftComparison(self.parent_widget, record, draft, organisation, name)
        dialog.setModal(True)
        dialog.open()
        return dialog
