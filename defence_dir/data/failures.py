"""Database failures a user can act on (locked, disk full, corrupt, read-only …), told in one line.

Classified by the driver's error codes (SQLite's extended result codes, PostgreSQL's SQLSTATE),
not by message text, which differs between versions and languages. Nothing here ever shows an
SQL statement or its parameters: they can carry personal data.
"""

from __future__ import annotations

import errno
import shutil
import sqlite3
from enum import Enum
from pathlib import Path

from defence_dir.errors import DatabaseFailureError, DefenceDirError
from defence_dir.i18n import _

# Less free space than this, and an I/O error is most likely the full disk (SQLite needs room for
# its -wal and -shm files and for a transaction's pages).
NEARLY_FULL_BYTES = 1 << 20


class Failure(Enum):
    LOCKED = "locked"
    DISK_FULL = "disk full"
    CORRUPT = "corrupt"
    READ_ONLY = "read-only"
    IO_ERROR = "input/output error"
    CANNOT_OPEN = "cannot open"
    CONNECTION = "connection"


# SQLite's primary result codes (the low byte of an extended code); see sqlite.org/rescode.html.
_SQLITE_PRIMARY = {
    5: Failure.LOCKED,  # SQLITE_BUSY: another connection holds the lock past the busy timeout
    6: Failure.LOCKED,  # SQLITE_LOCKED: a conflict inside a shared cache
    8: Failure.READ_ONLY,  # SQLITE_READONLY
    10: Failure.IO_ERROR,  # SQLITE_IOERR (its extended codes say which call failed)
    11: Failure.CORRUPT,  # SQLITE_CORRUPT
    13: Failure.DISK_FULL,  # SQLITE_FULL
    14: Failure.CANNOT_OPEN,  # SQLITE_CANTOPEN
    26: Failure.CORRUPT,  # SQLITE_NOTADB: after our header check, a damaged file
}

# PostgreSQL SQLSTATE codes and classes; see postgresql.org/docs/current/errcodes-appendix.html.
_SQLSTATE = {
    "55P03": Failure.LOCKED,  # lock_not_available (lock_timeout passed)
    "40001": Failure.LOCKED,  # serialization_failure
    "40P01": Failure.LOCKED,  # deadlock_detected
    "53100": Failure.DISK_FULL,  # disk_full
    "25006": Failure.READ_ONLY,  # read_only_sql_transaction (e.g. a standby server)
    "XX001": Failure.CORRUPT,  # data_corrupted
    "XX002": Failure.CORRUPT,  # index_corrupted
    "58030": Failure.IO_ERROR,  # io_error
}
_SQLSTATE_CLASSES = {
    "08": Failure.CONNECTION,  # connection exception
    "57": Failure.CONNECTION,  # operator intervention (server shut down, admin terminated us)
}


def classify(exc: BaseException) -> Failure | None:
    """What kind of foreseeable failure `exc` (a SQLAlchemy or driver error) is, if any."""
    original = getattr(exc, "orig", None) or exc
    code = getattr(original, "sqlite_errorcode", None)
    if isinstance(original, sqlite3.Error) and code is not None:
        return _SQLITE_PRIMARY.get(code & 0xFF)
    sqlstate = getattr(original, "sqlstate", None)
    if sqlstate:
        return _SQLSTATE.get(sqlstate) or _SQLSTATE_CLASSES.get(sqlstate[:2])
    if _is_postgres_error(original) and type(original).__name__ == "OperationalError":
        # psycopg reports a refused or lost connection without an SQLSTATE.
        return Failure.CONNECTION
    if isinstance(original, OSError):
        return _OS_ERRORS.get(original.errno or 0)
    return None


_OS_ERRORS = {
    errno.ENOSPC: Failure.DISK_FULL,
    errno.EDQUOT: Failure.DISK_FULL,
    errno.EROFS: Failure.READ_ONLY,
    errno.EACCES: Failure.READ_ONLY,
    errno.EPERM: Failure.READ_ONLY,
    errno.EIO: Failure.IO_ERROR,
}


def _is_postgres_error(original: BaseException) -> bool:
    return type(original).__module__.split(".")[0] in ("psycopg", "psycopg2")


def message(failure: Failure, location: str | None) -> str:
    """The one line the user reads; it says what happened and that nothing was changed."""
    return " ".join(_message(failure, location or "").split())


def _message(failure: Failure, location: str) -> str:
    if failure is Failure.LOCKED:
        return _("The database {location} is being changed by another program or user "
                 "(locked); nothing was changed. Please try again later.", location=location)
    if failure is Failure.DISK_FULL:
        return _("The disk holding the database {location} is full; nothing was changed. "
                 "Please free some space and try again.", location=location)
    if failure is Failure.CORRUPT:
        return _("The database {location} is damaged (corrupt); nothing was changed. Restore "
                 "the backup (*.bak) next to it, or rescue its data with SQLite's “.recover”.",
                 location=location)
    if failure is Failure.READ_ONLY:
        return _("The database {location} is read-only; nothing was changed.",
                 location=location)
    if failure is Failure.IO_ERROR:
        return _("The database {location} cannot be read or written (input/output error); "
                 "nothing was changed. Please check the disk or network drive.",
                 location=location)
    if failure is Failure.CONNECTION:
        return _("The database server of {location} cannot be reached; nothing was changed. "
                 "Please check the connection and try again.", location=location)
    return _("The database {location} cannot be opened; nothing was changed.",
             location=location)


def failure_error(exc: BaseException, location: str,
                  folder: Path | None = None) -> DatabaseFailureError | None:
    """A DatabaseFailureError telling `exc` in one line, or None if it is not foreseeable.

    `folder` holds the SQLite file: an I/O error there on a full disk is told as a full disk
    (SQLite says "disk I/O error" when it cannot grow its -shm file for want of space)."""
    failure = classify(exc)
    if failure is None:
        return None
    if failure is Failure.IO_ERROR and folder is not None and _nearly_full(folder):
        failure = Failure.DISK_FULL
    return DatabaseFailureError(message(failure, location), failure.value)


def _nearly_full(folder: Path) -> bool:
    try:
        return shutil.disk_usage(folder).free < NEARLY_FULL_BYTES  # also where no statvfs is
    except OSError:
        return False


def first_line(exc: BaseException) -> str:
    """The error's type and the driver's first line: never SQLAlchemy's statement and
    parameter dump, nor PostgreSQL's DETAIL lines (they quote the rows' values)."""
    original = getattr(exc, "orig", None) or exc
    lines = str(original).strip().splitlines()
    name = type(original).__name__
    return f"{name}: {lines[0]}" if lines else name


def describe(exc: BaseException, location: str | None = None) -> str:
    """One safe line for any error: the classified message, else type and first line."""
    if isinstance(exc, DefenceDirError):
        return str(exc)
    failure = classify(exc)
    return message(failure, location) if failure is not None else first_line(exc)


def worker_text(exc: BaseException) -> str:
    """What the window shows for an error a worker thread met: a database failure's line, a
    SQLAlchemy error's driver line (its str() holds the statement), else the error's text."""
    if isinstance(exc, DefenceDirError) or classify(exc) is not None \
            or hasattr(exc, "statement"):
        return describe(exc)
    return str(exc) or type(exc).__name__
