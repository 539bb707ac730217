"""Creating, editing and deleting persons, organisations and technology fields from the
window: each through its dialog, as one undoable step, never silently over a concurrent change."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoCommand
from sqlalchemy.orm import Session

from defence_dir.data.models import Organisation, Topic
from defence_dir.errors import DefenceDirError
from defence_dir.records.choices import choices
from defence_dir.records.organisations import (
    create_organisation,
    create_topic,
    delete_organisation,
    delete_topic,
    organisation_draft_of,
    snapshot_organisation,
    snapshot_topic,
    update_organisation,
    update_topic,
)
from defence_dir.records.persons import (
    ConcurrentEditError,
    PersonDraft,
    create_person,
    delete_person,
    draft_of,
    get_person,
    update_person,
)
from defence_dir.records.snapshots import snapshot_person
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
        return choices(database, "organisation"), choices(database, "topic")

    def create_person(self, draft: PersonDraft | None = None) -> None:
        organisations, topics = self.choices()
        dialog = PersonDialog(self.window.window(), draft, organisations, topics,
                              title=self.tr("New person"))
        if not self.window.run_dialog(dialog):
            return
        try:
            with self.window.database.session() as session:
                person_id = create_person(session, dialog.draft()).id
        except DefenceDirError as exc:
            self.window.report_error(str(exc))
            return
        self._push(CreatedPersons, self.tr("New person"), [person_id])
        self.window.data_changed.emit("person", [person_id])
        self.window.go_to("person", person_id)

    def edit_person(self, person_id: int) -> None:
        with self.window.database.read_session() as session:
            person = get_person(session, person_id)
            before, version = draft_of(person), person.version
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
            with self.window.database.session() as session:
                new_version = update_person(session, person_id, after, version).version
        except ConcurrentEditError as exc:
            if exc.found is None:
                self.window.report_error(str(exc))
                self.window.data_changed.emit("person", [person_id])
                return False
            choice = self.window.ask_conflict(str(exc))
            if choice == "overwrite":
                with self.window.database.read_session() as session:
                    before = draft_of(get_person(session, person_id))
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
            with self.window.database.session() as session:
                snapshots = [snapshot_person(session, i) for i in ids]
                for person_id in ids:
                    delete_person(session, person_id)
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
            with self.window.database.session() as session:
                org_id = create_organisation(session, dialog.draft()).id
                snapshot = snapshot_organisation(session, org_id)
        except DefenceDirError as exc:
            self.window.report_error(str(exc))
            return
        self._push(OrganisationExistence, self.tr("New organisation"), snapshot, True)
        self.window.data_changed.emit("organisation", [org_id])
        self.window.go_to("organisation", org_id)

    def edit_organisation(self, org_id: int) -> None:
        with self.window.database.read_session() as session:
            org = session.get(Organisation, org_id)
            if org is None:
                return
            before = organisation_draft_of(org)
        _orgs, topics = self.choices()
        dialog = OrganisationDialog(self.window.window(), before, topics,
                                    title=self.tr("Edit organisation"))
        if not self.window.run_dialog(dialog):
            return
        try:
            with self.window.database.session() as session:
                update_organisation(session, org_id, dialog.draft())
        except DefenceDirError as exc:
            self.window.report_error(str(exc))
            return
        self._push(EditedOrganisation, self.tr("Edit organisation"), org_id, before, dialog.draft())
        self.window.data_changed.emit("organisation", [org_id])

    def delete_organisation(self, org_id: int) -> None:
        self._delete("organisation", org_id, self.tr(
            "Delete this organisation? Its persons stay in the directory, without an "
            "organisation. You can undo this."), snapshot_organisation, delete_organisation,
            OrganisationExistence)

    def create_topic(self) -> None:
        dialog = TopicDialog(self.window.window(), title=self.tr("New technology field"))
        while self.window.run_dialog(dialog):
            try:
                with self.window.database.session() as session:
                    topic_id = create_topic(session, dialog.name.text(),
                                            dialog.description.toPlainText()).id
                    snapshot = snapshot_topic(session, topic_id)
            except DefenceDirError as exc:
                dialog.show_error(str(exc))
                continue
            self._push(TopicExistence, self.tr("New technology field"), snapshot, True)
            self.window.data_changed.emit("topic", [topic_id])
            self.window.go_to("topic", topic_id)
            return

    def edit_topic(self, topic_id: int) -> None:
        with self.window.database.read_session() as session:
            topic = session.get(Topic, topic_id)
            if topic is None:
                return
            before = (topic.name, topic.description)
        dialog = TopicDialog(self.window.window(), before[0], before[1] or "",
                             title=self.tr("Edit technology field"))
        while self.window.run_dialog(dialog):
            after = (dialog.name.text(), dialog.description.toPlainText())
            try:
                with self.window.database.session() as session:
                    update_topic(session, topic_id, *after)
            except DefenceDirError as exc:
                dialog.show_error(str(exc))
                continue
            self._push(EditedTopic, self.tr("Edit technology field"), topic_id, before, after)
            self.window.data_changed.emit("topic", [topic_id])
            return

    def delete_topic(self, topic_id: int) -> None:
        self._delete("topic", topic_id, self.tr(
            "Delete this technology field? It is removed from every person, organisation "
            "and network. You can undo this."), snapshot_topic, delete_topic, TopicExistence)

    def _delete(self, kind: str, record_id: int, question: str,
                snapshot_of: Callable[[Session, int], Any],
                delete: Callable[[Session, int], object],
                command: Callable[..., QUndoCommand]) -> None:
        """Delete an organisation or a technology field after asking; undo brings back the
        snapshot taken just before."""
        if not self.window.confirm(self.tr("Delete"), question):
            return
        try:
            with self.window.database.session() as session:
                snapshot = snapshot_of(session, record_id)
                delete(session, record_id)
        except DefenceDirError as exc:
            self.window.report_error(str(exc))
            return
        self._push(command, self.tr("Delete"), snapshot, False)
        self.window.data_changed.emit(kind, [record_id])
