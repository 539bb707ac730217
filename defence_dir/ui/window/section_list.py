"""The list of sections at the window's left (persons … distribution lists, then the overview)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from defence_dir.ui.window.sections import SECTIONS

OVERVIEW = "overview"  # key of the overview page (not a table section)


class SectionList(QListWidget):
    chosen = Signal(str)  # a section's key, or OVERVIEW; only when the user picks one

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("navigation")
        self.setMinimumWidth(120)
        self.setStyleSheet(
            "QListWidget#navigation { border: none; background: palette(window); }"
            "QListWidget#navigation::item { padding: 6px 8px; }"
            "QListWidget#navigation::item:selected { background: palette(highlight); "
            "color: palette(highlighted-text); border-radius: 4px; }")
        # The overview last, so the rows of the sections keep their indexes (SECTIONS.index).
        for key, title in [*((s.key, s.title()) for s in SECTIONS), (OVERVIEW, self.tr(
                "Overview"))]:
            item = QListWidgetItem(title)
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.addItem(item)
        self.currentItemChanged.connect(self._current_changed)
        # The sections take the height they need; lists and events to drop persons on below.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFixedHeight(self.sizeHintForRow(0) * self.count() + 8)

    def _current_changed(self, item: QListWidgetItem | None, _previous: object) -> None:
        if item is not None:
            self.chosen.emit(item.data(Qt.ItemDataRole.UserRole))

    def mark(self, key: str) -> None:
        """Highlight a section (or the overview) without emitting `chosen`."""
        row = self.count() - 1 if key == OVERVIEW else \
            [s.key for s in SECTIONS].index(key)
        if self.currentRow() != row:
            self.blockSignals(True)
            self.setCurrentRow(row)
            self.blockSignals(False)
