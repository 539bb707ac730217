"""Check-in at the door: what a scanner types or a name, and what each outcome changes."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from defence_dir.data.database import Database
from defence_dir.data.models import Attendance, ChangeLog, Person
from defence_dir.errors import NotFoundError
from defence_dir.eventday.badge_cards import badge_cards
from defence_dir.eventday.service import (
    CheckinOutcome,
    Headcount,
    check_in,
    check_in_person,
    find_attendees,
    find_event,
    headcount,
    undo_check_in,
)


def _card(db: Database, person_id: int) -> str:
    with db.read_session() as session:
        return badge_cards(session, [person_id])[person_id]


def _uid(db: Database, person_id: int) -> str:
    with db.read_session() as session:
        return session.get(Person, person_id).uid


def _status(db: Database, event_id: int, person_id: int) -> str | None:
    with db.read_session() as session:
        return session.scalar(select(Attendance.status).where(
            Attendance.event_id == event_id, Attendance.person_id == person_id))


def test_the_headcount_counts_who_is_there_of_who_is_expected(db, event_day):
    assert headcount(db, event_day.event_id) == Headcount(present=1, expected=8)


def test_a_scanned_badge_checks_the_person_in_once(db, event_day):
    person = event_day.ids["oeztuerk"]
    result = check_in(db, event_day.event_id, _card(db, person))
    assert result.outcome is CheckinOutcome.CHECKED_IN
    assert result.attendee.person_id == person and result.attendee.status == "attended"
    assert result.attendee.name == "Dr. Ayşe Öztürk"
    assert result.previous_status == "registered"
    assert result.headcount == Headcount(present=2, expected=8)
    assert _status(db, event_day.event_id, person) == "attended"

    again = check_in(db, event_day.event_id, _card(db, person))
    assert again.outcome is CheckinOutcome.ALREADY_IN
    assert again.headcount == Headcount(present=2, expected=8)


@pytest.mark.parametrize("mangle", [
    lambda card, uid: card.replace("\r\n", ""),  # line ends lost
    lambda card, uid: card.replace("\r\n", "\r"),  # CR only
    lambda card, uid: card.replace("\r\n", "\n\n"),  # each line end doubled
    lambda card, uid: card.replace("\r\n", " "),  # joined with spaces
    lambda card, uid: uid,  # a bare UID
    lambda card, uid: f"  urn:uuid:{uid}\n",
    lambda card, uid: uid.upper(),
    # A scanner set to a US keyboard typing into a German one.
    lambda card, uid: card.replace(":", "Ö").replace("-", "ß").replace("\r\n", ""),
])
def test_what_a_keyboard_wedge_scanner_types_is_read(db, event_day, mangle):
    person = event_day.ids["strauss"]
    result = check_in(db, event_day.event_id, mangle(_card(db, person), _uid(db, person)))
    assert result.outcome is CheckinOutcome.CHECKED_IN
    assert result.attendee.person_id == person


def test_a_name_finds_the_attendee_as_the_search_does(db, event_day):
    result = check_in(db, event_day.event_id, "lukasz abel")  # Ł typed as L
    assert result.outcome is CheckinOutcome.CHECKED_IN
    assert result.attendee.person_id == event_day.ids["abel"]

    result = check_in(db, event_day.event_id, "Strauss")  # ß typed as ss
    assert result.outcome is CheckinOutcome.CHECKED_IN
    assert result.attendee.person_id == event_day.ids["strauss"]


def test_a_name_typed_with_its_academic_title_is_found(db, event_day):
    result = check_in(db, event_day.event_id, "Dr. Ayşe Öztürk")
    assert result.outcome is CheckinOutcome.CHECKED_IN
    assert result.attendee.person_id == event_day.ids["oeztuerk"]
    again = check_in(db, event_day.event_id, "Prof. Dr.-Ing. Jürgen Müller")
    assert again.outcome is CheckinOutcome.ALREADY_IN


def test_an_ambiguous_name_gives_the_candidates_and_changes_nothing(db, event_day,
                                                                    directory_state):
    before = directory_state()
    result = check_in(db, event_day.event_id, "Rheinmetall")
    assert result.outcome is CheckinOutcome.AMBIGUOUS
    assert {c.person_id for c in result.candidates} == {
        event_day.ids[k] for k in ("mueller", "muller", "strasser")}
    assert result.attendee is None
    assert directory_state() == before


def test_a_whole_name_among_similar_ones_is_taken(db, event_day):
    result = check_in(db, event_day.event_id, "Anna Muller")
    assert result.outcome is CheckinOutcome.CHECKED_IN
    assert result.attendee.person_id == event_day.ids["muller"]


@pytest.mark.parametrize("key", ["cancelled", "no_show"])
def test_a_cancelled_registration_is_reported_not_changed(db, event_day, directory_state, key):
    before = directory_state()
    result = check_in(db, event_day.event_id, _card(db, event_day.ids[key]))
    assert result.outcome is CheckinOutcome.CANCELLED
    assert result.attendee.person_id == event_day.ids[key]
    assert result.headcount == Headcount(present=1, expected=8)
    assert directory_state() == before


@pytest.mark.parametrize("key", ["outsider", "other_event"])
def test_someone_in_the_directory_but_not_registered(db, event_day, directory_state, key):
    before = directory_state()
    result = check_in(db, event_day.event_id, _card(db, event_day.ids[key]))
    assert result.outcome is CheckinOutcome.NOT_REGISTERED
    assert result.attendee.person_id == event_day.ids[key] and result.attendee.status == ""
    by_name = check_in(db, event_day.event_id, "Otto Außenstehend")
    assert by_name.outcome is CheckinOutcome.NOT_REGISTERED
    assert directory_state() == before


@pytest.mark.parametrize("text", [
    "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:0b6f1c57-2c1e-4a8e-9d47-5c0e2f9e1a11\r\nN:Fremd;Fritz;;;"
    "\r\nFN:Fritz Fremd\r\nEND:VCARD\r\n",
    "0b6f1c57-2c1e-4a8e-9d47-5c0e2f9e1a11",
    "Zyxwvut Qqq",
    "",
    "   ",
])
def test_an_unknown_code_or_name_is_not_found(db, event_day, directory_state, text):
    before = directory_state()
    result = check_in(db, event_day.event_id, text)
    assert result.outcome is CheckinOutcome.NOT_FOUND
    assert result.candidates == () and result.attendee is None
    assert directory_state() == before


def test_a_confirmed_check_in_of_a_cancelled_person_is_undone_to_cancelled(db, event_day):
    person = event_day.ids["cancelled"]
    result = check_in_person(db, event_day.event_id, person, force=True)
    assert result.outcome is CheckinOutcome.CHECKED_IN
    assert result.previous_status == "cancelled"
    assert result.headcount == Headcount(present=2, expected=9)
    assert undo_check_in(db, event_day.event_id, person, result.previous_status) == Headcount(
        present=1, expected=8)
    assert _status(db, event_day.event_id, person) == "cancelled"


def test_a_person_not_registered_is_registered_as_attended_and_taken_back(db, event_day):
    person = event_day.ids["outsider"]
    refused = check_in_person(db, event_day.event_id, person)
    assert refused.outcome is CheckinOutcome.NOT_REGISTERED
    result = check_in_person(db, event_day.event_id, person, force=True)
    assert result.outcome is CheckinOutcome.CHECKED_IN and result.previous_status is None
    # The search knows the new attendee (its event filter), and forgets it on undo.
    assert [a.person_id for a in find_attendees(db, event_day.event_id, "Außenstehend")] == [
        person]
    undo_check_in(db, event_day.event_id, person, None)
    assert _status(db, event_day.event_id, person) is None
    assert find_attendees(db, event_day.event_id, "Außenstehend") == []


def test_a_check_in_is_logged_for_offline_copies(db, event_day):
    with db.read_session() as session:
        before = session.scalar(select(func.count()).select_from(ChangeLog).where(
            ChangeLog.table_name == "attendance"))
    check_in(db, event_day.event_id, "Bärbel Strasser")
    with db.read_session() as session:
        after = session.scalar(select(func.count()).select_from(ChangeLog).where(
            ChangeLog.table_name == "attendance"))
    assert after == before + 1


def test_find_attendees_lists_every_status(db, event_day):
    found = find_attendees(db, event_day.event_id, "Storniert")
    assert [(a.person_id, a.status) for a in found] == [(event_day.ids["cancelled"],
                                                         "cancelled")]
    names = {a.name for a in find_attendees(db, event_day.event_id, "müller")}
    assert names == {"Prof. Dr.-Ing. Jürgen Müller", "Anna Muller"}


def test_find_event_by_id_or_name(db, event_day):
    assert find_event(db, str(event_day.event_id)) == event_day.event_id
    assert find_event(db, "Kick-off DEFENCE.NRW") == event_day.event_id
    assert find_event(db, "kick-off defence.nrw") == event_day.event_id
    assert find_event(db, "Sommerfest") == event_day.other_event_id
    with pytest.raises(NotFoundError, match="Gartenparty"):
        find_event(db, "Gartenparty")
    with pytest.raises(NotFoundError, match=r"Kick-off DEFENCE\.NRW"):
        find_event(db, "NRW")  # several events
    with pytest.raises(NotFoundError):
        check_in(db, 999, "Abel")
