"""Jobs off the GUI thread, one at a time; only the newest job's answer is delivered.

A job's answer is its result or, if it failed, a DefenceDirError with the reason: a worker
thread must always answer, or the page waiting for it would stay busy for good.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from defence_dir.data.failures import worker_text
from defence_dir.errors import DefenceDirError


class _Signals(QObject):
    done = Signal(int, object)  # request number, result or DefenceDirError


class _Task(QRunnable):
    def __init__(self, number: int, work: Callable[[], object], signals: _Signals) -> None:
        super().__init__()
        self.number, self.work, self.signals = number, work, signals

    def run(self) -> None:
        try:
            result = self.work()
        except DefenceDirError as exc:
            result = exc
        except Exception as exc:  # a bug; never str(exc): it may carry SQL and personal data
            result = DefenceDirError(worker_text(exc))
        with contextlib.suppress(RuntimeError):  # the window closed while this ran
            self.signals.done.emit(self.number, result)


class Worker(QObject):
    """`run(work, then)`: `then(answer)` is called on the GUI thread, unless a newer job was
    started meanwhile."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.signals = _Signals()
        self.signals.done.connect(self._done)
        self.number = 0
        self.callbacks: dict[int, Callable[[object], None]] = {}

    def run(self, work: Callable[[], object], then: Callable[[object], None]) -> None:
        self.number += 1
        self.callbacks = {self.number: then}
        self.pool.start(_Task(self.number, work, self.signals))

    def _done(self, number: int, result: object) -> None:
        callback = self.callbacks.pop(number, None)
        if callback is not None:
            callback(result)

    def wait(self) -> None:
        """Block until the jobs are done (tests); their answers arrive with the next events."""
        self.pool.waitForDone()
