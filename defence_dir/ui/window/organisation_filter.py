"""The organisation filter: a field that searches organisations as the user types.

A combo box with every organisation held 25,000 items at 1,000,000 persons (and read them all
at every start and change). This one holds "All organisations" and the chosen one; the
choices come from the search (`find(text)`, off the GUI thread), a page at a time.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from defence_dir.errors import DefenceDirError
from defence_dir.search.service import SearchFilters, SearchService
from defence_dir.ui.common.jobs import Jobs, Progress

ID_ROLE = Qt.ItemDataRole.UserRole + 1
DEBOUNCE_MS = 120
FIND_LIMIT = 30  # a popup's worth; typing on narrows it
Find = Callable[[str], list[tuple[int, str]]]  # text -> (organisation id, label), best first
RowLoader = Callable[[list[int]], dict[int, dict[str, str]]]


def organisation_finder(service: SearchService, rows: RowLoader) -> Find:
    """`find` through the search (umlauts, typos, any word of the name), labelled with the
    city, since organisations of one name exist in several places."""
    def find(text: str) -> list[tuple[int, str]]:
        hits = service.search(text, SearchFilters(kind="organisation"), limit=FIND_LIMIT,
                              count=False).hits
        found = rows([hit.id for hit in hits])
        return [(hit.id, " – ".join(part for part in (found[hit.id]["name"],
                                                      found[hit.id].get("city")) if part))
                for hit in hits if hit.id in found]
    return find


class OrganisationFilter(QComboBox):
    """Behaves as the other filter combos (currentData() is the chosen id or None); typing
    offers the organisations the search finds, and picking one chooses it."""

    def __init__(self, find: Find, all_label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.look_up = find  # QWidget.find is Qt's own: not overridden
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.addItem(all_label, None)
        editor = self.lineEdit()
        assert editor is not None  # editable: Qt made it
        self.editor = editor
        # A clear button only once an organisation is chosen: on "all" it hid half the label.
        self.currentIndexChanged.connect(self._show_choice)
        self.choices = QStandardItemModel(self)
        self.completer_ = QCompleter(self.choices, self)
        # The search found these already (umlauts, typos, word order): show them all.
        self.completer_.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer_.activated[QModelIndex].connect(self._picked)  # type: ignore[index]
        self.editor.setCompleter(self.completer_)
        self.jobs = Jobs(self, drop_queued=True)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._look_up)
        self.editor.textEdited.connect(lambda _text: self._timer.start())
        self.editor.editingFinished.connect(self._finished_editing)

    def choose(self, organisation_id: int | None, label: str = "") -> None:
        """Filter by this organisation (None: all); emits currentIndexChanged if it changed."""
        if organisation_id is None:
            self.setCurrentIndex(0)
            return
        index = self.findData(organisation_id)
        if index < 0:
            while self.count() > 1:  # only "all" and the chosen one are held
                self.removeItem(1)
            self.addItem(label, organisation_id)
            index = 1
        self.setCurrentIndex(index)

    def _show_choice(self, index: int) -> None:
        self.editor.setClearButtonEnabled(index > 0)
        self.editor.setCursorPosition(0)  # the label's start, not its end

    def _look_up(self) -> None:
        text = self.editor.text()
        if not text.strip():
            return

        def work(_progress: Progress) -> list[tuple[int, str]]:
            return self.look_up(text)

        def failed(error: DefenceDirError) -> None:
            self.setToolTip(str(error))  # the filter stays as it was
        self.jobs.run(work, self._show_choices, failed)

    def _show_choices(self, found: list[tuple[int, str]]) -> None:
        self.choices.clear()
        for organisation_id, label in found:
            item = QStandardItem(label)
            item.setData(organisation_id, ID_ROLE)
            item.setEditable(False)
            self.choices.appendRow(item)
        if found and self.editor.hasFocus():
            self.completer_.complete()

    def _picked(self, index: QModelIndex) -> None:
        organisation_id = index.data(ID_ROLE)
        if organisation_id is not None:
            self.choose(int(organisation_id), str(index.data()))

    def _finished_editing(self) -> None:
        """A cleared field means all organisations; other text not picked shows the choice."""
        if not self.editor.text().strip():
            self.setCurrentIndex(0)
            self.editor.clear()
        elif self.currentIndex() >= 0:
            self.editor.setText(self.currentText())

    def wait(self) -> None:
        """Until a look-up running now has answered (tests)."""
        if self._timer.isActive():
            self._timer.stop()
            self._look_up()
        self.jobs.wait()
