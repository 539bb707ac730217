"""The detail pane's duplicate hint and the import previews' "possibly the same person"."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from defence_dir.duplicates.service import Lane, SimilarPerson
from defence_dir.ui.duplicates.draft_comparison import DraftComparison
from defence_dir.ui.imports.spreadsheet_wizard import SpreadsheetWizard
from defence_dir.ui.vcard.import_dialog import ImportDialog


def hint_label(window) -> QLabel | None:
    label = window.detail.findChild(QLabel, "duplicateHintText")
    return label if label is not None and label.isVisible() else None


def test_detail_pane_names_a_likely_duplicate_and_opens_the_comparison(qtbot, window, core):
    a, b = core.ids[:2]
    window.go_to("person", a)
    qtbot.waitUntil(lambda: hint_label(window) is not None, timeout=5000)
    label = hint_label(window)
    assert label.text() == "Mögliche Dublette: Juergen Mueller"
    assert label.textFormat() == Qt.TextFormat.PlainText
    window.detail.findChild(QPushButton, "duplicateHintCompare").click()
    finder = window.duplicates.finder
    qtbot.waitUntil(lambda: finder.comparison is not None, timeout=5000)
    assert finder.isVisible() and not finder.searching  # one group, no whole search
    assert finder.comparison.ids == (a, b)
    assert finder.lanes.tabText(0) == "Sicher (1)"


def test_no_hint_for_a_mere_possibility(qtbot, window, core):
    window.go_to("person", core.ids[6])  # only in the "possible" lane
    window.duplicates.hints.jobs.wait()
    for _ in range(5):
        QApplication.processEvents()
    assert hint_label(window) is None


def spreadsheet(tmp_path: Path) -> Path:
    path = tmp_path / "teilnehmer.csv"
    path.write_text("Titel;Vorname;Nachname;E-Mail;Organisation\n"
                    "Dr.;Jürgen;Müller-Lüdenscheidt;jml@fraunhofer.example;Fraunhofer FKIE\n"
                    "Prof.;Änne;Schäfer;aenne.schaefer@rwth.example;RWTH Aachen\n",
                    encoding="utf-8")
    return path


def test_spreadsheet_preview_marks_a_row_like_an_existing_person(qtbot, db, core, tmp_path,
                                                                 settle):
    core.similar = {0: [SimilarPerson(core.ids[0], 88, Lane.LIKELY, ("Name gleich",))]}
    wizard = SpreadsheetWizard(None, db)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.open_file(str(spreadsheet(tmp_path)))
    wizard.worker.wait()
    settle()
    wizard.next()
    wizard.next()
    wizard.worker.wait()
    settle()
    page = wizard.preview_page
    qtbot.waitUntil(lambda: bool(page.model.similar), timeout=5000)
    # Only rows the import would create: Änne Schäfer is matched already.
    assert [d.family_name for d in core.drafts] == ["Müller-Lüdenscheidt"]
    details = page.model.index(0, 3).data()
    assert details.startswith("≈ möglicherweise dieselbe Person wie Dr. Jürgen Müller")
    assert "≈" not in page.model.index(1, 3).data()
    button = page.similar.button
    assert button.isVisible()
    page.table.setCurrentIndex(page.model.index(1, 1))
    assert not button.isEnabled()
    page.table.setCurrentIndex(page.model.index(0, 1))
    assert button.isEnabled()
    dialog = page.similar.compare_current()
    assert isinstance(dialog, DraftComparison)
    view = dialog.view
    assert view.horizontalHeaderItem(1).text() == "Im Verzeichnis: Dr. Jürgen Müller"
    assert view.horizontalHeaderItem(2).text() == \
        "In der Datei: Dr. Jürgen Müller-Lüdenscheidt"
    assert view.cell_text("family_name", 0) == "Müller"
    assert view.cell_text("family_name", 1) == "Müller-Lüdenscheidt"
    assert view.label_text("family_name").startswith("≠ ")
    assert not view.label_text("title").startswith("≠")  # "Dr." in both
    assert view.cell_text("organisation", 1) == "Fraunhofer FKIE"
    assert "✔" not in view.cell_text("title", 0)  # read-only: nothing to choose
    dialog.close()


def test_vcard_preview_marks_a_new_card_like_an_existing_person(qtbot, db, core, tmp_path):
    core.similar = {0: [SimilarPerson(core.ids[4], 93, Lane.CERTAIN, ("Name gleich",))]}
    source = tmp_path / "outlook.vcf"
    source.write_bytes("BEGIN:VCARD\r\nVERSION:3.0\r\nN:Weiss;Björn;;;\r\nFN:Björn Weiss\r\n"
                       "ORG:Rheinmetall AG\r\nEMAIL:bjoern.weiss@rheinmetall.example\r\n"
                       "END:VCARD\r\n".encode())
    dialog = ImportDialog(None, db, source)
    qtbot.addWidget(dialog)
    dialog.wait()
    qtbot.waitUntil(lambda: bool(dialog.model.similar), timeout=5000)
    assert dialog.model.index(0, 3).data() == "≈ möglicherweise dieselbe Person wie Björn Weiß"
    dialog.table.setCurrentIndex(dialog.model.index(0, 1))
    compared = dialog.similar.compare_current()
    assert compared is not None
    assert compared.view.cell_text("family_name", 0) == "Weiß"
    assert compared.view.cell_text("family_name", 1) == "Weiss"
    compared.close()
