"""PostgreSQL's answers to one rank class: first ids in alphabetical order, capped count, names.

The first page of a class is its smallest ids. A GIN index cannot return rows in id order, and
walking the primary key with the condition as a filter reads most of the table when matches are
rare or bunched in one part of the alphabet. So a one-word name class (most keystrokes) takes
its word's documents from the name-word index, already in id order, and checks each until the
page is full; any other class first filters the first PROBE_ROWS documents in id order (enough
when matches are common, e.g. a filter alone) and only if they fall short fetches all matches
through the GIN indexes and sorts them (they are then rare). The work is bounded by PROBE_ROWS
or by the number of matches rarer than one in 40.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

from defence_dir.data.postgres_search import (
    NAME_WORD_TABLE,
    PREFIX_CHARS,
    PREFIX_TABLE,
    WORDS_COLUMN,
)
from defence_dir.search.conditions import ClassCondition, pg_name_driver, pg_where

PROBE_ROWS = 2000


def has_pg_search(session: Session) -> bool:
    """Whether this is PostgreSQL with the search schema of migration 0004."""
    bind = session.get_bind()
    if bind.dialect.name != "postgresql":
        return False
    cached = bind.engine.__dict__.get("_defence_dir_pg_search")
    if cached is None:
        cached = session.execute(text(
            "SELECT count(*) FROM information_schema.columns WHERE table_name = "
            "'search_document' AND column_name = :column AND table_schema = current_schema()"),
            {"column": WORDS_COLUMN}).scalar_one() == 1
        bind.engine.__dict__["_defence_dir_pg_search"] = cached
    return bool(cached)


class PgClassQuery:
    """One rank class (or, with condition None, everything) under filter tags."""

    def __init__(self, session: Session, condition: ClassCondition | None,
                 tags: list[str]) -> None:
        self.session = session
        self.where, self.params = pg_where(condition, tags)
        self.driver = pg_name_driver(condition, tags)

    def _run(self, sql: str, params: list[object]) -> list[int]:
        rows = self.session.connection().exec_driver_sql(sql, tuple(params))
        return [row[0] for row in rows]

    def ids(self, limit: int, offset: int = 0) -> list[int]:
        """Up to `limit` ids (all of them for a negative limit) after `offset`."""
        matches = f"SELECT id FROM search_document WHERE {self.where}"
        if limit < 0:
            return self._run(f"WITH m AS MATERIALIZED ({matches}) "
                             "SELECT id FROM m ORDER BY id OFFSET %s", [*self.params, offset])
        wanted = limit + offset
        if wanted == 0:
            return []
        rest, rest_params = self._all_matches_sql(wanted)
        if self.driver:  # already in id order: a probe would only add work
            return self._run(f"SELECT id FROM ({rest}) r ORDER BY id OFFSET %s",
                             [*rest_params, offset])
        # Both steps in one statement: the second runs only when the probe fell short.
        bound = f"(SELECT id FROM search_document ORDER BY id OFFSET {PROBE_ROWS - 1} LIMIT 1)"
        # The probe's matches come from a bitmap of the word index ANDed with the id range
        # (the OFFSET 0 fence keeps the planner from walking the primary key in order and
        # testing every document's words: 33 ms instead of 1 ms when matches are rare there).
        sql = (f"WITH probe AS MATERIALIZED (SELECT id FROM ({matches} AND id <= {bound} "
               "OFFSET 0) p ORDER BY id LIMIT %s) "
               "SELECT id FROM probe WHERE (SELECT count(*) FROM probe) >= %s "
               f"UNION ALL (SELECT id FROM ({rest}) r WHERE (SELECT count(*) FROM probe) < %s) "
               "ORDER BY id OFFSET %s")
        return self._run(sql, [*self.params, wanted, wanted, *rest_params, wanted, offset])

    def _all_matches_sql(self, wanted: int) -> tuple[str, list[object]]:
        """The first `wanted` matches, from the indexes, whatever the order of the table."""
        if self.driver:
            # One name word: its documents from the name-word index, in id order, each
            # checked against the whole condition until the page is full. Name
            # prefixes bunch in one part of the alphabet, where neither the probe nor a sort of
            # every match (15,000 for "sc" at 100,000 persons) is cheap.
            word, prefix = self.driver
            if prefix and len(word) <= PREFIX_CHARS:  # already one row per document
                source, value = f"SELECT document_id FROM {PREFIX_TABLE} WHERE prefix = %s", word
            elif prefix:
                pattern = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                source = (f"SELECT DISTINCT document_id FROM {NAME_WORD_TABLE} "
                          "WHERE word LIKE %s")
                value = pattern + "%"
            else:
                source = f"SELECT document_id FROM {NAME_WORD_TABLE} WHERE word = %s"
                value = word
            return (f"SELECT c.document_id AS id FROM ({source} ORDER BY document_id) c, LATERAL ("
                    f"SELECT 1 FROM search_document WHERE id = c.document_id AND {self.where} "
                    "LIMIT 1) d ORDER BY c.document_id LIMIT %s",
                    [value, *self.params, wanted])
        return (f"WITH m AS MATERIALIZED (SELECT id FROM search_document WHERE {self.where}) "
                "SELECT id FROM m ORDER BY id LIMIT %s", [*self.params, wanted])

    def count(self, cap: int) -> int:
        if cap <= 0:
            return 0
        rows = self.session.connection().exec_driver_sql(
            f"SELECT count(*) FROM (SELECT 1 FROM search_document WHERE {self.where} "
            "LIMIT %s) s", (*self.params, cap))
        return int(rows.scalar_one())


def name_words(session: Session) -> list[str]:
    """The distinct name words, in byte order, from the name-word index: one index probe per
    distinct word (a loose index scan), not a read of every document."""
    rows = session.connection().exec_driver_sql(
        f"WITH RECURSIVE v(word) AS ((SELECT word FROM {NAME_WORD_TABLE} ORDER BY word LIMIT 1) "
        f"UNION ALL SELECT (SELECT word FROM {NAME_WORD_TABLE} WHERE word > v.word "
        "ORDER BY word LIMIT 1) FROM v WHERE v.word IS NOT NULL) "
        "SELECT word FROM v WHERE word IS NOT NULL")
    return [row[0] for row in rows]
