"""The vCard import dialog: progress and Cancel while importing, a preview that never blocks
the window, one clear line for a failure, and a report of what the import did."""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import func, inspect, select, text
from sqlalchemy.exc import OperationalError

from defence_dir.data.database import Database
from defence_dir.data.models import Person
from defence_dir.errors import DefenceDirError
from defence_dir.ui.vcard.import_dialog import ImportDialog
from defence_dir.vcard import service
from defence_dir.vcard.importer import MatchMode

CARDS = 3000


def business_cards(count: int) -> bytes:
    """Cards as a phone's export writes them (N, FN, ORG, work mail, mobile), plus one card of
    a person already in the directory, with a function the directory lacks."""
    cards = [
        f"BEGIN:VCARD\r\nVERSION:3.0\r\nN:Müller-{i};Jana;;Dr.;\r\nFN:Dr. Jana Müller-{i}\r\n"
        f"ORG:Messe-Aussteller {i % 40} GmbH\r\nEMAIL;TYPE=INTERNET,WORK:jana.mueller{i}@"
        f"aussteller{i % 40}.example\r\nTEL;TYPE=CELL:+49 171 {1000000 + i}\r\nEND:VCARD\r\n"
        for i in range(count)]
    cards.append("BEGIN:VCARD\r\nVERSION:3.0\r\nN:Grosch;Matthias;;Dr.;\r\n"
                 "EMAIL:matthias.grosch@nmwp.de\r\nTITLE:Clustermanager\r\nEND:VCARD\r\n")
    return "".join(cards).encode()


def digest(database: Database) -> dict[str, tuple[int, str]]:
    """Every table of the file (import records and search index included): its row count
    and a hash of its rows."""
    result = {}
    with database.engine.connect() as connection:
        tables = [t for t in inspect(connection).get_table_names() if not t.startswith("sqlite_")]
        for table in tables:
            rows = sorted(repr(tuple(r)) for r in connection.execute(text(
                f'SELECT * FROM "{table}"')))
            result[table] = (len(rows), hashlib.sha256("\n".join(rows).encode()).hexdigest())
    return result


def persons(database: Database) -> int:
    with database.read_session() as session:
        return session.scalar(select(func.count()).select_from(Person)) or 0


@pytest.fixture
def open_dialog(qtbot, db: Database, tmp_path: Path) -> Callable[[bytes], ImportDialog]:
    def opened(data: bytes) -> ImportDialog:
        source = tmp_path / "messe-kontakte.vcf"
        source.write_bytes(data)
        dialog = ImportDialog(None, db, source)
        qtbot.addWidget(dialog)
        dialog.show()
        return dialog
    return opened


def test_the_import_shows_progress_up_to_the_end_and_reports(qtbot, db, open_dialog):
    dialog = open_dialog(business_cards(CARDS))
    dialog.wait()
    assert dialog.summary.text() == f"neu: {CARDS}, ergänzt: 1"
    values: list[int] = []
    dialog.busy.valueChanged.connect(values.append)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.busy.isVisible() and dialog.busy.maximum() > 0  # counts, not just moves
    assert dialog.status.text() == f"{CARDS + 1} Karten werden importiert …"
    assert not dialog.mode.isEnabled() and not dialog.import_button.isEnabled()
    qtbot.waitUntil(lambda: not dialog.importing, timeout=60000)
    assert dialog.batch_id is not None, dialog.status.text()
    assert len(values) >= 3 and values == sorted(values)
    assert dialog.last_progress is not None
    done, total = dialog.last_progress
    assert done == total and values[-1] == dialog.busy.maximum() == total
    assert dialog.summary.text() == (f"Import abgeschlossen: {CARDS} neu, 1 aktualisiert, "
                                     "0 unverändert.")
    assert persons(db) == 6 + CARDS
    assert dialog.isVisible()  # the report stays until the user closes it
    close = dialog.buttons.button(QDialogButtonBox.StandardButton.Close)
    assert close is not None and not dialog.import_button.isVisible()
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted


def test_cancel_mid_way_leaves_every_table_as_before(qtbot, db, open_dialog, monkeypatch):
    before = digest(db)
    pressed = threading.Event()
    real = service.apply_import

    def held(session, plan, progress=None):
        """The real import, held at its first step after writing until Cancel is pressed
        (else the worker might finish before the GUI thread has seen any progress)."""
        def gated(done: int, total: int) -> bool:
            if done > 0 and not pressed.is_set():
                progress(done, total)
                assert pressed.wait(20)
            return progress(done, total)
        return real(session, plan, gated)
    monkeypatch.setattr(service, "apply_import", held)
    dialog = open_dialog(business_cards(CARDS))
    dialog.wait()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.busy.value() > 0, timeout=60000)
    cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert dialog.status.text() == "Der Import wird abgebrochen …"
    assert dialog.isVisible()  # Cancel stops the import; it does not walk away from it
    pressed.set()
    qtbot.waitUntil(lambda: not dialog.importing, timeout=60000)
    assert dialog.status.text() == ("Import abgebrochen: Es wurde nichts geschrieben, das "
                                    "Verzeichnis ist unverändert.")
    assert dialog.batch_id is None and not dialog.busy.isVisible()
    assert digest(db) == before
    # Still usable: the same preview imports on a second try.
    monkeypatch.setattr(service, "apply_import", real)
    assert dialog.import_button.isEnabled() and dialog.mode.isEnabled()
    dialog.mode.setCurrentIndex(1)  # Overwrite: a new preview, the old remark goes
    assert not dialog.status.isVisible()
    dialog.wait()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.importing, timeout=60000)
    assert dialog.batch_id is not None, dialog.status.text()
    assert persons(db) == 6 + CARDS


def locked_error(folder: Path) -> OperationalError:
    """A real SQLite "database is locked", as SQLAlchemy wraps it with its statement."""
    holder = sqlite3.connect(folder / "locked.sqlite", isolation_level=None)
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN EXCLUSIVE")
    other = sqlite3.connect(folder / "locked.sqlite", timeout=0)
    try:
        other.execute("INSERT INTO t VALUES (1)")
    except sqlite3.OperationalError as exc:
        return OperationalError("INSERT INTO person (given_name) VALUES (?)",
                                ("Geheimname",), exc)
    finally:
        other.close()
        holder.close()
    raise AssertionError("the second connection was not locked out")


def test_a_failing_import_says_one_line_and_the_dialog_stays_usable(qtbot, db, open_dialog,
                                                                      monkeypatch, tmp_path):
    before = digest(db)
    failures = [DefenceDirError("Eine Person dieses Imports wurde inzwischen gelöscht; bitte "
                                "erneut in der Vorschau prüfen."), locked_error(tmp_path)]

    def failing(session, plan, progress=None):
        raise failures.pop(0)
    monkeypatch.setattr(service, "apply_import", failing)
    dialog = open_dialog(business_cards(20))
    dialog.wait()
    shown = []
    for _attempt in range(2):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not dialog.importing, timeout=10000)
        shown.append(dialog.status.text())
        dialog.wait()  # the preview is made again: the directory may have changed meanwhile
        assert dialog.status.text() == shown[-1] and dialog.plan is not None
        assert dialog.isVisible() and dialog.status.isVisible()
        assert dialog.import_button.isEnabled() and dialog.mode.isEnabled()
        assert dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).isEnabled()
    assert shown[0] == ("Eine Person dieses Imports wurde inzwischen gelöscht; bitte erneut in "
                        "der Vorschau prüfen.")
    assert "gesperrt" in shown[1]
    assert all("\n" not in line for line in shown)
    assert "INSERT" not in shown[1] and "Geheimname" not in shown[1]
    assert dialog.status.textFormat() == Qt.TextFormat.PlainText
    assert digest(db) == before
    monkeypatch.undo()
    dialog.mode.setCurrentIndex(1)  # another mode still previews, and then imports
    dialog.wait()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.batch_id is not None, timeout=10000)
    assert persons(db) == 6 + 20


@pytest.fixture
def held_preview(monkeypatch):
    """plan_import held until the test lets it go; returns (modes planned, the release)."""
    modes: list[MatchMode] = []
    release = threading.Semaphore(0)
    real = service.plan_import

    def held(session, data, file_name, mode=MatchMode.FILL, directory=None, progress=None):
        modes.append(mode)
        assert release.acquire(timeout=20)
        return real(session, data, file_name, mode, directory, progress)
    monkeypatch.setattr(service, "plan_import", held)
    return modes, release


def test_mode_changes_during_a_preview_plan_only_the_last_one(qtbot, open_dialog,
                                                             held_preview):
    modes, release = held_preview
    dialog = open_dialog(business_cards(50))
    assert dialog.busy.isVisible() and dialog.summary.text() == "Karten werden gelesen …"
    qtbot.waitUntil(lambda: len(modes) == 1)
    dialog.mode.setCurrentIndex(1)  # Overwrite
    dialog.mode.setCurrentIndex(2)  # Skip
    assert dialog.worker.pool.activeThreadCount() == 1 and modes == [MatchMode.FILL]
    assert not dialog.import_button.isEnabled()
    release.release()
    qtbot.waitUntil(lambda: len(modes) == 2)  # the stale answer started the newest mode
    assert dialog.table.model().rowCount() == 0 and dialog.busy.isVisible()
    release.release()
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=10000)
    assert modes == [MatchMode.FILL, MatchMode.SKIP]
    assert dialog.table.model().index(50, 2).data() == "übersprungen"  # Dr. Grosch, already there
    assert dialog.summary.text() == "neu: 50, übersprungen: 1"


def test_cancel_during_the_preview_closes_at_once(qtbot, open_dialog, held_preview):
    modes, release = held_preview
    dialog = open_dialog(business_cards(50))
    qtbot.waitUntil(lambda: len(modes) == 1)
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel),
                     Qt.MouseButton.LeftButton)
    # Closed while the preview still runs: the window did not wait for it.
    assert not dialog.isVisible() and dialog.result() == dialog.DialogCode.Rejected
    assert dialog.worker.pool.activeThreadCount() == 1
    release.release()
    dialog.wait()
    assert dialog.table.model().rowCount() == 0 and dialog.plan is None  # its answer is dropped
    assert dialog.data == b"" and dialog.directory is None  # the file is let go


def test_names_and_reasons_are_plain_text(qtbot, db, open_dialog):
    dialog = open_dialog(
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nN:<b>Ertl</b>;<i>Eva</i>;;;\r\n"
        b"FN:<b>Eva</b> <img src=x>\r\nEMAIL:eva@example.org\r\nEND:VCARD\r\n"
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nN:<u>Kaputt</u>;Karl;;;\r\nEMAIL:<a href=x>karl@@x\r\n"
        b"END:VCARD\r\n")
    dialog.wait()
    assert dialog.table.model().index(0, 1).data() == "<b>Eva</b> <img src=x>"
    assert "<a href=x>karl@@x" in dialog.table.model().index(1, 3).data()
    tooltip = dialog.table.model().index(0, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert "&lt;b&gt;Eva&lt;/b&gt;" in tooltip and "<b>" not in tooltip  # shown literally
    for label in (dialog.summary, dialog.status):
        assert label.textFormat() == Qt.TextFormat.PlainText
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.batch_id is not None, timeout=10000)
    assert dialog.summary.text() == ("Import abgeschlossen: 1 neu, 0 aktualisiert, "
                                     "0 unverändert. Nicht importiert: 1 ungültig.")


def test_a_person_deleted_after_the_preview_is_read_anew(qtbot, db, open_dialog):
    """Another user deletes the person a card updates: the import refuses (nothing written),
    the dialog previews again on the directory as it is now, and the import then goes in."""
    from defence_dir.records.persons import delete_person

    dialog = open_dialog(business_cards(20))
    dialog.wait()
    assert dialog.table.model().index(20, 2).data() == "ergänzt"
    with db.session() as session:
        grosch = session.scalar(select(Person.id).where(Person.family_name == "Grosch"))
        delete_person(session, grosch)
    before = digest(db)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.importing, timeout=10000)
    assert "gelöscht" in dialog.status.text() and digest(db) == before
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=10000)
    assert dialog.table.model().index(20, 2).data() == "neu"
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.batch_id is not None, timeout=10000)
    assert dialog.summary.text() == "Import abgeschlossen: 21 neu, 0 aktualisiert, 0 unverändert."


def test_a_large_preview_shows_its_progress_and_stops_when_closed(qtbot, open_dialog,
                                                                  monkeypatch):
    """Planning 3,000 cards moves a bar (every 1,000 cards); closing the dialog meanwhile
    stops the planning at its next step instead of finishing a preview nobody sees."""
    answers: list[bool] = []
    closed = threading.Event()
    real = service.plan_import

    def watched(session, data, file_name, mode=MatchMode.FILL, directory=None,
                progress=None):
        def noted(done: int, total: int) -> bool:
            answers.append(progress(done, total))
            if len(answers) == 1:
                closed.wait(20)  # the planning pauses after 1,000 cards until the test closes
            return answers[-1]
        return real(session, data, file_name, mode, directory, noted)
    monkeypatch.setattr(service, "plan_import", watched)
    dialog = open_dialog(business_cards(CARDS))
    qtbot.waitUntil(lambda: dialog.busy.maximum() > 0, timeout=20000)
    assert (dialog.busy.maximum(), dialog.busy.value()) == (CARDS + 1, 1000)
    dialog.reject()
    closed.set()
    dialog.wait()
    assert answers == [True, False]  # stopped at its next step
