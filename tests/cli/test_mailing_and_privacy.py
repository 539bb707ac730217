"""`export xlsx`, `emails` and `person export|erase` from the command line."""

from __future__ import annotations

import json

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from defence_dir.cli import main
from defence_dir.data.models import Person
from defence_dir.lists.consent import Consent, ConsentSource, get_list_by_name, subscribe

LIST = "Defense-Verteiler"


@pytest.fixture
def subscribed(db, db_url):
    with db.session() as session:
        list_id = get_list_by_name(session, LIST).id
        for person_id in session.scalars(select(Person.id)):
            subscribe(session, list_id, person_id, Consent(ConsentSource.FORM, "Formular"))
    db.close()
    return db_url


def test_emails_for_outlook(capsys, subscribed):
    assert main(["--db", subscribed, "emails", "--list", LIST, "--separator", "; "]) == 0
    out, err = capsys.readouterr()
    assert out.count("; ") == 5 and out.endswith("\n") and len(out.splitlines()) == 1
    assert "6 Adressen" in err


def test_export_xlsx(capsys, subscribed, tmp_path):
    target = tmp_path / "verteiler.xlsx"
    assert main(["--db", subscribed, "export", "xlsx", "--list", LIST, "-o", str(target)]) == 0
    rows = list(load_workbook(target).active.iter_rows(values_only=True))
    assert len(rows) == 7 and rows[0][6] == "E-Mail"


@pytest.mark.parametrize("args,message", [
    (["emails", "--list", "Gibt es nicht"], "Es gibt keinen Verteiler"),
    (["export", "xlsx", "--event", "Nie", "-o", "x.xlsx"], "Es gibt keine Veranstaltung"),
    (["export", "xlsx", "--list", LIST, "-o", "x.csv"], ".xlsx"),
    (["person", "export", "999", "-o", "p.json"], "keine Person"),
    (["person", "export", "1", "-o", "p.txt"], ".json oder .xlsx"),
    (["person", "erase", "1"], "--yes"),
])
def test_errors_are_one_line(capsys, subscribed, args, message, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    assert main(["--db", subscribed, *args]) == 1
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1


def test_list_and_event_are_mutually_exclusive(capsys, subscribed):
    with pytest.raises(SystemExit) as exit_info:
        main(["--db", subscribed, "emails", "--list", LIST, "--event", "x"])
    assert exit_info.value.code == 2


def test_person_export_and_erase(capsys, subscribed, tmp_path):
    target = tmp_path / "auskunft.json"
    assert main(["--db", subscribed, "person", "export", "2", "-o", str(target)]) == 0
    assert json.loads(target.read_text())["person"]["family_name"] == "Grosch"
    assert main(["--db", subscribed, "person", "erase", "2", "--yes"]) == 0
    capsys.readouterr()
    assert main(["--db", subscribed, "list", "persons", "--json"]) == 0
    names = [p["family_name"] for p in json.loads(capsys.readouterr().out)]
    assert "Grosch" not in names and len(names) == 5
