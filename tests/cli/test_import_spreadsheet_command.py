"""`defence-dir import FILE.xlsx|csv`, `imports` and `undo-import` from the command line."""

from __future__ import annotations

import json

import pytest


def test_dry_run_json_then_import_to_an_event_then_undo(cli, db_path, attendee_xlsx):
    db = ["--db", str(db_path)]
    code, out, err = cli(*db, "import", str(attendee_xlsx), "--dry-run", "--json")
    assert code == 0, err
    report = json.loads(out)
    assert report["header_row"] == 3 and report["sheet"] == "Teilnehmende"
    assert (report["rows"], report["created"], report["updated"], report["invalid"],
            report["duplicates_in_file"], report["batch_id"]) == (5, 2, 1, 1, 1, None)
    assert {"row": 7, "reason": "„kai@@kaputt“ ist keine gültige E-Mail-Adresse."} in \
        report["problems"]
    event = "High-Tech aus NRW für die Sicherheits- und Verteidigungsindustrie"
    code, out, err = cli(*db, "import", str(attendee_xlsx), "--event", event)
    assert code == 0, err
    assert ": 2 neu, 1 ergänzt" in err
    code, out, _err = cli(*db, "imports", "--json")
    [batch] = json.loads(out)
    assert (batch["file"], batch["created"], batch["undone"]) == ("teilnehmer.xlsx", 2, False)
    code, _out, err = cli(*db, "undo-import", str(batch["id"]))
    assert code == 0 and "rückgängig" in err
    code, out, _err = cli(*db, "list", "persons", "--json")
    assert len(json.loads(out)) == 6
    code, _out, err = cli(*db, "undo-import", str(batch["id"]))
    assert code == 1 and len(err.strip().splitlines()) == 1


def test_csv_to_the_distribution_list(cli, db_path, german_csv):
    code, out, err = cli("--db", str(db_path), "import", str(german_csv), "--list",
                         "Defense-Verteiler", "--json")
    assert code == 0, err
    report = json.loads(out)
    assert report["encoding"] == "cp1252" and report["delimiter"] == ";"
    assert report["mapping"]["Name, Vorname"] == "full_name_reversed"


@pytest.mark.parametrize(("args", "message"), [
    (["--threshold", "120"], "zwischen 0 und 100"),
    (["--sheet", "Gibt es nicht"], "kein Blatt"),
    (["--map", "Unbekannt=email"], "--map"),
    (["--list", "Nirgends"], "keinen Verteiler"),
    (["--header-row", "999"], "gibt es nicht"),
])
def test_bad_options_are_one_line(cli, db_path, attendee_xlsx, args, message):
    code, out, err = cli("--db", str(db_path), "import", str(attendee_xlsx), *args)
    assert code == 1 and out == ""
    assert len(err.strip().splitlines()) == 1 and message in err
