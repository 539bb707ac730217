"""The event view's event-day buttons: "Badges…", "Attendee list…" and "Check-in", and the
check-in windows they open (one per event, kept while the main window lives so that their
steps on the undo stack can still reach them)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QPushButton

from defence_dir.errors import DefenceDirError
from defence_dir.lists import service as lists
from defence_dir.records.kinds import RecordKind
from defence_dir.ui.common.host import WindowHost
from defence_dir.ui.eventday.checkin_window import CheckinWindow
from defence_dir.ui.eventday.export_dialogs import AttendeeListDialog, BadgesDialog
from defence_dir.ui.lists.members_view import MembersPanel


class EventDayActions(QObject):
    """Adds the three buttons to the members panel's actions row; shown for events only."""

    def __init__(self, window: WindowHost, panel: MembersPanel) -> None:
        super().__init__(window.window())
        self.window, self.panel, self.database = window, panel, window.database
        self.checkin_windows: dict[int, CheckinWindow] = {}
        self._inserted = 0
        self.badges_button = self._button("badgesButton", self.tr("Badges…"), self.show_badges)
        self.list_button = self._button("attendeeListButton", self.tr("Attendee list…"),
                                        self.show_attendee_list)
        self.checkin_button = self._button("checkinButton", self.tr("Check-in"),
                                           self.show_checkin)
        self.checkin_button.setToolTip(self.tr(
            "Check in arrivals at the door: scan their badges or type their names."))
        self.checkin_button.setEnabled(not self.database.read_only)
        panel.kind_shown.connect(self._kind_shown)
        self._kind_shown(panel.kind)

    def _button(self, name: str, text: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        # Beside "Set status", before the row's stretch: the panel's own buttons stay put.
        row = self.panel.actions_row
        row.insertWidget(row.indexOf(self.panel.set_status_button) + 1 + self._inserted, button)
        self._inserted += 1
        return button

    def _kind_shown(self, kind: str) -> None:
        for button in (self.badges_button, self.list_button, self.checkin_button):
            button.setVisible(kind == RecordKind.EVENT)

    def _event(self) -> tuple[int, str] | None:
        """The event the panel shows, with its name; None (and a message) if it is gone."""
        event_id = self.panel.owner_id
        if self.panel.kind != RecordKind.EVENT or event_id is None:
            return None
        try:
            return event_id, lists.name_of(self.database, RecordKind.EVENT, event_id)
        except DefenceDirError as exc:
            self.window.report_error(str(exc))
            return None

    def badges_dialog(self) -> BadgesDialog | None:
        shown = self._event()
        return None if shown is None else BadgesDialog(self.window.window(), self.database,
                                                       *shown)

    def attendee_list_dialog(self) -> AttendeeListDialog | None:
        shown = self._event()
        return None if shown is None else AttendeeListDialog(self.window.window(),
                                                             self.database, *shown)

    def show_badges(self) -> None:
        dialog = self.badges_dialog()
        if dialog is not None:
            self.window.run_dialog(dialog)

    def show_attendee_list(self) -> None:
        dialog = self.attendee_list_dialog()
        if dialog is not None:
            self.window.run_dialog(dialog)

    def checkin_window(self) -> CheckinWindow | None:
        shown = self._event()
        if shown is None:
            return None
        event_id, name = shown
        window = self.checkin_windows.get(event_id)
        if window is None:
            window = self.checkin_windows[event_id] = CheckinWindow(self.window, event_id, name)
        return window

    def show_checkin(self) -> None:
        window = self.checkin_window()
        if window is not None:
            window.show()
            window.raise_()
            window.activateWindow()
