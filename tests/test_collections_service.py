"""Lists and events: create, rename, delete with undo; member states; adding by hand."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from defence_dir import collections_service as cs
from defence_dir.data.models import (
    Attendance,
    ConsentRecord,
    DistributionList,
    Event,
    ListMembership,
    Person,
)
from defence_dir.errors import ValidationError
from defence_dir.memberships import (
    Consent,
    ConsentSource,
    consent_history,
    get_event_by_name,
    get_list_by_name,
    set_attendance,
    subscribe,
    unsubscribe,
)
from defence_dir.search.service import SearchFilters, SearchService


@pytest.fixture
def ids(db):
    with db.session() as session:
        list_id = get_list_by_name(session, "Defense-Verteiler").id
        event_id = get_event_by_name(
            session, "High-Tech aus NRW für die Sicherheits- und Verteidigungsindustrie").id
        persons = {p.family_name: p.id for p in session.scalars(select(Person))}
    return list_id, event_id, persons


@pytest.mark.parametrize("kind", ["list", "event"])
def test_create_and_rename_check_the_name(db, kind):
    with db.session() as session:
        record_id = cs.create(session, kind, "  Presse  ", "Pressekontakte").id
    with db.session() as session:
        assert session.get(cs.MODELS[kind], record_id).name == "Presse"
    for bad in ("", "   ", "presse"):
        with pytest.raises(ValidationError), db.session() as session:
            cs.create(session, kind, bad)
    with db.session() as session:
        cs.create(session, kind, "Zweite")
    with pytest.raises(ValidationError), db.session() as session:
        cs.rename(session, kind, record_id, "ZWEITE")
    with db.session() as session:
        cs.rename(session, kind, record_id, "Presse NRW", None)
        assert session.get(cs.MODELS[kind], record_id).name == "Presse NRW"
        count = len(session.scalars(select(cs.MODELS[kind])).all())
    assert count == 3  # the seeded one, Presse NRW, Zweite: the failed attempts left nothing


def test_deleting_a_list_and_restoring_brings_back_members_and_consent(db, ids):
    list_id, _, persons = ids
    with db.session() as session:
        subscribe(session, list_id, persons["Stein"], Consent(ConsentSource.FORM, "Formular"))
        unsubscribe(session, list_id, persons["Stein"], note="abgemeldet")
        subscribe(session, list_id, persons["Grosch"], Consent(ConsentSource.EVENT, "Kick-off"))
        before = consent_history(session, persons["Stein"])
    with db.session() as session:
        saved = cs.snapshot(session, "list", list_id)
        cs.delete_collection(session, "list", list_id)
    with db.session() as session:
        assert session.get(DistributionList, list_id) is None
        assert session.scalars(select(ConsentRecord)).all() == []
    with db.session() as session:
        cs.restore(session, saved)
    with db.session() as session:
        assert session.get(DistributionList, list_id).name == "Defense-Verteiler"
        statuses = {m.person_id: m.status for m in session.scalars(select(ListMembership))}
        assert statuses == {persons["Stein"]: "unsubscribed", persons["Grosch"]: "subscribed"}
        assert consent_history(session, persons["Stein"]) == before
    # The search filter "on this list" knows the members again.
    hits = SearchService(db.read_session).search("", SearchFilters(kind="person",
                                                                   list_id=list_id))
    assert {h.id for h in hits.hits} == {persons["Grosch"]}


def test_deleting_an_event_and_restoring_brings_back_attendances(db, ids):
    _, event_id, persons = ids
    with db.session() as session:
        set_attendance(session, event_id, [persons["Stein"]], cs.AttendanceStatus.ATTENDED)
        saved = cs.snapshot(session, "event", event_id)
        cs.delete_collection(session, "event", event_id)
    with db.session() as session:
        assert session.get(Event, event_id) is None
        cs.restore(session, saved)
    with db.session() as session:
        rows = [(a.person_id, a.status) for a in session.scalars(select(Attendance))]
    assert rows == [(persons["Stein"], "attended")]


def test_a_members_state_is_put_back_exactly(db, ids):
    list_id, _, persons = ids
    chosen = [persons["Stein"], persons["Grosch"]]
    with db.session() as session:
        subscribe(session, list_id, persons["Stein"], Consent(ConsentSource.FORM, "Formular"))
        before = cs.members_state(session, "list", list_id, chosen)
        unsubscribe(session, list_id, persons["Stein"])
        cs.add_members(session, list_id, [persons["Grosch"]], "Visitenkarte")
        after = cs.members_state(session, "list", list_id, chosen)
    with db.session() as session:
        cs.apply_members_state(session, before)
    with db.session() as session:
        rows = {m.person_id: m.status for m in session.scalars(select(ListMembership))}
        assert rows == {persons["Stein"]: "subscribed"}
        assert [h["action"] for h in consent_history(session, persons["Stein"])] == ["given"]
        cs.apply_members_state(session, after)
    with db.session() as session:
        rows = {m.person_id: m.status for m in session.scalars(select(ListMembership))}
    assert rows == {persons["Stein"]: "unsubscribed", persons["Grosch"]: "subscribed"}


def test_adding_by_hand_skips_the_unsubscribed_unless_new_consent(db, ids):
    list_id, _, persons = ids
    with db.session() as session:
        subscribe(session, list_id, persons["Stein"], Consent(ConsentSource.FORM, "Formular"))
        unsubscribe(session, list_id, persons["Stein"])
        subscribe(session, list_id, persons["Recher"], Consent(ConsentSource.FORM, "Formular"))
        outcome = cs.add_members(session, list_id, [persons["Stein"], persons["Recher"],
                                                    persons["Grosch"]])
        assert (outcome.added, outcome.already, outcome.suppressed) == (
            [persons["Grosch"]], [persons["Recher"]], [persons["Stein"]])
        grosch = session.scalars(select(ListMembership).where(
            ListMembership.person_id == persons["Grosch"])).one()
        assert grosch.consent_history[0].source_kind == "manual"
        again = cs.add_members(session, list_id, [persons["Stein"]], "Telefonat",
                               new_consent=True)
        assert again.added == [persons["Stein"]]
        assert [h["action"] for h in consent_history(session, persons["Stein"])] == [
            "given", "withdrawn", "given"]


def test_registering_keeps_an_existing_status(db, ids):
    _, event_id, persons = ids
    with db.session() as session:
        set_attendance(session, event_id, [persons["Stein"]], cs.AttendanceStatus.ATTENDED)
        outcome = cs.register_attendees(session, event_id, [persons["Stein"], persons["Grosch"]])
        rows = {a.person_id: a.status for a in session.scalars(select(Attendance))}
    assert outcome.added == [persons["Grosch"]] and outcome.already == [persons["Stein"]]
    assert rows == {persons["Stein"]: "attended", persons["Grosch"]: "registered"}


def test_member_rows_show_consent_and_flag_missing_proof(db, ids):
    list_id, _, persons = ids
    with db.session() as session:
        session.add(ListMembership(list_id=list_id, person_id=persons["Cremer"]))
        subscribe(session, list_id, persons["Stein"], Consent(ConsentSource.FORM, "Formular"))
        rows = cs.member_rows(session, "list", list_id)
    by_id = {r.person_id: r for r in rows}
    assert by_id[persons["Cremer"]].without_consent
    assert not by_id[persons["Stein"]].without_consent
    assert by_id[persons["Stein"]].consent_source.endswith("Formular")


def test_a_big_add_writes_what_subscribe_writes_and_updates_the_search(db, ids):
    list_id, _, persons = ids
    everyone = list(persons.values())
    with db.session() as session:
        outcome = cs.add_members(session, list_id, [*everyone, 999_999], "Messe")
    assert sorted(outcome.added) == sorted(everyone)  # an unknown id is left out
    with db.session() as session:
        membership = session.scalars(select(ListMembership).where(
            ListMembership.person_id == persons["Stein"])).one()
        assert (membership.status, membership.consent_note) == ("subscribed", "Messe")
        assert membership.consent_source == "von Hand: im Verzeichnisfenster hinzugefügt"
        assert membership.consent_at is not None
        assert [(c.action, c.source_kind, c.note) for c in membership.consent_history] == [
            ("given", "manual", "Messe")]
    hits = SearchService(db.read_session).search("", SearchFilters(kind="person",
                                                                   list_id=list_id))
    assert {h.id for h in hits.hits} == set(everyone)


def test_an_event_keeps_its_date_and_city(db):
    from datetime import date

    with db.session() as session:
        event_id = cs.create(session, "event", "ILA", starts_on=date(2026, 6, 10),
                             city=" Berlin ").id
        values = cs.values_of(session.get(Event, event_id))
    assert values == {"name": "ILA", "description": None, "starts_on": date(2026, 6, 10),
                      "city": "Berlin"}
    with db.session() as session:
        cs.rename(session, "event", event_id, **{**values, "starts_on": None})
        assert session.get(Event, event_id).starts_on is None
