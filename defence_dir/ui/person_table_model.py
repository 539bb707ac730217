"""Table model of persons: holds only ids, builds the visible rows on demand through the core."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from defence_dir.directory import PersonRow
from defence_dir.i18n import N_, _

Index = QModelIndex | QPersistentModelIndex
RowLoader = Callable[[Sequence[int]], list[PersonRow]]

# (header, attribute of PersonRow)
COLUMNS: tuple[tuple[str, str], ...] = (
    (N_("Name"), "display_name"),
    (N_("Networks"), "networks"),
    (N_("Organisation"), "organisation"),
    (N_("Function"), "function"),
    (N_("Email"), "email"),
    (N_("Phone"), "phone"),
)
# Rows are loaded in blocks around the one the view asks for, so scrolling costs one query a block.
BLOCK = 200
# Rows kept built; beyond this the cache starts over, so scrolling a million rows stays bounded.
CACHE_LIMIT = 20 * BLOCK
ID_ROLE = Qt.ItemDataRole.UserRole + 1


class PersonTableModel(QAbstractTableModel):
    """Persons in a given order; like Anki's browser model it keeps ids and caches built rows."""

    def __init__(self, load_rows: RowLoader) -> None:
        super().__init__()
        self._load_rows = load_rows
        self._ids: Sequence[int] = ()
        self._rows: dict[int, PersonRow] = {}

    def set_ids(self, ids: Sequence[int]) -> None:
        self.beginResetModel()
        self._ids = ids
        self._rows.clear()
        self.endResetModel()

    def invalidate(self) -> None:
        """Forget cached rows (after an edit); the view asks again for what it shows."""
        self._rows.clear()
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1,
                                                             len(COLUMNS) - 1))

    def person_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, person_id: int) -> int | None:
        try:
            return list(self._ids).index(person_id)
        except ValueError:
            return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(COLUMNS[section][0])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        if role == ID_ROLE:
            return self._ids[index.row()]
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        row = self._row(index.row())
        return getattr(row, COLUMNS[index.column()][1]) if row else None

    def _row(self, row: int) -> PersonRow | None:
        cached = self._rows.get(row)
        if cached is not None:
            return cached
        if len(self._rows) > CACHE_LIMIT:
            self._rows.clear()
        start = row - row % BLOCK
        block_ids = list(self._ids[start:start + BLOCK])
        loaded = {r.id: r for r in self._load_rows(block_ids)}
        for offset, person_id in enumerate(block_ids):
            if person_id in loaded:
                self._rows[start + offset] = loaded[person_id]
        return self._rows.get(row)
