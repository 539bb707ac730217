"""Create or edit a person: every field, several emails and phones, checked while typing."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from defence_dir.records.persons import EmailDraft, PersonDraft, PhoneDraft
from defence_dir.text.contact_values import format_phone_international, phone_e164
from defence_dir.ui.common.messages import plain_tooltip

SALUTATIONS = ("", "Herr", "Frau")
TITLES = ("", "Dr.", "Dr.-Ing.", "Dr. rer. nat.", "Prof.", "Prof. Dr.", "Prof. Dr.-Ing.",
          "Dipl.-Ing.")
INVALID_STYLE = "border: 1px solid #c62828; border-radius: 3px;"


def error_label() -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setStyleSheet("color: #c62828;")
    label.hide()
    return label


def save_cancel_buttons(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                               | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def form_with_buttons(dialog: QDialog, form: QFormLayout) -> QDialogButtonBox:
    """The layout of a one-form dialog: the form, then Save and Cancel (returned)."""
    buttons = save_cancel_buttons(dialog)
    layout = QVBoxLayout(dialog)
    layout.addLayout(form)
    layout.addWidget(buttons)
    return buttons


def topic_checklist(topics: Sequence[tuple[int, str]], selected: Sequence[int]) -> QListWidget:
    """Technology fields to tick, for persons and organisations."""
    widget = QListWidget()
    widget.setObjectName("topics")
    widget.setMaximumHeight(120)
    for topic_id, name in topics:
        item = QListWidgetItem(name)
        item.setData(Qt.ItemDataRole.UserRole, topic_id)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if topic_id in selected
                           else Qt.CheckState.Unchecked)
        widget.addItem(item)
    return widget


def checked_topics(widget: QListWidget) -> list[int]:
    return [widget.item(i).data(Qt.ItemDataRole.UserRole) for i in range(widget.count())
            if widget.item(i).checkState() == Qt.CheckState.Checked]


class _ContactRows(QWidget):
    """Editable rows of (value, kind) with add and remove buttons: emails or phones."""

    def __init__(self, kinds: Sequence[tuple[str, str]], placeholder: str, add_text: str,
                 name: str, on_change: Callable[[], object]) -> None:
        super().__init__()
        self.kinds, self.placeholder, self.name = list(kinds), placeholder, name
        self._on_change = on_change
        self.rows: list[tuple[QLineEdit, QComboBox, QLabel, QLabel]] = []
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.add_button = QPushButton(add_text)
        self.add_button.setObjectName(f"add_{name}")
        self.add_button.clicked.connect(lambda: self.add_row("", self.kinds[0][0], focus=True))
        self._relayout()

    def add_row(self, value: str, kind: str, *, focus: bool = False) -> None:
        edit = QLineEdit(value)
        edit.setPlaceholderText(self.placeholder)
        edit.setObjectName(f"{self.name}_{len(self.rows)}")
        combo = QComboBox()
        for key, label in self.kinds:
            combo.addItem(label, key)
        combo.setCurrentIndex(max(0, combo.findData(kind)))
        hint, error = QLabel(), error_label()
        hint.setTextFormat(Qt.TextFormat.PlainText)
        hint.setStyleSheet("color: palette(placeholder-text);")
        edit.textChanged.connect(self._on_change)
        combo.currentIndexChanged.connect(self._on_change)
        self.rows.append((edit, combo, hint, error))
        self._relayout()
        if focus:
            edit.setFocus()
        self._on_change()

    def remove_row(self, index: int) -> None:
        edit, combo, hint, error = self.rows.pop(index)
        for widget in (edit, combo, hint, error):
            widget.deleteLater()
        self._relayout()
        self._on_change()

    def _relayout(self) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if isinstance(widget, QToolButton):
                widget.deleteLater()
        for i, (edit, combo, hint, error) in enumerate(self.rows):
            remove = QToolButton()
            remove.setText("−")
            remove.setObjectName(f"remove_{self.name}_{i}")
            remove.setToolTip(self.tr("Remove"))
            remove.clicked.connect(lambda _checked=False, i=i: self.remove_row(i))
            self.grid.addWidget(edit, 3 * i, 0)
            self.grid.addWidget(combo, 3 * i, 1)
            self.grid.addWidget(remove, 3 * i, 2)
            self.grid.addWidget(hint, 3 * i + 1, 0, 1, 3)
            self.grid.addWidget(error, 3 * i + 2, 0, 1, 3)
        self.grid.addWidget(self.add_button, 3 * len(self.rows), 0, 1, 3,
                            Qt.AlignmentFlag.AlignLeft)

    def values(self) -> list[tuple[str, str]]:
        return [(edit.text(), combo.currentData()) for edit, combo, _h, _e in self.rows
                if edit.text().strip()]

    def row_index_of_value(self, position: int) -> int:
        """Row of the `position`-th non-blank value (values() skips blank rows)."""
        filled = [i for i, (edit, *_rest) in enumerate(self.rows) if edit.text().strip()]
        return filled[position] if position < len(filled) else -1


class PersonDialog(QDialog):
    """`draft()` holds the entered values once the dialog was accepted."""

    def __init__(self, parent: QWidget | None, draft: PersonDraft | None,
                 organisations: Sequence[tuple[int, str]], topics: Sequence[tuple[int, str]],
                 *, title: str) -> None:
        super().__init__(parent)
        self.setObjectName("personDialog")
        self.setWindowTitle(title)
        self.setMinimumWidth(740)
        draft = draft or PersonDraft()

        self.salutation = self._combo(SALUTATIONS, draft.salutation, "salutation")
        self.title_edit = self._combo(TITLES, draft.title, "title")
        self.given_name = self._line(draft.given_name, "given_name")
        self.middle_name = self._line(draft.middle_name, "middle_name")
        self.family_name = self._line(draft.family_name, "family_name")
        self.name_suffix = self._line(draft.name_suffix, "name_suffix")
        self.function = self._line(draft.function, "function")
        self.department = self._line(draft.department, "department")
        self.name_error = error_label()
        self.name_error.setObjectName("name_error")

        self.organisation = QComboBox()
        self.organisation.setObjectName("organisation")
        self.organisation.setEditable(True)
        self.organisation.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.organisation.addItem(self.tr("(none)"), None)
        for org_id, name in organisations:
            self.organisation.addItem(name, org_id)
        completer = self.organisation.completer()
        assert completer is not None  # an editable combo box has one
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.organisation.setCurrentIndex(max(0, self.organisation.findData(
            draft.organisation_id)))

        self.emails = _ContactRows(
            [("work", self.tr("work")), ("home", self.tr("private")), ("other", self.tr("other"))],
            "name@example.org", self.tr("Add email"), "email", self._validate)
        self.phones = _ContactRows(
            [("work", self.tr("work")), ("cell", self.tr("mobile")), ("fax", self.tr("fax")),
             ("home", self.tr("private")), ("other", self.tr("other"))],
            "0211 123456-0", self.tr("Add phone"), "phone", self._validate)

        self.topics = topic_checklist(topics, draft.topic_ids)
        self.notes = QPlainTextEdit(draft.notes or "")
        self.notes.setObjectName("notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(90)

        name_box = QGroupBox(self.tr("Name"))
        form = QFormLayout(name_box)
        form.addRow(self.tr("Salutation"), self.salutation)
        form.addRow(self.tr("Academic title"), self.title_edit)
        form.addRow(self.tr("Given name"), self.given_name)
        form.addRow(self.tr("Middle name"), self.middle_name)
        form.addRow(self.tr("Family name"), self.family_name)
        form.addRow(self.tr("Name suffix"), self.name_suffix)
        form.addRow("", self.name_error)
        work_box = QGroupBox(self.tr("Work"))
        work = QFormLayout(work_box)
        work.addRow(self.tr("Organisation"), self.organisation)
        work.addRow(self.tr("Function"), self.function)
        work.addRow(self.tr("Department"), self.department)
        contact_box = QGroupBox(self.tr("Reachable at"))
        contact = QFormLayout(contact_box)
        contact.addRow(self.tr("Email"), self.emails)
        contact.addRow(self.tr("Phone"), self.phones)
        more_box = QGroupBox(self.tr("More"))
        more = QFormLayout(more_box)
        more.addRow(self.tr("Technology fields"), self.topics)
        more.addRow(self.tr("Notes"), self.notes)

        self.buttons = save_cancel_buttons(self)
        left = QVBoxLayout()
        left.addWidget(name_box)
        left.addWidget(work_box)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(contact_box)
        right.addWidget(more_box)
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(self.buttons)

        for email in draft.emails:
            self.emails.add_row(email.address, email.kind)
        for phone in draft.phones:
            self.phones.add_row(phone.raw, phone.kind)
        if not draft.emails:
            self.emails.add_row("", "work")
        if not draft.phones:
            self.phones.add_row("", "work")
        for widget in (self.given_name, self.family_name):
            widget.textChanged.connect(self._validate)
        self._validate()
        self.given_name.setFocus()

    def _line(self, value: str | None, name: str) -> QLineEdit:
        edit = QLineEdit(value or "")
        edit.setObjectName(name)
        return edit

    def _combo(self, choices: Sequence[str], value: str | None, name: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setEditable(True)
        combo.addItems(list(choices))
        combo.setCurrentText(value or "")
        return combo

    def draft(self) -> PersonDraft:
        org_index = self.organisation.findText(self.organisation.currentText(),
                                               Qt.MatchFlag.MatchExactly)
        organisation_id = self.organisation.itemData(org_index) if org_index >= 0 else None
        return PersonDraft(
            salutation=self.salutation.currentText(),
            title=self.title_edit.currentText(),
            given_name=self.given_name.text(),
            middle_name=self.middle_name.text(),
            family_name=self.family_name.text(),
            name_suffix=self.name_suffix.text(),
            function=self.function.text(),
            department=self.department.text(),
            notes=self.notes.toPlainText(),
            organisation_id=organisation_id,
            emails=[EmailDraft(v, k) for v, k in self.emails.values()],
            phones=[PhoneDraft(v, k) for v, k in self.phones.values()],
            topic_ids=checked_topics(self.topics),
        )

    def problems(self) -> dict[str, str]:
        """Field key ("family_name", "emails.0", …) → message, for what is entered now."""
        return {problem.field or "": str(problem) for problem in self.draft().problems()}

    def _validate(self) -> None:
        problems = self.problems()
        name_problem = problems.get("family_name", "")
        self.name_error.setText(name_problem)
        self.name_error.setVisible(bool(name_problem))
        for edit in (self.given_name, self.family_name):
            edit.setStyleSheet(INVALID_STYLE if name_problem else "")
        for rows, key in ((self.emails, "emails"), (self.phones, "phones")):
            for edit, _combo, hint, error in rows.rows:
                edit.setStyleSheet("")
                error.hide()
                hint.hide()
            for position in range(len(rows.values())):
                index = rows.row_index_of_value(position)
                edit, _combo, hint, error = rows.rows[index]
                message = problems.get(f"{key}.{position}")
                if message:
                    edit.setStyleSheet(INVALID_STYLE)
                    error.setText(message)
                    error.show()
                elif key == "phones":
                    e164 = phone_e164(edit.text())
                    if e164:
                        hint.setText(self.tr("Saved as {number}").format(
                            number=format_phone_international(e164)))
                        hint.show()
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setEnabled(not problems)
        save.setToolTip(plain_tooltip(next(iter(problems.values()), "")))

    def accept(self) -> None:
        if self.problems():
            return
        super().accept()
