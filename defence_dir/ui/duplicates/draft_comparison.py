"""An import row side by side with the existing person it may be: read-only, since the row
is not a person yet (after the import the finder can merge them)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from defence_dir.merging.service import FieldValues
from defence_dir.records.persons import TEXT_FIELDS, PersonDraft, field_label
from defence_dir.text.plain import clean_text
from defence_dir.ui.duplicates.comparison_view import ComparisonView


def _shown(value: object) -> str | None:
    return clean_text(str(value)) or None if value else None


def _row(name: str, existing: object, incoming: object) -> FieldValues:
    values = (_shown(existing), _shown(incoming))
    differs = bool(values[0] and values[1] and values[0].casefold() != values[1].casefold())
    return FieldValues(name, field_label(name), values, differs, 0)


def draft_fields(record: dict[str, Any], draft: PersonDraft, organisation: str | None,
                 ) -> tuple[list[FieldValues], list[FieldValues]]:
    """The person's and the row's values, field by field (fields empty in both left out)."""
    single = [_row(name, record.get(name), getattr(draft, name)) for name in TEXT_FIELDS]
    single.append(_row("organisation", record.get("organisation"), organisation))
    united = [
        _row("emails", ", ".join(e["address"] for e in record.get("emails", [])),
             ", ".join(e.address for e in draft.emails)),
        _row("phones", ", ".join(p["raw"] for p in record.get("phones", [])),
             ", ".join(p.raw for p in draft.phones)),
    ]
    return ([f for f in single if any(f.values)], [f for f in united if any(f.values)])


class DraftComparison(QDialog):
    def __init__(self, parent: QWidget | None, record: dict[str, Any], draft: PersonDraft,
                 organisation: str | None, row_name: str) -> None:
        super().__init__(parent)
        self.setObjectName("draftComparison")
        self.setWindowTitle(self.tr("Possibly the same person"))
        self.resize(760, 420)
        note = QLabel(self.tr("The import would create a new person. If it is the same as the "
                              "existing one, merge them after the import with Edit › Find "
                              "duplicates."))
        note.setWordWrap(True)
        self.view = ComparisonView()
        single, united = draft_fields(record, draft, organisation)
        self.view.show_fields(
            (record["display_name"], row_name), single, united, choosable=False,
            headers=(self.tr("In the directory: {name}").format(name=record["display_name"]),
                     self.tr("In the file: {name}").format(name=row_name)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
