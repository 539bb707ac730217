"""Create or edit an organisation or a technology field, checked while typing."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from defence_dir.records.directory import ORGANISATION_KIND_LABELS, organisation_kind_label
from defence_dir.records.organisations import OrganisationDraft
from defence_dir.ui.lists.name_description_dialog import NameDescriptionDialog
from defence_dir.ui.records.person_dialog import (
    INVALID_STYLE,
    checked_topics,
    error_label,
    form_with_buttons,
    topic_checklist,
)


class OrganisationDialog(QDialog):
    def __init__(self, parent: QWidget | None, draft: OrganisationDraft | None,
                 topics: Sequence[tuple[int, str]], *, title: str) -> None:
        super().__init__(parent)
        self.setObjectName("organisationDialog")
        self.setWindowTitle(title)
        self.setMinimumWidth(480)
        draft = draft or OrganisationDraft()
        self.name = QLineEdit(draft.name or "")
        self.name.setObjectName("name")
        self.name_error = error_label()
        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        for key in ORGANISATION_KIND_LABELS:
            self.kind.addItem(organisation_kind_label(key), key)
        self.kind.setCurrentIndex(max(0, self.kind.findData(draft.kind)))
        self.street = QLineEdit(draft.street or "")
        self.postal_code = QLineEdit(draft.postal_code or "")
        self.postal_code.setMaximumWidth(90)
        self.city = QLineEdit(draft.city or "")
        self.country = QLineEdit(draft.country or "")
        self.website = QLineEdit(draft.website or "")
        self.website.setObjectName("website")
        self.website.setPlaceholderText("https://www.example.de")
        self.website_error = error_label()
        self.topics = topic_checklist(topics, draft.topic_ids)
        self.notes = QPlainTextEdit(draft.notes or "")
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(80)

        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow("", self.name_error)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Street"), self.street)
        form.addRow(self.tr("Postal code"), self.postal_code)
        form.addRow(self.tr("City"), self.city)
        form.addRow(self.tr("Country"), self.country)
        form.addRow(self.tr("Website"), self.website)
        form.addRow("", self.website_error)
        form.addRow(self.tr("Technology fields"), self.topics)
        form.addRow(self.tr("Notes"), self.notes)
        self.buttons = form_with_buttons(self, form)
        self.name.textChanged.connect(self._validate)
        self.website.textChanged.connect(self._validate)
        self._validate()

    def draft(self) -> OrganisationDraft:
        return OrganisationDraft(
            name=self.name.text(), kind=self.kind.currentData(), street=self.street.text(),
            postal_code=self.postal_code.text(), city=self.city.text(),
            country=self.country.text(), website=self.website.text(),
            notes=self.notes.toPlainText(),
            topic_ids=checked_topics(self.topics))

    def _validate(self) -> None:
        problems = {p.field: str(p) for p in self.draft().problems()}
        for field, edit, label in (("name", self.name, self.name_error),
                                   ("website", self.website, self.website_error)):
            message = problems.get(field, "")
            label.setText(message)
            label.setVisible(bool(message))
            edit.setStyleSheet(INVALID_STYLE if message else "")
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not problems)

    def accept(self) -> None:
        if not self.draft().problems():
            super().accept()


class TopicDialog(NameDescriptionDialog):
    def __init__(self, parent: QWidget | None, name: str = "", description: str = "", *,
                 title: str) -> None:
        super().__init__(parent, name, description, title=title, width=420)
        self.setObjectName("topicDialog")
        self.finish(self.tr("A technology field needs a name."))
