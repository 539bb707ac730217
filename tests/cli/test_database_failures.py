"""The command line on a locked, full, damaged or read-only database: one line, nothing changed."""

from __future__ import annotations

import json
import shutil
import threading
import time

import pytest
from database_faults import (
    damage_pages,
    digest,
    fill_disk,
    read_only_folder,
    small_disk,
    write_lock_held,
)
from sqlalchemy.exc import OperationalError

from defence_dir.data.database import BUSY_TIMEOUT_VAR, open_database

LIST = "Defense-Verteiler"

pytestmark = pytest.mark.sqlite_only(
    reason="locks, full disks, damaged pages and read-only folders of a SQLite file")


def one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "[SQL" not in err and "parameters" not in err and "Traceback" not in err
    return lines[0]


@pytest.fixture
def closed_db(db_path):
    open_database(str(db_path)).close()  # everything in the file, nothing in a -wal
    return db_path


def test_an_import_into_a_locked_database_waits_then_says_so(cli, closed_db, german_csv,
                                                              monkeypatch, directory_state):
    monkeypatch.setenv(BUSY_TIMEOUT_VAR, "200")
    before = digest(closed_db)
    with write_lock_held(closed_db):
        code, out, err = cli("--db", str(closed_db), "import", str(german_csv), "--list", LIST)
    assert code == 1 and out == ""
    assert one_line(err) == (
        f"defence-dir: Die Datenbank {closed_db} wird gerade von einem anderen Programm oder "
        "Benutzer geändert (gesperrt); es wurde nichts geändert. Bitte später erneut versuchen.")
    assert digest(closed_db) == before
    assert "Weiß" not in err and "joerg.mueller" not in err


def test_an_import_goes_ahead_once_the_lock_is_released(cli, closed_db, german_csv,
                                                         monkeypatch):
    monkeypatch.setenv(BUSY_TIMEOUT_VAR, "60000")
    results: list[tuple[int, str, str]] = []
    with write_lock_held(closed_db):
        worker = threading.Thread(target=lambda: results.append(
            cli("--db", str(closed_db), "import", str(german_csv), "--list", LIST, "--json")))
        worker.start()
        time.sleep(0.5)  # the import waits meanwhile; a deferred write would fail at once
    worker.join()
    [(code, out, err)] = results
    assert code == 0, err
    assert json.loads(out)["created"] == 2


def test_erasing_in_a_locked_database_changes_nothing(cli, closed_db, monkeypatch):
    monkeypatch.setenv(BUSY_TIMEOUT_VAR, "200")
    before = digest(closed_db)
    with write_lock_held(closed_db):
        code, _out, err = cli("--db", str(closed_db), "person", "erase", "1", "--yes")
    assert code == 1 and "gesperrt" in one_line(err)
    assert digest(closed_db) == before


def test_english_messages(cli, closed_db, monkeypatch):
    monkeypatch.setenv(BUSY_TIMEOUT_VAR, "200")
    monkeypatch.setenv("DEFENCE_DIR_LANG", "en")
    with write_lock_held(closed_db):
        code, _out, err = cli("--db", str(closed_db), "person", "erase", "1", "--yes")
    assert code == 1
    assert one_line(err).endswith("is being changed by another program or user (locked); "
                                  "nothing was changed. Please try again later.")


def test_a_damaged_database_is_named_with_what_to_do(cli, db_path, tmp_path, german_csv):
    db = open_database(str(db_path))
    db.close()
    for start in range(0, 3000, 500):  # thousands of rows: the damage hits their pages
        rows = ["Name;Mail"] + [f"Person {i};person{i}@firma.example"
                                for i in range(start, start + 500)]
        sheet = tmp_path / f"rows{start}.csv"
        sheet.write_text("\n".join(rows), encoding="utf-8")
        assert cli("--db", str(db_path), "import", str(sheet))[0] == 0
    output = tmp_path / "alle.vcf"
    # Each command on a copy damaged where it must read: a search reads the index alone.
    for command, table in ((["list", "persons"], "person"),
                           (["search", "Person 1500"], "search_document"),
                           (["export", "vcard", "-o", str(output)], "person"),
                           (["import", str(german_csv), "--list", LIST], "person")):
        copy = tmp_path / "copy.sqlite3"
        shutil.copy(db_path, copy)
        damage_pages(copy, pages=4, table=table)
        before = digest(copy)
        code, _out, err = cli("--db", str(copy), *command)
        assert code == 1, command
        line = one_line(err)
        assert "ist beschädigt" in line and ".bak" in line and ".recover" in line
        assert digest(copy) == before
    assert not output.exists()


def test_a_full_disk_is_named(cli, tmp_path, german_csv):
    with small_disk(tmp_path / "disk", 2048) as disk:
        path = disk / "directory.sqlite3"
        open_database(str(path)).close()
        before = digest(path)
        fill_disk(disk)
        code, _out, err = cli("--db", str(path), "import", str(german_csv), "--list", LIST)
        assert code == 1
        assert "Der Datenträger der Datenbank" in one_line(err) and "voll" in err
        assert digest(path) == before


@pytest.fixture
def read_only_db(tmp_path):
    """A seeded database in a write-protected folder: its path."""
    folder = tmp_path / "shared"
    folder.mkdir()
    open_database(str(folder / "directory.sqlite3")).close()
    with read_only_folder(folder) as view:
        yield view / "directory.sqlite3"


def test_a_read_only_database_is_searched_listed_and_exported(cli, tmp_path, read_only_db):
    path = read_only_db
    before = digest(path)
    db = ["--db", str(path)]
    code, out, err = cli(*db, "search", "schnitzmeier")
    assert code == 0 and "Jürgen Schnitzmeier" in out, err
    code, out, err = cli(*db, "list", "persons", "--json")
    assert code == 0 and len(json.loads(out)) == 6, err
    assert cli(*db, "info")[0] == 0
    code, _out, err = cli(*db, "export", "vcard", "-o", str(tmp_path / "alle.vcf"))
    assert code == 0 and (tmp_path / "alle.vcf").read_text().count("BEGIN:VCARD") == 6
    code, out, err = cli(*db, "person", "erase", "1", "--yes")
    assert code == 1 and out == ""
    assert one_line(err) == (f"defence-dir: Die Datenbank {path} ist schreibgeschützt; "
                             "es wurde nichts geändert.")
    assert digest(path) == before


def test_an_import_previews_on_a_read_only_database_and_refuses_to_write(cli, read_only_db,
                                                                         german_csv):
    """Planning an import only reads (the write lock is taken for the writing alone): a dry
    run works on a write-protected copy, the import itself is refused in one line."""
    path = read_only_db
    before = digest(path)
    db = ["--db", str(path)]
    code, out, err = cli(*db, "import", str(german_csv), "--dry-run", "--json")
    assert code == 0, err
    assert json.loads(out)["created"] > 0
    code, out, err = cli(*db, "import", str(german_csv))
    assert code == 1 and out == ""
    assert one_line(err) == (f"defence-dir: Die Datenbank {path} ist schreibgeschützt; "
                             "es wurde nichts geändert.")
    assert digest(path) == before


def test_an_unexpected_database_error_shows_no_statement(cli, db_path, monkeypatch):
    """A bug's error still reaches the user as type and the driver's first line, never the
    statement and its parameters (personal data)."""
    from defence_dir.records import directory

    def broken(session, kind):
        raise OperationalError("SELECT * FROM person WHERE email = ?",
                               ("gisela.weiss@fhr.example",), Exception("no such column: x"))

    monkeypatch.setattr(directory, "list_records", broken)
    code, _out, err = cli("--db", str(db_path), "list", "persons")
    assert code == 1
    assert one_line(err) == "defence-dir: Interner Fehler: Exception: no such column: x"
    assert "gisela" not in err
