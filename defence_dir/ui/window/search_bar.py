"""The search bar above the table: the search field, the hit count and the filter combos."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from defence_dir.data.database import Database
from defence_dir.records.choices import choices
from defence_dir.search.service import SearchFilters
from defence_dir.ui.window.organisation_filter import Find, OrganisationFilter

# Filter combos: key in SearchFilters -> the kind of record it picks.
FILTER_KINDS: dict[str, str] = {
    "network_id": "network",
    "organisation_id": "organisation",
    "topic_id": "topic",
    "list_id": "list",
    "event_id": "event",
}


class SearchBar(QWidget):
    """Emits the query and filters whenever the user changes one of them."""

    # query, SearchFilters (without a kind: the section adds it), whether to search at once
    # (a filter) or after the user paused typing.
    search_changed = Signal(str, object, bool)
    submitted = Signal()  # Return in the search field

    def __init__(self, find_organisations: Find | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = QLineEdit()
        self.field.setObjectName("searchField")
        self.field.setClearButtonEnabled(True)
        self.field.setPlaceholderText(
            self.tr("Search names, organisations, emails, phone numbers … (Ctrl+F)"))
        self.field.textChanged.connect(lambda _text: self._emit(immediately=False))
        self.field.returnPressed.connect(self.submitted)
        self.hit_label = QLabel()
        self.hit_label.setObjectName("hitLabel")
        self.hit_label.setMinimumWidth(140)
        self.hit_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        self._all_labels = {"network_id": self.tr("All networks"),
                            "organisation_id": self.tr("All organisations"),
                            "topic_id": self.tr("All technology fields"),
                            "list_id": self.tr("All lists"),
                            "event_id": self.tr("All events")}
        self.combos: dict[str, QComboBox] = {}
        filter_row = QHBoxLayout()
        filter_row.setContentsMargins(0, 0, 0, 0)
        for key in FILTER_KINDS:
            # Organisations are too many to list (25,000 at a million persons): it searches.
            combo = OrganisationFilter(find_organisations, self._all_labels[key]) \
                if key == "organisation_id" and find_organisations else QComboBox()
            combo.setObjectName(f"filter_{key}")
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(6)
            combo.setToolTip(self._all_labels[key])
            combo.currentIndexChanged.connect(lambda _i: self._emit(immediately=True))
            self.combos[key] = combo
            filter_row.addWidget(combo, 1)
        self.clear_button = QToolButton()
        self.clear_button.setText("×")
        self.clear_button.setToolTip(self.tr("Reset filters"))
        self.clear_button.clicked.connect(self.clear_filters)
        filter_row.addWidget(self.clear_button)

        search_row = QHBoxLayout()
        search_row.addWidget(self.field, 1)
        search_row.addWidget(self.hit_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(search_row)
        layout.addLayout(filter_row)

    def _emit(self, *, immediately: bool) -> None:
        self.search_changed.emit(self.query(), self.filters(), immediately)

    def query(self) -> str:
        return self.field.text()

    def filters(self, kind: str | None = None) -> SearchFilters:
        values = {key: combo.currentData() for key, combo in self.combos.items()}
        return SearchFilters(kind=kind, **values)

    def load_choices(self, database: Database) -> None:
        """Fill the combos anew (records were added, renamed or deleted); a chosen record that
        still exists stays chosen, without a search."""
        for key, kind in FILTER_KINDS.items():
            combo = self.combos[key]
            if isinstance(combo, OrganisationFilter):
                continue  # it searches: no list of every organisation to load
            previous = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self._all_labels[key], None)
            for record_id, name in choices(database, kind):
                combo.addItem(name, record_id)
            if previous is not None:
                combo.setCurrentIndex(max(0, combo.findData(previous)))
            combo.blockSignals(False)

    def set_filters_enabled(self, enabled: bool) -> None:
        for combo in self.combos.values():
            combo.setEnabled(enabled)
        self.clear_button.setEnabled(enabled)

    def show_only(self, filter_key: str, record_id: int) -> None:
        """No text, one filter set, none other (quietly: the caller searches)."""
        self.clear_query()
        for key, combo in self.combos.items():
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(record_id)) if key == filter_key else 0)
            combo.blockSignals(False)

    def has_choice(self, filter_key: str, record_id: int) -> bool:
        return self.combos[filter_key].findData(record_id) >= 0

    def clear_query(self) -> None:
        """Empty the field without a search (the caller searches)."""
        self.field.blockSignals(True)
        self.field.clear()
        self.field.blockSignals(False)

    def clear_filters(self) -> None:
        for combo in self.combos.values():
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self._emit(immediately=True)

    def set_hits(self, total: int, exact: bool) -> None:
        self.hit_label.setText(self.tr("%n hit(s)", "", total) if exact
                               else self.tr("more than %n hits", "", total))

    def focus(self) -> None:
        self.field.setFocus()
        self.field.selectAll()
