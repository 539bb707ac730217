"""The duplicate finder: lanes with counts, the groups of a lane, the comparison of the one
selected, and one key per action (M merge, N not duplicates, S or Space skip, J/K next and
previous, 1–9 the value to keep for the current field).

Non-modal: the user may look a person up in the main window meanwhile. The search runs as a
job with progress and Cancel; each merge or mark is a step of the window's undo stack.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import partial

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTabBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from defence_dir.duplicates import service as duplicates
from defence_dir.duplicates.service import DuplicateGroup, Lane
from defence_dir.errors import DefenceDirError
from defence_dir.merging.service import Comparison
from defence_dir.ui.common.host import WindowHost
from defence_dir.ui.common.jobs import Jobs
from defence_dir.ui.common.messages import show_busy_text, show_error_text
from defence_dir.ui.common.progress_jobs import ProgressJobs
from defence_dir.ui.duplicates.comparison_view import ComparisonView
from defence_dir.ui.duplicates.finder_writes import FinderWrites
from defence_dir.ui.duplicates.groups_model import NAMES, REASON, SCORE, GroupsModel
from defence_dir.ui.duplicates.person_names import person_names

LANES = (Lane.CERTAIN, Lane.LIKELY, Lane.POSSIBLE)
Found = tuple[list[DuplicateGroup], dict[int, str]]


class FinderWindow(QDialog):
    """`search()` looks through the whole directory; `show_group(group, names)` shows one
    group (the detail pane's hint) without a search."""

    def __init__(self, host: WindowHost) -> None:
        super().__init__(host.window())
        self.host = host
        self.setObjectName("duplicateFinder")
        self.setWindowTitle(self.tr("Find duplicates"))
        self.setModal(False)
        self.resize(1180, 720)
        self.searching = False
        self.comparison: Comparison | None = None
        self._chosen = 0  # groups chosen so far: tells whether choosing one did anything
        self.finder_jobs = Jobs(self)
        self.compare_jobs = Jobs(self, newest_only=True)  # only the group shown counts
        self.progress_jobs = ProgressJobs(self)
        self._build()
        self.writes = FinderWrites(self)
        self._keys()
        self.update_buttons()

    # --- layout -------------------------------------------------------------------------------
    def _build(self) -> None:
        self.status = QLabel()
        self.status.setObjectName("finderStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setObjectName("finderProgress")
        self.progress.setMaximumWidth(260)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("cancelSearch")
        self.cancel_button.clicked.connect(self.cancel_search)
        self.search_button = QPushButton(self.tr("Search again (F5)"))
        self.search_button.setObjectName("searchAgain")
        self.search_button.setToolTip(self.tr("Look through the whole directory again"))
        self.search_button.clicked.connect(self.search)
        top = QHBoxLayout()
        top.addWidget(self.status, 1)
        top.addWidget(self.progress)
        top.addWidget(self.cancel_button)
        top.addWidget(self.search_button)

        self.lanes = QTabBar()
        self.lanes.setObjectName("lanes")
        self.lanes.setExpanding(False)
        for lane in LANES:
            self.lanes.addTab(self.lane_text(lane, 0))
            self.lanes.setTabToolTip(self.lanes.count() - 1, self.tr("{hint} (L: next lane)")
                                     .format(hint=self.lane_hint(lane)))
        self.lanes.currentChanged.connect(self._lane_chosen)

        self.model = GroupsModel([self.tr("Persons"), self.tr("Score"), self.tr("Why")], self)
        self.groups = QTableView()
        self.groups.setObjectName("groups")
        self.groups.setModel(self.model)
        self.groups.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.groups.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.groups.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.groups.verticalHeader().hide()
        self.groups.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.groups.horizontalHeader()
        header.setSectionResizeMode(NAMES, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(SCORE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(REASON, QHeaderView.ResizeMode.Stretch)
        self.groups.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._group_chosen(current))

        self.view = ComparisonView()
        self.view.picks_changed.connect(self.update_buttons)
        self.view.horizontalHeader().sectionClicked.connect(
            lambda section: self.make_keeper(section - 1))
        self.view.horizontalHeader().setToolTip(self.tr(
            "Click a person's heading (or press Ctrl and their number) to keep that person"))
        self.reasons = QLabel()
        self.reasons.setObjectName("reasons")
        self.reasons.setTextFormat(Qt.TextFormat.PlainText)
        self.reasons.setWordWrap(True)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.view, 1)
        right_layout.addWidget(self.reasons)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.groups)
        self.splitter.addWidget(right)
        self.splitter.setSizes([470, 710])

        self.merge_button = self._button("merge", self.tr("Merge (M)"), self.tr(
            "Merge the persons into the first one, with the values ticked (M)"))
        self.different_button = self._button("different", self.tr("Not duplicates (N)"),
                                             self.tr("These are different people: never "
                                                     "propose them again (N)"))
        self.skip_button = self._button("skip", self.tr("Skip (S)"), self.tr(
            "Leave this group for now and show the next one (S or Space)"))
        self.lane_button = self._button("mergeLane", self.tr("Merge whole lane…"), self.tr(
            "Merge every group of the certain lane after one confirmation"))
        self.keys_hint = QLabel(self.tr("J/K or ↑/↓: next/previous group · 1, 2, 3: keep "
                                        "that value of the current field · Ctrl+1, 2, 3: keep "
                                        "that person · Ctrl+Z: undo"))
        self.keys_hint.setObjectName("keysHint")
        self.keys_hint.setStyleSheet("color: palette(placeholder-text);")
        self.keys_hint.setWordWrap(True)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.close)
        buttons = QHBoxLayout()
        for button in (self.merge_button, self.different_button, self.skip_button):
            buttons.addWidget(button)
        buttons.addWidget(self.keys_hint, 1)
        buttons.addWidget(self.lane_button)
        buttons.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.lanes)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(buttons)
        self.merge_button.clicked.connect(lambda: self.writes.merge())
        self.different_button.clicked.connect(lambda: self.writes.mark_different())
        self.skip_button.clicked.connect(lambda: self.step(1))
        self.lane_button.clicked.connect(lambda: self.writes.merge_lane())

    def _button(self, name: str, text: str, tooltip: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(f"{name}Button")
        button.setToolTip(tooltip)
        button.setAutoDefault(False)  # Return must not merge by accident
        return button

    def _keys(self) -> None:
        """One key per action, anywhere in the finder."""
        def key(sequence: str, slot: Callable[[], object]) -> None:
            shortcut = QShortcut(QKeySequence(sequence), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        key("M", lambda: self.writes.merge())
        key("N", lambda: self.writes.mark_different())
        for skip in ("S", "Space", "J"):
            key(skip, lambda: self.step(1))
        key("K", lambda: self.step(-1))
        key("L", lambda: self.lanes.setCurrentIndex((self.lanes.currentIndex() + 1) % len(LANES)))
        key("F5", self.search)
        # The window's undo and redo work here too: the finder is a window of its own.
        stack = self.host.undo_stack
        self.undo_action = stack.createUndoAction(self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = stack.createRedoAction(self)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"),
                                       QKeySequence(QKeySequence.StandardKey.Redo)])
        self.addActions([self.undo_action, self.redo_action])
        for number in range(1, 10):
            key(str(number), partial(self.choose, number - 1))
            key(f"Ctrl+{number}", partial(self.make_keeper, number - 1))

    def lane_text(self, lane: Lane, count: int) -> str:
        return {Lane.CERTAIN: self.tr("Certain ({count})"),
                Lane.LIKELY: self.tr("Likely ({count})"),
                Lane.POSSIBLE: self.tr("Possible ({count})")}[lane].format(count=count)

    def lane_hint(self, lane: Lane) -> str:
        return {Lane.CERTAIN: self.tr("Safe to merge without reading"),
                Lane.LIKELY: self.tr("Strong evidence: give each a glance"),
                Lane.POSSIBLE: self.tr("Worth a look")}[lane]

    # --- searching ----------------------------------------------------------------------------
    def search(self) -> None:
        if self.searching:
            return
        self.searching = True
        self.progress.setRange(0, 0)
        show_busy_text(self.status, self.tr("Looking for duplicates …"))
        self.update_buttons()
        database = self.host.database

        def work(progress: Callable[[int, int], None]) -> Found:
            groups = duplicates.find_duplicates(database, progress=progress)
            return groups, person_names(database, {i for g in groups for i in g.ids})

        def progress(done: int, total: int) -> None:
            self.progress.setRange(0, max(total, 1))
            self.progress.setValue(done)
        self.finder_jobs.run(work, self._found, self._search_failed, progress=progress,
                             cancelled=self._search_cancelled)

    def cancel_search(self) -> None:
        self.finder_jobs.cancel()

    def _found(self, found: Found) -> None:
        groups, names = found
        self.searching = False
        self.model.set_groups(groups, names)
        self.status.setStyleSheet("")
        self.status.setText(self.tr("%n group(s) found.", "", len(groups)))
        self._after_change(select_row=0)
        # Start in the strongest lane that has anything.
        counts = self.model.counts()
        for position, lane in enumerate(LANES):
            if counts[lane]:
                self.lanes.setCurrentIndex(position)
                break

    def _search_failed(self, error: DefenceDirError) -> None:
        self.searching = False
        show_error_text(self.status, self.tr("The search failed: {message}").format(
            message=str(error)))
        self.update_buttons()

    def _search_cancelled(self) -> None:
        self.searching = False
        show_busy_text(self.status, self.tr("Search cancelled. Nothing was changed."))
        self.update_buttons()

    def show_group(self, group: DuplicateGroup, names: Mapping[int, str]) -> None:
        """One group, e.g. from the detail pane's hint: in its lane, selected."""
        self.model.names.update(names)
        self.model.restore([group])
        self.lanes.setCurrentIndex(LANES.index(group.lane))
        self.model.set_lane(group.lane)
        self._after_change(select_row=self.model.rows.index(group))
        if not self.searching and len(self.model.all) == 1:
            show_busy_text(self.status, self.tr("Press F5 to look through the whole "
                                                "directory."))

    # --- the group shown ----------------------------------------------------------------------
    def _lane_chosen(self, position: int) -> None:
        self.model.set_lane(LANES[position])
        self._after_change(select_row=0)

    def current_group(self) -> DuplicateGroup | None:
        row = self.groups.currentIndex().row()
        return self.model.rows[row] if 0 <= row < len(self.model.rows) else None

    def _group_chosen(self, current: QModelIndex) -> None:
        self._chosen += 1
        self.comparison = None
        self.view.show_nothing()
        self.reasons.clear()
        self.update_buttons()
        if not current.isValid():
            return
        self.load_comparison(self.model.rows[current.row()])

    def load_comparison(self, group: DuplicateGroup,
                        ids: Sequence[int] | None = None) -> None:
        """Compare the group's persons, `ids[0]` (by default the suggested one) kept."""
        self.reasons.setText("\n".join(group.reasons))
        order = tuple(ids or group.ids)
        self.compare_jobs.call(lambda: self.writes.compare(order),
                               lambda answer: self._compared(group, answer))

    def make_keeper(self, column: int) -> None:
        """Keep person `column` (0-based) instead: the others are merged into it."""
        comparison, group = self.comparison, self.current_group()
        if comparison is None or group is None or not 0 < column < len(comparison.ids):
            return
        keeper = comparison.ids[column]
        self.comparison = None
        self.update_buttons()
        self.load_comparison(group, (keeper, *(i for i in comparison.ids if i != keeper)))

    def _compared(self, group: DuplicateGroup, answer: object) -> None:
        if group != self.current_group():
            return  # the user moved on meanwhile
        if isinstance(answer, DefenceDirError):
            # Erased or merged elsewhere meanwhile: the group is out of date.
            show_error_text(self.status, self.tr("This group is out of date and was taken "
                                                 "off the list: {message}").format(
                message=str(answer)))
            self.model.remove([group])
            self._after_change()
            return
        assert isinstance(answer, Comparison)
        self.comparison = answer
        self.view.show_fields(answer.names, answer.single, answer.united)
        self.update_buttons()

    def step(self, delta: int) -> None:
        """Skip (next) or go back, staying within the lane."""
        rows = self.model.rowCount()
        if not rows:
            return
        row = min(max(self.groups.currentIndex().row() + delta, 0), rows - 1)
        self.groups.setCurrentIndex(self.model.index(row, NAMES))

    def choose(self, column: int) -> None:
        if self.comparison is not None and not self.view.choose(column):
            self.host.statusBar().showMessage(self.tr("Nothing to choose in this field."),
                                              4000)

    # --- after a change -----------------------------------------------------------------------
    def groups_left(self, groups: Sequence[DuplicateGroup]) -> None:
        """Groups merged or marked (also by a redo) leave the list."""
        row = self.groups.currentIndex().row()
        self.model.remove(groups)
        self._after_change(select_row=max(row, 0))

    def groups_back(self, groups: Sequence[DuplicateGroup]) -> None:
        """An undo: the groups are proposals again."""
        row = self.groups.currentIndex().row()
        self.model.restore(groups)
        self._after_change(select_row=max(row, 0))

    def _after_change(self, select_row: int | None = None) -> None:
        counts = self.model.counts()
        for position, lane in enumerate(LANES):
            self.lanes.setTabText(position, self.lane_text(lane, counts[lane]))
        if select_row is not None and self.model.rowCount():
            row = min(select_row, self.model.rowCount() - 1)
            chosen = self._chosen
            self.groups.setCurrentIndex(self.model.index(row, NAMES))
            if chosen == self._chosen:  # the row was current already: no signal came
                self._group_chosen(self.model.index(row, NAMES))
        elif not self.model.rowCount():
            self._group_chosen(QModelIndex())
        self.update_buttons()

    def update_buttons(self) -> None:
        writable = not self.host.database.read_only and not self.writes_busy()
        shown = self.comparison is not None
        self.progress.setVisible(self.searching)
        self.cancel_button.setVisible(self.searching)
        self.search_button.setEnabled(not self.searching)
        self.merge_button.setEnabled(writable and shown)
        self.different_button.setEnabled(writable and shown)
        self.skip_button.setEnabled(self.model.rowCount() > 1)
        self.lane_button.setVisible(self.model.lane is Lane.CERTAIN)
        self.lane_button.setEnabled(writable and not self.searching
                                    and self.model.lane is Lane.CERTAIN
                                    and self.model.rowCount() > 0)

    def widget(self) -> QWidget:
        return self

    def writes_busy(self) -> bool:
        writes = getattr(self, "writes", None)
        return writes is not None and writes.busy

    def closeEvent(self, event: QCloseEvent) -> None:  # Qt's name
        self.finder_jobs.cancel()  # a search nobody waits for stops at its next step
        super().closeEvent(event)
