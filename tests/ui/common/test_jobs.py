"""Every job answers: with its result, or on any failure with one clear line, never hanging."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget

from defence_dir.data.database import BUSY_TIMEOUT_VAR, open_database
from defence_dir.errors import DefenceDirError
from defence_dir.ui.common.jobs import Jobs
from defence_dir.ui.vcard.export_dialog import ExportDialog


@pytest.fixture
def owner(qtbot) -> QWidget:
    """What the jobs belong to (a page or dialog), closed with the test."""
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def jobs(owner):
    jobs = Jobs(owner)
    yield jobs
    jobs.wait()


def test_a_bug_in_the_work_is_a_failure_with_one_line(jobs, qtbot):
    failures: list[DefenceDirError] = []
    def work(_progress) -> None:
        raise ValueError("no row 7\n  in sheet 2")
    jobs.run(work, lambda _r: pytest.fail("no result"), failures.append)
    qtbot.waitUntil(lambda: bool(failures))
    assert str(failures[0]) == "no row 7" and not jobs.busy


def test_a_failure_nobody_handles_is_shown_in_a_message_box(jobs, qtbot, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "open", lambda box: shown.append(box.text()))
    jobs.run(lambda _p: 1 / 0, lambda _r: None)
    qtbot.waitUntil(lambda: bool(shown))
    assert shown == ["division by zero"]

    def done(_result: object) -> None:  # showing the answer fails
        raise RuntimeError("the table is gone")
    failures: list[DefenceDirError] = []
    jobs.run(lambda _p: 1, done, failures.append)
    qtbot.waitUntil(lambda: bool(failures))
    assert str(failures[0]) == "the table is gone"


def test_cancel_stops_at_the_next_step_and_progress_arrives(jobs, qtbot):
    started, steps, answers = threading.Event(), [], []

    def work(progress) -> None:
        progress(0, 10)
        started.set()
        for step in range(1, 1000):
            progress(step, 1000)
            threading.Event().wait(0.002)

    jobs.run(work, lambda _r: answers.append("done"), lambda e: answers.append(str(e)),
             progress=lambda done, total: steps.append((done, total)),
             cancelled=lambda: answers.append("cancelled"))
    started.wait(5)
    qtbot.waitUntil(lambda: bool(steps))
    jobs.cancel()
    qtbot.waitUntil(lambda: bool(answers))
    assert answers == ["cancelled"] and steps[0] == (0, 10)


@pytest.mark.parametrize("drop_queued", [False, True])
def test_only_the_newest_job_answers(owner, qtbot, drop_queued):
    jobs = Jobs(owner, newest_only=True, drop_queued=drop_queued)
    ran: list[str] = []
    gate, answers = threading.Event(), []
    jobs.run(lambda _p: gate.wait(5) and "old", answers.append)
    jobs.run(lambda _p: ran.append("queued"), answers.append)
    jobs.run(lambda _p: "new", answers.append)
    gate.set()
    qtbot.waitUntil(lambda: bool(answers))
    jobs.wait()
    qtbot.wait(20)
    assert answers == ["new"]
    assert ran == ([] if drop_queued else ["queued"])  # an import queued must still run


@pytest.mark.sqlite_only(reason="SQLite's file lock")
def test_vcard_export_on_a_locked_database_says_so_instead_of_waiting(
        qtbot, tmp_path: Path, monkeypatch):
    """Another program holds the database exclusively: the export ends with the lock's line
    and the dialog can be used again (it stayed on "Exporting …" for good)."""
    monkeypatch.setenv(BUSY_TIMEOUT_VAR, "200")
    path = tmp_path / "locked.sqlite3"
    database = open_database(str(path))
    other = sqlite3.connect(path, isolation_level=None)
    try:
        database.engine.dispose()  # no open connection that already holds a read
        other.execute("PRAGMA locking_mode=EXCLUSIVE")
        other.execute("BEGIN EXCLUSIVE")
        other.execute("COMMIT")  # the exclusive lock stays until the connection closes
        dialog = ExportDialog(None, database, [("Alle", lambda: [1, 2, 3])])
        qtbot.addWidget(dialog)
        target = tmp_path / "kontakte.vcf"
        dialog.target.setText(str(target))
        dialog.start_export()
        assert dialog.status.text() == "3 Personen werden exportiert …"
        qtbot.waitUntil(lambda: "gesperrt" in dialog.status.text(), timeout=10_000)
        assert dialog.export_button.isEnabled() and dialog.result() == 0
        assert "\n" not in dialog.status.text() and "SELECT" not in dialog.status.text()
        assert not target.exists()
    finally:
        other.close()
        database.close()


@pytest.mark.parametrize("error", [sqlite3.OperationalError("database is locked"),
                                   MemoryError()])
def test_vcard_export_answers_errors_that_are_not_ours(db, qtbot, tmp_path: Path, monkeypatch,
                                                       error):
    """A driver error that escaped the engine's translation, or memory running out: the
    dialog used to catch only our own errors and stayed on "Exporting …" for good."""
    from defence_dir.vcard import service

    def export(*_args: object) -> None:
        raise error
    monkeypatch.setattr(service, "export_cards", export)
    dialog = ExportDialog(None, db, [("Alle", lambda: [1])])
    qtbot.addWidget(dialog)
    dialog.target.setText(str(tmp_path / "kontakte.vcf"))
    dialog.start_export()
    qtbot.waitUntil(lambda: "exportiert" not in dialog.status.text(), timeout=10_000)
    assert dialog.status.text() == ("database is locked"
                                    if isinstance(error, sqlite3.Error) else "MemoryError")
    assert dialog.export_button.isEnabled() and dialog.result() == 0
