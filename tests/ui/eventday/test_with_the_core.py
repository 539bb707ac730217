"""The check-in window and the export dialogs on the real event-day service and database:
what a badge's QR code holds, typed by a wedge, changes the attendance; undo puts it back."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select
from test_checkin_window import open_checkin, scan, wait

from defence_dir.data.models import Attendance, AttendanceStatus, ListMembership, Person
from defence_dir.lists.consent import set_attendance
from defence_dir.ui.eventday.outcome_banner import Tone

# The core of issue 18 is built in parallel: until it is merged, these wait.
badge_cards = pytest.importorskip("defence_dir.eventday.badge_cards").badge_cards


def attendance(db, event_id) -> dict[int, str]:
    with db.read_session() as session:
        return {a.person_id: a.status for a in session.scalars(
            select(Attendance).where(Attendance.event_id == event_id))}


def badge_lines(db, person_id) -> list[str]:
    """The lines of the person's badge QR code, as a wedge types them."""
    with db.read_session() as session:
        text = badge_cards(session, [person_id])[person_id]
    return text.replace("\r\n", "\n").rstrip("\n").split("\n")


def register(db, event_id, persons, status=AttendanceStatus.REGISTERED) -> None:
    with db.session() as session:
        set_attendance(session, event_id, persons, status)


def test_a_scanned_badge_checks_in_and_undo_puts_it_back(qtbot, window, settle, db, ids):
    _, event_id, persons = ids
    register(db, event_id, [persons["Stein"], persons["Cremer"], persons["Recher"]])
    checkin = open_checkin(window, settle, event_id)
    wait(qtbot, checkin)
    assert checkin.counter.text() == "0 von 3 da"
    lines = badge_lines(db, persons["Cremer"])
    assert len(lines) > 4  # a real multi-line card
    scan(qtbot, checkin, lines)
    assert attendance(db, event_id)[persons["Cremer"]] == "attended"
    assert checkin.banner.tone is Tone.GOOD
    assert "Cremer" in checkin.banner.person.text()
    assert checkin.counter.text() == "1 von 3 da"
    settle(window)
    # The event view in the main window shows it too.
    panel = window.collections.panel
    statuses = {panel.model.rows[r].person_id: panel.model.rows[r].status
                for r in range(len(panel.model.rows))}
    assert statuses[persons["Cremer"]] == "attended"
    scan(qtbot, checkin, lines)
    assert checkin.banner.tone is Tone.WARN
    checkin.undo()
    assert attendance(db, event_id)[persons["Cremer"]] == "registered"
    assert checkin.counter.text() == "0 von 3 da"


def test_a_bare_uid_a_cancelled_registration_and_an_unknown_code(qtbot, window, settle, db,
                                                                  ids):
    _, event_id, persons = ids
    register(db, event_id, [persons["Stein"]])
    register(db, event_id, [persons["Grosch"]], AttendanceStatus.CANCELLED)
    with db.read_session() as session:
        uid = session.get(Person, persons["Stein"]).uid
    checkin = open_checkin(window, settle, event_id)
    scan(qtbot, checkin, [uid])
    assert attendance(db, event_id)[persons["Stein"]] == "attended"
    scan(qtbot, checkin, badge_lines(db, persons["Grosch"]))
    assert checkin.banner.tone is Tone.BAD and checkin.banner.force_button.isVisible()
    assert attendance(db, event_id)[persons["Grosch"]] == "cancelled"
    checkin.banner.force_button.click()
    wait(qtbot, checkin)
    assert attendance(db, event_id)[persons["Grosch"]] == "attended"
    checkin.undo()
    assert attendance(db, event_id)[persons["Grosch"]] == "cancelled"
    scan(qtbot, checkin, ["BEGIN:VCARD", "VERSION:3.0", "FN:Niemand",
                          "UID:00000000-0000-4000-8000-000000000000", "END:VCARD"])
    assert checkin.banner.tone is Tone.BAD
    assert checkin.banner.headline.text() == "Nicht gefunden"


def test_a_walk_in_with_consent_and_its_undo(qtbot, window, settle, db, ids, monkeypatch):
    list_id, event_id, _persons = ids
    checkin = open_checkin(window, settle, event_id)

    def fill(dialog) -> bool:
        dialog.given_name.setText("Łucja")
        dialog.family_name.setText("Øster-Müller")
        dialog.email.setText("l.oester@example.de")
        dialog.list_combo.setCurrentIndex(dialog.list_combo.findData(list_id))
        dialog.consent.setChecked(True)
        dialog.consent_note.setText("am Einlass gefragt")
        dialog.accept()
        return dialog.result() == 1
    monkeypatch.setattr(window, "run_dialog", fill)
    checkin.walk_in_button.click()
    with db.read_session() as session:
        person = session.scalars(select(Person).where(Person.family_name == "Øster-Müller")
                                 ).one()
        person_id = person.id
        membership = session.scalars(select(ListMembership).where(
            ListMembership.list_id == list_id, ListMembership.person_id == person_id)).one()
        assert membership.status == "subscribed"
        assert membership.consent_note == "am Einlass gefragt"
    assert attendance(db, event_id) == {person_id: "attended"}
    assert checkin.counter.text() == "1 von 1 da"
    checkin.undo()
    with db.read_session() as session:
        assert session.get(Person, person_id) is None
        assert not session.scalars(select(ListMembership).where(
            ListMembership.person_id == person_id)).all()
    assert attendance(db, event_id) == {}
    assert checkin.counter.text() == "0 von 0 da"


def test_badges_and_sign_in_sheet_written(window, settle, db, ids, tmp_path):
    _, event_id, persons = ids
    window.go_to("event", event_id)
    settle(window)
    actions = window.collections.event_day
    for make, nobody in (
            (actions.badges_dialog, "Niemand ist für diese Veranstaltung angemeldet: Es gibt "
                                    "keine Namensschilder zu drucken."),
            (actions.attendee_list_dialog, "Für diese Veranstaltung ist noch niemand "
                                           "angemeldet: Es gibt nichts aufzulisten.")):
        dialog = make()
        assert dialog.count_note.text() == nobody
        assert not dialog.export_button.isEnabled()
    # Emptied while the dialog was open: the service refuses, nothing is written.
    register(db, event_id, [persons["Stein"]])
    dialog = actions.badges_dialog()
    assert dialog.count_note.text().startswith("1 Namensschild:")
    register(db, event_id, [persons["Stein"]], AttendanceStatus.CANCELLED)
    dialog.target.setText(str(tmp_path / "leer.pdf"))
    dialog.export_button.click()
    dialog.jobs.wait()
    QApplication.processEvents()
    assert dialog.status.text() and not (tmp_path / "leer.pdf").exists()
    assert dialog.open_button.isHidden()
    register(db, event_id, [persons["Stein"], persons["Cremer"]])
    for make, name in ((actions.badges_dialog, "schilder.pdf"),
                       (actions.attendee_list_dialog, "liste.pdf")):
        dialog = make()
        dialog.target.setText(str(tmp_path / name))
        dialog.export_button.click()
        dialog.jobs.wait()
        for _ in range(3):
            QApplication.processEvents()
        written = Path(tmp_path / name)
        assert written.read_bytes().startswith(b"%PDF"), dialog.status.text()
        assert str(written) in dialog.status.text()
        assert not dialog.open_button.isHidden()


def test_the_counter_follows_changes_made_in_the_main_window(qtbot, window, settle, db, ids):
    _, event_id, persons = ids
    register(db, event_id, [persons["Stein"], persons["Cremer"]])
    checkin = open_checkin(window, settle, event_id)
    wait(qtbot, checkin)
    assert checkin.counter.text() == "0 von 2 da"
    window.collections.set_status([persons["Stein"]], "attended")  # the event view's button
    qtbot.waitUntil(lambda: checkin.counter.text() == "1 von 2 da", timeout=3000)


def test_redo_of_a_walk_in_adds_them_again(qtbot, window, settle, db, ids, monkeypatch):
    _, event_id, _persons = ids
    checkin = open_checkin(window, settle, event_id)

    def fill(dialog) -> bool:
        dialog.title_edit.setText("Prof.")
        dialog.family_name.setText("Ağaoğlu")
        dialog.accept()
        return dialog.result() == 1
    monkeypatch.setattr(window, "run_dialog", fill)
    checkin.walk_in_button.click()
    checkin.undo()
    assert attendance(db, event_id) == {}
    checkin.redo()
    with db.read_session() as session:
        again = session.scalars(select(Person).where(Person.family_name == "Ağaoğlu")).one()
        assert again.title == "Prof."
    assert attendance(db, event_id) == {again.id: "attended"}
    assert checkin.counter.text() == "1 von 1 da"


def test_a_name_with_two_matches_and_the_live_list(qtbot, window, settle, db, ids):
    _, event_id, persons = ids
    register(db, event_id, [persons["Stein"], persons["Cremer"], persons["Grosch"]])
    register(db, event_id, [persons["Recher"]], AttendanceStatus.CANCELLED)
    with db.session() as session:  # a second Stein among the attendees
        twin = Person(given_name="Hannah", family_name="Stein", uid="twin-stein")
        session.add(twin)
        session.flush()
        twin_id = twin.id
    register(db, event_id, [twin_id])
    checkin = open_checkin(window, settle, event_id)
    scan(qtbot, checkin, ["Stein"])
    assert checkin.banner.tone is Tone.WARN
    assert sorted(checkin.candidates.person_ids()) == sorted([persons["Stein"], twin_id])
    assert set(attendance(db, event_id).values()) == {"registered", "cancelled"}
    checkin.candidates.setCurrentItem(checkin.candidates.topLevelItem(
        checkin.candidates.person_ids().index(twin_id)))
    checkin.candidates.setFocus()
    qtbot.keyClick(checkin.candidates, Qt.Key.Key_Return)
    wait(qtbot, checkin)
    assert attendance(db, event_id)[twin_id] == "attended"
    assert attendance(db, event_id)[persons["Stein"]] == "registered"
    # Typing lists the matching attendees with their status, as the search finds them.
    checkin.field.setText("")
    qtbot.keyClicks(checkin.field, "Recher")
    qtbot.waitUntil(lambda: checkin.candidates.topLevelItemCount() == 1, timeout=5000)
    item = checkin.candidates.topLevelItem(0)
    assert "Recher" in item.text(0) and item.text(2) == "abgesagt"
