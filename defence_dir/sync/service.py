"""`sync_copy`: bring an offline copy up to date with its team database (first time: create it)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import URL

from defence_dir.data.database import (
    Database,
    backup_sqlite,
    open_database,
    resolve_target,
    sqlite_file,
)
from defence_dir.errors import DefenceDirError
from defence_dir.i18n import _
from defence_dir.sync import full_copy, incremental
from defence_dir.sync.progress import Progress, Steps
from defence_dir.sync.state import OfflineCopy, team_label, url_without_password
from defence_dir.sync.team import open_team, snapshot


@dataclass(frozen=True)
class SyncResult:
    copy: Path
    team: str  # the team database, without password
    first: bool  # the copy was made (anew), not updated
    changes: int  # rows copied (first sync) or change-log entries applied
    removed_persons: int
    wiped: bool  # nothing of removed persons is left in the copy's file and WAL
    synced_at: datetime
    sequence: int

    @property
    def team_label(self) -> str:
        return team_label(self.team)


def copy_path(target: str | None) -> Path:
    """The copy's file: `--db`, $DEFENCE_DIR_DB or the default file; a copy is always local."""
    url, _default = resolve_target(target)
    path = sqlite_file(url)
    if path is None:
        raise DefenceDirError(_("An offline copy is a local database file; {url} is not one.",
                                url=url.render_as_string(hide_password=True)))
    return path


def sync_copy(team_target: str | None, copy_target: str | None, *, full: bool = False,
              replace: bool = False, progress: Progress | None = None,
              allow_full: bool = True) -> SyncResult:
    """Sync the copy named by `copy_target` from `team_target` (None: the team it was copied
    from). A sync that fails, is cancelled or killed leaves the copy as it was.

    `allow_full=False` (the window, which has the copy open) refuses instead of making the
    copy anew, which replaces the file."""
    path = copy_path(copy_target)
    current = _current_copy(path, replace=replace)
    if team_target is None:
        if current is None:
            raise DefenceDirError(_("Name the team database to copy with --from URL."))
        team_target = current.team_url
    team_url = _shown_url(team_target)
    steps = Steps(progress)
    team = open_team(team_target)
    try:
        with snapshot(team) as snap:
            steps.stage("snapshot")
            if current is None or full or current.team_id != snap.team_id:
                if not allow_full:
                    raise DefenceDirError(_(
                        "The team database was replaced since the last sync, so the copy has "
                        "to be made anew: close the window and run “defence-dir sync --full”."))
                copied = full_copy.build_copy(snap, path, team_url, steps)
                return SyncResult(path, team_url, True, copied, 0, True, snap.taken_at,
                                  snap.head)
            copy = open_database(str(path), seed=False)
            try:
                applied = incremental.apply_changes(copy, snap, current.last_seq, team_url,
                                                    steps)
            finally:
                copy.close()
            return SyncResult(path, team_url, False, applied.changes, applied.removed_persons,
                              applied.wiped, snap.taken_at, snap.head)
    finally:
        team.close()


def _shown_url(team_target: str) -> str:
    url, _default = resolve_target(team_target)
    path = sqlite_file(url)
    return url_without_password(url if path is None else URL.create("sqlite", database=str(path)))


def _current_copy(path: Path, *, replace: bool) -> OfflineCopy | None:
    """The copy's state; None when there is none yet. An ordinary directory in its place is
    replaced only when asked (after a backup), never by surprise."""
    if not path.exists():
        return None
    db: Database = open_database(str(path), seed=False)
    try:
        if db.offline_copy is not None:
            return db.offline_copy
    finally:
        db.close()
    if not replace:
        raise DefenceDirError(_("{path} is a directory of its own, not an offline copy; "
                                "syncing would replace it. Name another file with --db, or "
                                "add --replace (a backup is kept next to it).", path=path))
    backup_sqlite(path)
    return None
