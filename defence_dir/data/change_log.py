"""A bulk write's rows logged for offline copies with a few statements, not a trigger per row.

Triggers log every change in `change_log` (migrations 0005, 0006). An import of 100,000 cards
writes about 450,000 rows; their trigger programs cost about a quarter of its writing. Inside
`logged_in_bulk` the triggers keep quiet (a flag only this transaction sees) and the writer
logs what it wrote: new rows by id range, changed rows by the ids it knows.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager

from sqlalchemy import Connection, text

QUIET_KEY = "quiet_log"  # SQLite: a sync_state row, set and removed in the same transaction
QUIET_SETTING = "defence_dir.quiet_log"  # PostgreSQL: a transaction-local setting


class BulkLog:
    """Logs rows of a bulk write; new rows of the tables named at the start are logged at
    its end (their ids are above each table's largest id then: writers follow one another)."""

    def __init__(self, connection: Connection, new_rows_of: Sequence[str]) -> None:
        self.connection = connection
        self.after = {table: connection.execute(
            text(f"SELECT coalesce(max(id), 0) FROM {table}")).scalar_one()
            for table in new_rows_of}

    def rows(self, table: str, ids: Iterable[int]) -> None:
        """Log these rows of `table` (for a link table: its owners' ids) as changed."""
        values = sorted(set(ids))
        if not values:
            return
        if self.connection.dialect.name == "postgresql":
            self.connection.execute(text(
                "INSERT INTO change_log (table_name, row_id) "
                "SELECT :table, unnest(CAST(:ids AS bigint[]))"), {"table": table, "ids": values})
            return
        for start in range(0, len(values), 100_000):
            self.connection.execute(text(
                "INSERT INTO change_log (table_name, row_id) SELECT :table, value "
                "FROM json_each(:ids)"),
                {"table": table, "ids": json.dumps(values[start:start + 100_000])})

    def _new_rows(self) -> None:
        for table, after in self.after.items():
            self.connection.execute(text(
                f"INSERT INTO change_log (table_name, row_id) "
                f"SELECT '{table}', id FROM {table} WHERE id > :after"), {"after": after})


def _quiet(connection: Connection, on: bool) -> None:
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT set_config(:name, :value, true)"),
                           {"name": QUIET_SETTING, "value": "on" if on else "off"})
    elif on:
        connection.execute(text("INSERT INTO sync_state (key, value) VALUES (:key, '1')"),
                           {"key": QUIET_KEY})
    else:
        connection.execute(text("DELETE FROM sync_state WHERE key = :key"), {"key": QUIET_KEY})


@contextmanager
def logged_in_bulk(connection: Connection, new_rows_of: Sequence[str] = ()) -> Iterator[BulkLog]:
    """Within the caller's transaction: the change-log triggers keep quiet inside the block;
    rows added to `new_rows_of` are logged at its end, others by `log.rows(table, ids)`.
    Every change made inside must be logged so, or offline copies would miss it.

    On an exception nothing is undone here: the caller's rollback takes the flag back too."""
    log = BulkLog(connection, new_rows_of)
    _quiet(connection, True)
    yield log
    _quiet(connection, False)
    log._new_rows()
