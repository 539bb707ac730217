"""Window benchmark: process start to a usable window, memory, and event-loop stalls while typing.

    python benchmarks/window_benchmark.py --db /tmp/defence-dir-bench/search-100000.sqlite3 \\
        --db /tmp/bench1m/search-1000000.sqlite3

Databases come from benchmarks/search_benchmark.py (or synthetic_directory.py, then one open to
build the index). "Usable" means: the main window is shown and its table holds the first page of
persons. Start-up runs in a fresh process each time (3 runs, median). Stalls are measured in
process under QT_QPA_PLATFORM=offscreen: a 2 ms timer notes every gap between its ticks while
the search field receives key presses at typing speed (one per 60 ms) and results come back.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

QUERIES = ("schmidt", "mül", "jürgen schäfer", "0211 3854", "kremer", "m", "grosch@")

CHILD = r"""
import json, os, resource, sys, time
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from defence_dir.ui.window.app import ensure_application
from defence_dir.data.database import open_database
from defence_dir.ui.common.translations import install_language
from defence_dir.ui.window.main_window import MainWindow
from PySide6.QtCore import QTimer
app = ensure_application()
install_language("de")
db = open_database(sys.argv[1])
window = MainWindow(db)
window.resize(1280, 800)
window.show()
def ready(request, result):
    if window.table.model().rowCount() > 0:
        window.table.model().index(0, 0).data()  # the first visible row is built
        print(json.dumps({"ready": time.time(),
                          "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
        sys.stdout.flush()
        os._exit(0)
window.runner.finished.connect(lambda r, res: QTimer.singleShot(0, lambda: ready(r, res)))
app.exec()
"""


def startup(db: str) -> tuple[float, float]:
    started = time.time()
    output = subprocess.run([sys.executable, "-c", CHILD, db], capture_output=True, text=True,
                            check=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    data = json.loads(output.stdout.strip().splitlines()[-1])
    return data["ready"] - started, data["rss_mb"]


def stalls(db: str) -> dict[str, float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QElapsedTimer, Qt, QTimer
    from PySide6.QtTest import QTest

    from defence_dir.data.database import open_database
    from defence_dir.ui.common.translations import install_language
    from defence_dir.ui.window.app import ensure_application
    from defence_dir.ui.window.main_window import MainWindow

    app = ensure_application()
    install_language("de")
    database = open_database(db)
    window = MainWindow(database)
    window.resize(1280, 800)
    window.show()
    window.runner.wait()
    app.processEvents()
    gaps: list[float] = []
    clock = QElapsedTimer()
    clock.start()
    last = [clock.nsecsElapsed()]

    def tick() -> None:
        now = clock.nsecsElapsed()
        gaps.append((now - last[0]) / 1e6)
        last[0] = now
    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.timeout.connect(tick)
    timer.start(2)
    keys = []
    for query in QUERIES:
        keys.append(None)  # clear the field
        keys.extend(query)
    deadline = time.perf_counter()
    for key in keys:
        deadline += 0.06
        if key is None:
            window.search_field.clear()
        elif key.isascii():
            QTest.keyClicks(window.search_field, key)
        else:  # QTest only synthesises ASCII key events; insert like an input method would
            window.search_field.insert(key)
        while time.perf_counter() < deadline:
            app.processEvents()
            time.sleep(0.0005)
    end = time.perf_counter() + 1.0  # let the last results arrive and render
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.0005)
    timer.stop()
    window.close()
    database.close()
    return {"longest_stall_ms": max(gaps) - 2, "p99_gap_ms": sorted(gaps)[int(len(gaps) * 0.99)],
            "keys": len(keys)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", action="append", required=True)
    args = parser.parse_args()
    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python "
          f"{platform.python_version()}, QT_QPA_PLATFORM=offscreen")
    print("| database | persons | start to usable window (median of 3) | peak RSS | "
          "longest event-loop stall while typing |")
    print("|---|---:|---:|---:|---:|")
    for db in args.db:
        import sqlite3

        persons = sqlite3.connect(db).execute("SELECT count(*) FROM person").fetchone()[0]
        runs = [startup(db) for _ in range(3)]
        seconds = statistics.median(r[0] for r in runs)
        rss = max(r[1] for r in runs)
        stall = stalls(db)
        print(f"| {Path(db).name} | {persons:,} | {seconds:.2f} s | {rss:.0f} MB | "
              f"{stall['longest_stall_ms']:.0f} ms (p99 gap {stall['p99_gap_ms']:.1f} ms, "
              f"{stall['keys']} key presses) |")
        sys.stdout.flush()
    # Leave without tearing Qt down object by object (PySide6 may crash in finalization
    # after a window was created in this process; the results are printed by now).
    os._exit(0)


if __name__ == "__main__":
    sys.exit(main())
