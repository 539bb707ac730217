"""The privacy service: an access report is written and logged in one transaction, so a file
that cannot be written leaves no log entry behind."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from defence_dir.data.models import AuditEntry
from defence_dir.errors import DefenceDirError, NotFoundError
from defence_dir.privacy.service import export_access_report


def _audit(db) -> list[str]:
    with db.read_session() as session:
        return list(session.scalars(select(AuditEntry.action)))


@pytest.mark.parametrize("suffix", [".json", ".XLSX"])
def test_the_report_is_written_and_logged(db, ids, tmp_path, suffix):
    target = tmp_path / f"Auskunft Stein{suffix}"
    export_access_report(db, ids[2]["Stein"], target)
    assert target.stat().st_size > 0
    if suffix == ".json":
        assert json.loads(target.read_text())["person"]["family_name"] == "Stein"
    assert _audit(db) == ["access_export"]


def test_nothing_is_logged_when_no_report_was_written(db, ids, tmp_path):
    person_id = ids[2]["Stein"]
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(OSError):
        export_access_report(db, person_id, out / "fehlt" / "auskunft.json")
    with pytest.raises(DefenceDirError):
        export_access_report(db, person_id, out / "auskunft.csv")
    with pytest.raises(NotFoundError):
        export_access_report(db, 987654, out / "auskunft.json")
    assert _audit(db) == []
    assert list(out.iterdir()) == []
