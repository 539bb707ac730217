"""Wiping erased data from the storage itself: the SQLite file and its WAL, backups, servers.

Deleting rows is not enough for an erasure: FTS5 keeps deleted terms in its index segments,
B-trees keep freed pages, and the WAL keeps old page images until a checkpoint copies them
back. After the erasure's transaction has rebuilt the search index, VACUUM rewrites every page
of the file and a TRUNCATE checkpoint moves that clean image into the file and empties the WAL.

Another connection that reads an older snapshot (a second window, a command in a terminal) keeps
the checkpoint from finishing. The erasure then leaves a marker (a row in search_state) and the
wipe is finished at the next opportunity: the next time any defence-dir opens the database, or
when the window retries. The marker names the step still to do: "vacuum" or "checkpoint".
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import Engine, delete, insert, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from defence_dir.data.models import SearchState


class Storage(Protocol):
    """What the wipe needs of a Database. Not the class itself: opening a Database finishes a
    pending wipe, so importing it here would make the two modules import each other."""

    @property
    def path(self) -> Path | None: ...

    @property
    def engine(self) -> Engine: ...

    def read_session(self) -> AbstractContextManager[Session]: ...

PENDING_KEY = "erasure_wipe_pending"
STEP_VACUUM = "vacuum"
STEP_CHECKPOINT = "checkpoint"
# How long a wipe waits for other readers to move on before it reports itself pending.
ERASE_PATIENCE_MS = 5000
RETRY_PATIENCE_MS = 200


def mark_pending(session: Session) -> None:
    """Note in the erasure's own transaction that the file still needs its wipe."""
    session.execute(delete(SearchState).where(SearchState.key == PENDING_KEY))
    session.execute(insert(SearchState).values(key=PENDING_KEY, value=STEP_VACUUM))


def wipe_pending(db: Storage) -> bool:
    """Whether an erasure's wipe of the database file is not yet complete."""
    if db.path is None:
        return False
    try:
        with db.read_session() as session:
            return session.scalar(select(SearchState.value)
                                  .where(SearchState.key == PENDING_KEY)) is not None
    except SQLAlchemyError:
        return False


def wipe_sqlite_file(db: Storage, patience_ms: int | None = None) -> bool:
    """Do the pending wipe steps; True when nothing erased is left in the file and its WAL.

    Returns False (the marker stays) when another connection keeps VACUUM or the checkpoint
    from completing, or the file cannot be written.
    """
    if db.path is None:
        return False
    patience = ERASE_PATIENCE_MS if patience_ms is None else patience_ms
    # VACUUM cannot run inside a transaction: use the driver connection, which is in autocommit.
    raw = db.engine.raw_connection()
    try:
        connection: sqlite3.Connection = raw.driver_connection  # type: ignore[assignment]
        previous = connection.execute("PRAGMA busy_timeout").fetchone()[0]
        connection.execute(f"PRAGMA busy_timeout={int(patience)}")
        try:
            return _wipe_steps(connection)
        except sqlite3.Error:
            return False
        finally:
            with contextlib.suppress(sqlite3.Error):
                connection.execute(f"PRAGMA busy_timeout={int(previous)}")
    finally:
        raw.close()


def _wipe_steps(connection: sqlite3.Connection) -> bool:
    row = connection.execute("SELECT value FROM search_state WHERE key = ?",
                             (PENDING_KEY,)).fetchone()
    if row is None:
        return True
    if row[0] == STEP_VACUUM:
        connection.execute("VACUUM")
        connection.execute("UPDATE search_state SET value = ? WHERE key = ?",
                           (STEP_CHECKPOINT, PENDING_KEY))
    busy, _log, _done = connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    if busy:
        return False
    connection.execute("DELETE FROM search_state WHERE key = ?", (PENDING_KEY,))
    # Empty the WAL again (it now holds only the marker's removal); a reader that arrived
    # meanwhile cannot undo the wipe, so its result does not matter.
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return True


def finish_pending_wipe(db: Storage) -> None:
    """At opening: complete an earlier erasure's wipe if one is pending (never raises)."""
    if db.path is None:
        return
    with contextlib.suppress(Exception):
        if wipe_pending(db):
            wipe_sqlite_file(db, RETRY_PATIENCE_MS)


def vacuum_server_tables(db: Storage, tables: Iterable[str]) -> None:
    """PostgreSQL: VACUUM the tables an erasure touched, so their dead row versions are
    marked free sooner (their bytes stay until the space is reused: see docs/privacy.md)."""
    names = ", ".join(sorted(set(tables)))
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.exec_driver_sql(f"VACUUM {names}")


# --- backups -------------------------------------------------------------------------------------

def backups_of(db: Storage) -> list[Path]:
    """The copies the app made before schema upgrades, oldest first."""
    if db.path is None:
        return []
    return sorted(db.path.parent.glob(f"{db.path.name}.*.bak"))


def backups_holding(db: Storage, uid: str) -> list[Path]:
    """Backups that still hold the person with this uid (or cannot be read to rule it out)."""
    return [path for path in backups_of(db) if _holds_person(path, uid)]


def _holds_person(path: Path, uid: str) -> bool:
    try:
        # immutable: no -wal or -shm files are made beside the backup just to look.
        connection = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro&immutable=1",
                                     uri=True)
        try:
            row: Any = connection.execute("SELECT 1 FROM person WHERE uid = ?", (uid,)).fetchone()
        finally:
            connection.close()
    except sqlite3.Error:
        return True
    return row is not None


def delete_backups(paths: Iterable[Path]) -> list[tuple[Path, str]]:
    """Delete these backup files; returns those that could not be deleted, with the reason."""
    failed: list[tuple[Path, str]] = []
    for path in paths:
        try:
            path.unlink(missing_ok=True)
        except OSError as exc:
            failed.append((path, exc.strerror or str(exc)))
    return failed
