"""A SQLite directory copied into a new PostgreSQL database, for benchmarks on both backends.

The rows of every table are copied as they are; what belongs to one database alone is not
(its search index, which the server builds as it would, its change log and sync identity).
"""

from __future__ import annotations

import uuid
from pathlib import Path

from sqlalchemy import create_engine, insert, make_url, select, text

from defence_dir.data.database import open_database
from defence_dir.data.models import Base
from defence_dir.search.indexer import INDEX_FORMAT

NOT_COPIED = ("search_document", "search_state", "change_log", "sync_state")


def copy_to_postgres(sqlite_path: Path, server_url: str, *, prefix: str = "bench",
                     build_index: bool = True) -> str:
    """A new database on the server holding the file's directory; returns its URL. Without
    `build_index` the server's index is marked built but left empty (a sync reads none)."""
    name = f"defence_dir_{prefix}_{uuid.uuid4().hex[:8]}"
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    admin.dispose()
    url = make_url(server_url).set(database=name).render_as_string(hide_password=False)
    try:
        _fill(Path(sqlite_path), url, build_index)
        # A team database in use has been through autovacuum (within a minute of a bulk
        # write): its statistics and visibility map are what the planner then works with.
        vacuum = create_engine(url, isolation_level="AUTOCOMMIT")
        with vacuum.connect() as connection:
            connection.exec_driver_sql("VACUUM ANALYZE")
        vacuum.dispose()
    except BaseException:
        drop_postgres(url, server_url)
        raise
    return url


def _fill(sqlite_path: Path, url: str, build_index: bool) -> None:
    open_database(url, seed=False).close()
    source, target = create_engine(f"sqlite:///{sqlite_path}"), create_engine(url)
    with source.connect() as reading, target.begin() as writing:
        for table in Base.metadata.sorted_tables:
            if table.name in NOT_COPIED:
                continue
            rows = [dict(r._mapping) for r in reading.execute(select(table))]
            for start in range(0, len(rows), 20_000):
                writing.execute(insert(table), rows[start:start + 20_000])
            if "id" in table.c and rows:
                writing.execute(text(f"SELECT setval(pg_get_serial_sequence('{table.name}', "
                                     f"'id'), (SELECT max(id) FROM \"{table.name}\"))"))
        writing.execute(text("DELETE FROM search_state WHERE key = 'built'"))
        if not build_index:
            writing.execute(text("INSERT INTO search_state (key, value) VALUES ('built', :v)"),
                            {"v": str(INDEX_FORMAT)})
    source.dispose()
    target.dispose()
    if build_index:
        open_database(url).close()  # builds the search index of the copied directory


def drop_postgres(url: str, server_url: str) -> None:
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql(
            f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)')
    admin.dispose()
