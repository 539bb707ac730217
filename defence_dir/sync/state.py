"""Whether a database is an offline copy, of which team database, and how current it is."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import URL, Connection, make_url, text

from defence_dir.i18n import _
from defence_dir.team.settings import label_of

DATABASE_ID = "database_id"  # a team database's own id (every database has one)
COPY_OF = "copy_of"  # in a copy: the team database's id; its presence makes it a copy
TEAM_URL = "team_url"  # in a copy: where the team database is, without password
LAST_SEQ = "last_seq"  # in a copy: the team's change log is applied up to here
SYNCED_AT = "synced_at"  # in a copy: when (UTC, ISO 8601) that state of the team was read


@dataclass(frozen=True)
class OfflineCopy:
    """A database that mirrors a team database and is changed only by `sync`."""

    team_id: str
    team_url: str
    last_seq: int
    synced_at: datetime

    @property
    def team_label(self) -> str:
        return team_label(self.team_url)

    def refusal(self) -> str:
        """The one line a write to the copy is refused with."""
        return _("This is an offline copy of {team} (read-only): changes are made in the team "
                 "database; “defence-dir sync” brings the copy up to date.",
                 team=self.team_label)


def url_without_password(url: URL) -> str:
    # URL.set(password=None) would keep the password: None means "unchanged" there.
    bare = URL.create(url.drivername, username=url.username, host=url.host, port=url.port,
                      database=url.database, query=url.query)
    return bare.render_as_string(hide_password=False)


def team_label(team_url: str) -> str:
    """How the team database is named to the user: a file's path, a server's host/database."""
    try:
        url = make_url(team_url)
    except Exception:  # stored text we cannot parse: shown as it is
        return team_url
    if url.get_backend_name() == "sqlite":
        return url.database or team_url
    return label_of(url)  # as the window and team settings name it: user@host/database


def read_state(connection: Connection) -> dict[str, str]:
    """All of sync_state; empty for a database from before the change log (revision 0005)."""
    rows = connection.execute(text("SELECT key, value FROM sync_state"))
    return {key: value for key, value in rows}


def copy_from_state(state: dict[str, str]) -> OfflineCopy | None:
    if COPY_OF not in state:
        return None
    return OfflineCopy(
        team_id=state[COPY_OF], team_url=state.get(TEAM_URL, ""),
        last_seq=int(state.get(LAST_SEQ, "0")),
        synced_at=datetime.fromisoformat(state.get(SYNCED_AT, "1970-01-01T00:00:00+00:00")))


def write_copy_state(connection: Connection, *, team_id: str, team_url: str, last_seq: int,
                     synced_at: datetime | None = None) -> None:
    """Mark the database as a copy in the caller's transaction (before any mirrored row is
    written: the change-log triggers stay quiet in a copy)."""
    when = (synced_at or datetime.now(UTC)).isoformat(timespec="seconds")
    values = {COPY_OF: team_id, TEAM_URL: team_url, LAST_SEQ: str(last_seq), SYNCED_AT: when}
    connection.execute(text("DELETE FROM sync_state WHERE key IN (:a, :b, :c, :d, :e)"),
                       {"a": COPY_OF, "b": TEAM_URL, "c": LAST_SEQ, "d": SYNCED_AT,
                        "e": DATABASE_ID})
    connection.execute(text("INSERT INTO sync_state (key, value) VALUES (:key, :value)"),
                       [{"key": key, "value": value} for key, value in values.items()])


def offline_copy_of(connection: Connection) -> OfflineCopy | None:
    """The copy's facts, or None for an ordinary directory (also one without sync_state)."""
    if connection.dialect.name != "sqlite":
        return None  # a copy is always a local file
    exists = connection.execute(text(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sync_state'")).first()
    return copy_from_state(read_state(connection)) if exists else None
