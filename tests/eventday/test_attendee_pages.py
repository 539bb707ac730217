"""Sign-in sheets and attendee lists rendered and read back: head on every page, page
numbers, German order, statuses, empty lines for walk-ins."""

from __future__ import annotations

import re

import pytest
from event_day_data import EventDay, page_texts

from defence_dir.data.database import Database
from defence_dir.data.models import AttendanceStatus, Person
from defence_dir.errors import DefenceDirError
from defence_dir.eventday.attendee_pages import table, walk_in_lines
from defence_dir.eventday.service import export_attendee_list
from defence_dir.lists.consent import set_attendance
from defence_dir.records.persons import PersonDraft
from defence_dir.records.service import create_person


def _names(db: Database, event_day: EventDay, keys: list[str]) -> list[str]:
    with db.read_session() as session:
        return [session.get(Person, event_day.ids[k]).display_name for k in keys]


def _add_attendees(db: Database, event_id: int, count: int) -> None:
    ids = [create_person(db, PersonDraft(given_name=f"Gast {n:03d}", family_name="Zündel"))
           for n in range(count)]
    with db.session() as session:
        set_attendance(session, event_id, ids, AttendanceStatus.REGISTERED)


def test_a_sign_in_sheet_over_several_pages(db, event_day, out):
    _add_attendees(db, event_day.event_id, 45)
    target = out / "sign-in.pdf"
    assert export_attendee_list(db, event_day.event_id, target, sign_in=True) == 53
    pages = page_texts(target)
    per_page = table(True).rows_per_page()
    lines = 53 + walk_in_lines(53, per_page)
    assert len(pages) == -(-lines // per_page) >= 3
    for number, text in enumerate(pages, start=1):
        assert f"Seite {number} von {len(pages)}" in text
        assert "Kick-off DEFENCE.NRW" in text and "12.03.2026 · Düsseldorf" in text
        for title in ("Anwesenheitsliste", "Nr.", "Name", "Organisation", "Unterschrift"):
            assert title in text
    whole = " ".join(" ".join(pages).split())
    names = _names(db, event_day, event_day.expected)
    positions = [whole.index(n) for n in names]
    assert positions == sorted(positions)
    assert whole.index("Gast 044 Zündel") > positions[-1]  # Z after S
    assert "Storniert" not in whole and "Nichtda" not in whole
    # Numbered empty lines for walk-ins follow the last person, at least five.
    empty = [int(n) for page in pages for n in re.findall(r"^(\d+)\s*$", page, re.MULTILINE)]
    assert empty == list(range(54, lines + 1)) and lines - 53 >= 5


def test_the_attendee_list_shows_every_status(db, event_day, out):
    target = out / "list.pdf"
    assert export_attendee_list(db, event_day.event_id, target) == 10
    text = " ".join(" ".join(page_texts(target)).split())
    assert "Teilnehmerliste" in text and "Seite 1 von 1" in text
    assert "Klaus Storniert abgesagt" in text
    assert "Petra Nichtda nicht erschienen" in text
    assert "Prof. Dr.-Ing. Jürgen Müller Rheinmetall AG teilgenommen" in text
    assert "Anna Muller Rheinmetall AG angemeldet" in text
    assert "Ayşe Öztürk" in text and "Łukasz" in text and "🚀" in text


def test_a_list_of_nobody_is_refused_without_a_file(db, event_day, out):
    set_attendance_to = AttendanceStatus.CANCELLED
    with db.session() as session:
        set_attendance(session, event_day.other_event_id, [event_day.ids["other_event"]],
                       set_attendance_to)
    with pytest.raises(DefenceDirError, match="Sommerfest"):
        export_attendee_list(db, event_day.other_event_id, out / "s.pdf", sign_in=True)
    assert list(out.iterdir()) == []
    # The list (any status) still has the cancelled person.
    assert export_attendee_list(db, event_day.other_event_id, out / "l.pdf") == 1
