"""Each merge rule as a user relies on it: values picked or filled, collections united."""

from __future__ import annotations

import json
from datetime import datetime

import pytest
from merge_helpers import first_ids, person
from sqlalchemy import select

from defence_dir.data.models import (
    Attendance,
    AttendanceStatus,
    AuditEntry,
    ConsentRecord,
    EmailAddress,
    ListMembership,
    NetworkRole,
    Organisation,
    Person,
    PhoneNumber,
    person_topic,
)
from defence_dir.errors import ValidationError
from defence_dir.lists.consent import Consent, ConsentSource, set_attendance, subscribe, unsubscribe
from defence_dir.merging.rules import NOTE_SEPARATOR
from defence_dir.merging.service import compare, merge_persons
from defence_dir.search.service import SearchFilters, SearchService


def _person(db, person_id):
    with db.read_session() as session:
        return session.get(Person, person_id)


def _organisations(db):
    with db.read_session() as session:
        return list(session.scalars(select(Organisation.id).order_by(Organisation.id)))


def test_empty_fields_are_filled_and_the_keepers_values_stay(db):
    orgs = _organisations(db)
    kept = person(db, "Jürgen", "Müller", function="Leiter Vertrieb")
    other = person(db, "Jürgen", "Mueller", title="Dr.", function="Vertriebsleiter",
                   department="Wehrtechnik", organisation_id=orgs[0])
    merge_persons(db, kept, [other])
    merged = _person(db, kept)
    assert (merged.family_name, merged.function) == ("Müller", "Leiter Vertrieb")
    assert (merged.title, merged.department, merged.organisation_id) == (
        "Dr.", "Wehrtechnik", orgs[0])
    assert _person(db, other) is None


def test_picked_values_win_field_by_field(db):
    orgs = _organisations(db)
    kept = person(db, "Jurgen", "Müller", function="Leiter", organisation_id=orgs[0])
    other = person(db, "Jürgen", "Mueller", function="Vertriebsleiter", organisation_id=orgs[1])
    merge_persons(db, kept, [other], picks={"given_name": other, "function": other,
                                            "organisation": other})
    merged = _person(db, kept)
    assert (merged.given_name, merged.family_name, merged.function, merged.organisation_id) == (
        "Jürgen", "Müller", "Vertriebsleiter", orgs[1])


@pytest.mark.parametrize("picks", [{"uid": 0}, {"emails": 0}, {"given_name": 999_999}])
def test_a_pick_that_is_not_a_field_or_not_in_the_merge_is_refused(db, picks):
    kept = person(db, "Jürgen", "Müller")
    other = person(db, "Jürgen", "Mueller")
    picks = {k: (other if v == 0 else v) for k, v in picks.items()}
    with pytest.raises(ValidationError):
        merge_persons(db, kept, [other], picks=picks)
    assert _person(db, other) is not None


def test_a_pick_leaving_no_name_is_refused(db):
    kept = person(db, None, "Müller")
    other = person(db, "Jürgen", None)
    with pytest.raises(ValidationError):
        merge_persons(db, kept, [other], picks={"family_name": other, "given_name": kept})


def test_notes_are_appended_once_each_with_a_separator(db):
    kept = person(db, "Anna", "Schmidt", notes="Messe Essen 2025")
    same = person(db, "Anna", "Schmidt", notes="Messe Essen 2025")
    other = person(db, "Anna", "Schmidt", notes="Rückruf erbeten\nbevorzugt Mobil")
    merge_persons(db, kept, [same, other])
    assert _person(db, kept).notes == (
        f"Messe Essen 2025{NOTE_SEPARATOR}Rückruf erbeten\nbevorzugt Mobil")


def test_picking_notes_takes_that_persons_notes_alone(db):
    kept = person(db, "Anna", "Schmidt", notes="alt")
    other = person(db, "Anna", "Schmidt", notes="neu")
    merge_persons(db, kept, [other], picks={"notes": other})
    assert _person(db, kept).notes == "neu"


def test_emails_are_united_and_moved_rows_keep_their_ids(db):
    kept = person(db, "Anna", "Schmidt", emails=("anna.schmidt@firma.de",))
    other = person(db, "Anna", "Schmidt", emails=("Anna.Schmidt@firma.de", "anna@web.de"))
    with db.read_session() as session:
        moved = session.scalar(select(EmailAddress.id).where(EmailAddress.address == "anna@web.de"))
    merge_persons(db, kept, [other])
    with db.read_session() as session:
        rows = session.execute(select(EmailAddress.id, EmailAddress.address, EmailAddress.position)
                               .where(EmailAddress.person_id == kept)
                               .order_by(EmailAddress.position)).all()
    assert [(r.address, r.position) for r in rows] == [("anna.schmidt@firma.de", 0),
                                                       ("anna@web.de", 1)]
    assert rows[1].id == moved


def test_the_same_number_in_two_formats_is_kept_once(db):
    kept = person(db, "Anna", "Schmidt", phones=("0211 123456",))
    other = person(db, "Anna", "Schmidt", phones=("+49 (211) 12 34 56", "0171 2345678"))
    with db.session() as session:  # a number no parser understood, as an old import left it
        session.add(PhoneNumber(person_id=other, raw="Durchwahl 12-34", e164=None, position=2))
        session.add(PhoneNumber(person_id=kept, raw="Durchwahl 1234", e164=None, position=1))
    merge_persons(db, kept, [other])
    with db.read_session() as session:
        raws = session.scalars(select(PhoneNumber.raw).where(PhoneNumber.person_id == kept)
                               .order_by(PhoneNumber.position)).all()
    assert raws == ["0211 123456", "Durchwahl 1234", "0171 2345678"]


def test_topics_and_network_roles_are_united(db):
    known = first_ids(db)
    t1, t2, t3 = known["topics"][:3]
    n1, n2 = known["networks"][:2]
    kept = person(db, "Anna", "Schmidt", topic_ids=[t1, t2])
    other = person(db, "Anna", "Schmidt", topic_ids=[t2, t3])
    with db.session() as session:
        session.add(NetworkRole(person_id=kept, network_id=n1, role="Ansprechpartnerin"))
        session.add(NetworkRole(person_id=other, network_id=n1, role="Ansprechpartnerin",
                                focus="Luftfahrt"))
        session.add(NetworkRole(person_id=other, network_id=n2, role="Beirat"))
    merge_persons(db, kept, [other])
    with db.read_session() as session:
        topics = set(session.scalars(select(person_topic.c.topic_id)
                                     .where(person_topic.c.person_id == kept)))
        roles = {tuple(r) for r in session.execute(
            select(NetworkRole.network_id, NetworkRole.role, NetworkRole.focus)
            .where(NetworkRole.person_id == kept))}
    assert topics == {t1, t2, t3}
    assert roles == {(n1, "Ansprechpartnerin", "Luftfahrt"), (n2, "Beirat", None)}


def _memberships(db, person_id):
    with db.read_session() as session:
        memberships = session.scalars(select(ListMembership)
                                      .where(ListMembership.person_id == person_id)).all()
        return {m.list_id: (m.status, sorted((c.action, c.at) for c in session.scalars(
            select(ConsentRecord).where(ConsentRecord.membership_id == m.id))))
            for m in memberships}


def test_a_suppression_wins_and_every_consent_record_is_kept(db):
    list_a, list_b = first_ids(db)["lists"][:2]
    kept = person(db, "Anna", "Schmidt")
    other = person(db, "Anna", "Schmidt")
    times = [datetime(2025, 3, d, 9, 0) for d in (1, 2, 3, 4)]
    with db.session() as session:
        subscribe(session, list_a, kept, Consent(ConsentSource.FORM, "Formular", at=times[0]))
        subscribe(session, list_a, other, Consent(ConsentSource.EVENT, "Messe", at=times[1]))
        unsubscribe(session, list_a, other, note="per Mail", at=times[2])
        subscribe(session, list_b, other, Consent(ConsentSource.FORM, "Web", at=times[3]))
    merge_persons(db, kept, [other])
    assert _memberships(db, kept) == {
        list_a: ("unsubscribed", [("given", times[0]), ("given", times[1]),
                                  ("withdrawn", times[2])]),
        list_b: ("subscribed", [("given", times[3])]),
    }
    with db.read_session() as session:
        unsubscribed_at = session.scalar(select(ListMembership.unsubscribed_at).where(
            ListMembership.person_id == kept, ListMembership.list_id == list_a))
    assert unsubscribed_at == times[2]


def test_a_keepers_suppression_is_not_lifted_by_the_others_subscription(db):
    list_a = first_ids(db)["lists"][0]
    kept = person(db, "Anna", "Schmidt")
    other = person(db, "Anna", "Schmidt")
    with db.session() as session:
        subscribe(session, list_a, kept, Consent(ConsentSource.FORM, "Formular"))
        unsubscribe(session, list_a, kept)
        subscribe(session, list_a, other, Consent(ConsentSource.IMPORT, "liste.xlsx"))
    merge_persons(db, kept, [other])
    assert _memberships(db, kept)[list_a][0] == "unsubscribed"


# attended > registered > no_show > cancelled: being there beats everything, an open
# registration beats a withdrawn one, a no-show (never cancelled) says more than a cancellation.
@pytest.mark.parametrize(("kept_status", "other_status", "expected"), [
    ("registered", "attended", "attended"),
    ("attended", "no_show", "attended"),
    ("cancelled", "registered", "registered"),
    ("no_show", "registered", "registered"),
    ("cancelled", "no_show", "no_show"),
    ("no_show", "cancelled", "no_show"),
])
def test_the_stronger_attendance_wins(db, kept_status, other_status, expected):
    event, other_event = first_ids(db)["events"][:2]
    kept = person(db, "Anna", "Schmidt")
    other = person(db, "Anna", "Schmidt")
    with db.session() as session:
        set_attendance(session, event, [kept], AttendanceStatus(kept_status))
        set_attendance(session, event, [other], AttendanceStatus(other_status))
        set_attendance(session, other_event, [other], AttendanceStatus.REGISTERED)
    merge_persons(db, kept, [other])
    with db.read_session() as session:
        found = set(tuple(r) for r in session.execute(select(Attendance.event_id, Attendance.status)
                                    .where(Attendance.person_id == kept)))
    assert found == {(event, expected), (other_event, "registered")}


def test_three_persons_merge_into_one(db):
    kept = person(db, "Anna", "Schmidt", emails=("a@firma.de",))
    second = person(db, "Anna", "Schmidt", emails=("b@firma.de",), function="Leiterin")
    third = person(db, "Anna", "Schmidt", emails=("c@firma.de", "a@firma.de"))
    result = merge_persons(db, kept, [second, third])
    assert (result.kept, result.merged) == (kept, (second, third))
    with db.read_session() as session:
        emails = session.scalars(select(EmailAddress.address).where(
            EmailAddress.person_id == kept).order_by(EmailAddress.position)).all()
    assert emails == ["a@firma.de", "b@firma.de", "c@firma.de"]
    assert _person(db, kept).function == "Leiterin"


def test_the_version_moves_and_the_search_follows(db):
    kept = person(db, "Quirin", "Zwetsch", emails=("qz@firma.de",))
    other = person(db, "Quirin", "Zwetschke", emails=("quirin@obstbau.example",))
    version = _person(db, kept).version
    merge_persons(db, kept, [other])
    assert _person(db, kept).version == version + 1
    search = SearchService(db.read_session)
    assert search.all_ids("quirin@obstbau.example", SearchFilters(kind="person")) == [kept]
    assert search.all_ids("Zwetschke", SearchFilters(kind="person")) in ([], [kept])


def test_the_audit_log_names_ids_only(db):
    kept = person(db, "Quirin", "Zwetsch", emails=("qz@firma.de",))
    other = person(db, "Quirin", "Zwetschke")
    result = merge_persons(db, kept, [other])
    with db.read_session() as session:
        entry = session.scalars(select(AuditEntry).where(
            AuditEntry.action == "persons_merged")).one()
    assert entry.subject == f"person #{kept}"
    assert json.loads(entry.detail) == {"merge": result.merge_id, "merged": [other]}
    assert "Quirin" not in f"{entry.subject}{entry.detail}"


def test_the_comparison_marks_differences_and_the_default_choice(db):
    kept = person(db, "Jürgen", "Müller", phones=("0211 123456",))
    other = person(db, "Jürgen", "Mueller", function="Leiter", phones=("+49 211 123456",),
                   emails=("jm@firma.de",))
    third = person(db, "Jürgen", "Müller", emails=("JM@firma.de",))
    shown = compare(db, [kept, other])
    single = {f.field: f for f in shown.single}
    united = {f.field: f for f in shown.united}
    assert shown.names == ("Jürgen Müller", "Jürgen Mueller")
    assert single["family_name"].differs and single["family_name"].chosen == 0
    assert not single["given_name"].differs
    assert not single["function"].differs and single["function"].chosen == 1
    assert single["function"].label == "Funktion"
    assert not united["phones"].differs  # one number in two formats
    assert united["emails"].values == (None, "jm@firma.de")
    assert united["emails"].differs is False  # one address beside none
    assert not {f.field: f for f in compare(db, [other, third]).united}["emails"].differs
    with_third = {f.field: f for f in compare(db, [kept, other, third]).united}
    assert with_third["emails"].values == (None, "jm@firma.de", "JM@firma.de")
    assert [f.field for f in shown.united] == ["emails", "phones", "networks", "topics",
                                               "lists", "events", "notes"]
