"""Opening the directory database: locate, check, back up, migrate, seed; engine and sessions.

Every check that can refuse a database runs before anything is written to it, so a refused file
is left exactly as it was. A file the user may not write (a read-only file, folder or file
system) is opened read-only: it can be searched and exported, every write is refused in one line.
A zero-length file is refused, not seeded: it is most likely a database cut short by a crash or a
failed copy, and silently starting a new directory in its place would hide the loss.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import platformdirs
from sqlalchemy import URL, Connection, Engine, create_engine, event, inspect, make_url, text
from sqlalchemy.engine import ExceptionContext
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from defence_dir.data import failures, migration
from defence_dir.data.insert_pipeline import wait_before_other_statements
from defence_dir.errors import (
    DatabaseFailureError,
    DatabaseLocationError,
    DatabaseOpenError,
    DefenceDirError,
    NewerSchemaError,
    NotADatabaseError,
)
from defence_dir.i18n import _

if TYPE_CHECKING:
    from defence_dir.sync.state import OfflineCopy

ENV_VAR = "DEFENCE_DIR_DB"
APP_NAME = "defence-dir"
DEFAULT_FILE_NAME = "defence-dir.sqlite3"
SQLITE_HEADER = b"SQLite format 3\x00"
SIDE_SUFFIXES = ("-wal", "-shm", "-journal")
BUSY_TIMEOUT_VAR = "DEFENCE_DIR_BUSY_TIMEOUT_MS"
# How long a write waits for another program's write to finish. Ordinary saves hold the lock
# for milliseconds and the biggest commits (a 6,000-member list deleted, an import of thousands
# of rows) for a few seconds, so 10 s outlasts them; longer would leave the window unanswering
# (edits are saved on the GUI thread) when another program holds the lock for good, which is
# then said in one line instead.
DEFAULT_BUSY_TIMEOUT_MS = 10_000
# Execution option marking a write transaction: on SQLite it begins IMMEDIATE (see _on_begin).
WRITE_OPTION = "defence_dir_write"


def busy_timeout_ms() -> int:
    """The lock wait in milliseconds: DEFENCE_DIR_BUSY_TIMEOUT_MS (tests shorten it), else 10 s."""
    value = os.environ.get(BUSY_TIMEOUT_VAR, "").strip()
    return int(value) if value.isdigit() else DEFAULT_BUSY_TIMEOUT_MS


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
    read_only: bool = False
    # An offline copy of a team database (read-only for the user; see defence_dir/sync).
    offline_copy: OfflineCopy | None = None

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: committed on success, rolled back on error.

        On SQLite it takes the write lock when it begins (BEGIN IMMEDIATE), waiting up to the
        busy timeout for another writer: a deferred transaction that reads first could not wait
        for the lock when it then writes, and would fail at once. Read-only: refused here.
        """
        if self.read_only:
            if self.offline_copy is not None:
                raise DatabaseFailureError(self.offline_copy.refusal(),
                                           failures.Failure.READ_ONLY.value)
            raise DatabaseFailureError(
                failures.message(failures.Failure.READ_ONLY, self.location),
                failures.Failure.READ_ONLY.value)
        with self._sessions.begin() as session:
            # Only this session's own connection takes the lock up front: others it opens
            # (e.g. to read a committed version after a conflict) must not wait for it.
            session.connection(execution_options={WRITE_OPTION: True})
            yield session

    def read_session(self) -> Session:
        """A session for reads whose objects stay usable after it closes; it never waits for
        a writer (WAL readers see the last commit)."""
        return self._sessions()

    @property
    def location(self) -> str:
        return str(self.path) if self.path else self.url.render_as_string(hide_password=True)

    def close(self) -> None:
        self.engine.dispose()


def open_database(target: str | None = None, *, seed: bool = True,
                  read_only: bool = False) -> Database:
    """Open (creating if needed) the database named by `target`, migrated to the newest schema.

    A new database is filled with the DEFENCE.NRW starting directory when `seed` is true. An
    existing SQLite file is opened read-only when asked or when it cannot be written.
    """
    url, is_default = resolve_target(target)
    path = sqlite_file(url)
    created_file = protected = False
    side_files_before = _side_files(path) if path is not None else set()
    if path is not None:
        created_file, protected = _prepare_sqlite_file(path, create_parent=is_default)
        read_only = (read_only and not created_file) or protected
    try:
        return _open_checked(url, path, created_file=created_file, seed=seed,
                             read_only=read_only)
    except BaseException:
        if path is not None:
            if created_file:
                _remove_sqlite_files(path)
            else:
                _remove_new_side_files(path, side_files_before)
        raise


def _open_checked(url: URL, path: Path | None, *, created_file: bool, seed: bool,
                  read_only: bool) -> Database:
    location = str(path) if path else url.render_as_string(hide_password=True)
    current = _read_revision_sqlite(path) if path else None
    if path is not None and read_only:
        _refuse_upgrade_read_only(current, path)
        url = _read_only_url(path)
    engine = _create_engine(url, location, path, read_only=read_only)
    try:
        if path is None:
            current = _read_revision_engine(engine, url)
        _refuse_unknown_revision(current, path or url)
        backup = None
        fresh = current is None
        if current != migration.head_revision():
            if not fresh and path is not None:
                backup = _backup_before_upgrade(path)
            _migrate_and_seed(engine, seed=fresh and seed)
        elif not read_only:
            _complete_search_index(engine)
    except DefenceDirError:
        engine.dispose()
        raise
    except (SQLAlchemyError, OSError) as exc:
        engine.dispose()
        raise DatabaseOpenError(
            _("The database {location} cannot be opened: {reason}",
              location=location, reason=_reason(exc))
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
        read_only=read_only,
    )
    # --- issue 14 erasure: finish a wipe an earlier erasure could not complete (never raises).
    from defence_dir.privacy.wipe import finish_pending_wipe

    finish_pending_wipe(database)
    # --- issue 15 offline copy: changed only by `sync`, read-only for everything else.
    from defence_dir.sync.state import offline_copy_of

    with engine.connect() as connection:
        database.offline_copy = offline_copy_of(connection)
    database.read_only = database.read_only or database.offline_copy is not None
    return database


def _refuse_upgrade_read_only(current: str | None, path: Path) -> None:
    """A read-only file is usable only as it is: creating or upgrading its schema would write."""
    _refuse_unknown_revision(current, path)
    if current is None:
        raise DatabaseOpenError(
            _("{path} holds no directory yet and is read-only, so none can be created; "
              "the file was left unchanged.", path=path))
    if current != migration.head_revision():
        raise DatabaseOpenError(
            _("{path} needs an upgrade to this version of defence-dir but is read-only; it "
              "was left unchanged. Open it once where it can be written.", path=path))


def _read_only_query(path: Path) -> dict[str, str]:
    """SQLite URI parameters that never write. A WAL database needs its -shm file, which a
    read-only folder cannot get; then, if no -wal holds commits outside the file either,
    `immutable` reads the file alone (nobody can change it there: the folder is read-only)."""
    query = {"mode": "ro"}
    side = _side_files(path)
    if (not os.access(path.parent, os.W_OK) and "-shm" not in side and "-wal" not in side
            and _nobody_writes(path)):
        query["immutable"] = "1"
    return query


def _nobody_writes(path: Path) -> bool:
    """Whether no one can change the file: a read-only file system, or a file without any
    write permission. On a share that only this user may not write, others still may, and
    `immutable` would then read torn pages that look like a damaged file."""
    try:
        return bool(os.statvfs(path).f_flag & os.ST_RDONLY) or not path.stat().st_mode & 0o222
    except (OSError, AttributeError):  # no statvfs (Windows): the file's mode alone
        return not path.stat().st_mode & 0o222


def _read_only_url(path: Path) -> URL:
    return URL.create("sqlite+pysqlite", database=path.absolute().as_uri(),
                      query={**_read_only_query(path), "uri": "true"})


def _migrate_and_seed(engine: Engine, *, seed: bool) -> None:
    """Upgrade to the newest schema and, for a new database, add the starting directory, all in
    one transaction: a failure leaves the database as it was."""
    with _write_transaction(engine) as connection:
        migration.upgrade(connection)
        from defence_dir.search import indexer

        with Session(bind=connection) as session:
            if seed:
                from defence_dir.data.seed import load_starting_directory

                load_starting_directory(session)
                session.flush()
            indexer.rebuild_if_needed(session)
            session.flush()


@contextlib.contextmanager
def _write_transaction(engine: Engine) -> Iterator[Connection]:
    """engine.begin() for a write: on SQLite it takes the write lock up front (BEGIN IMMEDIATE)."""
    with engine.connect() as connection:
        connection = connection.execution_options(**{WRITE_OPTION: True})
        with connection.begin():
            yield connection


def _complete_search_index(engine: Engine) -> None:
    """Build the search index if it is not (rows written by a tool that bypassed it)."""
    from defence_dir.search import indexer

    with Session(bind=engine) as session:
        if indexer.is_built(session):
            return
    with _write_transaction(engine) as connection, Session(bind=connection) as session:
        indexer.rebuild_if_needed(session)
        session.flush()


def _reason(exc: BaseException) -> str:
    """The first line of a driver error, without SQLAlchemy's statement dump."""
    original = getattr(exc, "orig", None) or exc
    return str(original).splitlines()[0] if str(original) else type(original).__name__


def _prepare_sqlite_file(path: Path, *, create_parent: bool) -> tuple[bool, bool]:
    """Check that `path` can hold our database; create it empty (mode 0600) if missing.

    Returns whether the file was created here and whether it can only be read (the file, its
    folder or the file system is read-only). Raises before touching an existing file.
    """
    if path.is_dir():
        raise DatabaseLocationError(_("{path} is a folder, not a database file.", path=path))
    if path.exists():
        try:
            with path.open("rb") as handle:
                header = handle.read(len(SQLITE_HEADER))
        except PermissionError as exc:
            raise DatabaseLocationError(
                _("The database {path} cannot be read: permission denied.", path=path)
            ) from exc
        except OSError as exc:
            raise DatabaseLocationError(
                _("The database {path} cannot be opened: {reason}", path=path,
                  reason=exc.strerror or exc)
            ) from exc
        if not header:
            raise NotADatabaseError(
                _("{path} is empty (0 bytes), perhaps cut short by a crash or a failed copy; it "
                  "was left unchanged. Restore the backup (*.bak) next to it, or delete the "
                  "empty file to start a new directory.", path=path))
        if header != SQLITE_HEADER:
            raise NotADatabaseError(
                _("{path} is not a defence-dir database; the file was left unchanged.", path=path)
            )
        return False, not _writable(path)
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
    return True, False


def _writable(path: Path) -> bool:
    """Whether SQLite may write the file and create its -wal and -shm next to it. Opening for
    update proves it without changing a byte (as root, permission bits do not stop that, but a
    read-only file system or an immutable file does)."""
    try:
        with path.open("r+b"):
            pass
    except OSError:
        return False
    return os.access(path.parent, os.W_OK)


def _remove_sqlite_files(path: Path) -> None:
    for suffix in ("", *SIDE_SUFFIXES):
        with contextlib.suppress(FileNotFoundError):
            Path(f"{path}{suffix}").unlink()


def _side_files(path: Path) -> set[str]:
    """Which of SQLite's -wal, -shm and -journal files exist next to `path`."""
    return {suffix for suffix in SIDE_SUFFIXES if Path(f"{path}{suffix}").exists()}


def _remove_new_side_files(path: Path, before: set[str]) -> None:
    """After a refusal, remove the empty side files opening it created; never one that existed
    before, nor a -wal holding data (it may be another program's commits)."""
    for suffix in SIDE_SUFFIXES:
        side = Path(f"{path}{suffix}")
        if suffix in before:
            continue
        with contextlib.suppress(OSError):
            if (suffix == "-shm" and "-wal" not in _side_files(path)) or side.stat().st_size == 0:
                side.unlink()


def _read_revision_sqlite(path: Path) -> str | None:
    """The schema revision of a SQLite file, read without writing to it.

    Raises if the file is not SQLite or holds tables of another application.
    """
    query = "&".join(f"{key}={value}" for key, value in _read_only_query(path).items())
    uri = f"{path.absolute().as_uri()}?{query}"
    try:
        connection = sqlite3.connect(uri, uri=True, timeout=busy_timeout_ms() / 1000)
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
    except sqlite3.Error as exc:
        # A valid database that is locked, on a full disk or damaged is said to be so: only a
        # file SQLite cannot read as a database at all is "not a defence-dir database".
        error = failures.failure_error(exc, str(path), path.parent)
        if error is not None:
            raise error from exc
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


def _backup_before_upgrade(path: Path) -> Path:
    """The backup an upgrade needs, or a one-line refusal (the database is left unchanged)."""
    try:
        return backup_sqlite(path)
    except (OSError, sqlite3.Error) as exc:
        failure = failures.classify(exc)
        reason = (_("the disk is full") if failure is failures.Failure.DISK_FULL
                  else failures.first_line(exc))
        raise DatabaseOpenError(
            _("{path} needs an upgrade, but no backup could be made first ({reason}); it was "
              "not upgraded and left unchanged.", path=path, reason=reason)) from exc


def backup_sqlite(path: Path) -> Path:
    """A consistent, timestamped copy (WAL included) next to the file, before a migration.

    A failed copy (e.g. a full disk) is removed, so no empty or partial `.bak` is left for
    anyone to take for a backup."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.{stamp}.bak")
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{path.name}.{stamp}-{counter}.bak")
    fd = os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)
    try:
        source = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True,
                                 timeout=busy_timeout_ms() / 1000)
        try:
            destination = sqlite3.connect(target)
            try:
                source.backup(destination)
            finally:
                destination.close()
        finally:
            source.close()
    except BaseException:
        for suffix in ("", *SIDE_SUFFIXES):
            with contextlib.suppress(OSError):
                Path(f"{target}{suffix}").unlink()
        raise
    return target


def _create_engine(url: URL, location: str, path: Path | None = None, *,
                   read_only: bool = False) -> Engine:
    """The engine, with every foreseeable failure turned into one line for the user.

    Parameters are never put into error messages (hide_parameters): they carry personal data.
    """
    timeout = busy_timeout_ms()
    if url.get_backend_name() == "postgresql":
        # A write waiting for another's row lock gives up like SQLite's busy timeout does.
        engine = create_engine(url, pool_pre_ping=True, hide_parameters=True,
                               connect_args={"options": f"-c lock_timeout={timeout}"})
        _one_writer_at_a_time(engine)
    elif url.get_backend_name() != "sqlite":
        engine = create_engine(url, pool_pre_ping=True, hide_parameters=True)
    else:
        engine = create_engine(url, hide_parameters=True)
        _configure_sqlite(engine, url, timeout, read_only=read_only)
        wait_before_other_statements(engine)

    @event.listens_for(engine, "handle_error")
    def _on_error(context: ExceptionContext) -> BaseException | None:
        if context.is_pre_ping:
            return None  # SQLAlchemy reconnects
        return failures.failure_error(context.original_exception, location,
                                      path.parent if path else None)

    return engine


# Key of the PostgreSQL advisory lock every write transaction holds ("defence" in ASCII).
WRITE_LOCK_KEY = 0x646566656E6365


def _one_writer_at_a_time(engine: Engine) -> None:
    """On PostgreSQL a write transaction takes one advisory lock when it begins, held until
    it ends: writers follow one another as on SQLite (BEGIN IMMEDIATE), readers never wait.

    The search index places a document between its alphabetical neighbours, renumbers
    everything when a gap is used up, and keeps a generation row; two writers doing that at
    once broke unique keys ("Interner Fehler"), left documents out of order and stale (seen
    by benchmarks/team_load_test.py with 8 clients). The wait obeys lock_timeout, so a long
    import elsewhere is told as "locked", like on SQLite."""

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        if connection.get_execution_options().get(WRITE_OPTION, False):
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY})")


def _configure_sqlite(engine: Engine, url: URL, timeout: int, *, read_only: bool) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy, not pysqlite, start transactions, so DDL and SAVEPOINTs are transactional.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={timeout}")
        # Deleted personal data is overwritten, not just unlinked (data-protection erasure).
        cursor.execute("PRAGMA secure_delete=ON")
        if sqlite_file(url) is not None and not read_only:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        # A write takes the lock up front, where the busy timeout applies; SQLite cannot wait
        # to upgrade a read to a write, so a deferred writer would fail at once on a conflict.
        write = connection.get_execution_options().get(WRITE_OPTION, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")
