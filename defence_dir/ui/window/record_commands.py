"""New, Edit and Delete of the window: which controller handles the records of a section (the
record editor for persons, organisations and technology fields, the collections controller
for lists and events)."""

from __future__ import annotations

from defence_dir.records.kinds import COLLECTION_KINDS, RecordKind
from defence_dir.ui.lists.collections_controller import CollectionsController
from defence_dir.ui.records.record_editing import RecordEditor

COLLECTIONS = COLLECTION_KINDS
EDITABLE = (RecordKind.PERSON, RecordKind.ORGANISATION, RecordKind.TOPIC,
            *COLLECTIONS)  # kinds with New/Edit/Delete


class RecordCommands:
    def __init__(self, editor: RecordEditor, collections: CollectionsController) -> None:
        self.editor, self.collections = editor, collections

    def create(self, kind: str) -> None:
        if kind in COLLECTIONS:
            self.collections.create(kind)
            return
        create = {"person": self.editor.create_person,
                  "organisation": self.editor.create_organisation,
                  "topic": self.editor.create_topic}.get(kind)
        if create is not None:
            create()

    def edit(self, kind: str, record_id: int) -> None:
        if kind in COLLECTIONS:
            self.collections.rename(kind, record_id)
            return
        edit = {"person": self.editor.edit_person,
                "organisation": self.editor.edit_organisation,
                "topic": self.editor.edit_topic}.get(kind)
        if edit is not None:
            edit(record_id)

    def delete(self, kind: str, ids: list[int]) -> None:
        """Delete the persons of `ids`, or the first of them of any other kind."""
        members = self.collections.panel
        if members.isVisible() and members.table.hasFocus() and members.selected_person_ids():
            # Del in the members table takes the persons off, never the list or event itself.
            self.collections.remove_members(members.selected_person_ids())
        elif ids and kind in COLLECTIONS:
            self.collections.delete(kind, ids[0])
        elif ids and kind == "person":
            self.editor.delete_persons(ids)
        elif ids and kind == "organisation":
            self.editor.delete_organisation(ids[0])
        elif ids and kind == "topic":
            self.editor.delete_topic(ids[0])
