"""Persons side by side, a row per field: differing values marked, the kept value ticked.

Colours alone would fail a colour-blind user and a dark palette, so every mark is also a
character: "≠" before a field whose values disagree, "✔" before the value the merge keeps,
"∪" before a collection the merge unites. The tints are translucent, so they sit on light and
dark bases alike; the text keeps the palette's own colour.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from defence_dir.merging.service import FieldValues
from defence_dir.ui.common.messages import plain_tooltip

DIFFERS_TINT = QColor(255, 160, 0, 70)  # amber over white or over a dark base
CHOSEN_TINT = QColor(46, 160, 67, 90)  # green
DIFFERS_MARK, CHOSEN_MARK, UNITED_MARK = "≠", "✔", "∪"
EMPTY = "—"


class ComparisonView(QTableWidget):
    """`show_fields(names, single, united)`; `picks` maps a single field to the column
    (index into the persons) whose value is kept. Digits 1–9 choose the value column of the
    current field; read-only views (an import row against a person) show no choice."""

    picks_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("comparison")
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(True)
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        # The current cell in a light tint, its text in the normal colour: a solid highlight
        # would hide the marks of the value that it is on.
        palette = self.palette()
        highlight = QColor(palette.highlight().color())
        highlight.setAlpha(70)
        palette.setColor(QPalette.ColorRole.Highlight, highlight)
        palette.setColor(QPalette.ColorRole.HighlightedText, palette.text().color())
        self.setPalette(palette)
        self.single: tuple[FieldValues, ...] = ()
        self.united: tuple[FieldValues, ...] = ()
        self.names: tuple[str, ...] = ()
        self.picks: dict[str, int] = {}
        self.choosable = True

    def show_fields(self, names: Sequence[str], single: Sequence[FieldValues],
                    united: Sequence[FieldValues], *, choosable: bool = True,
                    headers: Sequence[str] | None = None) -> None:
        # A field empty for everyone has nothing to show or choose.
        self.names = tuple(names)
        self.single = tuple(f for f in single if any(f.values))
        self.united = tuple(f for f in united if any(f.values))
        self.choosable = choosable
        self.picks = {f.field: f.chosen for f in self.single} if choosable else {}
        self.clear()
        self.setColumnCount(1 + len(self.names))
        self.setRowCount(len(self.single) + len(self.united))
        self.setHorizontalHeaderLabels([self.tr("Field"), *(headers or self._headers())])
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for row, values in enumerate(self.single):
            self._fill_row(row, values, united=False)
        for row, values in enumerate(self.united, start=len(self.single)):
            self._fill_row(row, values, united=True)
        self.resizeRowsToContents()
        if self.rowCount():
            self.setCurrentCell(0, 1)

    def show_nothing(self) -> None:
        self.single, self.united, self.names, self.picks = (), (), (), {}
        self.clear()
        self.setRowCount(0)
        self.setColumnCount(0)

    def _headers(self) -> list[str]:
        """The keeper's column says so; the others are numbered like their key."""
        return [self.tr("{number}: {name} (kept)").format(number=1, name=name) if i == 0
                else self.tr("{number}: {name}").format(number=i + 1, name=name)
                for i, name in enumerate(self.names)]

    def _fill_row(self, row: int, values: FieldValues, *, united: bool) -> None:
        mark = UNITED_MARK if united else DIFFERS_MARK if values.differs else " "
        label = QTableWidgetItem(f"{mark} {values.label}")
        label.setData(Qt.ItemDataRole.UserRole, values.field)
        if united:
            label.setToolTip(self.tr("The merge keeps all of them."))
        elif values.differs:
            label.setToolTip(self.tr("The values differ: choose the one to keep."))
        font = QFont(label.font())
        font.setBold(values.differs)
        font.setItalic(united)
        label.setFont(font)
        if values.differs:
            label.setBackground(QBrush(DIFFERS_TINT))
        self.setItem(row, 0, label)
        for column, value in enumerate(values.values):
            item = QTableWidgetItem()  # an item's text is never rich text
            item.setData(Qt.ItemDataRole.UserRole, value)
            if value:
                item.setToolTip(plain_tooltip(value))
            self.setItem(row, column + 1, item)
        self._paint_row(row)

    def _paint_row(self, row: int) -> None:
        values = self._values(row)
        chosen = self.picks.get(values.field) if row < len(self.single) else None
        for column, value in enumerate(values.values):
            item = self._item(row, column + 1)
            text = value or EMPTY
            font = QFont(item.font())
            font.setBold(chosen == column)
            if chosen == column:
                text = f"{CHOSEN_MARK} {text}"
                item.setBackground(QBrush(CHOSEN_TINT))
            elif values.differs:
                item.setBackground(QBrush(DIFFERS_TINT))
            else:
                item.setBackground(QBrush())
            item.setFont(font)
            item.setText(text)
            if not value:
                item.setForeground(self.palette().placeholderText())

    def _values(self, row: int) -> FieldValues:
        return self.single[row] if row < len(self.single) else self.united[row - len(
            self.single)]

    def choose(self, column: int, row: int | None = None) -> bool:
        """Keep the value of person `column` (0-based) for the field in `row` (the current
        one by default). False where there is nothing to choose: a collection, an empty
        value, no such person."""
        row = self.currentRow() if row is None else row
        if not self.choosable or not 0 <= row < len(self.single) \
                or not 0 <= column < len(self.names):
            return False
        values = self.single[row]
        if not values.values[column]:
            return False  # an empty value would clear the field: the merge never loses one
        self.picks[values.field] = column
        self._paint_row(row)
        self.setCurrentCell(row, column + 1)
        self.picks_changed.emit()
        return True

    def chosen_ids(self, ids: Sequence[int]) -> dict[str, int]:
        """The picks as the merge takes them: field -> person id."""
        return {field: ids[column] for field, column in self.picks.items()}

    def row_of(self, field: str) -> int:
        for row in range(self.rowCount()):
            if self._item(row, 0).data(Qt.ItemDataRole.UserRole) == field:
                return row
        return -1

    def cell_text(self, field: str, column: int) -> str:
        """What a cell shows (tests, screenshots)."""
        row = self.row_of(field)
        return self._item(row, column + 1).text() if row >= 0 else ""

    def label_text(self, field: str) -> str:
        row = self.row_of(field)
        return self._item(row, 0).text() if row >= 0 else ""

    def fitting_height(self) -> int:
        """The height that shows every row without scrolling (screenshots, small groups)."""
        return (self.horizontalHeader().height() + 2 * self.frameWidth()
                + sum(self.rowHeight(row) for row in range(self.rowCount())))

    def _item(self, row: int, column: int) -> QTableWidgetItem:
        item = self.item(row, column)
        assert item is not None  # every cell is filled by show_fields
        return item
