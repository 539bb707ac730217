"""The vCard import preview shows remarks on cards apart from refusals, as plain text."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from defence_dir.ui.vcard.import_dialog import ImportDialog

PHOTO = "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQ" * 20


def test_photos_and_encoding_fallbacks_are_warnings_not_refusals(qtbot, db, tmp_path: Path):
    source = tmp_path / "iphone.vcf"
    source.write_bytes(
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nN:Ertl-J\xc3\xa4ger;Eva;;;\r\nFN:Eva Ertl-J\xc3\xa4ger\r\n"
        b"EMAIL:eva.ertl@example.org\r\nPHOTO;ENCODING=b;TYPE=JPEG:" + PHOTO[:60].encode()
        + b"".join(b"\r\n " + PHOTO[i:i + 74].encode() for i in range(60, len(PHOTO), 74))
        + b"\r\nEND:VCARD\r\n"
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nN:Sch\xe4fer;J\xf6rg;;;\r\n"
        b"EMAIL:joerg@example.org\r\nEND:VCARD\r\n"
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nN:Kaputt;Karl;;;\r\nEMAIL:karl@@x\r\n"
        b"PHOTO;ENCODING=b:AAAA\r\nEND:VCARD\r\n")
    dialog = ImportDialog(None, db, source)
    qtbot.addWidget(dialog)
    dialog.wait()
    rows = [[dialog.table.model().index(r, c).data() for c in range(5)]
            for r in range(dialog.table.model().rowCount())]
    headers = [dialog.table.model().headerData(c, Qt.Orientation.Horizontal) for c in range(5)]
    assert headers == ["Karte", "Name", "Ergebnis", "Einzelheiten", "Hinweise"]
    assert rows[0][2:] == ["neu", "", "Foto nicht übernommen"]
    assert rows[1][1:3] == ["Jörg Schäfer", "neu"]  # no FN: named by its N
    assert rows[1][4] == "Zeile 28 ist kein UTF-8; als Windows-1252 gelesen"
    assert rows[2][2] == "ungültig" and "karl@@x" in rows[2][3]
    assert rows[2][4] == ""  # a refused card's photo is beside the point
    assert dialog.summary.text() == "neu: 2, ungültig: 1 — 2 Karten mit Hinweis (siehe Hinweise)."
    assert dialog.import_button.isEnabled()


def test_a_legacy_file_names_its_encoding_in_the_summary(qtbot, db, tmp_path: Path):
    source = tmp_path / "outlook.vcf"
    source.write_bytes("BEGIN:VCARD\r\nVERSION:2.1\r\nN:Müller;Jürgen\r\nFN:Jürgen Müller\r\n"
                       "END:VCARD\r\n".encode("cp1252"))
    dialog = ImportDialog(None, db, source)
    qtbot.addWidget(dialog)
    dialog.wait()
    assert dialog.table.model().index(0, 1).data() == "Jürgen Müller"
    assert dialog.table.model().index(0, 4).data() == ""
    assert dialog.summary.text() == ("neu: 1 — Die Datei ist nicht in UTF-8; sie wurde als "
                                     "Windows-1252 gelesen.")


def test_the_import_runs_in_the_worker_and_closing_afterwards_counts_as_done(qtbot, db,
                                                                            tmp_path: Path):
    source = tmp_path / "eine.vcf"
    source.write_bytes(b"BEGIN:VCARD\r\nVERSION:3.0\r\nN:Ertl;Eva;;;\r\nFN:Eva Ertl\r\n"
                       b"EMAIL:eva.ertl@example.org\r\nEND:VCARD\r\n")
    dialog = ImportDialog(None, db, source)
    qtbot.addWidget(dialog)
    assert not dialog.import_button.isEnabled()  # until the preview is there
    dialog.wait()
    assert dialog.import_button.isEnabled()
    dialog.run_import()
    assert dialog.importing  # the answer comes with the GUI thread's next events
    assert not dialog.import_button.isEnabled() and not dialog.mode.isEnabled()
    dialog.wait()
    assert dialog.summary.text() == "Import abgeschlossen: 1 neu, 0 aktualisiert, 0 unverändert."
    dialog.reject()  # Escape or the window's close button: the import is done all the same
    assert dialog.result() == dialog.DialogCode.Accepted and dialog.batch_id is not None
