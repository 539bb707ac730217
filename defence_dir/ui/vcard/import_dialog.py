"""The vCard import dialog: preview card by card, then import with progress and Cancel."""

from __future__ import annotations

import contextlib
import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from defence_dir.data.database import Database
from defence_dir.errors import DefenceDirError
from defence_dir.imports.writing import ImportCancelled
from defence_dir.ui.common.jobs import Jobs
from defence_dir.ui.common.messages import show_busy_text, show_error_text
from defence_dir.ui.duplicates.similar_rows import SimilarRows
from defence_dir.ui.vcard.import_preview import DETAILS, PreviewModel, Row, preview_rows
from defence_dir.vcard import service
from defence_dir.vcard.importer import Action, ImportPlan, ImportResult, KnownCards, MatchMode
from defence_dir.vcard.reader import file_encoding
from defence_dir.vcard.report import encoding_warning


class ImportDialog(QDialog):
    """Preview of a vCard import, card by card; nothing is written until "Import".

    Reading, planning and importing run in a worker: an iPhone export with photos is tens of
    MB, and its preview took seconds on the GUI thread. The import shows its progress and
    stops at Cancel (one transaction: a stopped import writes nothing); afterwards the dialog
    says what it did until it is closed.
    """

    progress_signal = Signal(int, int)  # (done, total) from the worker: preview or import

    def __init__(self, parent: QWidget | None, database: Database, path: Path) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle(self.tr("Import vCards: {name}").format(name=path.name))
        self.resize(980, 480)
        self.database, self.path = database, path
        self.data = path.read_bytes()
        self.plan: ImportPlan | None = None
        self.batch_id: int | None = None
        self.result_counts: dict[str, int] | None = None
        self.warned = 0
        self.importing = False
        self.previewing = False
        self.preview_again = False  # the mode changed while a preview ran
        self.closed = False
        # The directory's UIDs and addresses, read once and kept while the user tries modes.
        self.directory: KnownCards | None = None
        self.cancel = threading.Event()  # asked by the import's progress callback
        self.last_progress: tuple[int, int] | None = None
        self.worker = Jobs(self, newest_only=True)  # a stale preview's answer is dropped
        self.mode = QComboBox()
        self.mode.setObjectName("matchMode")
        self.mode.addItem(self.tr("Fill empty fields"), MatchMode.FILL.value)
        self.mode.addItem(self.tr("Overwrite"), MatchMode.OVERWRITE.value)
        self.mode.addItem(self.tr("Skip"), MatchMode.SKIP.value)
        self.mode.currentIndexChanged.connect(self.mode_changed)
        # Details: what changes, or why a card is refused; Warnings: remarks on cards that
        # do come in (a photo not kept, a line read in another encoding).
        self.model = PreviewModel(self, [self.tr("Card"), self.tr("Name"), self.tr("Result"),
                                         self.tr("Details"), self.tr("Warnings")])
        self.table = QTableView()
        self.table.setObjectName("preview")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 50)
        self.table.setColumnWidth(1, 190)
        self.table.setColumnWidth(2, 90)
        self.table.setColumnWidth(3, 290)
        # New cards that may be a person already there: marked, and comparable.
        self.similar = SimilarRows(self, database, self.table, self.model, DETAILS)
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        # The import's state: progress, "cancelled", or what went wrong (one line).
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.status.hide()
        self.busy = QProgressBar()
        self.busy.setObjectName("progress")
        self.busy.hide()
        top = QFormLayout()
        top.addRow(self.tr("Persons already in the directory"), self.mode)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(self.tr("Import"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.clicked.connect(self.run_import)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.similar.button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.status)
        layout.addWidget(self.busy)
        layout.addWidget(self.buttons)
        self.progress_signal.connect(self._progress)
        self.finished.connect(self._release)
        self.preview()

    def labels(self) -> dict[Action, str]:
        return {Action.NEW: self.tr("new"), Action.UPDATE: self.tr("update"),
                Action.UNCHANGED: self.tr("unchanged"), Action.SKIPPED: self.tr("skipped"),
                Action.DUPLICATE: self.tr("duplicate"), Action.INVALID: self.tr("invalid")}

    def mode_changed(self, _index: int) -> None:
        self.status.hide()  # what the last import attempt said is about the old preview
        self.preview()

    def preview(self) -> None:
        """Plan the import in the worker; `show_plan` fills the table. One preview at a time:
        a mode chosen while one runs is planned when it has answered (its answer is stale)."""
        if self.importing or self.batch_id is not None:
            return
        self.plan = None
        self.import_button.setEnabled(False)
        show_busy_text(self.summary, self.tr("Reading the cards …"))
        self.busy.setRange(0, 0)  # no steps to count: it moves while the worker works
        self.busy.setTextVisible(False)
        self.busy.show()
        if self.previewing:
            self.preview_again = True
            return
        self.previewing = True
        database, data, name = self.database, self.data, self.path.name
        mode = MatchMode(self.mode.currentData())
        labels = self.labels()
        signal = self.progress_signal

        def progress(done: int, total: int) -> bool:
            """Cards planned so far; a closed dialog or a newer mode stops the planning (its
            answer would be dropped anyway)."""
            if self.closed or self.preview_again:
                return False
            with contextlib.suppress(RuntimeError):  # the dialog is gone
                signal.emit(done, total)
            return True

        def work() -> tuple[ImportPlan, list[Row], int, str | None]:
            directory = self.directory or service.known_cards(database)
            if not self.closed:
                self.directory = directory
            plan = service.plan_cards(database, data, name, mode, directory, progress)
            rows, warned = preview_rows(plan, labels)
            return plan, rows, warned, encoding_warning(file_encoding(data))
        self.worker.call(work, self.show_plan)

    def show_plan(self, result: object) -> None:
        self.previewing = False
        if self.preview_again:
            self.preview_again = False
            self.preview()
            return
        self.busy.hide()
        self.summary.setStyleSheet("")
        if isinstance(result, DefenceDirError):
            self.model.set_rows([])
            show_error_text(self.summary, str(result))
            return
        assert isinstance(result, tuple)
        self.plan, rows, warned, encoding_note = result
        labels = self.labels()
        self.model.set_rows(rows)
        self.similar.look_up({i: (c.draft, c.organisation, c.name)
                              for i, c in enumerate(self.plan.cards)
                              if c.action is Action.NEW and c.draft is not None})
        self.warned = warned
        counts = self.plan.counts()
        parts = [", ".join(f"{labels[Action(k)]}: {v}" for k, v in counts.items() if v)]
        if warned:
            parts.append(self.tr("%n card(s) with a warning (see Warnings).", "", warned))
        if encoding_note:
            parts.append(encoding_note)
        self.summary.setText(" — ".join(parts))
        self.import_button.setEnabled(counts["new"] + counts["update"] > 0)

    def run_import(self) -> None:
        """Import in the worker, in one transaction, with progress; Cancel stops it there."""
        if self.plan is None or self.importing or self.previewing:
            return
        self.importing = True
        self.cancel.clear()
        self.last_progress = None
        self.import_button.setEnabled(False)
        self.mode.setEnabled(False)
        counts = self.plan.counts()
        show_busy_text(self.status, self.tr("Importing %n card(s) …", "",
                                   counts["new"] + counts["update"]))
        self.status.show()
        self.busy.setRange(0, max(1, len(self.plan.cards)))
        self.busy.setValue(0)
        self.busy.setFormat("%p %")
        self.busy.setTextVisible(True)
        self.busy.show()
        database, plan, cancel, signal = self.database, self.plan, self.cancel, \
            self.progress_signal

        def progress(done: int, total: int) -> bool:
            with contextlib.suppress(RuntimeError):  # the dialog is gone
                signal.emit(done, total)  # queued to the GUI thread
            return not cancel.is_set()

        def work() -> ImportResult:
            # One transaction: a cancel or an error rolls everything back.
            return service.import_cards(database, plan, progress)
        self.worker.call(work, self.imported)

    def _progress(self, done: int, total: int) -> None:
        if self.previewing and not self.importing:  # cards read and planned so far
            self.busy.setRange(0, max(1, total))
            self.busy.setValue(min(done, total))
            return
        if not self.importing:
            return
        self.last_progress = (done, total)
        if not self.cancel.is_set():
            self.busy.setMaximum(max(1, total))
            self.busy.setValue(min(done, total))

    def imported(self, result: object) -> None:
        self.importing = False
        self.busy.hide()
        if isinstance(result, DefenceDirError):
            self.import_button.setEnabled(True)
            self.mode.setEnabled(True)
            if isinstance(result, ImportCancelled):
                show_busy_text(self.status, self.tr("Import cancelled: nothing was written, the "
                                           "directory is as it was."))
            else:
                show_error_text(self.status, str(result))
                # The directory may have changed under the plan (a person deleted meanwhile):
                # read it again and preview anew; the error line stays.
                self.directory = None
                self.preview()
            return
        assert isinstance(result, ImportResult)
        self.batch_id, self.result_counts = result.batch_id, dict(result.counts)
        self.status.hide()
        self.summary.setText(self.report())
        # Done: the preview is history; Close (or Escape) takes the answer to the window.
        self.import_button.hide()
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setDefault(True)
        close.setFocus()

    def report(self) -> str:
        """What the import did, in one line (the window shows it in its status bar)."""
        counts = self.result_counts or {}
        text = self.tr("Import done: {new} new, {updated} updated, {unchanged} "
                       "unchanged.").format(new=counts.get("new", 0),
                                            updated=counts.get("update", 0),
                                            unchanged=counts.get("unchanged", 0))
        labels = self.labels()
        left = [f"{counts[action.value]} {labels[action]}"
                for action in (Action.INVALID, Action.DUPLICATE, Action.SKIPPED)
                if counts.get(action.value)]
        if left:
            text += " " + self.tr("Not imported: {cards}.").format(cards=", ".join(left))
        if self.warned:
            text += " " + self.tr("%n card(s) with a warning (see Warnings).", "", self.warned)
        return text

    def reject(self) -> None:
        """Cancel: during the import, stop it (it rolls back; the dialog stays and says so);
        after it, close as done; during a preview, close at once, dropping its answer."""
        if self.importing:
            if not self.cancel.is_set():
                self.cancel.set()
                show_busy_text(self.status, self.tr("Cancelling the import …"))
            return
        if self.batch_id is not None:
            self.accept()
            return
        self.worker.forget()
        super().reject()

    def _release(self, _result: int) -> None:
        """Once closed, let go of the file, the plan and the directory (a large file's are
        hundreds of MB): the dialog object lives on with its parent window."""
        self.closed = True
        self.worker.forget()
        self.previewing = self.preview_again = False
        self.data, self.plan, self.directory = b"", None, None
        self.model.set_rows([])

    def wait(self) -> None:
        """Until the worker is done and its answer shown (tests, screenshots)."""
        self.worker.wait()
        QCoreApplication.processEvents()
