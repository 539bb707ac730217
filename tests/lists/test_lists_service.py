"""The lists service: lists and events with their members, each call its own transaction;
changes in steps report progress, a cancel leaves nothing changed, undo states put back
exactly what was there."""

from __future__ import annotations

from datetime import date

import openpyxl
import pytest

from defence_dir.data.models import ListMembership
from defence_dir.errors import NotFoundError, ValidationError
from defence_dir.lists import member_rows
from defence_dir.lists import service as lists
from defence_dir.records import service as records
from defence_dir.records.choices import choices
from defence_dir.records.kinds import RecordKind
from defence_dir.records.persons import EmailDraft, PersonDraft


class Cancelled(Exception):
    pass


def test_kinds_still_equal_their_strings():
    assert RecordKind.LIST == "list" and RecordKind("event") is RecordKind.EVENT
    assert {"list": 1}[RecordKind.LIST] == 1


@pytest.mark.parametrize("kind", [RecordKind.LIST, RecordKind.EVENT])
def test_create_rename_delete_and_restore(db, ids, kind, directory_state):
    values = {"name": "  Messe Düsseldorf ", "description": "Stand 4"}
    if kind == RecordKind.EVENT:
        values.update(starts_on=date(2027, 3, 4), city="Düsseldorf")
    saved = lists.create(db, kind, values)
    record_id = int(saved.record["id"])
    assert lists.name_of(db, kind, record_id) == "Messe Düsseldorf"
    assert (record_id, "Messe Düsseldorf") in choices(db, kind)
    before = directory_state()
    other = next(name for i, name in choices(db, kind) if i != record_id)
    with pytest.raises(ValidationError):  # names are unique without case
        lists.rename(db, kind, record_id, {"name": other.upper()})
    assert directory_state() == before
    lists.rename(db, kind, record_id, {**values, "name": "Messe Essen"})
    assert lists.values_of(db, kind, record_id)["name"] == "Messe Essen"
    person_ids = list(ids[2].values())[:3]
    if kind == RecordKind.LIST:
        lists.add_members(db, record_id, person_ids, "Visitenkarte")
    else:
        lists.register_attendees(db, record_id, person_ids)
    assert lists.member_count(db, kind, record_id) == 3
    before = lists.values_of(db, kind, record_id), lists.member_rows(db, kind, record_id)
    deleted = lists.delete(db, kind, record_id)
    assert lists.values_of(db, kind, record_id) is None
    assert lists.member_rows(db, kind, record_id) is None
    with pytest.raises(NotFoundError):
        lists.name_of(db, kind, record_id)
    lists.restore(db, deleted)
    assert (lists.values_of(db, kind, record_id), lists.member_rows(db, kind, record_id)
            ) == before


def test_names_are_in_alphabetical_order(db):
    for name in ("Zulieferer", "Ärzte", "Behörden"):
        lists.create(db, RecordKind.LIST, {"name": name})
    names = [n for _i, n in choices(db, RecordKind.LIST)]
    assert names.index("Behörden") < names.index("Zulieferer")


def _persons(db, count: int) -> list[int]:
    return [records.create_person(db, PersonDraft(
        given_name=f"Vorname{i}", family_name=f"Nachname{i:04d}",
        emails=[EmailDraft(f"person{i}@example.de")])) for i in range(count)]


def test_a_change_in_steps_reports_progress_and_its_undo_state(db, ids, monkeypatch):
    monkeypatch.setattr(member_rows, "CHUNK", 4)
    list_id = ids[0]
    person_ids = _persons(db, 10)
    seen: list[tuple[int, int]] = []
    change = lists.add_members(db, list_id, person_ids, "Messe",
                               progress=lambda done, total: seen.append((done, total)))
    assert seen == [(4, 10), (8, 10), (10, 10)]
    assert sorted(change.result.added) == sorted(person_ids)  # steps' outcomes joined
    assert change.before.members == () and len(change.after.members) == 10
    removed = lists.remove_members(db, RecordKind.LIST, list_id, person_ids[:6])
    assert removed.result == 6  # counts added up
    lists.set_members_state(db, removed.before, lambda done, total: None)
    assert len(lists.member_rows(db, RecordKind.LIST, list_id)[1]) == 10
    lists.set_members_state(db, change.before)
    assert lists.member_rows(db, RecordKind.LIST, list_id)[1] == []


def test_a_cancelled_change_leaves_nothing_changed(db, ids, monkeypatch, directory_state):
    monkeypatch.setattr(member_rows, "CHUNK", 3)
    event_id = ids[1]
    person_ids = _persons(db, 8)
    before = directory_state()

    def cancel_after_first_step(done: int, _total: int) -> None:
        if done > 3:
            raise Cancelled

    with pytest.raises(Cancelled):
        lists.register_attendees(db, event_id, person_ids, progress=cancel_after_first_step)
    assert directory_state() == before


def test_unsubscribed_persons_need_a_new_consent(db, ids):
    list_id, _, persons = ids
    stein, grosch = persons["Stein"], persons["Grosch"]
    lists.add_members(db, list_id, [stein, grosch])
    assert lists.unsubscribe(db, list_id, [stein, grosch], "per Mail").result == 2
    again = lists.add_members(db, list_id, [stein])
    assert again.result.suppressed == [stein] and again.before == again.after
    renewed = lists.add_members(db, list_id, [stein], "Telefonat", new_consent=True)
    assert renewed.result.added == [stein]
    statuses = {r.person_id: r.status for r in lists.member_rows(db, RecordKind.LIST,
                                                                 list_id)[1]}
    assert statuses == {stein: "subscribed", grosch: "unsubscribed"}


def test_the_without_consent_filter_shows_only_members_without_proof(db, ids):
    list_id, _, persons = ids
    lists.add_members(db, list_id, [persons["Stein"]], "Visitenkarte")
    with db.session() as session:  # a membership without date or source of consent
        session.add(ListMembership(list_id=list_id, person_id=persons["Grosch"]))
    name, rows = lists.member_rows(db, RecordKind.LIST, list_id, without_consent=True)
    assert name == "Defense-Verteiler"
    assert [r.person_id for r in rows] == [persons["Grosch"]]


def test_attendance_status_counts_changed_rows(db, ids):
    _, event_id, persons = ids
    chosen = [persons["Stein"], persons["Grosch"]]
    lists.register_attendees(db, event_id, chosen)
    assert lists.set_attendance(db, event_id, chosen, "attended").result == 2
    assert lists.set_attendance(db, event_id, chosen, lists.AttendanceStatus.ATTENDED
                                ).result == 0
    rows = lists.member_rows(db, RecordKind.EVENT, event_id)[1]
    assert {r.person_id: r.status for r in rows if r.person_id in chosen} == dict.fromkeys(
        chosen, "attended")


def test_mailing_by_id_and_by_name_agree(db, ids, tmp_path):
    list_id, _, persons = ids
    lists.add_members(db, list_id, [persons["Stein"], persons["Grosch"]], "Messe")
    lists.unsubscribe(db, list_id, [persons["Grosch"]])
    line = lists.email_line(db, RecordKind.LIST, list_id, "; ")
    assert line == lists.email_line_named(db, list_name="Defense-Verteiler", separator="; ")
    assert (line.included, line.left_out_unsubscribed) == (1, 1)
    path = tmp_path / "Serienbrief.xlsx"
    assert lists.write_mail_merge(db, RecordKind.LIST, list_id, path) == 2
    sheet = openpyxl.load_workbook(path).active
    assert sheet.max_row == 3  # header and two recipients, the unsubscribed marked as such
    with pytest.raises(NotFoundError):
        lists.email_line(db, RecordKind.EVENT, 987654)
