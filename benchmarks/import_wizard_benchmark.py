"""Import wizard benchmark: the same messy attendee file as import_benchmark.py, through the GUI.

    python benchmarks/import_wizard_benchmark.py --db /tmp/defence-dir-bench/search-100000.sqlite3

Runs the real wizard under QT_QPA_PLATFORM=offscreen on a copy of the directory: opens the file,
goes to the preview (the first 1,000 rows, then all) and imports into the directory. A 2 ms timer
on the GUI thread notes the longest gap between its ticks (how long the window did not answer);
the process's peak memory is read at the end, the wizard still open as a user would have it.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QElapsedTimer, QTimer
from PySide6.QtWidgets import QApplication

from defence_dir.data.database import open_database
from defence_dir.ui.common.translations import install_language
from defence_dir.ui.window.app import ensure_application

sys.path.insert(0, str(Path(__file__).parent))
from import_benchmark import directory_sample, make_file


class StallMeter:
    """The longest gap between ticks of a 2 ms timer on the GUI thread."""

    def __init__(self) -> None:
        self.clock = QElapsedTimer()
        self.longest = 0
        self.timer = QTimer()
        self.timer.setInterval(2)
        self.timer.timeout.connect(self._tick)

    def start(self) -> None:
        self.longest = 0
        self.clock.start()
        self.timer.start()

    def _tick(self) -> None:
        self.longest = max(self.longest, self.clock.restart())


def resident_mb() -> float:
    """The process's resident memory now (Linux)."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def wait_for(condition: Callable[[], bool], timeout: float = 900) -> float:
    started = time.perf_counter()
    while not condition():
        QApplication.processEvents()
        time.sleep(0.001)
        if time.perf_counter() - started > timeout:
            raise TimeoutError
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args()
    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python "
          f"{platform.python_version()}")
    print(f"Command: python benchmarks/import_wizard_benchmark.py --db {args.db} "
          f"--rows {args.rows}\n")
    app = ensure_application()
    install_language("de")
    from defence_dir.ui.imports.spreadsheet_wizard import SpreadsheetWizard

    with tempfile.TemporaryDirectory() as folder:
        db_path = Path(folder) / "directory.sqlite3"
        shutil.copy(args.db, db_path)
        database = open_database(str(db_path))
        path = Path(folder) / "anmeldungen.xlsx"
        make_file(path, args.rows, directory_sample(database))
        meter = StallMeter()
        wizard = SpreadsheetWizard(None, database)
        wizard.show()
        meter.start()
        figures: list[tuple[str, float, int, float]] = []
        wizard.file_page.open_file(str(path))
        figures.append(("file read, sheet shown",
                        wait_for(lambda: wizard.file_page.isComplete()), meter.longest,
                        resident_mb()))
        wizard.next()  # the columns; the directory loads meanwhile
        wizard.directory_worker.wait()
        figures.append(("directory loaded for matching (while the columns show)", 0.0, 0,
                        resident_mb()))
        meter.start()
        wizard.next()
        preview = wizard.preview_page
        figures.append(("preview: first 1,000 rows on screen",
                        wait_for(lambda: preview.model.rowCount() > 0), meter.longest,
                        resident_mb()))
        figures.append(("preview: all rows on screen",
                        figures[-1][1] + wait_for(lambda: wizard.plan is not None),
                        meter.longest, resident_mb()))
        rows = preview.model.rowCount()
        wizard.next()
        meter.start()
        wizard.button(wizard.WizardButton.FinishButton).click()
        figures.append(("import written, report shown",
                        wait_for(lambda: wizard.import_result is not None), meter.longest,
                        resident_mb()))
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        result = wizard.import_result
        wizard.close()
        database.close()
    print("| step | seconds | longest the window did not answer (ms) | resident MB after |")
    print("|---|---:|---:|---:|")
    for name, seconds, stall, resident in figures:
        print(f"| {name} | {seconds:.2f} | {stall} | {resident:.0f} |")
    assert result is not None
    print(f"\n- preview rows: {rows:,}; created {result.created:,}, updated {result.updated:,}")
    print(f"- process peak memory (wizard open, file and preview held): {peak:.0f} MB")
    app.processEvents()
    return 0


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    os._exit(code)  # skip interpreter teardown of the Qt objects: nothing left to measure
