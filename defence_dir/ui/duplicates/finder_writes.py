"""What the finder writes: a merge, a "not duplicates" mark, a whole lane merged; each one
a step of the window's undo stack, each refusal a clear message."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from defence_dir.duplicates.service import DuplicateGroup, Lane
from defence_dir.errors import DefenceDirError
from defence_dir.merging import service as merging
from defence_dir.merging.service import Comparison, MergeResult
from defence_dir.ui.common.host import WindowHost
from defence_dir.ui.common.jobs import Jobs
from defence_dir.ui.common.messages import plain_message_box
from defence_dir.ui.common.progress_jobs import ProgressJobs
from defence_dir.ui.duplicates.comparison_view import ComparisonView
from defence_dir.ui.duplicates.groups_model import GroupsModel
from defence_dir.ui.duplicates.undo_commands import (
    Hooks,
    MarkedDifferent,
    MergedGroup,
    MergedLane,
    mark_different,
)


class Finder(Protocol):
    """The finder window as its writes see it (no import of the window: no cycle)."""

    host: WindowHost
    view: ComparisonView
    model: GroupsModel
    comparison: Comparison | None
    progress_jobs: ProgressJobs

    def current_group(self) -> DuplicateGroup | None: ...

    def load_comparison(self, group: DuplicateGroup,
                        ids: Sequence[int] | None = None) -> None: ...

    def groups_left(self, groups: Sequence[DuplicateGroup]) -> None: ...

    def groups_back(self, groups: Sequence[DuplicateGroup]) -> None: ...

    def update_buttons(self) -> None: ...

    def widget(self) -> QWidget: ...


class FinderWrites(QObject):
    """The finder's writes, one at a time in a worker (a merge of a large record with its
    memberships and consent history is no GUI-thread work)."""

    def __init__(self, finder: Finder) -> None:
        super().__init__(finder.widget())
        self.finder = finder
        self.host = finder.host
        self.jobs = Jobs(self)
        self.busy = False
        self.hooks = Hooks(
            lambda ids: self.host.data_changed.emit("person", ids), self.show_failure,
            finder.groups_left, finder.groups_back)

    def compare(self, ids: Sequence[int]) -> Comparison:
        return merging.compare(self.host.database, ids)

    def _ready(self) -> tuple[DuplicateGroup, Comparison] | None:
        group, comparison = self.finder.current_group(), self.finder.comparison
        if group is None or comparison is None or self.busy or self.host.database.read_only:
            return None
        return group, comparison

    def _start(self) -> None:
        self.busy = True
        self.finder.update_buttons()

    def _end(self) -> None:
        self.busy = False
        self.finder.update_buttons()

    def merge(self) -> None:
        """Merge the group shown into its first person with the values ticked; refused if a
        colleague changed or erased one of them since the comparison was read."""
        ready = self._ready()
        if ready is None:
            return
        group, comparison = ready
        picks = self.finder.view.chosen_ids(comparison.ids)
        expected = dict(zip(comparison.ids, comparison.versions, strict=True))
        keep, others = comparison.ids[0], comparison.ids[1:]
        database = self.host.database
        self._start()

        def answer(result: object) -> None:
            self._end()
            if isinstance(result, DefenceDirError):
                self.refused(group, str(result), comparison.ids)
                return
            assert isinstance(result, MergeResult)
            self.host.undo_stack.push(MergedGroup(database, group, result, picks, self.hooks))
            self.finder.groups_left([group])
            self.hooks.changed(list(group.ids))
            self.host.statusBar().showMessage(self.tr("Merged into {name}.").format(
                name=comparison.names[0]), 6000)
        self.jobs.call(lambda: merging.merge_persons(database, keep, others, picks=picks,
                                                     expected_versions=expected), answer)

    def refused(self, group: DuplicateGroup, message: str,
                comparison_ids: Sequence[int]) -> None:
        """Say why nothing was merged, and show the persons as they are now."""
        box = plain_message_box(self.finder.widget(), QMessageBox.Icon.Warning,
                                self.tr("Not merged"),
                                self.tr("{message}\n\nNothing was changed. The comparison now "
                                        "shows the persons as they are.").format(
                                    message=message))
        box.setObjectName("mergeRefused")
        box.open()
        if group == self.finder.current_group():
            self.finder.load_comparison(group, comparison_ids)

    def mark_different(self) -> None:
        ready = self._ready()
        if ready is None:
            return
        group, _comparison = ready
        database = self.host.database
        self._start()

        def answer(result: object) -> None:
            self._end()
            if isinstance(result, DefenceDirError):
                self.show_failure(str(result))
                return
            self.host.undo_stack.push(MarkedDifferent(database, group, self.hooks))
            self.finder.groups_left([group])
            self.hooks.changed(list(group.ids))
        self.jobs.call(lambda: mark_different(database, group), answer)

    def merge_lane(self) -> None:
        """Every group of the certain lane, each into its suggested keeper (fill-empty), after
        one confirmation; with progress, and Cancel leaves everything as it was."""
        groups = [g for g in self.finder.model.all if g.lane is Lane.CERTAIN]
        if not groups or self.busy or self.host.database.read_only:
            return
        if not self.host.confirm(self.tr("Merge whole lane"), self.tr(
                "Merge all %n group(s) of the certain lane? Each group is merged into its "
                "first person; empty fields are filled from the others. Undo takes it back.",
                "", len(groups))):
            return
        database = self.host.database
        self._start()

        def done(results: object) -> None:
            self._end()
            assert isinstance(results, list)
            self.host.undo_stack.push(MergedLane(database, groups, results, self.hooks,
                                                 self.finder.progress_jobs))
            self.finder.groups_left(groups)
            self.hooks.changed(sorted({i for g in groups for i in g.ids}))
            self.host.statusBar().showMessage(self.tr("%n group(s) merged.", "",
                                                      len(results)), 8000)

        def failed(message: str) -> None:
            self._end()
            self.show_failure(message)

        def cancelled() -> None:
            self._end()
            self.host.statusBar().showMessage(self.tr("Cancelled: nothing was merged."), 8000)
        self.finder.progress_jobs.run(
            self.tr("Merging %n group(s) …", "", len(groups)),
            lambda progress: merging.merge_groups(database, [g.ids for g in groups],
                                                  progress=progress),
            done, failed, cancelled=cancelled)

    def show_failure(self, message: str) -> None:
        finder = self.finder.widget()
        box = plain_message_box(finder if finder.isVisible() else self.host.window(),
                                QMessageBox.Icon.Warning,
                                self.tr("Not changed"), message)
        box.setObjectName("duplicatesFailed")
        box.open()
