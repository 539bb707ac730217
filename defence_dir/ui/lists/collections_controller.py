"""What the window does with distribution lists and events: create, rename, delete, add persons,
change members (the mailing is in mailing_actions.py). Every change goes on the window's undo
stack; the database is only reached through the core services.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QApplication,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
)

from defence_dir.errors import DefenceDirError
from defence_dir.lists import service as lists
from defence_dir.lists.service import AddOutcome, MembersChanged, MembersState, Progress
from defence_dir.records.choices import choices
from defence_dir.records.kinds import COLLECTION_KINDS, RecordKind
from defence_dir.ui.common import progress_jobs
from defence_dir.ui.common.host import WindowHost
from defence_dir.ui.common.messages import plain_message_box
from defence_dir.ui.common.progress_jobs import ProgressJobs
from defence_dir.ui.eventday.eventday_actions import EventDayActions
from defence_dir.ui.lists.collection_dialog import CollectionDialog
from defence_dir.ui.lists.collections_sidebar import CollectionsSidebar
from defence_dir.ui.lists.mailing_actions import MailingActions
from defence_dir.ui.lists.members_view import MembersPanel, status_text
from defence_dir.ui.records.undo_commands import (
    CollectionExistence,
    MembersChange,
    RenamedCollection,
)


@contextmanager
def busy() -> Iterator[None]:
    """A wait cursor while the GUI thread writes (small changes; big ones go to `jobs`)."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


class CollectionsController(QObject):
    def __init__(self, window: WindowHost, changed: Callable[[str, list[int]], None]) -> None:
        super().__init__(window.window())
        self.window, self.changed = window, changed  # changed(kind, ids): refresh after writes
        self.database = window.database
        # Thousands of members change off the GUI thread.
        self.jobs = ProgressJobs(window.window())
        self.sidebar = CollectionsSidebar()
        self.sidebar.opened.connect(window.go_to)
        # Queued: adding may ask a question, and a modal dialog must not run inside the drop.
        self.sidebar.persons_dropped.connect(self.add_persons,
                                             Qt.ConnectionType.QueuedConnection)
        self.panel = MembersPanel()
        self.panel.hide()
        self.panel.persons_dropped.connect(self._dropped_on_panel,
                                           Qt.ConnectionType.QueuedConnection)
        self.panel.remove_requested.connect(self.remove_members)
        self.panel.unsubscribe_requested.connect(self.unsubscribe_members)
        self.panel.status_requested.connect(self.set_status)
        self.mailing = MailingActions(window, self.panel)
        self.event_day = EventDayActions(window, self.panel)  # badges, lists, check-in
        self.panel.filter_changed.connect(lambda _on: self.reload_members())
        self.panel.open_person.connect(lambda person_id: window.go_to("person", person_id))
        self.reload_sidebar()

    # --- showing ----------------------------------------------------------------------------------
    def names(self, kind: RecordKind) -> list[tuple[int, str]]:
        return list(choices(self.database, kind))

    def reload_sidebar(self) -> None:
        for kind in COLLECTION_KINDS:
            self.sidebar.set_records(kind, self.names(kind))

    def show_members(self, kind: RecordKind | str, owner_id: int) -> None:
        """Show who is on the list or at the event (called when one is selected)."""
        kind = RecordKind(kind)  # the window still passes plain strings
        shown = lists.member_rows(self.database, kind, owner_id,
                                  without_consent=self.panel.without_consent.isChecked())
        if shown is None:
            self.hide_members()
            return
        name, rows = shown
        self.panel.show_rows(kind, owner_id, name, rows)
        self.panel.show()
        self.sidebar.mark(kind, owner_id)

    def _dropped_on_panel(self, person_ids: list[int]) -> None:
        if self.panel.owner_id is not None:
            self.add_persons(self.panel.kind, self.panel.owner_id, person_ids)

    def hide_members(self) -> None:
        self.panel.hide()
        self.sidebar.mark(None)

    def reload_members(self) -> None:
        if self.panel.owner_id is not None and self.panel.isVisible():
            self.show_members(self.panel.kind, self.panel.owner_id)

    def refresh(self) -> None:
        """After any change (also undo/redo)."""
        self.reload_sidebar()
        self.reload_members()

    # --- create, rename, delete -------------------------------------------------------------------
    def create(self, kind: RecordKind | str) -> None:
        kind = RecordKind(kind)  # the window still passes plain strings
        title = (self.tr("New distribution list") if kind == RecordKind.LIST
                 else self.tr("New event"))
        dialog = CollectionDialog(self.window.window(), kind, title=title)
        while self.window.run_dialog(dialog):
            try:
                saved = lists.create(self.database, kind, dialog.values())
                record_id = int(saved.record["id"])
            except DefenceDirError as exc:
                dialog.show_error(str(exc))
                continue
            self.window.undo_stack.push(CollectionExistence(
                title, self.database, saved, True, self.changed,
                self.window.report_error))
            self.changed(kind, [record_id])
            self.window.go_to(kind, record_id)
            return

    def rename(self, kind: RecordKind | str, record_id: int) -> None:
        kind = RecordKind(kind)  # the window still passes plain strings
        before = lists.values_of(self.database, kind, record_id)
        if before is None:
            return
        title = self.tr("Edit distribution list") if kind == RecordKind.LIST \
            else self.tr("Edit event")
        dialog = CollectionDialog(self.window.window(), kind, before, title=title)
        while self.window.run_dialog(dialog):
            after = dialog.values()
            try:
                lists.rename(self.database, kind, record_id, after)
            except DefenceDirError as exc:
                dialog.show_error(str(exc))
                continue
            self.window.undo_stack.push(RenamedCollection(
                title, self.database, kind, record_id, before, after,
                self.changed, self.window.report_error))
            self.changed(kind, [record_id])
            return

    def delete(self, kind: RecordKind | str, record_id: int) -> None:
        kind = RecordKind(kind)  # the window still passes plain strings
        text = (self.tr("Delete this distribution list? Its members and their consent history "
                        "go with it. You can undo this.") if kind == RecordKind.LIST
                else self.tr("Delete this event? Its attendance records go with it. You can "
                             "undo this."))
        if not self.window.confirm(self.tr("Delete"), text):
            return

        def work(_progress: Progress | None) -> lists.CollectionSnapshot:
            return lists.delete(self.database, kind, record_id)

        def deleted(saved: lists.CollectionSnapshot) -> None:
            self.window.undo_stack.push(CollectionExistence(
                self.tr("Delete"), self.database, saved, False, self.changed,
                self.window.report_error, self.jobs))
            if self.panel.owner_id == record_id and self.panel.kind == kind:
                self.hide_members()
            self.changed(kind, [record_id])

        size = lists.member_count(self.database, kind, record_id)
        if size >= progress_jobs.BACKGROUND_FROM:
            # Thousands of members: their search documents change too (2.5 s for 6,000).
            # No Cancel: the deletion is one statement.
            self.jobs.run(self.tr("Delete") + " …", work, deleted, self.window.report_error)
            return
        try:
            with busy():
                saved = work(None)
        except DefenceDirError as exc:
            self.window.report_error(str(exc))
            return
        deleted(saved)

    # --- changing members -------------------------------------------------------------------------
    def _push(self, text: str, before: MembersState, after: MembersState) -> None:
        if before != after:
            self.window.undo_stack.push(MembersChange(
                text, self.database, before, after, self.changed, self.window.report_error,
                self.jobs))
            self.changed(before.kind, [before.owner_id])

    def _run_change(self, text: str, kind: RecordKind, owner_id: int, person_ids: list[int],
                    work: Callable[[Progress | None], MembersChanged],
                    finished: Callable[[MembersChanged], None],
                    unfinished: Callable[[], None] | None = None) -> None:
        """Run `work(progress)`, a members service call on `person_ids` of the list or event,
        then `finished(change)`. Thousands of persons go to the worker thread with progress
        and Cancel (cancelled: nothing changed); a few stay here. `unfinished()` is called
        when the change was cancelled or failed."""
        def failed(message: str) -> None:
            self.window.report_error(message)
            if unfinished is not None:
                unfinished()
            self.changed(kind, [owner_id])  # e.g. the list was deleted meanwhile

        if len(person_ids) < progress_jobs.BACKGROUND_FROM:
            try:
                with busy():
                    outcome = work(None)
            except DefenceDirError as exc:
                failed(str(exc))
                return
            finished(outcome)
            return

        def stopped() -> None:
            self._say(self.tr("Cancelled: nothing was changed."))
            if unfinished is not None:
                unfinished()
        self.jobs.run(text + " …", work, finished, failed, cancelled=stopped)

    def _change(self, text: str, kind: RecordKind, owner_id: int, person_ids: list[int],
                work: Callable[[Progress | None], MembersChanged],
                then: Callable[[Any], None] | None = None) -> None:
        """`_run_change`, pushed as one undo step; then `then(result)` with the steps'
        results merged (counts added up, outcomes joined)."""
        def finished(change: MembersChanged) -> None:
            self._push(text, change.before, change.after)
            if then is not None:
                then(change.result)
        self._run_change(text, kind, owner_id, person_ids, work, finished)

    def add_persons(self, kind: RecordKind | str, owner_id: int, person_ids: list[int]) -> None:
        """Add persons by hand (context menu or drop). Persons who unsubscribed from a list are
        skipped unless the user explicitly records a new consent for them."""
        kind = RecordKind(kind)  # a drop on the sidebar passes the kind as a string
        if not person_ids:
            return
        try:
            name = lists.name_of(self.database, kind, owner_id)
        except DefenceDirError as exc:
            # Deleted meanwhile (another window, or dropped onto a stale sidebar row): say so
            # now, not after asking how consent was given.
            self.window.report_error(str(exc))
            self.refresh()
            return
        if kind == RecordKind.EVENT:
            def registered(outcome: AddOutcome) -> None:
                self._say(self.tr("%n person(s) registered for “{name}”.", "",
                                  len(outcome.added)).format(name=name)
                          + self._already(outcome.already, kind))
            self._change(self.tr("Register for event"), kind, owner_id, person_ids,
                         lambda progress: lists.register_attendees(
                             self.database, owner_id, person_ids, progress=progress),
                         registered)
            return
        note = self.ask_note(self.tr("Add to distribution list"), self.tr(
            "How was consent to “{name}” given? (optional, e.g. “business card at the "
            "trade fair”)").format(name=name), required=False)
        if note is None:
            return

        def added(outcome: AddOutcome) -> None:
            message = self.tr("%n person(s) added to “{name}”.", "",
                              len(outcome.added)).format(name=name) \
                + self._already(outcome.already, kind)
            if outcome.suppressed:
                message += " " + self.tr(
                    "%n skipped: they unsubscribed earlier and need a new consent.", "",
                    len(outcome.suppressed))
            self._say(message)
        self._add_members(owner_id, person_ids, note, added)

    def _add_members(self, list_id: int, person_ids: list[int], note: str,
                     then: Callable[[AddOutcome], None]) -> None:
        """Subscribe by hand; then, only if the user says so, record a new consent for those who
        unsubscribed earlier. One undo step for both. (No transaction stays open while a
        question is on screen: that would lock the database for everyone else.)"""
        text = self.tr("Add to distribution list")

        def first_done(first: MembersChanged) -> None:
            before, after, outcome = first.before, first.after, first.result
            if outcome.suppressed and self.ask_new_consent(len(outcome.suppressed)):
                new_note = self.ask_note(self.tr("New consent"), self.tr(
                    "How did they consent again? (required, e.g. “phone call on 3 March”)"),
                    required=True)
                if new_note:
                    def again_done(again: MembersChanged) -> None:
                        more = again.result
                        outcome.added += more.added
                        outcome.suppressed = more.suppressed
                        self._push(text, before, lists.combine_states(after, again.after))
                        then(outcome)
                    def again_unfinished() -> None:
                        # The first part is saved: it must still be on the undo stack.
                        self._push(text, before, after)
                        then(outcome)
                    again_ids = outcome.suppressed
                    self._run_change(text, RecordKind.LIST, list_id, again_ids,
                                     lambda progress: lists.add_members(
                                         self.database, list_id, again_ids,
                                         new_note, new_consent=True, progress=progress),
                                     again_done, again_unfinished)
                    return
            self._push(text, before, after)
            then(outcome)
        self._run_change(text, RecordKind.LIST, list_id, person_ids,
                         lambda progress: lists.add_members(self.database, list_id, person_ids,
                                                            note, progress=progress),
                         first_done)

    def _already(self, already: list[int], kind: RecordKind) -> str:
        if not already:
            return ""
        return " " + (self.tr("%n already on the list.", "", len(already))
                      if kind == RecordKind.LIST
                      else self.tr("%n already registered.", "", len(already)))

    def remove_members(self, person_ids: list[int]) -> None:
        kind, owner_id = self.panel.kind, self.panel.owner_id
        if owner_id is None or not person_ids:
            return
        text = (self.tr("Remove %n person(s) from this list? Persons who unsubscribed stay "
                        "recorded, so that they are not added again. You can undo this.", "",
                        len(person_ids)) if kind == RecordKind.LIST
                else self.tr("Remove %n person(s) from this event? You can undo this.", "",
                             len(person_ids)))
        if not self.window.confirm(self.tr("Remove"), text):
            return

        def removed(count: int) -> None:
            kept = len(person_ids) - count
            self._say(self.tr("%n person(s) removed.", "", count) + (" " + self.tr(
                "%n unsubscribed person(s) kept as a suppression.", "", kept)
                if kept and kind == RecordKind.LIST else ""))
        self._change(self.tr("Remove"), kind, owner_id, person_ids,
                     lambda progress: lists.remove_members(self.database, kind, owner_id,
                                                           person_ids, progress=progress),
                     removed)

    def unsubscribe_members(self, person_ids: list[int]) -> None:
        owner_id = self.panel.owner_id
        if self.panel.kind != RecordKind.LIST or owner_id is None or not person_ids:
            return
        # The question is also where the user notes how the withdrawal came (for the history).
        note = self.ask_note(self.tr("Unsubscribe"), self.tr(
            "Unsubscribe %n person(s)? They stay on the list as unsubscribed and are not "
            "added again without a new consent. You can undo this.", "", len(person_ids))
            + "\n\n" + self.tr("How did they unsubscribe? (optional, e.g. “reply by email”)"),
            required=False)
        if note is None:
            return

        self._change(self.tr("Unsubscribe"), RecordKind.LIST, owner_id, person_ids,
                     lambda progress: lists.unsubscribe(self.database, owner_id, person_ids,
                                                        note or None, progress=progress),
                     lambda count: self._say(self.tr("%n person(s) unsubscribed.", "", count)))

    def set_status(self, person_ids: list[int], status: str) -> None:
        owner_id = self.panel.owner_id
        if self.panel.kind != RecordKind.EVENT or owner_id is None or not person_ids:
            return
        self._change(self.tr("Set status"), RecordKind.EVENT, owner_id, person_ids,
                     lambda progress: lists.set_attendance(self.database, owner_id, person_ids,
                                                           status, progress=progress),
                     lambda count: self._status_set(person_ids, status, count))

    def _status_set(self, person_ids: list[int], status: str, count: int) -> None:
        self.panel.select_persons(person_ids)  # to go on with the same persons
        self._say(self.tr("“{status}” set for %n person(s).", "", count).format(
            status=status_text(status)))

    # --- adding from the persons table --------------------------------------------------------
    def add_person_menus(self, menu: QMenu, person_ids: list[int]) -> None:
        """"Add to distribution list ▸" and "Register for event ▸" for the selected persons."""
        for kind, title in ((RecordKind.LIST, self.tr("Add to distribution list")),
                            (RecordKind.EVENT, self.tr("Register for event"))):
            submenu = menu.addMenu(title)
            submenu.setObjectName(f"add_to_{kind}_menu")
            names = self.names(kind)
            for record_id, name in names:
                action = submenu.addAction(name.replace("&", "&&"))
                action.setData(record_id)
                action.triggered.connect(
                    lambda _checked=False, k=kind, r=record_id: self.add_persons(
                        k, r, person_ids))
            submenu.setEnabled(bool(names and person_ids))

    def _say(self, message: str) -> None:
        self.window.statusBar().showMessage(message, 10000)

    # --- questions (methods so that tests can answer them) -------------------------------------
    def ask_note(self, title: str, label: str, *, required: bool) -> str | None:
        """The user's note; None when cancelled (or left empty though required)."""
        dialog = QInputDialog(self.window.window())
        dialog.setObjectName("noteDialog")
        dialog.setWindowTitle(title)
        dialog.setLabelText(label)
        dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
        dialog.resize(460, dialog.sizeHint().height())
        for shown in dialog.findChildren(QLabel):
            shown.setTextFormat(Qt.TextFormat.PlainText)  # the label names the list: user data
            shown.setWordWrap(True)
        if not self.window.run_dialog(dialog):
            return None
        text = dialog.textValue().strip()
        return None if required and not text else text

    def ask_new_consent(self, count: int) -> bool:
        box = plain_message_box(self.window.window(), QMessageBox.Icon.Question,
                                self.tr("Unsubscribed earlier"), self.tr(
                                    "%n of these persons unsubscribed from this list earlier "
                                    "and were not added.\n\nHave they explicitly given a new "
                                    "consent? Only then record it.", "", count))
        record = box.addButton(self.tr("Record new consent…"),
                               QMessageBox.ButtonRole.AcceptRole)
        leave = box.addButton(self.tr("Leave them out"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(leave)
        box.exec()
        return box.clickedButton() is record
