"""The benchmark's query mix on a generated directory: the same pages on SQLite and PostgreSQL."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, insert, select, text

from defence_dir.data.database import Database, open_database
from defence_dir.data.models import Base
from defence_dir.search import postgres_queries
from defence_dir.search.filter_names import filters_from_names
from defence_dir.search.service import SearchFilters, SearchService

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"
# Enough for every rank class to fill its pages; the query mix's speed is the benchmark's.
PERSONS = 1_500


def _copy(sqlite_path: Path, url: str) -> None:
    """The file's directory into a new PostgreSQL database; the server builds its own index."""
    open_database(url, seed=False).close()
    source, target = create_engine(f"sqlite:///{sqlite_path}"), create_engine(url)
    with source.connect() as reading, target.begin() as writing:
        for table in Base.metadata.sorted_tables:
            if table.name in ("search_document", "search_state", "change_log", "sync_state"):
                continue  # one database's own: its index, change log and identity
            rows = [dict(r._mapping) for r in reading.execute(select(table))]
            if rows:
                writing.execute(insert(table), rows)
            if "id" in table.c and rows:
                writing.execute(text(f"SELECT setval(pg_get_serial_sequence('{table.name}', "
                                     f"'id'), (SELECT max(id) FROM \"{table.name}\"))"))
        writing.execute(text("DELETE FROM search_state WHERE key = 'built'"))
    source.dispose()
    target.dispose()


@pytest.fixture
def mix() -> list[tuple[str, str, dict[str, str]]]:
    sys.path.insert(0, str(BENCHMARKS))
    try:
        from search_benchmark import MIX
    finally:
        sys.path.remove(str(BENCHMARKS))
    extra = [("", q, {}) for q in ("schnitzmeier", "s", "ma", "a", "k", "171", "nrw gmbh",
                                   "dr", "müller anna", "köln", "@", "0049")]
    return [*MIX, *extra]


@pytest.fixture
def both(tmp_path: Path, pg_url: str) -> Iterator[tuple[Database, Database]]:
    """A generated directory on SQLite and the same one copied to PostgreSQL, both open."""
    sys.path.insert(0, str(BENCHMARKS))
    try:
        from synthetic_directory import generate
    finally:
        sys.path.remove(str(BENCHMARKS))
    path = tmp_path / "directory.sqlite3"
    generate(path, PERSONS)
    sqlite = open_database(str(path))
    _copy(path, pg_url)
    server = open_database(pg_url)
    try:
        yield sqlite, server
    finally:
        sqlite.close()
        server.close()


@pytest.mark.parametrize("probe_rows", [postgres_queries.PROBE_ROWS, 40])
def test_the_benchmark_mix_gives_the_same_pages_on_both_backends(both, mix, probe_rows,
                                                                  monkeypatch):
    monkeypatch.setattr(postgres_queries, "PROBE_ROWS", probe_rows)
    pages = {}
    for database in both:
        service = SearchService(database.read_session)
        with database.read_session() as session:
            filters = [filters_from_names(session, **f) if f else SearchFilters()
                       for _c, _q, f in mix]
        pages[database.engine.dialect.name] = [
            (lambda r: ([(h.kind, h.id, h.rank, h.matched_field) for h in r.hits],
                        r.total, r.total_is_exact))(service.search(query, found, limit=60,
                                                                     offset=offset))
            for (_c, query, _f), found in zip(mix, filters, strict=True)
            for offset in (0, 45)]
    assert pages["postgresql"] == pages["sqlite"]
    assert sum(len(hits) for hits, _t, _e in pages["sqlite"]) > 1000  # real pages


def test_sorted_pages_are_the_same_on_both_backends(both):
    """Sorting by any column gives the same order on SQLite and PostgreSQL (whatever the
    server's locale), with umlauts in the names, organisations and cities."""
    from defence_dir.search.sorting import SearchOrder, SortKey

    pages = {}
    for database in both:
        service = SearchService(database.read_session)
        pages[database.engine.dialect.name] = [
            [(h.kind, h.id, h.rank, h.matched_field) for h in service.search(
                query, limit=80, offset=offset, order=SearchOrder(key, descending)).hits]
            for query in ("", "m", "köln", "jürgen mül", "0211", "Kremer")
            for key in SortKey for descending in (False, True) for offset in (0, 900)]
    assert pages["postgresql"] == pages["sqlite"]
    assert sum(map(len, pages["sqlite"])) > 2000
