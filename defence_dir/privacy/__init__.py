"""Data-protection requests (DSGVO): access to everything stored about a person, and complete
erasure that leaves nothing of them in the database file; service.py is the way in."""

from defence_dir.privacy.access import access_report, write_access_json, write_access_xlsx
from defence_dir.privacy.erasure import (
    ErasureResult,
    check_database,
    erase_person,
)
from defence_dir.privacy.service import export_access_report
from defence_dir.privacy.wipe import (
    backups_holding,
    backups_of,
    delete_backups,
    finish_pending_wipe,
    wipe_pending,
    wipe_sqlite_file,
)

__all__ = [
    "ErasureResult",
    "access_report",
    "backups_holding",
    "backups_of",
    "check_database",
    "delete_backups",
    "erase_person",
    "export_access_report",
    "finish_pending_wipe",
    "wipe_pending",
    "wipe_sqlite_file",
    "write_access_json",
    "write_access_xlsx",
]
