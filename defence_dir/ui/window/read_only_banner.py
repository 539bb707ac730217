"""The banner over a window on a database it may not change: a write-protected file, or an
offline copy of the team database (whose banner offers to sync)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QSizePolicy, QVBoxLayout, QWidget

from defence_dir.data.database import Database
from defence_dir.ui.team import sync_banner


class ReadOnlyBanner(QObject):
    """Says where the user looks (title, banner, status bar) that nothing can be changed."""

    def __init__(self, window: QMainWindow, database: Database) -> None:
        super().__init__(window)
        window.setWindowTitle(self.tr("defence-dir – DEFENCE.NRW directory (read-only)"))
        self.copy_banner: sync_banner.CopyBanner | None = None
        banner: QWidget
        if database.offline_copy is not None:  # says whose copy it is, offers sync
            banner = self.copy_banner = sync_banner.install(window, database)
        else:
            banner = QLabel(self.tr(
                "Read-only: the database file or its folder is write-protected. You can "
                "search, view and export, but not change anything."))
            banner.setObjectName("readOnlyBanner")
            banner.setTextFormat(Qt.TextFormat.PlainText)
            banner.setWordWrap(True)
            banner.setStyleSheet("QLabel#readOnlyBanner { background: #fff3cd; color: #664d03; "
                                 "padding: 6px 10px; border-bottom: 1px solid #e6cf7e; }")
        container = QWidget()
        layout = QVBoxLayout(container)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        banner.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        layout.addWidget(banner)
        central = window.takeCentralWidget()
        assert central is not None  # the window lays itself out first
        layout.addWidget(central, 1)
        window.setCentralWidget(container)
        label = QLabel(self.tr("Read-only"))
        label.setObjectName("readOnlyLabel")
        window.statusBar().insertPermanentWidget(0, label)
