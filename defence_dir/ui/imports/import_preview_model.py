"""The import preview as a table model: each row's text is made when the view asks for it.

A table widget held an item per cell and a combo box per matched row: for 100,000 rows the
window froze for 17 s and the process grew past 1.5 GB. The view now asks only for the rows on
screen, and the match choice is edited with a combo box that exists while it is open.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionComboBox,
    QStyleOptionViewItem,
    QWidget,
)

from defence_dir.imports.spreadsheet.planning import MatchChoice, RowAction, RowPlan
from defence_dir.ui.common.messages import plain_tooltip

Index = QModelIndex | QPersistentModelIndex
ROW, NAME, RESULT, DETAILS, CHOICE = range(5)
NOT_IMPORTED = QColor("#c62828")
WARNED = QColor("#a15c00")  # amber, readable on white and on the dark palette's base


class PreviewModel(QAbstractTableModel):
    """Rows of a plan (empty ones left out). Texts come from the page, which owns their
    translations: `labels` per action, `choices` per match choice, `details(row)`."""

    def __init__(self, headers: list[str], labels: dict[RowAction, str],
                 choices: dict[MatchChoice, str], details: Callable[[RowPlan], str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.headers, self.labels, self.choices, self.details = headers, labels, choices, details
        self.rows: list[RowPlan] = []
        self.similar: dict[int, str] = {}  # row -> "possibly the same person as …"

    def set_rows(self, rows: list[RowPlan]) -> None:
        self.beginResetModel()
        self.rows = [r for r in rows if r.action is not RowAction.EMPTY]
        self.similar = {}
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def text(self, row: RowPlan, column: int) -> str:
        if column == ROW:
            return str(row.row)
        if column == NAME:
            return row.name
        if column == RESULT:
            if row.action in (RowAction.NEW, RowAction.MATCH) and (
                    row.warnings or row.status_warning):
                return f"{self.labels[row.action]} ⚠"  # imported, with a warning
            return self.labels[row.action]
        if column == DETAILS:
            return self.details(row)
        return self.choices[row.choice] if row.action is RowAction.MATCH else ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole,
                    Qt.ItemDataRole.ToolTipRole):
            text = self.text(row, column)
            if column == DETAILS and index.row() in self.similar:
                text = "; ".join(x for x in (f"≈ {self.similar[index.row()]}", text) if x)
            if role != Qt.ItemDataRole.ToolTipRole:
                return text
            # user data: never rich text
            return plain_tooltip(text) if column in (NAME, DETAILS) else None
        if role == Qt.ItemDataRole.UserRole and column == CHOICE:
            return row.choice.value if row.action is RowAction.MATCH else None
        if role == Qt.ItemDataRole.ForegroundRole and column in (RESULT, DETAILS):
            # Rows not imported in red; rows imported with a warning in amber: apart.
            if row.action in (RowAction.INVALID, RowAction.DUPLICATE):
                return NOT_IMPORTED
            if row.action in (RowAction.NEW, RowAction.MATCH) and (
                    row.warnings or row.status_warning):
                return WARNED
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == ROW:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if (index.isValid() and index.column() == CHOICE
                and self.rows[index.row()].action is RowAction.MATCH):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not (index.isValid() and index.column() == CHOICE and role == Qt.ItemDataRole.EditRole):
            return False
        row = self.rows[index.row()]
        if row.action is not RowAction.MATCH:
            return False
        row.choice = MatchChoice(value)
        self.dataChanged.emit(index, index)
        return True

    def set_choice_for_all(self, choice: MatchChoice) -> None:
        for row in self.rows:
            if row.action is RowAction.MATCH:
                row.choice = choice
        if self.rows:
            self.dataChanged.emit(self.index(0, CHOICE), self.index(len(self.rows) - 1, CHOICE))


class ChoiceDelegate(QStyledItemDelegate):
    """Draws a matched row's choice as a combo box and edits it with a real one."""

    def __init__(self, choices: dict[MatchChoice, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choices = choices

    def paint(self, painter: Any, option: QStyleOptionViewItem, index: Index) -> None:
        if index.data(Qt.ItemDataRole.UserRole) is None:
            super().paint(painter, option, index)
            return
        box = QStyleOptionComboBox()
        box.rect = option.rect.adjusted(1, 1, -1, -1)
        box.state = option.state | QStyle.StateFlag.State_Enabled
        box.currentText = index.data(Qt.ItemDataRole.DisplayRole)
        box.palette = option.palette
        style = (option.widget.style() if option.widget
                 else QApplication.style())
        style.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, box, painter)
        style.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, box, painter)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: Index) -> QWidget:
        combo = QComboBox(parent)
        for choice, label in self.choices.items():
            combo.addItem(label, choice.value)
        # The choice counts as made when picked, not only when the editor closes.
        combo.activated.connect(lambda _i: self.commitData.emit(combo))
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(editor.findData(index.data(Qt.ItemDataRole.UserRole)))

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
