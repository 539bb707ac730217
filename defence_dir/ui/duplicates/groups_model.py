"""The finder's groups of one lane as a table model: names, score, the strongest reason."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from defence_dir.duplicates.service import DuplicateGroup, Lane
from defence_dir.ui.common.messages import plain_tooltip

Index = QModelIndex | QPersistentModelIndex
NAMES, SCORE, REASON = range(3)


class GroupsModel(QAbstractTableModel):
    """Every group found, the lane chosen shown; groups merged or marked leave it, an undo
    brings them back in their place (strongest first)."""

    def __init__(self, headers: list[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.headers = headers
        self.all: list[DuplicateGroup] = []
        self.names: dict[int, str] = {}
        self.lane = Lane.CERTAIN
        self.rows: list[DuplicateGroup] = []

    def set_groups(self, groups: Sequence[DuplicateGroup], names: Mapping[int, str]) -> None:
        self.all, self.names = list(groups), dict(names)
        self._refill()

    def set_lane(self, lane: Lane) -> None:
        self.lane = lane
        self._refill()

    def _refill(self) -> None:
        self.beginResetModel()
        self.rows = [g for g in self.all if g.lane is self.lane]
        self.endResetModel()

    def counts(self) -> dict[Lane, int]:
        found = dict.fromkeys(Lane, 0)
        for group in self.all:
            found[group.lane] += 1
        return found

    def remove(self, groups: Iterable[DuplicateGroup]) -> None:
        gone = set(groups)
        self.all = [g for g in self.all if g not in gone]
        self._refill()

    def restore(self, groups: Iterable[DuplicateGroup]) -> None:
        """Put groups back (undo), strongest first as the finder sorts them."""
        order = list(Lane)
        back = [g for g in groups if g not in self.all]
        self.all = sorted([*self.all, *back], key=lambda g: (order.index(g.lane), -g.score))
        self._refill()

    def name_list(self, group: DuplicateGroup) -> str:
        return " · ".join(self.names.get(i, f"#{i}") for i in group.ids)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def text(self, group: DuplicateGroup, column: int) -> str:
        if column == NAMES:
            return self.name_list(group)
        if column == SCORE:
            return str(group.score)
        return group.reasons[0] if group.reasons else ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        group = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(group, index.column())  # a view's display text is never rich
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip("\n".join((self.name_list(group), *group.reasons)))
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == SCORE:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None
