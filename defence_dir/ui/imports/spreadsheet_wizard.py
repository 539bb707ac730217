"""The spreadsheet import wizard: file and sheet, columns, row-by-row preview, target, import.

Reading, planning and writing run in a worker thread (a 100,000-row file takes seconds); the
pages show a busy state meanwhile and a newer request makes an older answer moot.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)
from sqlalchemy import select

from defence_dir.data.database import Database
from defence_dir.data.models import AttendanceStatus, DistributionList, Event
from defence_dir.errors import DefenceDirError, ValidationError
from defence_dir.gc_pause import thaw
from defence_dir.imports.spreadsheet.cleaning import StatusReading, text_of
from defence_dir.imports.spreadsheet.columns import (
    EVENT_ONLY,
    FIELDS,
    IGNORE,
    TO_NOTES,
    ColumnMapping,
    find_header_row,
    guess_mapping,
    remember_mapping,
    remember_status_words,
    remembered_status_words,
    status_key,
)
from defence_dir.imports.spreadsheet.planning import (
    KnownDirectory,
    MatchChoice,
    RowAction,
    RowPlan,
    SpreadsheetPlan,
    plan_rows,
)
from defence_dir.imports.spreadsheet.reading import TableFile, read_table_file
from defence_dir.imports.spreadsheet.writing import ImportTarget, SpreadsheetResult, apply_plan
from defence_dir.records.persons import field_label
from defence_dir.ui.common.jobs import Jobs
from defence_dir.ui.common.messages import show_busy_text, show_error_text
from defence_dir.ui.imports.import_preview_model import (
    CHOICE,
    DETAILS,
    NAME,
    RESULT,
    ROW,
    ChoiceDelegate,
    PreviewModel,
)
from defence_dir.ui.lists.members_view import status_text

PREVIEW_ROWS = 8
FIRST_ROWS = 1000  # previewed at once; the rest of a large file follows


def _modified(path: Path) -> float | None:
    try:
        return path.stat().st_mtime
    except OSError:
        return None


# One context for these labels wherever they are shown: `page.tr` in a module function had
# the context "page" in the catalogue but the page's class at run time, so they stayed English.
_FIELD_LABELS = {
    "salutation": QT_TRANSLATE_NOOP("ImportFields", "Salutation"),
    "title": QT_TRANSLATE_NOOP("ImportFields", "Academic title"),
    "given_name": QT_TRANSLATE_NOOP("ImportFields", "Given name"),
    "middle_name": QT_TRANSLATE_NOOP("ImportFields", "Middle name"),
    "family_name": QT_TRANSLATE_NOOP("ImportFields", "Family name"),
    "name_suffix": QT_TRANSLATE_NOOP("ImportFields", "Name suffix"),
    "full_name": QT_TRANSLATE_NOOP("ImportFields", "Full name (given family)"),
    "full_name_reversed": QT_TRANSLATE_NOOP("ImportFields", "Full name (family, given)"),
    "email": QT_TRANSLATE_NOOP("ImportFields", "Email"),
    "phone": QT_TRANSLATE_NOOP("ImportFields", "Phone (work)"),
    "mobile": QT_TRANSLATE_NOOP("ImportFields", "Mobile"),
    "organisation": QT_TRANSLATE_NOOP("ImportFields", "Organisation"),
    "function": QT_TRANSLATE_NOOP("ImportFields", "Function"),
    "department": QT_TRANSLATE_NOOP("ImportFields", "Department"),
    "city": QT_TRANSLATE_NOOP("ImportFields", "City (to notes)"),
    "notes": QT_TRANSLATE_NOOP("ImportFields", "Notes"),
    "status": QT_TRANSLATE_NOOP("ImportFields", "Attendance status"),
    "attended": QT_TRANSLATE_NOOP("ImportFields", "Attended (yes/no)"),
    "consent": QT_TRANSLATE_NOOP("ImportFields", "Consent"),
    TO_NOTES: QT_TRANSLATE_NOOP("ImportFields", "(to notes)"),
    IGNORE: QT_TRANSLATE_NOOP("ImportFields", "(ignore)"),
}


def field_labels(_page: QWidget | None = None) -> dict[str, str]:
    return {key: QCoreApplication.translate("ImportFields", text)
            for key, text in _FIELD_LABELS.items()}


def status_labels(_page: QWidget | None = None) -> dict[str, str]:
    """An attendance status as the members panel names it."""
    return {status.value: status_text(status.value) for status in AttendanceStatus}


class FilePage(QWizardPage):
    def __init__(self, wizard: SpreadsheetWizard) -> None:
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
            wizard.table_modified = _modified(path)
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


class TargetChoice(QGroupBox):
    """Where the persons go: the directory only, a distribution list or an event (with the
    status for rows without a known one). Chosen before the columns, as a status column is
    read only for an event."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Import into"))
        self.group = QButtonGroup(self)
        self.directory_only = QRadioButton(self.tr("Directory only"))
        self.to_list = QRadioButton(self.tr("Also to the distribution list"))
        self.to_event = QRadioButton(self.tr("Also as attendees of the event"))
        for index, button in enumerate((self.directory_only, self.to_list, self.to_event)):
            self.group.addButton(button, index)
        self.directory_only.setChecked(True)
        self.lists = QComboBox()
        self.lists.setObjectName("lists")
        self.events = QComboBox()
        self.events.setObjectName("events")
        self.status = QComboBox()
        self.status.setObjectName("status")
        for value, label in status_labels(self).items():
            self.status.addItem(label, value)
        self.status_label = QLabel(self.tr("Status for rows without a known one"))
        form = QFormLayout(self)
        form.addRow(self.directory_only)
        form.addRow(self.to_list, self.lists)
        form.addRow(self.to_event, self.events)
        form.addRow(self.status_label, self.status)
        self.group.idToggled.connect(lambda _id, on: on and self._changed())
        self.status.currentIndexChanged.connect(lambda _i: self._changed())
        self._changed()

    def _changed(self) -> None:
        event = self.to_event.isChecked()
        self.status.setEnabled(event)
        self.status_label.setEnabled(event)
        self.changed.emit()

    def load(self, lists: list[tuple[int, str]], events: list[tuple[int, str]]) -> None:
        """Fill the combos, keeping what was chosen."""
        for combo, items in ((self.lists, lists), (self.events, events)):
            chosen = combo.currentData()
            combo.clear()
            for item_id, name in items:
                combo.addItem(name, item_id)
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
        self.to_list.setEnabled(bool(lists))
        self.to_event.setEnabled(bool(events))

    def is_event(self) -> bool:
        return self.to_event.isChecked() and self.events.currentData() is not None

    def target(self) -> ImportTarget:
        if self.to_list.isChecked():
            return ImportTarget(list_id=self.lists.currentData())
        if self.to_event.isChecked():
            return ImportTarget(event_id=self.events.currentData(),
                                status_for_all=self.status.currentData())
        return ImportTarget()

    def describe(self) -> str:
        if self.to_list.isChecked():
            return self.tr("Into the directory and the distribution list “{name}”.").format(
                name=self.lists.currentText())
        if self.to_event.isChecked():
            return self.tr("Into the directory and as attendees of “{name}”.").format(
                name=self.events.currentText())
        return self.tr("Into the directory only.")


class MappingPage(QWizardPage):
    def __init__(self, wizard: SpreadsheetWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("Target and columns"))
        self.setSubTitle(self.tr("Where the persons go, and which field each column holds. "
                                 "Recognised from German and English headings; correct what "
                                 "is wrong."))
        self.target = TargetChoice()
        self.target.setObjectName("target")
        self.target.changed.connect(self.show_event_columns)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("mapping")
        self.table.setHorizontalHeaderLabels([self.tr("Column"), self.tr("Example"),
                                              self.tr("Field")])
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.remember = QCheckBox(self.tr("Offer this assignment (and the status words placed "
                                          "in the preview) again for files with the same "
                                          "columns"))
        self.remember.setChecked(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.target)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.remember)
        self.combos: list[QComboBox] = []

    def initializePage(self) -> None:
        rows = self.w.file_page.rows()
        header = self.w.file_page.header_row.value() - 1
        with self.w.database.read_session() as session:
            mapping = guess_mapping(rows[header], session)
            lists = [(i, n) for i, n in session.execute(
                select(DistributionList.id, DistributionList.name))]
            events = [(i, n) for i, n in session.execute(select(Event.id, Event.name))]
        self.target.load(lists, events)
        example = rows[header + 1] if header + 1 < len(rows) else []
        labels = field_labels(self)
        self.table.setRowCount(len(mapping.headings))
        self.combos = []
        for row, (heading, field) in enumerate(zip(mapping.headings, mapping.fields,
                                                   strict=True)):
            self.table.setItem(row, 0, QTableWidgetItem(heading))
            self.table.setItem(row, 1, QTableWidgetItem(
                text_of(example[row]) if row < len(example) else ""))
            combo = QComboBox()
            for key in (*FIELDS, TO_NOTES, IGNORE):
                combo.addItem(labels[key], key)
            combo.setCurrentIndex(max(0, combo.findData(field)))
            combo.currentIndexChanged.connect(lambda _i: self.show_event_columns())
            self.table.setCellWidget(row, 2, combo)
            self.combos.append(combo)
        self.table.resizeColumnToContents(0)
        self.table.setColumnWidth(2, 340)
        self.show_event_columns()

    def show_event_columns(self) -> None:
        """A status column is read only for an event: otherwise say that it is ignored."""
        event = self.target.is_event()
        labels = field_labels(self)
        for combo in self.combos:
            for key in EVENT_ONLY:
                index = combo.findData(key)
                combo.setItemText(index, labels[key] if event else self.tr(
                    "{field} – ignored (not an event)").format(field=labels[key]))
            combo.setToolTip("" if event or combo.currentData() not in EVENT_ONLY else self.tr(
                "A status is about an event: it is read only for an import into an event."))

    def mapping(self) -> ColumnMapping:
        headings = [self.table.item(r, 0).text() for r in range(self.table.rowCount())]
        return ColumnMapping(headings, [c.currentData() for c in self.combos])


class PreviewPage(QWizardPage):
    def __init__(self, wizard: SpreadsheetWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("Preview"))
        self.setSubTitle(self.tr("What each row will do. Nothing has been written yet."))
        self.threshold = QSpinBox()
        self.threshold.setObjectName("threshold")
        self.threshold.setRange(50, 100)
        self.threshold.setValue(90)
        self.threshold.setSuffix(" %")
        self.threshold.valueChanged.connect(lambda _v: self.plan())
        self.choice = QComboBox()
        self.choice.setObjectName("choice")
        for label, value in ((self.tr("fill empty fields"), MatchChoice.FILL),
                             (self.tr("overwrite"), MatchChoice.OVERWRITE),
                             (self.tr("skip"), MatchChoice.SKIP)):
            self.choice.addItem(label, value.value)
        self.choice.currentIndexChanged.connect(lambda _i: self.apply_choice_to_all())
        choices = {MatchChoice(self.choice.itemData(i)): self.choice.itemText(i)
                   for i in range(self.choice.count())}
        self.model = PreviewModel([self.tr("Row"), self.tr("Name"), self.tr("Result"),
                                   self.tr("Details"), self.tr("For this person")],
                                  self.labels(), choices, self.details, self)
        self.table = QTableView()
        self.table.setObjectName("preview")
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(CHOICE, ChoiceDelegate(choices, self.table))
        self.table.verticalHeader().hide()
        # Rows of one height: the view then need not measure 100,000 of them.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.CurrentChanged
                                   | QAbstractItemView.EditTrigger.SelectedClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(DETAILS, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(ROW, 60)
        self.table.setColumnWidth(NAME, 200)
        self.table.setColumnWidth(RESULT, 120)
        self.table.setColumnWidth(CHOICE, 170)
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        options = QHBoxLayout()
        options.addWidget(QLabel(self.tr("Name match from")))
        options.addWidget(self.threshold)
        options.addSpacing(20)
        options.addWidget(QLabel(self.tr("Persons already in the directory:")))
        options.addWidget(self.choice)
        options.addStretch(1)
        # Status words no synonym knows: placed here once per word (remembered on import).
        self.placed: dict[str, str | None] = {}
        self.shown: SpreadsheetPlan | None = None  # the plan on screen (maybe its first rows)
        self.words_note = QLabel()
        self.words_note.setObjectName("wordsNote")
        self.words_note.setWordWrap(True)
        self.words = QTableWidget(0, 3)
        self.words.setObjectName("statusWords")
        self.words.setHorizontalHeaderLabels([self.tr("Word in the file"), self.tr("Rows"),
                                              self.tr("Attendance status")])
        self.words.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.words.verticalHeader().hide()
        self.words.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.words.setColumnWidth(2, 260)
        self.words_note.hide()
        self.words.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(options)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.words_note)
        layout.addWidget(self.words)

    def initializePage(self) -> None:
        self.plan()

    def plan(self) -> None:
        """Preview the first rows at once, then all of them (a large file takes a while)."""
        header = self.w.file_page.header_row.value() - 1
        mapping = self.w.mapping_page.mapping()
        threshold = self.threshold.value()
        choice = MatchChoice(self.choice.currentData())
        name = Path(self.w.file_page.path.text()).name
        sheet = self.w.file_page.sheet.currentData()
        multiple = self.w.file_page.sheet.count() > 1
        database, wizard = self.w.database, self.w
        target = self.w.mapping_page.target
        event, default = target.is_event(), target.status.currentData()
        placed = {status_key(w): status for w, status in self.placed.items() if status}
        self.show_words(None)
        self.w.plan = None
        self.completeChanged.emit()
        show_busy_text(self.summary, self.tr("Comparing with the directory …"))

        def work(limit: int | None) -> Callable[[], SpreadsheetPlan]:
            def run() -> SpreadsheetPlan:
                wizard.directory_worker.wait()  # the directory loaded meanwhile, if it did
                table = wizard.table_in_worker()
                rows = table.sheet(sheet).rows if table is not None else []
                with database.read_session() as session:
                    if wizard.directory is None:
                        wizard.directory = KnownDirectory(session)
                    # A status is about an event: for the directory or a list it is ignored.
                    statuses = StatusReading(default, {**remembered_status_words(session),
                                                       **placed}) if event else None
                    part = rows if limit is None else rows[:header + 1 + limit]
                    return plan_rows(session, part, header, mapping, file_name=name,
                                     sheet=sheet if multiple else None, threshold=threshold,
                                     choice=choice, directory=wizard.directory,
                                     statuses=statuses)
            return run

        def first(result: object) -> None:
            more = self.w.table is not None and \
                len(self.w.table.sheet(sheet).rows) - header - 1 > FIRST_ROWS
            self.show_plan(result, final=not more)
            if more and not isinstance(result, DefenceDirError):
                show_busy_text(self.summary, self.summary.text() + " " + self.tr(
                    "(first {count} rows; the others follow …)").format(count=FIRST_ROWS))
                self.w.worker.call(work(None), lambda whole: self.show_plan(whole, final=True))
        self.w.worker.call(work(FIRST_ROWS), first)

    def labels(self) -> dict[RowAction, str]:
        return {RowAction.NEW: self.tr("new"), RowAction.MATCH: self.tr("already there"),
                RowAction.DUPLICATE: self.tr("duplicate in file"),
                RowAction.INVALID: self.tr("invalid"), RowAction.EMPTY: self.tr("empty")}

    def show_plan(self, result: object, *, final: bool = True) -> None:
        if isinstance(result, DefenceDirError):
            show_error_text(self.summary, str(result))
            return
        assert isinstance(result, SpreadsheetPlan)
        # Words placed while this plan was being made count for it too.
        result.place_statuses({w: s for w, s in self.placed.items() if s})
        self.w.plan = result if final else None
        self.shown = result
        self.model.set_rows(result.rows)
        self.show_summary(result)
        self.show_words(result)
        self.completeChanged.emit()

    def show_summary(self, plan: SpreadsheetPlan) -> None:
        """Counts per result; rows imported with a warning are counted apart (they are
        imported, unlike invalid rows)."""
        labels = self.labels()
        counts = plan.counts()
        text = ", ".join(f"{labels[RowAction(k)]}: {v}" for k, v in counts.items()
                         if v and k != RowAction.EMPTY.value)
        warned = sum(1 for r in plan.rows if r.remarks)
        if warned:
            text += " — " + self.tr("imported with a warning (⚠): {count}").format(
                count=warned)
        self.summary.setStyleSheet("")
        self.summary.setText(text)

    def show_words(self, plan: SpreadsheetPlan | None) -> None:
        """The table placing each status word nobody knows, once per word."""
        words = plan.unknown_statuses() if plan is not None else {}
        self.words.setRowCount(len(words))
        labels = status_labels(self)
        default = self.w.mapping_page.target.status.currentData()
        for row, (word, (count, status)) in enumerate(words.items()):
            self.words.setItem(row, 0, QTableWidgetItem(word))
            item = QTableWidgetItem(QLocale().toString(count))
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.words.setItem(row, 1, item)
            combo = QComboBox()
            combo.addItem(self.tr("not known: {status}, with a warning").format(
                status=labels[default]), None)
            for value, label in labels.items():
                combo.addItem(label, value)
            combo.setCurrentIndex(max(0, combo.findData(status)))
            combo.currentIndexChanged.connect(
                lambda _i, w=word, c=combo: self.place(w, c.currentData()))
            self.words.setCellWidget(row, 2, combo)
        self.words_note.setText(self.tr(
            "Status words of the file that are not known: choose what each one means. The "
            "choice is remembered for later imports."))
        self.words_note.setVisible(bool(words))
        self.words.setVisible(bool(words))
        # As tall as its rows (up to four; the preview above keeps the room).
        shown = min(max(1, len(words)), 4)
        self.words.setFixedHeight(self.words.horizontalHeader().sizeHint().height()
                                  + shown * self.words.verticalHeader().defaultSectionSize()
                                  + 2 * self.words.frameWidth())

    def place(self, word: str, status: str | None) -> None:
        """The user placed a status word: its rows get that status, without their warning."""
        self.placed[word] = status
        plan = self.w.plan
        if plan is None:
            return  # the whole file is still being previewed; it takes the choice on arrival
        plan.place_statuses({word: status})
        if self.model.rows:
            self.model.dataChanged.emit(self.model.index(0, 0),
                                        self.model.index(len(self.model.rows) - 1, CHOICE))
        self.show_summary(plan)

    def details(self, row: RowPlan) -> str:
        """Why a row is what it is: the problem, its warnings, the attendance status,
        differing fields, similarity."""
        status = ""
        statuses = self.shown.statuses if self.shown is not None else None
        if statuses is not None and row.action in (RowAction.NEW, RowAction.MATCH):
            status = self.tr("Status: {status}").format(status=status_labels(self)[
                row.status or statuses.default])
        return "; ".join(x for x in (
            row.reason, *(f"⚠ {remark}" for remark in row.remarks), status,
            *(f"{field_label(f)}: {o} → {n}" if o else f"{field_label(f)}: {n}"
              for f, o, n in row.differences),
            (self.tr("similarity {score} %").format(
                score=QLocale().toString(float(row.score), "f", 1))
             if row.score is not None else "")) if x)

    def apply_choice_to_all(self) -> None:
        self.model.set_choice_for_all(MatchChoice(self.choice.currentData()))

    def isComplete(self) -> bool:
        return self.w.plan is not None


class ImportPage(QWizardPage):
    """The import itself, in a worker, and its report."""

    def __init__(self, wizard: SpreadsheetWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("Import"))
        self.setSubTitle(self.tr("The persons are added as the preview shows. The import can "
                                 "be undone."))
        self.where = QLabel()
        self.where.setObjectName("where")
        self.where.setTextFormat(Qt.TextFormat.PlainText)
        self.where.setWordWrap(True)
        self.list_note = QLabel(self.tr("List members get the file name and row as proof of "
                                        "consent. Persons who unsubscribed are not added "
                                        "again; they are listed afterwards."))
        self.list_note.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setObjectName("progress")
        self.progress.hide()
        self.result_label = QLabel()
        self.result_label.setObjectName("result")
        self.result_label.setTextFormat(Qt.TextFormat.PlainText)
        self.result_label.setWordWrap(True)
        self.result_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        # Rows not imported and rows imported with a warning, side by side.
        self.problems_label, self.warnings_label = QLabel(), QLabel()
        self.problems_label.setObjectName("problems")
        self.warnings_label.setObjectName("warnings")
        results = QHBoxLayout()
        for label in (self.problems_label, self.warnings_label):
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            results.addWidget(label, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.where)
        layout.addWidget(self.list_note)
        layout.addWidget(self.progress)
        layout.addWidget(self.result_label)
        layout.addLayout(results, 1)
        self.save_report = QPushButton(self.tr("Save report…"))
        self.save_report.setObjectName("saveReport")
        self.save_report.clicked.connect(self.save_report_file)
        self.save_report.hide()
        self.saved = QLabel()
        self.saved.setObjectName("saved")
        self.saved.setTextFormat(Qt.TextFormat.PlainText)
        saving = QHBoxLayout()
        saving.addWidget(self.save_report)
        saving.addWidget(self.saved, 1)
        layout.addLayout(saving)
        self.report: dict[str, Any] | None = None

    def initializePage(self) -> None:
        self.where.setText(self.w.mapping_page.target.describe())
        self.list_note.setVisible(self.w.mapping_page.target.to_list.isChecked())
        if self.w.import_result is None:  # what the preview said will happen
            self.result_label.setStyleSheet("")
            self.result_label.setText(self.w.preview_page.summary.text())

    def validatePage(self) -> bool:
        """Import now (in a worker); the wizard closes when it is done."""
        if self.w.import_result is not None:
            return True
        if self.w.plan is None:
            return False
        plan, database = self.w.plan, self.w.database
        target = self.w.mapping_page.target.target()
        mapping, remember = self.w.mapping_page.mapping(), self.w.mapping_page.remember
        placed = {w: status for w, status in self.w.preview_page.placed.items() if status}
        self.w.button(QWizard.WizardButton.FinishButton).setEnabled(False)
        # Going back meanwhile would start a preview whose answer replaces the import's.
        self.w.button(QWizard.WizardButton.BackButton).setEnabled(False)
        show_busy_text(self.result_label, self.tr("Importing …"))
        self.progress.setRange(0, max(1, len(plan.rows)))
        self.progress.setValue(0)
        self.progress.show()
        self.w.cancel_requested = False
        keep = remember.isChecked()
        # What the import writes is in the plan now: the file's rows and the matching
        # directory can go (a preview after going back reads them again), which keeps the
        # import's peak lower (at 100,000 rows about 120 MB).
        self.w.directory = None
        self.w.release_table()

        def progress(done: int, total: int) -> bool:
            self.w.progress_signal.emit(done, total)  # queued to the GUI thread
            return not self.w.cancel_requested

        def work() -> tuple[SpreadsheetResult, dict[str, Any]]:
            from defence_dir.imports.spreadsheet.report import import_report

            with database.session() as session:  # a cancel rolls everything back
                if keep:
                    remember_mapping(session, mapping)
                    remember_status_words(session, placed)
                result = apply_plan(session, plan, target, progress)
            return result, import_report(plan, result)  # every row looked at: not here

        def done(result: object) -> None:
            self.w.button(QWizard.WizardButton.FinishButton).setEnabled(True)
            self.progress.hide()
            if isinstance(result, DefenceDirError):
                show_error_text(self.result_label, str(result))
                if self.w.cancel_requested:
                    self.w.reject()
                else:  # the user may go back to the preview: have the rows ready again
                    self.w.button(QWizard.WizardButton.BackButton).setEnabled(True)
                    self.w.worker.call(self.w.table_in_worker, self.w.file_page.read_again)
                return
            assert isinstance(result, tuple)
            self.w.import_result, self.report = result
            self.show_report()
        self.w.worker.call(work, done)
        return False

    def show_report(self) -> None:
        """Counts, the rows not imported (problems) and the rows imported with a warning,
        apart; all of them in the report that can be saved as .xlsx."""
        report = self.report
        assert report is not None
        self.result_label.setStyleSheet("")
        self.result_label.setText(self.w.summary())
        problems = report["problems"]
        self.problems_label.setText("\n".join([
            self.tr("Not imported:"), *self.report_lines(problems)]) if problems else "")
        warnings = report["warnings"]
        self.warnings_label.setText("\n".join([
            self.tr("Imported with a warning:"), *self.report_lines(warnings)])
            if warnings else "")
        self.save_report.show()
        self.w.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Close"))
        self.w.button(QWizard.WizardButton.BackButton).setEnabled(False)

    def report_lines(self, entries: list[dict[str, Any]]) -> list[str]:
        lines = [self.tr("Row {row}: {reason}").format(row=p["row"], reason=p["reason"])
                 if p["row"] else p["reason"] for p in entries[:12]]
        if len(entries) > 12:
            lines.append(self.tr("… and {count} more in the report").format(
                count=len(entries) - 12))
        return lines

    def save_report_file(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Save the import report"),
                                                    "import-bericht.xlsx",
                                                    self.tr("Excel (*.xlsx)"))
        if path:
            self.write_report(Path(path))

    def write_report(self, path: Path) -> None:
        """In the worker: a report of a large file has thousands of rows."""
        from defence_dir.imports.spreadsheet.report import write_report_xlsx

        plan, report = self.w.plan, self.report
        if plan is None or report is None:
            return
        self.save_report.setEnabled(False)

        def done(result: object) -> None:
            self.save_report.setEnabled(True)
            if isinstance(result, DefenceDirError):
                show_error_text(self.saved, str(result))
            else:
                self.saved.setStyleSheet("")
                self.saved.setText(self.tr("Report saved: {path}").format(path=path))
        self.w.worker.call(lambda: write_report_xlsx(path, plan, report), done)


class SpreadsheetWizard(QWizard):
    progress_signal = Signal(int, int)

    def __init__(self, parent: QWidget | None, database: Database) -> None:
        super().__init__(parent)
        self.cancel_requested = False
        self.setAcceptDrops(True)
        self.setObjectName("spreadsheetWizard")
        self.setWindowTitle(self.tr("Import a spreadsheet"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.resize(900, 620)
        self.database = database
        self.worker = Jobs(self, newest_only=True)
        self.table: TableFile | None = None
        self.released: tuple[Path, str | None, str | None, float | None] | None = None
        self.table_modified: float | None = None  # of the file when it was read
        self.plan: SpreadsheetPlan | None = None
        self.import_result: SpreadsheetResult | None = None
        self.directory: KnownDirectory | None = None
        self.directory_worker = Jobs(self, newest_only=True)
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.preview_page = PreviewPage(self)
        self.import_page = ImportPage(self)
        for page in (self.file_page, self.mapping_page, self.preview_page, self.import_page):
            self.addPage(page)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Import"))
        self.progress_signal.connect(
            lambda done, _total: self.import_page.progress.setValue(done))
        # Emitted when the wizard really closes (Finish also validates, and may not).
        self.finished.connect(self._release)

    def release_table(self) -> None:
        """Let go of the file's rows (the plan holds what is written); `table_in_worker`
        reads the file again with the same settings if it is needed once more."""
        if self.table is not None:
            self.released = (self.table.path, self.table.encoding, self.table.delimiter,
                             self.table_modified)
            self.table = None

    def table_in_worker(self) -> TableFile | None:
        """The file's tables, read again after `release_table` (in a worker: it takes a
        second for a large file; set here so a job queued after this one finds them)."""
        if self.table is None and self.released is not None:
            path, encoding, delimiter, modified = self.released
            if _modified(path) != modified:  # header row and columns were chosen for the old
                raise ValidationError(self.tr("{name} has changed since it was read; please "
                                              "open it again.").format(name=path.name))
            self.table = read_table_file(path, encoding=encoding, delimiter=delimiter)
            self.released = None
        return self.table

    def delete_when_idle(self) -> None:
        """deleteLater once no job runs: deleting a thread pool waits for its job, and the
        window would not answer meanwhile (a preview still running after Cancel)."""
        if any(w.pool.activeThreadCount() for w in (self.worker, self.directory_worker)):
            QTimer.singleShot(200, self.delete_when_idle)
        else:
            thaw()  # what a job finishing after the close froze
            self.deleteLater()

    def load_directory(self) -> None:
        """Hold the directory's persons in memory for matching, loaded while the user checks
        the file and the columns, so the preview can appear at once."""
        if self.directory is not None:
            return
        database = self.database

        def work() -> KnownDirectory:
            with database.read_session() as session:
                # Set here, not when the answer reaches the GUI thread: a preview waiting
                # for this job reads it right after, before queued answers are delivered
                # (it loaded the whole directory a second time).
                self.directory = KnownDirectory(session)
                return self.directory

        # Nothing to do with the answer; after an error the preview loads the directory.
        self.directory_worker.call(work, lambda _result: None)

    def _release(self, _result: int) -> None:
        """Once closed, let go of the file, the preview and the directory (hundreds of MB for
        a large file): the wizard object may live on with its parent window."""
        for worker in (self.worker, self.directory_worker):
            worker.forget()  # a preview still running is not shown any more
        self.table = self.plan = self.directory = self.released = None
        self.import_page.report = None
        self.preview_page.model.set_rows([])
        self.preview_page.shown = None
        thaw()

    def reject(self) -> None:
        """Cancel: while importing, stop the import (it rolls back) before closing."""
        if self.worker.pool.activeThreadCount() and self.import_page.progress.isVisible():
            self.cancel_requested = True
            show_busy_text(self.import_page.result_label, self.tr("Cancelling …"))
            return
        super().reject()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        """A file dropped on the wizard opens on the first page."""
        urls = [u for u in event.mimeData().urls() if u.isLocalFile()]
        if urls and self.currentPage() is self.file_page:
            self.file_page.open_file(urls[0].toLocalFile())
            event.acceptProposedAction()

    def summary(self) -> str:
        if self.import_result is None:
            return ""
        text = self.tr("Import done: {created} new, {updated} updated.").format(
            created=self.import_result.created, updated=self.import_result.updated)
        if self.import_result.suppressed:
            text += " " + self.tr("Not added again (unsubscribed): {names}").format(
                names=", ".join(self.import_result.suppressed))
        return text
