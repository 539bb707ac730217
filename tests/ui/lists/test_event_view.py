"""The event view: attendees with status, status for a selection, removing, mailing, undo."""

from __future__ import annotations

from datetime import date

from collections_helpers import (
    EVENT,
    panel_person_ids,
    select_persons_in_table,
    submenu_action,
)
from PySide6.QtCore import QDate, QModelIndex, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialogButtonBox, QMenu
from sqlalchemy import select

from defence_dir.data.models import Attendance, AttendanceStatus, Event
from defence_dir.lists.consent import set_attendance


def attendance(db, event_id) -> dict[int, str]:
    with db.read_session() as session:
        return {a.person_id: a.status for a in session.scalars(
            select(Attendance).where(Attendance.event_id == event_id))}


def open_event(window, settle, event_id) -> None:
    window.go_to("event", event_id)
    settle(window)


def test_registering_from_the_context_menu_and_undo(window, db, ids, settle):
    _, event_id, persons = ids
    with db.session() as session:
        set_attendance(session, event_id, [persons["Stein"]], AttendanceStatus.ATTENDED)
    select_persons_in_table(window, settle, [persons["Stein"], persons["Grosch"]])
    submenu_action(window.context_menu(), "add_to_event_menu", event_id).trigger()
    settle(window)
    # Registering keeps the status of who was there already.
    assert attendance(db, event_id) == {persons["Stein"]: "attended",
                                        persons["Grosch"]: "registered"}
    message = window.statusBar().currentMessage()
    assert message == f"1 Person für „{EVENT}“ angemeldet. 1 war schon angemeldet."
    window.menus.undo_action.trigger()
    settle(window)
    assert attendance(db, event_id) == {persons["Stein"]: "attended"}


def test_attendees_are_shown_with_their_status(window, db, ids, settle):
    _, event_id, persons = ids
    with db.session() as session:
        set_attendance(session, event_id, [persons["Stein"]], AttendanceStatus.NO_SHOW)
        set_attendance(session, event_id, [persons["Cremer"]], AttendanceStatus.REGISTERED)
    open_event(window, settle, event_id)
    panel = window.collections.panel
    assert panel.title.text() == f"Teilnehmende an „{EVENT}“"
    model = panel.table.model()
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)] == [
        "Name", "Organisation", "E-Mail", "Status"]
    shown = {model.index(r, 0).data(): model.index(r, 3).data() for r in range(2)}
    assert shown == {"Hans H. Stein": "nicht erschienen",
                     "Dr.-Ing. Harald Cremer": "angemeldet"}
    assert panel.status_combo.isVisible() and not panel.without_consent.isVisible()


def test_setting_the_status_for_a_selection(window, db, ids, settle):
    _, event_id, persons = ids
    chosen = [persons["Stein"], persons["Grosch"], persons["Recher"]]
    with db.session() as session:
        set_attendance(session, event_id, chosen, AttendanceStatus.REGISTERED)
    open_event(window, settle, event_id)
    panel = window.collections.panel
    panel.select_persons(chosen[:2])
    panel.status_combo.setCurrentIndex(panel.status_combo.findData("attended"))
    panel.set_status_button.click()
    settle(window)
    assert attendance(db, event_id) == {persons["Stein"]: "attended",
                                        persons["Grosch"]: "attended",
                                        persons["Recher"]: "registered"}
    assert sorted(panel.selected_person_ids()) == sorted(chosen[:2])  # selection kept
    assert window.statusBar().currentMessage() == "„teilgenommen“ für 2 Personen gesetzt."

    # The same from the context menu of the members table.
    panel.select_persons([persons["Recher"]])
    menu = panel.context_menu()
    status_menu = next(a.menu() for a in menu.actions() if a.menu() is not None)
    no_show = next(a for a in status_menu.actions() if a.text() == "nicht erschienen")
    no_show.trigger()
    settle(window)
    assert attendance(db, event_id)[persons["Recher"]] == "no_show"
    window.menus.undo_action.trigger()
    window.menus.undo_action.trigger()
    settle(window)
    assert set(attendance(db, event_id).values()) == {"registered"}


def test_removing_attendees_asks_first(window, db, ids, settle, monkeypatch):
    _, event_id, persons = ids
    with db.session() as session:
        set_attendance(session, event_id, [persons["Stein"], persons["Grosch"]],
                       AttendanceStatus.ATTENDED)
    open_event(window, settle, event_id)
    panel = window.collections.panel
    panel.select_persons([persons["Stein"]])
    questions = []
    monkeypatch.setattr(window, "confirm",
                        lambda title, text: questions.append(text) or len(questions) > 1)
    panel.remove_button.click()
    assert len(attendance(db, event_id)) == 2
    panel.remove_button.click()
    settle(window)
    assert questions[0].startswith("1 Person von dieser Veranstaltung entfernen?")
    assert attendance(db, event_id) == {persons["Grosch"]: "attended"}
    assert panel_person_ids(window) == [persons["Grosch"]]
    window.menus.undo_action.trigger()
    settle(window)
    assert attendance(db, event_id)[persons["Stein"]] == "attended"


def test_bcc_copy_for_attendees_leaves_out_the_cancelled(window, db, ids, settle, qtbot):
    _, event_id, persons = ids
    with db.session() as session:
        set_attendance(session, event_id, [persons["Stein"]], AttendanceStatus.ATTENDED)
        set_attendance(session, event_id, [persons["Grosch"]], AttendanceStatus.CANCELLED)
    open_event(window, settle, event_id)
    clipboard = QGuiApplication.clipboard()
    clipboard.clear()
    window.collections.panel.copy_outlook_action.trigger()
    qtbot.waitUntil(lambda: clipboard.text() != "", timeout=5000)
    assert clipboard.text() == "hans.stein@zenit.eu"
    assert "1 weggelassen: 1 abgemeldet oder abgesagt, 0 ohne gültige Adresse." in (
        window.statusBar().currentMessage())


def test_dropping_persons_on_an_event_registers_them(window, db, ids, settle):
    _, event_id, persons = ids
    select_persons_in_table(window, settle, [persons["Recher"]])
    mime = window.table.model().mimeData(window.table.selectionModel().selectedRows())
    sidebar = window.collections.sidebar
    assert sidebar.dropMimeData(sidebar.item_for("event", event_id), 0, mime,
                                Qt.DropAction.CopyAction)
    settle(window)
    assert attendance(db, event_id) == {persons["Recher"]: "registered"}
    open_event(window, settle, event_id)
    assert window.collections.panel.model.canDropMimeData(
        mime, Qt.DropAction.CopyAction, -1, -1, QModelIndex())


def test_create_rename_delete_an_event_with_undo(window, db, ids, settle, monkeypatch):
    _, event_id, persons = ids
    with db.session() as session:
        set_attendance(session, event_id, [persons["Stein"]], AttendanceStatus.ATTENDED)

    def names():
        with db.read_session() as session:
            return sorted(session.scalars(select(Event.name)))

    def fill(name):
        def run(dialog):
            dialog.name.clear()
            dialog.name.insert(name)
            return dialog.buttons.button(QDialogButtonBox.StandardButton.Save).isEnabled()
        return run
    window.select_section("events")
    settle(window)

    def new_event(dialog):
        fill("Messe ILA 2026")(dialog)
        dialog.has_date.setChecked(True)
        dialog.starts_on.setDate(QDate(2026, 6, 10))
        dialog.city.insert("Berlin")
        return True
    monkeypatch.setattr(window, "run_dialog", new_event)
    window.menus.new_action.trigger()
    settle(window)
    assert names() == [EVENT, "Messe ILA 2026"]
    assert window.current[0] == "event"
    new_id = window.current[1]
    with db.read_session() as session:
        created = session.get(Event, new_id)
        assert (created.starts_on, created.city) == (date(2026, 6, 10), "Berlin")
    table = window.table.model()
    shown = [[table.index(r, c).data() for c in range(3)] for r in range(table.rowCount())]
    assert ["Messe ILA 2026", "2026-06-10", "Berlin"] in shown
    monkeypatch.setattr(window, "run_dialog", fill("ILA Berlin 2026"))
    window.menus.edit_action.trigger()
    settle(window)
    assert names() == [EVENT, "ILA Berlin 2026"]
    assert window.collections.sidebar.item_for("event", new_id).text(0) == "ILA Berlin 2026"
    with db.read_session() as session:  # the edit kept what it did not change
        assert session.get(Event, new_id).city == "Berlin"

    window.go_to("event", event_id)
    settle(window)
    monkeypatch.setattr(window, "confirm", lambda title, text: True)
    window.menus.delete_action.trigger()
    settle(window)
    assert names() == ["ILA Berlin 2026"]
    assert not window.collections.panel.isVisible()
    window.menus.undo_action.trigger()
    settle(window)
    assert names() == [EVENT, "ILA Berlin 2026"]
    assert attendance(db, event_id) == {persons["Stein"]: "attended"}
    # The filter combo of the search knows the event again.
    combo = window.filter_combos["event_id"]
    assert combo.findData(event_id) > 0


def test_person_menus_offer_every_list_and_event(window, ids, settle):
    list_id, event_id, persons = ids
    select_persons_in_table(window, settle, [persons["Stein"]])
    menu = window.context_menu()
    for name, record_id in (("add_to_list_menu", list_id), ("add_to_event_menu", event_id)):
        submenu = menu.findChild(QMenu, name)
        assert submenu.isEnabled()
        assert [a.data() for a in submenu.actions()] == [record_id]
    assert menu.findChild(QMenu, "add_to_list_menu").title() == "Zum Verteiler hinzufügen"
