"""Big member changes (adding, removing, undoing thousands) run in a worker with progress and
Cancel; here the threshold is lowered so that the seeded persons count as "thousands"."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QPushButton
from sqlalchemy import select

from defence_dir.data.models import Attendance, ListMembership
from defence_dir.lists import member_rows as collection_members
from defence_dir.lists.consent import (
    Consent,
    ConsentSource,
    consent_history,
    subscribe,
    unsubscribe,
)
from defence_dir.ui.common import progress_jobs


@pytest.fixture
def ids(ids, monkeypatch):
    monkeypatch.setattr(progress_jobs, "BACKGROUND_FROM", 3)
    monkeypatch.setattr(collection_members, "CHUNK", 2)  # several steps: progress moves
    return ids


def statuses(db, list_id) -> dict[int, str]:
    with db.read_session() as session:
        return {m.person_id: m.status for m in session.scalars(
            select(ListMembership).where(ListMembership.list_id == list_id))}


def attendees(db, event_id) -> dict[int, str]:
    with db.read_session() as session:
        return {a.person_id: a.status for a in session.scalars(
            select(Attendance).where(Attendance.event_id == event_id))}


def finish(window, settle) -> None:
    window.collections.jobs.wait()
    settle(window)
    settle(window)


def test_a_big_add_runs_in_the_worker_and_so_do_undo_and_redo(window, db, ids, settle,
                                                                monkeypatch):
    list_id, _, persons = ids
    everyone = list(persons.values())
    monkeypatch.setattr(window.collections, "ask_note", lambda *a, **k: "Messe")
    jobs = window.collections.jobs
    window.go_to("list", list_id)
    settle(window)
    window.collections.add_persons("list", list_id, everyone)
    assert jobs.running and jobs.dialog is not None and jobs.dialog.isVisible()
    assert jobs.dialog.findChild(QPushButton) is not None  # Cancel
    finish(window, settle)
    assert not jobs.running and jobs.dialog is None
    assert set(statuses(db, list_id)) == set(everyone)
    assert window.undo_stack.count() == 1
    assert f"{len(everyone)} Personen zu „Defense-Verteiler“ hinzugefügt." in \
        window.statusBar().currentMessage()
    assert window.collections.panel.count.text() == f"{len(everyone)} Personen"

    window.menus.undo_action.trigger()
    assert jobs.running  # the undo, too, is off the GUI thread (without Cancel)
    assert jobs.dialog.findChild(QPushButton) is None
    assert jobs.dialog.labelText() == "„Zum Verteiler hinzufügen“ wird rückgängig gemacht …"
    finish(window, settle)
    assert statuses(db, list_id) == {}
    assert window.collections.panel.count.text() == "0 Personen"
    window.menus.redo_action.trigger()
    finish(window, settle)
    assert set(statuses(db, list_id)) == set(everyone)
    assert [h["note"] for h in consent_history(db.read_session(), persons["Stein"])] == [
        "Messe"]


def test_a_new_consent_after_a_big_add_is_one_undo_step(window, db, ids, settle, monkeypatch):
    list_id, _, persons = ids
    with db.session() as session:
        subscribe(session, list_id, persons["Stein"], Consent(ConsentSource.FORM, "Formular"))
        unsubscribe(session, list_id, persons["Stein"])
    notes = ["Messe", "Telefonat"]
    monkeypatch.setattr(window.collections, "ask_note", lambda *a, **k: notes.pop(0))
    monkeypatch.setattr(window.collections, "ask_new_consent", lambda count: count == 1)
    window.collections.add_persons("list", list_id, list(persons.values()))
    finish(window, settle)
    assert set(statuses(db, list_id).values()) == {"subscribed"}
    assert window.undo_stack.count() == 1
    window.menus.undo_action.trigger()
    finish(window, settle)
    assert statuses(db, list_id) == {persons["Stein"]: "unsubscribed"}


def test_cancelling_a_big_removal_changes_nothing(window, db, ids, settle, monkeypatch):
    _, event_id, persons = ids
    everyone = list(persons.values())
    window.collections.add_persons("event", event_id, everyone)
    finish(window, settle)
    assert len(attendees(db, event_id)) == len(everyone)
    window.go_to("event", event_id)
    settle(window)
    gate, steps = threading.Event(), []
    remove_from = collection_members.remove_from

    def slow_remove(session, kind, owner_id, chunk):
        steps.append(chunk)
        gate.wait(5)  # the user presses Cancel while the first step runs
        return remove_from(session, kind, owner_id, chunk)
    monkeypatch.setattr(collection_members, "remove_from", slow_remove)
    monkeypatch.setattr(window, "confirm", lambda title, text: True)
    window.collections.panel.table.selectAll()
    window.collections.panel.remove_button.click()
    jobs = window.collections.jobs
    assert jobs.running
    jobs.dialog.findChild(QPushButton).click()  # Cancel
    gate.set()
    finish(window, settle)
    assert len(steps) == 1  # stopped after the step that was running
    assert len(attendees(db, event_id)) == len(everyone)  # rolled back
    assert window.undo_stack.count() == 1  # only the registration
    assert window.statusBar().currentMessage() == "Abgebrochen: Es wurde nichts geändert."
    assert window.collections.panel.count.text() == f"{len(everyone)} Personen"


def test_a_list_deleted_meanwhile_is_reported_not_a_crash(window, db, ids, settle,
                                                           monkeypatch):
    list_id, _, persons = ids
    errors = []
    monkeypatch.setattr(window, "report_error", errors.append)
    monkeypatch.setattr(window.collections, "ask_note", lambda *a, **k: "")
    with db.session() as session:
        session.delete(session.get(collection_members.get_collection(
            session, "list", list_id).__class__, list_id))
    window.collections.add_persons("list", list_id, list(persons.values()))
    finish(window, settle)
    assert errors == ["Der Verteiler existiert nicht mehr."]
    assert window.undo_stack.count() == 0


def test_cancelling_the_new_consent_keeps_the_first_part_undoable(window, db, ids, settle,
                                                                   monkeypatch):
    list_id, _, persons = ids
    earlier = [persons["Stein"], persons["Grosch"], persons["Recher"]]
    with db.session() as session:
        for person_id in earlier:
            subscribe(session, list_id, person_id, Consent(ConsentSource.FORM, "Formular"))
            unsubscribe(session, list_id, person_id)
    notes = ["Messe", "Telefonat"]
    monkeypatch.setattr(window.collections, "ask_note", lambda *a, **k: notes.pop(0))
    monkeypatch.setattr(window.collections, "ask_new_consent", lambda count: True)
    gate = threading.Event()
    add_members = collection_members.add_members

    def slow_add(session, list_id, ids, note, *, new_consent=False):
        if new_consent:
            gate.wait(5)  # the user cancels the second part
        return add_members(session, list_id, ids, note, new_consent=new_consent)
    monkeypatch.setattr(collection_members, "add_members", slow_add)
    window.collections.add_persons("list", list_id, list(persons.values()))
    jobs = window.collections.jobs
    jobs.wait()
    settle(window)  # the first part is done; the second runs
    assert jobs.running
    jobs.dialog.findChild(QPushButton).click()
    gate.set()
    finish(window, settle)
    rows = statuses(db, list_id)
    assert {rows[i] for i in earlier} == {"unsubscribed"}  # no new consent recorded
    assert len(rows) == len(persons)
    assert window.undo_stack.count() == 1  # the first part can be undone
    window.menus.undo_action.trigger()
    finish(window, settle)
    assert statuses(db, list_id) == {i: "unsubscribed" for i in earlier}


def test_deleting_a_big_list_and_its_undo_and_redo_run_in_the_worker(window, db, ids, settle,
                                                                     monkeypatch):
    list_id, _, persons = ids
    with db.session() as session:
        for person_id in persons.values():
            subscribe(session, list_id, person_id, Consent(ConsentSource.FORM, source="Web"))
    members_before = statuses(db, list_id)
    monkeypatch.setattr(window, "confirm", lambda title, text: True)
    jobs = window.collections.jobs
    window.go_to("list", list_id)
    settle(window)
    window.collections.delete("list", list_id)
    assert jobs.running and jobs.dialog.findChild(QPushButton) is None  # one statement
    finish(window, settle)
    assert statuses(db, list_id) == {} and window.undo_stack.count() == 1
    window.menus.undo_action.trigger()
    assert jobs.running
    finish(window, settle)
    assert statuses(db, list_id) == members_before
    assert consent_history(db.read_session(), persons["Stein"])  # came back with the list
    window.menus.redo_action.trigger()
    assert jobs.running
    finish(window, settle)
    assert statuses(db, list_id) == {}
