"""Walk-ins: added at the door with optional consent, and taken back whole."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from defence_dir.data.models import Attendance, ConsentRecord, ListMembership, Person
from defence_dir.errors import ValidationError
from defence_dir.eventday.service import (
    Headcount,
    add_walk_in,
    find_attendees,
    undo_walk_in,
)
from defence_dir.lists.consent import get_list_by_name
from defence_dir.records.persons import EmailDraft, PersonDraft


def _list_id(db) -> int:
    with db.session() as session:
        return get_list_by_name(session, "Defense-Verteiler").id


def test_a_new_walk_in_with_consent_is_added_and_taken_back_whole(db, event_day,
                                                                  directory_state):
    before = directory_state()
    list_id = _list_id(db)
    draft = PersonDraft(title="Dr.", given_name="Gökhan", family_name="Yılmaz",
                        function="CTO", emails=[EmailDraft("  Goekhan.Yilmaz@Example.ORG ")])
    walk_in = add_walk_in(db, event_day.event_id, draft, list_id=list_id,
                          consent_note="Karte am Empfang unterschrieben")
    assert walk_in.created and walk_in.list_id == list_id
    assert walk_in.headcount == Headcount(present=2, expected=9)
    with db.read_session() as session:
        person = session.get(Person, walk_in.person_id)
        assert person.family_name == "Yılmaz"
        assert [e.address for e in person.emails] == ["Goekhan.Yilmaz@example.org"]
        status = session.scalar(select(Attendance.status).where(
            Attendance.person_id == walk_in.person_id))
        assert status == "attended"
        membership = session.scalars(select(ListMembership).where(
            ListMembership.person_id == walk_in.person_id)).one()
        assert membership.status == "subscribed"
        record = session.scalars(select(ConsentRecord).where(
            ConsentRecord.membership_id == membership.id)).one()
        assert (record.source_kind, record.source, record.note) == (
            "event", "Kick-off DEFENCE.NRW", "Karte am Empfang unterschrieben")
    # The search finds the walk-in among the attendees at once.
    assert [a.person_id for a in find_attendees(db, event_day.event_id, "Yilmaz")] == [
        walk_in.person_id]

    assert undo_walk_in(db, event_day.event_id, walk_in) == Headcount(present=1, expected=8)
    assert directory_state() == before
    assert find_attendees(db, event_day.event_id, "Yilmaz") == []


def test_a_walk_in_who_is_clearly_in_the_directory_is_not_created_again(db, event_day,
                                                                       directory_state):
    before = directory_state()
    draft = PersonDraft(given_name="ANNA", family_name="Muller",
                        emails=[EmailDraft("Anna.Muller@Rheinmetall.com")])
    walk_in = add_walk_in(db, event_day.event_id, draft)
    assert not walk_in.created and walk_in.person_id == event_day.ids["muller"]
    assert walk_in.previous_status == "registered" and walk_in.list_id is None
    assert walk_in.headcount == Headcount(present=2, expected=8)
    undo_walk_in(db, event_day.event_id, walk_in)
    after = directory_state()
    # The registration is back (only its time of change tells it was touched).
    with db.read_session() as session:
        assert session.scalar(select(Attendance.status).where(
            Attendance.event_id == event_day.event_id,
            Attendance.person_id == event_day.ids["muller"])) == "registered"
    assert len(after["attendance"]) == len(before["attendance"])
    assert {k: v for k, v in after.items() if k != "attendance"} == {
        k: v for k, v in before.items() if k != "attendance"}


def test_the_same_address_with_another_name_is_a_new_person(db, event_day):
    draft = PersonDraft(given_name="Max", family_name="Muster",
                        emails=[EmailDraft("anna.muller@rheinmetall.com")])  # a shared inbox
    walk_in = add_walk_in(db, event_day.event_id, draft)
    assert walk_in.created and walk_in.person_id != event_day.ids["muller"]


def test_a_walk_in_who_unsubscribed_before_is_not_put_back_silently(db, event_day):
    from defence_dir.lists.consent import Consent, ConsentSource, subscribe, unsubscribe

    list_id = _list_id(db)
    with db.session() as session:
        subscribe(session, list_id, event_day.ids["outsider"], Consent(ConsentSource.FORM, "x"))
        unsubscribe(session, list_id, event_day.ids["outsider"])
    draft = PersonDraft(given_name="Otto", family_name="Außenstehend",
                        emails=[EmailDraft("otto@example.org")])
    walk_in = add_walk_in(db, event_day.event_id, draft, list_id=list_id)
    assert not walk_in.created and walk_in.list_id is None
    assert walk_in.subscription == "suppressed"


def test_a_walk_in_without_a_name_is_refused_and_nothing_changes(db, event_day,
                                                                directory_state):
    before = directory_state()
    with pytest.raises(ValidationError):
        add_walk_in(db, event_day.event_id, PersonDraft(function="Gast"))
    with pytest.raises(ValidationError):
        add_walk_in(db, event_day.event_id, PersonDraft(
            given_name="Eva", emails=[EmailDraft("not an address")]))
    assert directory_state() == before
