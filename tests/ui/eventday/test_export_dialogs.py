"""The event view's "Badges…" and "Attendee list…": options, file, job, messages, Open PDF."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from defence_dir.eventday import service
from defence_dir.eventday.service import BadgeLayout

EVENT = "High-Tech aus NRW für die Sicherheits- und Verteidigungsindustrie"


def open_event(window, settle, event_id) -> None:
    window.go_to("event", event_id)
    settle(window)


def finish(dialog) -> None:
    dialog.jobs.wait()
    for _ in range(3):
        QApplication.processEvents()


def test_the_buttons_show_for_events_only(window, settle, ids):
    list_id, event_id, _persons = ids
    actions = window.collections.event_day
    buttons = (actions.badges_button, actions.list_button, actions.checkin_button)
    open_event(window, settle, event_id)
    assert [b.text() for b in buttons] == ["Namensschilder…", "Teilnehmerliste…", "Einlass"]
    assert all(b.isVisible() for b in buttons)
    window.go_to("list", list_id)
    settle(window)
    assert not any(b.isVisible() for b in buttons)


def test_badges_written_with_the_chosen_layout_and_opened(window, settle, ids, fake, tmp_path,
                                                          monkeypatch):
    _, event_id, _persons = ids
    open_event(window, settle, event_id)
    dialog = window.collections.event_day.badges_dialog()
    assert dialog.windowTitle() == "Namensschilder"
    # The event's name as the file name (its own words, no characters a file system refuses).
    assert Path(dialog.target.text()).name == f"{EVENT} – Namensschilder.pdf"
    target = tmp_path / "schilder"  # without .pdf: added
    monkeypatch.setattr(dialog, "ask_save_path", lambda suggested: str(target))
    dialog.choose_target()
    dialog.findChild(type(dialog.layouts.button(0)), "layout_labels-2x4").setChecked(True)
    dialog.crop_marks.setChecked(True)
    progress = []
    monkeypatch.setattr(dialog, "_progress", lambda done, total: progress.append((done, total)))
    dialog.export_button.click()
    finish(dialog)
    written = tmp_path / "schilder.pdf"
    assert written.read_bytes().startswith(b"%PDF")
    assert fake.calls[-1] == ("export_badges", written,
                              {"layout": BadgeLayout.LABELS_2X4, "crop_marks": True})
    assert progress and progress[-1][1] == 2
    assert dialog.status.text() == f"2 Namensschilder in {written} gespeichert."
    assert not dialog.open_button.isHidden()
    opened = []
    monkeypatch.setattr(dialog, "open_file", opened.append)
    dialog.open_button.click()
    assert opened == [written]


def test_an_event_without_attendees_says_so_and_writes_nothing(window, settle, ids, fake,
                                                               tmp_path):
    _, event_id, _persons = ids
    for person in fake.persons.values():
        person.status = "cancelled"
    open_event(window, settle, event_id)
    dialog = window.collections.event_day.badges_dialog()
    assert dialog.count_note.text() == ("Niemand ist für diese Veranstaltung angemeldet: "
                                        "Es gibt keine Namensschilder zu drucken.")
    assert "#c62828" in dialog.count_note.styleSheet()
    assert not dialog.export_button.isEnabled()
    # The service says so too if the last registration went while the dialog was open.
    fake.persons[next(iter(fake.persons))].status = "registered"
    dialog = window.collections.event_day.badges_dialog()
    assert dialog.count_note.text().startswith("1 Namensschild:")
    for person in fake.persons.values():
        person.status = "cancelled"
    dialog.target.setText(str(tmp_path / "leer.pdf"))
    dialog.export_button.click()
    finish(dialog)
    assert dialog.status.text() == "Nobody is registered for this event: nothing to print."
    assert not (tmp_path / "leer.pdf").exists()
    assert dialog.open_button.isHidden() and dialog.export_button.isEnabled()


def test_no_file_and_a_missing_folder_are_refused_before_any_work(window, settle, ids, fake,
                                                                  tmp_path):
    _, event_id, _persons = ids
    open_event(window, settle, event_id)
    dialog = window.collections.event_day.attendee_list_dialog()
    dialog.target.setText("  ")
    dialog.export_button.click()
    assert dialog.status.text() == "Bitte wählen, wo das PDF gespeichert wird."
    dialog.target.setText(str(tmp_path / "fehlt" / "liste.pdf"))
    dialog.export_button.click()
    assert dialog.status.text() == f"Den Ordner {tmp_path / 'fehlt'} gibt es nicht."
    dialog.target.setText(str(tmp_path))
    dialog.export_button.click()
    assert dialog.status.text() == f"{tmp_path} ist ein Ordner. Bitte einen Dateinamen angeben."
    assert not [c for c in fake.calls if c[0].startswith("export")]


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere")
def test_a_folder_without_write_permission(window, settle, ids, fake, tmp_path):
    _, event_id, _persons = ids
    locked = tmp_path / "gesperrt"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        open_event(window, settle, event_id)
        dialog = window.collections.event_day.badges_dialog()
        dialog.target.setText(str(locked / "schilder.pdf"))
        dialog.export_button.click()
        assert "keine Berechtigung" in dialog.status.text()
        assert not list(locked.iterdir())
    finally:
        locked.chmod(0o755)


def test_a_place_the_system_refuses_is_reported(window, settle, ids, fake):
    """/proc takes no files, not even from root: the write fails in the job."""
    _, event_id, _persons = ids
    open_event(window, settle, event_id)
    dialog = window.collections.event_day.badges_dialog()
    dialog.target.setText("/proc/schilder.pdf")
    dialog.export_button.click()
    finish(dialog)
    assert "/proc/schilder.pdf" in dialog.status.text()
    assert "#c62828" in dialog.status.styleSheet()  # shown as an error
    assert not Path("/proc/schilder.pdf").exists()
    assert dialog.open_button.isHidden()


def test_a_failing_write_is_reported_in_the_dialog(window, settle, ids, fake, tmp_path,
                                                   monkeypatch):
    _, event_id, _persons = ids

    def refused(*_args, **_kwargs):
        raise PermissionError(13, "Permission denied", str(tmp_path / "x.pdf"))
    monkeypatch.setattr(service, "export_attendee_list", refused)
    open_event(window, settle, event_id)
    dialog = window.collections.event_day.attendee_list_dialog()
    dialog.target.setText(str(tmp_path / "x.pdf"))
    dialog.export_button.click()
    finish(dialog)
    assert dialog.status.text() == f"Permission denied ({tmp_path / 'x.pdf'})"
    assert dialog.export_button.isEnabled()


def test_sign_in_sheet_and_cancel(window, settle, ids, fake, tmp_path, monkeypatch):
    _, event_id, _persons = ids
    started, stop = threading.Event(), threading.Event()

    def slow(_db, _event_id, path, *, sign_in=False, progress=None):
        fake.calls.append(("export_attendee_list", path, {"sign_in": sign_in}))
        started.set()
        while not stop.wait(0.01):
            progress(0, 10)  # raises once cancelled
        return 0
    monkeypatch.setattr(service, "export_attendee_list", slow)
    open_event(window, settle, event_id)
    dialog = window.collections.event_day.attendee_list_dialog()
    assert Path(dialog.target.text()).name == f"{EVENT} – Teilnehmerliste.pdf"
    dialog.sign_in.setChecked(True)
    dialog.target.setText(str(tmp_path / "unterschriften.pdf"))
    dialog.export_button.click()
    assert started.wait(5)
    assert dialog.close_button.text() == "Abbrechen" and not dialog.export_button.isEnabled()
    dialog.close_button.click()
    finish(dialog)
    stop.set()
    assert fake.calls[-1][2] == {"sign_in": True}
    assert dialog.status.text() == "Abgebrochen: Es wurde nichts gespeichert."
    assert dialog.export_button.isEnabled() and dialog.close_button.text() == "Schließen"


def test_no_check_in_on_a_read_only_directory(open_window, settle, db, ids, monkeypatch):
    _, event_id, _persons = ids
    monkeypatch.setattr(type(db), "read_only", property(lambda _self: True))
    window = open_window(db)
    window.go_to("event", event_id)
    settle(window)
    actions = window.collections.event_day
    assert not actions.checkin_button.isEnabled()
    assert actions.badges_button.isEnabled()  # printing only reads
