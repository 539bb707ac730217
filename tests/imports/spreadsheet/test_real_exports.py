"""Exports as registration tools and address books write them: Eventbrite, pretix, Outlook,
Google Contacts; status words, colleagues sharing an info@ address, control characters."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from spreadsheet_fixtures import EXPORTS, INFO, ROW_OF
from sqlalchemy import func, select

from defence_dir.data.models import Attendance, EmailAddress, Event, Organisation, Person
from defence_dir.imports.spreadsheet.cleaning import StatusReading
from defence_dir.imports.spreadsheet.columns import (
    find_header_row,
    guess_mapping,
    remember_status_words,
    remembered_status_words,
)
from defence_dir.imports.spreadsheet.planning import RowAction, plan_rows
from defence_dir.imports.spreadsheet.reading import read_table_file
from defence_dir.imports.spreadsheet.report import import_report
from defence_dir.imports.spreadsheet.writing import ImportTarget, apply_plan

KINDS = list(EXPORTS)
# What each tool's words mean for the event (the address books have no status column).
EVENT_STATUSES = {
    "eventbrite": {"Schäfer": "registered", "Brandt": "attended", "Weber": "attended",
                   "Vogel": "registered", "Lange": "cancelled", "Schnitzmeier": "cancelled",
                   "Sommer": "registered"},
    "pretix": {"Schäfer": "registered", "Brandt": "attended", "Weber": "attended",
               "Vogel": "registered", "Lange": "cancelled", "Schnitzmeier": "cancelled",
               "Sommer": "registered"},
}
UNKNOWN_WORD = {"eventbrite": "VIP", "pretix": "Gästeliste"}


def plan_of(session, path: Path, statuses: StatusReading | None = None):
    rows = read_table_file(path).sheet(None).rows
    header = find_header_row(rows)
    return plan_rows(session, rows, header, guess_mapping(rows[header], session),
                     file_name=path.name, statuses=statuses)


def shared_warnings(plan) -> dict[int, list[str]]:
    return {r.row: r.remarks for r in plan.rows if r.remarks}


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize("kind", KINDS)
def test_into_the_directory_everyone_is_imported_and_status_is_ignored(db, export_file, kind,
                                                                       fmt):
    path = export_file(kind, fmt)
    with db.session() as session:
        plan = plan_of(session, path)
        actions = {r.name.split()[-1]: r.action for r in plan.rows}
        assert actions == {"Schäfer": RowAction.NEW, "Brandt": RowAction.NEW,
                           "Weber": RowAction.NEW, "Vogel": RowAction.NEW,
                           "Lange": RowAction.NEW, "Schnitzmeier": RowAction.MATCH,
                           "Sommer": RowAction.NEW}
        # The colleagues sharing info@ and the assistant using her boss's mailbox are
        # imported, each with a warning naming the row or the person; no status remark.
        assert shared_warnings(plan) == {
            ROW_OF["Weber"]: [f"teilt die Adresse {INFO} mit Zeile {ROW_OF['Brandt']}"],
            ROW_OF["Vogel"]: [f"teilt die Adresse {INFO} mit Zeile {ROW_OF['Brandt']}"],
            ROW_OF["Lange"]: ["teilt die Adresse harald.cremer@nmwp.de mit "
                              "Dr.-Ing. Harald Cremer"]}
        assert all(r.status is None for r in plan.rows)
        report = import_report(plan, None)
        assert report["problems"] == [] and report["invalid"] == 0
        assert report["with_warnings"] == 3
        result = apply_plan(session, plan)
        assert (result.created, result.attendances) == (6, 0)
    with db.read_session() as session:
        holders = session.scalars(select(Person.given_name).join(EmailAddress).where(
            EmailAddress.address == INFO).order_by(Person.given_name)).all()
        assert holders == ["Bernd", "Clara", "Dieter"]  # the address kept on each of them
        mailbox = session.scalars(select(Person.given_name).join(EmailAddress).where(
            EmailAddress.address == "harald.cremer@nmwp.de").order_by(Person.given_name))
        assert mailbox.all() == ["Harald", "Petra"]
        assert session.scalar(select(func.count()).select_from(Attendance)) == 0


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize("kind", KINDS)
def test_into_an_event_the_tools_words_become_statuses(db, export_file, kind, fmt):
    path = export_file(kind, fmt)
    with db.session() as session:
        event_id = session.scalar(select(Event.id))
        plan = plan_of(session, path, StatusReading("registered"))
        report = import_report(plan, None)
        assert report["problems"] == []
        result = apply_plan(session, plan, ImportTarget(event_id=event_id,
                                                        status_for_all="registered"))
        assert result.attendances == 7
    with db.read_session() as session:
        statuses = dict(session.execute(select(Person.family_name, Attendance.status)
                                        .join(Attendance)).all())
    expected = EVENT_STATUSES.get(kind, dict.fromkeys(statuses, "registered"))
    assert statuses == expected and len(statuses) == 7
    status_remarks = {w["row"]: w["reason"] for w in report["warnings"]
                      if "Teilnahmestatus" in w["reason"]}
    if kind in UNKNOWN_WORD:  # the word nobody knows: imported as the default, with a warning
        assert status_remarks == {ROW_OF["Sommer"]: f"Teilnahmestatus „{UNKNOWN_WORD[kind]}“ "
                                                    "unbekannt: als „angemeldet“ importiert"}
        assert list(plan.unknown_statuses()) == [UNKNOWN_WORD[kind]]
    else:
        assert status_remarks == {} and plan.unknown_statuses() == {}


def test_an_unknown_word_can_be_placed_and_is_remembered(db, export_file):
    path = export_file("eventbrite", "csv")
    with db.session() as session:
        plan = plan_of(session, path, StatusReading("cancelled"))
        sommer = next(r for r in plan.rows if r.row == ROW_OF["Sommer"])
        assert sommer.status is None and "als „abgesagt“" in sommer.status_warning
        assert plan.unknown_statuses() == {"VIP": (1, None)}
        plan.place_statuses({"vip": "attended"})
        assert (sommer.status, sommer.remarks) == ("attended", [])
        assert plan.unknown_statuses() == {"VIP": (1, "attended")}  # offered again
        remember_status_words(session, {"VIP": "attended"})
    with db.session() as session:
        assert remembered_status_words(session) == {"vip": "attended"}
        again = plan_of(session, path, StatusReading(placed=remembered_status_words(session)))
        sommer = next(r for r in again.rows if r.row == ROW_OF["Sommer"])
        assert (sommer.status, sommer.remarks) == ("attended", [])
        plan.place_statuses({"VIP": None})  # back to the default, with the warning again
        assert plan.unknown_statuses() == {"VIP": (1, None)}


@pytest.mark.parametrize(("header", "cells", "expected", "warned"), [
    # Zoom/Teams webinar reports: who signed up, and whether they came.
    (["Vorname", "Nachname", "E-Mail", "Teilgenommen"], ["Ja"], "attended", False),
    (["First Name", "Last Name", "Email", "Attended"], ["No"], "no_show", False),
    # A waiting list: registered (the directory has no such status), with a warning.
    (["Vorname", "Nachname", "E-Mail", "Teilnahmestatus"], ["Warteliste"], "registered", True),
    (["Vorname", "Nachname", "E-Mail", "Ticket-Status"], ["Transferred"], "cancelled", True),
    (["Vorname", "Nachname", "E-Mail", "Registration Status", "Check-in"],
     ["bestätigt", ""], "registered", False),
    (["Vorname", "Nachname", "E-Mail", "Anmeldestatus", "Check-in"],
     ["bestätigt", "14.03.2026 09:12"], "attended", False),
    (["Vorname", "Nachname", "E-Mail", "Status"], ["No-Show"], "no_show", False),
    (["Vorname", "Nachname", "E-Mail", "Status"], ["eingecheckt"], "attended", False),
])
def test_status_columns_of_other_tools(db, tmp_path, header, cells, expected, warned):
    path = tmp_path / "webinar.csv"
    path.write_text(";".join(header) + "\n" + ";".join(["Ina", "Roth", "ina@roth.example",
                                                        *cells]) + "\n", encoding="utf-8")
    with db.session() as session:
        [row] = plan_of(session, path, StatusReading()).rows
        assert (row.action, row.status) == (RowAction.NEW, expected)
        assert bool(row.remarks) is warned
        [directory_only] = plan_of(session, path).rows  # not an event: never invalid
        assert (directory_only.action, directory_only.status) == (RowAction.NEW, None)


def test_names_that_agree_are_still_one_person(db, tmp_path):
    """An email match stands when the names do not clearly disagree: written the other way
    round, with an umlaut spelt out, or with a part missing."""
    path = tmp_path / "doppelt.csv"
    path.write_text("Vorname;Nachname;E-Mail\n"
                    "Jürgen;Schnitzmeier;juergen.schnitzmeier@zenit.eu\n"
                    "Bernd;Brandt;info@brandt.example\n"
                    "Brandt;Bernd;info@brandt.example\n"
                    ";Brandt;info@brandt.example\n"
                    "Clara;Weber;info@brandt.example\n"
                    "Clara;Weber;INFO@brandt.example\n", encoding="utf-8")
    with db.session() as session:
        rows = {r.row: r for r in plan_of(session, path).rows}
    assert rows[2].action is RowAction.MATCH and rows[2].remarks == []
    assert [rows[n].reason for n in (4, 5)] == ["dieselbe Person wie Zeile 3"] * 2
    assert rows[6].action is RowAction.NEW
    assert rows[6].remarks == ["teilt die Adresse info@brandt.example mit Zeile 3"]
    assert rows[7].reason == "dieselbe Person wie Zeile 6"


def test_a_shared_address_in_the_directory_matches_each_holder_by_name(db, export_file):
    path = export_file("google", "csv")
    with db.session() as session:
        apply_plan(session, plan_of(session, path))
    with db.session() as session:  # the same file again: everyone found, nobody new
        plan = plan_of(session, path)
        ids = {r.name: r.person_id for r in plan.rows}
        assert {r.action for r in plan.rows} == {RowAction.MATCH}
        assert shared_warnings(plan) == {}
        assert len(set(ids.values())) == 7


def test_thousands_of_colleagues_sharing_addresses(db, tmp_path):
    """6,000 rows, a third of them registered with one of 40 firms' info@ mailboxes (up to
    50 people each): each is imported as a person of their own, with the warning naming the
    first row (found by name among the rows holding the address, not pair by pair)."""
    path = tmp_path / "gross.xlsx"
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("Anmeldungen")
    sheet.append(["Vorname", "Nachname", "Firma", "E-Mail", "Status"])
    first_of: dict[str, int] = {}
    expected_shared = 0
    for n in range(6000):
        address = f"info@firma{n % 40}.example" if n % 3 == 0 else f"p{n}@firma.example"
        if address.startswith("info@"):
            if address in first_of:
                expected_shared += 1
            first_of.setdefault(address, n + 2)
        sheet.append([f"Vorname{n}", f"Nachname{n}", f"Firma {n % 40}", address,
                      "bestätigt"])
    workbook.save(path)
    with db.session() as session:
        plan = plan_of(session, path)
        assert plan.counts()["new"] == 6000
        shared = [r for r in plan.rows if r.remarks]
        assert len(shared) == expected_shared == 1960
        assert shared[0].remarks == [f"teilt die Adresse info@firma0.example mit Zeile "
                                     f"{first_of['info@firma0.example']}"]
        result = apply_plan(session, plan)
        assert result.created == 6000
    with db.read_session() as session:
        assert session.scalar(select(func.count()).select_from(EmailAddress).where(
            EmailAddress.address == "info@firma0.example")) == 50


def test_control_characters_never_reach_the_database(db, tmp_path):
    path = tmp_path / "kaputt.csv"
    path.write_bytes("Vorname;Nachname;Firma;Funktion;E-Mail;Notizen;Ort\r\n"
                     "An\x00na;Sch\x1b[31mäfer;Rhein\x07metall\x00;Lei\x0bterin;"
                     "anna@rheinmetall.example;Hallo\x1bWelt;Düssel\x00dorf\r\n"
                     .encode())
    with db.session() as session:
        [row] = plan_of(session, path).rows
        assert row.action is RowAction.NEW
        apply_plan(session, plan_of(session, path))
    with db.read_session() as session:
        person = session.scalar(select(Person).where(Person.given_name == "Anna"))
        assert person is not None
        texts = [person.given_name, person.family_name, person.function, person.notes,
                 session.scalar(select(Organisation.name).where(
                     Organisation.id == person.organisation_id))]
    # The escape and NUL characters are gone (what followed an ESC is text and stays).
    assert texts == ["Anna", "Sch[31mäfer", "Leiterin", "HalloWelt\nOrt: Düsseldorf",
                     "Rheinmetall"]


def test_outlook_and_google_columns_land_in_the_right_fields(db, export_file):
    with db.session() as session:
        for kind in ("outlook", "outlook_de", "google", "google_new"):
            plan = plan_of(session, export_file(kind, "csv"))
            schaefer = plan.rows[0].draft
            assert (schaefer.given_name, schaefer.family_name, schaefer.function,
                    plan.rows[0].organisation) == ("Anna", "Schäfer", "Leiterin Forschung",
                                                   "Rheinmetall"), kind
            assert [p.raw for p in schaefer.phones] == ["0211 5551234"], kind
            emails = [e.address for e in schaefer.emails]
            assert emails[0] == "anna.schaefer@rheinmetall.example", kind
            if kind != "google_new":  # a second address: Outlook's column, Google's " ::: "
                assert emails[1:] == ["anna.schaefer@privat.example"], kind
            notes = schaefer.notes or ""
            for noise in ("Priority", "Priorität", "Sensitivity", "SMTP", "0/0/00",
                          "myContacts", "Initials"):
                assert noise not in notes, (kind, noise)
            brandt = plan.rows[1].draft
            if kind.startswith("outlook"):  # Outlook's "Title" holds the salutation
                assert (brandt.salutation, brandt.title) == ("Mr.", None), kind


@pytest.mark.parametrize("kind", ["eventbrite", "google"])
def test_shared_addresses_and_statuses_on_postgres(pg_url, export_file, kind):
    """The same on PostgreSQL: colleagues with one address are stored each with it, the
    event gets the tools' statuses, a second import finds each of them by name."""
    from defence_dir.data.database import open_database

    db = open_database(pg_url)
    try:
        path = export_file(kind, "csv")
        with db.session() as session:
            event_id = session.scalar(select(Event.id))
            plan = plan_of(session, path, StatusReading())
            assert shared_warnings(plan).keys() == {ROW_OF["Weber"], ROW_OF["Vogel"],
                                                    ROW_OF["Lange"]} | (
                {ROW_OF["Sommer"]} if kind in UNKNOWN_WORD else set())
            apply_plan(session, plan, ImportTarget(event_id=event_id))
        with db.session() as session:
            assert session.scalar(select(func.count()).select_from(EmailAddress).where(
                EmailAddress.address == INFO)) == 3
            statuses = dict(session.execute(select(Person.family_name, Attendance.status)
                                            .join(Attendance)).all())
            assert statuses == EVENT_STATUSES.get(kind, dict.fromkeys(statuses, "registered"))
            again = plan_of(session, path)
            assert {r.action for r in again.rows} == {RowAction.MATCH}
            assert len({r.person_id for r in again.rows}) == 7
    finally:
        db.close()


@pytest.mark.parametrize(("kind", "encoding", "delimiter"), [
    ("eventbrite", "utf-8-sig", ";"),  # German Excel's "CSV UTF-8": a BOM
    ("pretix", "cp1252", ";"),  # with Excel's "sep=;" hint as the first line
    ("outlook", "cp1252", ","),
    ("outlook_de", "cp1252", ","),
    ("google", "utf-8", ","),
])
def test_csv_exports_are_read_as_written(export_file, kind, encoding, delimiter):
    table = read_table_file(export_file(kind, "csv"))
    rows = table.sheet(None).rows
    assert (table.encoding, table.delimiter) == (encoding, delimiter)
    assert rows[0] == EXPORTS[kind][0]  # the header first: no "sep=;" row, no BOM in it
    assert len(rows) == 8 and "Schäfer" in rows[1]


def test_an_unplaced_word_never_changes_a_status_the_event_has(db, tmp_path):
    """Who attended stays attended when a later list calls them by a word nobody knows; a
    known word still updates the status."""
    path = tmp_path / "nachtrag.csv"
    with db.session() as session:
        event_id = session.scalar(select(Event.id))
        target = ImportTarget(event_id=event_id)
        for status_word, expected in (("teilgenommen", "attended"), ("VIP-Gast", "attended"),
                                      ("storniert", "cancelled")):
            path.write_text("Vorname;Nachname;E-Mail;Teilnahmestatus\n"
                            f"Ina;Roth;ina@roth.example;{status_word}\n", encoding="utf-8")
            apply_plan(session, plan_of(session, path, StatusReading()), target)
            assert session.scalar(select(Attendance.status).join(Person).where(
                Attendance.event_id == event_id, Person.family_name == "Roth")) == expected
