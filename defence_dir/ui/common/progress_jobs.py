"""Big writes as jobs with a window-modal progress dialog (and, where it is safe, Cancel).

Adding, removing or undoing thousands of members takes 0.4–0.8 s for 5,000 persons (measured
on SQLite; more over a network database): longer than the 200 ms the GUI thread may spend.
The jobs run one after the other (see jobs.Jobs), so an undo never overtakes the change it
undoes, and the modal dialog keeps the user from starting a second write meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from defence_dir.errors import DefenceDirError
from defence_dir.ui.common.jobs import Cancelled, Jobs, Work
from defence_dir.ui.common.messages import plain_progress_dialog

__all__ = ["BACKGROUND_FROM", "Cancelled", "ProgressJobs"]

# From this many persons a change runs in the worker; fewer stay on the GUI thread, where
# 1,000 take about 100–150 ms and a dialog would only flash.
BACKGROUND_FROM = 1000


class ProgressJobs(QObject):
    """`run(label, work, done, failed)`: `work(progress)` as a job under a progress dialog;
    `done(result)`, `failed(message)` or `cancelled()` are then called on the GUI thread."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.window = parent
        self.jobs = Jobs(self)
        self.dialog: QProgressDialog | None = None

    @property
    def running(self) -> bool:
        return self.dialog is not None

    def run(self, label: str, work: Work, done: Callable[[Any], None],
            failed: Callable[[str], None], *, cancelled: Callable[[], None] | None = None,
            ) -> None:
        """`cancelled` given: the dialog has a Cancel button, and the work must leave nothing
        changed when its progress callback raises (one transaction that rolls back)."""
        dialog = plain_progress_dialog(self.window, label)
        dialog.setRange(0, 0)
        dialog.setObjectName("jobProgress")
        dialog.setWindowTitle(label)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        if cancelled is not None:  # none for an undo: the stack has already moved on
            # Qt's own "Cancel" (qtbase catalogue), as on every standard button.
            dialog.setCancelButtonText(QCoreApplication.translate("QPlatformTheme", "Cancel"))
            dialog.canceled.connect(self.jobs.cancel)  # the work stops after its current step
        self.dialog = dialog

        def progress(count: int, total: int) -> None:
            dialog.setMaximum(total)
            dialog.setValue(count)

        def finish(answer: Callable[..., None], *args: Any) -> None:
            dialog.close()
            dialog.deleteLater()
            if self.dialog is dialog:
                self.dialog = None
            answer(*args)

        def fail(error: DefenceDirError) -> None:
            finish(failed, str(error))
        self.jobs.run(work, lambda result: finish(done, result), fail, progress=progress,
                      cancelled=lambda: finish(cancelled or (lambda: None)))
        dialog.show()

    def wait(self) -> None:
        """Block until the jobs are done (tests); their answers arrive with the next events."""
        self.jobs.wait()
