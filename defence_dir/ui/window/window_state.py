"""The window's size, place and pane widths, kept from one run to the next."""

from __future__ import annotations

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QMainWindow, QSplitter

from defence_dir.ui.common import settings as app_settings


def restore_window_state(window: QMainWindow, splitter: QSplitter) -> None:
    stored = app_settings.settings()
    geometry, sizes = stored.value("window/geometry"), stored.value("window/splitter")
    if isinstance(geometry, QByteArray):
        window.restoreGeometry(geometry)
    if isinstance(sizes, QByteArray):
        splitter.restoreState(sizes)


def save_window_state(window: QMainWindow, splitter: QSplitter) -> None:
    stored = app_settings.settings()
    stored.setValue("window/geometry", window.saveGeometry())
    stored.setValue("window/splitter", splitter.saveState())
    stored.sync()
