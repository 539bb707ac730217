"""Writing user data into .xlsx as inert text: never evaluated as a formula, never re-typed.

openpyxl stores any string that starts with "=" as a formula. Cells made here are typed as strings,
and values a spreadsheet would evaluate (leading = + - @ tab or CR) get Excel's quote prefix, so the
value is kept exactly and shown as text, also after the user edits the cell.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from collections.abc import Iterable
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def looks_like_formula(value: str) -> bool:
    return value.startswith(FORMULA_TRIGGERS)


def text_cell(sheet: WriteOnlyWorksheet, value: object) -> WriteOnlyCell:
    text = "" if value is None else str(value)
    cell = WriteOnlyCell(sheet, value=text)
    cell.data_type = "s"
    if looks_like_formula(text):
        cell.quotePrefix = True
    return cell


Sheet = tuple[str, list[str], Iterable[list[object]]]


def write_text_sheets(path: Path, sheets: Iterable[Sheet]) -> None:
    """Write sheets of (title, header, rows) as text cells, streaming (write-only workbook).

    The file is written beside the target under a temporary name and then renamed: a missing
    folder fails before any work, and a failure leaves no half-written file (an existing one
    stays as it was). It gets the permissions a plain save would give: the replaced file's,
    or the default ones of the user's umask."""
    part = path.parent / f".{path.name}.{secrets.token_hex(6)}.part"
    handle = part.open("xb")  # exclusive, created with the umask's permissions
    workbook = Workbook(write_only=True)
    try:
        with handle:
            for title, header, rows in sheets:
                sheet = workbook.create_sheet(title[:31])
                sheet.append([text_cell(sheet, h) for h in header])
                for row in rows:
                    sheet.append([text_cell(sheet, v) for v in row])
            workbook.save(handle)
        with contextlib.suppress(FileNotFoundError):
            os.chmod(part, stat.S_IMODE(path.stat().st_mode))
        os.replace(part, path)
    except BaseException:
        for sheet in workbook.worksheets:  # their row writers and temporary files
            if not sheet.closed:
                with contextlib.suppress(Exception):
                    sheet.close()
        part.unlink(missing_ok=True)
        raise
