"""Many rows per INSERT statement on SQLite: every row arrives, in order, or none."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import exc, select

from defence_dir.data.bulk_insert import ROWS_PER_STATEMENT, insert_tuples
from defence_dir.data.models import ChangeLog, Topic

COLUMNS = ("name", "description")


def test_rows_of_several_statements_all_arrive_in_order(empty_sqlite, topic_rows):
    rows = topic_rows(ROWS_PER_STATEMENT * 2 + 17)
    with empty_sqlite.session() as session:
        insert_tuples(session.connection(), "topic", COLUMNS, iter(rows))
    with empty_sqlite.read_session() as session:
        stored = session.execute(select(Topic.name, Topic.description).order_by(Topic.id))
        assert [tuple(row) for row in stored] == rows
        # The change-log trigger saw every row (the statements are real multi-row INSERTs).
        assert session.query(ChangeLog).filter_by(table_name="topic").count() == len(rows)


def test_a_low_bound_value_limit_gives_smaller_statements(empty_sqlite, topic_rows):
    with empty_sqlite.session() as session:
        connection = session.connection()
        driver = connection.connection.driver_connection
        assert isinstance(driver, sqlite3.Connection)
        previous = driver.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 5)
        try:
            insert_tuples(connection, "topic", COLUMNS, topic_rows(11))
        finally:
            driver.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, previous)
    with empty_sqlite.read_session() as session:
        assert session.query(Topic).count() == 11


def test_a_bad_row_late_in_the_write_leaves_nothing(empty_sqlite, topic_rows):
    rows = topic_rows(ROWS_PER_STATEMENT + 5)
    rows.append(rows[3])  # the topic name is unique
    with pytest.raises(exc.IntegrityError), empty_sqlite.session() as session:
        insert_tuples(session.connection(), "topic", COLUMNS, rows)
    with empty_sqlite.read_session() as session:
        assert session.query(Topic).count() == 0


def test_a_bulk_write_has_a_larger_page_cache_and_gives_it_back(empty_sqlite):
    from defence_dir.data.bulk_insert import BULK_CACHE_KIB, larger_page_cache

    with empty_sqlite.session() as session:
        connection = session.connection()

        def cache() -> int:
            return int(connection.exec_driver_sql("PRAGMA cache_size").scalar_one())

        before = cache()
        with larger_page_cache(connection):
            assert cache() == -BULK_CACHE_KIB
            with larger_page_cache(connection, 1024):  # a smaller one inside: kept larger
                assert cache() == -BULK_CACHE_KIB
            with pytest.raises(RuntimeError), larger_page_cache(connection, 2 * BULK_CACHE_KIB):
                assert cache() == -2 * BULK_CACHE_KIB
                raise RuntimeError
            assert cache() == -BULK_CACHE_KIB
        assert cache() == before
