"""The search service that the window and the CLI share: ranked hits with the field that matched."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein
from sqlalchemy import Result, func, select, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from defence_dir.data.models import (
    SearchDocument,
)
from defence_dir.search.conditions import (
    ClassCondition,
    class_conditions,
    fts_sql,
    sql_condition,
    sql_tags,
)
from defence_dir.search.documents import TEXT_FIELDS
from defence_dir.search.indexer import generation, has_fts
from defence_dir.search.postgres_queries import PgClassQuery, has_pg_search, name_words
from defence_dir.search.query import ALL_COLUMNS, Rank, Token, parse_query
from defence_dir.search.sorting import SearchOrder, rank_of, sorted_ids, union_condition

KINDS = ("person", "organisation", "network")
# Counting stops here: "more than 1,000 hits" is all a user needs to know to refine the search.
COUNT_CAP = 1000
# Field a hit is reported under, per document column, in the order they are checked.
FIELD_OF_COLUMN = {
    "names": "name", "organisation": "organisation", "networks": "network",
    "function": "function", "topics": "topic", "city": "city", "email": "email",
    "phone": "phone", "notes": "notes",
}


@dataclass(frozen=True)
class SearchFilters:
    """Restrictions that combine with the text (and work without it); ids of the records."""

    network_id: int | None = None
    organisation_id: int | None = None
    topic_id: int | None = None
    list_id: int | None = None
    event_id: int | None = None
    kind: str | None = None  # "person", "organisation" or "network"

    def __post_init__(self) -> None:
        if self.kind is not None and self.kind not in KINDS:
            raise ValueError(f"unknown kind {self.kind!r}")

    @property
    def narrowed(self) -> bool:
        """Whether a relation filter (network, organisation, topic, list, event) is set."""
        return any(v is not None for v in (self.network_id, self.organisation_id, self.topic_id,
                                           self.list_id, self.event_id))


@dataclass(frozen=True)
class SearchHit:
    kind: str  # "person", "organisation" or "network"
    id: int  # the record's id in its own table
    rank: int  # Rank class: 0 exact name … 3 similar name
    matched_field: str | None  # "name", "email", "phone", "similar_name", … (None: no text)


@dataclass
class SearchResult:
    hits: list[SearchHit] = field(default_factory=list)
    total: int = 0
    total_is_exact: bool = True


class SearchService:
    """Answers searches over one database; keeps only a small cache of indexed name words."""

    def __init__(self, session_factory: Any) -> None:
        self._session_factory = session_factory  # callable returning a Session (read-only use)
        self._vocabulary: tuple[str, list[str]] | None = None

    def search(self, query: str, filters: SearchFilters | None = None, *, limit: int = 50,
               offset: int = 0, count: bool = True,
               order: SearchOrder | None = None) -> SearchResult:
        """Ranked hits for `query`; any text is accepted and never raises for its content.

        With `order`, all hits sorted by that column instead (rank classes still say where
        each hit matched)."""
        filters = filters or SearchFilters()
        limit = max(0, min(int(limit), 10_000))
        offset = max(0, int(offset))
        with self._session_factory() as session:
            tokens = parse_query(query)
            restriction = _filter_tags(filters)
            if order is not None:
                return self._sorted(session, tokens, restriction, order, limit, offset, count)
            if not tokens:
                return self._browse(session, restriction, limit, offset, count)
            self._add_similar_words(session, tokens)
            conditions = class_conditions(tokens)
            fts = has_fts(session)
            try:
                ranked, total, exact = _ranked_ids(session, conditions, restriction,
                                                   offset + limit, count, fts)
            except OperationalError:
                if not fts:
                    raise
                # FTS5's tokenizer may know a rarer character differently from Python: the
                # portable path gives the same answer, only slower.
                session.rollback()
                ranked, total, exact = _ranked_ids(session, conditions, restriction,
                                                   offset + limit, count, False)
            page = ranked[offset:offset + limit]
            return SearchResult(_hits(session, page, tokens), total, exact)

    def warm_up(self) -> None:
        """Load what the first typo-tolerant query needs (the name vocabulary), ahead of it."""
        with self._session_factory() as session:
            self._name_words(session)

    def all_ids(self, query: str, filters: SearchFilters | None = None,
                order: SearchOrder | None = None) -> list[int]:
        """Record ids of every hit, in rank order or `order` (for exports: no page limit, no
        count)."""
        filters = filters or SearchFilters()
        with self._session_factory() as session:
            tokens = parse_query(query)
            tags = _filter_tags(filters)
            fts = has_fts(session)
            if not tokens:
                conditions: list[ClassCondition | None] = [None]
            else:
                self._add_similar_words(session, tokens)
                conditions = list(class_conditions(tokens))
            doc_ids: list[int] = []
            if order is not None:
                union = union_condition([c for c in conditions if c is not None])
                doc_ids = sorted_ids(session, union, tags, fts, order, -1)
            for condition in conditions if order is None else []:
                doc_ids.extend(_ClassQuery(session, condition, tags, fts).ids(-1))
            found: list[int] = []
            for start in range(0, len(doc_ids), 900):
                chunk = doc_ids[start:start + 900]
                by_doc = dict(session.execute(select(SearchDocument.id, SearchDocument.entity_id)
                                              .where(SearchDocument.id.in_(chunk))).all())
                found.extend(by_doc[d] for d in chunk if d in by_doc)
            return found

    def _sorted(self, session: Session, tokens: list[Token], tags: list[str],
                order: SearchOrder, limit: int, offset: int, count: bool) -> SearchResult:
        """Every hit sorted by the database; the count as for ranked hits."""
        conditions: list[ClassCondition] = []
        if tokens:
            self._add_similar_words(session, tokens)
            conditions = class_conditions(tokens)
            if not conditions:
                return SearchResult()
        condition = union_condition(conditions)
        fts = has_fts(session)

        def run(fts: bool) -> tuple[list[int], int]:
            ids = sorted_ids(session, condition, tags, fts, order, limit, offset)
            if not count:
                return ids, 0
            return ids, _ClassQuery(session, condition, tags, fts).count(COUNT_CAP + 1)
        try:
            ids, total = run(fts)
        except OperationalError:
            if not fts:
                raise
            session.rollback()  # as in search(): the portable path answers the same
            ids, total = run(False)
        hits = _hits(session, [(Rank.EXACT_NAME, i) for i in ids], tokens, conditions)
        if not count:
            return SearchResult(hits, len(hits), False)
        return SearchResult(hits, min(total, COUNT_CAP), total <= COUNT_CAP)

    def _browse(self, session: Session, restriction: list[str], limit: int,
                offset: int, count: bool) -> SearchResult:
        query = _ClassQuery(session, None, restriction, has_fts(session))
        ids = query.ids(limit, offset)
        hits = _hits(session, [(Rank.EXACT_NAME, i) for i in ids], [])
        if not count:
            return SearchResult(hits, len(hits), False)
        total = query.count(COUNT_CAP + 1)
        return SearchResult(hits, min(total, COUNT_CAP), total <= COUNT_CAP)

    def _add_similar_words(self, session: Session, tokens: list[Token]) -> None:
        """Name words within a small edit distance of each longer word token (typos)."""
        candidates = [t for t in tokens if not t.is_phone and len(t.word) >= 4]
        if not candidates:
            return
        vocabulary = self._name_words(session)
        for token in candidates:
            cutoff = 1 if len(token.word) < 8 else 2
            matches = process.extract(token.word, vocabulary, scorer=Levenshtein.distance,
                                      score_cutoff=cutoff, limit=12)
            token.similar = tuple(word for word, _score, _i in matches if word != token.word)

    def _name_words(self, session: Session) -> list[str]:
        current = generation(session)
        if self._vocabulary is None or self._vocabulary[0] != current:
            self._vocabulary = (current, _load_name_words(session))
        return self._vocabulary[1]


def _ranked_ids(session: Session, conditions: list[ClassCondition], tags: list[str],
                wanted: int, count: bool, fts: bool) -> tuple[list[tuple[int, int]], int, bool]:
    """The first `wanted` (rank, document id) pairs over all classes, and the (capped) total."""
    ranked: list[tuple[int, int]] = []
    total = 0
    for condition in conditions:
        if len(ranked) >= wanted and not (count and total <= COUNT_CAP):
            break
        query = _ClassQuery(session, condition, tags, fts)
        if len(ranked) < wanted:
            ranked.extend((condition.rank, i) for i in query.ids(wanted - len(ranked)))
        if count and total <= COUNT_CAP:
            total += query.count(COUNT_CAP + 1 - total)
    if count:
        return ranked, min(total, COUNT_CAP), total <= COUNT_CAP
    return ranked, len(ranked), False


class _ClassQuery:
    """One rank class (or, with condition None, everything) under filter tags: ids and count."""

    def __init__(self, session: Session, condition: ClassCondition | None, tags: list[str],
                 fts: bool) -> None:
        self.session = session
        self.fts = fts
        self.pg = PgClassQuery(session, condition, tags) if has_pg_search(session) else None
        if self.pg:
            return
        if fts:
            self.sql, self.params = fts_sql(condition, tags)
        else:
            statement = select(SearchDocument.id)
            if condition:
                statement = statement.where(sql_condition(condition))
            if tags:
                statement = statement.where(sql_tags(tags))
            self.statement = statement.order_by(SearchDocument.id)

    def ids(self, limit: int, offset: int = 0) -> list[int]:
        """Up to `limit` ids (all of them for a negative limit) after `offset`."""
        if self.pg:
            return self.pg.ids(limit, offset)
        if self.fts:
            rows = self.session.connection().exec_driver_sql(
                f"{self.sql} LIMIT ? OFFSET ?", (*self.params, limit, offset))
            return [row[0] for row in rows]
        statement = self.statement.offset(offset)
        return list(self.session.scalars(statement if limit < 0 else statement.limit(limit)))

    def count(self, cap: int) -> int:
        if cap <= 0:
            return 0
        if self.pg:
            return self.pg.count(cap)
        if self.fts:
            return int(self.session.connection().exec_driver_sql(
                f"SELECT count(*) FROM ({self.sql} LIMIT ?)", (*self.params, cap)).scalar_one())
        limited = self.statement.order_by(None).limit(cap).subquery()
        return self.session.scalar(select(func.count()).select_from(limited)) or 0


def _load_name_words(session: Session) -> list[str]:
    if has_fts(session):
        rows = session.execute(text("SELECT term FROM search_fts_vocab WHERE col = 'names'"))
        return [row[0] for row in rows if row[0].isalpha()]
    if has_pg_search(session):
        return [word for word in name_words(session) if word.isalpha()]
    found: set[str] = set()
    for names in session.scalars(select(SearchDocument.names)):
        found.update(names.split())
    return sorted(w for w in found if w.isalpha())


def _filter_tags(filters: SearchFilters) -> list[str]:
    """Filters as document tags (see SearchDocument.tags): all must be present."""
    tags = [f"k{filters.kind}"] if filters.kind else []
    for prefix, value in (("n", filters.network_id), ("o", filters.organisation_id),
                          ("t", filters.topic_id), ("l", filters.list_id),
                          ("e", filters.event_id)):
        if value is not None:
            tags.append(f"{prefix}{int(value)}")
    return tags


def _hits(session: Session, ranked: list[tuple[int, int]], tokens: list[Token],
          conditions: list[ClassCondition] | None = None) -> list[SearchHit]:
    """Hits for (rank, document id) pairs, with the field each one matched in; with
    `conditions` (a sorted search) each rank is found from the document's text."""
    if not ranked:
        return []
    ids = [doc_id for _rank, doc_id in ranked]
    result: Result[Any]
    if session.get_bind().dialect.name == "sqlite":
        marks = ", ".join("?" * len(ids))
        result = session.connection().exec_driver_sql(
            f"SELECT id, kind, entity_id, {', '.join(TEXT_FIELDS)} FROM search_document "
            f"WHERE id IN ({marks})", tuple(ids))
    elif has_pg_search(session):  # plain SQL here too: the statement costs more than the query
        result = session.connection().exec_driver_sql(
            f"SELECT id, kind, entity_id, {', '.join(TEXT_FIELDS)} FROM search_document "
            "WHERE id = ANY(%s::bigint[])", (ids,))
    else:
        columns = [getattr(SearchDocument, name) for name in TEXT_FIELDS]
        result = session.execute(select(SearchDocument.id, SearchDocument.kind,
                                        SearchDocument.entity_id, *columns)
                                 .where(SearchDocument.id.in_(ids)))
    rows = {row.id: row for row in result}
    hits = []
    for rank, doc_id in ranked:
        row = rows.get(doc_id)
        if row is not None:
            if conditions:
                rank = rank_of(row, conditions)
            hits.append(SearchHit(row.kind, row.entity_id, rank, _matched_field(row, rank, tokens)))
    return hits


def _matched_field(row: Any, rank: int, tokens: list[Token]) -> str | None:
    """The field to show for a hit: the first non-name field a token matched, else the name."""
    if not tokens:
        return None
    if rank == Rank.SIMILAR_NAME:
        return "similar_name"
    if rank in (Rank.EXACT_NAME, Rank.NAME_PREFIX):
        return "name"
    for token in tokens:
        if token.is_phone and token.digits in row.phone:
            return "phone"
    for token in tokens:
        needle = " " + token.word
        if needle in row.names:
            continue
        for column in ALL_COLUMNS:
            if needle in getattr(row, column):
                return FIELD_OF_COLUMN[column]
    return "name"
