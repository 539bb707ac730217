"""What the spreadsheet wizard's pages use of the wizard: the file, plan and workers they share."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import QAbstractButton, QWizard

from defence_dir.data.database import Database
from defence_dir.imports.spreadsheet.planning import KnownDirectory, SpreadsheetPlan
from defence_dir.imports.spreadsheet.reading import TableFile
from defence_dir.imports.spreadsheet.writing import SpreadsheetResult
from defence_dir.ui.common.jobs import Jobs


def modified_time(path: Path) -> float | None:
    try:
        return path.stat().st_mtime
    except OSError:
        return None


class WizardHost(Protocol):
    """The SpreadsheetWizard as its pages see it (they are built before it is complete, and
    a page importing the wizard would make an import cycle)."""

    database: Database
    worker: Jobs
    directory_worker: Jobs
    table: TableFile | None
    released: tuple[Path, str | None, str | None, float | None] | None
    table_modified: float | None
    plan: SpreadsheetPlan | None
    import_result: SpreadsheetResult | None
    directory: KnownDirectory | None
    cancel_requested: bool

    @property
    def progress_signal(self) -> SignalInstance: ...

    def load_directory(self) -> None: ...

    def release_table(self) -> None: ...

    def table_in_worker(self) -> TableFile | None: ...

    def summary(self) -> str: ...

    def button(self, which: QWizard.WizardButton) -> QAbstractButton: ...

    def setButtonText(self, which: QWizard.WizardButton, text: str) -> None: ...

    def reject(self) -> None: ...
