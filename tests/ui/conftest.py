"""GUI fixtures: a German window on the seeded directory, settings in a temporary folder."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from defence_dir.data.database import Database
from defence_dir.ui.common.translations import install_language


@pytest.fixture(autouse=True)
def _qt_settings(tmp_path, qapp) -> Iterator[None]:
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(tmp_path / "qt-settings"))
    install_language("de")
    yield
    install_language("de")


def _settle(window=None) -> None:
    """Let searches finish and queued signals arrive."""
    if window is not None:
        window.runner.wait()
    for _ in range(5):
        QApplication.processEvents()
        time.sleep(0.005)


@pytest.fixture
def settle():
    return _settle


def show_main_window(qtbot, db: Database):
    """The main window on `db`, shown at a laptop's size with its first search done."""
    from defence_dir.ui.window.main_window import MainWindow

    main_window = MainWindow(db)
    qtbot.addWidget(main_window)
    main_window.resize(1280, 800)
    main_window.show()
    _settle(main_window)
    return main_window


@pytest.fixture
def open_window(qtbot) -> Callable[[Database], object]:
    """open_window(db) -> the main window on another database than the seeded one."""
    return lambda database: show_main_window(qtbot, database)


@pytest.fixture
def window(qtbot, db: Database):
    return show_main_window(qtbot, db)


@pytest.fixture
def type_search(qtbot, window) -> Callable[[str], None]:
    def type_text(text: str) -> None:
        window.search_field.clear()
        qtbot.keyClicks(window.search_field, text)
        _settle(window)
    return type_text
