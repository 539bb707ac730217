"""Table models of the six sections.

Persons, organisations and networks come from the search service: the model holds only the hits
(kind, id, matched field) and builds the rows the view shows, a block at a time, through a core
call (like Anki's browser). More hits are fetched as the user scrolls (fetchMore). A click on a
column header asks the search to sort every hit (`orderChanged`), as Anki's browser passes its
sort column to the search: sorting the rows loaded so far would be wrong past the first page.
Topics, events and lists are few; their model holds the records themselves and sorts them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QAbstractItemView, QTableView

from defence_dir.search.service import SearchHit
from defence_dir.search.sorting import SearchOrder, SortKey
from defence_dir.text.collation import sort_key
from defence_dir.ui.common.messages import plain_tooltip
from defence_dir.ui.common.translation_marks import QT_TRANSLATE_NOOP

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2
BLOCK = 60  # about two screens of rows: built in a few ms on the GUI thread
CACHE_LIMIT = 20 * BLOCK


@dataclass(frozen=True)
class Column:
    header: str  # English source text, translated in the "Columns" context
    key: str
    width: int = 180


def translate_header(text: str) -> str:
    return QCoreApplication.translate("Columns", text)


# QT_TRANSLATE_NOOP marks the texts for lupdate; they are translated where shown.
MATCHED_FIELD_TEXT = {
    "name": QT_TRANSLATE_NOOP("MatchedField", "name"),
    "similar_name": QT_TRANSLATE_NOOP("MatchedField", "similar name"),
    "organisation": QT_TRANSLATE_NOOP("MatchedField", "organisation"),
    "network": QT_TRANSLATE_NOOP("MatchedField", "network"),
    "function": QT_TRANSLATE_NOOP("MatchedField", "function"),
    "topic": QT_TRANSLATE_NOOP("MatchedField", "technology field"),
    "city": QT_TRANSLATE_NOOP("MatchedField", "city"),
    "email": QT_TRANSLATE_NOOP("MatchedField", "email"),
    "phone": QT_TRANSLATE_NOOP("MatchedField", "phone"),
    "notes": QT_TRANSLATE_NOOP("MatchedField", "notes"),
}


def matched_field_label(field: str | None) -> str:
    if not field:
        return ""
    return QCoreApplication.translate("MatchedField", MATCHED_FIELD_TEXT.get(field, field))


# The search's sort key of each sortable column (by column key); other columns do not sort.
SORT_KEYS = {"display_name": SortKey.NAME, "name": SortKey.NAME,
             "organisation": SortKey.ORGANISATION, "email": SortKey.EMAIL,
             "networks": SortKey.NETWORK, "city": SortKey.CITY, "function": SortKey.FUNCTION}

RowLoader = Callable[[Sequence[int]], dict[int, dict[str, str]]]
MimeFactory = Callable[[list[int]], QMimeData]
MoreHits = Callable[[int], list[SearchHit]]


class HitTableModel(QAbstractTableModel):
    """Search hits of one kind as table rows; the `matched` column says where a hit matched."""

    orderChanged = Signal()  # Qt naming: the search must run again, sorted

    def __init__(self, columns: Sequence[Column], load_rows: RowLoader) -> None:
        super().__init__()
        self.columns = list(columns)
        self.order: SearchOrder | None = None  # None: by rank, as the search finds them
        self._load_rows = load_rows
        self._hits: list[SearchHit] = []
        self._rows: dict[int, dict[str, str]] = {}
        self._more: MoreHits | None = None
        self.mime_factory: MimeFactory | None = None  # set: rows can be dragged out
        self.total = 0
        self.total_is_exact = True

    # --- content ---------------------------------------------------------------------------
    def set_hits(self, hits: list[SearchHit], total: int, exact: bool,
                 more: MoreHits | None) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self._rows.clear()
        self._more = more
        self.total, self.total_is_exact = total, exact
        self.endResetModel()

    def invalidate(self) -> None:
        """Rows changed in the database: rebuild what the view shows."""
        self._rows.clear()
        if self._hits:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._hits) - 1, len(self.columns) - 1))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """A header click: the search sorts every hit (a column without a sort key, or -1,
        goes back to the rank order)."""
        key = SORT_KEYS.get(self.columns[column].key) if 0 <= column < len(self.columns) \
            else None
        wanted = None if key is None else SearchOrder(
            key, order == Qt.SortOrder.DescendingOrder)
        if wanted != self.order:
            self.order = wanted
            self.orderChanged.emit()

    def hit(self, row: int) -> SearchHit | None:
        return self._hits[row] if 0 <= row < len(self._hits) else None

    def row_of(self, record_id: int) -> int | None:
        for row, hit in enumerate(self._hits):
            if hit.id == record_id:
                return row
        return None

    # --- Qt model ---------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._hits)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return (not parent.isValid() and self._more is not None
                and len(self._hits) < self.total)

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if self._more is None:
            return
        more = self._more(len(self._hits))
        if not more:
            self._more = None
            return
        first = len(self._hits)
        self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
        self._hits.extend(more)
        self.endInsertRows()

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return translate_header(self.columns[section].header)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if self.mime_factory is not None and index.isValid():
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags

    def mimeTypes(self) -> list[str]:
        return ["text/vcard", "text/uri-list", "text/plain"]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        """Dragged or copied persons as vCards (and a .vcf file a file manager can take)."""
        ids = list(dict.fromkeys(self._hits[i.row()].id for i in indexes if i.isValid()))
        if self.mime_factory is None or not ids:
            return QMimeData()
        return self.mime_factory(ids)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._hits):
            return None
        hit = self._hits[index.row()]
        if role == ID_ROLE:
            return hit.id
        if role == KIND_ROLE:
            return hit.kind
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        key = self.columns[index.column()].key
        if key == "matched":
            text = matched_field_label(hit.matched_field)
        else:
            row = self._row(index.row())
            if row is None:
                return None
            text = row.get(key, "")
        return plain_tooltip(text) if role == Qt.ItemDataRole.ToolTipRole else text

    def _row(self, row: int) -> dict[str, str] | None:
        cached = self._rows.get(row)
        if cached is not None:
            return cached
        if len(self._rows) > CACHE_LIMIT:
            self._rows.clear()
        start = row - row % BLOCK
        block = self._hits[start:start + BLOCK]
        loaded = self._load_rows([h.id for h in block])
        for offset, hit in enumerate(block):
            if hit.id in loaded:
                self._rows[start + offset] = loaded[hit.id]
        return self._rows.get(row)


class RecordTableModel(QAbstractTableModel):
    """A few records (topics, events, lists) held whole."""

    def __init__(self, columns: Sequence[Column]) -> None:
        super().__init__()
        self.columns = list(columns)
        self.records: list[dict[str, Any]] = []

        self._order: tuple[int, bool] | None = None

    def set_records(self, records: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.records = self._sorted(records)
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """A few records, sorted here in German order (numbers as numbers); -1: as read."""
        self._order = None if not 0 <= column < len(self.columns) else (
            column, order == Qt.SortOrder.DescendingOrder)
        self.layoutAboutToBeChanged.emit()
        self.records = self._sorted(self.records)
        self.layoutChanged.emit()

    def _sorted(self, records: list[dict[str, Any]]) -> list[dict[str, Any]]:
        if self._order is None:
            return records
        column, descending = self._order
        key = self.columns[column].key

        def value(record: dict[str, Any]) -> tuple[int, float, str]:
            found = record.get(key)
            if isinstance(found, int | float):
                return (0, float(found), "")
            text = "" if found is None else str(found)
            return (0 if text else 1, 0.0, sort_key(text))  # empty last either way
        filled = [r for r in records if value(r)[0] == 0]
        empty = [r for r in records if value(r)[0] == 1]
        return sorted(filled, key=value, reverse=descending) + empty

    def row_of(self, record_id: int) -> int | None:
        for row, record in enumerate(self.records):
            if record["id"] == record_id:
                return row
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return translate_header(self.columns[section].header)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        record = self.records[index.row()]
        if role == ID_ROLE:
            return record["id"]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = record.get(self.columns[index.column()].key)
            text = "" if value is None else str(value)
            return plain_tooltip(text) if role == Qt.ItemDataRole.ToolTipRole else text
        return None


def configure_record_table(view: QTableView, *, row_height: int) -> None:
    """How the record tables behave: whole rows selected, several at once, zebra rows without
    grid or wrapping, sortable, no row numbers."""
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    view.setAlternatingRowColors(True)
    view.setShowGrid(False)
    view.setWordWrap(False)
    view.setSortingEnabled(True)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(row_height)
