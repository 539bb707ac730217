"""Spreadsheet import end to end: reading, mapping, cleaning, preview, writing, undo."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import func, select

from defence_dir.data.models import Attendance, Event, ListMembership, Organisation, Person
from defence_dir.errors import ValidationError
from defence_dir.imports.spreadsheet.cleaning import (
    StatusReading,
    parse_date,
    repaired_phone,
    split_name,
)
from defence_dir.imports.spreadsheet.columns import find_header_row, guess_mapping, remember_mapping
from defence_dir.imports.spreadsheet.planning import MatchChoice, RowAction, plan_rows
from defence_dir.imports.spreadsheet.reading import read_table_file
from defence_dir.imports.spreadsheet.writing import ImportTarget, apply_plan
from defence_dir.imports.undo import undo_import


def plan_file(session, path: Path, **options):
    table = read_table_file(path)
    sheet = table.sheet(None)
    header = find_header_row(sheet.rows)
    mapping = guess_mapping(sheet.rows[header], session)
    return plan_rows(session, sheet.rows, header, mapping, file_name=path.name, **options)


@pytest.mark.parametrize(("text", "expected"), [
    ("Prof. Dr.-Ing. Anna Schäfer", ("Prof. Dr.-Ing.", "Anna", "Schäfer")),
    ("Schäfer, Anna", (None, "Anna", "Schäfer")),
    ("Weiß, Dr. Gisela", ("Dr.", "Gisela", "Weiß")),
    ("Herr Dr. Jan de Vries", ("Dr.", "Jan", "de Vries")),
    ("Madonna", (None, None, "Madonna")),
])
def test_names_are_split(text, expected):
    parts = split_name(text)
    assert (parts["title"], parts["given_name"], parts["family_name"]) == expected


@pytest.mark.parametrize(("cell", "number", "e164", "repaired"), [
    (2115551234, "02115551234", "+492115551234", True),  # Excel dropped the leading 0
    (4921155501, "+4921155501", "+4921155501", True),  # … or the "+"
    ("0211 555-12", "0211 555-12", "+4921155512", False),
    ("bitte anrufen", None, None, True),
])
def test_phones_are_repaired_or_flagged(cell, number, e164, repaired):
    value, note = repaired_phone(cell)
    assert (value.raw, value.e164) == (number, e164) if number else value is None
    assert bool(note) is repaired


def test_dates_from_serials_and_german_text():
    assert parse_date(46000).date().isoformat() == "2025-12-09"
    assert parse_date("24.12.2026").date().isoformat() == "2026-12-24"
    assert parse_date("31.02.2026") is None


def test_header_below_title_rows_and_german_headings(db, attendee_xlsx):
    table = read_table_file(attendee_xlsx)
    assert [s.name for s in table.sheets] == ["Teilnehmende", "Notizen"]
    rows = table.sheet(None).rows
    header = find_header_row(rows)
    assert header == 2
    mapping = guess_mapping(rows[header])
    assert mapping.fields[:8] == ["salutation", "title", "given_name", "family_name",
                                  "organisation", "email", "phone", "mobile"]


def test_preview_row_by_row(db, attendee_xlsx):
    with db.session() as session:
        plan = plan_file(session, attendee_xlsx)
        by_row = {r.row: r for r in plan.rows}
        assert by_row[4].action is RowAction.NEW
        schaefer = by_row[4].draft
        assert (schaefer.title, schaefer.given_name, schaefer.family_name) == (
            "Prof. Dr.-Ing.", "Anna", "Schäfer")
        assert [p.raw for p in schaefer.phones] == ["02115551234", "+49 171 5551234"]
        assert by_row[4].warnings == ["führende 0 in Telefonnummer 2115551234 ergänzt"]
        assert "Vortrag gehalten" in schaefer.notes  # non-breaking spaces trimmed
        assert by_row[5].action is RowAction.MATCH and by_row[5].score is None  # by email
        assert by_row[6].action is RowAction.DUPLICATE and "4" in by_row[6].reason
        assert by_row[7].action is RowAction.INVALID and "E-Mail" in by_row[7].reason
        assert by_row[8].action is RowAction.EMPTY
        assert by_row[9].action is RowAction.NEW
        assert by_row[9].draft.phones[0].raw == "+4921155501"
        assert session.scalar(select(func.count()).select_from(Person)) == 6  # nothing written


def test_german_excel_csv(db, german_csv):
    table = read_table_file(german_csv)
    assert (table.encoding, table.delimiter) == ("cp1252", ";")
    with db.session() as session:
        plan = plan_file(session, german_csv)
        rows = {r.name: r for r in plan.rows}
        assert set(rows) == {"Jörg Müller", "Dr. Gisela Weiß", "Harald Kremer"}
        assert rows["Dr. Gisela Weiß"].organisation == "Fraunhofer; FHR"
        assert rows["Harald Kremer"].action is RowAction.MATCH  # by email, despite the K


def test_fuzzy_match_with_threshold(db, tmp_path: Path):
    path = tmp_path / "liste.csv"
    path.write_text("Vorname;Nachname;Firma\nMathias;Grosch;NMWP.NRW\n", encoding="utf-8")
    with db.session() as session:
        loose = plan_file(session, path, threshold=80).rows[0]
        assert loose.action is RowAction.MATCH and loose.score >= 80
        strict = plan_file(session, path, threshold=99).rows[0]
        assert strict.action is RowAction.NEW


def test_apply_to_an_event_and_undo(db, attendee_xlsx):
    with db.session() as session:
        event_id = session.scalar(select(Event.id))
        plan = plan_file(session, attendee_xlsx, statuses=StatusReading())
        result = apply_plan(session, plan, ImportTarget(event_id=event_id))
        assert (result.created, result.attendances) == (2, 3)
    with db.read_session() as session:
        statuses = dict(session.execute(select(Person.family_name, Attendance.status)
                                        .join(Attendance)).all())
        assert statuses == {"Schäfer": "attended", "Schnitzmeier": "registered",
                            "Brandt": "cancelled"}
        assert session.scalar(select(Organisation.id).where(Organisation.name ==
                                                            "Rheinmetall")) is not None
    with db.session() as session:
        undo_import(session, result.batch_id)
    with db.read_session() as session:
        assert session.scalar(select(func.count()).select_from(Person)) == 6
        assert session.scalar(select(func.count()).select_from(Attendance)) == 0
        with pytest.raises(ValidationError):
            undo_import(session, result.batch_id)


def test_list_import_never_resubscribes_an_unsubscribed_person(db, german_csv):
    from defence_dir.lists.consent import Consent, ConsentSource, subscribe, unsubscribe

    with db.session() as session:
        list_id = session.scalar(select(ListMembership.list_id).limit(1)) or 1
        cremer = session.scalar(select(Person.id).where(Person.family_name == "Cremer"))
        subscribe(session, list_id, cremer, Consent(ConsentSource.FORM, source="Formular"))
        unsubscribe(session, list_id, cremer)
    with db.session() as session:
        result = apply_plan(session, plan_file(session, german_csv),
                            ImportTarget(list_id=list_id))
        assert result.subscribed == 2
        assert result.suppressed and "Harald Kremer" in result.suppressed[0]
    with db.read_session() as session:
        status = session.scalar(select(ListMembership.status).where(
            ListMembership.person_id == cremer))
        assert status == "unsubscribed"
        source = session.scalar(select(ListMembership.consent_source).join(Person).where(
            Person.family_name == "Müller"))
        assert "verteiler.csv" in source and "3" not in source.split("verteiler.csv")[0]


def test_match_choices(db, tmp_path: Path):
    path = tmp_path / "l.csv"
    path.write_text("Vorname;Nachname;E-Mail;Funktion\n"
                    "Harald;Cremer;harald.cremer@nmwp.de;Vorstand\n", encoding="utf-8")
    for choice, expected in ((MatchChoice.SKIP, "Clustermanager"),
                             (MatchChoice.FILL, "Clustermanager"),
                             (MatchChoice.OVERWRITE, "Vorstand")):
        with db.session() as session:
            plan = plan_file(session, path, choice=choice)
            result = apply_plan(session, plan)
        with db.read_session() as session:
            assert session.scalar(select(Person.function).where(
                Person.family_name == "Cremer")) == expected
        with db.session() as session:
            undo_import(session, result.batch_id)


def test_corrected_mapping_is_remembered(db, german_csv):
    with db.session() as session:
        rows = read_table_file(german_csv).sheet(None).rows
        mapping = guess_mapping(rows[0], session)
        mapping.fields[3] = "mobile"
        remember_mapping(session, mapping)
    with db.session() as session:
        assert guess_mapping(rows[0], session).fields[3] == "mobile"


@pytest.mark.parametrize(("name", "content"), [
    ("leer.xlsx", b""),
    ("kaputt.xlsx", b"PK\x03\x04 not really a zip"),
    ("binär.csv", bytes(range(256)) * 10),
    ("bild.png", b"\x89PNG\r\n"),
])
def test_bad_files_are_refused_cleanly(tmp_path: Path, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ValidationError) as error:
        read_table_file(path)
    assert name in str(error.value)


def test_cancel_leaves_the_database_as_before(db, tmp_path: Path):
    from defence_dir.imports.spreadsheet.writing import ImportCancelled

    path = tmp_path / "viele.csv"
    lines = ["Vorname;Nachname;E-Mail"] + [f"Vor{i};Nach{i};p{i}@example.org"
                                          for i in range(1000)]
    path.write_text("\n".join(lines), encoding="utf-8")
    seen = []
    with pytest.raises(ImportCancelled), db.session() as session:
        apply_plan(session, plan_file(session, path),
                   progress=lambda done, total: seen.append(done) or done < 400)
    assert seen and max(seen) == 400
    with db.read_session() as session:
        assert session.scalar(select(func.count()).select_from(Person)) == 6


def test_report_as_xlsx(db, attendee_xlsx, tmp_path: Path):
    import openpyxl

    from defence_dir.imports.spreadsheet.report import import_report, write_report_xlsx

    with db.session() as session:
        plan = plan_file(session, attendee_xlsx)
        report = import_report(plan, None)
    target = tmp_path / "bericht.xlsx"
    write_report_xlsx(target, plan, report)
    workbook = openpyxl.load_workbook(target)
    assert workbook.sheetnames == ["Übersicht", "Probleme", "Hinweise", "Alle Zeilen"]
    problems = [[c.value for c in row] for row in workbook["Probleme"].iter_rows(min_row=2)]
    assert ["7", "„kai@@kaputt“ ist keine gültige E-Mail-Adresse."] in problems
    # A repaired phone is a warning of an imported row: on its own sheet, not a problem.
    warnings = [[c.value for c in row] for row in workbook["Hinweise"].iter_rows(min_row=2)]
    assert warnings == [["4", "führende 0 in Telefonnummer 2115551234 ergänzt"],
                        ["9", "„+“ in Telefonnummer 4921155501 ergänzt"]]
    assert all(row[0] not in ("4", "9") for row in problems)
    everything = list(workbook["Alle Zeilen"].iter_rows(min_row=1, values_only=True))
    assert everything[0] == ("Zeile", "Name", "Ergebnis", "Grund", "Hinweise")


@given(st.text())
def test_cell_text_collapses_every_kind_of_space(text):
    """Non-breaking, figure and narrow spaces, tabs and line breaks inside a cell all become
    one plain space; control characters (NUL, ESC from a broken export) go, and the text is
    in NFC; nothing else in the text changes."""
    import re
    import unicodedata

    from defence_dir.imports.spreadsheet.cleaning import text_of
    from defence_dir.text.plain import has_control_characters, nfc

    result = text_of(text)
    assert not has_control_characters(result) and nfc(result) == result
    kept = "".join(c for c in text if c == "\x85" or not has_control_characters(c))
    assert result == re.sub(r"\s+", " ", unicodedata.normalize("NFC", kept)).strip()


@given(st.sampled_from(["", "Herr ", "Frau ", "herr "]),
       st.sampled_from(["", "Dr. ", "Prof. Dr.-Ing. ", "Dr.-Ing. ", "prof. "]),
       st.text(alphabet="abcdeäöüßAZ .-", min_size=1).filter(str.strip))
def test_salutation_and_titles_come_off_any_name(salutation, titles, name):
    from defence_dir.imports.spreadsheet.cleaning import _strip_prefixes

    found_salutation, found_titles, rest = _strip_prefixes(salutation + titles + name)
    if not (name.strip().casefold().startswith(("herr ", "frau ", "dr", "prof"))):
        assert (found_salutation or "").casefold() == salutation.strip().casefold()
        assert (found_titles or "").casefold() == titles.strip().casefold()
        assert rest == name.strip()
