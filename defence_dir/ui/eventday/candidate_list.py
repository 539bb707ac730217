"""Attendees matching what was typed, with their status; Enter or a double-click picks one."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from defence_dir.eventday.service import Attendee
from defence_dir.ui.lists.members_view import status_text

PERSON_ROLE = Qt.ItemDataRole.UserRole + 1


def attendee_status(status: str) -> str:
    if not status:
        return QCoreApplication.translate("CandidateList", "not registered")
    return status_text(status)


class CandidateList(QTreeWidget):
    """Name, organisation, status; `chosen(person_id)` on Enter or double-click."""

    chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("candidateList")
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAllColumnsShowFocus(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHeaderLabels([self.tr("Name"), self.tr("Organisation"), self.tr("Status")])
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        # Qt emits this on Enter and on a double-click (as the platform activates items).
        self.itemActivated.connect(self._activated)
        self.placeholder = self.tr("Type a name: the matching attendees appear here.\n"
                                   "Arrow down chooses one, Enter checks them in.")

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.topLevelItemCount() == 0:  # say what the empty space is for
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(self.viewport().rect().adjusted(16, 16, -16, -16),
                             int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap),
                             self.placeholder)
            painter.end()

    def show_attendees(self, attendees: Sequence[Attendee]) -> None:
        self.clear()
        items = []
        for attendee in attendees:
            # QTreeWidgetItem shows its texts literally: names stay plain text.
            item = QTreeWidgetItem([attendee.name, attendee.organisation or "",
                                    attendee_status(attendee.status)])
            item.setData(0, PERSON_ROLE, attendee.person_id)
            items.append(item)
        self.addTopLevelItems(items)
        if items:
            self.setCurrentItem(items[0])

    def person_ids(self) -> list[int]:
        items = (self.topLevelItem(row) for row in range(self.topLevelItemCount()))
        return [int(item.data(0, PERSON_ROLE)) for item in items if item is not None]

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        person_id = item.data(0, PERSON_ROLE)
        if person_id is not None:
            self.chosen.emit(int(person_id))
