"""The wizard's first page: the file, its sheet and header row, CSV encoding and delimiter."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizardPage,
)

from defence_dir.errors import DefenceDirError
from defence_dir.imports.spreadsheet.cleaning import text_of
from defence_dir.imports.spreadsheet.columns import find_header_row
from defence_dir.imports.spreadsheet.reading import TableFile, read_table_file
from defence_dir.ui.common.messages import show_busy_text, show_error_text
from defence_dir.ui.imports.wizard_host import WizardHost, modified_time

PREVIEW_ROWS = 8


class FilePage(QWizardPage):
    def __init__(self, wizard: WizardHost) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("File"))
        self.setSubTitle(self.tr("Excel (.xlsx, .xls), OpenDocument (.ods) or CSV as Excel "
                                 "saves it; choose it or drop it here. The header row is found "
                                 "below title rows."))
        self.path = QLineEdit()
        self.path.setObjectName("path")
        self.path.setReadOnly(True)
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self.choose)
        self.sheet = QComboBox()
        self.sheet.setObjectName("sheet")
        self.sheet.currentIndexChanged.connect(lambda _i: self.sheet_changed())
        self.header_row = QSpinBox()
        self.header_row.setObjectName("headerRow")
        self.header_row.setMinimum(1)
        self.header_row.valueChanged.connect(lambda _v: self.show_sample())
        self.encoding = QComboBox()
        self.encoding.setEditable(True)
        self.encoding.addItems(["", "utf-8", "utf-8-sig", "cp1252", "latin-1", "utf-16"])
        self.delimiter = QComboBox()
        self.delimiter.addItem("", None)
        for label, value in ((self.tr("Semicolon ;"), ";"), (self.tr("Comma ,"), ","),
                             (self.tr("Tab"), "\t")):
            self.delimiter.addItem(label, value)
        self.encoding.currentTextChanged.connect(lambda _t: self.load())
        self.delimiter.currentIndexChanged.connect(lambda _i: self.load())
        self.sample = QTableWidget()
        self.sample.setObjectName("sample")
        self.sample.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("File"), row)
        form.addRow(self.tr("Sheet"), self.sheet)
        form.addRow(self.tr("Header row"), self.header_row)
        form.addRow(self.tr("CSV encoding"), self.encoding)
        form.addRow(self.tr("CSV delimiter"), self.delimiter)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.sample, 1)
        layout.addWidget(self.status)

    def choose(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Import a spreadsheet"), "",
            self.tr("Spreadsheets (*.xlsx *.xlsm *.xlsb *.xls *.ods *.csv *.txt)"))
        if path:
            self.open_file(path)

    def open_file(self, path: str) -> None:
        self.path.setText(path)
        self.load()

    def load(self) -> None:
        if not self.path.text():
            return
        path = Path(self.path.text())
        encoding = self.encoding.currentText().strip() or None
        delimiter = self.delimiter.currentData()
        show_busy_text(self.status, self.tr("Reading {name} …").format(name=path.name))
        self.w.table = self.w.released = None
        self.completeChanged.emit()
        wizard = self.w

        def read() -> TableFile:
            # The time of this reading: an import that fails later reads the file again and
            # refuses it if it changed since, as header row and columns were chosen for it.
            wizard.table_modified = modified_time(path)
            return read_table_file(path, encoding=encoding, delimiter=delimiter)
        self.w.worker.call(read, self.loaded)

    def loaded(self, result: object) -> None:
        if isinstance(result, DefenceDirError):
            show_error_text(self.status, str(result))
            self.completeChanged.emit()
            return
        assert isinstance(result, TableFile)
        self.w.table = result
        self.sheet.blockSignals(True)
        self.sheet.clear()
        for sheet in result.sheets:
            self.sheet.addItem(self.tr("{name} ({rows} rows)").format(name=sheet.name,
                                                                     rows=len(sheet.rows)),
                               sheet.name)
        default = result.sheet(None).name
        self.sheet.setCurrentIndex(max(0, self.sheet.findData(default)))
        self.sheet.blockSignals(False)
        csv = result.encoding is not None
        self.encoding.setEnabled(csv)
        self.delimiter.setEnabled(csv)
        status = self.tr("Read.")
        if csv:
            status = self.tr("Read as {encoding}, delimiter “{delimiter}”.").format(
                encoding=result.encoding, delimiter="Tab" if result.delimiter == "\t"
                else result.delimiter)
        show_busy_text(self.status, status)
        self.sheet_changed()
        self.w.load_directory()

    def read_again(self, result: object) -> None:
        """The file read again after a failed import (see SpreadsheetWizard.release_table)."""
        if isinstance(result, DefenceDirError):
            show_error_text(self.status, str(result))
        self.completeChanged.emit()

    def rows(self) -> list[list[Any]]:
        if self.w.table is None:
            return []
        return self.w.table.sheet(self.sheet.currentData()).rows

    def sheet_changed(self) -> None:
        rows = self.rows()
        self.header_row.blockSignals(True)
        self.header_row.setMaximum(max(1, len(rows)))
        self.header_row.setValue(find_header_row(rows) + 1 if rows else 1)
        self.header_row.blockSignals(False)
        self.show_sample()
        self.completeChanged.emit()

    def show_sample(self) -> None:
        rows = self.rows()
        start = self.header_row.value() - 1
        shown = rows[start:start + PREVIEW_ROWS + 1]
        width = max((len(r) for r in shown), default=0)
        self.sample.clear()
        self.sample.setRowCount(len(shown))
        self.sample.setColumnCount(width)
        self.sample.setVerticalHeaderLabels([str(start + 1 + i) for i in range(len(shown))])
        for r, cells in enumerate(shown):
            for c, cell in enumerate(cells):
                item = QTableWidgetItem(text_of(cell))
                if r == 0:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.sample.setItem(r, c, item)

    def isComplete(self) -> bool:
        return self.w.table is not None and bool(self.rows())
