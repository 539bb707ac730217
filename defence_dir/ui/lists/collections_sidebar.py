"""The distribution lists and events under the sections: click to open, drop persons to add."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QTreeWidget, QTreeWidgetItem, QWidget

from defence_dir.records.kinds import RecordKind
from defence_dir.ui.common.messages import plain_tooltip
from defence_dir.ui.window.person_drag import PERSON_IDS_MIME, person_ids_of

KIND_ROLE = Qt.ItemDataRole.UserRole
ID_ROLE = Qt.ItemDataRole.UserRole + 1


class CollectionsSidebar(QTreeWidget):
    """Two groups, lists and events. `opened(kind, id)` on a click; `persons_dropped(kind, id,
    person_ids)` when person rows are dropped onto a list or an event."""

    opened = Signal(str, int)
    persons_dropped = Signal(str, int, list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("collectionsSidebar")
        self.setHeaderHidden(True)
        self.setRootIsDecorated(False)
        self.setIndentation(10)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setStyleSheet("QTreeWidget#collectionsSidebar { border: none; "
                           "background: palette(window); }"
                           "QTreeWidget#collectionsSidebar::item { padding: 3px 4px; }")
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        # Dropping anywhere on a row means "onto it", never between two rows.
        self.setDragDropOverwriteMode(True)
        self.setDropIndicatorShown(True)
        self.groups: dict[RecordKind, QTreeWidgetItem] = {}
        for kind, title in ((RecordKind.LIST, self.tr("Distribution lists")),
                            (RecordKind.EVENT, self.tr("Events"))):
            group = QTreeWidgetItem(self, [title])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            group.setToolTip(0, self.tr("Drag persons onto a list or an event to add them."))
            self.groups[kind] = group
        self.itemClicked.connect(self._clicked)

    def set_records(self, kind: RecordKind, records: Sequence[tuple[int, str]]) -> None:
        group = self.groups[kind]
        group.takeChildren()
        for record_id, name in records:
            item = QTreeWidgetItem(group, [name])  # item text is plain text
            item.setData(0, KIND_ROLE, kind)
            item.setData(0, ID_ROLE, record_id)
            item.setToolTip(0, plain_tooltip(name))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                          | Qt.ItemFlag.ItemIsDropEnabled)
        group.setExpanded(True)

    def item_for(self, kind: RecordKind, record_id: int) -> QTreeWidgetItem | None:
        group = self.groups[kind]
        for row in range(group.childCount()):
            child = group.child(row)
            if child is not None and child.data(0, ID_ROLE) == record_id:
                return child
        return None

    def mark(self, kind: RecordKind | None, record_id: int | None = None) -> None:
        """Highlight the list or event on show (or none)."""
        item = self.item_for(kind, record_id) if kind and record_id is not None else None
        self.blockSignals(True)
        if item is None:
            self.clearSelection()
        else:
            self.setCurrentItem(item)
        self.blockSignals(False)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter opens the current list or event, as a click does (not itemActivated: styles
        that activate on a single click would open it twice)."""
        item = self.currentItem()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and item is not None:
            self._clicked(item, 0)
            event.accept()
            return
        super().keyPressEvent(event)

    def _clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        if item.data(0, ID_ROLE) is not None:
            self.opened.emit(item.data(0, KIND_ROLE), int(item.data(0, ID_ROLE)))

    # --- dropping persons ------------------------------------------------------------------------
    def mimeTypes(self) -> list[str]:
        return [PERSON_IDS_MIME]

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(PERSON_IDS_MIME):
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        item = self.itemAt(event.position().toPoint())
        if item is not None and item.data(0, ID_ROLE) is not None \
                and event.mimeData().hasFormat(PERSON_IDS_MIME):
            self.setCurrentItem(item)  # show where the persons will go
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            event.ignore()

    def dropMimeData(self, parent: QTreeWidgetItem, _index: int, data: QMimeData,
                     _action: Qt.DropAction) -> bool:
        """Called by QTreeWidget's drop handling with the item under the cursor."""
        ids = person_ids_of(data)
        if parent is None or parent.data(0, ID_ROLE) is None or not ids:
            return False
        self.persons_dropped.emit(parent.data(0, KIND_ROLE), int(parent.data(0, ID_ROLE)), ids)
        return True
