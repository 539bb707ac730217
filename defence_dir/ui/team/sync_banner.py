"""The offline copy's banner: which team it copies and how current it is, with Sync and Cancel.

The sync runs in a worker (the copy can be searched meanwhile) with its progress in the banner;
Cancel leaves the copy as it was. At start the window syncs by itself when the setting says so
(on by default for copies); a team server out of reach is said in the banner, quietly.
"""

from __future__ import annotations

import contextlib
import threading

from PySide6.QtCore import QLocale, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from defence_dir.data.database import Database
from defence_dir.errors import DefenceDirError
from defence_dir.sync import OfflineCopy, SyncCancelled, SyncResult, sync_copy
from defence_dir.ui.common import settings as app_settings
from defence_dir.ui.common.jobs import Jobs, Progress

SYNC_ON_START = "sync/on_start"


def sync_on_start() -> bool:
    """Whether a copy is synced when the window opens (default: yes)."""
    value = app_settings.settings().value(SYNC_ON_START, True)
    return value not in (False, "false", "0", 0)


def set_sync_on_start(enabled: bool) -> None:
    app_settings.settings().setValue(SYNC_ON_START, enabled)


class CopyBanner(QFrame):
    """"Offline-Kopie von <team>, Stand <time>" with Sync; emits `synced` after a sync that
    changed the copy, so the window shows the new state."""

    synced = Signal(object)  # SyncResult
    progress_signal = Signal(int, int)

    def __init__(self, parent: QWidget, database: Database) -> None:
        super().__init__(parent)
        assert database.offline_copy is not None and database.path is not None
        self.database = database
        self.copy: OfflineCopy = database.offline_copy
        self.running = False
        self.cancel = threading.Event()
        self.worker = Jobs(self)
        self.setObjectName("copyBanner")
        self.setStyleSheet("QFrame#copyBanner { background: #e7f1ff; color: #084298; "
                           "border-bottom: 1px solid #b6d4fe; }")
        self.label = QLabel()
        self.label.setObjectName("copyBannerText")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName("copySyncStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.progress = QProgressBar()
        self.progress.setObjectName("copySyncProgress")
        self.progress.setMaximumWidth(160)
        self.progress.hide()
        self.button = QPushButton(self.tr("Sync now"))
        self.button.setObjectName("copySyncButton")
        self.button.clicked.connect(self.toggle)
        self.on_start = QCheckBox(self.tr("Sync at start"))
        self.on_start.setObjectName("copySyncOnStart")
        self.on_start.setToolTip(self.tr("Bring the copy up to date each time the window opens "
                                         "and the team server can be reached"))
        self.on_start.setChecked(sync_on_start())
        self.on_start.toggled.connect(set_sync_on_start)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addWidget(self.on_start)
        layout.addWidget(self.button)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.progress_signal.connect(self._progress)
        self._show_copy()

    def text(self) -> str:
        # PySide converts the datetime to a QDateTime; its stub lists only Qt's types.
        when = QLocale().toString(self.copy.synced_at.astimezone(),  # type: ignore[call-overload]
                                  QLocale.FormatType.ShortFormat)
        return self.tr("Offline copy of {team}, as of {time}: read-only; changes are made in "
                       "the team database.").format(team=self.copy.team_label, time=when)

    def _show_copy(self) -> None:
        self.label.setText(self.text())

    def start_if_wanted(self) -> None:
        """At start: sync when the setting says so."""
        if sync_on_start():
            self.start()

    def toggle(self) -> None:
        if self.running:
            self.cancel.set()
            self.status.setText(self.tr("Cancelling …"))
        else:
            self.start()

    def start(self) -> None:
        if self.running:
            return
        self.running = True
        self.cancel.clear()
        self.button.setText(self.tr("Cancel"))
        self.status.setText(self.tr("Syncing …"))
        self.progress.setRange(0, 0)
        self.progress.show()
        path, cancel, signal = str(self.database.path), self.cancel, self.progress_signal

        def progress(done: int, total: int) -> bool:
            with contextlib.suppress(RuntimeError):  # the window is gone
                signal.emit(done, total)
            return not cancel.is_set()

        def work(_progress: Progress) -> SyncResult:
            # Only changes: a complete copy would replace the file the window has open.
            return sync_copy(None, path, progress=progress, allow_full=False)

        self.worker.run(work, self._done, self._done)

    def _progress(self, done: int, total: int) -> None:
        if self.running and not self.cancel.is_set():
            self.progress.setRange(0, max(total, 1))
            self.progress.setValue(min(done, total))

    def _done(self, result: object) -> None:
        self.running = False
        self.progress.hide()
        self.button.setText(self.tr("Sync now"))
        if isinstance(result, SyncCancelled):
            self.status.setText(self.tr("Sync cancelled; the copy is as it was."))
            return
        if isinstance(result, DefenceDirError):
            self.status.setText(self.tr("Not synced: {reason}").format(reason=str(result)))
            self.status.setToolTip(str(result))
            return
        assert isinstance(result, SyncResult)
        self.copy = OfflineCopy(self.copy.team_id, result.team, result.sequence,
                                result.synced_at)
        self.database.offline_copy = self.copy
        self._show_copy()
        self.status.setText(self.tr("Up to date (%n change(s)).", "", result.changes))
        self.synced.emit(result)

    def wait(self) -> None:
        """Block until a running sync has finished (closing the window, tests)."""
        self.worker.wait()


def install(window: QObject, database: Database) -> CopyBanner:
    """The banner for `window` (which then shows the new state after each sync)."""
    banner = CopyBanner(window, database)  # type: ignore[arg-type]
    banner.synced.connect(lambda _result: window.reload())  # type: ignore[attr-defined]
    return banner
