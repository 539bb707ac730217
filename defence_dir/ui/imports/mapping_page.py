"""The wizard's second page: where the persons go (directory, list, event), each column's field."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from defence_dir.imports import service
from defence_dir.imports.spreadsheet.cleaning import text_of
from defence_dir.imports.spreadsheet.columns import (
    EVENT_ONLY,
    FIELDS,
    IGNORE,
    TO_NOTES,
    ColumnMapping,
)
from defence_dir.imports.spreadsheet.writing import ImportTarget
from defence_dir.ui.imports.field_labels import field_labels, status_labels
from defence_dir.ui.imports.file_page import FilePage
from defence_dir.ui.imports.wizard_host import WizardHost


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
        self.group.idToggled.connect(lambda _id, on: self._changed() if on else None)
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
    def __init__(self, wizard: WizardHost, file_page: FilePage) -> None:
        super().__init__()
        self.w, self.file_page = wizard, file_page
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
        rows = self.file_page.rows()
        header = self.file_page.header_row.value() - 1
        mapping = service.guess_columns(self.w.database, rows[header])
        targets = service.import_targets(self.w.database)
        self.target.load(targets.lists, targets.events)
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
        headings = [item.text() if (item := self.table.item(r, 0)) else ""
                    for r in range(self.table.rowCount())]
        return ColumnMapping(headings, [c.currentData() for c in self.combos])
