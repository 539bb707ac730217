"""`defence-dir info` and `list`: the output people and scripts rely on, and one-line errors."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from defence_dir.cli import main


def run_cli(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.sqlite_only(reason="a new SQLite file's mode")
def test_info_json_creates_a_seeded_private_database(capsys, tmp_path):
    path = tmp_path / "new.sqlite3"
    code, out, err = run_cli(capsys, "--db", str(path), "info", "--json")
    assert code == 0 and err == ""
    info = json.loads(out)
    assert info["database"] == str(path)
    assert info["schema_version"]
    assert info["counts"]["networks"] == 6
    assert info["counts"]["persons"] >= 6
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_info_for_people_is_german_by_default(capsys, db_url):
    code, out, _ = run_cli(capsys, "--db", db_url, "info")
    assert code == 0
    assert "Personen:" in out and "Netzwerke:" in out and "Schemaversion:" in out


def test_english_on_request(capsys, db_url, monkeypatch):
    monkeypatch.setenv("DEFENCE_DIR_LANG", "en")
    code, out, _ = run_cli(capsys, "--db", db_url, "info")
    assert code == 0 and "Persons:" in out


def test_list_persons_json_holds_the_published_contacts(capsys, db_url):
    code, out, _ = run_cli(capsys, "--db", db_url, "list", "persons", "--json")
    assert code == 0
    persons = {p["display_name"]: p for p in json.loads(out)}
    grosch = persons["Dr. Matthias Grosch"]
    for key in ("id", "display_name", "title", "given_name", "family_name", "organisation",
                "networks", "topics", "emails", "phones"):
        assert key in grosch
    assert grosch["title"] == "Dr."
    assert grosch["phones"][0]["e164"] == "+4921138545917"
    assert grosch["emails"][0]["address"] == "matthias.grosch@nmwp.de"
    assert persons["Dirk Kalinowski"]["phones"][0]["e164"] == "+4921138545915"


def test_list_json_is_stable_between_runs(capsys, db_url):
    _, first, _ = run_cli(capsys, "--db", db_url, "list", "persons", "--json")
    _, second, _ = run_cli(capsys, "--db", db_url, "list", "persons", "--json")
    assert first == second


@pytest.mark.parametrize("kind,expected", [
    ("networks", "AeroSpace.NRW"),
    ("organisations", "Rheinmetall"),
    ("topics", "Photonik"),
    ("events", "High-Tech aus NRW"),
    ("lists", "Defense-Verteiler"),
    ("persons", "Dr.-Ing. Harald Cremer"),
])
def test_list_each_kind(capsys, db_url, kind, expected):
    code, out, _ = run_cli(capsys, "--db", db_url, "list", kind)
    assert code == 0 and expected in out


def test_list_persons_table_is_alphabetical_by_family_name(capsys, db_url):
    _, out, _ = run_cli(capsys, "--db", db_url, "list", "persons")
    lines = out.splitlines()[1:]
    families = [next(w for w in ("Cremer", "Grosch", "Kalinowski", "Recher", "Schnitzmeier",
                                 "Stein") if w in line) for line in lines]
    assert families == sorted(families)


def test_user_data_cannot_break_the_table(capsys, db, db_url):
    from defence_dir.records.persons import PersonDraft, create_person

    with db.session() as session:
        create_person(session, PersonDraft(given_name="Zeilen\numbruch", family_name="Test\tTab"))
    db.close()
    _, out, _ = run_cli(capsys, "--db", db_url, "list", "persons")
    assert len(out.splitlines()) == 1 + 7


@pytest.mark.sqlite_only(reason="a file that is not a SQLite database")
def test_not_a_database_is_one_line_exit_1(capsys, tmp_path):
    path = tmp_path / "foto.sqlite3"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    before = path.read_bytes()
    code, out, err = run_cli(capsys, "--db", str(path), "info")
    assert code == 1 and out == ""
    assert len(err.strip().splitlines()) == 1 and "keine defence-dir-Datenbank" in err
    assert path.read_bytes() == before


@pytest.mark.sqlite_only(reason="a SQLite file that cannot be created")
def test_unwritable_location_is_one_line_exit_1(capsys, tmp_path):
    (tmp_path / "file").write_text("x")
    code, _, err = run_cli(capsys, "--db", str(tmp_path / "file" / "db.sqlite3"), "info")
    assert code == 1 and len(err.strip().splitlines()) == 1


def test_usage_error_is_one_line_exit_2(capsys, db_url):
    with pytest.raises(SystemExit) as exit_info:
        main(["--db", db_url, "list", "planets"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "defence-dir --help" in err


def test_unexpected_failure_is_one_line_not_a_traceback(capsys, db_url, monkeypatch):
    from defence_dir.records import directory

    def broken(session):
        raise KeyError("boom")

    monkeypatch.setattr(directory, "counts", broken)
    code, _, err = run_cli(capsys, "--db", db_url, "info")
    assert code == 1 and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_module_entry_point_runs_headless(tmp_path):
    env = {**os.environ, "DEFENCE_DIR_LANG": "de"}
    env.pop("DISPLAY", None)
    result = subprocess.run(
        [sys.executable, "-m", "defence_dir", "--db", str(tmp_path / "m.sqlite3"), "info",
         "--json"],
        capture_output=True, text=True, env=env, check=False, cwd=Path(__file__).parents[2],
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["counts"]["networks"] == 6


def test_window_without_a_display_is_one_line_not_a_crash(capsys, monkeypatch, db_url):
    for var in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    code, _, err = run_cli(capsys, "--db", db_url)
    assert code == 1 and "Kein Bildschirm" in err and len(err.strip().splitlines()) == 1
