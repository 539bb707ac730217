"""Bulk INSERTs run by a thread of their own: in order, seen by the next read, and a failure
reported as any other, with nothing lost or half written."""

from __future__ import annotations

import sqlite3
import threading

import pytest
from sqlalchemy import exc, func, select

from defence_dir.data.bulk_insert import insert_tuples
from defence_dir.data.insert_pipeline import pipeline_of, pipelined_inserts
from defence_dir.data.models import Topic

COLUMNS = ("name", "description")


def _names(database) -> list[str]:
    with database.read_session() as session:
        return list(session.scalars(select(Topic.name).order_by(Topic.id)))


def test_a_read_in_the_block_sees_every_row_handed_over(empty_sqlite, topic_rows):
    with empty_sqlite.session() as session:
        connection = session.connection()
        with pipelined_inserts(connection):
            for part in range(5):
                insert_tuples(connection, "topic", COLUMNS, topic_rows(2500, part * 2500))
            # Any other statement waits for the thread first.
            assert session.scalar(select(func.count()).select_from(Topic)) == 12_500
            insert_tuples(connection, "topic", COLUMNS, topic_rows(10, 12_500))
        assert pipeline_of(connection) is None
    assert _names(empty_sqlite) == [name for name, _text in topic_rows(12_510)]


def test_a_failing_statement_is_reported_and_nothing_is_written(empty_sqlite, topic_rows):
    with pytest.raises(exc.IntegrityError), empty_sqlite.session() as session:
        connection = session.connection()
        with pipelined_inserts(connection):
            insert_tuples(connection, "topic", COLUMNS, topic_rows(3000))
            insert_tuples(connection, "topic", COLUMNS, topic_rows(5, 2000))  # names taken
            insert_tuples(connection, "topic", COLUMNS, topic_rows(3000, 5000))
    assert _names(empty_sqlite) == []


def test_a_failure_in_the_thread_that_passes_on_retry_loses_nothing(empty_sqlite, topic_rows):
    """A statement that fails in the thread (here once, as a full disk might) is run again
    by the caller with everything queued after it."""
    with empty_sqlite.session() as session:
        connection = session.connection()
        with pipelined_inserts(connection):
            pipeline = pipeline_of(connection)
            assert pipeline is not None
            pipeline.driver = _FailingOnce(pipeline.driver)
            for part in range(4):
                insert_tuples(connection, "topic", COLUMNS, topic_rows(1000, part * 1000))
    assert _names(empty_sqlite) == [name for name, _text in topic_rows(4000)]


def test_an_error_in_the_block_waits_for_the_thread_and_rolls_back(empty_sqlite, topic_rows):
    with pytest.raises(RuntimeError), empty_sqlite.session() as session:
        connection = session.connection()
        with pipelined_inserts(connection):
            insert_tuples(connection, "topic", COLUMNS, topic_rows(20_000))
            raise RuntimeError("cancelled")
    assert _names(empty_sqlite) == []
    # The thread is gone; the database takes the next write.
    assert not [t for t in threading.enumerate() if t.name == "bulk inserts"]
    with empty_sqlite.session() as session:
        insert_tuples(session.connection(), "topic", COLUMNS, topic_rows(3))
    assert len(_names(empty_sqlite)) == 3


class _FailingOnce:
    """The driver connection, but its first statement fails as SQLite's would."""

    def __init__(self, driver: sqlite3.Connection) -> None:
        self.driver, self.failed = driver, False

    def execute(self, sql: str, parameters: tuple) -> sqlite3.Cursor:
        if not self.failed:
            self.failed = True
            raise sqlite3.OperationalError("database or disk is full")
        return self.driver.execute(sql, parameters)
