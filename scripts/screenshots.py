"""Render the windows and dialogs on the seeded directory to docs/screenshots/ (offscreen).

    python scripts/screenshots.py [--lang de|en]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QWidget

from defence_dir.data.database import open_database
from defence_dir.ui.app import ensure_application
from defence_dir.ui.translations import install_language

OUT = Path(__file__).resolve().parents[1] / "docs" / "screenshots"


def settle(window: QWidget | None = None) -> None:
    if window is not None and hasattr(window, "runner"):
        window.runner.wait()
    for _ in range(10):
        QApplication.processEvents()
        time.sleep(0.01)


def save(widget: QWidget, name: str) -> None:
    settle()
    path = OUT / f"{name}.png"
    widget.grab().save(str(path))
    print(path)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="de", choices=("de", "en"))
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    app = ensure_application()
    install_language(args.lang)
    from defence_dir.persons import draft_of, get_person
    from defence_dir.ui.main_window import MainWindow
    from defence_dir.ui.person_dialog import PersonDialog

    suffix = "" if args.lang == "de" else "_en"
    with tempfile.TemporaryDirectory() as folder:
        os.environ["XDG_CONFIG_HOME"] = folder  # default window state, not the user's
        database = open_database(str(Path(folder) / "directory.sqlite3"))
        window = MainWindow(database)
        window.resize(1280, 800)
        window.show()
        settle(window)
        save(window, f"main_window{suffix}")
        window.search_field.setText("schnitz")
        settle(window)
        window.table.selectRow(0)
        save(window, f"main_window_search{suffix}")
        window.search_field.setText("")
        settle(window)
        window.go_to("network", 1)
        settle(window)
        save(window, f"main_window_network{suffix}")
        with database.read_session() as session:
            person = get_person(session, 2)
            draft = draft_of(person)
        organisations, topics = window._choices()
        dialog = PersonDialog(window, draft, organisations, topics,
                              title=window.tr("Edit person"))
        dialog.show()
        settle()
        save(dialog, f"person_dialog{suffix}")
        dialog.phones.rows[0][0].setText("0211 12")
        dialog.emails.rows[0][0].setText("matthias.grosch@@nmwp")
        save(dialog, f"person_dialog_invalid{suffix}")
        dialog.close()
        window.close()
        database.close()
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
