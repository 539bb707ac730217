"""`defence-dir sync`: one line of what was done; the copy names its team in `info --json`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from defence_dir.data.database import open_database
from defence_dir.records.persons import PersonDraft, create_person


@pytest.fixture
def team_file(tmp_path: Path) -> Path:
    path = tmp_path / "server" / "team.sqlite3"
    path.parent.mkdir()
    open_database(str(path)).close()
    return path


def test_first_and_later_sync_print_one_line_each(cli, team_file, tmp_path):
    copy = tmp_path / "copy.sqlite3"
    code, out, err = cli("--db", str(copy), "sync", "--from", str(team_file))
    assert code == 0 and err == ""
    assert out.startswith("Offline-Kopie von") and out.count("\n") == 1
    db = open_database(str(team_file))
    try:
        with db.session() as session:
            create_person(session, PersonDraft(given_name="Zerlina", family_name="Knusperhaus"))
    finally:
        db.close()
    code, out, err = cli("--db", str(copy), "sync", "--json")  # the team it came from
    assert code == 0
    result = json.loads(out)
    assert result["first"] is False and result["changes"] >= 1
    code, out, _err = cli("--db", str(copy), "search", "Knusperhaus")
    assert code == 0 and "Zerlina" in out


def test_info_names_the_team_and_the_time_of_the_last_sync(cli, team_file, tmp_path):
    copy = tmp_path / "copy.sqlite3"
    cli("--db", str(copy), "sync", "--from", str(team_file))
    code, out, _err = cli("--db", str(copy), "info", "--json")
    assert code == 0
    info = json.loads(out)
    assert info["offline_copy"]["team"].endswith(str(team_file))
    assert info["offline_copy"]["synced_at"][:4].isdigit()
    _code, out, _err = cli("--db", str(team_file), "info", "--json")
    assert json.loads(out)["offline_copy"] is None
    _code, out, _err = cli("--db", str(copy), "info")
    assert "Offline-Kopie von" in out and str(team_file) in out


def test_writes_to_the_copy_are_refused_in_one_line(cli, team_file, tmp_path):
    copy = tmp_path / "copy.sqlite3"
    cli("--db", str(copy), "sync", "--from", str(team_file))
    before = copy.read_bytes()
    card = tmp_path / "neu.vcf"
    card.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nN:Knusperhaus;Zerlina;;;\r\n"
                    "FN:Zerlina Knusperhaus\r\nEND:VCARD\r\n", encoding="utf-8")
    code, out, err = cli("--db", str(copy), "import", str(card))
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "Offline-Kopie" in err and "team" in err.lower()
    code, _out, err = cli("--db", str(copy), "person", "erase", "1", "--yes")
    assert code == 1 and "Offline-Kopie" in err
    assert copy.read_bytes() == before


def test_an_own_directory_and_an_unreachable_team_are_refused(cli, team_file, tmp_path):
    own = tmp_path / "own.sqlite3"
    open_database(str(own)).close()
    code, out, err = cli("--db", str(own), "sync", "--from", str(team_file))
    assert code == 1 and out == "" and "--replace" in err and err.count("\n") == 1
    code, _out, err = cli("--db", str(tmp_path / "c.sqlite3"), "sync", "--from",
                          "postgresql+psycopg://nobody:geheim@127.0.0.1:1/team")
    assert code == 1 and err.count("\n") == 1 and "geheim" not in err
    assert not (tmp_path / "c.sqlite3").exists()
    code, _out, err = cli("--db", str(tmp_path / "c.sqlite3"), "sync")
    assert code == 1 and "--from" in err
