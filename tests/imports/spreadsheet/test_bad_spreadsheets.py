"""Bad spreadsheets: a clear message or a clean preview, never a traceback, never a change."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest

from defence_dir.cli import main
from defence_dir.errors import DefenceDirError


def database_bytes(db_path: Path) -> bytes:
    return b"".join(Path(f"{db_path}{s}").read_bytes() if Path(f"{db_path}{s}").exists()
                    else b"" for s in ("", "-wal"))


def workbook(path: Path, rows: list[list], setup=None) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    if setup:
        setup(book, sheet)
    book.save(path)
    return path


def make(kind: str, folder: Path) -> Path:
    header = ["Vorname", "Nachname", "E-Mail"]
    if kind == "truncated":
        good = workbook(folder / "gut.xlsx", [header, ["A", "B", "a@b.de"]])
        path = folder / "abgeschnitten.xlsx"
        path.write_bytes(good.read_bytes()[:900])
        return path
    if kind == "password":  # an encrypted workbook is an OLE container, not a zip
        path = folder / "geschuetzt.xlsx"
        path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2048)
        return path
    if kind == "csv_as_xlsx":
        path = folder / "eigentlich.xlsx"
        path.write_text("Vorname;Nachname\nA;B\n", encoding="utf-8")
        return path
    if kind == "picture_as_xlsx":
        path = folder / "foto.xlsx"
        path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
        return path
    if kind == "empty":
        path = folder / "leer.xlsx"
        path.write_bytes(b"")
        return path
    if kind == "header_only":
        return workbook(folder / "nur_kopf.xlsx", [header])
    if kind == "huge_dimension":
        path = workbook(folder / "dimension.xlsx", [header, ["A", "B", "a@b.de"]])
        # Claim a million rows in the sheet's <dimension> while holding two.
        patched = folder / "dimension_gross.xlsx"
        with zipfile.ZipFile(path) as source, zipfile.ZipFile(patched, "w") as target:
            for item in source.infolist():
                data = source.read(item.filename)
                if item.filename == "xl/worksheets/sheet1.xml":
                    data = data.replace(b'<dimension ref="A1:C2"/>',
                                        b'<dimension ref="A1:C1048576"/>')
                target.writestr(item, data)
        return patched
    if kind == "megabyte_cell":
        return workbook(folder / "grosse_zelle.xlsx", [header, ["A", "B" * 1_000_000, "a@b.de"]])
    if kind == "formulas":
        return workbook(folder / "formeln.xlsx", [header, ["=A1", "=CONCAT(\"B\",1)", "x@y.de"]])
    if kind == "merged_header":
        def merge(_book, sheet):
            sheet.merge_cells("A1:B1")
        return workbook(folder / "verbunden.xlsx", [["Name", None, "E-Mail"],
                                                     ["Anna Schäfer", None, "a@b.de"]], merge)
    if kind == "duplicate_columns":
        return workbook(folder / "doppelt.xlsx", [["Vorname", "Nachname", "E-Mail", "E-Mail"],
                                                  ["A", "B", "a@b.de", "c@d.de"]])
    if kind == "spaces_only":
        return workbook(folder / "leerzeichen.xlsx", [header, ["   ", " \u00a0", "  "],
                                                      ["A", "B", "a@b.de"]])
    if kind == "mixed_line_endings_csv":
        path = folder / "gemischt.csv"
        path.write_bytes(b"Vorname;Nachname;E-Mail\r\nA;B;a@b.de\nC;D;c@d.de\rE;F;e@f.de\r\n")
        return path
    if kind == "stray_quote_csv":
        path = folder / "anfuehrung.csv"
        path.write_bytes(b'Vorname;Nachname;E-Mail\nA;"B;a@b.de\nC;D;c@d.de\n')
        return path
    raise AssertionError(kind)


KINDS = ["truncated", "password", "csv_as_xlsx", "picture_as_xlsx", "empty", "header_only",
         "huge_dimension", "megabyte_cell", "formulas", "merged_header", "duplicate_columns",
         "spaces_only", "mixed_line_endings_csv", "stray_quote_csv"]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.sqlite_only(reason="compares the SQLite file's bytes")
def test_bad_input_never_crashes_or_changes_the_database(capsys, db, db_path, tmp_path, kind):
    path = make(kind, tmp_path)
    db.close()
    before = database_bytes(db_path)
    try:
        code = main(["--db", str(db_path), "import", str(path), "--dry-run", "--json"])
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    assert code in (0, 1)
    if code == 1:
        assert out == "" and len(err.strip().splitlines()) == 1
        assert "Traceback" not in err and "Internal error" not in err and "Interner" not in err
    assert database_bytes(db_path) == before


@pytest.mark.parametrize("kind", ["truncated", "password", "csv_as_xlsx", "picture_as_xlsx",
                                  "empty"])
def test_unreadable_files_name_the_file(tmp_path, kind):
    from defence_dir.imports.spreadsheet.reading import read_table_file

    path = make(kind, tmp_path)
    with pytest.raises(DefenceDirError) as error:
        read_table_file(path)
    assert path.name in str(error.value)


def test_spaces_only_rows_are_empty_and_formulas_do_not_crash(db, tmp_path):
    from defence_dir.imports.spreadsheet.columns import find_header_row, guess_mapping
    from defence_dir.imports.spreadsheet.planning import RowAction, plan_rows
    from defence_dir.imports.spreadsheet.reading import read_table_file

    for kind, expected in (("spaces_only", [RowAction.EMPTY, RowAction.NEW]),
                           ("mixed_line_endings_csv", [RowAction.NEW] * 3)):
        rows = read_table_file(make(kind, tmp_path)).sheet(None).rows
        header = find_header_row(rows)
        with db.read_session() as session:
            plan = plan_rows(session, rows, header, guess_mapping(rows[header]),
                             file_name=kind)
        assert [r.action for r in plan.rows] == expected
