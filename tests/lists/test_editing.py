"""Lists and events: create, rename, delete, and restoring a deleted one with its members."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from defence_dir.data.models import (
    Attendance,
    AttendanceStatus,
    ConsentRecord,
    DistributionList,
    Event,
    ListMembership,
)
from defence_dir.errors import ValidationError
from defence_dir.lists import editing as cs
from defence_dir.lists.consent import (
    Consent,
    ConsentSource,
    consent_history,
    set_attendance,
    subscribe,
    unsubscribe,
)
from defence_dir.search.service import SearchFilters, SearchService


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
        set_attendance(session, event_id, [persons["Stein"]], AttendanceStatus.ATTENDED)
        saved = cs.snapshot(session, "event", event_id)
        cs.delete_collection(session, "event", event_id)
    with db.session() as session:
        assert session.get(Event, event_id) is None
        cs.restore(session, saved)
    with db.session() as session:
        rows = [(a.person_id, a.status) for a in session.scalars(select(Attendance))]
    assert rows == [(persons["Stein"], "attended")]


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
