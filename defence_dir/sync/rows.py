"""Moving mirrored rows from the team database into the copy, in batches."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from sqlalchemy import Connection, select

from defence_dir.sync.tables import copied_columns, key_column

BATCH = 10_000
# Ids per IN (...) list: well below SQLite's limit of bound parameters.
CHUNK = 900


def chunks(values: Sequence[int], size: int = CHUNK) -> Iterator[Sequence[int]]:
    for start in range(0, len(values), size):
        yield values[start:start + size]


def read_rows(source: Connection, name: str, keys: Sequence[int] | None = None
              ) -> Iterator[list[tuple[Any, ...]]]:
    """Batches of the team's rows of a table: all of them, or those with these keys."""
    columns = copied_columns(name)
    if keys is None:
        result = source.execution_options(stream_results=True, yield_per=BATCH).execute(
            select(*columns).order_by(*columns[:1]))
        for partition in result.partitions(BATCH):
            yield [tuple(row) for row in partition]
        return
    for chunk in chunks(sorted(set(keys))):
        rows = source.execute(select(*columns).where(key_column(name).in_(chunk))).all()
        if rows:
            yield [tuple(row) for row in rows]


def writer(target: Connection, name: str) -> Callable[[Iterable[tuple[Any, ...]]], int]:
    """A function inserting rows (as read_rows gives them) into the copy's table; returns how
    many. The driver's executemany with SQLAlchemy's own conversions for SQLite (dates as
    text): the ORM's per-row work would cost more than SQLite's for a million rows."""
    columns = copied_columns(name)
    dialect = target.dialect
    processors = [c.type.dialect_impl(dialect).bind_processor(dialect) for c in columns]
    converting = [(i, p) for i, p in enumerate(processors) if p is not None]
    statement = (f"INSERT INTO {name} ({', '.join(c.name for c in columns)}) "
                 f"VALUES ({', '.join('?' * len(columns))})")
    driver = target.connection.driver_connection
    assert driver is not None

    def insert(rows: Iterable[tuple[Any, ...]]) -> int:
        if converting:
            converted: list[Any] = []
            for row in rows:
                values = list(row)
                for index, process in converting:
                    if values[index] is not None:
                        values[index] = process(values[index])
                converted.append(values)
            rows = converted
        cursor = driver.executemany(statement, rows)
        return int(cursor.rowcount)

    return insert


def delete_keys(target: Connection, name: str, keys: Sequence[int]) -> None:
    column = key_column(name).name
    driver = target.connection.driver_connection
    assert driver is not None
    for chunk in chunks(sorted(set(keys))):
        driver.execute(f"DELETE FROM {name} WHERE {column} IN ({', '.join('?' * len(chunk))})",
                       list(chunk))
