"""The window's table page: the search bar over the current section's table, with the members
of a list or event under it."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from defence_dir.data.database import Database
from defence_dir.records import browsing
from defence_dir.search.service import SearchFilters, SearchHit, SearchResult, SearchService
from defence_dir.ui.common import settings as app_settings
from defence_dir.ui.window.organisation_filter import organisation_finder
from defence_dir.ui.window.search_bar import SearchBar
from defence_dir.ui.window.search_runner import PAGE, SearchRequest, SearchRunner
from defence_dir.ui.window.section_tables import SectionTables
from defence_dir.ui.window.sections import SECTIONS, Section
from defence_dir.ui.window.table_models import ID_ROLE, HitTableModel, configure_record_table


class SectionPage(QWidget):
    row_changed = Signal(str, int)  # the record (kind, id) of the row the user moved to
    result_shown = Signal()  # a search answered (the window selects what it shows again)

    def __init__(self, database: Database, search_service: SearchService,
                 members_panel: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search_service = search_service
        self.section = SECTIONS[0]
        self.last_result: SearchResult | None = None
        self.tables = SectionTables(database, self)
        for model in self.tables.models.values():  # a header click asks the search to sort
            if isinstance(model, HitTableModel):
                model.orderChanged.connect(lambda: self.run_search(immediately=True))
        self.runner = SearchRunner(search_service, self)
        self.runner.finished.connect(self._show_result)
        self.search_bar = SearchBar(organisation_finder(
            search_service, lambda ids: browsing.organisation_rows(database, ids)))
        self.search_bar.search_changed.connect(lambda _q, _f, now: self.run_search(immediately=now))
        self.search_bar.submitted.connect(self._open_first_hit)

        self.table = QTableView()
        self.table.setObjectName("table")
        configure_record_table(self.table, row_height=26)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.setDragEnabled(True)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 0, 0)
        layout.addWidget(self.search_bar)
        # Lists and events show their members under the table (master above, detail below).
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("centreSplitter")
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(members_panel)
        self.splitter.setCollapsible(0, False)
        self.splitter.setSizes([170, 530])  # a few lists or events, many members
        layout.addWidget(self.splitter, 1)

    def show_section(self, section: Section) -> None:
        """The section's table with the columns as the user left them, searched anew."""
        if self.section is not section:
            self.save_columns()
        self.section = section
        model = self.tables.models[section.key]
        model.blockSignals(True)  # the view sorts by the header it had: no search for that
        self.table.setModel(model)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        header = self.table.horizontalHeader()
        state = app_settings.settings().value(f"columns/{section.key}")
        if not (isinstance(state, QByteArray) and header.restoreState(state)):
            for column, spec in enumerate(section.columns):
                header.resizeSection(column, spec.width)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # a section starts by rank
        model.sort(-1)
        model.blockSignals(False)
        self.search_bar.set_filters_enabled(section.searched)
        self.run_search(immediately=True)

    def save_columns(self) -> None:
        app_settings.settings().setValue(f"columns/{self.section.key}",
                                         self.table.horizontalHeader().saveState())

    def filters(self) -> SearchFilters:
        return self.search_bar.filters(self.section.kind if self.section.searched else None)

    def person_search(self) -> tuple[str, SearchFilters]:
        """The search the persons table shows (none outside the persons section)."""
        if self.section.key != "persons":
            return "", SearchFilters()
        return self.search_bar.query(), self.filters()

    def run_search(self, *, immediately: bool = False) -> None:
        model = self.tables.models[self.section.key]
        if isinstance(model, HitTableModel):
            self.runner.request(self.search_bar.query(), self.filters(), order=model.order,
                                immediately=immediately)
        else:
            self.search_bar.set_hits(self.tables.show_records(self.section,
                                                              self.search_bar.query()), True)

    def _show_result(self, request: SearchRequest, result: SearchResult) -> None:
        if request.filters.kind != self.section.kind:
            return  # answered for a section the user has left
        self.last_result = result
        query, filters = request.query, request.filters

        def more(offset: int) -> list[SearchHit]:
            return self.search_service.search(query, filters, limit=PAGE, offset=offset,
                                              count=False, order=request.order).hits
        self.tables.hit_model(self.section).set_hits(result.hits, result.total,
                                                     result.total_is_exact, more)
        found_in = [c.key for c in self.section.columns].index("matched")
        self.table.setColumnHidden(found_in, not query.strip())
        self.search_bar.set_hits(result.total, result.total_is_exact)
        self.result_shown.emit()

    def _open_first_hit(self) -> None:
        if self.table.model().rowCount() > 0:
            self.table.selectRow(0)
            self.table.setFocus()

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        record_id = current.data(ID_ROLE) if current.isValid() else None
        if record_id is not None:
            self.row_changed.emit(self.section.kind, int(record_id))

    def select(self, record_id: int) -> None:
        """Select the record's row, if loaded, without emitting row_changed."""
        model = self.tables.models[self.section.key]
        row = model.row_of(record_id)
        if row is None:
            self.table.clearSelection()
            return
        index = model.index(row, 0)
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        self.table.selectRow(index.row())
        selection.blockSignals(False)
        self.table.scrollTo(index)

    def selected_ids(self) -> list[int]:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return [int(index.data(ID_ROLE)) for index in rows if index.data(ID_ROLE) is not None]
