"""Create or edit a distribution list or an event: a name (required), a description, and for an
event its date and city."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from defence_dir.ui.person_dialog import INVALID_STYLE, error_label, form_with_buttons


class CollectionDialog(QDialog):
    """The name is checked while typing; the core's verdict (a duplicate name, say) is shown
    with show_error() and the dialog stays open for a correction."""

    def __init__(self, parent: QWidget | None, kind: str, values: dict[str, Any] | None = None,
                 *, title: str) -> None:
        super().__init__(parent)
        self.setObjectName("collectionDialog")
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.kind = kind
        values = values or {}
        self.name = QLineEdit(values.get("name") or "")
        self.name.setObjectName("name")
        self.name.setMaxLength(300)
        self.description = QPlainTextEdit(values.get("description") or "")
        self.description.setObjectName("description")
        self.description.setTabChangesFocus(True)
        self.description.setMaximumHeight(90)
        self.error = error_label()
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow("", self.error)
        form.addRow(self.tr("Description"), self.description)
        if kind == "event":
            # A date is optional (often not fixed yet): the box says whether there is one.
            self.has_date = QCheckBox()
            self.has_date.setObjectName("hasDate")
            self.starts_on = QDateEdit()
            self.starts_on.setObjectName("startsOn")
            self.starts_on.setCalendarPopup(True)
            self.starts_on.setDisplayFormat("dd.MM.yyyy")
            known: date | None = values.get("starts_on")
            self.starts_on.setDate(QDate(known) if known else QDate.currentDate())
            self.has_date.setChecked(known is not None)
            self.starts_on.setEnabled(known is not None)
            self.has_date.toggled.connect(self.starts_on.setEnabled)
            row = QHBoxLayout()
            row.addWidget(self.has_date)
            row.addWidget(self.starts_on, 1)
            form.addRow(self.tr("Date"), row)
            self.city = QLineEdit(values.get("city") or "")
            self.city.setObjectName("city")
            form.addRow(self.tr("City"), self.city)
        self.buttons = form_with_buttons(self, form)
        self.name.textChanged.connect(self._validate)
        self._validate()

    def values(self) -> dict[str, Any]:
        """What the core's create() and rename() take."""
        found: dict[str, Any] = {"name": self.name.text(),
                                 "description": self.description.toPlainText() or None}
        if self.kind == "event":
            found["starts_on"] = (self.starts_on.date().toPython()
                                  if self.has_date.isChecked() else None)
            found["city"] = self.city.text() or None
        return found

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))
        self.name.setStyleSheet(INVALID_STYLE if message else "")

    def _validate(self) -> None:
        blank = not self.name.text().strip()
        needs = (self.tr("A distribution list needs a name.") if self.kind == "list"
                 else self.tr("An event needs a name."))
        self.show_error(needs if blank and self.name.isModified() else "")
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not blank)
