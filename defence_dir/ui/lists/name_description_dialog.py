"""The form shared by the dialogs of records that are a name and a description (technology
fields, distribution lists, events): the name is required and checked while typing."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from defence_dir.ui.records.person_dialog import INVALID_STYLE, error_label, form_with_buttons


class NameDescriptionDialog(QDialog):
    """A subclass adds its own rows to `form`, then calls finish(). The core's verdict (a
    duplicate name, say) is shown with show_error() and the dialog stays open."""

    def __init__(self, parent: QWidget | None, name: str, description: str, *,
                 title: str, width: int) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(width)
        self.name = QLineEdit(name)
        self.name.setObjectName("name")
        self.name.setMaxLength(300)
        self.description = QPlainTextEdit(description)
        self.description.setObjectName("description")
        self.description.setTabChangesFocus(True)
        self.description.setMaximumHeight(90)
        self.error = error_label()
        self.form = QFormLayout()
        self.form.addRow(self.tr("Name"), self.name)
        self.form.addRow("", self.error)
        self.form.addRow(self.tr("Description"), self.description)
        self.needs_name = ""

    def finish(self, needs_name: str) -> None:
        """Buttons below the rows; `needs_name` is shown once a typed name is blank."""
        self.needs_name = needs_name
        self.buttons = form_with_buttons(self, self.form)
        self.name.textChanged.connect(self._validate)
        self._validate()

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))
        self.name.setStyleSheet(INVALID_STYLE if message else "")

    def _validate(self) -> None:
        blank = not self.name.text().strip()
        self.show_error(self.needs_name if blank and self.name.isModified() else "")
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not blank)
