"""The directory's main window: it lays out the section list, the table page and the detail
pane, and wires them to the controllers that do the work."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from defence_dir.data.database import Database
from defence_dir.records import browsing
from defence_dir.search.service import SearchService
from defence_dir.team.settings import team_label
from defence_dir.ui.common.messages import show_error
from defence_dir.ui.duplicates.duplicates_actions import DuplicatesActions
from defence_dir.ui.lists.collections_controller import CollectionsController
from defence_dir.ui.overview.overview_page import OverviewPage
from defence_dir.ui.privacy.privacy_actions import PrivacyActions
from defence_dir.ui.records.record_editing import RecordEditor
from defence_dir.ui.window.app_lifetime import open_databases, release_clipboard
from defence_dir.ui.window.detail_pane import DetailPane
from defence_dir.ui.window.import_actions import ImportActions
from defence_dir.ui.window.navigation_history import NavigationHistory, Target
from defence_dir.ui.window.read_only_banner import ReadOnlyBanner
from defence_dir.ui.window.record_commands import COLLECTIONS, EDITABLE, RecordCommands
from defence_dir.ui.window.section_list import OVERVIEW, SectionList
from defence_dir.ui.window.section_page import SectionPage
from defence_dir.ui.window.sections import SECTION_OF_KIND, SECTIONS, Section
from defence_dir.ui.window.vcard_actions import VcardActions
from defence_dir.ui.window.window_actions import WindowActions
from defence_dir.ui.window.window_dialogs import WindowDialogs
from defence_dir.ui.window.window_state import restore_window_state, save_window_state


class MainWindow(QMainWindow):
    # (kind, ids) after any write, also undo/redo: table, filters and detail pane refresh.
    data_changed = Signal(str, list)

    def __init__(self, database: Database) -> None:
        super().__init__()
        self.database = database
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("defence-dir – DEFENCE.NRW directory"))
        self.resize(1280, 800)
        self.search_service = SearchService(database.read_session)
        self.undo_stack = QUndoStack(self)
        self.history = NavigationHistory()
        self.current: Target | None = None
        self.data_changed.connect(self._refresh_after_change)
        self.detail = DetailPane()
        self.detail.navigate.connect(self.go_to)
        self.collections = CollectionsController(self, self.data_changed.emit)
        self.editor = RecordEditor(self)
        self.commands = RecordCommands(self.editor, self.collections)
        self.page = SectionPage(database, self.search_service, self.collections.panel)
        self.page.row_changed.connect(self._row_changed)
        self.page.result_shown.connect(self._select_current)
        self.page.runner.failed.connect(lambda _request, message: self.statusBar().showMessage(
            self.tr("Search failed: {message}").format(message=message), 8000))
        # Short names (tests and scripts/screenshots.py use them).
        self.search_bar, self.table, self.runner = self.page.search_bar, self.page.table, \
            self.page.runner
        self.search_field, self.hit_label = self.search_bar.field, self.search_bar.hit_label
        self.filter_combos, self.models = self.search_bar.combos, self.page.tables.models
        self.table.customContextMenuRequested.connect(
            lambda pos: self.context_menu().popup(self.table.viewport().mapToGlobal(pos)))
        self.table.doubleClicked.connect(lambda _index: self.edit_current())
        self.navigation = SectionList()
        self.navigation.chosen.connect(lambda key: self.show_overview() if key == OVERVIEW
                                       else self.select_section(key, keep_current=True))
        self.overview = OverviewPage(database)
        self.overview.show_persons.connect(self.show_persons_with)
        self._lay_out()
        self.dialogs = WindowDialogs(self, database, self.replace_by)
        self.vcards, self.imports = VcardActions(self, self.search_service), ImportActions(self)
        self.menus = WindowActions(self, self.undo_stack, self._slots())
        self.privacy = PrivacyActions(self)
        self.duplicates = DuplicatesActions(self, self.detail)  # the menu entry and the hint
        self.menus.build_menus(self.privacy.menu)
        self._update_actions()
        self.banner = ReadOnlyBanner(self, database) if database.read_only else None
        self.copy_banner = self.banner.copy_banner if self.banner else None
        if database.read_only:  # a write that slips through is refused in one line
            for action in (self.menus.import_action, self.menus.import_sheet_action,
                           self.menus.undo_import_action):
                action.setEnabled(False)
            self._update_actions()
        restore_window_state(self, self.splitter)
        self.search_bar.load_choices(database)
        self.select_section(SECTIONS[0].key)
        if self.copy_banner is not None:
            self.copy_banner.start_if_wanted()

    def _slots(self) -> dict[str, Callable[[], object]]:
        w, v, i, d = self, self.vcards, self.imports, self.dialogs
        return {
            "new": lambda: w.commands.create(w.section.kind), "edit": w.edit_current,
            "delete": lambda: w.commands.delete(w.section.kind, w.page.selected_ids() or (
                [w.current[1]] if w.current else [])),
            "find": w.focus_search, "reload": w.reload, "quit": w.close,
            "back": lambda: w.step(w.history.back()), "overview": w.show_overview,
            "forward": lambda: w.step(w.history.forward()),
            "settings": d.show_settings, "team": d.show_team_settings, "about": d.show_about,
            "copyEmails": lambda: v.copy_emails(w.page.selected_ids()),
            "copyVcard": lambda: v.copy_vcards(w.person_ids()),
            "qr": lambda: v.show_qr(w.current),
            "export": lambda: v.export(w.person_ids(), *w.page.person_search()),
            "import": i.import_vcards, "importSheet": i.import_spreadsheet,
            "undoImport": i.undo_an_import, "duplicates": lambda: w.duplicates.open_finder()}

    def _lay_out(self) -> None:
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.navigation)
        left_layout.addWidget(self.collections.sidebar, 1)
        self.centre_stack = QStackedWidget()
        self.centre_stack.addWidget(self.page)
        self.centre_stack.addWidget(self.overview)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("splitter")
        for widget in (left, self.centre_stack, self.detail):
            self.splitter.addWidget(widget)
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

    @property
    def section(self) -> Section:
        return self.page.section

    # --- settings and closing -------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:  # Qt's name
        self.page.save_columns()
        save_window_state(self, self.splitter)
        release_clipboard()
        self.runner.wait(2000)
        self.overview.worker.wait(2000)
        self.privacy.worker.wait()  # an erasure must finish: it ends in VACUUM
        if self.copy_banner is not None:  # a sync stopped at Cancel leaves the copy as it was
            self.copy_banner.cancel.set()
            self.copy_banner.wait()
        self.collections.mailing.jobs.wait(10000)  # a mail-merge file is written whole
        super().closeEvent(event)

    def replace_by(self, database: Database) -> MainWindow:
        """A window on `database` (the team's, say) in place of this one, whose database stays
        open until the app ends (a worker may still use it)."""
        open_databases.append(database)
        successor = MainWindow(database)
        successor.setGeometry(self.geometry())
        successor.show()
        self.close()
        self.deleteLater()
        return successor

    # --- sections and search --------------------------------------------------------------------
    def select_section(self, key: str, *, keep_current: bool = False) -> None:
        section = next(s for s in SECTIONS if s.key == key)
        self._show_centre(self.page)
        self.navigation.mark(key)
        self.menus.name_new(key)
        if section.kind in COLLECTIONS and self.current and self.current[0] == section.kind:
            self.collections.show_members(*self.current)
        else:
            self.collections.hide_members()
        self.page.show_section(section)
        if not keep_current:
            self.detail.show_empty()
        self._update_actions()

    def show_overview(self) -> None:
        """Charts instead of the table; the detail pane steps aside to give them room."""
        self.navigation.mark(OVERVIEW)
        # The overview shows no list or event: a highlight in the sidebar would look like a
        # second place the user is at (it comes back with the list's or event's section).
        self.collections.sidebar.mark(None)
        self._show_centre(self.overview)

    def _show_centre(self, page: QWidget) -> None:
        self.centre_stack.setCurrentWidget(page)
        self.detail.setVisible(page is not self.overview)
        self._update_actions()

    def overview_shown(self) -> bool:
        return self.centre_stack.currentWidget() is self.overview

    def show_persons_with(self, filter_key: str, record_id: int) -> None:
        """The persons of one network, technology field or event (a click on an overview bar)."""
        if not self.search_bar.has_choice(filter_key, record_id):
            self.search_bar.load_choices(self.database)  # created after the choices were read
        self.search_bar.show_only(filter_key, record_id)
        self.select_section("persons")

    def focus_search(self) -> None:
        if self.overview_shown():  # the search field is on the table page
            self.select_section(self.section.key, keep_current=True)
        self.search_bar.focus()

    def reload(self) -> None:
        self.page.tables.forget_records()
        self.overview.invalidate()
        self.search_bar.load_choices(self.database)
        self.collections.refresh()
        self.page.run_search(immediately=True)
        if self.current:
            self._show_detail(*self.current)

    # --- the record shown, and Back/Forward -----------------------------------------------------
    def _row_changed(self, kind: str, record_id: int) -> None:
        if (kind, record_id) != self.current:  # not the row of the record shown, again
            self._visit(kind, record_id)

    def _visit(self, kind: str, record_id: int) -> None:
        """Show a record and remember it in the history (Alt+Left goes back)."""
        self.history.visit((kind, record_id))
        self._show_detail(kind, record_id)

    def _show_detail(self, kind: str, record_id: int) -> None:
        self.current = (kind, record_id)
        self.detail.show_record(kind, browsing.detail(self.database, kind, record_id))
        # The members belong under the lists' (events') table: not under the persons table
        # when a change elsewhere refreshes the list still shown in the detail pane. Going to
        # the section shows them (select_section).
        if kind in COLLECTIONS and self.section.kind == kind and not self.overview_shown():
            self.collections.show_members(kind, record_id)
        self._update_actions()

    def go_to(self, kind: str, record_id: int) -> None:
        """Follow a link: switch to the record's section and show it."""
        self._visit(kind, record_id)
        self._reveal(kind, record_id)

    def _reveal(self, kind: str, record_id: int) -> None:
        section = SECTION_OF_KIND[kind]
        if self.section is not section:
            self.search_bar.clear_query()
            self.select_section(section.key, keep_current=True)
        elif self.overview_shown():  # back to the table, with the search the user left there
            self.select_section(section.key, keep_current=True)
        self.page.select(record_id)

    def _select_current(self) -> None:
        if self.current and self.current[0] == self.section.kind:
            self.page.select(self.current[1])

    def step(self, target: Target | None) -> None:
        """Back or Forward: show the record the history steps to, if any."""
        if target is not None:
            self._show_detail(*target)
            self._reveal(*target)

    def person_ids(self) -> list[int]:
        """The persons a person command is for: the selected rows, else the one shown."""
        if self.section.key != "persons":
            return []
        ids = self.page.selected_ids()
        return ids or ([self.current[1]] if self.current and self.current[0] == "person" else [])

    def _update_actions(self) -> None:
        # On the overview the table is hidden: Del must not delete rows the user cannot see.
        shown = not self.overview_shown()
        self.menus.update(
            editable=self.section.kind in EDITABLE and shown and not self.database.read_only,
            has_current=shown and self.current is not None
            and self.current[0] == self.section.kind,
            has_selection=bool(self.page.selected_ids()), can_go_back=self.history.can_go_back,
            can_go_forward=self.history.can_go_forward, persons=self.section.key == "persons",
            has_persons=bool(self.person_ids()))
        self.privacy.update_actions()
        if self.database.read_only:  # erasing writes; an access report is logged, so does it
            self.privacy.export_action.setEnabled(False)
            self.privacy.erase_action.setEnabled(False)

    def context_menu(self) -> QMenu:
        """The table's context menu for the selection (a method so tests can use it)."""
        def person_entries(menu: QMenu) -> None:
            if self.section.key == "persons":
                menu.addSeparator()
                menu.addAction(self.privacy.export_action)
                menu.addAction(self.privacy.erase_action)
                if not self.database.read_only:
                    menu.addSeparator()
                    self.collections.add_person_menus(menu, self.person_ids())
        return self.menus.context_menu(person_entries)

    # --- user prompts (methods so tests can answer them) ----------------------------------------
    def confirm(self, title: str, text: str) -> bool:
        return self.dialogs.confirm(title, text)

    def ask_conflict(self, message: str) -> str:
        return self.dialogs.ask_conflict(message)

    def run_dialog(self, dialog: QDialog) -> bool:
        return dialog.exec() == QDialog.DialogCode.Accepted

    def report_error(self, message: str) -> None:
        show_error(self, self.tr("Not saved"), message)

    # --- editing and refreshing ---------------------------------------------------------------
    def edit_current(self) -> None:
        if self.current and self.current[0] == self.section.kind and not self.database.read_only:
            self.commands.edit(*self.current)

    def _refresh_after_change(self, kind: str, _ids: list[int]) -> None:
        self.page.tables.forget_records()
        self.page.tables.forget_rows()
        self.overview.invalidate()
        if kind in ("organisation", "topic", *COLLECTIONS):  # their names are filter choices
            self.search_bar.load_choices(self.database)
        self.collections.reload_sidebar()
        if not (self.current and self.current[0] in COLLECTIONS):
            self.collections.reload_members()
        # else _show_detail below reloads the members: once, not twice (5,000 rows ≈ 0.1 s)
        self.page.run_search(immediately=True)
        if self.current:
            self._show_detail(*self.current)

    def person_erased(self, person_id: int, *, erased: bool = True) -> None:
        """After a GDPR erasure (or a failed one): forget the person everywhere in the window."""
        if erased:
            # Undo must not resurrect erased data: a "Delete" or "Edit" on the stack holds a
            # snapshot of the person and would write it back. QUndoStack cannot drop single
            # commands, so the whole history goes (the confirmation said this is final).
            self.undo_stack.clear()
            self.history.forget(("person", person_id))
            if self.current == ("person", person_id):
                self.current = None
                self.detail.show_empty()
        self.data_changed.emit("person", [person_id])
