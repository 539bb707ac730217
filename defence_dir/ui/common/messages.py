"""Message boxes and tooltips that show their text literally: paths and names are user data,
never rich text."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QProgressDialog, QWidget


def plain_message_box(parent: QWidget | None, icon: QMessageBox.Icon, title: str,
                      text: str) -> QMessageBox:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box


def show_error(parent: QWidget | None, title: str, text: str) -> None:
    plain_message_box(parent, QMessageBox.Icon.Critical, title, text).exec()


def plain_tooltip(text: str) -> str:
    """A tooltip that shows `text` literally: Qt would render "<b>x</b>" as bold (it guesses
    rich text); line breaks are kept. Empty stays empty, so no tooltip appears."""
    if not text:
        return ""
    return "<p style='white-space:pre-wrap'>" + html.escape(text) + "</p>"


def plain_progress_dialog(parent: QWidget | None, text: str) -> QProgressDialog:
    """A busy or progress dialog whose text (it may name a person or a list) shows literally;
    its own label would take "<b>x</b>" for rich text. No Cancel button unless the caller
    sets one."""
    dialog = QProgressDialog(parent)
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    dialog.setLabel(label)
    dialog.setLabelText(text)
    dialog.setCancelButton(None)
    return dialog


ERROR_COLOUR = "#c62828"


def show_busy_text(label: QLabel, text: str) -> None:
    """A label saying what is under way, in the muted colour of hints."""
    label.setText(text)
    label.setStyleSheet("color: palette(placeholder-text);")


def show_error_text(label: QLabel, text: str) -> None:
    """A label saying what went wrong, in red."""
    label.setText(text)
    label.setStyleSheet(f"color: {ERROR_COLOUR};")
