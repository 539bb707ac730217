"""Merges and "not duplicates" marks as steps of the window's undo stack.

As in ui/records/undo_commands.py, the first redo() is the change the finder already made
(so a refusal can be shown before anything is pushed); later redos repeat it. Undo calls the
core's exact undo. A step the data has moved past (a later edit of the kept person) is
refused by the core: the message is shown and the step becomes obsolete.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QUndoCommand

from defence_dir.data.database import Database
from defence_dir.duplicates import service as duplicates
from defence_dir.duplicates.service import DuplicateGroup
from defence_dir.errors import DefenceDirError
from defence_dir.merging import service as merging
from defence_dir.merging.service import MergeResult
from defence_dir.ui.common.progress_jobs import ProgressJobs

Changed = Callable[[list[int]], None]  # person ids: the host's data_changed("person", ids)
Failed = Callable[[str], None]
# The finder follows the stack: groups leave its list on redo and come back on undo.
Groups = Callable[[Sequence[DuplicateGroup]], None]


class Hooks:
    """What a step tells the window and the finder after it ran."""

    def __init__(self, changed: Changed, failed: Failed, groups_done: Groups,
                 groups_back: Groups) -> None:
        self.changed, self.failed = changed, failed
        self.groups_done, self.groups_back = groups_done, groups_back


def _person_ids(groups: Sequence[DuplicateGroup]) -> list[int]:
    return sorted({i for group in groups for i in group.ids})


class StepNames(QObject):
    """Names of the steps with a count: a QUndoCommand is no QObject, and lupdate (PySide6
    6.11) marks a text as plural only in tr(), not in QCoreApplication.translate()."""

    def merged_persons(self, count: int) -> str:
        return self.tr("Merge %n person(s)", "", count)

    def merged_groups(self, count: int) -> str:
        return self.tr("Merge %n group(s)", "", count)


class _Step(QUndoCommand):
    def __init__(self, text: str, groups: Sequence[DuplicateGroup], hooks: Hooks) -> None:
        super().__init__(text)
        self.groups, self.hooks = tuple(groups), hooks
        self._first = True

    def _do(self) -> None:
        raise NotImplementedError

    def _undo(self) -> None:
        raise NotImplementedError

    def _run(self, step: Callable[[], None], after: Groups) -> None:
        try:
            step()
        except DefenceDirError as exc:
            self.setObsolete(True)  # the data moved on; this step cannot be replayed
            self.hooks.failed(str(exc))
            self.hooks.changed(_person_ids(self.groups))
            return
        after(self.groups)
        self.hooks.changed(_person_ids(self.groups))

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._run(self._do, self.hooks.groups_done)

    def undo(self) -> None:
        self._run(self._undo, self.hooks.groups_back)


class MergedGroup(_Step):
    """One merge: redo merges again with the same picks, undo takes it back exactly."""

    def __init__(self, db: Database, group: DuplicateGroup, result: MergeResult,
                 picks: Mapping[str, int], hooks: Hooks) -> None:
        super().__init__(StepNames().merged_persons(len(group.ids)), (group,), hooks)
        self.db, self.result, self.picks = db, result, dict(picks)

    def _do(self) -> None:
        self.result = merging.merge_persons(self.db, self.result.kept, self.result.merged,
                                            picks=self.picks)

    def _undo(self) -> None:
        merging.undo_merge(self.db, self.result.merge_id)


class MergedLane(_Step):
    """A whole lane merged after one confirmation. Undo and redo of a thousand merges take
    seconds: they run under a progress dialog (no Cancel: the stack has moved already)."""

    def __init__(self, db: Database, groups: Sequence[DuplicateGroup],
                 results: Sequence[MergeResult], hooks: Hooks, jobs: ProgressJobs) -> None:
        super().__init__(StepNames().merged_groups(len(groups)), groups, hooks)
        self.db, self.results, self.jobs = db, list(results), jobs

    def _undo_all(self, progress: Callable[[int, int], None]) -> None:
        for done, result in enumerate(reversed(self.results)):
            merging.undo_merge(self.db, result.merge_id)
            progress(done + 1, len(self.results))

    def _merge_all(self, progress: Callable[[int, int], None]) -> None:
        self.results = merging.merge_groups(self.db, [g.ids for g in self.groups],
                                            progress=progress)

    def _in_job(self, label: str, work: Callable[[Callable[[int, int], None]], None],
                after: Groups) -> None:
        def done(_result: object) -> None:
            after(self.groups)
            self.hooks.changed(_person_ids(self.groups))

        def failed(message: str) -> None:
            self.setObsolete(True)
            self.hooks.failed(message)
            self.hooks.changed(_person_ids(self.groups))
        self.jobs.run(label, work, done, failed)

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._in_job(QCoreApplication.translate("MergedLane", "Merging again …"),
                     self._merge_all, self.hooks.groups_done)

    def undo(self) -> None:
        self._in_job(QCoreApplication.translate("MergedLane", "Taking the merges back …"),
                     self._undo_all, self.hooks.groups_back)


class MarkedDifferent(_Step):
    """"Not duplicates": every pair of the group is marked (undo takes the marks back)."""

    def __init__(self, db: Database, group: DuplicateGroup, hooks: Hooks) -> None:
        super().__init__(QCoreApplication.translate("MarkedDifferent", "Mark as not duplicates"),
                         (group,), hooks)
        self.db, self.group = db, group

    def _do(self) -> None:
        mark_different(self.db, self.group)

    def _undo(self) -> None:
        for first, second in pairs(self.group):
            duplicates.unmark_not_duplicates(self.db, first, second)


def pairs(group: DuplicateGroup) -> list[tuple[int, int]]:
    ids = group.ids
    return [(a, b) for n, a in enumerate(ids) for b in ids[n + 1:]]


def mark_different(db: Database, group: DuplicateGroup) -> None:
    for first, second in pairs(group):
        duplicates.mark_not_duplicates(db, first, second)
