"""Running searches off the GUI thread: debounced, newest wins, stale answers dropped."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from defence_dir.data.failures import describe
from defence_dir.search.service import SearchFilters, SearchResult, SearchService

DEBOUNCE_MS = 120
PAGE = 200


@dataclass(frozen=True)
class SearchRequest:
    query: str
    filters: SearchFilters
    generation: int


class _Signals(QObject):
    done = Signal(object, object)  # SearchRequest, SearchResult | Exception


class _SearchTask(QRunnable):
    def __init__(self, service: SearchService, request: SearchRequest, signals: _Signals) -> None:
        super().__init__()
        self.service, self.request, self.signals = service, request, signals

    def run(self) -> None:
        try:
            result: SearchResult | Exception = self.service.search(
                self.request.query, self.request.filters, limit=PAGE)
            if self.request.generation == 1:
                self.service.warm_up()  # before the user types a word that needs it
        except Exception as exc:  # shown in the window, never lost in a worker thread
            result = exc
        with contextlib.suppress(RuntimeError):  # the window closed while this ran
            self.signals.done.emit(self.request, result)


class SearchRunner(QObject):
    """Call `request()` on every keystroke; `finished` fires with the newest request's result."""

    finished = Signal(object, object)  # SearchRequest, SearchResult
    failed = Signal(object, str)

    def __init__(self, service: SearchService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)  # one at a time; a newer request makes older ones moot
        self._signals = _Signals()
        self._signals.done.connect(self._on_done)
        self._generation = 0
        self._pending: tuple[str, SearchFilters] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._start)

    def request(self, query: str, filters: SearchFilters, *, immediately: bool = False) -> None:
        self._generation += 1
        self._pending = (query, filters)
        if immediately:
            self._timer.stop()
            self._start()
        else:
            self._timer.start()

    def _start(self) -> None:
        if self._pending is None:
            return
        query, filters = self._pending
        self._pending = None
        self.pool.clear()  # queued, not yet started searches are out of date
        self.pool.start(_SearchTask(self.service, SearchRequest(query, filters, self._generation),
                                    self._signals))

    def _on_done(self, request: SearchRequest, result: object) -> None:
        if request.generation != self._generation:
            return  # the user typed on; a newer search is coming
        if isinstance(result, Exception):
            self.failed.emit(request, describe(result))
        else:
            self.finished.emit(request, result)

    def wait(self) -> None:
        self._start()
        self.pool.waitForDone()
