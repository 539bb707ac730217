"""Every file of personal data the commands write is readable by the user alone (0600)."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def usual_umask() -> Iterator[None]:
    previous = os.umask(0o022)  # the common default: new files 0644
    yield
    os.umask(previous)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize("name,argv", [
    ("verteiler.xlsx", ["export", "xlsx", "--list", "Defense-Verteiler", "-o"]),
    ("auskunft.json", ["person", "export", "2", "-o"]),
    ("auskunft.xlsx", ["person", "export", "2", "-o"]),
    ("karten.vcf", ["export", "vcard", "-o"]),
    ("karten.zip", ["export", "vcard", "--profile", "outlook", "-o"]),
])
def test_exports_are_private_also_over_an_existing_file(cli, db_url, tmp_path, name, argv):
    target = tmp_path / name
    code, _out, err = cli("--db", db_url, *argv, str(target))
    assert code == 0, err
    assert _mode(target) == 0o600
    target.chmod(0o644)  # a file the user made readable earlier is replaced: 0600 again
    code, _out, err = cli("--db", db_url, *argv, str(target))
    assert code == 0, err
    assert _mode(target) == 0o600


def test_cards_exported_to_a_folder_are_private(cli, db_url, tmp_path):
    folder = tmp_path / "karten"
    code, _out, err = cli("--db", db_url, "export", "vcard", "--profile", "outlook",
                          "-o", str(folder))
    assert code == 0, err
    cards = list(folder.glob("*.vcf"))
    assert len(cards) == 6 and {_mode(card) for card in cards} == {0o600}


def test_the_import_report_is_private(cli, db_url, tmp_path, attendee_xlsx):
    report = tmp_path / "bericht.xlsx"
    code, _out, err = cli("--db", db_url, "import", str(attendee_xlsx), "--report",
                          str(report))
    assert code == 0, err
    assert _mode(report) == 0o600
