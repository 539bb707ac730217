"""The event's printouts: "Badges…" (layout, crop marks) and "Attendee list…" (the list with
status or the sign-in sheet). Both write a PDF in a job with progress and Cancel, say clearly
why nothing was written (nobody registered, a folder that cannot be written), and offer to
open the PDF when it is done."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from defence_dir.data.database import Database
from defence_dir.errors import DefenceDirError
from defence_dir.eventday import service
from defence_dir.eventday.service import BadgeLayout
from defence_dir.lists import service as lists
from defence_dir.records.kinds import RecordKind
from defence_dir.ui.common.jobs import Jobs, Progress
from defence_dir.ui.common.messages import show_busy_text, show_error_text


def file_stem(name: str) -> str:
    """The event's name as a file name: without characters that file systems refuse."""
    return re.sub(r'[\\/:*?"<>|\x00-\x1f]+', "-", name).strip(" .-")[:120]


class EventExportDialog(QDialog):
    """Options (from the subclass), where to save, Export; then progress, Cancel, Open PDF."""

    def __init__(self, parent: QWidget | None, database: Database, event_id: int,
                 event_name: str) -> None:
        super().__init__(parent)
        self.setMinimumWidth(640)
        self.database, self.event_id, self.event_name = database, event_id, event_name
        self.written: Path | None = None
        self.jobs = Jobs(self)
        self.options = QVBoxLayout()
        self.target = QLineEdit()
        self.target.setObjectName("target")
        browse = QPushButton(self.tr("Choose…"))
        browse.setObjectName("chooseTarget")
        browse.clicked.connect(self.choose_target)
        browse.setAutoDefault(False)  # Enter exports; it does not open the file chooser
        target_row = QHBoxLayout()
        target_row.addWidget(QLabel(self.tr("Save to")))
        target_row.addWidget(self.target, 1)
        target_row.addWidget(browse)
        self.progress = QProgressBar()
        self.progress.setObjectName("exportProgress")
        self.progress.hide()
        self.status = QLabel()
        self.status.setObjectName("exportStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # it names files: user data
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton(self.tr("Export"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setObjectName("exportButton")
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start_export)
        self.open_button = self.buttons.addButton(self.tr("Open PDF"),
                                                  QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.setObjectName("openPdf")
        self.open_button.clicked.connect(self._open_written)
        self.open_button.hide()
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.close_button.setObjectName("closeButton")
        self.close_button.clicked.connect(self._close_or_cancel)
        layout = QVBoxLayout(self)
        heading = QLabel(event_name)
        heading.setObjectName("exportEvent")
        heading.setTextFormat(Qt.TextFormat.PlainText)
        heading.setWordWrap(True)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        layout.addWidget(heading)
        layout.addLayout(self.options)
        self.count_note = QLabel()
        self.count_note.setObjectName("countNote")
        self.count_note.setTextFormat(Qt.TextFormat.PlainText)
        self.count_note.setWordWrap(True)
        layout.addWidget(self.count_note)
        layout.addLayout(target_row)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    # --- for the subclasses ---------------------------------------------------------------------
    def work(self, path: Path) -> Callable[[Progress], int]:
        raise NotImplementedError

    def done_text(self, count: int, path: Path) -> str:
        raise NotImplementedError

    def show_count(self, count: int | None, text: str, nobody: str) -> None:
        """How many the PDF will hold; with nobody, why there is nothing to export."""
        if count is None:  # not known (the event went meanwhile): the export will say
            self.count_note.hide()
        elif count:
            self.count_note.setText(text)
            self.count_note.setStyleSheet("color: palette(placeholder-text);")
        else:
            show_error_text(self.count_note, nobody)
        self.export_button.setEnabled(bool(count) or count is None)

    def suggest(self, stem: str) -> None:
        self.target.setText(str(Path.home() / (stem + ".pdf")))
        self.target.setCursorPosition(0)  # the folder in view; the name is the event's

    # --- the file -----------------------------------------------------------------------------
    def choose_target(self) -> None:
        path = self.ask_save_path(self.target.text())
        if path:
            self.target.setText(path)

    def ask_save_path(self, suggested: str) -> str:
        """The file chooser (a method so that tests can answer it)."""
        path, _filter = QFileDialog.getSaveFileName(self, self.windowTitle(), suggested,
                                                    self.tr("PDF document (*.pdf)"))
        return path

    def target_problem(self, path: Path) -> str:
        """Why nothing can be written there, or ""."""
        if path.is_dir():
            return self.tr("{path} is a folder. Give a file name.").format(path=str(path))
        if not path.parent.is_dir():
            return self.tr("The folder {folder} does not exist.").format(
                folder=str(path.parent))
        if not os.access(path.parent, os.W_OK) or (path.exists()
                                                   and not os.access(path, os.W_OK)):
            return self.tr("{path} cannot be written here (no permission). Choose another "
                           "folder.").format(path=str(path))
        return ""

    # --- the export ---------------------------------------------------------------------------
    def start_export(self) -> None:
        text = self.target.text().strip()
        if not text:
            show_error_text(self.status, self.tr("Choose where to save the PDF."))
            return
        path = Path(text).expanduser()
        if path.suffix.lower() != ".pdf" and not path.is_dir():
            path = path.with_name(path.name + ".pdf")
        problem = self.target_problem(path)
        if problem:
            show_error_text(self.status, problem)
            return
        self.target.setText(str(path))
        self._running(True)
        show_busy_text(self.status, self.tr("Writing {file} …").format(file=path.name))
        self.jobs.run(self.work(path), lambda count: self._finished(int(count), path),
                      self._failed, progress=self._progress, cancelled=self._cancelled)

    def _running(self, running: bool) -> None:
        self.export_button.setEnabled(not running)
        self.target.setEnabled(not running)
        self.progress.setVisible(running)
        self.progress.setRange(0, 0)
        self.close_button.setText(self.tr("Cancel") if running else self.tr("Close"))
        for index in range(self.options.count()):
            item = self.options.itemAt(index)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.setEnabled(not running)

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _finished(self, count: int, path: Path) -> None:
        self._running(False)
        self.written = path
        self.status.setStyleSheet("")
        self.status.setText(self.done_text(count, path))
        self.open_button.show()
        self.open_button.setDefault(True)
        self.open_button.setFocus()

    def _failed(self, error: DefenceDirError) -> None:
        self._running(False)
        show_error_text(self.status, str(error))

    def _cancelled(self) -> None:
        self._running(False)
        show_busy_text(self.status, self.tr("Cancelled: nothing was written."))

    def _close_or_cancel(self) -> None:
        if self.jobs.busy:
            self.jobs.cancel()
            show_busy_text(self.status, self.tr("Cancelling …"))
            return
        self.reject()

    def reject(self) -> None:
        if self.jobs.busy:  # Escape while writing: stop the job, keep the dialog
            self._close_or_cancel()
            return
        super().reject()

    def _open_written(self) -> None:
        if self.written is not None:
            self.open_file(self.written)

    def open_file(self, path: Path) -> None:
        """Open the PDF in the system's viewer (a method so that tests can catch it)."""
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class BadgesDialog(EventExportDialog):
    """"Badges…": which sheet the badges are printed on, crop marks."""

    def __init__(self, parent: QWidget | None, database: Database, event_id: int,
                 event_name: str) -> None:
        super().__init__(parent, database, event_id, event_name)
        self.setWindowTitle(self.tr("Name badges"))
        self.suggest(self.tr("{event} – badges").format(event=file_stem(event_name)))
        self.setObjectName("badgesDialog")
        group = QGroupBox(self.tr("Layout"))
        group_layout = QVBoxLayout(group)
        self.layouts = QButtonGroup(self)
        for index, (layout, text) in enumerate((
                (BadgeLayout.A4_8, self.tr("A4, 8 badges of 90 × 55 mm (badge inserts)")),
                (BadgeLayout.LABELS_2X4, self.tr("A4 label sheet, 2 × 4 labels")),
                (BadgeLayout.A6, self.tr("A6, one badge per page")))):
            button = QRadioButton(text)
            button.setObjectName(f"layout_{layout.value}")
            button.setProperty("layout", layout.value)
            self.layouts.addButton(button, index)
            group_layout.addWidget(button)
        self.layouts.button(0).setChecked(True)
        self.layouts.button(0).setFocus()
        self.crop_marks = QCheckBox(self.tr("Crop marks (for cutting badges from the sheet)"))
        self.crop_marks.setObjectName("cropMarks")
        self.options.addWidget(group)
        self.options.addWidget(self.crop_marks)
        try:
            count: int | None = service.headcount(database, event_id).expected
        except DefenceDirError:
            count = None
        self.show_count(count, self.tr(
            "%n badge(s): one for everyone registered or checked in, sorted by family name. "
            "The QR code holds the person's contact card.", "", count or 0), self.tr(
            "Nobody is registered for this event: there are no badges to print."))

    def layout_choice(self) -> BadgeLayout:
        checked = self.layouts.checkedButton()
        return BadgeLayout(checked.property("layout")) if checked else BadgeLayout.A4_8

    def work(self, path: Path) -> Callable[[Progress], int]:
        database, event_id = self.database, self.event_id
        layout, crop_marks = self.layout_choice(), self.crop_marks.isChecked()
        return lambda progress: service.export_badges(database, event_id, path, layout=layout,
                                                      crop_marks=crop_marks, progress=progress)

    def done_text(self, count: int, path: Path) -> str:
        return self.tr("%n badge(s) written to {path}.", "", count).format(path=str(path))


class AttendeeListDialog(EventExportDialog):
    """"Attendee list…": the list with each person's status, or the sheet to sign."""

    def __init__(self, parent: QWidget | None, database: Database, event_id: int,
                 event_name: str) -> None:
        super().__init__(parent, database, event_id, event_name)
        self.setWindowTitle(self.tr("Attendee list"))
        self.suggest(self.tr("{event} – attendees").format(event=file_stem(event_name)))
        self.setObjectName("attendeeListDialog")
        group = QGroupBox(self.tr("Print"))
        group_layout = QVBoxLayout(group)
        self.attendee_list = QRadioButton(self.tr("Attendee list with each person's status"))
        self.attendee_list.setObjectName("kind_list")
        self.sign_in = QRadioButton(self.tr("Sign-in sheet: a signature column and empty "
                                            "lines for walk-ins"))
        self.sign_in.setObjectName("kind_sign_in")
        self.attendee_list.setChecked(True)
        self.attendee_list.setFocus()
        group_layout.addWidget(self.attendee_list)
        group_layout.addWidget(self.sign_in)
        self.options.addWidget(group)
        try:
            count: int | None = lists.member_count(database, RecordKind.EVENT, event_id)
        except DefenceDirError:
            count = None
        self.show_count(count, self.tr("%n person(s), sorted by family name.", "", count or 0),
                        self.tr("Nobody is registered for this event yet: there is nothing "
                                "to list."))

    def work(self, path: Path) -> Callable[[Progress], int]:
        database, event_id, sign_in = self.database, self.event_id, self.sign_in.isChecked()
        return lambda progress: service.export_attendee_list(database, event_id, path,
                                                             sign_in=sign_in,
                                                             progress=progress)

    def done_text(self, count: int, path: Path) -> str:
        return self.tr("%n person(s) listed in {path}.", "", count).format(path=str(path))
