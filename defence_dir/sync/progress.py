"""Progress of a sync for a progress bar, a cancel button, and named points tests stop at."""

from __future__ import annotations

from collections.abc import Callable

from defence_dir.errors import DefenceDirError
from defence_dir.i18n import _

# (done, total) -> whether to go on; False cancels the sync (nothing is changed).
Progress = Callable[[int, int], bool]
# Called with the name of each point a sync passes (tests kill the process there).
STAGE_HOOK: list[Callable[[str], None]] = []


class SyncCancelled(DefenceDirError):
    def __init__(self) -> None:
        super().__init__(_("Sync cancelled; the copy is as it was before."))


class Steps:
    """Counts work done against a total and asks the caller whether to go on."""

    def __init__(self, progress: Progress | None) -> None:
        self.progress = progress
        self.done = 0
        self.total = 0

    def begin(self, total: int) -> None:
        self.total = max(total, 1)
        self._report()

    def advance(self, amount: int) -> None:
        self.advance_to(self.done + amount)

    def advance_to(self, done: int) -> None:
        self.done = min(done, self.total)
        self._report()

    def stage(self, name: str, *, cancellable: bool = True) -> None:
        for hook in STAGE_HOOK:
            hook(name)
        if cancellable:
            self._report()

    def _report(self) -> None:
        if self.progress is not None and not self.progress(self.done, self.total):
            raise SyncCancelled
