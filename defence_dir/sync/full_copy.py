"""The first sync: the whole team database into a new file, which then replaces the copy.

The new file is built next to the copy under another name and renamed over it only when it is
complete (os.replace is atomic): a sync killed at any point leaves either the old file or the
new one, never a mixture. The half-built file of a killed sync is removed by the next one; a
file still being built by another sync that runs meanwhile is left alone.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from defence_dir.data.database import (
    SIDE_SUFFIXES,
    WRITE_OPTION,
    busy_timeout_ms,
    open_database,
)
from defence_dir.errors import DefenceDirError
from defence_dir.i18n import _
from defence_dir.search import indexer
from defence_dir.sync.progress import Steps
from defence_dir.sync.rows import read_rows, writer
from defence_dir.sync.state import write_copy_state
from defence_dir.sync.tables import MIRRORED, table
from defence_dir.sync.team import Snapshot

NEW_SUFFIX = ".sync-new-"


def new_file_for(target: Path) -> Path:
    """This process's file to build in: two syncs at once never share one."""
    return target.with_name(f"{target.name}{NEW_SUFFIX}{os.getpid()}")


def remove_abandoned(target: Path) -> None:
    """Remove what syncs that were killed left beside the copy (their process is gone)."""
    prefix = target.name + NEW_SUFFIX
    for path in target.parent.glob(prefix + "*"):
        pid = path.name[len(prefix):].split("-")[0]
        if pid.isdigit() and int(pid) != os.getpid() and not _running(int(pid), path):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()


def _running(pid: int, path: Path) -> bool:
    if os.name == "nt":  # os.kill would end the process there: a day without change
        with contextlib.suppress(OSError):
            return time.time() - path.stat().st_mtime < 86_400
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists, but is another user's
        return True
    return True


def remove_files(path: Path) -> None:
    for suffix in ("", *SIDE_SUFFIXES):
        with contextlib.suppress(FileNotFoundError):
            Path(f"{path}{suffix}").unlink()


def build_copy(snap: Snapshot, target: Path, team_url: str, steps: Steps) -> int:
    """Copy everything the snapshot sees into a new file beside `target`, then put it in its
    place; returns the number of rows copied."""
    new = new_file_for(target)
    target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    remove_abandoned(target)
    remove_files(new)
    counts = {name: snap.connection.execute(select(func.count()).select_from(table(name))
                                            ).scalar_one() for name in MIRRORED}
    steps.begin(sum(counts.values()) + counts["person"])
    try:
        copied = _build(new, snap, team_url, steps, sum(counts.values()))
        _flush_file(new)
        steps.stage("before_replace")
        _retire(target)
        os.replace(new, target)
    except BaseException:
        remove_files(new)
        raise
    _sync_folder(target.parent)
    steps.stage("after_replace", cancellable=False)
    return copied


def _build(new: Path, snap: Snapshot, team_url: str, steps: Steps, rows: int) -> int:
    copy = open_database(str(new), seed=False)
    try:
        copied = _copy_rows(copy.engine, snap, team_url, steps)
        steps.stage("copied")
        with copy.engine.connect() as connection:
            connection = connection.execution_options(**{WRITE_OPTION: True})
            with connection.begin(), Session(bind=connection) as session:
                indexer.reindex_all(session, lambda done, _total: steps.advance_to(rows + done))
                session.flush()
        steps.stage("indexed")
    finally:
        copy.close()  # the last connection: SQLite moves the WAL into the file and removes it
    return copied


def _copy_rows(engine: object, snap: Snapshot, team_url: str, steps: Steps) -> int:
    copied = 0
    with engine.connect() as connection:  # type: ignore[attr-defined]
        connection = connection.execution_options(**{WRITE_OPTION: True})
        driver = connection.connection.driver_connection
        # A file nobody else has yet, removed if this does not finish: no need to wait for
        # the disk (a power cut is covered by the fsync before the rename).
        driver.execute("PRAGMA synchronous=OFF")
        driver.execute("PRAGMA foreign_keys=OFF")  # parents and rows arrive table by table
        try:
            with connection.begin():
                write_copy_state(connection, team_id=snap.team_id, team_url=team_url,
                                 last_seq=snap.head, synced_at=snap.taken_at)
                connection.exec_driver_sql("PRAGMA cache_size=-262144")
                for name in MIRRORED:
                    insert = writer(connection, name)
                    for batch in read_rows(snap.connection, name):
                        copied += insert(batch)
                        steps.advance(len(batch))
                    steps.stage(f"copied {name}")
                problems = connection.exec_driver_sql("PRAGMA foreign_key_check").first()
                if problems is not None:
                    raise DefenceDirError(_("The team database is inconsistent ({table} refers "
                                            "to a missing row); the copy was left unchanged.",
                                            table=problems[0]))
        finally:
            driver.execute("PRAGMA foreign_keys=ON")
            driver.execute("PRAGMA synchronous=NORMAL")
    return copied


def _flush_file(path: Path) -> None:
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())


def _sync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):  # not every system can open a folder (Windows)
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _retire(target: Path) -> None:
    """Make the old copy safe to replace: its WAL moved into the file and gone, so no stale
    -wal is read into the new file. That needs the file to itself, so a program that still
    has the copy open is told in one line instead of reading a file swapped beneath it."""
    if not target.exists():
        return
    try:
        connection = sqlite3.connect(target, timeout=busy_timeout_ms() / 1000)
        try:
            mode = connection.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
        finally:
            connection.close()
    except sqlite3.Error as exc:
        raise DefenceDirError(_("{path} is in use by another program (perhaps the window); "
                                "close it and sync again. The copy was left unchanged.",
                                path=target)) from exc
    if str(mode).lower() != "delete":
        raise DefenceDirError(_("{path} is in use by another program (perhaps the window); "
                                "close it and sync again. The copy was left unchanged.",
                                path=target))
