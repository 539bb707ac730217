"""Create or edit a distribution list or an event: a name (required), a description, and for an
event its date and city."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QHBoxLayout,
    QLineEdit,
    QWidget,
)

from defence_dir.records.kinds import RecordKind
from defence_dir.ui.lists.name_description_dialog import NameDescriptionDialog


class CollectionDialog(NameDescriptionDialog):
    """A list's or an event's name and description; an event's date and city too."""

    def __init__(self, parent: QWidget | None, kind: RecordKind,
                 values: dict[str, Any] | None = None, *, title: str) -> None:
        values = values or {}
        super().__init__(parent, values.get("name") or "", values.get("description") or "",
                         title=title, width=460)
        self.setObjectName("collectionDialog")
        self.kind = kind
        form = self.form
        if kind == RecordKind.EVENT:
            # A date is optional (often not fixed yet): the box says whether there is one.
            self.has_date = QCheckBox()
            self.has_date.setObjectName("hasDate")
            self.starts_on = QDateEdit()
            self.starts_on.setObjectName("startsOn")
            self.starts_on.setCalendarPopup(True)
            self.starts_on.setDisplayFormat("dd.MM.yyyy")
            known: date | None = values.get("starts_on")
            self.starts_on.setDate(QDate(known.year, known.month, known.day) if known
                                   else QDate.currentDate())
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
        self.finish(self.tr("A distribution list needs a name.") if kind == RecordKind.LIST
                    else self.tr("An event needs a name."))

    def values(self) -> dict[str, Any]:
        """What the core's create() and rename() take."""
        found: dict[str, Any] = {"name": self.name.text(),
                                 "description": self.description.toPlainText() or None}
        if self.kind == RecordKind.EVENT:
            found["starts_on"] = (self.starts_on.date().toPython()
                                  if self.has_date.isChecked() else None)
            found["city"] = self.city.text() or None
        return found
