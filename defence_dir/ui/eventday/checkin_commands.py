"""Undoable check-ins and walk-ins: each step calls the event-day service in one transaction.

As in ui/records/undo_commands.py, a command's first redo() is the change the check-in window
already made (its outcome decided what the command holds); later redos repeat it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from defence_dir.data.database import Database
from defence_dir.errors import DefenceDirError
from defence_dir.eventday import service
from defence_dir.eventday.service import Headcount, WalkIn
from defence_dir.records.kinds import RecordKind
from defence_dir.records.persons import PersonDraft

Counted = Callable[[int, Headcount], None]  # event id, its new headcount
Changed = Callable[[str, list[int]], None]  # kind, ids: the window's data_changed
Failed = Callable[[str], None]


class _EventStep(QUndoCommand):
    def __init__(self, text: str, db: Database, event_id: int, counted: Counted,
                 changed: Changed, failed: Failed) -> None:
        super().__init__(text)
        self.db, self.event_id = db, event_id
        self.counted, self.changed, self.failed = counted, changed, failed
        self._first = True

    def _step(self, work: Callable[[], Headcount], person_ids: list[int]) -> None:
        try:
            count = work()
        except DefenceDirError as exc:
            self.setObsolete(True)  # the data moved on (the event deleted): no replay
            self.failed(str(exc))
            return
        self.counted(self.event_id, count)
        self.changed(RecordKind.EVENT, [self.event_id])
        if person_ids:
            self.changed(RecordKind.PERSON, person_ids)

    def _do(self) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._do()


class CheckedIn(_EventStep):
    """A person marked attended; undo puts back the status before (or no registration)."""

    def __init__(self, text: str, db: Database, event_id: int, person_id: int,
                 previous_status: str | None, counted: Counted, changed: Changed,
                 failed: Failed) -> None:
        super().__init__(text, db, event_id, counted, changed, failed)
        self.person_id, self.previous_status = person_id, previous_status

    def _do(self) -> None:
        # force: the first time may have been confirmed for a cancelled registration.
        self._step(lambda: service.check_in_person(self.db, self.event_id, self.person_id,
                                                   force=True).headcount, [])

    def undo(self) -> None:
        self._step(lambda: service.undo_check_in(self.db, self.event_id, self.person_id,
                                                 self.previous_status), [])


class WalkedIn(_EventStep):
    """A walk-in added; undo takes back the attendance, the subscription and a new person.
    Redo adds the walk-in again (a person it creates then has a new id)."""

    def __init__(self, text: str, db: Database, event_id: int, walk_in: WalkIn,
                 draft: PersonDraft, list_id: int | None, consent_note: str | None,
                 counted: Counted, changed: Changed, failed: Failed) -> None:
        super().__init__(text, db, event_id, counted, changed, failed)
        self.walk_in, self.draft = walk_in, draft
        self.list_id, self.consent_note = list_id, consent_note

    def _add(self) -> Headcount:
        self.walk_in = service.add_walk_in(self.db, self.event_id, self.draft,
                                           list_id=self.list_id,
                                           consent_note=self.consent_note)
        return self.walk_in.headcount

    def _do(self) -> None:
        self._step(self._add, [])
        self._changed_lists()

    def undo(self) -> None:
        walk_in = self.walk_in
        self._step(lambda: service.undo_walk_in(self.db, self.event_id, walk_in),
                   [walk_in.person_id])
        self._changed_lists()

    def _changed_lists(self) -> None:
        if self.list_id is not None:
            self.changed(RecordKind.LIST, [self.list_id])
