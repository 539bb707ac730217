"""Writing user data into .xlsx as inert text: never evaluated as a formula, never re-typed.

openpyxl stores any string that starts with "=" as a formula. Cells made here are typed as strings,
and values a spreadsheet would evaluate (leading = + - @ tab or CR) get Excel's quote prefix, so the
value is kept exactly and shown as text, also after the user edits the cell.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from defence_dir.private_files import open_private_part

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def looks_like_formula(value: str) -> bool:
    return value.startswith(FORMULA_TRIGGERS)


def text_cell(sheet: WriteOnlyWorksheet, value: object) -> Cell:
    text = "" if value is None else str(value)
    cell = WriteOnlyCell(sheet, value=text)
    cell.data_type = "s"
    if looks_like_formula(text):
        cell.quotePrefix = True
    return cell


Sheet = tuple[str, list[str], Iterable[Sequence[object]]]


def write_text_sheets(path: Path, sheets: Iterable[Sheet]) -> None:
    """Write sheets of (title, header, rows) as text cells, streaming (write-only workbook).

    The file is written beside the target under a temporary name and then renamed: a missing
    folder fails before any work, and a failure leaves no half-written file (an existing one
    stays as it was). The sheets hold personal data: the file is readable by the user alone
    (0600), also when it replaces a file that had other permissions."""
    part, handle = open_private_part(path)
    workbook = Workbook(write_only=True)
    try:
        with handle:
            for title, header, rows in sheets:
                sheet = workbook.create_sheet(title[:31])
                sheet.append([text_cell(sheet, h) for h in header])
                for row in rows:
                    sheet.append([text_cell(sheet, v) for v in row])
            workbook.save(handle)
        os.replace(part, path)
    except BaseException:
        for sheet in workbook.worksheets:  # their row writers and temporary files
            if not sheet.closed:
                with contextlib.suppress(Exception):
                    sheet.close()
        part.unlink(missing_ok=True)
        raise
