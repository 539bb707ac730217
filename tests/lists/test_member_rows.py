"""Who is on a list or at an event: states for undo, adding by hand, the rows of the view."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from defence_dir.data.models import (
    Attendance,
    ListMembership,
)
from defence_dir.lists import member_rows as cs
from defence_dir.lists.consent import (
    Consent,
    ConsentSource,
    consent_history,
    set_attendance,
    subscribe,
    unsubscribe,
)
from defence_dir.search.service import SearchFilters, SearchService


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


def _list_rows(db, list_id):
    with db.read_session() as session:
        return {m.person_id: (m.status, m.consent_note, len(m.consent_history))
                for m in session.scalars(select(ListMembership).where(
                    ListMembership.list_id == list_id))}


def test_a_change_in_steps_gives_one_state_for_all_steps_and_undoes_exactly(db, ids):
    list_id, _, persons = ids
    everyone = list(persons.values())
    with db.session() as session:
        subscribe(session, list_id, persons["Stein"], Consent(ConsentSource.FORM, "Formular"))
        subscribe(session, list_id, persons["Grosch"], Consent(ConsentSource.FORM, "Formular"))
        unsubscribe(session, list_id, persons["Grosch"])
    original = _list_rows(db, list_id)
    seen = []
    with db.session() as session:
        before, results, after = cs.change_in_steps(
            session, "list", list_id, everyone,
            lambda s, chunk: cs.add_members(s, list_id, chunk, "Messe"),
            lambda done, total: seen.append((done, total)), size=3)
    assert seen[-1] == (len(everyone), len(everyone)) and len(seen) == -(-len(everyone) // 3)
    assert sorted(i for r in results for i in r.added) == sorted(
        set(everyone) - {persons["Stein"], persons["Grosch"]})
    assert [i for r in results for i in r.suppressed] == [persons["Grosch"]]
    assert set(before.person_ids) == set(after.person_ids) == set(everyone)
    added = _list_rows(db, list_id)
    assert len(added) == len(everyone)
    with db.session() as session:
        cs.apply_in_steps(session, before, size=4)
    assert _list_rows(db, list_id) == original
    with db.session() as session:
        cs.apply_in_steps(session, after, size=2)
    assert _list_rows(db, list_id) == added


def test_a_cancelled_change_in_steps_changes_nothing(db, ids):
    _, event_id, persons = ids

    def progress(done, _total):
        if done >= 2:
            raise KeyboardInterrupt  # what the window raises when the user cancels
    with pytest.raises(KeyboardInterrupt), db.session() as session:
        cs.change_in_steps(session, "event", event_id, list(persons.values()),
                           lambda s, chunk: cs.register_attendees(s, event_id, chunk),
                           progress, size=2)
    with db.read_session() as session:
        assert session.scalars(select(Attendance).where(
            Attendance.event_id == event_id)).all() == []
