"""The spreadsheet import wizard: file and sheet, columns, row-by-row preview, target, import.

Reading, planning and writing run in a worker thread (a 100,000-row file takes seconds); the
pages show a busy state meanwhile and a newer request makes an older answer moot.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QWidget, QWizard

from defence_dir.data.database import Database
from defence_dir.errors import ValidationError
from defence_dir.gc_pause import thaw
from defence_dir.imports import service
from defence_dir.imports.spreadsheet.planning import KnownDirectory, SpreadsheetPlan
from defence_dir.imports.spreadsheet.reading import TableFile, read_table_file
from defence_dir.imports.spreadsheet.writing import SpreadsheetResult
from defence_dir.ui.common.jobs import Jobs
from defence_dir.ui.common.messages import show_busy_text
from defence_dir.ui.imports.file_page import FilePage
from defence_dir.ui.imports.import_page import ImportPage
from defence_dir.ui.imports.mapping_page import MappingPage
from defence_dir.ui.imports.preview_page import PreviewPage
from defence_dir.ui.imports.wizard_host import modified_time


class SpreadsheetWizard(QWizard):
    progress_signal = Signal(int, int)

    def __init__(self, parent: QWidget | None, database: Database) -> None:
        super().__init__(parent)
        self.cancel_requested = False
        self.setAcceptDrops(True)
        self.setObjectName("spreadsheetWizard")
        self.setWindowTitle(self.tr("Import a spreadsheet"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.resize(900, 620)
        self.database = database
        self.worker = Jobs(self, newest_only=True)
        self.table: TableFile | None = None
        self.released: tuple[Path, str | None, str | None, float | None] | None = None
        self.table_modified: float | None = None  # of the file when it was read
        self.plan: SpreadsheetPlan | None = None
        self.import_result: SpreadsheetResult | None = None
        self.directory: KnownDirectory | None = None
        self.directory_worker = Jobs(self, newest_only=True)
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self, self.file_page)
        self.preview_page = PreviewPage(self, self.file_page, self.mapping_page)
        self.import_page = ImportPage(self, self.file_page, self.mapping_page, self.preview_page)
        for page in (self.file_page, self.mapping_page, self.preview_page, self.import_page):
            self.addPage(page)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Import"))
        self.progress_signal.connect(
            lambda done, _total: self.import_page.progress.setValue(done))
        # Emitted when the wizard really closes (Finish also validates, and may not).
        self.finished.connect(self._release)

    def release_table(self) -> None:
        """Let go of the file's rows (the plan holds what is written); `table_in_worker`
        reads the file again with the same settings if it is needed once more."""
        if self.table is not None:
            self.released = (self.table.path, self.table.encoding, self.table.delimiter,
                             self.table_modified)
            self.table = None

    def table_in_worker(self) -> TableFile | None:
        """The file's tables, read again after `release_table` (in a worker: it takes a
        second for a large file; set here so a job queued after this one finds them)."""
        if self.table is None and self.released is not None:
            path, encoding, delimiter, modified = self.released
            if modified_time(path) != modified:  # header row and columns were chosen for the old
                raise ValidationError(self.tr("{name} has changed since it was read; please "
                                              "open it again.").format(name=path.name))
            self.table = read_table_file(path, encoding=encoding, delimiter=delimiter)
            self.released = None
        return self.table

    def delete_when_idle(self) -> None:
        """deleteLater once no job runs: deleting a thread pool waits for its job, and the
        window would not answer meanwhile (a preview still running after Cancel)."""
        if any(w.pool.activeThreadCount() for w in (self.worker, self.directory_worker)):
            QTimer.singleShot(200, self.delete_when_idle)
        else:
            thaw()  # what a job finishing after the close froze
            self.deleteLater()

    def load_directory(self) -> None:
        """Hold the directory's persons in memory for matching, loaded while the user checks
        the file and the columns, so the preview can appear at once."""
        if self.directory is not None:
            return
        database = self.database

        def work() -> KnownDirectory:
            # Set here, not when the answer reaches the GUI thread: a preview waiting for
            # this job reads it right after, before queued answers are delivered (it loaded
            # the whole directory a second time).
            self.directory = service.load_directory(database)
            return self.directory

        # Nothing to do with the answer; after an error the preview loads the directory.
        self.directory_worker.call(work, lambda _result: None)

    def _release(self, _result: int) -> None:
        """Once closed, let go of the file, the preview and the directory (hundreds of MB for
        a large file): the wizard object may live on with its parent window."""
        for worker in (self.worker, self.directory_worker):
            worker.forget()  # a preview still running is not shown any more
        self.table = self.plan = self.directory = self.released = None
        self.import_page.report = None
        self.preview_page.model.set_rows([])
        self.preview_page.shown = None
        thaw()

    def reject(self) -> None:
        """Cancel: while importing, stop the import (it rolls back) before closing."""
        if self.worker.pool.activeThreadCount() and self.import_page.progress.isVisible():
            self.cancel_requested = True
            show_busy_text(self.import_page.result_label, self.tr("Cancelling …"))
            return
        super().reject()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        """A file dropped on the wizard opens on the first page."""
        urls = [u for u in event.mimeData().urls() if u.isLocalFile()]
        if urls and self.currentPage() is self.file_page:
            self.file_page.open_file(urls[0].toLocalFile())
            event.acceptProposedAction()

    def summary(self) -> str:
        if self.import_result is None:
            return ""
        text = self.tr("Import done: {created} new, {updated} updated.").format(
            created=self.import_result.created, updated=self.import_result.updated)
        if self.import_result.suppressed:
            text += " " + self.tr("Not added again (unsubscribed): {names}").format(
                names=", ".join(self.import_result.suppressed))
        return text
