"""Inserting many rows at once on SQLite: many rows per INSERT statement.

The driver's executemany runs the statement once per row, and SQLite opens a statement
journal for each run of a statement on a table with triggers (the change-log and search
triggers): every page the row touches is copied first. With a thousand rows per statement
that happens once per thousand; 100,000 persons went in 2.1 s instead of 4.3 s
(benchmarks/vcard_import_benchmark.py, docs/benchmarks.md).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
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
