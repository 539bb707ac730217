"""Big writes in a worker thread with a progress dialog (and, where it is safe, Cancel).

Adding, removing or undoing thousands of members takes 0.4–0.8 s for 5,000 persons (measured
on SQLite; more over a network database): longer than the 200 ms the GUI thread may spend.
Jobs run one after the other in one thread, so an undo never overtakes the change it undoes,
and the window-modal dialog keeps the user from starting a second write meanwhile.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from defence_dir.data.failures import describe
from defence_dir.errors import DefenceDirError
from defence_dir.ui.common.messages import plain_progress_dialog

# From this many persons a change runs in the worker; fewer stay on the GUI thread, where
# 1,000 take about 100–150 ms and a dialog would only flash.
BACKGROUND_FROM = 1000
Work = Callable[[Callable[[int, int], None]], Any]  # work(progress) -> result


class Cancelled(Exception):
    """Raised inside the work by its progress callback when the user pressed Cancel."""


class _Signals(QObject):
    progress = Signal(int, int)
    done = Signal(object)
    failed = Signal(str)
    cancelled = Signal()


class _Job(QRunnable):
    def __init__(self, work: Work, signals: _Signals) -> None:
        super().__init__()
        self.work, self.signals = work, signals
        self.cancel = threading.Event()

    def _progress(self, done: int, total: int) -> None:
        if self.cancel.is_set():
            raise Cancelled
        self.signals.progress.emit(done, total)

    def run(self) -> None:
        with contextlib.suppress(RuntimeError):  # the window closed while this ran
            try:
                result = self.work(self._progress)
            except Cancelled:
                self.signals.cancelled.emit()
            except DefenceDirError as exc:
                self.signals.failed.emit(str(exc))
            except Exception as exc:  # a worker thread must always answer the GUI
                self.signals.failed.emit(describe(exc))
            else:
                self.signals.done.emit(result)


class BackgroundJobs(QObject):
    """Runs `work(progress)` in a worker thread; `done(result)`, `failed(message)` or
    `cancelled()` are then called on the GUI thread."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.window = parent
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.dialog: QProgressDialog | None = None
        self._job: _Job | None = None
        self._signals: list[_Signals] = []  # kept alive until their job has answered

    @property
    def running(self) -> bool:
        return self._job is not None

    def run(self, label: str, work: Work, done: Callable[[Any], None],
            failed: Callable[[str], None], *, cancelled: Callable[[], None] | None = None,
            ) -> None:
        """`cancelled` given: the dialog has a Cancel button, and the work must leave nothing
        changed when its progress callback raises (one transaction that rolls back)."""
        signals = _Signals()
        self._signals.append(signals)
        job = _Job(work, signals)
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
            dialog.canceled.connect(job.cancel.set)  # the work stops after its current step
        self.dialog, self._job = dialog, job

        def progress(count: int, total: int) -> None:
            if not job.cancel.is_set():
                dialog.setMaximum(total)
                dialog.setValue(count)

        def finish(answer: Callable[..., None], *args: Any) -> None:
            dialog.close()
            dialog.deleteLater()
            if self.dialog is dialog:
                self.dialog, self._job = None, None
            if signals in self._signals:
                self._signals.remove(signals)
            answer(*args)
        signals.progress.connect(progress)
        signals.done.connect(lambda result: finish(done, result))
        signals.failed.connect(lambda message: finish(failed, message))
        signals.cancelled.connect(lambda: finish(cancelled or (lambda: None)))
        dialog.show()
        self.pool.start(job)

    def wait(self) -> None:
        """Block until the jobs are done (tests); their answers arrive with the next events."""
        self.pool.waitForDone()
