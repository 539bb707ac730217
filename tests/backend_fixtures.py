"""The test database on each backend: SQLite always, PostgreSQL when a server is configured.

Every test that asks for `db`, `empty_db` or `db_url` runs once per backend (ids "sqlite" and
"postgresql"). The PostgreSQL run gets its own database, copied from a template that was
migrated (and seeded) once per session: CREATE DATABASE … TEMPLATE is a file copy, far faster
than running the migrations and the seed for each test. Tests about SQLite's file itself (its
bytes, WAL, file modes, *.bak backups, FTS5) are marked `sqlite_only` with the reason.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from uuid import uuid4

import pytest
from sqlalchemy import Engine, create_engine, make_url

from defence_dir.data.database import Database, open_database

POSTGRES_VAR = "DEFENCE_DIR_TEST_POSTGRES_URL"
SQLITE_FILE_NAME = "directory.sqlite3"
# A prefix per test run, so that runs side by side (other checkouts) never share a database.
_RUN = uuid4().hex[:8]


def postgres_base_url() -> str | None:
    return os.environ.get(POSTGRES_VAR, "").strip() or None


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "sqlite_only(reason): about SQLite's file itself; not run on PostgreSQL")
    config.addinivalue_line(
        "markers", "xfail_on_postgresql(reason): a known PostgreSQL bug, being fixed elsewhere")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test marked xfail_on_postgresql(reason) may fail on PostgreSQL (a known product bug,
    named in the reason); on SQLite it must pass."""
    for item in items:
        marker = item.get_closest_marker("xfail_on_postgresql")
        callspec = getattr(item, "callspec", None)
        if marker and callspec and callspec.params.get("db_backend") == "postgresql":
            item.add_marker(pytest.mark.xfail(strict=False, **marker.kwargs))


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


class PostgresDatabases:
    """Template databases made once per session, and a fresh copy of one for each test.

    Creating and dropping a database each wait for the server to write about 9 MB to disk
    (about half a second each, CPU idle), so copies are made ahead and dropped in background
    threads while the tests run: a test waits only when no copy is ready.
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
        self._dropping: list[Future[None]] = []
        self._lock = threading.Lock()
        self._created: set[str] = set()

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
        """A new database as open_database leaves it: migrated, and seeded if asked."""
        if seeded not in self._templates:
            name = self.create()
            open_database(self.url(name), seed=seeded).close()
            self._templates[seeded] = name
        ready = self._ready[seeded]
        while len(ready) < self.AHEAD + 1:
            ready.append(self._background.submit(self.create, template=self._templates[seeded]))
        return ready.popleft().result()

    def drop(self, name: str) -> None:
        """Drop `name` in the background; the test's connections are ended by then or forced."""
        self._dropping.append(self._background.submit(self._drop, name))

    def _drop(self, name: str) -> None:
        with self._admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        with self._lock:
            self._created.discard(name)

    def close(self) -> None:
        for future in [*self._ready[True], *self._ready[False], *self._dropping]:
            with contextlib.suppress(Exception):
                future.result()
        self._background.shutdown()
        for name in list(self._created):
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
    databases.drop(name)


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
    databases.drop(name)
