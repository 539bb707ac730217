"""The window's way into the duplicate finder: the menu entry and the detail pane's hint."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

from defence_dir.duplicates.service import DuplicateGroup
from defence_dir.ui.common.host import WindowHost
from defence_dir.ui.duplicates.duplicate_hint import DuplicateHints
from defence_dir.ui.duplicates.finder_window import FinderWindow


class DetailHost(Protocol):
    """The detail pane as the hint sees it: a line under a person's name."""

    person_hint: Callable[[int], QWidget] | None


class DuplicatesActions(QObject):
    """One finder per window, kept while the window lives (its list survives closing it)."""

    def __init__(self, host: WindowHost, detail: DetailHost | None = None) -> None:
        super().__init__(host.window())
        self.host = host
        self.finder: FinderWindow | None = None
        self.hints = DuplicateHints(self, host.database, self.open_group)
        if detail is not None:
            detail.person_hint = self.hints.hint_for
        host.window().installEventFilter(self)  # to stop the work when the window closes

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt's name
        if event.type() == QEvent.Type.Close and watched is self.host.window():
            self.stop()
        return False

    def stop(self) -> None:
        """A search nobody waits for stops; a merge under way finishes (one transaction)."""
        self.hints.jobs.forget()
        self.hints.jobs.wait(2000)
        if self.finder is not None:
            self.finder.finder_jobs.cancel()
            self.finder.finder_jobs.wait(5000)
            self.finder.writes.jobs.wait()
            self.finder.progress_jobs.wait()

    def _finder(self) -> FinderWindow:
        if self.finder is None:
            self.finder = FinderWindow(self.host)
        return self.finder

    def open_finder(self) -> FinderWindow:
        """Show the finder; the first time (or when its list is empty) it searches."""
        finder = self._finder()
        finder.show()
        finder.raise_()
        finder.activateWindow()
        if not finder.model.all and not finder.searching:
            finder.search()
        return finder

    def open_group(self, group: DuplicateGroup, names: dict[int, str]) -> FinderWindow:
        finder = self._finder()
        finder.show_group(group, names)
        finder.show()
        finder.raise_()
        finder.activateWindow()
        return finder
