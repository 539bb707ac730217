"""Undo and redo of the window's edits, on a bare undo stack: each step puts the database back
as it was, reports what changed, and a step the data moved past is refused, not half-done."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from PySide6.QtGui import QUndoStack

from defence_dir.lists import service as lists
from defence_dir.records import browsing
from defence_dir.records import service as records
from defence_dir.records.kinds import RecordKind
from defence_dir.records.organisations import OrganisationDraft
from defence_dir.records.persons import PersonDraft
from defence_dir.ui.records.undo_commands import (
    CollectionExistence,
    CreatedPersons,
    DeletedPersons,
    EditedOrganisation,
    EditedPerson,
    MembersChange,
    OrganisationExistence,
    RenamedCollection,
    TopicExistence,
)


class Log:
    """The command's callbacks: what changed, and the errors it reported."""

    def __init__(self) -> None:
        self.changed: list[tuple[str, list[int]]] = []
        self.failed: list[str] = []

    def args(self) -> tuple[Any, Any]:
        return (lambda kind, ids: self.changed.append((kind, ids)), self.failed.append)


@pytest.fixture
def stack(qapp) -> QUndoStack:
    return QUndoStack()


def test_deleting_persons_undoes_and_redoes(db, ids, stack, directory_state):
    chosen = [ids[2]["Stein"], ids[2]["Grosch"]]
    lists.add_members(db, ids[0], chosen, "Visitenkarte")
    rows = lists.member_rows(db, RecordKind.LIST, ids[0])
    log = Log()
    stack.push(DeletedPersons("Löschen", db, records.delete_persons(db, chosen), *log.args()))
    assert log.changed == []  # the first redo is the deletion the window did already
    stack.undo()
    assert lists.member_rows(db, RecordKind.LIST, ids[0]) == rows
    assert log.changed == [(RecordKind.PERSON, chosen)]
    stack.redo()
    assert [browsing.detail(db, RecordKind.PERSON, i) for i in chosen] == [None, None]
    assert log.failed == []


def test_a_created_person_goes_on_undo_and_comes_back_on_redo(db, stack):
    log = Log()
    person_id = records.create_person(db, PersonDraft(given_name="Ida", family_name="Neu"))
    stack.push(CreatedPersons("Neu", db, [person_id], *log.args()))
    stack.undo()
    assert browsing.detail(db, RecordKind.PERSON, person_id) is None
    stack.redo()
    assert records.person_name(db, person_id) == "Ida Neu"


def test_an_edit_undone_after_a_change_elsewhere_is_refused(db, ids, stack):
    person_id = ids[2]["Stein"]
    before, version = records.person_draft(db, person_id)
    after = replace(before, function="Leitung")
    log = Log()
    new_version = records.update_person(db, person_id, after, version)
    stack.push(EditedPerson("Bearbeiten", db, person_id, before, after, new_version,
                            *log.args()))
    stack.undo()
    assert records.person_draft(db, person_id)[0].function == before.function
    stack.redo()
    assert records.person_draft(db, person_id)[0].function == "Leitung"
    # Someone else saves: undoing now would overwrite that, so the step is refused.
    current, current_version = records.person_draft(db, person_id)
    current.function = "Vertrieb"
    records.update_person(db, person_id, current, current_version)
    stack.undo()
    assert log.failed and records.person_draft(db, person_id)[0].function == "Vertrieb"
    assert stack.count() == 0  # the obsolete step is gone


def test_organisation_steps(db, stack):
    log = Log()
    snapshot = records.create_organisation(db, OrganisationDraft(name="Zenit"))
    stack.push(OrganisationExistence("Neu", db, snapshot, True, *log.args()))
    renamed = OrganisationDraft(name="Zenit GmbH")
    records.update_organisation(db, snapshot.id, renamed)
    stack.push(EditedOrganisation("Bearbeiten", db, snapshot.id, snapshot.draft, renamed,
                                  *log.args()))
    stack.undo()
    assert records.organisation_draft(db, snapshot.id).name == "Zenit"
    stack.undo()
    assert records.organisation_draft(db, snapshot.id) is None
    stack.redo()
    stack.redo()
    assert records.organisation_draft(db, snapshot.id).name == "Zenit GmbH"
    assert log.failed == []


def test_a_deleted_technology_field_comes_back(db, stack):
    snapshot = records.create_topic(db, "Quantenkryptografie", "Laser")
    log = Log()
    stack.push(TopicExistence("Löschen", db, records.delete_topic(db, snapshot.id), False,
                              *log.args()))
    stack.undo()
    assert records.topic_values(db, snapshot.id) == ("Quantenkryptografie", "Laser")
    assert log.changed == [(RecordKind.TOPIC, [snapshot.id])]


def test_list_steps(db, ids, stack):
    log = Log()
    saved = lists.create(db, RecordKind.LIST, {"name": "Presse"})
    list_id = int(saved.record["id"])
    stack.push(CollectionExistence("Neu", db, saved, True, *log.args()))
    lists.rename(db, RecordKind.LIST, list_id, {"name": "Presse NRW"})
    stack.push(RenamedCollection("Umbenennen", db, RecordKind.LIST, list_id,
                                 {"name": "Presse"}, {"name": "Presse NRW"}, *log.args()))
    change = lists.add_members(db, list_id, [ids[2]["Stein"]], "Messe")
    stack.push(MembersChange("Hinzufügen", db, change.before, change.after, *log.args()))
    stack.undo()
    assert lists.member_rows(db, RecordKind.LIST, list_id) == ("Presse NRW", [])
    stack.undo()
    assert lists.name_of(db, RecordKind.LIST, list_id) == "Presse"
    stack.undo()
    assert lists.values_of(db, RecordKind.LIST, list_id) is None
    for _step in range(3):
        stack.redo()
    name, rows = lists.member_rows(db, RecordKind.LIST, list_id)
    assert (name, [r.person_id for r in rows]) == ("Presse NRW", [ids[2]["Stein"]])
    assert log.failed == []
