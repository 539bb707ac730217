"""Render the windows and dialogs on the seeded directory to docs/screenshots/ (offscreen).

    QT_QPA_PLATFORM=offscreen python scripts/screenshots.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("DEFENCE_DIR_LANG", "de")

from PySide6.QtWidgets import QApplication, QWidget

from defence_dir.data.database import open_database
from defence_dir.ui.app import ensure_application

OUT = Path(__file__).resolve().parents[1] / "docs" / "screenshots"


def save(widget: QWidget, name: str) -> None:
    QApplication.processEvents()
    path = OUT / f"{name}.png"
    widget.grab().save(str(path))
    print(path)


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    ensure_application()
    from defence_dir.ui.main_window import MainWindow

    with tempfile.TemporaryDirectory() as folder:
        database = open_database(str(Path(folder) / "directory.sqlite3"))
        window = MainWindow(database)
        window.resize(1280, 800)
        window.show()
        save(window, "main_window")
        window.close()
        database.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
