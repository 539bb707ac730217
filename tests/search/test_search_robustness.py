"""Any text is a query: it never raises, and both query paths give the same answer."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

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
