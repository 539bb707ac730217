"""Undoable edits: each command calls the core services in one transaction per step.

A command's first redo() is the save the window already performed (so that a concurrent-edit
conflict can be resolved with the user before anything is pushed); later redos repeat it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand

from defence_dir.data.database import Database
from defence_dir.errors import DefenceDirError
from defence_dir.organisations import (
    OrganisationDraft,
    OrganisationSnapshot,
    TopicSnapshot,
    delete_organisation,
    delete_topic,
    restore_organisation,
    restore_topic,
    snapshot_organisation,
    snapshot_topic,
    update_organisation,
    update_topic,
)
from defence_dir.person_snapshots import PersonSnapshot, restore_person, snapshot_person
from defence_dir.persons import PersonDraft, delete_person, get_person, update_person

Changed = Callable[[str, list[int]], None]  # kind, ids
Failed = Callable[[str], None]


class _Command(QUndoCommand):
    def __init__(self, text: str, db: Database, changed: Changed, failed: Failed) -> None:
        super().__init__(text)
        self.db, self.changed, self.failed = db, changed, failed
        self._first = True

    def _run(self, step: Callable[[], tuple[str, list[int]]]) -> None:
        try:
            kind, ids = step()
        except DefenceDirError as exc:
            self.setObsolete(True)  # the data moved on; this step cannot be replayed
            self.failed(str(exc))
            return
        self.changed(kind, ids)


class CreatedPersons(_Command):
    """Persons the window created; undo deletes them, redo puts the same records back."""

    def __init__(self, text: str, db: Database, person_ids: list[int], changed: Changed,
                 failed: Failed) -> None:
        super().__init__(text, db, changed, failed)
        self.person_ids = person_ids
        self.snapshots: list[PersonSnapshot] = []

    def redo(self) -> None:
        if self._first:
            self._first = False
            return

        def step() -> tuple[str, list[int]]:
            with self.db.session() as session:
                for snapshot in self.snapshots:
                    restore_person(session, snapshot)
            return "person", self.person_ids
        self._run(step)

    def undo(self) -> None:
        def step() -> tuple[str, list[int]]:
            with self.db.session() as session:
                self.snapshots = [snapshot_person(session, i) for i in self.person_ids]
                for person_id in self.person_ids:
                    delete_person(session, person_id)
            return "person", self.person_ids
        self._run(step)


class DeletedPersons(CreatedPersons):
    """The mirror image: redo deletes (again), undo restores."""

    def __init__(self, text: str, db: Database, snapshots: list[PersonSnapshot],
                 changed: Changed, failed: Failed) -> None:
        super().__init__(text, db, [s.id for s in snapshots], changed, failed)
        self.snapshots = snapshots

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        CreatedPersons.undo(self)

    def undo(self) -> None:
        self._first = False
        CreatedPersons.redo(self)


class _Toggle(_Command):
    """A change between two states: redo applies `after`, undo applies `before`."""

    before: Any
    after: Any

    def _apply(self, state: Any) -> tuple[str, list[int]]:
        raise NotImplementedError

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._run(lambda: self._apply(self.after))

    def undo(self) -> None:
        self._run(lambda: self._apply(self.before))


class EditedPerson(_Toggle):
    """Undo writes the old values back, guarded like any save against others' changes."""

    def __init__(self, text: str, db: Database, person_id: int, before: PersonDraft,
                 after: PersonDraft, version_after: int, changed: Changed,
                 failed: Failed) -> None:
        super().__init__(text, db, changed, failed)
        self.person_id, self.before, self.after = person_id, before, after
        self.version = version_after

    def _apply(self, state: PersonDraft) -> tuple[str, list[int]]:
        with self.db.session() as session:
            person = update_person(session, self.person_id, state, self.version)
            self.version = person.version
        return "person", [self.person_id]


class EditedOrganisation(_Toggle):
    def __init__(self, text: str, db: Database, organisation_id: int,
                 before: OrganisationDraft, after: OrganisationDraft, changed: Changed,
                 failed: Failed) -> None:
        super().__init__(text, db, changed, failed)
        self.organisation_id, self.before, self.after = organisation_id, before, after

    def _apply(self, state: OrganisationDraft) -> tuple[str, list[int]]:
        with self.db.session() as session:
            update_organisation(session, self.organisation_id, state)
        return "organisation", [self.organisation_id]


class EditedTopic(_Toggle):
    def __init__(self, text: str, db: Database, topic_id: int, before: tuple[str, str | None],
                 after: tuple[str, str | None], changed: Changed, failed: Failed) -> None:
        super().__init__(text, db, changed, failed)
        self.topic_id, self.before, self.after = topic_id, before, after

    def _apply(self, state: tuple[str, str | None]) -> tuple[str, list[int]]:
        with self.db.session() as session:
            update_topic(session, self.topic_id, *state)
        return "topic", [self.topic_id]


class OrganisationExistence(_Toggle):
    """Create (exists_after=True) or delete (False) of one organisation, undoable both ways."""

    def __init__(self, text: str, db: Database, snapshot: OrganisationSnapshot,
                 exists_after: bool, changed: Changed, failed: Failed) -> None:
        super().__init__(text, db, changed, failed)
        self.snapshot, self.after, self.before = snapshot, exists_after, not exists_after

    def _apply(self, state: bool) -> tuple[str, list[int]]:
        with self.db.session() as session:
            if state:
                restore_organisation(session, self.snapshot)
            else:
                self.snapshot = snapshot_organisation(session, self.snapshot.id)
                delete_organisation(session, self.snapshot.id)
        return "organisation", [self.snapshot.id]


class TopicExistence(_Toggle):
    def __init__(self, text: str, db: Database, snapshot: TopicSnapshot, exists_after: bool,
                 changed: Changed, failed: Failed) -> None:
        super().__init__(text, db, changed, failed)
        self.snapshot, self.after, self.before = snapshot, exists_after, not exists_after

    def _apply(self, state: bool) -> tuple[str, list[int]]:
        with self.db.session() as session:
            if state:
                restore_topic(session, self.snapshot)
            else:
                self.snapshot = snapshot_topic(session, self.snapshot.id)
                delete_topic(session, self.snapshot.id)
        return "topic", [self.snapshot.id]


def current_version(db: Database, person_id: int) -> int:
    with db.read_session() as session:
        return get_person(session, person_id).version
