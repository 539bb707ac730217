"""The detail pane's line "Possible duplicate: Name …" with a button to the comparison.

Looked up in a job for each person shown (duplicates_of looks at the person's keys only), so
choosing a row never waits for it; a lookup that fails or finds nothing shows nothing.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from defence_dir.data.database import Database
from defence_dir.duplicates import service as duplicates
from defence_dir.duplicates.service import DuplicateGroup, Lane
from defence_dir.errors import DefenceDirError
from defence_dir.ui.common.jobs import Jobs
from defence_dir.ui.duplicates.person_names import person_names

Found = tuple[list[DuplicateGroup], dict[int, str]]
OpenGroup = Callable[[DuplicateGroup, dict[int, str]], object]
SHOWN_LANES = (Lane.CERTAIN, Lane.LIKELY)  # "possible" would cry wolf on every namesake


def look_up(db: Database, person_id: int) -> Found:
    groups = [g for g in duplicates.duplicates_of(db, person_id) if g.lane in SHOWN_LANES]
    return groups, person_names(db, {i for g in groups for i in g.ids})


class DuplicateHint(QFrame):
    """Hidden until the lookup finds a group; then the other persons' names and a button."""

    def __init__(self, person_id: int, open_group: OpenGroup) -> None:
        super().__init__()
        self.setObjectName("duplicateHint")
        self.person_id, self.open_group = person_id, open_group
        self.group: DuplicateGroup | None = None
        self.names: dict[int, str] = {}
        self.label = QLabel()
        self.label.setObjectName("duplicateHintText")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.button = QPushButton(self.tr("Compare…"))
        self.button.setObjectName("duplicateHintCompare")
        self.button.setToolTip(self.tr("Show the persons side by side and merge them"))
        self.button.clicked.connect(self._open)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def show_found(self, found: Found) -> None:
        groups, names = found
        if not groups:
            return
        self.group, self.names = groups[0], names
        others = [names.get(i, f"#{i}") for g in groups for i in g.ids if i != self.person_id]
        self.label.setText(self.tr("Possible duplicate: {names}").format(
            names=", ".join(dict.fromkeys(others))))
        self.show()

    def _open(self) -> None:
        if self.group is not None:
            self.open_group(self.group, self.names)


class DuplicateHints(QObject):
    """Makes the hint for each person the detail pane shows; only the newest lookup answers."""

    def __init__(self, parent: QObject, database: Database, open_group: OpenGroup) -> None:
        super().__init__(parent)
        self.database, self.open_group = database, open_group
        self.jobs = Jobs(self, newest_only=True)

    def hint_for(self, person_id: int) -> QWidget:
        hint = DuplicateHint(person_id, self.open_group)
        database = self.database

        def answer(result: object) -> None:
            if shiboken6.isValid(hint) and not isinstance(result, DefenceDirError):
                hint.show_found(result)  # type: ignore[arg-type]
        self.jobs.call(lambda: look_up(database, person_id), answer)
        return hint
