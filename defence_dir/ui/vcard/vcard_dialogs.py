"""vCard in the window: export dialog, import preview, QR code, copy and drag as .vcf."""

from __future__ import annotations

import contextlib
import io
import tempfile
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

import segno
from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from defence_dir.data.database import Database
from defence_dir.errors import DefenceDirError
from defence_dir.imports.writing import ImportCancelled
from defence_dir.private_files import write_private_bytes
from defence_dir.records.persons import field_label
from defence_dir.ui.common.jobs import Jobs, Progress
from defence_dir.ui.common.messages import plain_tooltip, show_busy_text, show_error_text
from defence_dir.vcard.export import ExportResult, export_persons, safe_file_name
from defence_dir.vcard.importer import (
    Action,
    ImportPlan,
    ImportResult,
    KnownCards,
    MatchMode,
    apply_import,
    plan_import,
)
from defence_dir.vcard.reader import file_encoding
from defence_dir.vcard.report import REFUSED, encoding_warning
from defence_dir.vcard.writer import Profile, card, load_cards

VCARD_MIME = "text/vcard"


def vcard_mime_data(database: Database, person_ids: Sequence[int]) -> QMimeData:
    """Cards for the clipboard or a drag: text/vcard, plain text, and a .vcf file to drop."""
    with database.read_session() as session:
        cards = load_cards(session, person_ids)
    data = "".join(card(c, Profile.STANDARD) for c in cards).encode("utf-8")
    mime = QMimeData()
    mime.setData(VCARD_MIME, QByteArray(data))
    mime.setData("text/x-vcard", QByteArray(data))
    mime.setText(data.decode("utf-8"))
    name = cards[0].display_name if len(cards) == 1 else "Kontakte"
    mime.setUrls([QUrl.fromLocalFile(str(_drag_file(safe_file_name(name, set()), data)))])
    return mime


_drag_folder: tempfile.TemporaryDirectory[str] | None = None


def _drag_file(name: str, data: bytes) -> Path:
    """The .vcf a drag or copy offers. Cards are personal data: one file at a time, readable
    by the user alone, in a folder removed when the app quits (each copy used to leave a
    folder of its own in /tmp for good, out of reach of an erasure)."""
    global _drag_folder
    if _drag_folder is None:
        _drag_folder = tempfile.TemporaryDirectory(prefix="defence-dir-drag-")
    folder = Path(_drag_folder.name)
    for earlier in folder.iterdir():
        earlier.unlink(missing_ok=True)
    path = folder / name
    write_private_bytes(path, data)
    return path


class ExportDialog(QDialog):
    """Which persons, for which address book, to where; the export runs off the GUI thread."""

    def __init__(self, parent: QWidget | None, database: Database,
                 scopes: list[tuple[str, Callable[[], list[int]]]]) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export vCards"))
        self.setMinimumWidth(560)
        self.database = database
        self.scopes = scopes
        self.result_message = ""
        self.scope = QComboBox()
        self.scope.setObjectName("scope")
        for label, _ids in scopes:
            self.scope.addItem(label)
        profiles = QGroupBox(self.tr("Address book"))
        profile_layout = QVBoxLayout(profiles)
        self.profile_buttons = QButtonGroup(self)
        for index, (profile, title, hint) in enumerate((
                (Profile.STANDARD, self.tr("Standard (vCard 3.0)"),
                 self.tr("Apple Contacts, iPhone, Google, Android, Thunderbird, Nextcloud: one "
                         "file with all cards.")),
                (Profile.OUTLOOK, self.tr("Outlook"),
                 self.tr("One file per person (Outlook imports only the first card of a "
                         "file), in a folder or a .zip file.")),
                (Profile.V4, self.tr("vCard 4.0"),
                 self.tr("RFC 6350, for clients that ask for it.")))):
            button = QRadioButton(title)
            button.setObjectName(f"profile_{profile.value}")
            button.setProperty("profile", profile.value)
            self.profile_buttons.addButton(button, index)
            note = QLabel(hint)
            note.setWordWrap(True)
            note.setStyleSheet("color: palette(placeholder-text); margin-left: 22px;")
            profile_layout.addWidget(button)
            profile_layout.addWidget(note)
        self.profile_buttons.button(0).setChecked(True)
        self.target = QLineEdit()
        self.target.setObjectName("target")
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self.choose_target)
        target_row = QHBoxLayout()
        target_row.addWidget(self.target, 1)
        target_row.addWidget(browse)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Persons"), self.scope)
        form.addRow(self.tr("Save to"), target_row)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = self.buttons.addButton(self.tr("Export"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.clicked.connect(self.start_export)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(profiles)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.jobs = Jobs(self)

    def profile(self) -> Profile:
        return Profile(self.profile_buttons.checkedButton().property("profile"))

    def choose_target(self) -> None:
        if self.profile() is Profile.OUTLOOK:
            path, _filter = QFileDialog.getSaveFileName(
                self, self.tr("Export vCards"), "kontakte.zip",
                self.tr("Zip archive (*.zip)"))
        else:
            path, _filter = QFileDialog.getSaveFileName(
                self, self.tr("Export vCards"), "kontakte.vcf", self.tr("vCard (*.vcf)"))
        if path:
            self.target.setText(path)

    def start_export(self) -> None:
        target = self.target.text().strip()
        if not target:
            self.status.setText(self.tr("Choose where to save the cards."))
            return
        ids = self.scopes[self.scope.currentIndex()][1]()
        self.export_button.setEnabled(False)
        self.status.setText(self.tr("Exporting %n person(s) …", "", len(ids)))
        database, profile = self.database, self.profile()

        def work(_progress: Progress) -> ExportResult:
            with database.read_session() as session:
                return export_persons(session, ids, profile, Path(target))
        self.jobs.run(work, self._finished, self._failed)

    def _failed(self, error: DefenceDirError) -> None:
        """Any failure (a locked database, a full disk, a bug) ends the wait with its text."""
        self.export_button.setEnabled(True)
        self.status.setText(str(error))

    def _finished(self, result: ExportResult) -> None:
        self.export_button.setEnabled(True)
        self.result_message = self.tr("%n person(s) exported to {path}.", "",
                                      result.cards).format(path=result.target)
        self.accept()


class QrDialog(QDialog):
    """A person's card as a QR code that a phone camera turns into a contact."""

    def __init__(self, parent: QWidget | None, name: str, card_text: str) -> None:
        super().__init__(parent)
        self.setObjectName("qrDialog")
        self.setWindowTitle(self.tr("QR code: {name}").format(name=name))
        buffer = io.BytesIO()
        segno.make(card_text, error="m", micro=False).save(buffer, kind="png", scale=5,
                                                            border=3)
        pixmap = QPixmap()
        pixmap.loadFromData(QByteArray(buffer.getvalue()), "PNG")
        picture = QLabel()
        picture.setObjectName("qrPicture")
        picture.setPixmap(pixmap)
        picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        caption = QLabel(self.tr("Scan with the phone's camera to add {name} to its "
                                 "contacts.").format(name=name))
        caption.setTextFormat(Qt.TextFormat.PlainText)
        caption.setWordWrap(True)
        caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(picture)
        layout.addWidget(caption)
        layout.addWidget(buttons)


Row = tuple[str, str, str, str, str]  # card, name, result, details, warnings
Index = QModelIndex | QPersistentModelIndex


def preview_rows(plan: ImportPlan, labels: dict[Action, str]) -> tuple[list[Row], int]:
    """The preview's rows and how many carry a warning; built in the worker (filling a
    table took 0.6 s on the GUI thread for 20,000 cards)."""
    rows: list[Row] = []
    warned = 0
    for card_plan in plan.cards:
        details = card_plan.reason or "; ".join(
            f"{field_label(f)}: {o} → {n}" if o else f"{field_label(f)}: {n}"
            for f, o, n in card_plan.changes)
        # A refused card does not come in: its remarks would only distract.
        warnings = "" if card_plan.action in REFUSED else "; ".join(card_plan.warnings)
        warned += bool(warnings)
        rows.append((str(card_plan.number), card_plan.name, labels[card_plan.action], details,
                     warnings))
    return rows, warned


class PreviewModel(QAbstractTableModel):
    """The preview's rows as plain text; a view asks only for the rows it shows."""

    def __init__(self, parent: QObject, headers: list[str]) -> None:
        super().__init__(parent)
        self.headers = headers
        self.rows: list[Row] = []

    def set_rows(self, rows: list[Row]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: Index,
             role: int = Qt.ItemDataRole.DisplayRole) -> str | None:
        if not index.isValid():
            return None
        value = self.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return value  # a view's display text is never rich text
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(value) or None
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> str | None:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None


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

        def work(_progress: Progress) -> tuple[ImportPlan, list[Row], int, str | None]:
            with database.read_session() as session:
                directory = self.directory or KnownCards(session)
                if not self.closed:
                    self.directory = directory
                plan = plan_import(session, data, name, mode, directory, progress)
            rows, warned = preview_rows(plan, labels)
            return plan, rows, warned, encoding_warning(file_encoding(data))
        self.worker.run(work, self.show_plan, self.show_plan)

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

        def work(_progress: Progress) -> ImportResult:
            with database.session() as session:  # a cancel or error rolls everything back
                return apply_import(session, plan, progress)
        self.worker.run(work, self.imported, self.imported)

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
