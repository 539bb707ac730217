"""The test database on each backend: SQLite always, PostgreSQL when a server is configured."""

# Every test that asks for `db`, `empty_db` or `db_url` runs once per backend (ids "sqlite" and
# "postgresql"). The PostgreSQL run gets its own database, copied from a template migrated (and
# seeded) once per session: CREATE DATABASE … TEMPLATE is a file copy, far faster than running
# the migrations and the seed for each test (see PostgresDatabases). Tests about SQLite's file
# itself (its bytes, WAL, file modes, *.bak backups, FTS5) are marked `sqlite_only(reason)`.

from __future__ import annotations

import contextlib
import os
import re
import threading
import time
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from uuid import uuid4

import pytest
from sqlalchemy import Connection, Engine, NullPool, create_engine, event, make_url
from sqlalchemy.exc import DBAPIError

from defence_dir.data.database import Database, open_database

POSTGRES_VAR = "DEFENCE_DIR_TEST_POSTGRES_URL"
# Set, every database passed on is first compared with its template (checks the write check).
CHECK_REUSE_VAR = "DEFENCE_DIR_TEST_CHECK_REUSE"
SQLITE_FILE_NAME = "directory.sqlite3"
# PostgreSQL test databases handed out, and how many of them a test before had only read.
COUNTS = {"tests": 0, "reused": 0}
# A prefix per test run, so that runs side by side (other checkouts) never share a database.
_RUN = uuid4().hex[:8]


def postgres_base_url() -> str | None:
    return os.environ.get(POSTGRES_VAR, "").strip() or None


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "sqlite_only(reason): about SQLite's file itself; not run on PostgreSQL")


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if COUNTS["tests"]:
        terminalreporter.write_line(
            f"PostgreSQL: {COUNTS['tests']} test databases, {COUNTS['reused']} of them "
            "passed on unchanged from the test before")


def pytest_report_header(config: pytest.Config) -> str:
    if postgres_base_url():
        return "database backends: sqlite, postgresql"
    return f"database backends: sqlite ({POSTGRES_VAR} not set, so not on PostgreSQL)"


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    marker = metafunc.definition.get_closest_marker("sqlite_only")
    if marker is not None and not (marker.args or marker.kwargs.get("reason")):
        raise pytest.UsageError(f"{metafunc.definition.nodeid}: sqlite_only needs a reason")
    if "db_path" in metafunc.fixturenames and marker is None:
        raise pytest.UsageError(
            f"{metafunc.definition.nodeid} uses db_path, a SQLite file: ask for db_url to run "
            "on every backend, or mark the test sqlite_only(reason=…)")
    if "db_backend" not in metafunc.fixturenames:
        return
    backends = ["sqlite"]
    if postgres_base_url() and marker is None:
        backends.append("postgresql")
    metafunc.parametrize("db_backend", backends, indirect=True)


@pytest.fixture
def db_backend(request: pytest.FixtureRequest) -> str:
    """"sqlite" or "postgresql": the backend this run of the test stores on."""
    return request.param


# Statements that leave a database as it was: a test that sent only these may pass its
# database on to the next test instead of dropping it.
_READS = re.compile(r"\s*(SELECT|SHOW|SET|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)\b", re.I)
_WRITES_ANYWAY = re.compile(r"\b(INTO|NEXTVAL|SETVAL|LO_\w+)\b", re.I)


class PostgresDatabases:
    """Template databases made once per session, and a fresh copy of one for each test.

    Creating and dropping a database each wait for the server to write about 9 MB to disk
    (about half a second each, CPU idle). So copies are made ahead and dropped in background
    threads while the tests run, and a copy that a test only read (every statement sent to it
    in this process was a read) is handed to the next test instead of being dropped.
    """

    AHEAD = 2  # copies of a template kept ready once that template is in use

    def __init__(self, base_url: str) -> None:
        self._base = make_url(base_url)
        self._admin: Engine = create_engine(base_url, isolation_level="AUTOCOMMIT",
                                            pool_size=self.AHEAD + 2)
        self._background = ThreadPoolExecutor(max_workers=self.AHEAD + 1,
                                              thread_name_prefix="postgres-copies")
        self._templates: dict[bool, str] = {}
        self._ready: dict[bool, deque[Future[str]]] = {True: deque(), False: deque()}
        self._seeded: dict[str, bool] = {}  # copies of a template, by whether it is seeded
        self._written: set[str] = set()
        self._dropping: list[Future[None]] = []
        self._lock = threading.Lock()
        self._created: set[str] = set()
        event.listen(Engine, "before_cursor_execute", self._note_writes)

    def _note_writes(self, connection: Connection, _cursor: object, statement: str,
                     *_args: object) -> None:
        if (_READS.match(statement) and not _WRITES_ANYWAY.search(statement)
                and ";" not in statement.rstrip().rstrip(";")):
            return
        if connection.dialect.name == "postgresql":
            self._written.add(str(connection.engine.url.database))

    def url(self, name: str) -> str:
        return self._base.set(database=name).render_as_string(hide_password=False)

    def create(self, *, template: str | None = None) -> str:
        name = f"defence_dir_test_{_RUN}_{uuid4().hex[:8]}"
        sql = f'CREATE DATABASE "{name}"'
        if template:
            sql += f' TEMPLATE "{template}"'
        with self._lock:
            self._created.add(name)
        with self._admin.connect() as connection:
            connection.exec_driver_sql(sql)
        return name

    def copy(self, *, seeded: bool) -> str:
        """A database as open_database leaves a new one: migrated, and seeded if asked."""
        if seeded not in self._templates:
            name = self.create()
            open_database(self.url(name), seed=seeded).close()
            self._templates[seeded] = name
        ready = self._ready[seeded]
        while len(ready) < self.AHEAD + 1:
            ready.append(self._background.submit(self.create, template=self._templates[seeded]))
        name = ready.popleft().result()
        COUNTS["tests"] += 1
        self._seeded[name] = seeded
        self._written.discard(name)
        return name

    def release(self, name: str) -> None:
        """After a test: its copy goes to the next test if it was only read, else is dropped
        in the background (connections the test left open are ended either way)."""
        self._end_connections(name)
        seeded = self._seeded.pop(name, None)
        if seeded is not None and name not in self._written:
            if os.environ.get(CHECK_REUSE_VAR):
                assert self._content(name) == self._content(self._templates[seeded]), name
            done: Future[str] = Future()
            done.set_result(name)
            self._ready[seeded].appendleft(done)
            COUNTS["reused"] += 1
            return
        self._dropping.append(self._background.submit(self._drop, name))

    def _content(self, name: str) -> dict[str, str]:
        """A digest of every table's rows and every sequence's position (for CHECK_REUSE_VAR)."""
        engine = create_engine(self.url(name), poolclass=NullPool)
        try:
            with engine.connect() as connection:
                tables = connection.exec_driver_sql(
                    "SELECT tablename FROM pg_tables WHERE schemaname = 'public'").scalars().all()
                content = {table: connection.exec_driver_sql(
                    f'SELECT md5(string_agg(t::text, \',\' ORDER BY t::text)) FROM "{table}" t'
                ).scalar() for table in tables}
                for sequence in connection.exec_driver_sql(
                        "SELECT sequencename FROM pg_sequences").scalars():
                    content[sequence] = str(connection.exec_driver_sql(
                        f'SELECT last_value, is_called FROM "{sequence}"').one())
                return content
        finally:
            engine.dispose()

    def _end_connections(self, name: str) -> None:
        """End the connections a test left open; not the server's own (autovacuum runs as
        superuser, and DROP DATABASE itself stops it)."""
        with self._admin.connect() as connection:
            connection.exec_driver_sql(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                f"WHERE datname = '{name}' AND usename = current_user "
                "AND pid <> pg_backend_pid()")

    def _drop(self, name: str) -> None:
        # Not WITH (FORCE): that refuses while an autovacuum worker (superuser) is connected.
        # Without it the server stops autovacuum itself and waits for ended connections.
        for attempt in range(3):
            self._end_connections(name)
            try:
                with self._admin.connect() as connection:
                    connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}"')
                break
            except DBAPIError:
                if attempt == 2:
                    raise
                time.sleep(0.5)
        with self._lock:
            self._created.discard(name)

    def close(self) -> None:
        event.remove(Engine, "before_cursor_execute", self._note_writes)
        for future in [*self._ready[True], *self._ready[False], *self._dropping]:
            with contextlib.suppress(Exception):
                future.result()
        self._background.shutdown()
        for name in list(self._created):
            with contextlib.suppress(DBAPIError):  # left behind, named defence_dir_test_…
                self._drop(name)
        self._admin.dispose()


@pytest.fixture(scope="session")
def postgres_databases() -> Iterator[PostgresDatabases]:
    base = postgres_base_url()
    if not base:
        pytest.skip(f"no PostgreSQL server (set {POSTGRES_VAR})")
    databases = PostgresDatabases(base)
    yield databases
    databases.close()


@pytest.fixture
def db_url(db_backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[str]:
    """What `--db` takes for this test's database: a SQLite file not yet created (open_database
    creates and seeds it), or a new PostgreSQL database already migrated and seeded (migrated
    only for a test that asks for `empty_db`)."""
    if db_backend == "sqlite":
        yield str(tmp_path / SQLITE_FILE_NAME)
        return
    databases: PostgresDatabases = request.getfixturevalue("postgres_databases")
    name = databases.copy(seeded="empty_db" not in request.fixturenames)
    yield databases.url(name)
    databases.release(name)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """The SQLite file behind `db` for tests marked sqlite_only."""
    return tmp_path / SQLITE_FILE_NAME


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    """A new database holding the seeded DEFENCE.NRW starting directory."""
    database = open_database(db_url)
    yield database
    database.close()


@pytest.fixture
def empty_db(db_url: str) -> Iterator[Database]:
    """A new, migrated database without the starting directory."""
    database = open_database(db_url, seed=False)
    yield database
    database.close()


@pytest.fixture
def pg_url(request: pytest.FixtureRequest) -> Iterator[str]:
    """A new, empty PostgreSQL database (not migrated), for tests of creating one."""
    databases: PostgresDatabases = request.getfixturevalue("postgres_databases")
    name = databases.create()
    yield databases.url(name)
    databases.release(name)
