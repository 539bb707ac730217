"""Any text is a query: it never raises, and both query paths give the same answer."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from defence_dir.data.database import open_database
from defence_dir.search import postgres_queries
from defence_dir.search.service import SearchService

# Text that stresses query languages and tokenizers, mixed with words of the directory.
SYNTAX = st.sampled_from(['"', "'", "*", "NEAR(", "AND", "OR", "NOT", "(", ")", "{", "}", ":",
                          "^", "-", "+", "%", "_", "\\", ";", "--", "/*", "\x00", "\x1f", "🙂",
                          "ß", "é", "ł", "ş", "ø", "jürgen", "grosch", "nmwp", "0211", "385459",
                          "Dr.-Ing.", "@", " ", "\t", "\n"])
QUERIES = st.one_of(
    st.text(max_size=60),
    st.lists(SYNTAX, max_size=12).map("".join),
    st.lists(st.one_of(SYNTAX, st.text(max_size=5)), max_size=8).map(" ".join),
)


@settings(max_examples=300, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=QUERIES)
def test_any_text_gives_the_same_hits_on_both_paths(db, query):
    service = SearchService(db.read_session)
    db.engine.__dict__["_defence_dir_fts"] = True
    fts = service.search(query, limit=20)
    db.engine.__dict__["_defence_dir_fts"] = False
    try:
        portable = service.search(query, limit=20)
    finally:
        db.engine.__dict__.pop("_defence_dir_fts", None)
    assert [(h.kind, h.id, h.rank, h.matched_field) for h in fts.hits] == \
        [(h.kind, h.id, h.rank, h.matched_field) for h in portable.hits]
    assert (fts.total, fts.total_is_exact) == (portable.total, portable.total_is_exact)


def test_very_long_input_is_cut_not_refused(db):
    service = SearchService(db.read_session)
    assert service.search("grosch " + "x" * 10_000).hits == []
    assert [h.id for h in service.search("grosch" + " " * 10_000).hits] != []


@pytest.fixture
def pg_db(pg_url):
    """The seeded directory on PostgreSQL (same records, ids and documents as `db`)."""
    database = open_database(pg_url)
    yield database
    database.close()


@settings(max_examples=200, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=QUERIES, probe_rows=st.sampled_from([postgres_queries.PROBE_ROWS, 1, 3]))
def test_any_text_gives_the_same_hits_on_sqlite_and_postgres(db, pg_db, query, probe_rows,
                                                             monkeypatch_module):
    """PostgreSQL's indexes answer exactly as FTS5 does: hits, order, classes, fields, totals;
    a tiny probe makes every class take the index path instead of the id-order walk."""
    monkeypatch_module.setattr(postgres_queries, "PROBE_ROWS", probe_rows)
    sqlite = SearchService(db.read_session).search(query, limit=20)
    postgres = SearchService(pg_db.read_session).search(query, limit=20)
    assert [(h.kind, h.id, h.rank, h.matched_field) for h in sqlite.hits] == \
        [(h.kind, h.id, h.rank, h.matched_field) for h in postgres.hits]
    assert (sqlite.total, sqlite.total_is_exact) == (postgres.total, postgres.total_is_exact)
