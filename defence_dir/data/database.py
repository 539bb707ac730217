"""Opening the directory database: locate, check, back up, migrate, seed; engine and sessions.

Every check that can refuse a database runs before anything is written to it, so a refused file
is left exactly as it was.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import platformdirs
from sqlalchemy import URL, Connection, Engine, create_engine, event, inspect, make_url, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from defence_dir.data import migration
from defence_dir.errors import (
    DatabaseLocationError,
    DatabaseOpenError,
    NewerSchemaError,
    NotADatabaseError,
)
from defence_dir.i18n import _

ENV_VAR = "DEFENCE_DIR_DB"
APP_NAME = "defence-dir"
DEFAULT_FILE_NAME = "defence-dir.sqlite3"
SQLITE_HEADER = b"SQLite format 3\x00"


def default_database_path() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / DEFAULT_FILE_NAME


def resolve_target(target: str | None) -> tuple[URL, bool]:
    """The URL to open, from `--db`, else DEFENCE_DIR_DB, else the user data directory.

    Returns the URL and whether it is the default location (whose directory we may create).
    """
    value = (target or os.environ.get(ENV_VAR) or "").strip()
    if not value:
        return sqlite_url(default_database_path()), True
    if "://" in value:
        try:
            return make_url(value), False
        except SQLAlchemyError as exc:
            raise DatabaseOpenError(_("“{url}” is not a valid database URL.", url=value)) from exc
    return sqlite_url(Path(value).expanduser()), False


def sqlite_url(path: Path) -> URL:
    return URL.create("sqlite+pysqlite", database=str(path.absolute()))


def sqlite_file(url: URL) -> Path | None:
    """The file behind a SQLite URL, or None for other databases and in-memory SQLite."""
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(url.database)


@dataclass
class Database:
    """An open, migrated directory database."""

    engine: Engine
    url: URL
    path: Path | None
    revision: str
    created: bool
    backup_path: Path | None
    _sessions: sessionmaker[Session]

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: committed on success, rolled back on error."""
        with self._sessions.begin() as session:
            yield session

    def read_session(self) -> Session:
        """A session for reads whose objects stay usable after it closes."""
        return self._sessions()

    @property
    def location(self) -> str:
        return str(self.path) if self.path else self.url.render_as_string(hide_password=True)

    def close(self) -> None:
        self.engine.dispose()


def open_database(target: str | None = None, *, seed: bool = True) -> Database:
    """Open (creating if needed) the database named by `target`, migrated to the newest schema.

    A new database is filled with the DEFENCE.NRW starting directory when `seed` is true.
    """
    url, is_default = resolve_target(target)
    path = sqlite_file(url)
    created_file = False
    if path is not None:
        created_file = _prepare_sqlite_file(path, create_parent=is_default)
    try:
        return _open_checked(url, path, created_file=created_file, seed=seed)
    except BaseException:
        if created_file and path is not None:
            _remove_sqlite_files(path)
        raise


def _open_checked(url: URL, path: Path | None, *, created_file: bool, seed: bool) -> Database:
    current = _read_revision_sqlite(path) if path else None
    engine = _create_engine(url)
    try:
        if path is None:
            current = _read_revision_engine(engine, url)
        _refuse_unknown_revision(current, path or url)
        backup = None
        fresh = current is None
        if current != migration.head_revision():
            if not fresh and path is not None:
                backup = backup_sqlite(path)
            _migrate_and_seed(engine, seed=fresh and seed)
        else:
            _complete_search_index(engine)
    except DatabaseOpenError:
        engine.dispose()
        raise
    except (SQLAlchemyError, OSError) as exc:
        engine.dispose()
        raise DatabaseOpenError(
            _("The database {location} cannot be opened: {reason}",
              location=path or url.render_as_string(hide_password=True), reason=_reason(exc))
        ) from exc
    from defence_dir.search import indexer

    sessions = sessionmaker(engine, expire_on_commit=False)
    indexer.install(sessions)
    database = Database(
        engine=engine,
        url=url,
        path=path,
        revision=migration.head_revision(),
        created=fresh,
        backup_path=backup,
        _sessions=sessions,
    )
    # --- issue 14 erasure: finish a wipe an earlier erasure could not complete (never raises).
    from defence_dir.privacy.wipe import finish_pending_wipe

    finish_pending_wipe(database)
    return database


def _migrate_and_seed(engine: Engine, *, seed: bool) -> None:
    """Upgrade to the newest schema and, for a new database, add the starting directory, all in
    one transaction: a failure leaves the database as it was."""
    with engine.begin() as connection:
        migration.upgrade(connection)
        from defence_dir.search import indexer

        with Session(bind=connection) as session:
            if seed:
                from defence_dir.seed import load_starting_directory

                load_starting_directory(session)
                session.flush()
            indexer.rebuild_if_needed(session)
            session.flush()


def _complete_search_index(engine: Engine) -> None:
    """Build the search index if it is not (rows written by a tool that bypassed it)."""
    from defence_dir.search import indexer

    with Session(bind=engine) as session:
        if indexer.is_built(session):
            return
    with engine.begin() as connection, Session(bind=connection) as session:
        indexer.rebuild_if_needed(session)
        session.flush()


def _reason(exc: BaseException) -> str:
    """The first line of a driver error, without SQLAlchemy's statement dump."""
    original = getattr(exc, "orig", None) or exc
    return str(original).splitlines()[0] if str(original) else type(original).__name__


def _prepare_sqlite_file(path: Path, *, create_parent: bool) -> bool:
    """Check that `path` can hold our database; create it empty (mode 0600) if missing.

    Returns whether the file was created here. Raises before touching an existing file.
    """
    if path.is_dir():
        raise DatabaseLocationError(_("{path} is a folder, not a database file.", path=path))
    if path.exists():
        try:
            with path.open("rb") as handle:
                header = handle.read(len(SQLITE_HEADER))
            # Opening for update proves we may write, without changing a byte.
            with path.open("r+b"):
                pass
        except PermissionError as exc:
            raise DatabaseLocationError(
                _("The database {path} cannot be written: permission denied.", path=path)
            ) from exc
        except OSError as exc:
            raise DatabaseLocationError(
                _("The database {path} cannot be opened: {reason}", path=path,
                  reason=exc.strerror or exc)
            ) from exc
        if header and header != SQLITE_HEADER:
            raise NotADatabaseError(
                _("{path} is not a defence-dir database; the file was left unchanged.", path=path)
            )
        if not os.access(path.parent, os.W_OK):
            raise DatabaseLocationError(
                _("The folder {folder} cannot be written (SQLite needs it for its journal).",
                  folder=path.parent)
            )
        return False
    parent = path.parent
    if create_parent:
        try:
            parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseLocationError(
                _("The folder {folder} cannot be created: {reason}", folder=parent,
                  reason=exc.strerror or exc)
            ) from exc
    if not parent.exists():
        raise DatabaseLocationError(_("The folder {folder} does not exist.", folder=parent))
    if not parent.is_dir():
        raise DatabaseLocationError(_("{folder} is not a folder.", folder=parent))
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except OSError as exc:
        raise DatabaseLocationError(
            _("The database {path} cannot be created: {reason}", path=path,
              reason=exc.strerror or exc)
        ) from exc
    os.close(fd)
    return True


def _remove_sqlite_files(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            Path(f"{path}{suffix}").unlink()


def _read_revision_sqlite(path: Path) -> str | None:
    """The schema revision of a SQLite file, read without writing to it.

    Raises if the file is not SQLite or holds tables of another application.
    """
    uri = f"{path.absolute().as_uri()}?mode=ro"
    try:
        connection = sqlite3.connect(uri, uri=True)
        try:
            tables = {
                row[0]
                for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            if "alembic_version" not in tables:
                foreign = {t for t in tables if not t.startswith("sqlite_")}
                if foreign:
                    raise NotADatabaseError(
                        _("{path} holds another application's data, not a defence-dir "
                          "database; the file was left unchanged.", path=path)
                    )
                return None
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        raise NotADatabaseError(
            _("{path} is not a defence-dir database; the file was left unchanged.", path=path)
        ) from exc
    return row[0] if row else None


def _read_revision_engine(engine: Engine, url: URL) -> str | None:
    location = url.render_as_string(hide_password=True)
    try:
        with engine.connect() as connection:
            tables = set(inspect(connection).get_table_names())
            if "alembic_version" not in tables:
                if tables:
                    raise NotADatabaseError(
                        _("{path} holds another application's data, not a defence-dir "
                          "database; it was left unchanged.", path=location)
                    )
                return None
            return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except SQLAlchemyError as exc:
        raise DatabaseOpenError(
            _("The database {location} cannot be opened: {reason}", location=location,
              reason=_reason(exc))
        ) from exc


def _refuse_unknown_revision(current: str | None, where: object) -> None:
    if current is not None and not migration.is_known_revision(current):
        raise NewerSchemaError(
            _("{path} was written by a newer version of defence-dir (schema {revision}); "
              "please update defence-dir. The database was left unchanged.",
              path=where, revision=current)
        )


def backup_sqlite(path: Path) -> Path:
    """A consistent, timestamped copy (WAL included) next to the file, before a migration."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.{stamp}.bak")
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{path.name}.{stamp}-{counter}.bak")
    fd = os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)
    source = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    destination = sqlite3.connect(target)
    try:
        source.backup(destination)
    finally:
        destination.close()
        source.close()
    return target


def _create_engine(url: URL) -> Engine:
    if url.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)
    engine = create_engine(url)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy, not pysqlite, start transactions, so DDL and SAVEPOINTs are transactional.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=5000")
        # Deleted personal data is overwritten, not just unlinked (data-protection erasure).
        cursor.execute("PRAGMA secure_delete=ON")
        if sqlite_file(url) is not None:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        connection.exec_driver_sql("BEGIN")

    return engine
