"""Reading the team database: opened as any directory, read in one consistent snapshot."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import URL, Connection, text

from defence_dir.data.database import Database, open_database, resolve_target, sqlite_file
from defence_dir.errors import DatabaseOpenError, DefenceDirError
from defence_dir.i18n import _
from defence_dir.sync.state import DATABASE_ID, read_state, url_without_password

# A team server out of reach is said after this many seconds, not after TCP's minutes.
CONNECT_TIMEOUT_S = 5


@dataclass(frozen=True)
class Snapshot:
    """The team database as of one moment: `head` is the last change-log entry it includes."""

    connection: Connection
    team_id: str
    head: int
    taken_at: datetime


def open_team(target: str) -> Database:
    """The team database named by a URL or file path; never created, never seeded here."""
    url, _default = resolve_target(target)
    path = sqlite_file(url)
    shown = url_without_password(url) if path is None else str(path)
    if path is not None and not path.exists():
        raise DatabaseOpenError(_("The team database {team} does not exist.", team=shown))
    if url.get_backend_name() == "postgresql":
        if "connect_timeout" not in url.query:
            url = url.update_query_dict({"connect_timeout": str(CONNECT_TIMEOUT_S)})
        if url.password is None:  # else libpq's PGPASSWORD or ~/.pgpass, if any
            password = keyring_password(url)
            url = url.set(password=password) if password else url
    team = open_database(url.render_as_string(hide_password=False), seed=False)
    if team.offline_copy is not None:
        team.close()
        raise DefenceDirError(_("{team} is itself an offline copy; sync from the team database "
                                "it was copied from.", team=shown))
    return team


# Where the window's team settings keep the password (defence_dir/team, issue 15 item 6).
KEYRING_SERVICE = "defence-dir team database"


def keyring_password(url: URL) -> str | None:
    """The team password the window stored in the system keyring, if any (a copy keeps its
    team's URL without password, so a sync started without one finds it there)."""
    try:
        import keyring
    except ImportError:
        return None
    key = f"{url.username or ''}@{url.host or ''}:{url.port or 5432}/{url.database or ''}"
    try:
        return keyring.get_password(KEYRING_SERVICE, key)
    except Exception:  # no usable keyring, locked, refused: libpq's own ways remain
        return None


@contextlib.contextmanager
def snapshot(team: Database) -> Iterator[Snapshot]:
    """One read-only transaction that sees every change logged up to `head` and nothing that
    contradicts the log.

    On PostgreSQL sequence numbers are handed out before commit, so a change with a lower
    number can commit after one with a higher number. A short SHARE lock on the change log
    waits for every transaction that is writing to it and reads the highest number then: all
    changes up to it are committed. The snapshot is taken after that, so it includes them (and
    perhaps later ones, which the next sync applies again: applying is idempotent). Writers
    wait only for the moment of the lock, not for the whole copy. SQLite writes one transaction
    at a time, so numbers are in commit order and the snapshot's own maximum is the head.
    """
    postgres = team.url.get_backend_name() == "postgresql"
    head: int | None = None
    taken_at = datetime.now(UTC)
    if postgres:
        with team.engine.connect() as connection, connection.begin():
            connection.exec_driver_sql("LOCK TABLE change_log IN SHARE MODE")
            head = connection.execute(text("SELECT coalesce(max(seq), 0) FROM change_log")
                                      ).scalar_one()
    options = {"isolation_level": "REPEATABLE READ", "postgresql_readonly": True} \
        if postgres else {}
    with team.engine.connect() as connection:
        connection = connection.execution_options(**options)
        with connection.begin():
            if head is None:
                head = connection.execute(text("SELECT coalesce(max(seq), 0) FROM change_log")
                                          ).scalar_one()
            team_id = read_state(connection).get(DATABASE_ID)
            if team_id is None:
                raise DefenceDirError(_("The team database has no id; open it once with this "
                                        "version of defence-dir."))
            yield Snapshot(connection, team_id, int(head), taken_at)
