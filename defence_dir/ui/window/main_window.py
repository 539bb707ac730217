"""The directory's main window: sections, search as you type, table, detail pane, editing."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QStyle,
    QTableView,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from defence_dir import __version__
from defence_dir.data.database import Database
from defence_dir.data.models import DistributionList, Event, Network, Organisation, Topic
from defence_dir.records import directory
from defence_dir.search.service import SearchFilters, SearchResult, SearchService
from defence_dir.team.settings import team_label
from defence_dir.text.folding import words
from defence_dir.ui.common import settings as app_settings
from defence_dir.ui.common.messages import plain_message_box, show_error
from defence_dir.ui.lists.collections_controller import CollectionsController
from defence_dir.ui.overview.overview_page import OverviewPage
from defence_dir.ui.privacy.privacy_actions import PrivacyActions
from defence_dir.ui.records.record_editing import RecordEditor
from defence_dir.ui.team import sync_banner
from defence_dir.ui.vcard.drag_data import vcard_mime_data
from defence_dir.ui.vcard.export_dialog import ExportDialog
from defence_dir.ui.vcard.import_dialog import ImportDialog
from defence_dir.ui.vcard.qr_dialog import QrDialog
from defence_dir.ui.window.app import release_clipboard
from defence_dir.ui.window.detail_pane import DetailPane
from defence_dir.ui.window.person_drag import with_person_ids
from defence_dir.ui.window.search_runner import PAGE, SearchRequest, SearchRunner
from defence_dir.ui.window.sections import SECTION_OF_KIND, SECTIONS, Section
from defence_dir.ui.window.table_models import (
    ID_ROLE,
    HitTableModel,
    RecordTableModel,
    configure_record_table,
)

OVERVIEW = "overview"  # navigation key of the overview page (not a table section)
DETAIL_LOADERS: dict[str, Callable[[Any, int], dict[str, Any] | None]] = {
    "person": directory.person_detail,
    "organisation": directory.organisation_detail,
    "network": directory.network_detail,
    "topic": directory.topic_detail,
    "event": directory.event_detail,
    "list": directory.list_detail,
}
# Filter combos: (key in SearchFilters, model, label source text)
FILTERS: tuple[tuple[str, Any, str], ...] = (
    ("network_id", Network, "Network"),
    ("organisation_id", Organisation, "Organisation"),
    ("topic_id", Topic, "Technology field"),
    ("list_id", DistributionList, "Distribution list"),
    ("event_id", Event, "Event"),
)


class MainWindow(QMainWindow):
    def __init__(self, database: Database) -> None:
        super().__init__()
        self.database = database
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("defence-dir – DEFENCE.NRW directory"))
        self.resize(1280, 800)
        self.search_service = SearchService(database.read_session)
        self.undo_stack = QUndoStack(self)
        self.history: list[tuple[str, int]] = []
        self.history_index = -1
        self.section = SECTIONS[0]
        self.current: tuple[str, int] | None = None
        self.last_result: SearchResult | None = None
        self._records_cache: dict[str, list[dict[str, Any]]] = {}

        self.runner = SearchRunner(self.search_service, self)
        self.runner.finished.connect(self._show_result)
        self.runner.failed.connect(lambda _request, message: self.statusBar().showMessage(
            self.tr("Search failed: {message}").format(message=message), 8000))

        self._build_models()
        self._build_widgets()
        self._build_actions()
        self.copy_banner: sync_banner.CopyBanner | None = None
        if database.read_only:
            self._show_read_only()
        self._restore_settings()
        self._load_filter_choices()
        self.select_section(SECTIONS[0].key)
        if self.copy_banner is not None:
            self.copy_banner.start_if_wanted()

    # --- construction -------------------------------------------------------------------------
    def _build_models(self) -> None:
        loaders: dict[str, Callable[[Sequence[int]], dict[int, dict[str, str]]]] = {
            "person": self._person_rows, "organisation": self._organisation_rows,
            "network": self._network_rows}
        self.models: dict[str, HitTableModel | RecordTableModel] = {}
        self.proxies: dict[str, QSortFilterProxyModel] = {}
        for section in SECTIONS:
            model: HitTableModel | RecordTableModel
            if section.searched:
                model = HitTableModel(section.columns, loaders[section.kind])
                if section.kind == "person":  # drag persons out as .vcf, or onto a list
                    model.mime_factory = lambda ids: with_person_ids(
                        vcard_mime_data(self.database, ids), ids)
            else:
                model = RecordTableModel(section.columns)
            proxy = QSortFilterProxyModel(self)
            proxy.setSourceModel(model)
            proxy.setSortLocaleAware(True)
            proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            self.models[section.key] = model
            self.proxies[section.key] = proxy

    def _build_widgets(self) -> None:
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setMinimumWidth(120)
        self.navigation.setStyleSheet(
            "QListWidget#navigation { border: none; background: palette(window); }"
            "QListWidget#navigation::item { padding: 6px 8px; }"
            "QListWidget#navigation::item:selected { background: palette(highlight); "
            "color: palette(highlighted-text); border-radius: 4px; }")
        for section in SECTIONS:
            item = QListWidgetItem(section.title())
            item.setData(Qt.ItemDataRole.UserRole, section.key)
            self.navigation.addItem(item)
        # Last, so the rows of the sections keep their indexes (SECTIONS.index).
        overview_item = QListWidgetItem(self.tr("Overview"))
        overview_item.setData(Qt.ItemDataRole.UserRole, OVERVIEW)
        self.navigation.addItem(overview_item)
        self.navigation.currentItemChanged.connect(
            lambda item, _previous: item and self._navigate_to(item.data(Qt.ItemDataRole.UserRole)))

        self.search_field = QLineEdit()
        self.search_field.setObjectName("searchField")
        self.search_field.setClearButtonEnabled(True)
        self.search_field.setPlaceholderText(
            self.tr("Search names, organisations, emails, phone numbers … (Ctrl+F)"))
        self.search_field.textChanged.connect(lambda _text: self.run_search())
        self.search_field.returnPressed.connect(self._open_first_hit)
        self.hit_label = QLabel()
        self.hit_label.setObjectName("hitLabel")
        self.hit_label.setMinimumWidth(140)
        self.hit_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        self.filter_combos: dict[str, QComboBox] = {}
        filter_row = QHBoxLayout()
        filter_row.setContentsMargins(0, 0, 0, 0)
        filter_labels = {"Network": self.tr("All networks"),
                         "Organisation": self.tr("All organisations"),
                         "Technology field": self.tr("All technology fields"),
                         "Distribution list": self.tr("All lists"),
                         "Event": self.tr("All events")}
        for key, _model, label in FILTERS:
            combo = QComboBox()
            combo.setObjectName(f"filter_{key}")
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(6)
            combo.setToolTip(filter_labels[label])
            combo.currentIndexChanged.connect(lambda _i: self.run_search(immediately=True))
            self.filter_combos[key] = combo
            filter_row.addWidget(combo, 1)
        self.clear_filters_button = QToolButton()
        self.clear_filters_button.setText("×")
        self.clear_filters_button.setToolTip(self.tr("Reset filters"))
        self.clear_filters_button.clicked.connect(self.clear_filters)
        filter_row.addWidget(self.clear_filters_button)
        self._filter_labels = filter_labels

        self.table = QTableView()
        self.table.setObjectName("table")
        configure_record_table(self.table, row_height=26)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.doubleClicked.connect(lambda _index: self.edit_current())
        self.table.setDragEnabled(True)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)

        self.detail = DetailPane()
        self.detail.navigate.connect(self.go_to)
        self.collections = CollectionsController(self, self._data_changed)
        self.editor = RecordEditor(self)

        search_row = QHBoxLayout()
        search_row.addWidget(self.search_field, 1)
        search_row.addWidget(self.hit_label)
        centre = QWidget()
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(8, 8, 0, 0)
        centre_layout.addLayout(search_row)
        centre_layout.addLayout(filter_row)
        # Lists and events show their members under the table (master above, detail below).
        self.centre_splitter = QSplitter(Qt.Orientation.Vertical)
        self.centre_splitter.setObjectName("centreSplitter")
        self.centre_splitter.addWidget(self.table)
        self.centre_splitter.addWidget(self.collections.panel)
        self.centre_splitter.setCollapsible(0, False)
        self.centre_splitter.setSizes([170, 530])  # a few lists or events, many members
        centre_layout.addWidget(self.centre_splitter, 1)
        # The sections take the height they need; lists and events to drop persons on below.
        self.navigation.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.navigation.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.navigation.setFixedHeight(self.navigation.sizeHintForRow(0)
                                       * self.navigation.count() + 8)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.navigation)
        left_layout.addWidget(self.collections.sidebar, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("splitter")
        self.splitter.addWidget(left)
        self.overview = OverviewPage(self.database)
        self.overview.show_persons.connect(self.show_persons_with)
        self.centre_stack = QStackedWidget()
        self.centre_stack.addWidget(centre)
        self.centre_stack.addWidget(self.overview)
        self.splitter.addWidget(self.centre_stack)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 1)
        self.splitter.setSizes([190, 790, 300])
        self.splitter.setCollapsible(1, False)
        self.setCentralWidget(self.splitter)

        team = team_label(self.database.url)
        self.location_label = QLabel(self.database.location if team is None else
                                     self.tr("Team database {name}").format(name=team))
        if team is not None:
            self.setWindowTitle(self.tr("defence-dir – team database {name}").format(name=team))
        self.location_label.setTextFormat(Qt.TextFormat.PlainText)
        self.statusBar().addPermanentWidget(self.location_label)

    def _show_read_only(self) -> None:
        """Say where the user looks (title, banner, status bar) that nothing can be changed,
        and turn off what would write; a write that slips through is refused in one line."""
        self.setWindowTitle(self.tr("defence-dir – DEFENCE.NRW directory (read-only)"))
        banner: QWidget
        if self.database.offline_copy is not None:  # says whose copy it is, offers sync
            banner = self.copy_banner = sync_banner.install(self, self.database)
        else:
            banner = QLabel(self.tr(
                "Read-only: the database file or its folder is write-protected. You can "
                "search, view and export, but not change anything."))
            banner.setObjectName("readOnlyBanner")
            banner.setTextFormat(Qt.TextFormat.PlainText)
            banner.setWordWrap(True)
            banner.setStyleSheet("QLabel#readOnlyBanner { background: #fff3cd; color: #664d03; "
                                 "padding: 6px 10px; border-bottom: 1px solid #e6cf7e; }")
        container = QWidget()
        layout = QVBoxLayout(container)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        banner.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        layout.addWidget(banner)
        layout.addWidget(self.takeCentralWidget(), 1)
        self.setCentralWidget(container)
        self.read_only_banner = banner
        self.read_only_label = QLabel(self.tr("Read-only"))
        self.read_only_label.setObjectName("readOnlyLabel")
        self.statusBar().insertPermanentWidget(0, self.read_only_label)
        for action in (self.import_action, self.import_sheet_action, self.undo_import_action):
            action.setEnabled(False)
        self._update_actions()

    def _action(self, text: str, slot: Callable[[], object], shortcut: Any = None,
                name: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.setObjectName(name)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.new_action = self._action(self.tr("&New…"), self.create_record,
                                       QKeySequence.StandardKey.New, "newAction")
        self.edit_action = self._action(self.tr("&Edit…"), self.edit_current, Qt.Key.Key_F2,
                                        "editAction")
        self.delete_action = self._action(self.tr("&Delete"), self.delete_selected,
                                          QKeySequence("Del"), "deleteAction")
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"),
                                       QKeySequence.StandardKey.Redo])
        self.find_action = self._action(self.tr("&Find"), self.focus_search,
                                        QKeySequence.StandardKey.Find, "findAction")
        self.reload_action = self._action(self.tr("Re&load"), self.reload,
                                          QKeySequence("F5"), "reloadAction")
        self.back_action = self._action(self.tr("&Back"), self.go_back,
                                        QKeySequence("Alt+Left"), "backAction")
        self.forward_action = self._action(self.tr("&Forward"), self.go_forward,
                                           QKeySequence("Alt+Right"), "forwardAction")
        self.quit_action = self._action(self.tr("&Quit"), self.close,
                                        QKeySequence("Ctrl+Q"), "quitAction")
        self.settings_action = self._action(self.tr("&Settings…"), self.show_settings,
                                            QKeySequence("Ctrl+,"),
                                            "settingsAction")
        self.team_action = self._action(self.tr("&Team database…"), self.show_team_settings,
                                        name="teamAction")
        self.about_action = self._action(self.tr("&About defence-dir"), self.show_about,
                                         name="aboutAction")
        self.copy_emails_action = self._action(self.tr("Copy email addresses"),
                                               self.copy_emails, name="copyEmailsAction")
        self.export_action = self._action(self.tr("&Export vCards…"), self.export_vcards,
                                          QKeySequence("Ctrl+E"), "exportAction")
        self.import_action = self._action(self.tr("&Import vCards…"), self.import_vcards,
                                          name="importAction")
        self.import_sheet_action = self._action(self.tr("Import a &spreadsheet…"),
                                                self.import_spreadsheet, QKeySequence("Ctrl+I"),
                                                "importSheetAction")
        self.undo_import_action = self._action(self.tr("Imports…"),
                                               self.undo_an_import, name="undoImportAction")
        self.copy_vcard_action = self._action(self.tr("Copy as vCard"), self.copy_vcard,
                                              QKeySequence("Ctrl+Shift+C"), "copyVcardAction")
        self.qr_action = self._action(self.tr("Show QR code…"), self.show_qr,
                                      name="qrAction")
        self.overview_action = self._action(self.tr("&Overview"), self.show_overview,
                                            QKeySequence("Ctrl+Shift+O"), "overviewAction")
        self.privacy = PrivacyActions(self)

        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addAction(self.new_action)
        file_menu.addSeparator()
        file_menu.addAction(self.import_sheet_action)
        file_menu.addAction(self.import_action)
        file_menu.addAction(self.undo_import_action)
        file_menu.addAction(self.export_action)
        file_menu.addSeparator()
        file_menu.addAction(self.settings_action)
        file_menu.addAction(self.team_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        for action in (self.undo_action, self.redo_action, None, self.edit_action,
                       self.delete_action, None, self.copy_emails_action,
                       self.copy_vcard_action, self.qr_action, None, self.find_action):
            edit_menu.addSeparator() if action is None else edit_menu.addAction(action)
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        for action in (self.overview_action, None, self.back_action, self.forward_action, None,
                       self.reload_action):
            view_menu.addSeparator() if action is None else view_menu.addAction(action)
        self.menuBar().addMenu(self.privacy.menu)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self.about_action)

        toolbar = QToolBar(self.tr("Main toolbar"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        style = self.style()
        for action, pixmap in ((self.back_action, QStyle.StandardPixmap.SP_ArrowBack),
                               (self.forward_action, QStyle.StandardPixmap.SP_ArrowForward),
                               (self.new_action, QStyle.StandardPixmap.SP_FileIcon),
                               (self.edit_action, QStyle.StandardPixmap.SP_FileDialogDetailedView),
                               (self.delete_action, QStyle.StandardPixmap.SP_TrashIcon),
                               (self.undo_action, QStyle.StandardPixmap.SP_ArrowLeft),
                               (self.redo_action, QStyle.StandardPixmap.SP_ArrowRight)):
            action.setIcon(style.standardIcon(pixmap))
        for action in (self.back_action, self.forward_action, None, self.new_action,
                       self.edit_action, self.delete_action, None, self.undo_action,
                       self.redo_action):
            toolbar.addSeparator() if action is None else toolbar.addAction(action)
        self.addToolBar(toolbar)
        self._update_actions()

    # --- settings -----------------------------------------------------------------------------
    def _restore_settings(self) -> None:
        stored = app_settings.settings()
        geometry = stored.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        splitter = stored.value("window/splitter")
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)

    def _save_settings(self) -> None:
        stored = app_settings.settings()
        stored.setValue("window/geometry", self.saveGeometry())
        stored.setValue("window/splitter", self.splitter.saveState())
        stored.setValue(f"columns/{self.section.key}",
                        self.table.horizontalHeader().saveState())
        stored.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._save_settings()
        release_clipboard()
        self.runner.pool.waitForDone(2000)
        self.overview.worker.pool.waitForDone(2000)
        self.privacy.worker.wait()  # an erasure must finish: it ends in VACUUM
        if self.copy_banner is not None:  # a sync stopped at Cancel leaves the copy as it was
            self.copy_banner.cancel.set()
            self.copy_banner.wait()
        # Let a mail-merge file be written completely.
        self.collections.mailing.pool.waitForDone(10000)
        super().closeEvent(event)

    # --- data access (through the core) ---------------------------------------------------------
    def _person_rows(self, ids: Sequence[int]) -> dict[int, dict[str, str]]:
        with self.database.read_session() as session:
            return {row.id: {"display_name": row.display_name, "networks": row.networks,
                             "organisation": row.organisation, "function": row.function,
                             "email": row.email, "phone": row.phone}
                    for row in directory.person_rows(session, ids)}

    def _organisation_rows(self, ids: Sequence[int]) -> dict[int, dict[str, str]]:
        with self.database.read_session() as session:
            return directory.organisation_rows(session, ids)

    def _network_rows(self, ids: Sequence[int]) -> dict[int, dict[str, str]]:
        with self.database.read_session() as session:
            return directory.network_rows(session, ids)

    def _static_records(self, section: Section) -> list[dict[str, Any]]:
        """Topics, events or lists, read once and kept until data changes (typing in the
        search field filters them in memory)."""
        cached = self._records_cache.get(section.key)
        if cached is not None:
            return cached
        with self.database.read_session() as session:
            records = directory.list_records(session, section.key)
        for record in records:
            if section.key == "events":
                counts = record.get("attendance") or {}
                record["registered"] = sum(counts.values()) - counts.get("cancelled", 0)
                record["attended"] = counts.get("attended", 0)
            elif section.key == "lists":
                counts = record.get("members") or {}
                record["subscribed"] = counts.get("subscribed", 0)
                record["unsubscribed"] = counts.get("unsubscribed", 0)
        self._records_cache[section.key] = records
        return records

    def _load_filter_choices(self) -> None:
        with self.database.read_session() as session:
            for key, model, label in FILTERS:
                combo = self.filter_combos[key]
                previous = combo.currentData()
                combo.blockSignals(True)
                combo.clear()
                combo.addItem(self._filter_labels[label], None)
                for record_id, name in session.execute(select(model.id, model.name)):
                    combo.addItem(name, record_id)
                if previous is not None:
                    combo.setCurrentIndex(max(0, combo.findData(previous)))
                combo.blockSignals(False)

    # --- sections and search --------------------------------------------------------------------
    def select_section(self, key: str, *, keep_current: bool = False) -> None:
        if self.section.key != key:
            app_settings.settings().setValue(f"columns/{self.section.key}",
                                             self.table.horizontalHeader().saveState())
        section = next(s for s in SECTIONS if s.key == key)
        self.section = section
        self._show_centre(self.centre_stack.widget(0))
        row = SECTIONS.index(section)
        if self.navigation.currentRow() != row:
            self.navigation.blockSignals(True)
            self.navigation.setCurrentRow(row)
            self.navigation.blockSignals(False)
        self.table.setModel(self.proxies[key])
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        header = self.table.horizontalHeader()
        state = app_settings.settings().value(f"columns/{key}")
        if not (isinstance(state, QByteArray) and header.restoreState(state)):
            for column, spec in enumerate(section.columns):
                header.resizeSection(column, spec.width)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.proxies[key].sort(-1)
        for combo in self.filter_combos.values():
            combo.setEnabled(section.searched)
        self.clear_filters_button.setEnabled(section.searched)
        self.new_action.setText({"persons": self.tr("&New person…"),
                                 "organisations": self.tr("&New organisation…"),
                                 "topics": self.tr("&New technology field…"),
                                 "events": self.tr("&New event…"),
                                 "lists": self.tr("&New distribution list…")}
                                .get(key, self.tr("&New…")))
        if section.kind in ("list", "event") and self.current \
                and self.current[0] == section.kind:
            self.collections.show_members(*self.current)
        else:
            self.collections.hide_members()
        self.run_search(immediately=True)
        if not keep_current:
            self.detail.show_empty()
        self._update_actions()

    def _navigate_to(self, key: str) -> None:
        if key == OVERVIEW:
            self.show_overview()
        else:
            self.select_section(key, keep_current=True)

    def show_overview(self) -> None:
        """Charts instead of the table; the detail pane steps aside to give them room."""
        row = self.navigation.count() - 1
        if self.navigation.currentRow() != row:
            self.navigation.blockSignals(True)
            self.navigation.setCurrentRow(row)
            self.navigation.blockSignals(False)
        # The overview shows no list or event: a highlight in the sidebar would look like a
        # second place the user is at (it comes back with the list's or event's section).
        self.collections.sidebar.mark(None)
        self._show_centre(self.overview)

    def _show_centre(self, page: QWidget) -> None:
        self.centre_stack.setCurrentWidget(page)
        self.detail.setVisible(page is not self.overview)
        self._update_actions()

    def show_persons_with(self, filter_key: str, record_id: int) -> None:
        """The persons of one network, technology field or event (a click on an overview bar)."""
        if self.filter_combos[filter_key].findData(record_id) < 0:
            self._load_filter_choices()  # created after the choices were read
        self.search_field.blockSignals(True)
        self.search_field.clear()
        self.search_field.blockSignals(False)
        for key, combo in self.filter_combos.items():
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(record_id)) if key == filter_key else 0)
            combo.blockSignals(False)
        self.select_section("persons")

    def overview_shown(self) -> bool:
        return self.centre_stack.currentWidget() is self.overview

    def filters(self) -> SearchFilters:
        values = {key: combo.currentData() for key, combo in self.filter_combos.items()}
        return SearchFilters(kind=self.section.kind if self.section.searched else None, **values)

    def run_search(self, *, immediately: bool = False) -> None:
        if self.section.searched:
            self.runner.request(self.search_field.text(), self.filters(),
                                immediately=immediately)
            return
        model = self.models[self.section.key]
        assert isinstance(model, RecordTableModel)
        records = self._static_records(self.section)
        wanted = words(self.search_field.text())
        if wanted:
            records = [r for r in records
                       if all(any(w.startswith(t) for w in words(
                           " ".join(str(v) for v in r.values() if isinstance(v, str))))
                              for t in wanted)]
        model.set_records(records)
        self._set_hit_label(len(records), True)

    def _show_result(self, request: SearchRequest, result: SearchResult) -> None:
        if request.filters.kind != self.section.kind:
            return  # answered for a section the user has left
        self.last_result = result
        model = self.models[self.section.key]
        assert isinstance(model, HitTableModel)
        query, filters = request.query, request.filters

        def more(offset: int) -> list[Any]:
            return self.search_service.search(query, filters, limit=PAGE, offset=offset,
                                              count=False).hits
        model.set_hits(result.hits, result.total, result.total_is_exact, more)
        found_in = [c.key for c in self.section.columns].index("matched")
        self.table.setColumnHidden(found_in, not query.strip())
        self._set_hit_label(result.total, result.total_is_exact)
        if self.current and self.current[0] == self.section.kind:
            self._select_in_table(self.current[1])

    def _set_hit_label(self, total: int, exact: bool) -> None:
        self.hit_label.setText(self.tr("%n hit(s)", "", total) if exact
                               else self.tr("more than %n hits", "", total))

    def focus_search(self) -> None:
        if self.overview_shown():  # the search field is on the table page
            self.select_section(self.section.key, keep_current=True)
        self.search_field.setFocus()
        self.search_field.selectAll()

    def clear_filters(self) -> None:
        for combo in self.filter_combos.values():
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.run_search(immediately=True)

    def reload(self) -> None:
        self._records_cache.clear()
        self.overview.invalidate()
        self._load_filter_choices()
        self.collections.refresh()
        self.run_search(immediately=True)
        if self.current:
            self._show_detail(*self.current)

    def _open_first_hit(self) -> None:
        if self.table.model().rowCount() > 0:
            self.table.selectRow(0)
            self.table.setFocus()

    # --- selection, detail and navigation ---------------------------------------------------------
    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        record_id = current.data(ID_ROLE)
        if record_id is None:
            return
        target = (self.section.kind, int(record_id))
        if target != self.current:
            self._visit(*target)

    def _visit(self, kind: str, record_id: int) -> None:
        """Show a record and remember it in the history (Alt+Left goes back)."""
        del self.history[self.history_index + 1:]
        self.history.append((kind, record_id))
        self.history_index = len(self.history) - 1
        self._show_detail(kind, record_id)

    def _show_detail(self, kind: str, record_id: int) -> None:
        self.current = (kind, record_id)
        with self.database.read_session() as session:
            record = DETAIL_LOADERS[kind](session, record_id)
        self.detail.show_record(kind, record)
        # The members belong under the lists' (events') table: not under the persons table
        # when a change elsewhere refreshes the list still shown in the detail pane. Going to
        # the section shows them (select_section).
        if kind in ("list", "event") and self.section.kind == kind and not self.overview_shown():
            self.collections.show_members(kind, record_id)
        self._update_actions()

    def go_to(self, kind: str, record_id: int) -> None:
        """Follow a link: switch to the record's section and show it."""
        self._visit(kind, record_id)
        self._reveal(kind, record_id)

    def _reveal(self, kind: str, record_id: int) -> None:
        section = SECTION_OF_KIND[kind]
        if self.section is not section:
            self.search_field.blockSignals(True)
            self.search_field.clear()
            self.search_field.blockSignals(False)
            self.select_section(section.key, keep_current=True)
        elif self.overview_shown():  # back to the table, with the search the user left there
            self.select_section(section.key, keep_current=True)
        self._select_in_table(record_id)

    def _select_in_table(self, record_id: int) -> None:
        model = self.models[self.section.key]
        row = model.row_of(record_id)
        if row is None:
            self.table.clearSelection()
            return
        proxy = self.proxies[self.section.key]
        index = proxy.mapFromSource(model.index(row, 0))
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        self.table.selectRow(index.row())
        selection.blockSignals(False)
        self.table.scrollTo(index)

    def go_back(self) -> None:
        if self.history_index > 0:
            self.history_index -= 1
            kind, record_id = self.history[self.history_index]
            self._show_detail(kind, record_id)
            self._reveal(kind, record_id)

    def go_forward(self) -> None:
        if self.history_index < len(self.history) - 1:
            self.history_index += 1
            kind, record_id = self.history[self.history_index]
            self._show_detail(kind, record_id)
            self._reveal(kind, record_id)

    def selected_ids(self) -> list[int]:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return [int(index.data(ID_ROLE)) for index in rows if index.data(ID_ROLE) is not None]

    def _update_actions(self) -> None:
        # On the overview the table is hidden: Del must not delete rows the user cannot see.
        editable = self.section.key in ("persons", "organisations", "topics", "events",
                                        "lists") and not self.overview_shown() \
            and not self.database.read_only
        has_current = self.current is not None and self.current[0] == self.section.kind \
            and not self.overview_shown()
        self.new_action.setEnabled(editable)
        self.edit_action.setEnabled(editable and has_current)
        self.delete_action.setEnabled(editable and (has_current or bool(self.selected_ids())))
        self.back_action.setEnabled(self.history_index > 0)
        self.forward_action.setEnabled(self.history_index < len(self.history) - 1)
        persons = self.section.key == "persons"
        self.copy_emails_action.setEnabled(persons)
        self.copy_vcard_action.setEnabled(persons and bool(self._person_ids_for_action()))
        self.qr_action.setEnabled(persons and has_current)
        self.privacy.update_actions()
        if self.database.read_only:  # erasing writes; an access report is logged, so does it
            self.privacy.export_action.setEnabled(False)
            self.privacy.erase_action.setEnabled(False)

    def _context_menu(self, position: Any) -> None:
        self.context_menu().popup(self.table.viewport().mapToGlobal(position))

    def context_menu(self) -> QMenu:
        """The table's context menu for the selection (a method so tests can use it)."""
        menu = QMenu(self)
        for action in (self.edit_action, self.delete_action, None, self.copy_emails_action,
                       self.copy_vcard_action, self.qr_action, None, self.export_action):
            menu.addSeparator() if action is None else menu.addAction(action)
        if self.section.key == "persons":
            menu.addSeparator()
            menu.addAction(self.privacy.export_action)
            menu.addAction(self.privacy.erase_action)
            if not self.database.read_only:
                menu.addSeparator()
                self.collections.add_person_menus(menu, self._person_ids_for_action())
        return menu

    # --- user prompts (methods so tests can answer them) ----------------------------------------
    def confirm(self, title: str, text: str) -> bool:
        box = plain_message_box(self, QMessageBox.Icon.Question, title, text)
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        return box.exec() == QMessageBox.StandardButton.Yes

    def ask_conflict(self, message: str) -> str:
        """'overwrite', 'reload' or 'cancel' when someone else saved the person meanwhile."""
        box = plain_message_box(self, QMessageBox.Icon.Warning,
                                self.tr("Changed elsewhere"),
                                message + "\n\n" + self.tr(
                                    "Save your version anyway (the other change is lost), or "
                                    "discard yours and show the current one?"))
        overwrite = box.addButton(self.tr("Save mine"), QMessageBox.ButtonRole.AcceptRole)
        reload_button = box.addButton(self.tr("Show current"),
                                      QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        clicked = box.clickedButton()
        return "overwrite" if clicked is overwrite else (
            "reload" if clicked is reload_button else "cancel")

    def run_dialog(self, dialog: QDialog) -> bool:
        return dialog.exec() == QDialog.DialogCode.Accepted

    def report_error(self, message: str) -> None:
        show_error(self, self.tr("Not saved"), message)

    # --- editing ----------------------------------------------------------------------------------
    def create_record(self) -> None:
        if self.section.key == "persons":
            self.editor.create_person()
        elif self.section.key == "organisations":
            self.editor.create_organisation()
        elif self.section.key == "topics":
            self.editor.create_topic()
        elif self.section.kind in ("list", "event"):
            self.collections.create(self.section.kind)

    def edit_current(self) -> None:
        if not self.current or self.current[0] != self.section.kind or self.database.read_only:
            return
        kind, record_id = self.current
        if kind == "person":
            self.editor.edit_person(record_id)
        elif kind == "organisation":
            self.editor.edit_organisation(record_id)
        elif kind == "topic":
            self.editor.edit_topic(record_id)
        elif kind in ("list", "event"):
            self.collections.rename(kind, record_id)

    def delete_selected(self) -> None:
        members = self.collections.panel
        if members.isVisible() and members.table.hasFocus() and members.selected_person_ids():
            # Del in the members table takes the persons off, never the list or event itself.
            self.collections.remove_members(members.selected_person_ids())
            return
        ids = self.selected_ids() or ([self.current[1]] if self.current else [])
        if not ids:
            return
        if self.section.key == "persons":
            self.editor.delete_persons(ids)
        elif self.section.key == "organisations":
            self.editor.delete_organisation(ids[0])
        elif self.section.key == "topics":
            self.editor.delete_topic(ids[0])
        elif self.section.kind in ("list", "event"):
            self.collections.delete(self.section.kind, ids[0])

    def _data_changed(self, kind: str, ids: list[int]) -> None:
        """After any write (also undo/redo): refresh table, filters and the detail pane."""
        self._records_cache.clear()
        self.overview.invalidate()
        if kind in ("organisation", "topic", "list", "event"):
            self._load_filter_choices()
        self.collections.reload_sidebar()
        if not (self.current and self.current[0] in ("list", "event")):
            self.collections.reload_members()
        # else _show_detail below reloads the members: once, not twice (5,000 rows ≈ 0.1 s)
        for model in self.models.values():
            if isinstance(model, HitTableModel):
                model.invalidate()
        self.run_search(immediately=True)
        if self.current:
            self._show_detail(*self.current)

    def person_erased(self, person_id: int, *, erased: bool = True) -> None:
        """After a GDPR erasure (or a failed one): forget the person everywhere in the window."""
        if erased:
            # Undo must not resurrect erased data: a "Delete" or "Edit" on the stack holds a
            # snapshot of the person and would write it back. QUndoStack cannot drop single
            # commands, so the whole history goes (the confirmation said this is final).
            self.undo_stack.clear()
            target = ("person", person_id)
            self.history = [entry for entry in self.history if entry != target]
            self.history_index = len(self.history) - 1
            if self.current == target:
                self.current = None
                self.detail.show_empty()
        self._data_changed("person", [person_id])

    def copy_emails(self) -> None:
        from PySide6.QtGui import QGuiApplication

        ids = self.selected_ids()
        if not ids:
            return
        with self.database.read_session() as session:
            records = directory.records_by_id(session, "persons", ids)
        addresses = [r["emails"][0]["address"] for r in records.values() if r["emails"]]
        QGuiApplication.clipboard().setText("; ".join(addresses))
        self.statusBar().showMessage(self.tr("%n address(es) copied", "", len(addresses)), 5000)

    # --- vCards -------------------------------------------------------------------------------
    def _person_ids_for_action(self) -> list[int]:
        if self.section.key != "persons":
            return []
        ids = self.selected_ids()
        if not ids and self.current and self.current[0] == "person":
            ids = [self.current[1]]
        return ids

    def copy_vcard(self) -> None:
        from PySide6.QtGui import QGuiApplication

        ids = self._person_ids_for_action()
        if ids:
            QGuiApplication.clipboard().setMimeData(vcard_mime_data(self.database, ids))
            self.statusBar().showMessage(self.tr("%n card(s) copied", "", len(ids)), 5000)

    def show_qr(self) -> None:
        if not self.current or self.current[0] != "person":
            return
        from defence_dir.vcard.writer import Profile, card, load_cards

        with self.database.read_session() as session:
            cards = load_cards(session, [self.current[1]])
        if cards:
            compact = cards[0]
            compact.notes, compact.categories = None, []  # keep the code small enough to scan
            self.run_dialog(QrDialog(self, compact.display_name, card(compact,
                                                                        Profile.STANDARD)))

    def export_vcards(self) -> None:
        selected = self._person_ids_for_action()
        query, filters = self.search_field.text(), self.filters()
        person_filters = replace(filters, kind="person")
        scopes: list[tuple[str, Callable[[], list[int]]]] = []
        if selected:
            scopes.append((self.tr("Selected persons (%n)", "", len(selected)),
                           lambda: selected))
        if self.section.key == "persons" and (query.strip() or filters.narrowed):
            scopes.append((self.tr("The current search result"),
                           lambda: self.search_service.all_ids(query, person_filters)))
        scopes.append((self.tr("Everybody in the directory"),
                       lambda: self.search_service.all_ids("", SearchFilters(kind="person"))))
        dialog = ExportDialog(self, self.database, scopes)
        if self.run_dialog(dialog) and dialog.result_message:
            self.statusBar().showMessage(dialog.result_message, 8000)

    def import_vcards(self, path: str | None = None) -> None:
        from PySide6.QtWidgets import QFileDialog

        if path is None:
            path, _filter = QFileDialog.getOpenFileName(self, self.tr("Import vCards"), "",
                                                        self.tr("vCard (*.vcf *.vcard)"))
        if not path:
            return
        try:
            dialog = ImportDialog(self, self.database, Path(path))
        except OSError as exc:
            self.report_error(str(exc.strerror or exc))
            return
        if self.run_dialog(dialog) and dialog.batch_id is not None:
            self._data_changed("organisation", [])
            self.statusBar().showMessage(dialog.summary.text(), 8000)

    def import_spreadsheet(self, path: str | None = None) -> None:
        from defence_dir.ui.imports.spreadsheet_wizard import SpreadsheetWizard

        wizard = SpreadsheetWizard(self, self.database)
        if path:
            wizard.file_page.open_file(path)
        if self.run_dialog(wizard) and wizard.import_result is not None:
            self._data_changed("organisation", [])
            self.statusBar().showMessage(wizard.summary(), 10000)
        elif wizard.import_result is not None:  # closed with the window's close button
            self._data_changed("organisation", [])
        wizard.delete_when_idle()  # not kept with the window until it closes

    def undo_an_import(self) -> None:
        from defence_dir.ui.imports.imports_dialog import ImportsDialog

        dialog = ImportsDialog(self, self.database)
        self.run_dialog(dialog)
        if dialog.changed:
            self._data_changed("organisation", [])
        dialog.deleteLater()

    # --- dialogs ------------------------------------------------------------------------------
    def show_settings(self) -> None:
        from defence_dir.ui.common.settings_dialog import SettingsDialog

        SettingsDialog(self).exec()

    def show_team_settings(self) -> None:
        from defence_dir.ui.team.team_settings_dialog import TeamSettingsDialog
        from defence_dir.ui.window.app import replace_window

        dialog = TeamSettingsDialog(self, self.database)
        if dialog.exec() and dialog.opened is not None:
            replace_window(self, dialog.opened)
        dialog.deleteLater()

    def show_about(self) -> None:
        text = "\n\n".join((
            f"defence-dir {__version__}",
            self.tr("The directory of the DEFENCE.NRW networks: networks, organisations, "
                    "contact persons, technology fields, events and distribution lists."),
            self.tr("Database: {location}").format(location=self.database.location),
        ))
        box = plain_message_box(self, QMessageBox.Icon.NoIcon, self.tr("About defence-dir"),
                                text)
        box.setObjectName("aboutBox")
        box.setIconPixmap(self.windowIcon().pixmap(64, 64))
        box.exec()
