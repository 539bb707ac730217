"""vCard in the window: export dialog, import preview, QR code, copy and drag as .vcf."""

from __future__ import annotations

import io
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

import segno
from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QMimeData,
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
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
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from defence_dir.data.database import Database
from defence_dir.errors import DefenceDirError
from defence_dir.persons import field_label
from defence_dir.ui.messages import plain_tooltip
from defence_dir.ui.worker import Worker
from defence_dir.vcard.export import ExportResult, export_persons, safe_file_name
from defence_dir.vcard.importer import Action, ImportPlan, MatchMode, apply_import, plan_import
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
    folder = Path(tempfile.mkdtemp(prefix="defence-dir-drag-"))
    path = folder / safe_file_name(name, set())
    path.write_bytes(data)
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    return mime


class _ExportSignals(QObject):
    done = Signal(object)  # ExportResult | str (error)


class _ExportTask(QRunnable):
    def __init__(self, database: Database, ids: list[int], profile: Profile, target: Path,
                 signals: _ExportSignals) -> None:
        super().__init__()
        self.args = (database, ids, profile, target)
        self.signals = signals

    def run(self) -> None:
        database, ids, profile, target = self.args
        try:
            with database.read_session() as session:
                result: ExportResult | str = export_persons(session, ids, profile, target)
        except DefenceDirError as exc:
            result = str(exc)
        self.signals.done.emit(result)


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
        self._signals = _ExportSignals()
        self._signals.done.connect(self._finished)
        self.pool = QThreadPool(self)

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
        self.pool.start(_ExportTask(self.database, ids, self.profile(), Path(target),
                                    self._signals))

    def _finished(self, result: object) -> None:
        self.export_button.setEnabled(True)
        if isinstance(result, str):
            self.status.setText(result)
            return
        assert isinstance(result, ExportResult)
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


class ImportDialog(QDialog):
    """Preview of a vCard import, card by card; nothing is written until "Import".

    Reading, planning and importing run in a worker: an iPhone export with photos is tens of
    MB, and its preview took seconds on the GUI thread.
    """

    def __init__(self, parent: QWidget | None, database: Database, path: Path) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle(self.tr("Import vCards: {name}").format(name=path.name))
        self.resize(980, 480)
        self.database, self.path = database, path
        self.data = path.read_bytes()
        self.plan: ImportPlan | None = None
        self.batch_id: int | None = None
        self.importing = False
        self.worker = Worker(self)
        self.mode = QComboBox()
        self.mode.setObjectName("matchMode")
        self.mode.addItem(self.tr("Fill empty fields"), MatchMode.FILL.value)
        self.mode.addItem(self.tr("Overwrite"), MatchMode.OVERWRITE.value)
        self.mode.addItem(self.tr("Skip"), MatchMode.SKIP.value)
        self.mode.currentIndexChanged.connect(lambda _i: self.preview())
        # Details: what changes, or why a card is refused; Warnings: remarks on cards that
        # do come in (a photo not kept, a line read in another encoding).
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("preview")
        self.table.setHorizontalHeaderLabels([self.tr("Card"), self.tr("Name"),
                                              self.tr("Result"), self.tr("Details"),
                                              self.tr("Warnings")])
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
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # no steps to count: it moves while the worker works
        self.busy.setTextVisible(False)
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
        layout.addWidget(self.busy)
        layout.addWidget(self.buttons)
        self.preview()

    def labels(self) -> dict[Action, str]:
        return {Action.NEW: self.tr("new"), Action.UPDATE: self.tr("update"),
                Action.UNCHANGED: self.tr("unchanged"), Action.SKIPPED: self.tr("skipped"),
                Action.DUPLICATE: self.tr("duplicate"), Action.INVALID: self.tr("invalid")}

    def preview(self) -> None:
        """Plan the import in the worker; `show_plan` fills the table."""
        self.plan = None
        self.import_button.setEnabled(False)
        self.summary.setText(self.tr("Reading the cards …"))
        self.busy.show()
        database, data, name = self.database, self.data, self.path.name
        mode = MatchMode(self.mode.currentData())

        def work() -> tuple[ImportPlan, str | None]:
            with database.read_session() as session:
                plan = plan_import(session, data, name, mode)
            return plan, encoding_warning(file_encoding(data))
        self.worker.run(work, self.show_plan)

    def show_plan(self, result: object) -> None:
        self.busy.hide()
        if isinstance(result, DefenceDirError):
            self.table.setRowCount(0)
            self.summary.setText(str(result))
            return
        assert isinstance(result, tuple)
        self.plan, encoding_note = result
        labels = self.labels()
        self.table.setRowCount(len(self.plan.cards))
        warned = 0
        for row, plan in enumerate(self.plan.cards):
            details = plan.reason or "; ".join(
                f"{field_label(f)}: {o} → {n}" if o else f"{field_label(f)}: {n}"
                for f, o, n in plan.changes)
            # A refused card does not come in: its remarks would only distract.
            warnings = "" if plan.action in REFUSED else "; ".join(plan.warnings)
            warned += bool(warnings)
            for column, value in enumerate((str(plan.number), plan.name, labels[plan.action],
                                            details, warnings)):
                item = QTableWidgetItem(value)  # items show plain text
                item.setToolTip(plain_tooltip(value))
                self.table.setItem(row, column, item)
        counts = self.plan.counts()
        parts = [", ".join(f"{labels[Action(k)]}: {v}" for k, v in counts.items() if v)]
        if warned:
            parts.append(self.tr("%n card(s) with a warning (see Warnings).", "", warned))
        if encoding_note:
            parts.append(encoding_note)
        # One line (wrapped here): the main window shows it in its status bar afterwards.
        self.summary.setText(" — ".join(parts))
        self.import_button.setEnabled(counts["new"] + counts["update"] > 0)

    def run_import(self) -> None:
        """Import in the worker, in one transaction; the dialog closes when it is done."""
        if self.plan is None or self.importing:
            return
        self.importing = True
        for widget in (self.import_button, self.mode, self.buttons):
            widget.setEnabled(False)
        self.busy.show()
        database, plan = self.database, self.plan

        def work() -> int:
            with database.session() as session:
                return apply_import(session, plan).batch_id
        self.worker.run(work, self.imported)

    def imported(self, result: object) -> None:
        self.importing = False
        self.busy.hide()
        for widget in (self.import_button, self.mode, self.buttons):
            widget.setEnabled(True)
        if isinstance(result, DefenceDirError):
            self.summary.setText(str(result))
            return
        assert isinstance(result, int)
        self.batch_id = result
        self.accept()

    def reject(self) -> None:
        """Cancel drops a preview still running; an import runs to its end (one transaction
        that either writes every card or none)."""
        if self.importing:
            return
        self.worker.callbacks.clear()
        super().reject()

    def wait(self) -> None:
        """Until the worker is done and its answer shown (tests, screenshots)."""
        self.worker.wait()
        QCoreApplication.processEvents()
