"""Writing many rows at once on SQLite: many rows per INSERT statement, a larger page cache.

The driver's executemany runs the statement once per row, and SQLite opens a statement
journal for each run of a statement on a table with triggers (the change-log and search
triggers): every page the row touches is copied first. With a thousand rows per statement
that happens once per thousand; 100,000 persons went in 2.1 s instead of 4.3 s
(benchmarks/vcard_import_benchmark.py, docs/benchmarks.md).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from itertools import chain, islice
from typing import Any

from sqlalchemy import Connection

from defence_dir.data.insert_pipeline import pipeline_of

ROWS_PER_STATEMENT = 1000  # more gained nothing (2,500 rows: the same time)
# SQLite's own default limit of bound values before 3.32; the driver is asked for the real one.
FALLBACK_VARIABLE_LIMIT = 999


def insert_tuples(connection: Connection, table: str, columns: Sequence[str],
                  rows: Iterable[Sequence[Any]]) -> None:
    """INSERT `rows` (values in the order of `columns`) into `table` on a SQLite connection,
    as few statements as the bound-value limit allows; run by the connection's insert
    pipeline, if it has one (data.insert_pipeline)."""
    per_statement = max(1, min(ROWS_PER_STATEMENT, _variable_limit(connection) // len(columns)))
    names = ", ".join(f'"{name}"' for name in columns)
    head = f'INSERT INTO "{table}" ({names}) VALUES '
    one = f"({', '.join('?' * len(columns))})"
    statements: dict[int, str] = {}
    pipeline = pipeline_of(connection)
    remaining = iter(rows)
    while chunk := list(islice(remaining, per_statement)):
        sql = statements.get(len(chunk))
        if sql is None:
            sql = statements[len(chunk)] = head + ", ".join([one] * len(chunk))
        parameters = tuple(chain.from_iterable(chunk))
        if pipeline is not None:
            pipeline.submit(sql, parameters)
        else:
            connection.exec_driver_sql(sql, parameters)


def _variable_limit(connection: Connection) -> int:
    driver = connection.connection.driver_connection
    if isinstance(driver, sqlite3.Connection):
        return driver.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    return FALLBACK_VARIABLE_LIMIT


# A bulk write's page cache: an import of 100,000 persons puts rows into B-trees (UIDs, names,
# search keys) larger than SQLite's default 2 MB cache, which re-read their pages over and over
# (100,000 persons: 1.5 s instead of 2.1 s with this). Allocated only as pages are read.
BULK_CACHE_KIB = 64 * 1024


@contextmanager
def larger_page_cache(connection: Connection, kib: int = BULK_CACHE_KIB) -> Iterator[None]:
    """On SQLite, a page cache of at least `kib` KiB on this connection within the block,
    and what it was afterwards."""
    if connection.dialect.name != "sqlite":
        yield
        return
    previous = int(connection.exec_driver_sql("PRAGMA cache_size").scalar_one())
    if -previous >= kib:  # a negative size is in KiB; an enclosing block set it already
        yield
        return
    connection.exec_driver_sql(f"PRAGMA cache_size=-{int(kib)}")
    try:
        yield
    finally:
        connection.exec_driver_sql(f"PRAGMA cache_size={previous}")
