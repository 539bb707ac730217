"""The directory window, driven like a user would: typing, selecting, editing, undoing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from defence_dir.records.persons import (
    PersonDraft,
    create_person,
    draft_of,
    get_person,
    update_person,
)
from defence_dir.team.settings import team_label

SCHNITZMEIER = "Jürgen Schnitzmeier"


def texts(widget) -> list[str]:
    return [label.text() for label in widget.findChildren(QLabel)]


def table_names(window) -> list[str]:
    model = window.table.model()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def select_first(window, settle) -> None:
    window.table.selectRow(0)
    settle()


def test_opens_on_the_seeded_persons_in_alphabetical_order(window):
    names = table_names(window)
    assert len(names) == 6
    assert names.index("Dr.-Ing. Harald Cremer") < names.index("Dr. Matthias Grosch") \
        < names.index(SCHNITZMEIER)
    assert window.hit_label.text() == "6 Treffer"
    team = team_label(window.database.url)  # a PostgreSQL database is the team's
    assert window.windowTitle() == ("defence-dir – Verzeichnis DEFENCE.NRW" if team is None
                                    else f"defence-dir – Teamdatenbank {team}")


def test_typing_schnitz_finds_him_and_the_detail_shows_phone_and_email(window, type_search,
                                                                       settle):
    type_search("schnitz")
    assert table_names(window) == [SCHNITZMEIER]
    assert window.hit_label.text() == "1 Treffer"
    found_in = window.table.model().index(0, 1).data()
    assert found_in == "Name"
    select_first(window, settle)
    shown = texts(window.detail)
    assert SCHNITZMEIER in shown
    assert "juergen.schnitzmeier@zenit.eu" in shown
    assert "+49 208 3000423" in shown


def test_umlaut_and_phone_queries_in_the_window(window, type_search):
    type_search("juergen")
    assert table_names(window) == [SCHNITZMEIER]
    type_search("385459-17")
    assert table_names(window) == ["Dr. Matthias Grosch"]
    assert window.table.model().index(0, 1).data() == "Telefon"


def test_editing_a_phone_stores_the_normalised_number_and_undo_restores_it(
        window, type_search, settle, qtbot, db, monkeypatch):
    type_search("schnitz")
    select_first(window, settle)
    person_id = window.current[1]

    def fill(dialog):
        dialog.phones.rows[0][0].setText("0208/30004-99")
        return True
    monkeypatch.setattr(window, "run_dialog", fill)
    window.menus.edit_action.trigger()
    settle(window)
    with db.read_session() as session:
        phone = get_person(session, person_id).phones[0]
        assert (phone.raw, phone.e164) == ("0208/30004-99", "+49208300049 9".replace(" ", ""))
    assert "+49 208 3000499" in texts(window.detail)
    assert window.menus.undo_action.isEnabled()
    window.menus.undo_action.trigger()
    settle(window)
    with db.read_session() as session:
        assert get_person(session, person_id).phones[0].e164 == "+492083000423"
    assert "+49 208 3000423" in texts(window.detail)
    window.menus.redo_action.trigger()
    settle(window)
    with db.read_session() as session:
        assert get_person(session, person_id).phones[0].e164 == "+492083000499"


def test_an_invalid_email_is_explained_and_nothing_is_saved(
        window, type_search, settle, db, monkeypatch):
    type_search("schnitz")
    select_first(window, settle)
    person_id = window.current[1]
    with db.read_session() as session:
        before = draft_of(get_person(session, person_id))
    seen = {}

    def fill(dialog):
        dialog.emails.rows[0][0].setText("juergen@@zenit")
        seen["save_enabled"] = dialog.buttons.buttons()[0].isEnabled()
        seen["errors"] = [row[3].text() for row in dialog.emails.rows if row[3].isVisible()
                          or row[3].text()]
        dialog.accept()  # pressing Enter must not get past the check either
        return dialog.result() == dialog.DialogCode.Accepted
    monkeypatch.setattr(window, "run_dialog", fill)
    window.menus.edit_action.trigger()
    settle(window)
    assert seen["save_enabled"] is False
    assert any("keine gültige E-Mail-Adresse" in e for e in seen["errors"])
    with db.read_session() as session:
        assert draft_of(get_person(session, person_id)) == before
    assert not window.menus.undo_action.isEnabled()


def test_clicking_a_network_shows_its_contact_persons(window, type_search, settle, qtbot):
    type_search("grosch")
    select_first(window, settle)
    link = next(b for b in window.detail.findChildren(QPushButton) if b.text() == "NMWP.NRW")
    qtbot.mouseClick(link, Qt.MouseButton.LeftButton)
    settle(window)
    assert window.section.key == "networks"
    shown = [b.text() for b in window.detail.findChildren(QPushButton)]
    assert {"Dr.-Ing. Harald Cremer", "Dr. Matthias Grosch"} <= set(shown)
    assert "NMWP.NRW" in texts(window.detail)
    # Alt+Left goes back to the person.
    window.menus.back_action.trigger()
    settle(window)
    assert window.section.key == "persons"
    assert "Dr. Matthias Grosch" in texts(window.detail)


def test_new_person_delete_and_undo(window, settle, db, monkeypatch):
    def fill(dialog):
        dialog.given_name.setText("Ida")
        dialog.family_name.setText("Neumann")
        dialog.emails.rows[0][0].setText("ida.neumann@example.org")
        return True
    monkeypatch.setattr(window, "run_dialog", fill)
    window.menus.new_action.trigger()
    settle(window)
    assert "Ida Neumann" in table_names(window)
    person_id = window.current[1]
    monkeypatch.setattr(window, "confirm", lambda title, text: True)
    window.menus.delete_action.trigger()
    settle(window)
    assert "Ida Neumann" not in table_names(window)
    window.menus.undo_action.trigger()
    settle(window)
    assert "Ida Neumann" in table_names(window)
    with db.read_session() as session:
        assert get_person(session, person_id).emails[0].address == "ida.neumann@example.org"


def test_delete_asks_first_and_no_means_no(window, type_search, settle, db, monkeypatch):
    type_search("schnitz")
    select_first(window, settle)
    asked = []
    monkeypatch.setattr(window, "confirm", lambda title, text: asked.append(text) or False)
    window.menus.delete_action.trigger()
    settle(window)
    assert asked and table_names(window) == [SCHNITZMEIER]


def test_a_concurrent_change_is_never_silently_overwritten(
        window, type_search, settle, db, monkeypatch):
    type_search("schnitz")
    select_first(window, settle)
    person_id = window.current[1]

    def fill(dialog):
        # Meanwhile another process saves the same person.
        with db.session() as session:
            person = get_person(session, person_id)
            draft = draft_of(person)
            draft.function = "Geschäftsführer"
            update_person(session, person_id, draft, person.version)
        dialog.function.setText("Projektleiter")
        return True
    asked = []
    monkeypatch.setattr(window, "run_dialog", fill)
    monkeypatch.setattr(window, "ask_conflict", lambda message: asked.append(message) or
                        "reload")
    window.menus.edit_action.trigger()
    settle(window)
    assert asked
    with db.read_session() as session:
        assert get_person(session, person_id).function == "Geschäftsführer"
    monkeypatch.setattr(window, "ask_conflict", lambda message: "overwrite")
    monkeypatch.setattr(window, "run_dialog", fill)
    window.menus.edit_action.trigger()
    settle(window)
    with db.read_session() as session:
        assert get_person(session, person_id).function == "Projektleiter"


def test_user_data_is_shown_as_plain_text(window, type_search, settle, db):
    with db.session() as session:
        create_person(session, PersonDraft(given_name="<b>Eve</b>",
                                           family_name="<img src=x>"))
    window.menus.reload_action.trigger()
    type_search("eve")
    assert table_names(window) == ["<b>Eve</b> <img src=x>"]
    select_first(window, settle)
    title = window.detail.findChild(QLabel, "detailTitle")
    assert title.text() == "<b>Eve</b> <img src=x>"
    assert title.textFormat() == Qt.TextFormat.PlainText
    # Tooltips are rendered as rich text when they look like markup: they must be escaped.
    index = window.table.model().index(0, 0)
    tooltip = window.table.model().data(index, Qt.ItemDataRole.ToolTipRole)
    assert tooltip_shows(tooltip) == "<b>Eve</b> <img src=x>"


def tooltip_shows(tooltip: str) -> str:
    from PySide6.QtGui import QTextDocument

    document = QTextDocument()
    document.setHtml(tooltip)
    return document.toPlainText()


def test_keyboard_shortcuts(window, qtbot, settle):
    window.table.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search_field.hasFocus()
    assert window.menus.new_action.shortcut().toString() == "Ctrl+N"
    assert window.menus.quit_action.shortcut().toString() == "Ctrl+Q"
    assert "Ctrl+Shift+Z" in [s.toString() for s in window.menus.redo_action.shortcuts()]
    assert window.menus.back_action.shortcut().toString() == "Alt+Left"


def test_sections_and_filters(window, settle, db):
    from sqlalchemy import select

    from defence_dir.data.models import Network

    window.navigation.setCurrentRow(2)  # Netzwerke
    settle(window)
    assert window.section.key == "networks"
    assert len(table_names(window)) == 6
    window.navigation.setCurrentRow(0)
    settle(window)
    with db.read_session() as session:
        aero = session.scalar(select(Network.id).where(Network.name == "AeroSpace.NRW"))
    combo = window.filter_combos["network_id"]
    combo.setCurrentIndex(combo.findData(aero))
    settle(window)
    assert set(table_names(window)) == {"Dirk Kalinowski", "Dr. Stefan Recher"}
    window.search_bar.clear_filters()
    settle(window)
    assert len(table_names(window)) == 6
    window.navigation.setCurrentRow(5)  # Verteiler
    settle(window)
    assert table_names(window) == ["Defense-Verteiler"]


def test_window_state_is_restored(qtbot, db, settle):
    from defence_dir.ui.common import settings as app_settings
    from defence_dir.ui.window.main_window import MainWindow

    first = MainWindow(db)
    qtbot.addWidget(first)
    first.show()
    first.splitter.setSizes([150, 500, 350])
    first.table.horizontalHeader().resizeSection(0, 321)
    settle(first)
    first.close()
    stored = app_settings.settings()
    assert stored.value("window/geometry") is not None
    assert stored.value("window/splitter") == first.splitter.saveState()
    second = MainWindow(db)
    qtbot.addWidget(second)
    assert second.table.horizontalHeader().sectionSize(0) == 321


def test_english_when_english_is_chosen(qtbot, db, settle):
    from defence_dir.ui.common import settings as app_settings
    from defence_dir.ui.common.translations import install_language
    from defence_dir.ui.window.main_window import MainWindow

    app_settings.set_language_choice("en")
    install_language(app_settings.effective_language())
    window = MainWindow(db)
    qtbot.addWidget(window)
    settle(window)
    team = team_label(window.database.url)
    assert window.windowTitle() == ("defence-dir – DEFENCE.NRW directory" if team is None
                                    else f"defence-dir – team database {team}")
    assert window.navigation.item(0).text() == "Persons"
    assert window.hit_label.text() == "6 hits"
    assert [a.text() for a in window.menuBar().actions()][:2] == ["&File", "&Edit"]


def test_about_names_version_and_database(window, monkeypatch):
    from defence_dir import __version__
    from defence_dir.ui.window import window_dialogs as module

    shown = {}

    def fake_box(parent, icon, title, text):
        shown["title"], shown["text"] = title, text

        class Box:
            def setObjectName(self, name): ...
            def setIconPixmap(self, pixmap): ...
            def exec(self): ...
        return Box()
    monkeypatch.setattr(module, "plain_message_box", fake_box)
    window.menus.about_action.trigger()
    assert shown["title"] == "Über defence-dir"
    assert __version__ in shown["text"] and window.database.location in shown["text"]


def test_topic_and_organisation_changes_undo(window, settle, db, monkeypatch):
    from sqlalchemy import func, select

    from defence_dir.data.models import Organisation, Topic, network_topic

    window.navigation.setCurrentRow(3)  # Technologiefelder
    settle(window)
    names = table_names(window)
    window.table.selectRow(names.index("Photonik"))
    settle(window)
    monkeypatch.setattr(window, "confirm", lambda title, text: True)
    window.menus.delete_action.trigger()
    settle(window)
    assert "Photonik" not in table_names(window)
    window.menus.undo_action.trigger()
    settle(window)
    assert "Photonik" in table_names(window)
    with db.read_session() as session:  # links to the network are back too
        topic_id = session.scalar(select(Topic.id).where(Topic.name == "Photonik"))
        assert session.scalar(select(func.count()).select_from(network_topic).where(
            network_topic.c.topic_id == topic_id)) == 1

    window.navigation.setCurrentRow(1)  # Organisationen
    settle(window)
    window.table.selectRow(table_names(window).index("KNDS"))
    settle(window)

    def rename(dialog):
        dialog.name.setText("KNDS Deutschland")
        return True
    monkeypatch.setattr(window, "run_dialog", rename)
    window.menus.edit_action.trigger()
    settle(window)
    assert "KNDS Deutschland" in table_names(window)
    window.menus.undo_action.trigger()
    settle(window)
    with db.read_session() as session:
        assert session.scalar(select(Organisation.name).where(
            Organisation.name.like("KNDS%"))) == "KNDS"


def test_deleting_an_organisation_asks_and_undo_brings_it_back(window, settle, db,
                                                               monkeypatch):
    from sqlalchemy import select

    from defence_dir.data.models import Organisation

    window.navigation.setCurrentRow(1)  # Organisationen
    settle(window)
    window.table.selectRow(table_names(window).index("KNDS"))
    settle(window)
    asked: list[str] = []
    monkeypatch.setattr(window, "confirm", lambda title, text: asked.append(text) or False)
    window.menus.delete_action.trigger()
    settle(window)
    assert "KNDS" in table_names(window) and "Organisation" in asked[0]
    monkeypatch.setattr(window, "confirm", lambda title, text: True)
    window.menus.delete_action.trigger()
    settle(window)
    assert "KNDS" not in table_names(window)
    window.menus.undo_action.trigger()
    settle(window)
    assert "KNDS" in table_names(window)
    with db.read_session() as session:
        assert session.scalar(select(Organisation.name).where(
            Organisation.name == "KNDS")) == "KNDS"
