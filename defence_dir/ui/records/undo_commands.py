"""Undoable edits: each command calls the core services in one transaction per step.

A command's first redo() is the save the window already performed (so that a concurrent-edit
conflict can be resolved with the user before anything is pushed); later redos repeat it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from defence_dir.data.database import Database
from defence_dir.errors import DefenceDirError
from defence_dir.lists import service as lists
from defence_dir.lists.service import CollectionSnapshot, MembersState
from defence_dir.records import service as records
from defence_dir.records.kinds import RecordKind
from defence_dir.records.organisations import (
    OrganisationDraft,
    OrganisationSnapshot,
    TopicSnapshot,
)
from defence_dir.records.persons import PersonDraft
from defence_dir.records.snapshots import PersonSnapshot
from defence_dir.ui.common import progress_jobs
from defence_dir.ui.common.progress_jobs import ProgressJobs

Changed = Callable[[str, list[int]], None]  # kind, ids
Failed = Callable[[str], None]


Step = Callable[[Any], tuple[str, list[int]]]  # apply a state; returns (kind, ids) changed


class _Toggle(QUndoCommand):
    """A change between two states of the data: redo applies `after`, undo `before`.

    The first redo is skipped: the window has already done the change it records.
    """

    def __init__(self, text: str, db: Database, apply: Step, before: Any, after: Any,
                 changed: Changed, failed: Failed) -> None:
        super().__init__(text)
        self.db, self.changed, self.failed = db, changed, failed
        self._apply, self.before, self.after = apply, before, after
        self._first = True

    def _run(self, state: Any) -> None:
        try:
            kind, ids = self._apply(state)
        except DefenceDirError as exc:
            self.setObsolete(True)  # the data moved on; this step cannot be replayed
            self.failed(str(exc))
            return
        self.changed(kind, ids)

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._run(self.after)

    def undo(self) -> None:
        self._run(self.before)


class _PersonsExistence(_Toggle):
    """Persons that exist in one state and not in the other; deleting snapshots them first,
    restoring brings back the same ids, UIDs, memberships and consent history."""

    def __init__(self, text: str, db: Database, snapshots: list[PersonSnapshot],
                 person_ids: list[int], exists_after: bool, changed: Changed,
                 failed: Failed) -> None:
        super().__init__(text, db, self._set, not exists_after, exists_after, changed, failed)
        self.snapshots, self.person_ids = snapshots, person_ids

    def _set(self, exists: bool) -> tuple[str, list[int]]:
        if exists:
            records.restore_persons(self.db, self.snapshots)
        else:
            self.snapshots = records.delete_persons(self.db, self.person_ids)
        return RecordKind.PERSON, self.person_ids


class CreatedPersons(_PersonsExistence):
    def __init__(self, text: str, db: Database, person_ids: list[int], changed: Changed,
                 failed: Failed) -> None:
        super().__init__(text, db, [], person_ids, True, changed, failed)


class DeletedPersons(_PersonsExistence):
    def __init__(self, text: str, db: Database, snapshots: list[PersonSnapshot],
                 changed: Changed, failed: Failed) -> None:
        super().__init__(text, db, snapshots, [s.id for s in snapshots], False, changed,
                         failed)


class EditedPerson(_Toggle):
    """Undo writes the old values back, guarded like any save against others' changes."""

    def __init__(self, text: str, db: Database, person_id: int, before: PersonDraft,
                 after: PersonDraft, version_after: int, changed: Changed,
                 failed: Failed) -> None:
        super().__init__(text, db, self._write, before, after, changed, failed)
        self.person_id, self.version = person_id, version_after

    def _write(self, draft: PersonDraft) -> tuple[str, list[int]]:
        self.version = records.update_person(self.db, self.person_id, draft, self.version)
        return RecordKind.PERSON, [self.person_id]


class EditedOrganisation(_Toggle):
    def __init__(self, text: str, db: Database, organisation_id: int,
                 before: OrganisationDraft, after: OrganisationDraft, changed: Changed,
                 failed: Failed) -> None:
        super().__init__(text, db, self._write, before, after, changed, failed)
        self.organisation_id = organisation_id

    def _write(self, draft: OrganisationDraft) -> tuple[str, list[int]]:
        records.update_organisation(self.db, self.organisation_id, draft)
        return RecordKind.ORGANISATION, [self.organisation_id]


class EditedTopic(_Toggle):
    def __init__(self, text: str, db: Database, topic_id: int, before: tuple[str, str | None],
                 after: tuple[str, str | None], changed: Changed, failed: Failed) -> None:
        super().__init__(text, db, self._write, before, after, changed, failed)
        self.topic_id = topic_id

    def _write(self, values: tuple[str, str | None]) -> tuple[str, list[int]]:
        records.update_topic(self.db, self.topic_id, *values)
        return RecordKind.TOPIC, [self.topic_id]


class OrganisationExistence(_Toggle):
    """Create (exists_after=True) or delete (False) of one organisation, undoable both ways."""

    def __init__(self, text: str, db: Database, snapshot: OrganisationSnapshot,
                 exists_after: bool, changed: Changed, failed: Failed) -> None:
        super().__init__(text, db, self._set, not exists_after, exists_after, changed, failed)
        self.snapshot = snapshot

    def _set(self, exists: bool) -> tuple[str, list[int]]:
        if exists:
            records.restore_organisation(self.db, self.snapshot)
        else:
            self.snapshot = records.delete_organisation(self.db, self.snapshot.id)
        return RecordKind.ORGANISATION, [self.snapshot.id]


class TopicExistence(_Toggle):
    def __init__(self, text: str, db: Database, snapshot: TopicSnapshot, exists_after: bool,
                 changed: Changed, failed: Failed) -> None:
        super().__init__(text, db, self._set, not exists_after, exists_after, changed, failed)
        self.snapshot = snapshot

    def _set(self, exists: bool) -> tuple[str, list[int]]:
        if exists:
            records.restore_topic(self.db, self.snapshot)
        else:
            self.snapshot = records.delete_topic(self.db, self.snapshot.id)
        return RecordKind.TOPIC, [self.snapshot.id]


class CollectionExistence(_Toggle):
    """Create (exists_after=True) or delete (False) of a distribution list or an event; a
    deleted one comes back with its members, attendances and consent history."""

    def __init__(self, text: str, db: Database, saved: CollectionSnapshot, exists_after: bool,
                 changed: Changed, failed: Failed, jobs: ProgressJobs | None = None) -> None:
        super().__init__(text, db, self._set, not exists_after, exists_after, changed, failed)
        self.saved = saved
        self.jobs = jobs

    def _set(self, exists: bool) -> tuple[str, list[int]]:
        kind, record_id = self.saved.kind, int(self.saved.record["id"])
        if exists:
            lists.restore(self.db, self.saved)
        else:
            self.saved = lists.delete(self.db, kind, record_id)
        return kind, [record_id]

    def _run(self, state: Any) -> None:
        if self.jobs is None or len(self.saved.members) < progress_jobs.BACKGROUND_FROM:
            super()._run(state)
            return
        kind, record_id = self.saved.kind, int(self.saved.record["id"])

        def failed(message: str) -> None:
            self.failed(message)
            self.changed(kind, [record_id])
        # In the worker, without Cancel (as MembersChange: the undo stack has moved on).
        self.jobs.run(self.text() + " …", lambda _progress: self._set(state),
                      lambda changed: self.changed(*changed), failed)


class RenamedCollection(_Toggle):
    """A list's or event's name and description (an event's date and city), before and after."""

    def __init__(self, text: str, db: Database, kind: RecordKind, record_id: int,
                 before: dict[str, Any], after: dict[str, Any], changed: Changed,
                 failed: Failed) -> None:
        super().__init__(text, db, self._write, before, after, changed, failed)
        self.kind, self.record_id = kind, record_id

    def _write(self, values: dict[str, Any]) -> tuple[str, list[int]]:
        lists.rename(self.db, self.kind, self.record_id, values)
        return self.kind, [self.record_id]


class MembersChange(_Toggle):
    """Any change to who is on a list or at an event (add, remove, unsubscribe, status):
    undo puts the affected rows back exactly as they were, consent history included.

    With `jobs`, undo and redo of thousands of persons run in its worker thread with progress
    (no Cancel: the undo stack has already moved when undo() is called)."""

    def __init__(self, text: str, db: Database, before: MembersState, after: MembersState,
                 changed: Changed, failed: Failed, jobs: ProgressJobs | None = None) -> None:
        super().__init__(text, db, self._set, before, after, changed, failed)
        self.jobs = jobs

    def _set(self, state: MembersState) -> tuple[str, list[int]]:
        lists.set_members_state(self.db, state)
        return state.kind, [state.owner_id]

    def _run(self, state: Any) -> None:
        if self.jobs is None or len(state.person_ids) < progress_jobs.BACKGROUND_FROM:
            super()._run(state)
            return
        # Say which way: "Add to distribution list …" alone would read as adding again.
        label = (QCoreApplication.translate("MembersChange", "Undoing “{action}” …")
                 if state is self.before else
                 QCoreApplication.translate("MembersChange", "Redoing “{action}” …")).format(
                     action=self.text())

        def work(progress: Callable[[int, int], None]) -> None:
            lists.set_members_state(self.db, state, progress)

        def failed(message: str) -> None:
            self.failed(message)
            self.changed(state.kind, [state.owner_id])
        self.jobs.run(label, work,
                      lambda _result: self.changed(state.kind, [state.owner_id]), failed)
