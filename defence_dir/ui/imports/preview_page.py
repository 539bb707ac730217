"""The wizard's preview: what each row will do, the choice for known persons, status words."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizardPage,
)

from defence_dir.errors import DefenceDirError
from defence_dir.imports import service
from defence_dir.imports.spreadsheet.columns import status_key
from defence_dir.imports.spreadsheet.planning import (
    MatchChoice,
    RowAction,
    RowPlan,
    SpreadsheetPlan,
)
from defence_dir.records.persons import field_label
from defence_dir.ui.common.messages import show_busy_text, show_error_text
from defence_dir.ui.duplicates.similar_rows import SimilarRows
from defence_dir.ui.imports.field_labels import status_labels
from defence_dir.ui.imports.file_page import FilePage
from defence_dir.ui.imports.import_preview_model import (
    CHOICE,
    DETAILS,
    NAME,
    RESULT,
    ROW,
    ChoiceDelegate,
    PreviewModel,
)
from defence_dir.ui.imports.mapping_page import MappingPage
from defence_dir.ui.imports.wizard_host import WizardHost

FIRST_ROWS = 1000  # previewed at once; the rest of a large file follows


class PreviewPage(QWizardPage):
    def __init__(self, wizard: WizardHost, file_page: FilePage,
                 mapping_page: MappingPage) -> None:
        super().__init__()
        self.w, self.file_page, self.mapping_page = wizard, file_page, mapping_page
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
        # New rows that may be a person already there: marked, and comparable.
        self.similar = SimilarRows(self, wizard.database, self.table, self.model, DETAILS)
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
        layout.addWidget(self.similar.button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.words_note)
        layout.addWidget(self.words)

    def initializePage(self) -> None:
        self.plan()

    def plan(self) -> None:
        """Preview the first rows at once, then all of them (a large file takes a while)."""
        header = self.file_page.header_row.value() - 1
        mapping = self.mapping_page.mapping()
        threshold = self.threshold.value()
        choice = MatchChoice(self.choice.currentData())
        name = Path(self.file_page.path.text()).name
        sheet = self.file_page.sheet.currentData()
        multiple = self.file_page.sheet.count() > 1
        database, wizard = self.w.database, self.w
        target = self.mapping_page.target
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
                if wizard.directory is None:
                    wizard.directory = service.load_directory(database)
                part = rows if limit is None else rows[:header + 1 + limit]
                # A status is about an event: for the directory or a list it is ignored.
                return service.plan_spreadsheet(
                    database, part, header, mapping, file_name=name,
                    sheet=sheet if multiple else None, threshold=threshold, choice=choice,
                    directory=wizard.directory, status_default=default if event else None,
                    placed_statuses=placed)
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
        self.similar.look_up({i: (r.draft, r.organisation, r.name)
                              for i, r in enumerate(self.model.rows)
                              if r.action is RowAction.NEW and r.draft is not None})
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
        default = self.mapping_page.target.status.currentData()
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
