"""The spreadsheet wizard, page by page, on a real attendee file."""

from __future__ import annotations

from sqlalchemy import func, select

from defence_dir.data.models import Attendance, Person
from defence_dir.ui.imports.spreadsheet_wizard import SpreadsheetWizard


def finish_work(wizard, settle):
    wizard.worker.wait()
    settle()


def wizard_at_columns(qtbot, db, path, settle) -> SpreadsheetWizard:
    """A wizard on `path`, its file read, on the page of target and columns."""
    wizard = SpreadsheetWizard(None, db)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.open_file(str(path))
    finish_work(wizard, settle)
    wizard.next()
    return wizard


def wizard_at_preview(qtbot, db, path, settle) -> SpreadsheetWizard:
    """A wizard on `path` with the preview of all its rows shown."""
    wizard = wizard_at_columns(qtbot, db, path, settle)
    wizard.next()
    finish_work(wizard, settle)
    return wizard


def test_wizard_reads_maps_previews_and_imports(qtbot, db, attendee_xlsx, settle, tmp_path):
    wizard = SpreadsheetWizard(None, db)
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.file_page
    page.open_file(str(attendee_xlsx))
    finish_work(wizard, settle)
    assert page.sheet.currentData() == "Teilnehmende"
    assert page.header_row.value() == 3  # below the title row and the empty row
    assert page.sample.item(0, 2).text() == "Vorname"
    assert page.isComplete()
    wizard.next()
    mapping = wizard.mapping_page
    fields = [combo.currentData() for combo in mapping.combos]
    assert fields[:4] == ["salutation", "title", "given_name", "family_name"]
    mapping.target.to_event.setChecked(True)  # where they go is chosen with the columns
    wizard.next()
    finish_work(wizard, settle)
    preview = wizard.preview_page
    model = preview.table.model()
    results = {model.index(r, 1).data(): model.index(r, 2).data()
               for r in range(model.rowCount())}
    assert results["Prof. Dr.-Ing. Anna Schäfer"] == "neu ⚠"  # a phone repaired
    assert results["Jürgen Schnitzmeier"] == "schon vorhanden"
    assert "ungültig" in results.values() and "doppelt in der Datei" in results.values()
    with db.read_session() as session:
        assert session.scalar(select(func.count()).select_from(Person)) == 6  # nothing written
    wizard.next()
    target = wizard.import_page
    assert target.where.text().startswith("In das Verzeichnis und als Teilnehmende")
    wizard.button(wizard.WizardButton.FinishButton).click()
    finish_work(wizard, settle)
    assert wizard.import_result is not None and wizard.import_result.created == 2
    with db.read_session() as session:
        assert session.scalar(select(func.count()).select_from(Attendance)) == 3
    assert "2 neu" in wizard.summary()
    report = target.problems_label.text()
    assert report.startswith("Nicht importiert:\n")
    assert "Zeile 7: „kai@@kaputt“ ist keine gültige E-Mail-Adresse." in report
    # The repaired phone is a warning of an imported row, shown apart from the problems.
    assert "führende 0" not in report
    assert "Zeile 4: führende 0 in Telefonnummer 2115551234 ergänzt" in \
        target.warnings_label.text()
    assert target.save_report.isVisible()
    target.write_report(tmp_path / "bericht.xlsx")  # the path the file dialog would give
    finish_work(wizard, settle)
    assert (tmp_path / "bericht.xlsx").stat().st_size > 0
    assert target.saved.text() == f"Bericht gespeichert: {tmp_path / 'bericht.xlsx'}"
    target.write_report(tmp_path / "fehlt" / "bericht.xlsx")
    finish_work(wizard, settle)
    assert "fehlt" in target.saved.text() and target.save_report.isEnabled()
    wizard.button(wizard.WizardButton.FinishButton).click()  # "Schließen"
    assert wizard.result() == wizard.DialogCode.Accepted


def test_wizard_explains_an_unreadable_file(qtbot, db, tmp_path, settle):
    broken = tmp_path / "kaputt.xlsx"
    broken.write_bytes(b"PK\x03\x04 nope")
    wizard = SpreadsheetWizard(None, db)
    qtbot.addWidget(wizard)
    wizard.file_page.open_file(str(broken))
    finish_work(wizard, settle)
    assert "kaputt.xlsx" in wizard.file_page.status.text()
    assert not wizard.file_page.isComplete()


def _import_attendees(db, attendee_xlsx) -> None:
    from defence_dir.imports.spreadsheet.columns import find_header_row, guess_mapping
    from defence_dir.imports.spreadsheet.planning import plan_rows
    from defence_dir.imports.spreadsheet.reading import read_table_file
    from defence_dir.imports.spreadsheet.writing import apply_plan

    rows = read_table_file(attendee_xlsx).sheet(None).rows
    with db.session() as session:
        header = find_header_row(rows)
        apply_plan(session, plan_rows(session, rows, header, guess_mapping(rows[header]),
                                      file_name="teilnehmer.xlsx"))


def _imports_dialog(qtbot, db, monkeypatch, answer: bool):
    from defence_dir.ui.imports.imports_dialog import ImportsDialog

    dialog = ImportsDialog(None, db)
    qtbot.addWidget(dialog)
    asked = []
    monkeypatch.setattr(dialog, "confirm_undo", lambda batch: asked.append(batch) or answer)
    dialog.table.selectRow(0)
    return dialog, asked


def test_imports_dialog_undoes_an_import_in_the_background(qtbot, db, attendee_xlsx,
                                                         monkeypatch):
    _import_attendees(db, attendee_xlsx)
    dialog, asked = _imports_dialog(qtbot, db, monkeypatch, True)
    assert dialog.table.item(0, 0).text() == "teilnehmer.xlsx"
    assert dialog.table.item(0, 3).text() == "2"  # new persons
    dialog.undo_button.click()
    assert asked[0].file == "teilnehmer.xlsx"
    qtbot.waitUntil(lambda: "entfernt" in dialog.message.text())
    assert dialog.table.item(0, 5).text() == "rückgängig gemacht"
    assert not dialog.undo_button.isEnabled() and dialog.changed
    with db.read_session() as session:
        assert session.scalar(select(func.count()).select_from(Person)) == 8 - 2


def test_imports_dialog_asks_first_and_a_cancelled_undo_changes_nothing(
        qtbot, db, attendee_xlsx, monkeypatch):
    from defence_dir.imports import service

    _import_attendees(db, attendee_xlsx)
    dialog, _asked = _imports_dialog(qtbot, db, monkeypatch, False)
    box = dialog.undo_confirmation_box(dialog.batches[0])
    assert [b.text() for b in box.buttons()] == ["Import rückgängig machen", "Abbrechen"]
    assert box.defaultButton().text() == "Abbrechen"  # Enter does not delete anything
    assert "„teilnehmer.xlsx“" in box.text() and "entfernt: 2" in box.text()
    dialog.undo_button.click()  # answered "Cancel"
    assert not dialog.jobs.running and dialog.message.text() == ""
    monkeypatch.setattr(dialog, "confirm_undo", lambda batch: True)
    real_undo = service.undo

    def undo_then_cancel(database, batch_id, progress):
        # As if Cancel were pressed while the first rows were being taken back.
        def pressed_cancel(done: int, total: int) -> None:
            dialog.jobs.dialog.canceled.emit()
            progress(done, total)
        return real_undo(database, batch_id, pressed_cancel)
    monkeypatch.setattr(service, "undo", undo_then_cancel)
    dialog.undo_button.click()
    qtbot.waitUntil(lambda: "abgebrochen" in dialog.message.text())
    assert dialog.undo_button.isEnabled() and not dialog.changed
    with db.read_session() as session:
        assert session.scalar(select(func.count()).select_from(Person)) == 8


def test_large_files_preview_the_first_rows_first(qtbot, db, attendee_xlsx, settle,
                                                  monkeypatch):
    from defence_dir.ui.imports import preview_page

    monkeypatch.setattr(preview_page, "FIRST_ROWS", 2)
    wizard = SpreadsheetWizard(None, db)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.open_file(str(attendee_xlsx))
    finish_work(wizard, settle)
    wizard.next()
    wizard.next()
    shown = []
    original = wizard.preview_page.show_plan

    def spy(result, *, final=True):
        shown.append((len(result.rows), final))
        original(result, final=final)
    monkeypatch.setattr(wizard.preview_page, "show_plan", spy)
    wizard.preview_page.plan()
    for _ in range(3):
        finish_work(wizard, settle)
    assert shown == [(2, False), (6, True)]
    assert wizard.preview_page.isComplete()


def test_preview_choice_per_row_and_for_all(qtbot, db, attendee_xlsx, settle):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QComboBox

    from defence_dir.imports.spreadsheet.planning import MatchChoice, RowAction

    wizard = wizard_at_preview(qtbot, db, attendee_xlsx, settle)
    preview = wizard.preview_page
    model, table = preview.model, preview.table
    matched = next(r for r in range(model.rowCount())
                   if model.rows[r].action is RowAction.MATCH)
    new = next(r for r in range(model.rowCount()) if model.rows[r].action is RowAction.NEW)
    assert model.index(matched, 4).data() == "leere Felder füllen"
    assert model.index(new, 4).data() == ""
    assert not model.flags(model.index(new, 4)) & Qt.ItemFlag.ItemIsEditable
    # Pick "überschreiben" for this row in the combo box the view opens.
    table.setCurrentIndex(model.index(matched, 4))
    editor = table.findChild(QComboBox)
    assert editor is not None and editor.isVisible()
    editor.setCurrentIndex(editor.findData(MatchChoice.OVERWRITE.value))
    editor.activated.emit(editor.currentIndex())
    assert model.rows[matched].choice is MatchChoice.OVERWRITE
    assert model.index(matched, 4).data() == "überschreiben"
    # The choice for all rows reaches every matched row, the one chosen before too.
    preview.choice.setCurrentIndex(preview.choice.findData(MatchChoice.SKIP.value))
    assert {r.choice for r in wizard.plan.rows if r.action is RowAction.MATCH} == {
        MatchChoice.SKIP}


def test_preview_shows_names_as_plain_text(qtbot, db, tmp_path, settle):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QTextDocument

    path = tmp_path / "html.csv"
    path.write_text("Vorname;Nachname;E-Mail\n<b>Eve</b>;<i>Evil</i>;eve@example.org\n",
                    encoding="utf-8")
    wizard = wizard_at_preview(qtbot, db, path, settle)
    index = wizard.preview_page.model.index(0, 1)
    assert index.data() == "<b>Eve</b> <i>Evil</i>"
    document = QTextDocument()
    document.setHtml(index.data(Qt.ItemDataRole.ToolTipRole))  # as Qt renders the tooltip
    assert document.toPlainText() == "<b>Eve</b> <i>Evil</i>"


def test_the_directory_is_loaded_once_even_when_next_comes_quickly(qtbot, db, attendee_xlsx,
                                                                   settle, monkeypatch):
    import time

    from defence_dir.imports import service
    from defence_dir.imports.spreadsheet.planning import KnownDirectory

    loads = []

    class Counted(KnownDirectory):  # slow, as a large directory is
        def __init__(self, session):
            loads.append(1)
            time.sleep(0.3)
            super().__init__(session)
    monkeypatch.setattr(service, "KnownDirectory", Counted)
    wizard = SpreadsheetWizard(None, db)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.open_file(str(attendee_xlsx))
    finish_work(wizard, settle)  # the directory starts loading once the file is read
    wizard.next()
    wizard.directory_worker.wait()  # loaded, but its answer not yet delivered
    wizard.next()
    finish_work(wizard, settle)
    assert wizard.preview_page.model.rowCount() == 5  # the empty row is left out
    assert loads == [1]


def test_closing_the_wizard_lets_go_of_file_preview_and_directory(qtbot, db, attendee_xlsx,
                                                                 settle):
    import gc
    import weakref

    wizard = wizard_at_preview(qtbot, db, attendee_xlsx, settle)
    held = [weakref.ref(wizard.plan), weakref.ref(wizard.table), weakref.ref(wizard.directory)]
    wizard.reject()  # Cancel on the preview
    gc.collect()
    assert [ref() for ref in held] == [None, None, None]
    assert wizard.preview_page.model.rowCount() == 0


def test_after_a_failed_import_the_preview_can_be_made_again(qtbot, db, attendee_xlsx, settle):
    """The import lets go of the file's rows; when it fails (here: a matched person was
    deleted meanwhile) they are read again, so going back to the preview works."""
    from defence_dir.records.persons import delete_person

    wizard = wizard_at_preview(qtbot, db, attendee_xlsx, settle)
    wizard.next()
    with db.session() as session:
        delete_person(session, session.scalar(select(Person.id).where(
            Person.family_name == "Schnitzmeier")))
    wizard.button(wizard.WizardButton.FinishButton).click()
    for _ in range(2):
        finish_work(wizard, settle)
    assert "gelöscht" in wizard.import_page.result_label.text()
    assert wizard.table is not None and wizard.import_result is None
    assert wizard.button(wizard.WizardButton.BackButton).isEnabled()
    wizard.back()
    wizard.preview_page.threshold.setValue(95)  # previews again
    for _ in range(2):
        finish_work(wizard, settle)
    results = {r.name: r.action.value for r in wizard.preview_page.model.rows}
    assert results["Jürgen Schnitzmeier"] == "new"
    assert wizard.preview_page.isComplete()


def test_a_file_changed_after_a_failed_import_is_not_mixed_with_old_choices(
        qtbot, db, tmp_path, settle):
    import os

    path = tmp_path / "liste.csv"
    path.write_text("Vorname;Nachname;E-Mail\nAnna;Neu;anna@neu.example\n", encoding="utf-8")
    wizard = wizard_at_preview(qtbot, db, path, settle)
    # Edited in Excel after the columns were chosen, before the import (that then failed).
    path.write_text("Nachname;Vorname\nX;Y\n", encoding="utf-8")
    os.utime(path, (1, 1))  # another modification time, whatever the clock's resolution
    wizard.release_table()  # as the import does
    wizard.back()
    wizard.next()  # previews again
    for _ in range(2):
        finish_work(wizard, settle)
    assert "liste.csv wurde geändert" in wizard.preview_page.summary.text()
    assert not wizard.preview_page.isComplete()


def test_back_is_off_while_importing(qtbot, db, attendee_xlsx, settle, monkeypatch):
    from defence_dir.imports import service

    wizard = wizard_at_preview(qtbot, db, attendee_xlsx, settle)
    wizard.next()
    back = wizard.button(wizard.WizardButton.BackButton)
    seen = []
    real_apply = service.apply_plan

    def apply_and_look(*args, **kwargs):
        seen.append(back.isEnabled())
        return real_apply(*args, **kwargs)
    monkeypatch.setattr(service, "apply_plan", apply_and_look)
    wizard.button(wizard.WizardButton.FinishButton).click()
    finish_work(wizard, settle)
    assert seen == [False] and wizard.import_result is not None


def test_a_closed_wizard_is_deleted_once_its_jobs_are_done(qtbot, db):
    import time

    wizard = SpreadsheetWizard(None, db)
    destroyed = []
    wizard.destroyed.connect(lambda: destroyed.append(True))
    wizard.worker.call(lambda: time.sleep(0.4), lambda _result: None)  # a preview still running
    started = time.perf_counter()
    wizard.delete_when_idle()
    qtbot.wait(50)
    assert time.perf_counter() - started < 0.3 and not destroyed  # the window answers
    qtbot.waitUntil(lambda: bool(destroyed), timeout=3000)


def test_an_unexpected_failure_while_importing_is_reported_not_left_busy(
        qtbot, db, attendee_xlsx, settle, monkeypatch):
    from defence_dir.imports import service

    def locked(*_args, **_kwargs):
        raise RuntimeError("database is locked")  # not one of our own errors
    monkeypatch.setattr(service, "apply_plan", locked)
    wizard = wizard_at_preview(qtbot, db, attendee_xlsx, settle)
    wizard.next()
    wizard.button(wizard.WizardButton.FinishButton).click()
    for _ in range(2):
        finish_work(wizard, settle)
    assert wizard.import_page.result_label.text() == "database is locked"
    assert wizard.button(wizard.WizardButton.FinishButton).isEnabled()
    assert wizard.import_result is None


def _combo_of(mapping_page, heading: str):
    row = next(r for r in range(mapping_page.table.rowCount())
               if mapping_page.table.item(r, 0).text() == heading)
    return mapping_page.combos[row]


def _row_of(model, name: str) -> int:
    return next(r for r in range(model.rowCount()) if model.rows[r].name == name)


def test_eventbrite_export_status_ignored_for_the_directory_placed_for_an_event(
        qtbot, db, export_file, settle):
    from PySide6.QtCore import Qt
    from spreadsheet_fixtures import INFO, ROW_OF

    from defence_dir.data.models import EmailAddress
    from defence_dir.imports.spreadsheet.columns import remembered_status_words
    from defence_dir.imports.spreadsheet.planning import RowAction

    wizard = wizard_at_columns(qtbot, db, export_file("eventbrite", "csv"), settle)
    mapping = wizard.mapping_page
    status = _combo_of(mapping, "Attendee Status")
    assert status.currentData() == "status"
    assert status.currentText() == "Teilnahmestatus – ignoriert (keine Veranstaltung)"
    assert _combo_of(mapping, "Checked In").currentText().endswith("(keine Veranstaltung)")
    assert not mapping.target.status.isEnabled()
    wizard.next()  # the directory only
    finish_work(wizard, settle)
    preview = wizard.preview_page
    model = preview.model
    assert {r.action for r in model.rows} == {RowAction.NEW, RowAction.MATCH}  # none invalid
    weber = _row_of(model, "Clara Weber")
    assert model.index(weber, 2).data() == "neu ⚠"
    assert model.index(weber, 3).data() == f"⚠ teilt die Adresse {INFO} mit Zeile 3"
    assert model.index(weber, 3).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert "Status" not in model.index(_row_of(model, "Anna Schäfer"), 3).data()
    assert "mit Hinweis importiert (⚠): 3" in preview.summary.text()
    assert preview.words.isHidden()

    wizard.back()  # now into the event: the status column counts
    mapping.target.to_event.setChecked(True)
    assert status.currentText() == "Teilnahmestatus" and mapping.target.status.isEnabled()
    wizard.next()
    finish_work(wizard, settle)
    assert preview.words.isVisible() and preview.words.rowCount() == 1
    assert preview.words.item(0, 0).text() == "VIP"
    sommer = _row_of(model, "Eva Sommer")
    assert model.index(sommer, 3).data() == ("⚠ Teilnahmestatus „VIP“ unbekannt: als "
                                             "„angemeldet“ importiert; Status: angemeldet")
    combo = preview.words.cellWidget(0, 2)
    assert combo.currentText() == "unbekannt: angemeldet, mit Hinweis"
    combo.setCurrentIndex(combo.findData("attended"))  # as the user picks it
    assert model.index(sommer, 3).data() == "Status: teilgenommen"
    assert model.index(sommer, 2).data() == "neu"
    wizard.next()
    wizard.button(wizard.WizardButton.FinishButton).click()
    finish_work(wizard, settle)
    page = wizard.import_page
    assert page.problems_label.text() == ""
    warnings = page.warnings_label.text().splitlines()
    assert warnings[0] == "Mit Hinweis importiert:"
    assert f"Zeile {ROW_OF['Vogel']}: teilt die Adresse {INFO} mit Zeile 3" in warnings
    with db.read_session() as session:
        statuses = dict(session.execute(select(Person.given_name, Attendance.status)
                                        .join(Attendance)).all())
        assert statuses["Eva"] == "attended" and statuses["Bernd"] == "attended"
        assert statuses["Petra"] == "cancelled" and len(statuses) == 7
        assert session.scalar(select(func.count()).select_from(EmailAddress).where(
            EmailAddress.address == INFO)) == 3
        assert remembered_status_words(session) == {"vip": "attended"}


def test_an_unplaced_word_imports_with_the_default_status_and_a_warning(
        qtbot, db, export_file, settle):
    from spreadsheet_fixtures import ROW_OF

    wizard = wizard_at_columns(qtbot, db, export_file("pretix", "xlsx"), settle)
    target = wizard.mapping_page.target
    target.to_event.setChecked(True)
    target.status.setCurrentIndex(target.status.findData("cancelled"))
    wizard.next()
    finish_work(wizard, settle)
    wizard.next()
    wizard.button(wizard.WizardButton.FinishButton).click()
    finish_work(wizard, settle)
    assert (f"Zeile {ROW_OF['Sommer']}: Teilnahmestatus „Gästeliste“ unbekannt: als "
            "„abgesagt“ importiert") in wizard.import_page.warnings_label.text()
    with db.read_session() as session:
        statuses = dict(session.execute(select(Person.given_name, Attendance.status)
                                        .join(Attendance)).all())
    assert statuses["Eva"] == "cancelled" and statuses["Anna"] == "registered"
