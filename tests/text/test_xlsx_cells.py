"""Writing .xlsx: user text stays inert text, and a failed write harms no existing file."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from defence_dir.text.xlsx_cells import write_text_sheets


def test_formula_like_text_stays_text(tmp_path: Path):
    path = tmp_path / "liste.xlsx"
    write_text_sheets(path, [("Liste", ["Name"], [["=1+1"], ["@Eve"], ["Anna"]])])
    sheet = openpyxl.load_workbook(path).active
    assert [c.value for c in sheet["A"]] == ["Name", "=1+1", "@Eve", "Anna"]
    assert all(c.data_type == "s" for c in sheet["A"])
    assert [p.name for p in tmp_path.iterdir()] == ["liste.xlsx"]


def test_a_failed_write_keeps_the_existing_file_and_leaves_nothing_behind(tmp_path: Path):
    path = tmp_path / "bericht.xlsx"
    path.write_bytes(b"the report saved yesterday")

    def rows():
        yield ["Zeile 1"]
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        write_text_sheets(path, [("Bericht", ["Text"], rows())])
    assert path.read_bytes() == b"the report saved yesterday"
    assert [p.name for p in tmp_path.iterdir()] == ["bericht.xlsx"]


def test_a_missing_folder_fails_before_any_work(tmp_path: Path):
    def rows():
        raise AssertionError("no row should be built")
        yield []

    with pytest.raises(FileNotFoundError):
        write_text_sheets(tmp_path / "fehlt" / "x.xlsx", [("Bericht", ["Text"], rows())])


def test_the_file_is_readable_by_the_user_alone(tmp_path: Path):
    import os
    import stat

    # Sheets hold personal data: 0600 whatever the umask, also over a shared file.
    fresh = tmp_path / "neu.xlsx"
    umask = os.umask(0o022)
    try:
        write_text_sheets(fresh, [("Liste", ["Name"], [["Anna"]])])
    finally:
        os.umask(umask)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o600
    shared = tmp_path / "gruppe.xlsx"
    shared.write_bytes(b"old")
    shared.chmod(0o664)
    write_text_sheets(shared, [("Liste", ["Name"], [["Anna"]])])
    assert stat.S_IMODE(shared.stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["gruppe.xlsx", "neu.xlsx"]  # no .part
