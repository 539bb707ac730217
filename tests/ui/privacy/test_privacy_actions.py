"""Privacy menu: the access report, GDPR erasure (confirmed, cancelled, failed) and the consent
history in the detail pane."""

from __future__ import annotations

import json
from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox
from sqlalchemy import func, select

from defence_dir.data.models import EmailAddress, Person
from defence_dir.lists.consent import (
    Consent,
    ConsentSource,
    get_list_by_name,
    subscribe,
    unsubscribe,
)

SCHNITZMEIER = "Jürgen Schnitzmeier"


def table_names(window) -> list[str]:
    model = window.table.model()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def labels(widget) -> list[str]:
    return [label.text() for label in widget.findChildren(QLabel)]


@pytest.fixture
def schnitzmeier(window, settle) -> int:
    row = table_names(window).index(SCHNITZMEIER)
    window.table.selectRow(row)
    settle(window)
    assert window.current[0] == "person"
    return window.current[1]


def answer_erase(monkeypatch, erase: bool, asked: list[str]) -> None:
    """Answer the real confirmation box as a user would: the erase button or Cancel."""
    def exec_(box):
        asked.append(box.text() + "\n" + box.informativeText())
        if box.objectName() == "erasureResult":  # what a database server may keep: read, closed
            return 0
        button = box.findChild(QObject, "eraseButton") if erase \
            else box.button(QMessageBox.StandardButton.Cancel)
        button.click()
        return 0
    from PySide6.QtCore import QObject
    monkeypatch.setattr(QMessageBox, "exec", exec_)


def wait_for_erasure(window, settle) -> None:
    window.privacy.worker.wait()
    settle(window)
    settle(window)


def count_persons(db, name_part: str) -> int:
    with db.read_session() as session:
        return session.scalar(select(func.count()).select_from(Person).where(
            Person.family_name.contains(name_part))) or 0


def test_consent_history_appears_after_subscribe_and_unsubscribe(window, settle, db,
                                                               schnitzmeier):
    with db.session() as session:
        list_id = get_list_by_name(session, "Defense-Verteiler").id
        subscribe(session, list_id, schnitzmeier,
                  Consent(ConsentSource.IMPORT, "teilnehmer.xlsx, Zeile 4",
                          at=datetime(2026, 1, 5, 9, 30)))
        unsubscribe(session, list_id, schnitzmeier, note="Per E-Mail abgemeldet <b>x</b>",
                    at=datetime(2026, 2, 10, 11, 0))
    window.data_changed.emit("person", [schnitzmeier])
    settle(window)
    shown = labels(window.detail)
    assert "Einwilligungen" in shown
    assert "Defense-Verteiler" in shown
    steps = [label.text() for label in window.detail.findChildren(QLabel, "consentStep")]
    assert len(steps) == 2
    assert steps[0].startswith("05.01.2026") and "angemeldet · Import: teilnehmer.xlsx, Zeile 4" \
        in steps[0]
    assert steps[1].startswith("10.02.2026") and "abgemeldet · von Hand" in steps[1]
    (note,) = window.detail.findChildren(QLabel, "consentNote")
    assert note.text() == "Notiz: Per E-Mail abgemeldet <b>x</b>"
    assert all(label.textFormat() == label.textFormat().PlainText
               for label in window.detail.findChildren(QLabel, "consentStep"))


def test_access_report_is_written_as_json(window, settle, db, schnitzmeier, tmp_path,
                                          monkeypatch):
    target = tmp_path / "auskunft"  # no suffix: the chosen filter decides
    asked = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args, **kwargs: asked.append(args) or (str(target),
                                                                       "JSON (*.json)"))
    assert window.privacy.export_action.isEnabled()
    window.privacy.export_action.trigger()
    report = json.loads((tmp_path / "auskunft.json").read_text(encoding="utf-8"))
    assert asked[0][2].endswith("Auskunft Jürgen Schnitzmeier.json")
    assert asked[0][3] == "JSON (*.json);;Excel-Arbeitsmappe (*.xlsx)"
    assert report["person"]["id"] == schnitzmeier
    assert report["person"]["family_name"] == "Schnitzmeier"
    assert report["person"]["given_name"] == "Jürgen"
    assert [e["address"] for e in report["emails"]] == ["juergen.schnitzmeier@zenit.eu"]


def test_access_report_as_xlsx_and_a_write_error_is_reported(window, settle, schnitzmeier,
                                                              tmp_path, monkeypatch):
    import openpyxl

    target = tmp_path / "auskunft.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args, **kwargs: (str(target), "Excel-Arbeitsmappe (*.xlsx)"))
    window.privacy.export_action.trigger()
    sheet = openpyxl.load_workbook(target).worksheets[0]
    assert ["family_name", "Schnitzmeier"] in [[c.value for c in row] for row in sheet.iter_rows()]
    errors = []
    monkeypatch.setattr("defence_dir.ui.privacy.privacy_actions.show_error",
                        lambda parent, title, text: errors.append(text))
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args, **kwargs: (str(tmp_path / "nope" / "a.json"), ""))
    window.privacy.export_action.trigger()
    assert len(errors) == 1 and "nope" in errors[0]


def test_erase_removes_the_person_from_table_and_database_and_clears_undo(
        window, settle, db, schnitzmeier, monkeypatch):
    # Something undoable that refers to him: a normal delete and its undo.
    monkeypatch.setattr(window, "confirm", lambda title, text: True)
    window.menus.delete_action.trigger()
    settle(window)
    window.menus.undo_action.trigger()
    settle(window)
    assert SCHNITZMEIER in table_names(window)
    window.table.selectRow(table_names(window).index(SCHNITZMEIER))
    settle(window)
    person_id = window.current[1]
    asked: list[str] = []
    answer_erase(monkeypatch, True, asked)
    window.privacy.erase_action.trigger()
    # Busy while the worker runs (its answer arrives through the event loop).
    assert window.privacy.progress is not None and window.privacy.progress.isVisible()
    assert not window.privacy.erase_action.isEnabled()
    wait_for_erasure(window, settle)
    assert SCHNITZMEIER in asked[0] and "nicht rückgängig" in asked[0]
    assert SCHNITZMEIER not in table_names(window)
    assert count_persons(db, "Schnitzmeier") == 0
    with db.read_session() as session:
        assert session.get(Person, person_id) is None
        assert session.scalar(select(func.count()).select_from(EmailAddress).where(
            EmailAddress.address == "juergen.schnitzmeier@zenit.eu")) == 0
    assert window.undo_stack.count() == 0 and not window.menus.redo_action.isEnabled()
    assert window.current is None
    assert window.privacy.progress is None
    assert ("person", person_id) not in window.history


def test_cancel_leaves_the_database_unchanged(window, settle, db, schnitzmeier, monkeypatch):
    asked: list[str] = []
    answer_erase(monkeypatch, False, asked)
    window.privacy.erase_action.trigger()
    wait_for_erasure(window, settle)
    assert len(asked) == 1
    assert count_persons(db, "Schnitzmeier") == 1
    assert SCHNITZMEIER in table_names(window)
    assert window.current == ("person", schnitzmeier)


def test_a_failed_erasure_is_reported_and_nothing_crashes(window, settle, db, schnitzmeier,
                                                         monkeypatch):
    def broken(database, person_id):
        raise RuntimeError("database is locked")
    monkeypatch.setattr("defence_dir.ui.privacy.privacy_actions.erase_person", broken)
    errors = []
    monkeypatch.setattr("defence_dir.ui.privacy.privacy_actions.show_error",
                        lambda parent, title, text: errors.append(text))
    answer_erase(monkeypatch, True, [])
    window.privacy.erase_action.trigger()
    wait_for_erasure(window, settle)
    assert errors == ["Die Person konnte nicht gelöscht werden: database is locked"]
    assert count_persons(db, "Schnitzmeier") == 1
    assert window.privacy.erase_action.isEnabled()


def test_privacy_actions_need_a_person(window, settle):
    window.navigation.setCurrentRow(2)  # Netzwerke
    settle(window)
    window.table.selectRow(0)
    settle(window)
    assert not window.privacy.erase_action.isEnabled()
    assert not window.privacy.export_action.isEnabled()


def test_erasing_a_list_member_after_adding_them_leaves_nothing_to_undo(
        window, settle, db, schnitzmeier, monkeypatch):
    with db.read_session() as session:
        list_id = get_list_by_name(session, "Defense-Verteiler").id
    monkeypatch.setattr(window.collections, "ask_note", lambda *a, **k: "Messe")
    window.collections.add_persons("list", list_id, [schnitzmeier])
    settle(window)
    window.go_to("list", list_id)
    settle(window)
    assert window.collections.panel.count.text() == "1 Person"
    window.go_to("person", schnitzmeier)
    settle(window)
    answer_erase(monkeypatch, True, [])
    window.privacy.erase_action.trigger()
    wait_for_erasure(window, settle)
    window.go_to("list", list_id)  # its members panel no longer shows him
    settle(window)
    assert window.current == ("list", list_id)
    assert window.collections.panel.count.text() == "0 Personen"
    assert not window.menus.undo_action.isEnabled()  # "Add to list" cannot bring his row back


def test_the_busy_dialog_shows_the_name_literally(window, settle, db, monkeypatch):
    from PySide6.QtWidgets import QLabel

    from defence_dir.records.persons import PersonDraft, create_person

    with db.session() as session:
        create_person(session, PersonDraft(given_name="<b>Eve</b>", family_name="<i>X</i>"))
    window.menus.reload_action.trigger()
    settle(window)
    window.table.selectRow(table_names(window).index("<b>Eve</b> <i>X</i>"))
    settle(window)
    answer_erase(monkeypatch, True, [])
    window.privacy.erase_action.trigger()
    label = window.privacy.progress.findChild(QLabel)
    assert "<b>Eve</b> <i>X</i>" in label.text()
    assert label.textFormat() == Qt.TextFormat.PlainText
    wait_for_erasure(window, settle)
