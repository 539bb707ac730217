"""Spreadsheet import benchmark: a messy 100,000-row attendee .xlsx into a 100,000-person
directory, end to end, against openpyxl read-only merely iterating the same rows.

    python benchmarks/import_benchmark.py --db /tmp/defence-dir-bench/search-100000.sqlite3

The directory is copied first (the original stays untouched). 20% of the rows are persons
already in it (found by email, or by name and organisation only).
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

import openpyxl
from sqlalchemy import select

from defence_dir.data.database import Database, open_database
from defence_dir.data.models import EmailAddress, Organisation, Person
from defence_dir.imports.spreadsheet.columns import find_header_row, guess_mapping
from defence_dir.imports.spreadsheet.planning import KnownDirectory, plan_rows
from defence_dir.imports.spreadsheet.reading import read_table_file
from defence_dir.imports.spreadsheet.writing import ImportTarget, apply_plan
from defence_dir.imports.undo import undo_import

HEADER = ["Anrede", "Titel", "Vorname", "Nachname", "Firma", "Funktion", "E-Mail-Adresse",
          "Telefon (dienstlich)", "Mobil", "Ort", "Status", "Bemerkung"]
GIVEN = "Anna Jörg Özlem Björn Jürgen Sören Lena Paul Ayşe Łukasz Renée Klaus".split()
FAMILY = "Schäfer Müller Weiß Groß Krüger Yılmaz Nowak Köhler Brandt Vogt Zimmermann".split()


def make_file(path: Path, rows: int, existing: list[tuple[str, str, str, str]],
              seed: int = 7) -> None:
    rng = random.Random(seed)
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Teilnehmende")
    sheet.append(["Fachforum DEFENCE.NRW – Anmeldungen (Export)"])
    sheet.append([])
    sheet.append(HEADER)
    for i in range(rows):
        if rng.random() < 0.2 and existing:
            given, family, org, email = rng.choice(existing)
            email = email if rng.random() < 0.7 else None  # some match by name only
        else:
            given, family = rng.choice(GIVEN), f"{rng.choice(FAMILY)}{i}"
            org, email = f"Firma {i % 500} GmbH", f"p{i}@firma{i % 500}.example"
        phone = rng.choice((2115551000 + i, f"0211 555-{i % 10000:04d}", 49211555000 + i,
                            None))
        sheet.append([rng.choice(("Herr", "Frau", None)),
                      rng.choice((None, None, "Dr.", "Prof. Dr.-Ing.")),
                      f"{given}\u00a0" if i % 7 == 0 else given, family, org,
                      rng.choice((None, "Einkauf", "Geschäftsführung")), email, phone,
                      rng.choice((None, "0171 5550000")), "Düsseldorf",
                      rng.choice(("angemeldet", "teilgenommen", "abgesagt")), None])
    book.save(path)


def directory_sample(database: Database) -> list[tuple[str, str, str, str]]:
    """(given name, family name, organisation, email) of up to 50,000 persons in the
    directory: the file's rows that are already there are made from these."""
    with database.read_session() as session:
        return [(g or "", f or "", o or "", e) for g, f, o, e in session.execute(
            select(Person.given_name, Person.family_name, Organisation.name,
                   EmailAddress.address)
            .outerjoin(Organisation, Person.organisation_id == Organisation.id)
            .join(EmailAddress, EmailAddress.person_id == Person.id).limit(50_000))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args()
    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python "
          f"{platform.python_version()}")
    print(f"Command: python benchmarks/import_benchmark.py --db {args.db} --rows {args.rows}\n")
    with tempfile.TemporaryDirectory() as folder:
        db_path = Path(folder) / "directory.sqlite3"
        shutil.copy(args.db, db_path)
        database = open_database(str(db_path))
        with database.read_session() as session:
            persons_before = session.query(Person).count()
        path = Path(folder) / "anmeldungen.xlsx"
        started = time.perf_counter()
        make_file(path, args.rows, directory_sample(database))
        print(f"- generating the file: {time.perf_counter() - started:.1f} s, "
              f"{path.stat().st_size / 1e6:.1f} MB, {args.rows:,} rows × {len(HEADER)} "
              f"columns; directory: {persons_before:,} persons")

        started = time.perf_counter()
        book = openpyxl.load_workbook(path, read_only=True)
        count = sum(1 for _row in book.active.iter_rows(values_only=True))
        book.close()
        openpyxl_iterate = time.perf_counter() - started

        phases: dict[str, float] = {}
        started = time.perf_counter()
        table = read_table_file(path)
        rows = table.sheet(None).rows
        phases["read (calamine)"] = time.perf_counter() - started
        started = time.perf_counter()
        header = find_header_row(rows)
        with database.read_session() as session:
            mapping = guess_mapping(rows[header], session)
        phases["header and mapping"] = time.perf_counter() - started
        started = time.perf_counter()
        with database.read_session() as session:  # the wizard does this while columns show
            directory = KnownDirectory(session)
        phases["load the directory for matching"] = time.perf_counter() - started
        started = time.perf_counter()
        with database.read_session() as session:
            preview = plan_rows(session, rows[:header + 1 + 1000], header, mapping,
                                file_name=path.name, directory=directory)
        first_page = time.perf_counter() - started
        started = time.perf_counter()
        with database.read_session() as session:
            plan = plan_rows(session, rows, header, mapping, file_name=path.name,
                             directory=directory)
        phases["clean and match (preview of all rows)"] = time.perf_counter() - started
        # As the CLI does: what is written is in the plan now (the wizard keeps rows and
        # directory for going back to the preview).
        rows.clear()
        del directory
        counts = plan.counts()
        started = time.perf_counter()
        with database.session() as session:
            result = apply_plan(session, plan, ImportTarget())
        phases["write, record for undo, index"] = time.perf_counter() - started
        total = sum(phases.values())
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        preview_rows = len(preview.rows)
        del plan.rows[:], preview
        started = time.perf_counter()
        with database.session() as session:
            undone = undo_import(session, result.batch_id)
        undo_seconds = time.perf_counter() - started
        with database.read_session() as session:
            persons_after_undo = session.query(Person).count()
        database.close()
    print(f"- openpyxl read-only, only iterating the {count:,} rows: {openpyxl_iterate:.1f} s")
    print(f"- preview of the first 1,000 rows, the directory loaded ahead (as the wizard does "
          f"while the columns page shows): {first_page:.2f} s ({preview_rows:,} rows)\n")
    print("| phase | seconds |")
    print("|---|---:|")
    for name, seconds in phases.items():
        print(f"| {name} | {seconds:.1f} |")
    print(f"| **whole import** | **{total:.1f}** |")
    print(f"\n- ratio openpyxl iteration / whole import: {openpyxl_iterate / total:.2f}")
    print(f"- rows: {counts}; created {result.created:,}, updated {result.updated:,}")
    print(f"- process peak memory of the import: {peak:.0f} MB")
    print(f"- undoing the import: {undo_seconds:.1f} s ({undone['deleted']:,} deleted, "
          f"{undone['restored']:,} restored; {persons_after_undo:,} persons again)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
