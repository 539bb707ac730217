"""Creating, editing and deleting persons, organisations and technology fields from the
window: each through its dialog, as one undoable step, never silently over a concurrent change."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoCommand

from defence_dir.errors import DefenceDirError
from defence_dir.records import service as records
from defence_dir.records.choices import choices
from defence_dir.records.kinds import RecordKind
from defence_dir.records.persons import ConcurrentEditError, PersonDraft
from defence_dir.ui.common.host import WindowHost
from defence_dir.ui.records.organisation_dialog import OrganisationDialog, TopicDialog
from defence_dir.ui.records.person_dialog import PersonDialog
from defence_dir.ui.records.undo_commands import (
    CreatedPersons,
    DeletedPersons,
    EditedOrganisation,
    EditedPerson,
    EditedTopic,
    OrganisationExistence,
    TopicExistence,
)

if TYPE_CHECKING:
    from defence_dir.data.database import Database


class RecordEditor(QObject):
    """The window's New/Edit/Delete for the directory's own records (lists and events have
    the CollectionsController)."""

    def __init__(self, window: WindowHost) -> None:
        super().__init__(window.window())
        self.window = window

    def _push(self, command: Callable[..., QUndoCommand], text: str, *args: Any) -> None:
        """One undoable step; every command refreshes the window and reports its errors."""
        self.window.undo_stack.push(command(text, self.window.database, *args,
                                            self.window.data_changed.emit,
                                            self.window.report_error))

    def choices(self) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
        database = self.window.database
        return (choices(database, RecordKind.ORGANISATION),
                choices(database, RecordKind.TOPIC))

    def create_person(self, draft: PersonDraft | None = None) -> None:
        organisations, topics = self.choices()
        dialog = PersonDialog(self.window.window(), draft, organisations, topics,
                              title=self.tr("New person"))
        if not self.window.run_dialog(dialog):
            return
        try:
            person_id = records.create_person(self.window.database, dialog.draft())
        except DefenceDirError as exc:
            self.window.report_error(str(exc))
            return
        self._push(CreatedPersons, self.tr("New person"), [person_id])
        self.window.data_changed.emit("person", [person_id])
        self.window.go_to("person", person_id)

    def edit_person(self, person_id: int) -> None:
        before, version = records.person_draft(self.window.database, person_id)
        organisations, topics = self.choices()
        dialog = PersonDialog(self.window.window(), before, organisations, topics,
                              title=self.tr("Edit person"))
        if not self.window.run_dialog(dialog):
            return
        self.save_person(person_id, before, dialog.draft(), version)

    def save_person(self, person_id: int, before: PersonDraft, after: PersonDraft,
                    version: int) -> bool:
        """Save an edit; a change made elsewhere since `version` is never silently lost."""
        try:
            new_version = records.update_person(self.window.database, person_id, after, version)
        except ConcurrentEditError as exc:
            if exc.found is None:
                self.window.report_error(str(exc))
                self.window.data_changed.emit("person", [person_id])
                return False
            choice = self.window.ask_conflict(str(exc))
            if choice == "overwrite":
                before = records.person_draft(self.window.database, person_id)[0]
                return self.save_person(person_id, before, after, exc.found)
            if choice == "reload":
                self.window.data_changed.emit("person", [person_id])
            return False
        except DefenceDirError as exc:
            self.window.report_error(str(exc))
            return False
        self._push(EditedPerson, self.tr("Edit person"), person_id, before, after, new_version)
        self.window.data_changed.emit("person", [person_id])
        return True

    def delete_persons(self, ids: list[int]) -> None:
        text = (self.tr("Delete this person?") if len(ids) == 1
                else self.tr("Delete these %n persons?", "", len(ids)))
        if not self.window.confirm(self.tr("Delete"), text + "\n\n" + self.tr(
                "Memberships in lists and events go with them. You can undo this.")):
            return
        try:
            snapshots = records.delete_persons(self.window.database, ids)
        except DefenceDirError as exc:
            self.window.report_error(str(exc))
            return
        self._push(DeletedPersons, self.tr("Delete"), snapshots)
        self.window.data_changed.emit("person", ids)

    def create_organisation(self) -> None:
        _orgs, topics = self.choices()
        dialog = OrganisationDialog(self.window.window(), None, topics,
                                    title=self.tr("New organisation"))
        if not self.window.run_dialog(dialog):
            return
        try:
            snapshot = records.create_organisation(self.window.database, dialog.draft())
            org_id = snapshot.id
        except DefenceDirError as exc:
            self.window.report_error(str(exc))
            return
        self._push(OrganisationExistence, self.tr("New organisation"), snapshot, True)
        self.window.data_changed.emit("organisation", [org_id])
        self.window.go_to("organisation", org_id)

    def edit_organisation(self, org_id: int) -> None:
        before = records.organisation_draft(self.window.database, org_id)
        if before is None:
            return
        _orgs, topics = self.choices()
        dialog = OrganisationDialog(self.window.window(), before, topics,
                                    title=self.tr("Edit organisation"))
        if not self.window.run_dialog(dialog):
            return
        try:
            records.update_organisation(self.window.database, org_id, dialog.draft())
        except DefenceDirError as exc:
            self.window.report_error(str(exc))
            return
        self._push(EditedOrganisation, self.tr("Edit organisation"), org_id, before, dialog.draft())
        self.window.data_changed.emit("organisation", [org_id])

    def delete_organisation(self, org_id: int) -> None:
        self._delete(RecordKind.ORGANISATION, org_id, self.tr(
            "Delete this organisation? Its persons stay in the directory, without an "
            "organisation. You can undo this."), records.delete_organisation,
            OrganisationExistence)

    def create_topic(self) -> None:
        dialog = TopicDialog(self.window.window(), title=self.tr("New technology field"))
        while self.window.run_dialog(dialog):
            try:
                snapshot = records.create_topic(self.window.database, dialog.name.text(),
                                                dialog.description.toPlainText())
                topic_id = snapshot.id
            except DefenceDirError as exc:
                dialog.show_error(str(exc))
                continue
            self._push(TopicExistence, self.tr("New technology field"), snapshot, True)
            self.window.data_changed.emit("topic", [topic_id])
            self.window.go_to("topic", topic_id)
            return

    def edit_topic(self, topic_id: int) -> None:
        before = records.topic_values(self.window.database, topic_id)
        if before is None:
            return
        dialog = TopicDialog(self.window.window(), before[0], before[1] or "",
                             title=self.tr("Edit technology field"))
        while self.window.run_dialog(dialog):
            after = (dialog.name.text(), dialog.description.toPlainText())
            try:
                records.update_topic(self.window.database, topic_id, *after)
            except DefenceDirError as exc:
                dialog.show_error(str(exc))
                continue
            self._push(EditedTopic, self.tr("Edit technology field"), topic_id, before, after)
            self.window.data_changed.emit("topic", [topic_id])
            return

    def delete_topic(self, topic_id: int) -> None:
        self._delete(RecordKind.TOPIC, topic_id, self.tr(
            "Delete this technology field? It is removed from every person, organisation "
            "and network. You can undo this."), records.delete_topic, TopicExistence)

    def _delete(self, kind: RecordKind, record_id: int, question: str,
                delete: Callable[[Database, int], Any],
                command: Callable[..., QUndoCommand]) -> None:
        """Delete an organisation or a technology field after asking; undo brings back the
        snapshot taken just before."""
        if not self.window.confirm(self.tr("Delete"), question):
            return
        try:
            snapshot = delete(self.window.database, record_id)
        except DefenceDirError as exc:
            self.window.report_error(str(exc))
            return
        self._push(command, self.tr("Delete"), snapshot, False)
        self.window.data_changed.emit(kind, [record_id])
