"""Consent and suppression on lists; attendance at events."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from defence_dir.data.models import Attendance, AttendanceStatus, ListMembership
from defence_dir.errors import ValidationError
from defence_dir.lists.consent import (
    Consent,
    ConsentSource,
    SubscribeOutcome,
    consent_history,
    members_without_consent,
    remove_attendance,
    remove_members,
    set_attendance,
    subscribe,
    unsubscribe,
)


def test_subscribe_records_how_consent_was_given(db, ids):
    list_id, _, persons = ids
    with db.session() as session:
        outcome = subscribe(session, list_id, persons["Stein"],
                            Consent(ConsentSource.FORM, "Webformular #17"))
        history = consent_history(session, persons["Stein"])
    assert outcome is SubscribeOutcome.SUBSCRIBED
    assert [(h["list"], h["action"], h["source_kind"], h["source"]) for h in history] == [
        ("Defense-Verteiler", "given", "form", "Webformular #17")]


def test_an_unsubscribed_person_is_not_resubscribed_without_new_consent(db, ids):
    list_id, _, persons = ids
    with db.session() as session:
        subscribe(session, list_id, persons["Stein"], Consent(ConsentSource.FORM, "Formular"))
        unsubscribe(session, list_id, persons["Stein"], note="per E-Mail abgemeldet")
        again = subscribe(session, list_id, persons["Stein"],
                          Consent(ConsentSource.IMPORT, "teilnehmer.xlsx, Zeile 4"))
        membership = session.scalars(select(ListMembership)).one()
        assert again is SubscribeOutcome.SUPPRESSED
        assert membership.status == "unsubscribed" and membership.unsubscribed_at is not None
        # Only an explicit new consent brings the person back, and the history keeps every step.
        back = subscribe(session, list_id, persons["Stein"],
                         Consent(ConsentSource.MANUAL, note="Telefonat, erneut eingewilligt"),
                         new_consent_after_unsubscribe=True)
        actions = [h["action"] for h in consent_history(session, persons["Stein"])]
    assert back is SubscribeOutcome.RESUBSCRIBED
    assert actions == ["given", "withdrawn", "given"]


def test_manual_consent_needs_a_note(db, ids):
    list_id, _, persons = ids
    with pytest.raises(ValidationError), db.session() as session:
        subscribe(session, list_id, persons["Stein"], Consent(ConsentSource.MANUAL))


def test_removing_members_keeps_suppressions(db, ids):
    list_id, _, persons = ids
    with db.session() as session:
        for name in ("Stein", "Grosch"):
            subscribe(session, list_id, persons[name], Consent(ConsentSource.FORM, "Formular"))
        unsubscribe(session, list_id, persons["Grosch"])
        removed = remove_members(session, list_id, [persons["Stein"], persons["Grosch"]])
        left = session.scalars(select(ListMembership.person_id)).all()
    assert removed == 1 and left == [persons["Grosch"]]


def test_members_without_proof_of_consent_are_listed(db, ids):
    list_id, _, persons = ids
    with db.session() as session:
        session.add(ListMembership(list_id=list_id, person_id=persons["Cremer"]))
        subscribe(session, list_id, persons["Stein"], Consent(ConsentSource.FORM, "Formular"))
        missing = [p.family_name for p in members_without_consent(session, list_id)]
    assert missing == ["Cremer"]


def test_attendance_for_a_selection(db, ids):
    _, event_id, persons = ids
    chosen = [persons["Stein"], persons["Recher"]]
    with db.session() as session:
        assert set_attendance(session, event_id, chosen, AttendanceStatus.REGISTERED) == 2
        assert set_attendance(session, event_id, chosen, AttendanceStatus.ATTENDED) == 2
        assert set_attendance(session, event_id, chosen, AttendanceStatus.ATTENDED) == 0
        statuses = set(session.scalars(select(Attendance.status)))
        assert statuses == {"attended"}
        assert remove_attendance(session, event_id, [persons["Stein"]]) == 1
        assert session.scalars(select(Attendance.person_id)).all() == [persons["Recher"]]


@pytest.mark.parametrize("kind", ["list", "event"])
def test_removed_persons_no_longer_match_the_filter_in_search(db, ids, kind):
    """The CLI and every other caller of the core: the search tags follow a removal."""
    from defence_dir.search.service import SearchFilters, SearchService

    list_id, event_id, persons = ids
    chosen = [persons["Stein"], persons["Grosch"]]
    with db.session() as session:
        if kind == "list":
            for person_id in chosen:
                subscribe(session, list_id, person_id, Consent(ConsentSource.FORM, "Formular"))
        else:
            set_attendance(session, event_id, chosen, AttendanceStatus.REGISTERED)
    filters = SearchFilters(kind="person", **({"list_id": list_id} if kind == "list"
                                              else {"event_id": event_id}))
    search = SearchService(db.read_session)
    assert {h.id for h in search.search("", filters).hits} == set(chosen)
    with db.session() as session:
        if kind == "list":
            remove_members(session, list_id, [persons["Stein"]])
        else:
            remove_attendance(session, event_id, [persons["Stein"]])
    assert [h.id for h in search.search("", filters).hits] == [persons["Grosch"]]


def test_unsubscribing_many_writes_what_unsubscribe_writes(db, ids):
    from defence_dir.lists.consent import unsubscribe_many

    list_id, _, persons = ids
    with db.session() as session:
        for name in ("Stein", "Grosch", "Recher"):
            subscribe(session, list_id, persons[name], Consent(ConsentSource.FORM, "Formular"))
        unsubscribe(session, list_id, persons["Recher"], note="früher")
        count = unsubscribe_many(session, list_id, [persons["Stein"], persons["Grosch"],
                                                    persons["Recher"], persons["Cremer"]],
                                 note="per E-Mail")
        rows = {m.person_id: (m.status, m.unsubscribed_at is not None)
                for m in session.scalars(select(ListMembership))}
        stein = consent_history(session, persons["Stein"])
        recher = consent_history(session, persons["Recher"])
    assert count == 2  # Recher had unsubscribed already; Cremer was never on the list
    assert rows == {persons["Stein"]: ("unsubscribed", True),
                    persons["Grosch"]: ("unsubscribed", True),
                    persons["Recher"]: ("unsubscribed", True)}
    assert [(h["action"], h["source_kind"], h["note"]) for h in stein] == [
        ("given", "form", None), ("withdrawn", "manual", "per E-Mail")]
    assert [h["note"] for h in recher] == [None, "früher"]  # not withdrawn twice
    from defence_dir.search.service import SearchFilters, SearchService

    hits = SearchService(db.read_session).search("", SearchFilters(kind="person",
                                                                   list_id=list_id)).hits
    assert hits == []  # no longer in the list's filter
