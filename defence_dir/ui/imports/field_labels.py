"""The import fields and attendance statuses as the wizard names them (one translation context)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from defence_dir.imports.spreadsheet.columns import IGNORE, STATUSES, TO_NOTES
from defence_dir.ui.common.translation_marks import QT_TRANSLATE_NOOP
from defence_dir.ui.lists.members_view import status_text

# One context for these labels wherever they are shown: `page.tr` in a module function had
# the context "page" in the catalogue but the page's class at run time, so they stayed English.
_FIELD_LABELS = {
    "salutation": QT_TRANSLATE_NOOP("ImportFields", "Salutation"),
    "title": QT_TRANSLATE_NOOP("ImportFields", "Academic title"),
    "given_name": QT_TRANSLATE_NOOP("ImportFields", "Given name"),
    "middle_name": QT_TRANSLATE_NOOP("ImportFields", "Middle name"),
    "family_name": QT_TRANSLATE_NOOP("ImportFields", "Family name"),
    "name_suffix": QT_TRANSLATE_NOOP("ImportFields", "Name suffix"),
    "full_name": QT_TRANSLATE_NOOP("ImportFields", "Full name (given family)"),
    "full_name_reversed": QT_TRANSLATE_NOOP("ImportFields", "Full name (family, given)"),
    "email": QT_TRANSLATE_NOOP("ImportFields", "Email"),
    "phone": QT_TRANSLATE_NOOP("ImportFields", "Phone (work)"),
    "mobile": QT_TRANSLATE_NOOP("ImportFields", "Mobile"),
    "organisation": QT_TRANSLATE_NOOP("ImportFields", "Organisation"),
    "function": QT_TRANSLATE_NOOP("ImportFields", "Function"),
    "department": QT_TRANSLATE_NOOP("ImportFields", "Department"),
    "city": QT_TRANSLATE_NOOP("ImportFields", "City (to notes)"),
    "notes": QT_TRANSLATE_NOOP("ImportFields", "Notes"),
    "status": QT_TRANSLATE_NOOP("ImportFields", "Attendance status"),
    "attended": QT_TRANSLATE_NOOP("ImportFields", "Attended (yes/no)"),
    "consent": QT_TRANSLATE_NOOP("ImportFields", "Consent"),
    TO_NOTES: QT_TRANSLATE_NOOP("ImportFields", "(to notes)"),
    IGNORE: QT_TRANSLATE_NOOP("ImportFields", "(ignore)"),
}


def field_labels(_page: QWidget | None = None) -> dict[str, str]:
    return {key: QCoreApplication.translate("ImportFields", text)
            for key, text in _FIELD_LABELS.items()}


def status_labels(_page: QWidget | None = None) -> dict[str, str]:
    """An attendance status as the members panel names it."""
    return {status: status_text(status) for status in STATUSES}
