"""The members of a distribution list or the attendees of an event, with the mailing actions.

The panel only shows rows and says what the user asked for (signals); the window's
collections controller does the work through the core.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QItemSelection,
    QItemSelectionModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from defence_dir.lists.service import AttendanceStatus, MemberRow
from defence_dir.records.kinds import RecordKind
from defence_dir.ui.common.messages import plain_tooltip
from defence_dir.ui.common.translation_marks import QT_TRANSLATE_NOOP
from defence_dir.ui.window.person_drag import PERSON_IDS_MIME, person_ids_of
from defence_dir.ui.window.table_models import configure_record_table

Index = QModelIndex | QPersistentModelIndex
PERSON_ROLE = Qt.ItemDataRole.UserRole + 1
OUTLOOK, COMMA = "; ", ", "

# (header, key, width): QT_TRANSLATE_NOOP marks the headers; translated where shown.
LIST_COLUMNS = (
    (QT_TRANSLATE_NOOP("MembersView", "Name"), "name", 175),
    (QT_TRANSLATE_NOOP("MembersView", "Organisation"), "organisation", 140),
    (QT_TRANSLATE_NOOP("MembersView", "Email"), "email", 210),
    (QT_TRANSLATE_NOOP("MembersView", "Status"), "status", 100),
    # One column for when, how and from where (and the note): the table stays readable in a
    # normal window; the tooltip shows it whole.
    (QT_TRANSLATE_NOOP("MembersView", "Consent"), "consent", 120),
)
EVENT_COLUMNS = LIST_COLUMNS[:4]
STATUS_TEXT = {
    "subscribed": QT_TRANSLATE_NOOP("MembersView", "subscribed"),
    "unsubscribed": QT_TRANSLATE_NOOP("MembersView", "unsubscribed"),
    "registered": QT_TRANSLATE_NOOP("MembersView", "registered"),
    "attended": QT_TRANSLATE_NOOP("MembersView", "attended"),
    "cancelled": QT_TRANSLATE_NOOP("MembersView", "cancelled"),
    "no_show": QT_TRANSLATE_NOOP("MembersView", "no-show"),
}


def status_text(status: str) -> str:
    return QCoreApplication.translate("MembersView", STATUS_TEXT.get(status, status))


def consent_text(row: MemberRow) -> str:
    """"04.03.2025 · sign-up form: Webformular #17 · note", or a warning without proof."""
    if row.without_consent:
        return QCoreApplication.translate("MembersView", "no proof of consent")
    when = row.consent_at.strftime("%d.%m.%Y") if row.consent_at else ""
    return " · ".join(x for x in (when, row.consent_source, row.consent_note) if x)


class MemberTableModel(QAbstractTableModel):
    """Rows of one list or event; persons dropped on the table are offered as `dropped`."""

    dropped = Signal(list)

    def __init__(self) -> None:
        super().__init__()
        self.columns: Sequence[tuple[str, str, int]] = LIST_COLUMNS
        self.rows: list[MemberRow] = []

    def set_rows(self, kind: RecordKind, rows: list[MemberRow]) -> None:
        self.beginResetModel()
        self.columns = LIST_COLUMNS if kind == RecordKind.LIST else EVENT_COLUMNS
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("MembersView", self.columns[section][0])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        key = self.columns[index.column()][1]
        if role == PERSON_ROLE:
            return row.person_id
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.status in ("unsubscribed", "cancelled"):
                return QBrush(QColor("#757575"))
            if key == "consent" and row.without_consent:
                return QBrush(QColor("#c62828"))
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            if key == "status" and row.unsubscribed_at:
                return QCoreApplication.translate("MembersView", "unsubscribed on {date}"
                                                  ).format(date=row.unsubscribed_at.strftime(
                                                      "%d.%m.%Y"))
            return plain_tooltip(self._text(row, key))
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return self._text(row, key)

    def _text(self, row: MemberRow, key: str) -> str:
        if key == "status":
            return status_text(row.status)
        if key == "consent":
            return consent_text(row)
        value = getattr(row, key)
        return "" if value is None else str(value)

    # --- persons dropped onto the table ---------------------------------------------------------
    def flags(self, index: Index) -> Qt.ItemFlag:
        return super().flags(index) | Qt.ItemFlag.ItemIsDropEnabled

    def mimeTypes(self) -> list[str]:
        return [PERSON_IDS_MIME]

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction

    def canDropMimeData(self, data: QMimeData, _action: Qt.DropAction, _row: int,
                        _column: int, _parent: Index) -> bool:
        return bool(person_ids_of(data))

    def dropMimeData(self, data: QMimeData, _action: Qt.DropAction, _row: int, _column: int,
                     _parent: Index) -> bool:
        ids = person_ids_of(data)
        if ids:
            self.dropped.emit(ids)
        return False  # rows come back from the database, not from the drop


class ElidedTitle(QLabel):
    """At most three lines, with "…" in the middle when a list's or event's name needs more (the
    whole title in the tooltip): wrapped freely, a 300-character name took half the panel's
    height from the members table."""

    LINES = 3  # the seeded event's name needs three next to the buttons

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.full_text = ""

    def set_title(self, text: str) -> None:
        self.full_text = text
        self.setToolTip(plain_tooltip(text))
        self.setAccessibleName(text)
        self._elide()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _fits(self, text: str, width: int) -> bool:
        flags = int(Qt.TextFlag.TextWordWrap)  # as the label wraps
        height = self.fontMetrics().boundingRect(0, 0, width, 100_000, flags, text).height()
        return height <= self.LINES * self.fontMetrics().lineSpacing()

    def _elide(self) -> None:
        text, width = self.full_text, max(self.contentsRect().width(), 40)
        if not self._fits(text, width):
            low, high = 0, len(text) // 2  # characters kept at each end
            while low < high:  # the most that still fits
                keep = (low + high + 1) // 2
                if self._fits(text[:keep] + "…" + text[-keep:], width):
                    low = keep
                else:
                    high = keep - 1
            text = text[:low] + "…" + text[-low:] if low else "…"
        if text != self.text():
            self.setText(text)


class MembersPanel(QWidget):
    """Members (kind "list") or attendees ("event") of one record, and what can be done."""

    remove_requested = Signal(list)
    unsubscribe_requested = Signal(list)
    status_requested = Signal(list, str)
    export_requested = Signal()
    copy_requested = Signal(str)  # separator
    filter_changed = Signal(bool)
    persons_dropped = Signal(list)
    open_person = Signal(int)
    kind_shown = Signal(str)  # "list" or "event": the event-day buttons show for events

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("membersPanel")
        self.kind = RecordKind.LIST
        self.owner_id: int | None = None
        self.model = MemberTableModel()
        self.model.dropped.connect(self.persons_dropped)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortLocaleAware(True)
        self.proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

        self.title = ElidedTitle()
        self.title.setObjectName("membersTitle")
        font = QFont(self.title.font())
        font.setBold(True)
        self.title.setFont(font)
        self.count = QLabel()
        self.count.setObjectName("membersCount")
        self.count.setTextFormat(Qt.TextFormat.PlainText)
        self.count.setStyleSheet("color: palette(placeholder-text);")

        self.without_consent = QCheckBox(self.tr("Only members without proof of consent"))
        self.without_consent.setObjectName("withoutConsent")
        self.without_consent.toggled.connect(self.filter_changed)
        self.status_combo = QComboBox()
        self.status_combo.setObjectName("statusCombo")
        for status in AttendanceStatus:
            self.status_combo.addItem(status_text(status.value), status.value)
        self.set_status_button = QPushButton(self.tr("Set status"))
        self.set_status_button.setObjectName("setStatusButton")
        self.set_status_button.clicked.connect(lambda: self._emit_status(
            self.status_combo.currentData()))
        self.unsubscribe_button = QPushButton(self.tr("Unsubscribe"))
        self.unsubscribe_button.setObjectName("unsubscribeButton")
        self.unsubscribe_button.setToolTip(self.tr(
            "The person stays recorded as unsubscribed and is not added again without a new "
            "consent."))
        self.unsubscribe_button.clicked.connect(
            lambda: self._emit_ids(self.unsubscribe_requested))
        self.remove_button = QPushButton(self.tr("Remove…"))
        self.remove_button.setObjectName("removeButton")
        self.remove_button.clicked.connect(lambda: self._emit_ids(self.remove_requested))
        self.export_button = QPushButton(self.tr("Export for mail merge (.xlsx)…"))
        self.export_button.setObjectName("exportButton")
        self.export_button.clicked.connect(self.export_requested)
        self.copy_button = QToolButton()
        self.copy_button.setObjectName("copyBccButton")
        self.copy_button.setText(self.tr("Copy email addresses (BCC)"))
        self.copy_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.copy_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        copy_menu = QMenu(self.copy_button)
        self.copy_outlook_action = copy_menu.addAction(
            self.tr("Separated by “; ” (Outlook)"), lambda: self.copy_requested.emit(OUTLOOK))
        self.copy_comma_action = copy_menu.addAction(
            self.tr("Separated by “, ” (other mail programs)"),
            lambda: self.copy_requested.emit(COMMA))
        self.copy_button.setMenu(copy_menu)
        self.copy_button.clicked.connect(lambda: self.copy_requested.emit(OUTLOOK))

        self.table = QTableView()
        self.table.setObjectName("membersTable")
        self.table.setModel(self.proxy)
        configure_record_table(self.table, row_height=24)
        self.table.setAcceptDrops(True)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.table.setDropIndicatorShown(False)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.doubleClicked.connect(self._open)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the core's order: by name
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.empty_hint = QLabel()
        self.empty_hint.setObjectName("membersEmptyHint")
        self.empty_hint.setTextFormat(Qt.TextFormat.PlainText)
        self.empty_hint.setStyleSheet("color: palette(placeholder-text);")
        self.empty_hint.setWordWrap(True)

        heading = QHBoxLayout()
        heading.addWidget(self.title, 1)
        heading.addWidget(self.count)
        heading.addSpacing(12)
        heading.addWidget(self.export_button)
        heading.addWidget(self.copy_button)
        actions = self.actions_row = QHBoxLayout()  # ui/eventday adds its buttons here
        actions.addWidget(self.without_consent)
        actions.addWidget(self.status_combo)
        actions.addWidget(self.set_status_button)
        actions.addStretch(1)
        actions.addWidget(self.unsubscribe_button)
        actions.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(heading)
        layout.addLayout(actions)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_hint)
        self._update_buttons()

    # --- content ----------------------------------------------------------------------------------
    def show_rows(self, kind: RecordKind, owner_id: int, name: str, rows: list[MemberRow]) -> None:
        changed_owner = (kind, owner_id) != (self.kind, self.owner_id)
        if changed_owner and kind != self.kind:
            self.without_consent.blockSignals(True)
            self.without_consent.setChecked(False)
            self.without_consent.blockSignals(False)
        self.kind, self.owner_id = kind, owner_id
        self.title.set_title(self.tr("Members of “{name}”").format(name=name)
                             if kind == RecordKind.LIST
                             else self.tr("Attendees of “{name}”").format(name=name))
        self.count.setText(self.tr("%n person(s)", "", len(rows)))
        header = self.table.horizontalHeader()
        self.model.set_rows(kind, rows)
        if changed_owner:
            for column, (_header, _key, width) in enumerate(self.model.columns):
                header.resizeSection(column, width)
        # No column of blanks: members without an organisation are common in a fresh directory.
        self.table.setColumnHidden(1, not any(r.organisation for r in rows))
        is_list = kind == RecordKind.LIST
        self.without_consent.setVisible(is_list)
        self.unsubscribe_button.setVisible(is_list)
        self.status_combo.setVisible(not is_list)
        self.set_status_button.setVisible(not is_list)
        self.kind_shown.emit(kind)
        if self.only_without_consent():
            hint = self.tr("Every member has a recorded consent.")
        else:
            hint = self.tr("No one here yet. Drag persons from the persons table onto the list "
                           "or event in the sidebar, or use “Add to distribution list” / "
                           "“Register for event” in their context menu.")
        self.empty_hint.setText("" if rows else hint)
        self.empty_hint.setVisible(not rows)
        self._update_buttons()

    def only_without_consent(self) -> bool:
        return self.kind == RecordKind.LIST and self.without_consent.isChecked()

    def selected_person_ids(self) -> list[int]:
        # From the selection's ranges, not selectedRows(): that asks every cell's flags
        # (through Python) and took 0.15 s for 5,000 rows after Ctrl+A. (A QItemSelection
        # iterates at run time; PySide's stub does not say so.)
        rows = sorted({row for selected in self.table.selectionModel().selection()  # type: ignore[attr-defined]
                       for row in range(selected.top(), selected.bottom() + 1)})
        ids = (self.proxy.index(row, 0).data(PERSON_ROLE) for row in rows)
        return [int(i) for i in ids if i is not None]

    def select_persons(self, person_ids: Sequence[int]) -> None:
        """Select these persons' rows in one step: a selectRow() per row merged each into the
        selection so far and took minutes for 5,000 (after setting their status)."""
        wanted = set(person_ids)
        selection = QItemSelection()
        rows, last_column = self.proxy.rowCount(), self.proxy.columnCount() - 1
        start = None
        for row in range(rows + 1):
            hit = row < rows and self.proxy.index(row, 0).data(PERSON_ROLE) in wanted
            if hit and start is None:
                start = row
            elif not hit and start is not None:  # one range per run of neighbouring rows
                selection.select(self.proxy.index(start, 0),
                                 self.proxy.index(row - 1, last_column))
                start = None
        self.table.selectionModel().select(
            selection, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)

    # --- user actions -------------------------------------------------------------------------
    def _emit_ids(self, signal: Any) -> None:
        ids = self.selected_person_ids()
        if ids:
            signal.emit(ids)

    def _emit_status(self, status: str) -> None:
        ids = self.selected_person_ids()
        if ids:
            self.status_requested.emit(ids, status)

    def _open(self, index: QModelIndex) -> None:
        person_id = index.data(PERSON_ROLE)
        if person_id is not None:
            self.open_person.emit(int(person_id))

    def _update_buttons(self) -> None:
        # hasSelection, not selected_person_ids(): that walks every selected row (5,000 after
        # Ctrl+A), and this runs on each change of the selection.
        chosen = self.table.selectionModel().hasSelection()
        for button in (self.remove_button, self.unsubscribe_button, self.set_status_button):
            button.setEnabled(chosen)
        has_rows = self.model.rowCount() > 0
        self.export_button.setEnabled(has_rows)
        self.copy_button.setEnabled(has_rows)

    def context_menu(self) -> QMenu:
        """The menu for the selected rows (a method so that tests can trigger its actions)."""
        menu = QMenu(self)
        ids = self.selected_person_ids()
        if len(ids) == 1:
            menu.addAction(self.tr("Open person"), lambda: self.open_person.emit(ids[0]))
            menu.addSeparator()
        if self.kind == RecordKind.EVENT:
            status_menu = menu.addMenu(self.tr("Set status"))
            for status in AttendanceStatus:
                status_menu.addAction(status_text(status.value),
                                      partial(self._emit_status, status.value))
        else:
            menu.addAction(self.tr("Unsubscribe"),
                           lambda: self._emit_ids(self.unsubscribe_requested))
        menu.addAction(self.tr("Remove…"), lambda: self._emit_ids(self.remove_requested))
        for action in menu.actions():
            action.setEnabled(bool(ids))
        return menu

    def _context_menu(self, position: QPoint) -> None:
        self.context_menu().popup(self.table.viewport().mapToGlobal(position))
