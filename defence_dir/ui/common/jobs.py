"""The one way the GUI runs work off its thread: search, import, export, sync, erasure, charts.

`Jobs.run(work, done, failed)` runs `work(progress)` in a worker thread, one job at a time per
`Jobs` object (so an undo never overtakes the change it undoes), and calls `done(result)` or
`failed(error)` on the GUI thread. Every job answers exactly once whatever happens in it: an
error of ours keeps its text, any other exception (a locked database, a full disk, a bug)
becomes a DefenceDirError with one line (data/failures.worker_text: a database error's own
message, never SQL or row values), and so does an exception in `done` itself. Without
`failed` the error is shown in a message box, so no caller can leave a dialog on
"Exporting …" for good.

`progress(done, total)` inside the work reports to the `progress` callback and raises
`Cancelled` once `cancel()` was called; the job then answers `cancelled()` (or nothing).
With `newest_only`, only the newest job answers (a preview, a connection test); with
`drop_queued` too, a new job also skips the queued ones and asks the running one to stop (a
search as the user types, a chart: older ones are moot). `call(work, answer)` is `run` for
work without progress whose one `answer` gets the result or the error (pages that show both in
one place).
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from defence_dir.data.failures import worker_text
from defence_dir.errors import DefenceDirError
from defence_dir.ui.common.messages import plain_message_box

Progress = Callable[[int, int], None]
Work = Callable[[Progress], Any]
Done = Callable[[Any], None]
Failed = Callable[[DefenceDirError], None]

log = logging.getLogger(__name__)


class Cancelled(Exception):
    """Raised inside the work by its progress callback once the job was cancelled."""


def as_error(exc: BaseException) -> DefenceDirError:
    """The error a job answers with: ours as it is, a file's as the system says it (and
    which file), any other as one safe line."""
    if isinstance(exc, DefenceDirError):
        return exc
    if isinstance(exc, OSError) and exc.strerror:
        return DefenceDirError(f"{exc.strerror} ({exc.filename})" if exc.filename
                               else exc.strerror)
    lines = worker_text(exc).strip().splitlines()
    return DefenceDirError(lines[0] if lines else type(exc).__name__)


class _Signals(QObject):
    progress = Signal(int, int, int)  # job number, done, total
    answer = Signal(int, str, object)  # job number, "done" | "failed" | "cancelled", value


class _Task(QRunnable):
    def __init__(self, number: int, work: Work, signals: _Signals) -> None:
        super().__init__()
        self.number, self.work, self.signals = number, work, signals
        self.cancel = threading.Event()

    def _progress(self, done: int, total: int) -> None:
        if self.cancel.is_set():
            raise Cancelled
        with contextlib.suppress(RuntimeError):  # the window closed meanwhile
            self.signals.progress.emit(self.number, done, total)

    def run(self) -> None:
        outcome: tuple[str, object]
        try:
            outcome = ("done", self.work(self._progress))
        except Cancelled:
            outcome = ("cancelled", None)
        except BaseException as exc:  # a worker thread must always answer
            outcome = ("failed", as_error(exc))
        with contextlib.suppress(RuntimeError):  # the window closed while this ran
            self.signals.answer.emit(self.number, *outcome)


class _Callbacks:
    def __init__(self, task: _Task, done: Done, failed: Failed | None,
                 progress: Progress | None, cancelled: Callable[[], None] | None) -> None:
        self.task, self.done, self.failed = task, done, failed
        self.progress, self.cancelled = progress, cancelled


class Jobs(QObject):
    """Runs jobs one after the other in a worker thread; answers on the GUI thread."""

    def __init__(self, parent: QObject, *, newest_only: bool = False,
                 drop_queued: bool = False) -> None:
        super().__init__(parent)
        self.newest_only = newest_only or drop_queued
        self.drop_queued = drop_queued
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.signals = _Signals()
        self.signals.progress.connect(self._progress)
        self.signals.answer.connect(self._answer)
        self._number = 0
        self._waiting: dict[int, _Callbacks] = {}

    def run(self, work: Work, done: Done, failed: Failed | None = None, *,
            progress: Progress | None = None,
            cancelled: Callable[[], None] | None = None) -> int:
        """Start `work(progress)`; returns the job's number (see `forget`)."""
        self._number += 1
        task = _Task(self._number, work, self.signals)
        if self.drop_queued:
            self.pool.clear()  # queued, not yet started jobs are out of date
            for callbacks in self._waiting.values():
                callbacks.task.cancel.set()  # a running one stops at its next progress step
        if self.newest_only:
            self._waiting.clear()
        self._waiting[self._number] = _Callbacks(task, done, failed, progress, cancelled)
        self.pool.start(task)
        return self._number

    def call(self, work: Callable[[], Any], answer: Callable[[Any], None]) -> int:
        """`work()` as a job; `answer` gets its result or, if it failed, the error."""
        return self.run(lambda _progress: work(), answer, answer)

    @property
    def busy(self) -> bool:
        """Whether a job is waiting for its answer (or running, its answer forgotten)."""
        return bool(self._waiting) or self.pool.activeThreadCount() > 0

    def cancel(self) -> None:
        """Ask the running and queued jobs to stop at their next progress step."""
        for callbacks in self._waiting.values():
            callbacks.task.cancel.set()

    def forget(self) -> None:
        """No answer of the jobs started so far will be delivered (their dialog closed)."""
        self.pool.clear()
        self._waiting.clear()

    def wait(self, msecs: int = -1) -> bool:
        """Block until the jobs are done (closing, tests); their answers arrive with the next
        events. False if they were not done within `msecs`."""
        return self.pool.waitForDone(msecs)

    def _progress(self, number: int, done: int, total: int) -> None:
        callbacks = self._waiting.get(number)
        if callbacks is not None and callbacks.progress is not None \
                and not callbacks.task.cancel.is_set():
            callbacks.progress(done, total)

    def _answer(self, number: int, outcome: str, value: object) -> None:
        callbacks = self._waiting.pop(number, None)
        if callbacks is None:
            return  # forgotten, or overtaken by a newer job
        try:
            if outcome == "done":
                callbacks.done(value)
            elif outcome == "cancelled":
                if callbacks.cancelled is not None:
                    callbacks.cancelled()
            else:
                assert isinstance(value, DefenceDirError)
                self._fail(callbacks, value)
        except Exception as exc:  # showing the answer failed: still a clear message
            log.exception("answering a job failed")
            if outcome == "failed":
                self._show(as_error(exc))
            else:
                self._fail(callbacks, as_error(exc))

    def _fail(self, callbacks: _Callbacks, error: DefenceDirError) -> None:
        if callbacks.failed is None:
            self._show(error)
            return
        try:
            callbacks.failed(error)
        except Exception as exc:
            log.exception("showing a job's failure failed")
            self._show(as_error(exc))

    def _show(self, error: DefenceDirError) -> None:
        parent = self.parent()
        box = plain_message_box(parent if isinstance(parent, QWidget) else None,
                                QMessageBox.Icon.Warning,
                                QCoreApplication.translate("Jobs", "Something went wrong"),
                                str(error))
        box.setObjectName("jobFailed")
        box.open()
