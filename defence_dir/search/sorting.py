"""Sorting all hits of a search by a column, the same on SQLite and PostgreSQL.

Hits are ordered by the folded text of their search document (see search/documents.py): words
folded as for matching, so "Ä" sorts with "A" and "Jürgen" next to "Jurgen" (DIN 5007-1), and
compared byte by byte (SQLite's BINARY, PostgreSQL's COLLATE "C"), so both backends give the
same order whatever the server's locale. Empty fields come last in either direction; equal
fields keep alphabetical order by name (document ids are in name order).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from defence_dir.data.models import SearchDocument
from defence_dir.search.conditions import (
    ClassCondition,
    Leaf,
    fts_sql,
    pg_where,
    sql_condition,
    sql_tags,
)
from defence_dir.search.postgres_queries import has_pg_search


class SortKey(StrEnum):
    NAME = "name"
    ORGANISATION = "organisation"
    EMAIL = "email"
    NETWORK = "network"
    CITY = "city"
    FUNCTION = "function"


# The search_document column each key sorts by (NAME: the id, which is in name order).
DOCUMENT_COLUMN = {SortKey.ORGANISATION: "organisation", SortKey.EMAIL: "email",
                   SortKey.NETWORK: "networks", SortKey.CITY: "city",
                   SortKey.FUNCTION: "function"}


@dataclass(frozen=True)
class SearchOrder:
    """All hits by `key` instead of by rank class."""

    key: SortKey = SortKey.NAME
    descending: bool = False


def order_by_sql(order: SearchOrder, alias: str, *, postgres: bool) -> str:
    """ORDER BY terms over search_document `alias` (no user text: keys are an Enum)."""
    direction = " DESC" if order.descending else ""
    if order.key == SortKey.NAME:
        return f"{alias}.id{direction}"
    column = f"{alias}.{DOCUMENT_COLUMN[SortKey(order.key)]}"
    collate = ' COLLATE "C"' if postgres else ""
    return f"({column} = ' '), {column}{collate}{direction}, {alias}.id"


def sorted_ids(session: Session, condition: ClassCondition | None, tags: list[str], fts: bool,
               order: SearchOrder, limit: int, offset: int = 0) -> list[int]:
    """Document ids of every match in `order`: `limit` of them (all for a negative limit)
    after `offset`. The database sorts, reading only the ids and the sorted column."""
    postgres = session.get_bind().dialect.name == "postgresql"
    order_sql = order_by_sql(order, "search_document", postgres=postgres)
    run = session.connection().exec_driver_sql
    if has_pg_search(session):
        where, params = pg_where(condition, tags)
        rows = run(f"SELECT id FROM search_document WHERE {where} ORDER BY {order_sql} "
                   f"LIMIT {'ALL' if limit < 0 else '%s'} OFFSET %s",
                   tuple([*params, *([] if limit < 0 else [limit]), offset]))
        return [row[0] for row in rows]
    if fts and order.key == SortKey.NAME:
        # Name order is id order: FTS5 walks its matches by rowid and stops after the page,
        # where the general path below would collect every match first.
        inner, params = fts_sql(condition, tags)
        rows = run(f"{inner}{' DESC' if order.descending else ''} LIMIT ? OFFSET ?",
                   (*params, limit, offset))
        return [row[0] for row in rows]
    if fts:
        where = ""
        params = []
        if condition is not None or tags:
            inner, params = fts_sql(condition, tags, ordered=False)
            where = f" WHERE search_document.id IN ({inner})"
        rows = run(f"SELECT id FROM search_document{where} ORDER BY {order_sql} LIMIT ? OFFSET ?",
                   (*params, limit, offset))
        return [row[0] for row in rows]
    statement = select(SearchDocument.id)
    if condition is not None:
        statement = statement.where(sql_condition(condition))
    if tags:
        statement = statement.where(sql_tags(tags))
    statement = statement.order_by(text(order_sql)).offset(offset)
    return list(session.scalars(statement if limit < 0 else statement.limit(limit)))


def union_condition(conditions: list[ClassCondition]) -> ClassCondition | None:
    """One condition that every hit of any class satisfies: classes nest, so it is the last
    class without its exclusion."""
    if not conditions:
        return None
    last = conditions[-1]
    return ClassCondition(last.rank, last.text, last.phones, None)


def _leaf_matches(document: object, leaf: Leaf) -> bool:
    needle = f" {leaf.word}" if leaf.prefix else f" {leaf.word} "
    return any(needle in getattr(document, column) for column in leaf.columns)


def rank_of(document: object, conditions: list[ClassCondition]) -> int:
    """The best class a found document is in, checked on its text as the SQL does."""
    for condition in conditions:
        if all(any(_leaf_matches(document, leaf) for leaf in leaves)
               for leaves in condition.text):
            return condition.rank
    return conditions[-1].rank
