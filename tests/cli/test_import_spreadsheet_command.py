"""`defence-dir import FILE.xlsx|csv`, `imports` and `undo-import` from the command line."""

from __future__ import annotations

import json

import pytest


def test_dry_run_json_then_import_to_an_event_then_undo(cli, db_url, attendee_xlsx):
    db = ["--db", db_url]
    code, out, err = cli(*db, "import", str(attendee_xlsx), "--dry-run", "--json")
    assert code == 0, err
    report = json.loads(out)
    assert report["header_row"] == 3 and report["sheet"] == "Teilnehmende"
    assert (report["rows"], report["created"], report["updated"], report["invalid"],
            report["duplicates_in_file"], report["batch_id"]) == (5, 2, 1, 1, 1, None)
    assert {"row": 7, "reason": "„kai@@kaputt“ ist keine gültige E-Mail-Adresse."} in \
        report["problems"]
    # A repaired phone is a warning of a row that is imported, not a problem.
    assert {"row": 4, "reason": "führende 0 in Telefonnummer 2115551234 ergänzt"} in \
        report["warnings"]
    assert all(p["row"] != 4 for p in report["problems"])
    assert report["mapping"]["Status"] == "ignore"  # not an event: the status is not read
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


def test_csv_to_the_distribution_list(cli, db_url, german_csv):
    code, out, err = cli("--db", db_url, "import", str(german_csv), "--list",
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
def test_bad_options_are_one_line(cli, db_url, attendee_xlsx, args, message):
    code, out, err = cli("--db", db_url, "import", str(attendee_xlsx), *args)
    assert code == 1 and out == ""
    assert len(err.strip().splitlines()) == 1 and message in err


EVENT = "High-Tech aus NRW für die Sicherheits- und Verteidigungsindustrie"


def test_eventbrite_export_into_the_directory(cli, db_url, export_file):
    from spreadsheet_fixtures import INFO, ROW_OF

    code, out, err = cli("--db", db_url, "import", str(export_file("eventbrite")),
                         "--json")
    assert code == 0, err
    report = json.loads(out)
    assert (report["created"], report["updated"], report["invalid"], report["problems"]) == (
        6, 1, 0, [])
    assert report["mapping"]["Attendee Status"] == "ignore"
    assert report["warnings"] == [
        {"row": ROW_OF["Weber"], "reason": f"teilt die Adresse {INFO} mit Zeile 3"},
        {"row": ROW_OF["Vogel"], "reason": f"teilt die Adresse {INFO} mit Zeile 3"},
        {"row": ROW_OF["Lange"], "reason": "teilt die Adresse harald.cremer@nmwp.de mit "
                                           "Dr.-Ing. Harald Cremer"}]
    code, out, _err = cli("--db", db_url, "list", "persons", "--json")
    persons = {p["given_name"]: p for p in json.loads(out)}
    assert {"Bernd", "Clara", "Dieter", "Petra", "Harald"} <= set(persons)


@pytest.mark.parametrize("kind", ["eventbrite", "pretix"])
def test_registration_export_into_an_event_with_a_word_placed(cli, db_url, export_file, kind):
    from spreadsheet_fixtures import ROW_OF

    word = {"eventbrite": "VIP", "pretix": "Gästeliste"}[kind]
    path = str(export_file(kind))
    db = ["--db", db_url]
    code, out, err = cli(*db, "import", path, "--event", EVENT, "--dry-run", "--json")
    assert code == 0, err
    report = json.loads(out)
    assert report["problems"] == [] and report["unknown_statuses"] == {word: 1}
    assert {"row": ROW_OF["Sommer"], "reason": f"Teilnahmestatus „{word}“ unbekannt: als "
            "„angemeldet“ importiert"} in report["warnings"]
    statuses = {d["name"]: d["status"] for d in report["details"]}
    assert statuses["Bernd Brandt"] == "attended" and statuses["Petra Lange"] == "cancelled"
    code, out, err = cli(*db, "import", path, "--event", EVENT, "--status", "cancelled",
                         "--status-map", f"{word.lower()}=attended", "--json")
    assert code == 0, err
    report = json.loads(out)
    assert report["unknown_statuses"] == {}
    assert all("Teilnahmestatus" not in w["reason"] for w in report["warnings"])
    assert {d["name"]: d["status"] for d in report["details"]}["Eva Sommer"] == "attended"
    assert report["created"] == 6


def test_without_json_warnings_are_named_apart(cli, db_url, export_file):
    code, out, err = cli("--db", db_url, "import", str(export_file("pretix", "xlsx")),
                         "--event", EVENT, "--dry-run")
    assert code == 0, err
    assert "Teilnahmestatus „Gästeliste“ unbekannt" in out
    assert "4 Zeilen würden mit Hinweis importiert" in err


@pytest.mark.parametrize("item", ["VIP", "VIP=dabei", "=attended"])
def test_a_bad_status_map_is_one_line(cli, db_url, export_file, item):
    code, out, err = cli("--db", db_url, "import", str(export_file("eventbrite")),
                         "--event", EVENT, "--status-map", item)
    assert code == 1 and out == ""
    assert len(err.strip().splitlines()) == 1 and "--status-map" in err
