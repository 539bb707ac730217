"""The check-in window driven as at the door: a keyboard-wedge scanner, typed names, walk-ins,
undo, the counter. The event-day service is faked here (see conftest.py)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from defence_dir.ui.eventday.outcome_banner import Tone

VCARD_LINES = [
    "BEGIN:VCARD",
    "VERSION:3.0",
    "N:Cremer;Harald;;Dr.-Ing.;",
    "FN:Dr.-Ing. Harald Cremer",
    "ORG:Fraunhofer-Institut für Hochfrequenzphysik und Radartechnik FHR – eine sehr lange Bez",
    " eichnung",
    "EMAIL;TYPE=INTERNET,WORK:harald.cremer@fhr.fraunhofer.de",
    "UID:uid-cremer",
    "END:VCARD",
]


def open_checkin(window, settle, event_id):
    window.go_to("event", event_id)
    settle(window)
    actions = window.collections.event_day
    assert actions.checkin_button.isVisible()
    actions.checkin_button.click()
    checkin = actions.checkin_windows[event_id]
    settle()
    return checkin


def wait(qtbot, checkin) -> None:
    """Let the check-in's job answer."""
    checkin.jobs.wait()
    checkin.count_jobs.wait()
    checkin.search_jobs.wait()
    for _ in range(3):
        QApplication.processEvents()


def type_text(widget, text: str) -> None:
    """Key events carrying each character, as a wedge sends them (QTest's keyClicks takes
    ASCII only; a badge has umlauts and dashes)."""
    for char in text:
        key = ord(char.upper()) if char.isascii() and char.isalnum() else 0
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier,
                                                     char))


def scan(qtbot, checkin, lines) -> None:
    """A keyboard wedge: each line typed, each line break an Enter key press."""
    for line in lines:
        type_text(checkin.field, line)
        qtbot.keyClick(checkin.field, Qt.Key.Key_Return)
    wait(qtbot, checkin)


def test_a_scanned_vcard_checks_the_right_person_in(qtbot, window, settle, ids, fake):
    _, event_id, persons = ids
    checkin = open_checkin(window, settle, event_id)
    wait(qtbot, checkin)
    assert checkin.counter.text() == "0 von 2 da"
    qtbot.waitUntil(checkin.isActiveWindow, timeout=3000)
    assert checkin.field.hasFocus()
    scan(qtbot, checkin, VCARD_LINES)
    # One check-in with the whole card (folded line kept), not one per line.
    assert [c for c in fake.calls if c[0] == "check_in"] == [
        ("check_in", "\r\n".join(VCARD_LINES) + "\r\n")]
    assert fake.persons[persons["Cremer"]].status == "attended"
    assert checkin.banner.tone is Tone.GOOD
    assert checkin.banner.headline.text() == "Eingelassen"
    assert checkin.banner.symbol.text() == "✔"
    assert checkin.banner.person.text() == "Dr.-Ing. Harald Cremer"
    assert checkin.counter.text() == "1 von 2 da"
    assert checkin.field.text() == "" and checkin.field.hasFocus()  # ready for the next
    # The same badge again: amber, nothing changed.
    scan(qtbot, checkin, VCARD_LINES)
    assert checkin.banner.tone is Tone.WARN
    assert checkin.banner.headline.text() == "Schon da"
    assert checkin.counter.text() == "1 von 2 da"


def test_a_bare_uid_and_enter(qtbot, window, settle, ids, fake):
    _, event_id, persons = ids
    checkin = open_checkin(window, settle, event_id)
    scan(qtbot, checkin, ["uid-stein"])
    assert fake.persons[persons["Stein"]].status == "attended"
    assert checkin.banner.person.text() == "Hans H. Stein"
    assert checkin.counter.text() == "1 von 2 da"


def test_a_broken_off_scan_is_dropped_and_the_next_one_counts(qtbot, window, settle, ids,
                                                              fake):
    _, event_id, persons = ids
    checkin = open_checkin(window, settle, event_id)
    scan(qtbot, checkin, VCARD_LINES[:4])  # the scanner lost the rest
    assert not [c for c in fake.calls if c[0] == "check_in"]
    checkin._scan_broke_off()  # what the timer does after 3 s
    assert checkin.banner.tone is Tone.BAD
    assert checkin.banner.headline.text() == "Code unvollständig"
    scan(qtbot, checkin, VCARD_LINES)
    assert fake.persons[persons["Cremer"]].status == "attended"


def test_an_unknown_code_is_red(qtbot, window, settle, ids, fake):
    _, event_id, _persons = ids
    checkin = open_checkin(window, settle, event_id)
    scan(qtbot, checkin, ["BEGIN:VCARD", "UID:someone-else", "END:VCARD"])
    assert checkin.banner.tone is Tone.BAD
    assert checkin.banner.headline.text() == "Nicht gefunden"
    assert checkin.banner.symbol.text() == "✖"
    assert checkin.counter.text() == "0 von 2 da"


def test_a_name_with_two_matches_offers_both(qtbot, window, settle, ids, fake):
    _, event_id, persons = ids
    checkin = open_checkin(window, settle, event_id)
    scan(qtbot, checkin, ["Ha"])
    assert checkin.banner.tone is Tone.WARN
    assert checkin.banner.headline.text() == "Mehrere Teilnehmende passen"
    assert sorted(checkin.candidates.person_ids()) == sorted(
        [persons["Stein"], persons["Cremer"]])
    assert checkin.field.text() == "Ha" and checkin.field.selectedText() == "Ha"
    assert fake.persons[persons["Stein"]].status == "registered"
    # Arrow down into the list, choose the second, Enter.
    qtbot.keyClick(checkin.field, Qt.Key.Key_Down)
    assert checkin.candidates.hasFocus() or QApplication.focusWidget() is None
    checkin.candidates.setCurrentItem(checkin.candidates.topLevelItem(1))
    chosen = checkin.candidates.person_ids()[1]
    qtbot.keyClick(checkin.candidates, Qt.Key.Key_Return)
    wait(qtbot, checkin)
    assert fake.persons[chosen].status == "attended"
    assert checkin.banner.tone is Tone.GOOD
    assert checkin.counter.text() == "1 von 2 da"


def test_typing_a_name_lists_matching_attendees_live(qtbot, window, settle, ids, fake):
    _, event_id, persons = ids
    checkin = open_checkin(window, settle, event_id)
    type_text(checkin.field, "grosch")
    qtbot.waitUntil(lambda: checkin.candidates.topLevelItemCount() == 1, timeout=3000)
    item = checkin.candidates.topLevelItem(0)
    assert (item.text(0), item.text(2)) == ("Anna Grosch", "abgesagt")
    # Double-click: the cancelled registration asks first, nothing changes yet.
    checkin.candidates.itemActivated.emit(item, 0)
    wait(qtbot, checkin)
    assert fake.persons[persons["Grosch"]].status == "cancelled"
    assert checkin.banner.tone is Tone.BAD
    assert checkin.banner.headline.text() == "Anmeldung abgesagt"
    assert checkin.banner.force_button.isVisible()


def test_cancelled_needs_confirmation_then_checks_in(qtbot, window, settle, ids, fake):
    _, event_id, persons = ids
    checkin = open_checkin(window, settle, event_id)
    scan(qtbot, checkin, ["uid-grosch"])
    assert fake.persons[persons["Grosch"]].status == "cancelled"
    assert checkin.banner.force_button.isVisible()
    # A next scan's Enter never presses the button: it does not take the focus.
    assert checkin.banner.force_button.focusPolicy() == Qt.FocusPolicy.ClickFocus
    qtbot.mouseClick(checkin.banner.force_button, Qt.MouseButton.LeftButton)
    wait(qtbot, checkin)
    assert ("check_in_person", persons["Grosch"], True) in fake.calls
    assert fake.persons[persons["Grosch"]].status == "attended"
    assert checkin.banner.tone is Tone.GOOD
    assert not checkin.banner.force_button.isVisible()
    assert checkin.counter.text() == "1 von 3 da"
    checkin.undo()
    assert fake.persons[persons["Grosch"]].status == "cancelled"
    assert checkin.counter.text() == "0 von 2 da"


def test_not_registered_person_needs_confirmation(qtbot, window, settle, ids, fake):
    _, event_id, persons = ids
    checkin = open_checkin(window, settle, event_id)
    scan(qtbot, checkin, ["uid-recher"])
    assert checkin.banner.headline.text() == "Nicht für diese Veranstaltung angemeldet"
    assert fake.persons[persons["Recher"]].status == ""
    checkin.banner.force_button.click()
    wait(qtbot, checkin)
    assert fake.persons[persons["Recher"]].status == "attended"


def test_undo_and_redo_with_the_keyboard(qtbot, window, settle, ids, fake):
    _, event_id, persons = ids
    checkin = open_checkin(window, settle, event_id)
    changes = []
    window.data_changed.connect(lambda kind, changed: changes.append((kind, changed)))
    scan(qtbot, checkin, ["uid-stein"])
    scan(qtbot, checkin, ["uid-cremer"])
    assert checkin.counter.text() == "2 von 2 da"
    assert ("event", [event_id]) in changes
    assert checkin.undo_button.text() == "Rückgängig: Einlass von Dr.-Ing. Harald Cremer"
    checkin.field.setFocus()
    qtbot.keyClick(checkin.field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert fake.persons[persons["Cremer"]].status == "registered"
    assert fake.persons[persons["Stein"]].status == "attended"
    assert checkin.counter.text() == "1 von 2 da"
    qtbot.keyClick(checkin.field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    assert fake.persons[persons["Cremer"]].status == "attended"
    assert ("check_in_person", persons["Cremer"], True) in fake.calls
    assert checkin.counter.text() == "2 von 2 da"
    # The main window's undo goes through the same history.
    window.menus.undo_action.trigger()
    window.menus.undo_action.trigger()
    assert fake.persons[persons["Stein"]].status == "registered"
    assert checkin.counter.text() == "0 von 2 da"


def test_a_walk_in_with_consent(qtbot, window, settle, ids, fake, monkeypatch):
    list_id, event_id, _persons = ids
    checkin = open_checkin(window, settle, event_id)

    def fill(dialog) -> bool:
        dialog.title_edit.setText("Dr.")
        dialog.given_name.setText("Łucja")
        dialog.family_name.setText("Øster-Müller")
        dialog.email.setText("l.oester@example.de")
        dialog.list_combo.setCurrentIndex(dialog.list_combo.findData(list_id))
        dialog.accept()  # no consent ticked: refused with a message
        assert dialog.result() == 0 and not dialog.error.isHidden()
        assert "Einwilligung" in dialog.error.text()
        dialog.consent.setChecked(True)
        dialog.consent_note.setText("am Einlass gefragt")
        dialog.accept()
        return dialog.result() == 1
    monkeypatch.setattr(window, "run_dialog", fill)
    checkin.walk_in_button.click()
    call = next(c for c in fake.calls if c[0] == "add_walk_in")
    draft = call[1]
    assert (draft.title, draft.given_name, draft.family_name) == ("Dr.", "Łucja",
                                                                  "Øster-Müller")
    assert [e.address for e in draft.emails] == ["l.oester@example.de"]
    assert call[2:] == (list_id, "am Einlass gefragt")
    assert checkin.banner.tone is Tone.GOOD
    assert checkin.banner.person.text() == "Dr. Łucja Øster-Müller"
    assert checkin.counter.text() == "1 von 3 da"
    checkin.undo()
    assert ("undo_walk_in", 10_001) in fake.calls
    assert checkin.counter.text() == "0 von 2 da"


def test_a_walk_in_without_a_name_is_refused(qtbot, window, settle, ids, fake, monkeypatch):
    _, event_id, _persons = ids
    checkin = open_checkin(window, settle, event_id)
    seen = []

    def fill(dialog) -> bool:
        dialog.email.setText("jemand@example.de")
        dialog.accept()
        seen.append(dialog.error.text())
        return False
    monkeypatch.setattr(window, "run_dialog", fill)
    checkin.walk_in_button.click()
    assert seen and seen[0]
    assert not [c for c in fake.calls if c[0] == "add_walk_in"]


def test_names_are_shown_as_plain_text(qtbot, window, settle, ids, fake):
    _, event_id, persons = ids
    fake.persons[persons["Stein"]].name = "<b>Hans</b> Stein & Söhne"
    checkin = open_checkin(window, settle, event_id)
    scan(qtbot, checkin, ["uid-stein"])
    assert checkin.banner.person.textFormat() == Qt.TextFormat.PlainText
    assert checkin.banner.person.text() == "<b>Hans</b> Stein & Söhne"
    # A button shows "&&" as "&" (one "&" would mark a shortcut and vanish).
    assert checkin.undo_button.text() == "Rückgängig: Einlass von <b>Hans</b> Stein && Söhne"


def test_in_english(qtbot, window, settle, ids, fake):
    from defence_dir.ui.common.translations import install_language

    install_language("en")
    _, event_id, _persons = ids
    checkin = open_checkin(window, settle, event_id)
    scan(qtbot, checkin, ["uid-stein"])
    assert checkin.counter.text() == "1 of 2 here"
    assert checkin.banner.headline.text() == "Checked in"


def test_a_scan_while_the_list_has_the_focus_still_checks_in(qtbot, window, settle, ids, fake):
    _, event_id, persons = ids
    checkin = open_checkin(window, settle, event_id)
    scan(qtbot, checkin, ["Ha"])  # two matches: the list is filled
    checkin.candidates.setFocus()
    # The next guest's badge is scanned before anyone was picked.
    for line in VCARD_LINES:
        type_text(checkin.candidates if line is VCARD_LINES[0] else checkin.field, line)
        qtbot.keyClick(checkin.field, Qt.Key.Key_Return)
    wait(qtbot, checkin)
    assert fake.persons[persons["Cremer"]].status == "attended"
    assert fake.persons[persons["Stein"]].status == "registered"


def test_a_failing_check_in_says_so_and_the_next_scan_works(qtbot, window, settle, ids, fake,
                                                            monkeypatch):
    from defence_dir.errors import NotFoundError
    from defence_dir.eventday import service

    _, event_id, persons = ids
    checkin = open_checkin(window, settle, event_id)
    working = service.check_in

    def gone(*_args):
        raise NotFoundError("Die Veranstaltung gibt es nicht mehr.")
    monkeypatch.setattr(service, "check_in", gone)
    scan(qtbot, checkin, ["uid-stein"])
    assert checkin.banner.tone is Tone.BAD
    assert checkin.banner.headline.text() == "Einlass fehlgeschlagen"
    assert checkin.banner.detail.text() == "Die Veranstaltung gibt es nicht mehr."
    monkeypatch.setattr(service, "check_in", working)
    scan(qtbot, checkin, ["uid-stein"])
    assert fake.persons[persons["Stein"]].status == "attended"
