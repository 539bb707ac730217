"""What the window reads: event and list counts, details of records that are gone, emails."""

from __future__ import annotations

from defence_dir.data.database import Database
from defence_dir.data.models import AttendanceStatus
from defence_dir.lists.consent import set_attendance
from defence_dir.records import browsing
from defence_dir.records.persons import EmailDraft, PersonDraft, create_person


def test_event_counts_leave_out_cancellations(db: Database, ids) -> None:
    _list_id, event_id, persons = ids
    statuses = [AttendanceStatus.REGISTERED, AttendanceStatus.ATTENDED,
                AttendanceStatus.ATTENDED, AttendanceStatus.CANCELLED, AttendanceStatus.NO_SHOW]
    with db.session() as session:
        for person_id, status in zip(sorted(persons.values()), statuses, strict=False):
            set_attendance(session, event_id, [person_id], status)
    event = next(r for r in browsing.section_records(db, "events") if r["id"] == event_id)
    # Registered: everybody who signed up and did not cancel (no-shows had registered).
    assert (event["registered"], event["attended"]) == (4, 2)


def test_list_counts_split_subscribed_from_unsubscribed(db: Database, ids) -> None:
    list_id, _event_id, _persons = ids
    record = next(r for r in browsing.section_records(db, "lists") if r["id"] == list_id)
    counts = record.get("members") or {}
    assert record["subscribed"] == counts.get("subscribed", 0)
    assert record["unsubscribed"] == counts.get("unsubscribed", 0)


def test_the_detail_of_a_deleted_record_is_none(db: Database, ids) -> None:
    _list_id, _event_id, persons = ids
    any_person = next(iter(persons.values()))
    assert browsing.detail(db, "person", any_person)["id"] == any_person
    for kind in ("person", "organisation", "network", "topic", "event", "list"):
        assert browsing.detail(db, kind, 987654) is None


def test_first_emails_skip_persons_without_one(db: Database) -> None:
    with db.session() as session:
        with_two = create_person(session, PersonDraft(
            given_name="Eva", family_name="Öztürk",
            emails=[EmailDraft("eva.oeztuerk@firma.example"), EmailDraft("eva@privat.example")],
        )).id
        without = create_person(session, PersonDraft(given_name="Tom", family_name="Groß")).id
    assert browsing.first_emails(db, [with_two, without]) == ["eva.oeztuerk@firma.example"]
    assert browsing.first_emails(db, []) == []


def test_rows_come_back_for_the_ids_asked_only(db: Database, ids) -> None:
    _list_id, _event_id, persons = ids
    wanted = sorted(persons.values())[:2]
    rows = browsing.person_rows(db, [*wanted, 987654])
    assert set(rows) == set(wanted)
    assert all(rows[i]["display_name"] for i in wanted)
