"""The imports service: each call one transaction, so a cancel or a refusal leaves everything
(mapping, status words, records, the list of imports) as it was."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from defence_dir.data.models import Attendance, ImportMapping, Person
from defence_dir.errors import NotFoundError
from defence_dir.imports import service
from defence_dir.imports.spreadsheet.columns import find_header_row
from defence_dir.imports.spreadsheet.reading import read_table_file
from defence_dir.imports.spreadsheet.writing import ImportCancelled, ImportTarget

# As a registration platform exports it: a status column with a word no synonym knows.
REGISTRATIONS = ("Vorname;Nachname;E-Mail;Status\n"
                 "Anna;Vogt;anna.vogt@example.org;Badge abgeholt\n"
                 "Ben;Roth;ben.roth@example.org;abgemeldet (krank)\n")


def _sheet(path: Path) -> tuple[list[list[object]], int]:
    rows = read_table_file(path).sheet(None).rows
    return rows, find_header_row(rows)


def _persons(db) -> int:
    with db.read_session() as session:
        return session.scalar(select(func.count()).select_from(Person)) or 0


def test_batches_are_listed_newest_first_and_an_undo_marks_them(db, attendee_xlsx, german_csv):
    for path in (attendee_xlsx, german_csv):
        rows, header = _sheet(path)
        plan = service.plan_spreadsheet(db, rows, header, service.guess_columns(db, rows[header]),
                                        file_name=path.name)
        service.apply_spreadsheet(db, plan)
    batches = service.import_batches(db)
    assert [(b.file, b.kind, b.created, b.undone) for b in batches] == [
        ("verteiler.csv", "spreadsheet", 2, False), ("teilnehmer.xlsx", "spreadsheet", 2, False)]
    assert batches[0].imported_at is not None and batches[0].imported_at.endswith("Z")
    # Two persons and the three organisations it created; Harald Cremer's empty fields filled.
    assert service.undo(db, batches[0].id) == {"deleted": 5, "restored": 1}
    assert _persons(db) == 8  # the six seeded and the attendee list's two
    assert [b.undone for b in service.import_batches(db)] == [True, False]


def test_a_cancelled_import_remembers_neither_mapping_nor_status_words(db, tmp_path: Path):
    path = tmp_path / "anmeldungen.csv"
    path.write_text(REGISTRATIONS, encoding="utf-8")
    rows, header = _sheet(path)
    mapping = service.guess_columns(db, rows[header])
    mapping.fields[2] = "ignore"  # corrected by the user: the address is not imported
    event_id = service.import_targets(db).events[0][0]
    plan = service.plan_spreadsheet(db, rows, header, mapping, file_name=path.name,
                                    status_default="registered")
    with db.read_session() as session:
        stored = session.scalar(select(func.count()).select_from(ImportMapping))
    with pytest.raises(ImportCancelled):
        service.apply_spreadsheet(db, plan, ImportTarget(event_id=event_id),
                                  lambda done, total: False, remember=mapping,
                                  status_words={"Badge abgeholt": "attended"})
    with db.read_session() as session:
        assert session.scalar(select(func.count()).select_from(ImportMapping)) == stored
    assert service.guess_columns(db, rows[header]).fields[2] == "email"
    assert service.import_batches(db) == [] and _persons(db) == 6


def test_remembered_words_and_mapping_count_for_the_next_file(db, tmp_path: Path):
    path = tmp_path / "anmeldungen.csv"
    path.write_text(REGISTRATIONS, encoding="utf-8")
    rows, header = _sheet(path)
    mapping = service.guess_columns(db, rows[header])
    event_id = service.import_targets(db).events[0][0]
    first = service.plan_spreadsheet(db, rows, header, mapping, file_name=path.name,
                                     status_default="registered")
    assert set(first.unknown_statuses()) == {"Badge abgeholt", "abgemeldet (krank)"}
    placed = {"Badge abgeholt": "attended", "abgemeldet (krank)": "cancelled"}
    first.place_statuses(placed)  # as the preview does when the user places them
    service.apply_spreadsheet(db, first, ImportTarget(event_id=event_id), remember=mapping,
                              status_words=placed)
    again = service.plan_spreadsheet(db, rows, header, service.guess_columns(db, rows[header]),
                                     file_name=path.name, status_default="registered")
    assert again.unknown_statuses() == {"Badge abgeholt": (1, "attended"),
                                        "abgemeldet (krank)": (1, "cancelled")}
    assert [r.status for r in again.rows] == ["attended", "cancelled"]
    with db.read_session() as session:
        assert sorted(session.scalars(select(Attendance.status))) == ["attended", "cancelled"]


def test_without_an_event_the_status_column_is_ignored(db, tmp_path: Path):
    path = tmp_path / "anmeldungen.csv"
    path.write_text(REGISTRATIONS, encoding="utf-8")
    rows, header = _sheet(path)
    plan = service.plan_spreadsheet(db, rows, header, service.guess_columns(db, rows[header]),
                                    file_name=path.name)
    assert plan.unknown_statuses() == {} and [r.status for r in plan.rows] == [None, None]
    assert not any(r.remarks for r in plan.rows)


def test_a_misspelt_list_or_event_is_refused_before_any_work(db):
    with pytest.raises(NotFoundError, match="Verteller"):
        service.target_by_names(db, "Verteller", None)
    with pytest.raises(NotFoundError, match="Kickof"):
        service.target_by_names(db, None, "Kickof")
    lists = service.import_targets(db).lists
    assert service.target_by_names(db, lists[0][1], None).list_id == lists[0][0]
