"""Create or rename a distribution list or an event: a name (required) and a description."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from defence_dir.ui.person_dialog import INVALID_STYLE, error_label


class CollectionDialog(QDialog):
    """The name is checked while typing; the core's verdict (a duplicate name, say) is shown
    with show_error() and the dialog stays open for a correction."""

    def __init__(self, parent: QWidget | None, kind: str, name: str = "",
                 description: str = "", *, title: str) -> None:
        super().__init__(parent)
        self.setObjectName("collectionDialog")
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.kind = kind
        self.name = QLineEdit(name)
        self.name.setObjectName("name")
        self.name.setMaxLength(300)
        self.description = QPlainTextEdit(description)
        self.description.setObjectName("description")
        self.description.setTabChangesFocus(True)
        self.description.setMaximumHeight(90)
        self.error = error_label()
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow("", self.error)
        form.addRow(self.tr("Description"), self.description)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.name.textChanged.connect(self._validate)
        self._validate()

    def values(self) -> tuple[str, str | None]:
        return self.name.text(), self.description.toPlainText() or None

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
