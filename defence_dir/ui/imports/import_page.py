"""The wizard's last page: the import in a worker with progress and Cancel, then its report."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from defence_dir.errors import DefenceDirError
from defence_dir.imports import service
from defence_dir.imports.spreadsheet.writing import SpreadsheetResult
from defence_dir.ui.common.messages import show_busy_text, show_error_text
from defence_dir.ui.imports.file_page import FilePage
from defence_dir.ui.imports.mapping_page import MappingPage
from defence_dir.ui.imports.preview_page import PreviewPage
from defence_dir.ui.imports.wizard_host import WizardHost


class ImportPage(QWizardPage):
    """The import itself, in a worker, and its report."""

    def __init__(self, wizard: WizardHost, file_page: FilePage, mapping_page: MappingPage,
                 preview_page: PreviewPage) -> None:
        super().__init__()
        self.w, self.file_page = wizard, file_page
        self.mapping_page, self.preview_page = mapping_page, preview_page
        self.setTitle(self.tr("Import"))
        self.setSubTitle(self.tr("The persons are added as the preview shows. The import can "
                                 "be undone."))
        self.where = QLabel()
        self.where.setObjectName("where")
        self.where.setTextFormat(Qt.TextFormat.PlainText)
        self.where.setWordWrap(True)
        self.list_note = QLabel(self.tr("List members get the file name and row as proof of "
                                        "consent. Persons who unsubscribed are not added "
                                        "again; they are listed afterwards."))
        self.list_note.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setObjectName("progress")
        self.progress.hide()
        self.result_label = QLabel()
        self.result_label.setObjectName("result")
        self.result_label.setTextFormat(Qt.TextFormat.PlainText)
        self.result_label.setWordWrap(True)
        self.result_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        # Rows not imported and rows imported with a warning, side by side.
        self.problems_label, self.warnings_label = QLabel(), QLabel()
        self.problems_label.setObjectName("problems")
        self.warnings_label.setObjectName("warnings")
        results = QHBoxLayout()
        for label in (self.problems_label, self.warnings_label):
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            results.addWidget(label, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.where)
        layout.addWidget(self.list_note)
        layout.addWidget(self.progress)
        layout.addWidget(self.result_label)
        layout.addLayout(results, 1)
        self.save_report = QPushButton(self.tr("Save report…"))
        self.save_report.setObjectName("saveReport")
        self.save_report.clicked.connect(self.save_report_file)
        self.save_report.hide()
        self.saved = QLabel()
        self.saved.setObjectName("saved")
        self.saved.setTextFormat(Qt.TextFormat.PlainText)
        saving = QHBoxLayout()
        saving.addWidget(self.save_report)
        saving.addWidget(self.saved, 1)
        layout.addLayout(saving)
        self.report: dict[str, Any] | None = None

    def initializePage(self) -> None:
        self.where.setText(self.mapping_page.target.describe())
        self.list_note.setVisible(self.mapping_page.target.to_list.isChecked())
        if self.w.import_result is None:  # what the preview said will happen
            self.result_label.setStyleSheet("")
            self.result_label.setText(self.preview_page.summary.text())

    def validatePage(self) -> bool:
        """Import now (in a worker); the wizard closes when it is done."""
        if self.w.import_result is not None:
            return True
        if self.w.plan is None:
            return False
        plan, database = self.w.plan, self.w.database
        target = self.mapping_page.target.target()
        mapping, remember = self.mapping_page.mapping(), self.mapping_page.remember
        placed = {w: status for w, status in self.preview_page.placed.items() if status}
        self.w.button(QWizard.WizardButton.FinishButton).setEnabled(False)
        # Going back meanwhile would start a preview whose answer replaces the import's.
        self.w.button(QWizard.WizardButton.BackButton).setEnabled(False)
        show_busy_text(self.result_label, self.tr("Importing …"))
        self.progress.setRange(0, max(1, len(plan.rows)))
        self.progress.setValue(0)
        self.progress.show()
        self.w.cancel_requested = False
        keep = remember.isChecked()
        # What the import writes is in the plan now: the file's rows and the matching
        # directory can go (a preview after going back reads them again), which keeps the
        # import's peak lower (at 100,000 rows about 120 MB).
        self.w.directory = None
        self.w.release_table()

        def progress(done: int, total: int) -> bool:
            self.w.progress_signal.emit(done, total)  # queued to the GUI thread
            return not self.w.cancel_requested

        def work() -> tuple[SpreadsheetResult, dict[str, Any]]:
            from defence_dir.imports.spreadsheet.report import import_report

            # One transaction: a cancel rolls everything back.
            result = service.apply_spreadsheet(database, plan, target, progress,
                                               remember=mapping if keep else None,
                                               status_words=placed)
            return result, import_report(plan, result)  # every row looked at: not here

        def done(result: object) -> None:
            self.w.button(QWizard.WizardButton.FinishButton).setEnabled(True)
            self.progress.hide()
            if isinstance(result, DefenceDirError):
                show_error_text(self.result_label, str(result))
                if self.w.cancel_requested:
                    self.w.reject()
                else:  # the user may go back to the preview: have the rows ready again
                    self.w.button(QWizard.WizardButton.BackButton).setEnabled(True)
                    self.w.worker.call(self.w.table_in_worker, self.file_page.read_again)
                return
            assert isinstance(result, tuple)
            self.w.import_result, self.report = result
            self.show_report()
        self.w.worker.call(work, done)
        return False

    def show_report(self) -> None:
        """Counts, the rows not imported (problems) and the rows imported with a warning,
        apart; all of them in the report that can be saved as .xlsx."""
        report = self.report
        assert report is not None
        self.result_label.setStyleSheet("")
        self.result_label.setText(self.w.summary())
        problems = report["problems"]
        self.problems_label.setText("\n".join([
            self.tr("Not imported:"), *self.report_lines(problems)]) if problems else "")
        warnings = report["warnings"]
        self.warnings_label.setText("\n".join([
            self.tr("Imported with a warning:"), *self.report_lines(warnings)])
            if warnings else "")
        self.save_report.show()
        self.w.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Close"))
        self.w.button(QWizard.WizardButton.BackButton).setEnabled(False)

    def report_lines(self, entries: list[dict[str, Any]]) -> list[str]:
        lines = [self.tr("Row {row}: {reason}").format(row=p["row"], reason=p["reason"])
                 if p["row"] else p["reason"] for p in entries[:12]]
        if len(entries) > 12:
            lines.append(self.tr("… and {count} more in the report").format(
                count=len(entries) - 12))
        return lines

    def save_report_file(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Save the import report"),
                                                    "import-bericht.xlsx",
                                                    self.tr("Excel (*.xlsx)"))
        if path:
            self.write_report(Path(path))

    def write_report(self, path: Path) -> None:
        """In the worker: a report of a large file has thousands of rows."""
        from defence_dir.imports.spreadsheet.report import write_report_xlsx

        plan, report = self.w.plan, self.report
        if plan is None or report is None:
            return
        self.save_report.setEnabled(False)

        def done(result: object) -> None:
            self.save_report.setEnabled(True)
            if isinstance(result, DefenceDirError):
                show_error_text(self.saved, str(result))
            else:
                self.saved.setStyleSheet("")
                self.saved.setText(self.tr("Report saved: {path}").format(path=path))
        self.w.worker.call(lambda: write_report_xlsx(path, plan, report), done)
