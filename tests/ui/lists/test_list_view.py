"""The distribution-list view: members, consent filter, adding, removing, mailing, undo."""

from __future__ import annotations

import openpyxl
import pytest
from collections_helpers import (
    panel_person_ids,
    select_persons_in_table,
    submenu_action,
)
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import select

from defence_dir.data.models import DistributionList, EmailAddress, ListMembership
from defence_dir.lists.consent import (
    Consent,
    ConsentSource,
    consent_history,
    subscribe,
    unsubscribe,
)


def statuses(db, list_id) -> dict[int, str]:
    with db.read_session() as session:
        return {m.person_id: m.status for m in session.scalars(
            select(ListMembership).where(ListMembership.list_id == list_id))}


def open_list(window, settle, list_id) -> None:
    window.go_to("list", list_id)
    settle(window)


def answer_note(window, monkeypatch, note="Visitenkarte"):
    asked = []

    def ask(title, label, *, required):
        asked.append(required)
        return note
    monkeypatch.setattr(window.collections, "ask_note", ask)
    return asked


def test_selecting_a_list_shows_its_members_with_consent(window, db, ids, settle):
    list_id, _, persons = ids
    with db.session() as session:
        subscribe(session, list_id, persons["Stein"], Consent(ConsentSource.FORM, "Formular #17"))
        subscribe(session, list_id, persons["Grosch"], Consent(ConsentSource.FORM, "Formular"))
        unsubscribe(session, list_id, persons["Grosch"])
    window.reload()
    open_list(window, settle, list_id)
    panel = window.collections.panel
    assert panel.isVisible() and window.section.key == "lists"
    assert panel.title.text() == "Mitglieder von „Defense-Verteiler“"
    assert panel.count.text() == "2 Personen"
    assert set(panel_person_ids(window)) == {persons["Stein"], persons["Grosch"]}
    model = panel.table.model()
    rows = {model.index(r, 0).data(): [model.index(r, c).data() for c in range(5)]
            for r in range(model.rowCount())}
    stein = rows["Hans H. Stein"]
    assert stein[3] == "angemeldet"
    assert "Anmeldeformular: Formular #17" in stein[4]
    assert rows["Dr. Matthias Grosch"][3] == "abgemeldet"
    grosch = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == (
        "Dr. Matthias Grosch"))
    assert model.index(grosch, 3).data(Qt.ItemDataRole.ToolTipRole).startswith(
        "abgemeldet am ")
    # Other sections hide the members.
    window.select_section("persons")
    assert not panel.isVisible()


def test_only_members_without_proof_of_consent(window, db, ids, settle):
    list_id, _, persons = ids
    with db.session() as session:
        session.add(ListMembership(list_id=list_id, person_id=persons["Cremer"]))
        subscribe(session, list_id, persons["Stein"], Consent(ConsentSource.FORM, "Formular"))
    open_list(window, settle, list_id)
    panel = window.collections.panel
    assert len(panel_person_ids(window)) == 2
    panel.without_consent.setChecked(True)
    settle()
    assert panel_person_ids(window) == [persons["Cremer"]]
    assert panel.table.model().index(0, 4).data() == "kein Nachweis der Einwilligung"
    panel.without_consent.setChecked(False)
    assert len(panel_person_ids(window)) == 2


def test_adding_persons_from_the_context_menu_records_manual_consent_and_undoes(
        window, db, ids, settle, monkeypatch):
    list_id, _, persons = ids
    asked = answer_note(window, monkeypatch)
    select_persons_in_table(window, settle, [persons["Stein"], persons["Recher"]])
    submenu_action(window.context_menu(), "add_to_list_menu", list_id).trigger()
    settle(window)
    assert asked == [False]  # the note is optional
    assert statuses(db, list_id) == {persons["Stein"]: "subscribed",
                                     persons["Recher"]: "subscribed"}
    history = consent_history(db.read_session(), persons["Stein"])
    assert [(h["source_kind"], h["note"]) for h in history] == [("manual", "Visitenkarte")]
    assert "2 Personen zu „Defense-Verteiler“ hinzugefügt." in window.statusBar().currentMessage()
    window.menus.undo_action.trigger()
    settle(window)
    assert statuses(db, list_id) == {}
    assert consent_history(db.read_session(), persons["Stein"]) == []
    window.menus.redo_action.trigger()
    settle(window)
    assert len(statuses(db, list_id)) == 2


def test_manual_add_does_not_resubscribe_the_unsubscribed(window, db, ids, settle,
                                                          monkeypatch):
    list_id, _, persons = ids
    with db.session() as session:
        subscribe(session, list_id, persons["Stein"], Consent(ConsentSource.FORM, "Formular"))
        unsubscribe(session, list_id, persons["Stein"], note="per E-Mail")
    answer_note(window, monkeypatch)
    questions = []
    monkeypatch.setattr(window.collections, "ask_new_consent",
                        lambda count: questions.append(count) or False)
    window.collections.add_persons("list", list_id, [persons["Stein"], persons["Grosch"]])
    settle(window)
    assert questions == [1]
    assert statuses(db, list_id) == {persons["Stein"]: "unsubscribed",
                                     persons["Grosch"]: "subscribed"}
    message = window.statusBar().currentMessage()
    assert "1 Person übersprungen" in message and "abgemeldet" in message

    # Only with an explicit new consent (and a note how it was given) is he back.
    answer_note(window, monkeypatch, "Telefonat am 3. März")
    monkeypatch.setattr(window.collections, "ask_new_consent", lambda count: True)
    window.collections.add_persons("list", list_id, [persons["Stein"]])
    settle(window)
    assert statuses(db, list_id)[persons["Stein"]] == "subscribed"
    actions = [h["action"] for h in consent_history(db.read_session(), persons["Stein"])]
    assert actions == ["given", "withdrawn", "given"]
    window.menus.undo_action.trigger()
    settle(window)
    assert statuses(db, list_id)[persons["Stein"]] == "unsubscribed"


def test_dropping_person_rows_on_a_list_adds_them(window, db, ids, settle, monkeypatch):
    list_id, _, persons = ids
    answer_note(window, monkeypatch, "")
    select_persons_in_table(window, settle, [persons["Cremer"]])
    model = window.table.model()
    mime = model.mimeData(window.table.selectionModel().selectedRows())
    assert "text/vcard" in mime.formats()  # still draggable to other programs
    sidebar = window.collections.sidebar
    item = sidebar.item_for("list", list_id)
    assert sidebar.dropMimeData(item, 0, mime, Qt.DropAction.CopyAction)
    settle(window)
    assert statuses(db, list_id) == {persons["Cremer"]: "subscribed"}
    # A drop onto the members table of the open list works the same way.
    open_list(window, settle, list_id)
    select_persons_in_table(window, settle, [persons["Stein"]])
    mime = window.table.model().mimeData(window.table.selectionModel().selectedRows())
    open_list(window, settle, list_id)
    panel = window.collections.panel
    panel.table.model().dropMimeData(mime, Qt.DropAction.CopyAction, -1, -1, QModelIndex())
    settle(window)
    assert set(statuses(db, list_id)) == {persons["Cremer"], persons["Stein"]}
    # Something that is not persons is refused.
    from PySide6.QtCore import QMimeData

    other = QMimeData()
    other.setText("hello")
    assert not sidebar.dropMimeData(item, 0, other, Qt.DropAction.CopyAction)


def test_unsubscribe_and_remove_ask_first_and_undo(window, db, ids, settle, monkeypatch):
    list_id, _, persons = ids
    with db.session() as session:
        for name in ("Stein", "Grosch", "Recher"):
            subscribe(session, list_id, persons[name], Consent(ConsentSource.FORM, "Formular"))
    open_list(window, settle, list_id)
    panel = window.collections.panel
    notes = [None, "Antwort per E-Mail"]  # first cancelled, then with a note
    monkeypatch.setattr(window.collections, "ask_note",
                        lambda title, label, required: notes.pop(0))
    panel.select_persons([persons["Stein"]])
    panel.unsubscribe_button.click()
    assert statuses(db, list_id)[persons["Stein"]] == "subscribed"  # said no
    panel.unsubscribe_button.click()
    settle(window)
    assert statuses(db, list_id)[persons["Stein"]] == "unsubscribed"
    withdrawn = consent_history(db.read_session(), persons["Stein"])[-1]
    assert (withdrawn["action"], withdrawn["note"]) == ("withdrawn", "Antwort per E-Mail")
    assert window.statusBar().currentMessage() == "1 Person abgemeldet."

    answers = [True]
    monkeypatch.setattr(window, "confirm", lambda title, text: answers.pop(0))
    panel.select_persons([persons["Stein"], persons["Grosch"]])
    panel.remove_button.click()
    settle(window)
    # The unsubscribed one stays as a suppression; the other is gone.
    assert statuses(db, list_id) == {persons["Stein"]: "unsubscribed",
                                     persons["Recher"]: "subscribed"}
    window.menus.undo_action.trigger()
    settle(window)
    assert statuses(db, list_id)[persons["Grosch"]] == "subscribed"
    window.menus.undo_action.trigger()
    settle(window)
    assert statuses(db, list_id)[persons["Stein"]] == "subscribed"
    assert [h["action"] for h in consent_history(db.read_session(), persons["Stein"])] == [
        "given"]


def test_bcc_copy_leaves_out_unsubscribed_and_invalid(window, db, ids, settle, qtbot):
    list_id, _, persons = ids
    with db.session() as session:
        for name in ("Stein", "Grosch", "Recher"):
            subscribe(session, list_id, persons[name], Consent(ConsentSource.FORM, "Formular"))
        unsubscribe(session, list_id, persons["Grosch"])
        recher = session.scalars(select(EmailAddress).where(
            EmailAddress.person_id == persons["Recher"])).first()
        recher.address = "stefan@@recher"
    open_list(window, settle, list_id)
    clipboard = QGuiApplication.clipboard()
    clipboard.clear()
    window.collections.panel.copy_comma_action.trigger()
    qtbot.waitUntil(lambda: clipboard.text() != "", timeout=5000)
    assert clipboard.text() == "hans.stein@zenit.eu"
    message = window.statusBar().currentMessage()
    assert "1 Adresse für BCC kopiert." in message
    assert "2 weggelassen: 1 abgemeldet oder abgesagt, 1 ohne gültige Adresse." in message
    with db.session() as session:
        subscribe(session, list_id, persons["Cremer"], Consent(ConsentSource.FORM, "Formular"))
    clipboard.clear()
    window.collections.panel.copy_button.click()  # Outlook's separator by default
    qtbot.waitUntil(lambda: clipboard.text() != "", timeout=5000)
    assert clipboard.text() == "harald.cremer@nmwp.de; hans.stein@zenit.eu"


def test_export_for_mail_merge_writes_the_members(window, db, ids, settle, qtbot, tmp_path,
                                                  monkeypatch):
    list_id, _, persons = ids
    with db.session() as session:
        subscribe(session, list_id, persons["Stein"], Consent(ConsentSource.FORM, "Formular"))
    open_list(window, settle, list_id)
    target = tmp_path / "serienbrief"
    suggested = []
    monkeypatch.setattr(window.collections.mailing, "ask_save_path",
                        lambda name: suggested.append(name) or str(target))
    window.collections.panel.export_button.click()
    window.collections.mailing.jobs.wait(5000)
    qtbot.waitUntil(lambda: "serienbrief.xlsx" in window.statusBar().currentMessage(),
                    timeout=5000)
    assert suggested == ["Defense-Verteiler.xlsx"]
    sheet = openpyxl.load_workbook(tmp_path / "serienbrief.xlsx").active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("Anrede", "Titel", "Vorname", "Nachname")
    assert rows[1][3] == "Stein" and rows[1][6] == "hans.stein@zenit.eu"


def fill_dialog(name, description=""):
    def run(dialog):
        dialog.name.clear()
        dialog.name.insert(name)
        dialog.description.setPlainText(description)
        return dialog.buttons.button(QDialogButtonBox.StandardButton.Save).isEnabled()
    return run


def list_names(db) -> list[str]:
    with db.read_session() as session:
        return sorted(session.scalars(select(DistributionList.name)))


def test_create_rename_delete_a_list_with_undo(window, db, ids, settle, monkeypatch):
    list_id, _, persons = ids
    with db.session() as session:
        subscribe(session, list_id, persons["Stein"], Consent(ConsentSource.FORM, "Formular"))
    window.select_section("lists")
    settle(window)
    new_action = window.menus.new_action
    assert new_action.isEnabled() and new_action.text() == "&Neuer Verteiler…"
    monkeypatch.setattr(window, "run_dialog", fill_dialog("<b>Presse</b>", "Pressekontakte"))
    window.menus.new_action.trigger()
    settle(window)
    assert list_names(db) == ["<b>Presse</b>", "Defense-Verteiler"]
    new_id = window.current[1]
    assert window.collections.panel.title.text() == "Mitglieder von „<b>Presse</b>“"
    assert window.collections.panel.title.textFormat() == Qt.TextFormat.PlainText
    assert window.collections.sidebar.item_for("list", new_id) is not None

    monkeypatch.setattr(window, "run_dialog", fill_dialog("Presse NRW"))
    window.menus.edit_action.trigger()
    settle(window)
    assert list_names(db) == ["Defense-Verteiler", "Presse NRW"]
    window.menus.undo_action.trigger()
    settle(window)
    assert list_names(db) == ["<b>Presse</b>", "Defense-Verteiler"]
    window.menus.undo_action.trigger()
    settle(window)
    assert list_names(db) == ["Defense-Verteiler"]
    assert window.collections.sidebar.item_for("list", new_id) is None

    # Delete the seeded list with a member: asked first; undo brings back members and consent.
    window.go_to("list", list_id)
    settle(window)
    before = consent_history(db.read_session(), persons["Stein"])
    monkeypatch.setattr(window, "confirm", lambda title, text: False)
    window.menus.delete_action.trigger()
    assert list_names(db) == ["Defense-Verteiler"]
    monkeypatch.setattr(window, "confirm", lambda title, text: True)
    window.menus.delete_action.trigger()
    settle(window)
    assert list_names(db) == []
    window.menus.undo_action.trigger()
    settle(window)
    assert list_names(db) == ["Defense-Verteiler"]
    assert statuses(db, list_id) == {persons["Stein"]: "subscribed"}
    assert consent_history(db.read_session(), persons["Stein"]) == before


def test_bad_names_are_refused_with_a_message(window, db, settle, monkeypatch):
    window.select_section("lists")
    settle(window)
    shown = []
    attempts = iter(["defense-verteiler", "   "])

    def run(dialog):
        if not dialog.error.isHidden():
            shown.append(dialog.error.text())  # the core's verdict on the last attempt
        name = next(attempts, None)
        if name is None:
            return False  # the user gives up
        dialog.name.clear()
        dialog.name.insert(name)
        if not dialog.buttons.button(QDialogButtonBox.StandardButton.Save).isEnabled():
            shown.append(dialog.error.text())  # checked while typing
            return False
        return True
    monkeypatch.setattr(window, "run_dialog", run)
    window.menus.new_action.trigger()
    settle(window)
    assert shown == ["Einen Verteiler „defense-verteiler“ gibt es schon.",
                     "Ein Verteiler braucht einen Namen."]
    assert list_names(db) == ["Defense-Verteiler"]
    assert window.undo_stack.count() == 0


def test_del_in_the_members_table_removes_members_not_the_list(window, db, ids, settle,
                                                                monkeypatch, qtbot):
    list_id, _, persons = ids
    with db.session() as session:
        subscribe(session, list_id, persons["Stein"], Consent(ConsentSource.FORM, "Formular"))
    open_list(window, settle, list_id)
    panel = window.collections.panel
    panel.select_persons([persons["Stein"]])
    window.activateWindow()
    panel.table.setFocus()
    qtbot.waitUntil(panel.table.hasFocus, timeout=2000)
    questions = []
    monkeypatch.setattr(window, "confirm", lambda title, text: questions.append(text) or True)
    window.menus.delete_action.trigger()
    settle(window)
    assert questions[0].startswith("1 Person aus diesem Verteiler entfernen?")
    assert list_names(db) == ["Defense-Verteiler"]
    assert statuses(db, list_id) == {}


def tooltip_shows(tooltip: str) -> str:
    """What a tooltip displays: Qt renders it as rich text when it looks like markup."""
    from PySide6.QtGui import QTextDocument

    document = QTextDocument()
    document.setHtml(tooltip)
    return document.toPlainText()


def test_names_that_look_like_html_are_shown_literally(window, db, ids, settle, monkeypatch):
    from PySide6.QtWidgets import QLabel

    from defence_dir.lists.editing import create

    _, _, persons = ids
    with db.session() as session:
        html_id = create(session, "list", "<b>Presse</b>").id
    window.reload()
    item = window.collections.sidebar.item_for("list", html_id)
    assert item.text(0) == "<b>Presse</b>"
    assert tooltip_shows(item.toolTip(0)) == "<b>Presse</b>"
    seen = []

    def answer(dialog):
        seen.extend((label.text(), label.textFormat()) for label in dialog.findChildren(QLabel)
                    if "Presse" in label.text())
        dialog.setTextValue("Visitenkarte")
        return True
    monkeypatch.setattr(window, "run_dialog", answer)
    window.collections.add_persons("list", html_id, [persons["Stein"]])
    settle(window)
    assert seen and all(fmt == Qt.TextFormat.PlainText and "<b>Presse</b>" in text
                        for text, fmt in seen)
    assert statuses(db, html_id) == {persons["Stein"]: "subscribed"}
    window.go_to("list", html_id)
    settle(window)
    model = window.collections.panel.table.model()
    assert tooltip_shows(model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)) == "Hans H. Stein"


def test_an_export_that_cannot_be_written_is_reported(window, ids, settle, qtbot, tmp_path,
                                                     monkeypatch):
    list_id, _, _ = ids
    open_list(window, settle, list_id)
    errors = []
    monkeypatch.setattr(window, "report_error", errors.append)
    monkeypatch.setattr(window.collections.mailing, "ask_save_path",
                        lambda name: str(tmp_path / "missing-folder" / "x.xlsx"))
    window.collections.mailing.export_mail_merge()
    assert errors == [f"Der Ordner {tmp_path / 'missing-folder'} existiert nicht."]

    def refuse(found, path):
        raise PermissionError(13, "Keine Berechtigung")
    monkeypatch.setattr("defence_dir.lists.mailing.write_mail_merge_xlsx", refuse)
    monkeypatch.setattr(window.collections.mailing, "ask_save_path",
                        lambda name: str(tmp_path / "x.xlsx"))
    window.collections.mailing.export_mail_merge()
    qtbot.waitUntil(lambda: len(errors) == 2, timeout=5000)
    assert errors[1] == "Keine Berechtigung"
    assert not window.collections.mailing.jobs.busy


# PySide6 marks QDragEnterEvent's only constructor (with a QPoint) deprecated.
@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_a_drop_event_on_the_sidebar_row_adds_the_persons(window, db, ids, settle,
                                                          monkeypatch):
    """The whole way of a drop through Qt's event handling, as far as offscreen allows."""
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
    from PySide6.QtWidgets import QApplication

    list_id, _, persons = ids
    answer_note(window, monkeypatch, "")
    sidebar = window.collections.sidebar
    row = sidebar.visualItemRect(sidebar.item_for("list", list_id))
    # The middle of the row, and its lower edge: both mean "onto this list", never "between".
    for name, where in (("Grosch", QPointF(row.center())),
                        ("Recher", QPointF(row.center().x(), row.bottom() - 1))):
        select_persons_in_table(window, settle, [persons[name]])
        mime = window.table.model().mimeData(window.table.selectionModel().selectedRows())
        args = (where, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                Qt.KeyboardModifier.NoModifier)
        enter = QDragEnterEvent(where.toPoint(), *args[1:])
        QApplication.sendEvent(sidebar.viewport(), enter)
        assert enter.isAccepted()
        move = QDragMoveEvent(where.toPoint(), *args[1:])
        QApplication.sendEvent(sidebar.viewport(), move)
        assert move.isAccepted()
        QApplication.sendEvent(sidebar.viewport(), QDropEvent(*args))
        settle(window)
        assert statuses(db, list_id).get(persons[name]) == "subscribed"


def test_adding_from_the_persons_section_keeps_the_members_panel_away(window, db, ids,
                                                                        settle, monkeypatch):
    """Look at a list, go to the persons, add some: the list's members must not pop up under
    the persons table, nor the list light up in the sidebar (nor on the overview)."""
    list_id, _, persons = ids
    open_list(window, settle, list_id)
    answer_note(window, monkeypatch)
    window.navigation.setCurrentRow(0)  # Personen
    settle(window)
    select_persons_in_table(window, settle, [persons["Stein"]])
    submenu_action(window.context_menu(), "add_to_list_menu", list_id).trigger()
    settle(window)
    assert statuses(db, list_id) == {persons["Stein"]: "subscribed"}
    assert window.section.key == "persons"
    assert not window.collections.panel.isVisible()
    assert window.collections.sidebar.selectedItems() == []
    window.menus.overview_action.trigger()
    window.menus.undo_action.trigger()  # a change while the overview is shown
    settle(window)
    assert window.collections.sidebar.selectedItems() == []
    window.navigation.setCurrentRow(5)  # Verteiler: the members are back, up to date
    settle(window)
    assert window.collections.panel.isVisible()
    assert window.collections.panel.count.text() == "0 Personen"


def test_a_very_long_list_name_keeps_the_members_title_short(window, db, settle):
    from defence_dir.lists import editing as collections_service

    name = "Verteiler " + "sehr lang " * 29  # 300 characters, what the dialog allows
    with db.session() as session:
        list_id = collections_service.create(session, "list", name).id
    window.reload()
    open_list(window, settle, list_id)
    title = window.collections.panel.title
    assert title.full_text == f"Mitglieder von „{name.strip()}“"
    assert "…" in title.text() and title.text().endswith("lang“")
    assert title.height() <= 3 * title.fontMetrics().lineSpacing() + 4  # three lines at most
    assert name.strip() in title.toolTip()
    assert window.width() == 1280  # the window did not widen either


def test_adding_to_a_list_deleted_meanwhile_says_so_before_asking(window, db, ids, settle,
                                                                   monkeypatch):
    list_id, _, persons = ids
    errors, asked = [], []
    monkeypatch.setattr(window, "report_error", errors.append)
    monkeypatch.setattr(window.collections, "ask_note", lambda *a, **k: asked.append(a) or "")
    with db.session() as session:  # e.g. from a second window
        session.delete(session.get(DistributionList, list_id))
    window.collections.add_persons("list", list_id, [persons["Stein"]])
    settle(window)
    assert errors == ["Der Verteiler existiert nicht mehr."] and asked == []
    assert window.collections.sidebar.item_for("list", list_id) is None  # stale row gone


def test_a_list_in_the_sidebar_opens_with_the_keyboard(window, db, ids, settle, qtbot):
    list_id, _, _ = ids
    sidebar = window.collections.sidebar
    sidebar.setFocus()
    sidebar.setCurrentItem(sidebar.item_for("list", list_id))
    qtbot.keyClick(sidebar, Qt.Key.Key_Return)
    settle(window)
    assert window.current == ("list", list_id) and window.section.key == "lists"
    assert window.collections.panel.isVisible()
