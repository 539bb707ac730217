"""Files of personal data the window writes are readable by the user alone (0600)."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QFileDialog

from defence_dir.lists.consent import Consent, ConsentSource, subscribe


@pytest.fixture(autouse=True)
def usual_umask() -> Iterator[None]:
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def _mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize("name,chosen", [("auskunft.json", "JSON (*.json)"),
                                         ("auskunft.xlsx", "Excel-Arbeitsmappe (*.xlsx)")])
def test_access_reports_are_private(window, settle, tmp_path, monkeypatch, name, chosen):
    window.go_to("person", 2)
    settle(window)
    target = tmp_path / name
    target.write_bytes(b"old")
    target.chmod(0o644)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), chosen))
    window.privacy.export_action.trigger()
    assert target.stat().st_size > 3 and _mode(target) == 0o600


def test_the_mail_merge_file_is_private(window, db, ids, settle, qtbot, tmp_path, monkeypatch):
    list_id, _, persons = ids
    with db.session() as session:
        subscribe(session, list_id, persons["Stein"], Consent(ConsentSource.FORM, "Formular"))
    window.go_to("list", list_id)
    settle(window)
    target = tmp_path / "serienbrief.xlsx"
    monkeypatch.setattr(window.collections.mailing, "ask_save_path", lambda name: str(target))
    window.collections.panel.export_button.click()
    window.collections.mailing.jobs.wait(5000)
    qtbot.waitUntil(lambda: "serienbrief.xlsx" in window.statusBar().currentMessage(),
                    timeout=5000)
    assert _mode(target) == 0o600


def test_the_import_report_is_private(qtbot, db, attendee_xlsx, settle, tmp_path):
    from defence_dir.ui.imports.spreadsheet_wizard import SpreadsheetWizard

    wizard = SpreadsheetWizard(None, db)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.open_file(str(attendee_xlsx))
    wizard.worker.wait()
    settle()
    wizard.next()
    wizard.next()
    wizard.worker.wait()
    settle()
    wizard.next()
    wizard.button(wizard.WizardButton.FinishButton).click()
    wizard.worker.wait()
    settle()
    report = tmp_path / "bericht.xlsx"
    assert wizard.import_result is not None
    wizard.import_page.write_report(report)
    wizard.worker.wait()
    settle()
    assert report.stat().st_size > 0 and _mode(report) == 0o600
