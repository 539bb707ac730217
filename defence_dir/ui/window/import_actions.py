"""The window's ways in for data: vCard files, spreadsheets, and undoing an import."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog

from defence_dir.ui.common.host import WindowHost
from defence_dir.ui.vcard.import_dialog import ImportDialog


class ImportActions(QObject):
    """Each import may add organisations, persons and lists: afterwards the window refreshes
    everything (data_changed with kind "organisation" reloads the filter choices too)."""

    def __init__(self, host: WindowHost) -> None:
        super().__init__(host.window())
        self.host = host

    def import_vcards(self, path: str | None = None) -> None:
        if path is None:
            path, _filter = QFileDialog.getOpenFileName(self.host.window(),
                                                        self.tr("Import vCards"), "",
                                                        self.tr("vCard (*.vcf *.vcard)"))
        if not path:
            return
        try:
            dialog = ImportDialog(self.host.window(), self.host.database, Path(path))
        except OSError as exc:
            self.host.report_error(str(exc.strerror or exc))
            return
        if self.host.run_dialog(dialog) and dialog.batch_id is not None:
            self.host.data_changed.emit("organisation", [])
            self.host.statusBar().showMessage(dialog.summary.text(), 8000)

    def import_spreadsheet(self, path: str | None = None) -> None:
        from defence_dir.ui.imports.spreadsheet_wizard import SpreadsheetWizard

        wizard = SpreadsheetWizard(self.host.window(), self.host.database)
        if path:
            wizard.file_page.open_file(path)
        if self.host.run_dialog(wizard) and wizard.import_result is not None:
            self.host.data_changed.emit("organisation", [])
            self.host.statusBar().showMessage(wizard.summary(), 10000)
        elif wizard.import_result is not None:  # closed with the window's close button
            self.host.data_changed.emit("organisation", [])
        wizard.delete_when_idle()  # not kept with the window until it closes

    def undo_an_import(self) -> None:
        from defence_dir.ui.imports.imports_dialog import ImportsDialog

        dialog = ImportsDialog(self.host.window(), self.host.database)
        self.host.run_dialog(dialog)
        if dialog.changed:
            self.host.data_changed.emit("organisation", [])
        dialog.deleteLater()
