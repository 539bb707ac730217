"""A person who came without registering, in one dialog: name, organisation, how to reach them
and, only if they agree, a distribution list with their consent recorded."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from defence_dir.records.persons import EmailDraft, PersonDraft, PhoneDraft
from defence_dir.ui.common.messages import show_error_text


class WalkInDialog(QDialog):
    """`values()` gives (draft, list id or None, consent note or None) once accepted."""

    def __init__(self, parent: QWidget | None, organisations: Sequence[tuple[int, str]],
                 distribution_lists: Sequence[tuple[int, str]]) -> None:
        super().__init__(parent)
        self.setObjectName("walkInDialog")
        self.setWindowTitle(self.tr("Walk-in"))
        self.setMinimumWidth(480)
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("title")
        self.title_edit.setPlaceholderText(self.tr("e.g. Dr."))
        self.given_name = QLineEdit()
        self.given_name.setObjectName("givenName")
        self.family_name = QLineEdit()
        self.family_name.setObjectName("familyName")
        self.organisation = QComboBox()
        self.organisation.setObjectName("organisation")
        self.organisation.setEditable(True)
        self.organisation.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.organisation.addItem("", None)
        for organisation_id, name in organisations:
            self.organisation.addItem(name, organisation_id)
        self.organisation.setCurrentIndex(0)
        completer = self.organisation.completer()
        if completer is not None:  # "fraun" finds "Fraunhofer FHR"
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.email = QLineEdit()
        self.email.setObjectName("email")
        self.phone = QLineEdit()
        self.phone.setObjectName("phone")
        form = QFormLayout()
        form.addRow(self.tr("Academic title"), self.title_edit)
        form.addRow(self.tr("Given name"), self.given_name)
        form.addRow(self.tr("Family name"), self.family_name)
        form.addRow(self.tr("Organisation"), self.organisation)
        form.addRow(self.tr("Email"), self.email)
        form.addRow(self.tr("Phone"), self.phone)

        self.subscription = QGroupBox(self.tr("Distribution list (optional)"))
        self.list_combo = QComboBox()
        self.list_combo.setObjectName("listCombo")
        self.list_combo.addItem(self.tr("(none)"), None)
        for list_id, name in distribution_lists:
            self.list_combo.addItem(name, list_id)
        self.consent = QCheckBox(self.tr("The person agrees to receive this list"))
        self.consent.setObjectName("consent")
        self.consent_note = QLineEdit()
        self.consent_note.setObjectName("consentNote")
        self.consent_note.setPlaceholderText(self.tr("How, e.g. “asked at the door, said yes”"))
        sub_form = QFormLayout(self.subscription)
        sub_form.addRow(self.tr("List"), self.list_combo)
        sub_form.addRow(self.consent)
        sub_form.addRow(self.tr("Note"), self.consent_note)
        self.list_combo.currentIndexChanged.connect(lambda _i: self._update())

        self.error = QLabel()
        self.error.setObjectName("walkInError")
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.addButton(self.tr("Add and check in"),
                                                QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setObjectName("addWalkIn")
        self.ok_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.subscription)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._update()

    def _update(self) -> None:
        chosen = self.list_combo.currentData() is not None
        self.consent.setEnabled(chosen)
        self.consent_note.setEnabled(chosen)
        if not chosen:
            self.consent.setChecked(False)

    def organisation_id(self) -> int | None:
        index = self.organisation.findText(self.organisation.currentText().strip(),
                                           Qt.MatchFlag.MatchFixedString)
        data = self.organisation.itemData(index) if index >= 0 else None
        return int(data) if data is not None else None

    def draft(self) -> PersonDraft:
        organisation = self.organisation.currentText().strip()
        unknown = organisation and self.organisation_id() is None
        return PersonDraft(
            title=self.title_edit.text(), given_name=self.given_name.text(),
            family_name=self.family_name.text(), organisation_id=self.organisation_id(),
            # Not in the directory yet: kept with the person rather than lost.
            notes=self.tr("Organisation (walk-in): {name}").format(name=organisation)
            if unknown else None,
            emails=[EmailDraft(self.email.text().strip())] if self.email.text().strip() else [],
            phones=[PhoneDraft(self.phone.text().strip())] if self.phone.text().strip() else [])

    def values(self) -> tuple[PersonDraft, int | None, str | None]:
        list_id = self.list_combo.currentData()
        if list_id is None or not self.consent.isChecked():
            return self.draft(), None, None
        return self.draft(), int(list_id), self.consent_note.text().strip() or None

    def problem(self) -> str:
        """What keeps the dialog from closing, or ""."""
        problems = self.draft().problems()
        if problems:
            return str(problems[0])
        if self.list_combo.currentData() is not None and not self.consent.isChecked():
            return self.tr("Tick the consent, or choose no list: nobody is added to a list "
                           "without it.")
        return ""

    def show_error(self, message: str) -> None:
        show_error_text(self.error, message)
        self.error.setVisible(bool(message))

    def accept(self) -> None:
        problem = self.problem()
        if problem:
            self.show_error(problem)
            return
        super().accept()
