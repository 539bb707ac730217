"""vCards from the window: export dialog, copy, drag data, QR code, import preview."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel
from sqlalchemy import func, select

from defence_dir.data.models import Person
from defence_dir.ui.vcard.export_dialog import ExportDialog
from defence_dir.ui.vcard.import_dialog import ImportDialog
from defence_dir.ui.vcard.qr_dialog import QrDialog


def test_export_dialog_writes_the_current_search_result(window, type_search, settle, qtbot,
                                                         tmp_path: Path, monkeypatch):
    type_search("nmwp")
    target = tmp_path / "nmwp.vcf"
    seen = {}

    def drive(dialog):
        assert isinstance(dialog, ExportDialog)
        scopes = [dialog.scope.itemText(i) for i in range(dialog.scope.count())]
        seen["scopes"] = scopes
        dialog.scope.setCurrentIndex(scopes.index("Das aktuelle Suchergebnis"))
        dialog.target.setText(str(target))
        dialog.start_export()
        qtbot.waitUntil(lambda: dialog.result() != 0 or "kann" in dialog.status.text(),
                        timeout=5000)
        return dialog.result() == dialog.DialogCode.Accepted
    monkeypatch.setattr(window, "run_dialog", drive)
    window.menus.export_action.trigger()
    data = target.read_bytes()
    assert data.count(b"BEGIN:VCARD") == 2
    assert b"FN:Dr. Matthias Grosch" in data and b"FN:Dr.-Ing. Harald Cremer" in data
    assert window.statusBar().currentMessage() == f"2 Personen nach {target} exportiert."


def test_outlook_export_to_a_single_file_is_explained(window, qtbot, tmp_path: Path,
                                                     monkeypatch):
    def drive(dialog):
        dialog.profile_buttons.button(1).setChecked(True)  # Outlook
        dialog.target.setText(str(tmp_path / "alle.vcf"))
        dialog.start_export()
        qtbot.waitUntil(lambda: "Outlook" in dialog.status.text(), timeout=5000)
        return False
    monkeypatch.setattr(window, "run_dialog", drive)
    window.menus.export_action.trigger()
    assert not (tmp_path / "alle.vcf").exists()


def test_copy_as_vcard_and_drag_data(window, type_search, settle):
    type_search("schnitz")
    window.table.selectRow(0)
    settle(window)
    window.menus.copy_vcard_action.trigger()
    mime = QGuiApplication.clipboard().mimeData()
    data, text = bytes(mime.data("text/vcard")), mime.text()
    del mime  # the clipboard owns it; a Python handle must not outlive it
    assert data.startswith(b"BEGIN:VCARD\r\nVERSION:3.0\r\n")
    assert "juergen.schnitzmeier@zenit.eu" in text
    model = window.models["persons"]
    drag = model.mimeData([model.index(0, 0)])
    file = Path(drag.urls()[0].toLocalFile())
    assert file.name == "Jürgen Schnitzmeier.vcf" and file.read_bytes() == data
    assert file.stat().st_mode & 0o077 == 0  # personal data: readable by the user alone
    # A second drag replaces the first file in the same folder: cards do not pile up in /tmp.
    type_search("")
    second = Path(model.mimeData([model.index(1, 0)]).urls()[0].toLocalFile())
    assert second.parent == file.parent and not file.exists()
    assert list(second.parent.iterdir()) == [second]


def test_qr_code_of_a_person(window, type_search, settle, monkeypatch):
    type_search("grosch")
    window.table.selectRow(0)
    settle(window)
    shown = []
    monkeypatch.setattr(window, "run_dialog", lambda dialog: shown.append(dialog) or True)
    window.menus.qr_action.trigger()
    assert isinstance(shown[0], QrDialog)
    picture = shown[0].findChild(QLabel, "qrPicture")
    assert picture is not None and not picture.pixmap().isNull()
    assert picture.pixmap().width() > 100


def test_import_preview_then_import(window, settle, db, tmp_path: Path, monkeypatch):
    source = tmp_path / "messe.vcf"
    source.write_bytes(
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nN:Ertl;Eva;;;\r\nFN:Eva Ertl\r\n"
        b"EMAIL:eva.ertl@example.org\r\nEND:VCARD\r\n"
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nbroken line\r\nEND:VCARD\r\n")
    seen = {}

    def drive(dialog):
        assert isinstance(dialog, ImportDialog)
        dialog.wait()  # the preview is planned in a worker
        seen["rows"] = [[dialog.table.model().index(r, c).data() for c in range(4)]
                        for r in range(dialog.table.model().rowCount())]
        with db.read_session() as session:  # the preview wrote nothing
            seen["before"] = session.scalar(select(func.count()).select_from(Person))
        dialog.run_import()
        dialog.wait()
        seen["report"] = dialog.summary.text()  # shown until the user closes the dialog
        dialog.buttons.button(dialog.buttons.StandardButton.Close).click()
        return dialog.result() == dialog.DialogCode.Accepted
    monkeypatch.setattr(window, "run_dialog", drive)
    window.imports.import_vcards(str(source))
    settle(window)
    assert seen["rows"][0][1:3] == ["Eva Ertl", "neu"]
    assert seen["rows"][1][2] == "ungültig"
    assert seen["before"] == 6
    assert seen["report"] == ("Import abgeschlossen: 1 neu, 0 aktualisiert, 0 unverändert. "
                              "Nicht importiert: 1 ungültig.")
    assert window.statusBar().currentMessage() == seen["report"]
    assert "Eva Ertl" in [window.table.model().index(r, 0).data()
                          for r in range(window.table.model().rowCount())]
