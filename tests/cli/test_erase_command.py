"""`defence-dir person erase` says truthfully what is left; `info` shows a pending wipe."""

from __future__ import annotations

import sqlite3

import pytest
from erasure_scenario import Scenario, files_with_secrets
from erasure_scenario import scenario as scenario  # the fixture

from defence_dir.data.database import backup_sqlite
from defence_dir.privacy import wipe as wipe_module

pytestmark = pytest.mark.sqlite_only(
    reason="the erasure scenario is a SQLite file: no byte of her left in it, its WAL or *.bak")


def test_erase_wipes_the_file_and_says_so(cli, scenario: Scenario):
    code, _out, err = cli("--db", str(scenario.path), "person", "erase",
                          str(scenario.person_id), "--yes")
    assert code == 0, err
    assert err.strip() == (f"Person {scenario.person_id} gelöscht (10 Datensätze); in der "
                           "Datenbankdatei ist nichts mehr von ihr enthalten.")
    assert files_with_secrets(scenario.path.parent) == []


def test_with_another_reader_the_erase_says_the_wipe_is_pending(cli, scenario, monkeypatch):
    monkeypatch.setattr(wipe_module, "ERASE_PATIENCE_MS", 50)
    reader = sqlite3.connect(scenario.path)  # e.g. the window or a second command
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM person").fetchone()
    db = ("--db", str(scenario.path))
    code, _out, err = cli(*db, "person", "erase", str(scenario.person_id), "--yes")
    assert code == 3
    assert "ein anderes Programm hat die Datenbank geöffnet" in err
    assert len(err.strip().splitlines()) == 1
    assert files_with_secrets(scenario.path.parent)
    code, out, _err = cli(*db, "info")
    assert code == 0 and "Löschung:" in out and "nicht abgeschlossen" in out
    code, out, _err = cli(*db, "info", "--json")
    assert '"erasure_wipe_pending": true' in out
    reader.execute("ROLLBACK")
    reader.close()
    code, out, _err = cli(*db, "info")  # the next command finishes the wipe
    assert code == 0 and "Löschung" not in out
    assert files_with_secrets(scenario.path.parent) == []


def test_backups_that_hold_the_person_are_named_or_deleted(cli, scenario, monkeypatch):
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    old = backup_sqlite(scenario.path)
    db = ("--db", str(scenario.path))
    code, _out, err = cli(*db, "person", "erase", str(scenario.person_id), "--yes")
    assert code == 3 and str(old) in err and "--delete-backups" in err
    assert old.exists() and files_with_secrets(scenario.path.parent)

    second = scenario.path.with_name("zweite.sqlite3")
    scenario.path.replace(second)
    old.replace(scenario.path)  # start again from the backup: she is in it
    again = backup_sqlite(scenario.path)
    code, _out, err = cli(*db, "person", "erase", str(scenario.person_id), "--yes",
                          "--delete-backups")
    assert code == 0, err
    assert "Eine ältere Sicherungskopie gelöscht." in err and not again.exists()
    second.unlink()
    assert files_with_secrets(scenario.path.parent) == []


def test_erase_asks_about_backups_at_a_terminal(cli, scenario, monkeypatch):
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    answers = iter(["j", "j"])
    monkeypatch.setattr("builtins.input", lambda _prompt: next(answers))
    old = backup_sqlite(scenario.path)
    code, _out, err = cli("--db", str(scenario.path), "person", "erase", str(scenario.person_id))
    assert code == 0, err
    assert not old.exists() and files_with_secrets(scenario.path.parent) == []


def test_a_damaged_database_is_refused_in_one_line(cli, scenario):
    connection = sqlite3.connect(scenario.path)
    page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    root = connection.execute(
        "SELECT rootpage FROM sqlite_master WHERE name = 'ix_person_family_name'").fetchone()[0]
    connection.close()
    with scenario.path.open("r+b") as handle:
        handle.seek((root - 1) * page_size + 8)
        handle.write(b"\xff" * 64)
    before = scenario.path.read_bytes()
    code, _out, err = cli("--db", str(scenario.path), "person", "erase",
                          str(scenario.person_id), "--yes")
    assert code == 1 and "beschädigt" in err and "nichts geändert" in err
    assert len(err.strip().splitlines()) == 1
    assert scenario.path.read_bytes() == before
