"""Data-protection requests for the window and the command line: the access report and, with
erasure, the calls that take the Database and own their transaction."""

from __future__ import annotations

from pathlib import Path

from defence_dir.data.database import Database
from defence_dir.errors import DefenceDirError
from defence_dir.i18n import _
from defence_dir.privacy.access import access_report, write_access_json, write_access_xlsx
from defence_dir.privacy.erasure import ErasureResult as ErasureResult
from defence_dir.privacy.erasure import erase_person as erase_person
from defence_dir.privacy.wipe import delete_backups as delete_backups
from defence_dir.privacy.wipe import wipe_pending as wipe_pending
from defence_dir.privacy.wipe import wipe_sqlite_file as wipe_sqlite_file

ACCESS_REPORT_WRITERS = {".json": write_access_json, ".xlsx": write_access_xlsx}


def export_access_report(db: Database, person_id: int, path: Path) -> None:
    """Write everything stored about the person to `path` (.json or .xlsx) and log the export.

    The log entry is only kept when the file was written: a failed write (OSError) rolls it
    back with the transaction."""
    writer = ACCESS_REPORT_WRITERS.get(path.suffix.lower())
    if writer is None:
        raise DefenceDirError(_("The output file must end in .json or .xlsx."))
    with db.session() as session:
        writer(access_report(session, person_id), path)
