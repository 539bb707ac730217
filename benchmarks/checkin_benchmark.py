"""Check-in benchmark: from the scanner's last Enter to the counter showing the new number.

    python benchmarks/checkin_benchmark.py --db /tmp/checkin-bench/dir-100000.sqlite3 \\
        [--persons 100000] [--attendees 1000] [--scans 200]

A directory of --persons synthetic persons (benchmarks/synthetic_directory.py; made first if
the file is missing) gets an event with --attendees registered persons. In an offscreen
QApplication the main window shows that event, its check-in window is open, and a simulated
keyboard wedge types each badge's QR content (the person's vCard, as eventday.badge_cards
writes it) line by line, an Enter after each line. The time runs from the last Enter to the
paint of the counter label with the new number ("43 von 1000 da"); p50/p95/max over --scans
scans. The main window refreshes its views after each check-in, as it would at the door.
Run it on a copy of the directory (each run adds an event).
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import sqlite3
import statistics
import sys
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic_directory import generate

from defence_dir.data.database import Database, open_database
from defence_dir.lists import service as lists
from defence_dir.records.kinds import RecordKind
from defence_dir.ui.common.translations import install_language
from defence_dir.ui.window.app import ensure_application


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, " \
        f"Python {platform.python_version()}"


def prepare(path: Path, persons: int, attendees: int, seed: int) -> tuple[Database, int,
                                                                          list[int]]:
    """The directory, a fresh event with `attendees` registered persons, and their ids."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        generate(path, persons)
        print(f"directory of {persons} persons made in {time.perf_counter() - started:.0f} s")
    started = time.perf_counter()
    db = open_database(str(path))  # builds the search index the first time
    print(f"opened in {time.perf_counter() - started:.1f} s")
    rng = random.Random(seed)
    with sqlite3.connect(path) as con:
        person_ids = rng.sample([r[0] for r in con.execute("SELECT id FROM person")],
                                attendees)
    name = f"Check-in-Benchmark {time.strftime('%H:%M:%S')}"
    saved = lists.create(db, RecordKind.EVENT, {"name": name, "description": None,
                                                "starts_on": date(2026, 3, 12),
                                                "city": "Düsseldorf"})
    event_id = int(saved.record["id"])
    lists.register_attendees(db, event_id, person_ids)
    return db, event_id, person_ids


class PaintWatch(QObject):
    """Notes when the counter label is painted with the text awaited."""

    def __init__(self, label: QWidget) -> None:
        super().__init__(label)
        self.label, self.wanted, self.painted_at = label, "", 0.0
        label.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.painted_at \
                and self.label.text() == self.wanted:  # type: ignore[attr-defined]
            self.painted_at = time.perf_counter()
        return False


def type_line(widget: QWidget, text: str) -> None:
    for char in text:
        key = ord(char.upper()) if char.isascii() and char.isalnum() else 0
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier,
                                                     char))


def enter(widget: QWidget) -> None:
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_Return,
                                                 Qt.KeyboardModifier.NoModifier, "\r"))


def settle(seconds: float = 0.05) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        QApplication.processEvents()
        time.sleep(0.002)


def summary(values: list[float]) -> str:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * len(ordered)) - 1)]
    return (f"p50 {statistics.median(ordered):.1f} ms, p95 {p95:.1f} ms, "
            f"max {ordered[-1]:.1f} ms")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--persons", type=int, default=100_000)
    parser.add_argument("--attendees", type=int, default=1000)
    parser.add_argument("--scans", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--gap", type=float, default=0.5,
                        help="seconds between two guests (the other views refresh meanwhile)")
    args = parser.parse_args()
    ensure_application()
    install_language("de")
    db, event_id, person_ids = prepare(args.db, args.persons, args.attendees, args.seed)
    from defence_dir.eventday.badge_cards import badge_cards
    from defence_dir.ui.window.main_window import MainWindow

    window = MainWindow(db)
    window.resize(1280, 800)
    window.show()
    window.go_to("event", event_id)
    settle(1.0)
    checkin = window.collections.event_day.checkin_window()
    assert checkin is not None
    checkin.show()
    settle(0.5)
    watch = PaintWatch(checkin.counter)
    with db.read_session() as session:  # what each badge's QR code holds
        texts = badge_cards(session, person_ids[:args.scans])
    cards = [texts[i].replace("\r\n", "\n").rstrip("\n").split("\n")
             for i in person_ids[:args.scans]]
    from defence_dir.eventday import service

    core_ms: list[float] = []  # the service's own share (the rest: thread hop, GUI, paint)
    check_in = service.check_in

    def timed_check_in(*args: object) -> object:
        started = time.perf_counter()
        try:
            return check_in(*args)  # type: ignore[arg-type]
        finally:
            core_ms.append((time.perf_counter() - started) * 1000)
    service.check_in = timed_check_in  # type: ignore[assignment]
    timings: list[float] = []
    for number, lines in enumerate(cards, 1):
        for line in lines[:-1]:
            type_line(checkin.field, line)
            enter(checkin.field)
        type_line(checkin.field, lines[-1])
        watch.wanted = f"{number} von {args.attendees} da"
        watch.painted_at = 0.0
        started = time.perf_counter()
        enter(checkin.field)  # the scanner's last Enter
        deadline = started + 10
        while not watch.painted_at and time.perf_counter() < deadline:
            # Sleeps until an event comes (the job's answer): a busy loop of processEvents()
            # calls tripped a reference-count bug (PySide6 6.12, Python 3.11: "none_dealloc").
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
        if not watch.painted_at:
            print(f"scan {number}: counter not updated ({checkin.counter.text()!r}, "
                  f"{checkin.banner.headline.text()!r})", file=sys.stderr)
            return 1
        timings.append((watch.painted_at - started) * 1000)
        settle(args.gap)  # the other views refresh; the next guest steps up
    print(f"machine: {machine()}; load average {os.getloadavg()[0]:.1f}")
    print(f"{args.scans} scans, event of {args.attendees} in {args.persons} persons, "
          f"last Enter to counter painted: {summary(timings)}")
    print(f"  of which eventday.service.check_in: {summary(core_ms)}")
    sys.stdout.flush()
    os._exit(0)  # no teardown: Qt's and Python's order of destruction is not measured here


if __name__ == "__main__":
    sys.exit(main())
