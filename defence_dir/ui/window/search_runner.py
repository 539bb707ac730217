"""Running searches off the GUI thread: debounced, newest wins, stale answers dropped."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal

from defence_dir.errors import DefenceDirError
from defence_dir.search.service import SearchFilters, SearchResult, SearchService
from defence_dir.search.sorting import SearchOrder
from defence_dir.ui.common.jobs import Jobs, Progress

DEBOUNCE_MS = 120
PAGE = 200


@dataclass(frozen=True)
class SearchRequest:
    query: str
    filters: SearchFilters
    generation: int
    order: SearchOrder | None = None  # None: by rank


class SearchRunner(QObject):
    """Call `request()` on every keystroke; `finished` fires with the newest request's result."""

    finished = Signal(object, object)  # SearchRequest, SearchResult
    failed = Signal(object, str)

    def __init__(self, service: SearchService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.jobs = Jobs(self, drop_queued=True)  # a newer request makes older ones moot
        self._generation = 0
        self._pending: SearchRequest | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._start)

    def request(self, query: str, filters: SearchFilters, *, order: SearchOrder | None = None,
                immediately: bool = False) -> None:
        self._generation += 1
        self._pending = SearchRequest(query, filters, self._generation, order)
        if immediately:
            self._timer.stop()
            self._start()
        else:
            self._timer.start()

    def _start(self) -> None:
        request, self._pending = self._pending, None
        if request is None:
            return

        def search(_progress: Progress) -> SearchResult:
            result = self.service.search(request.query, request.filters, limit=PAGE,
                                         order=request.order)
            if request.generation == 1:
                self.service.warm_up()  # before the user types a word that needs it
            return result

        def done(result: SearchResult) -> None:
            if request.generation == self._generation:  # else the user typed on
                self.finished.emit(request, result)

        def failed(error: DefenceDirError) -> None:
            if request.generation == self._generation:
                self.failed.emit(request, str(error))
        self.jobs.run(search, done, failed)

    def wait(self, msecs: int = -1) -> bool:
        self._start()
        return self.jobs.wait(msecs)
