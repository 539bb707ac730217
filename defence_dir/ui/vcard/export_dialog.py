"""The vCard export dialog: which persons, for which address book, to where."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from defence_dir.data.database import Database
from defence_dir.errors import DefenceDirError
from defence_dir.ui.common.jobs import Jobs
from defence_dir.vcard import service
from defence_dir.vcard.export import ExportResult
from defence_dir.vcard.writer import Profile


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
        checked = self.profile_buttons.checkedButton()
        assert checked is not None  # one profile is always checked
        return Profile(checked.property("profile"))

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
        self.jobs.run(lambda _progress: service.export_cards(database, ids, profile,
                                                             Path(target)),
                      self._finished, self._failed)

    def _failed(self, error: DefenceDirError) -> None:
        """Any failure (a locked database, a full disk, a bug) ends the wait with its text."""
        self.export_button.setEnabled(True)
        self.status.setText(str(error))

    def _finished(self, result: ExportResult) -> None:
        self.export_button.setEnabled(True)
        self.result_message = self.tr("%n person(s) exported to {path}.", "",
                                      result.cards).format(path=result.target)
        self.accept()
