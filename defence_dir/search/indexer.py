"""Keeping the search index in step: full rebuild, per-record refresh, refresh on commit.

Every session from `Database` refreshes the documents of whatever its flushes touched just before
it commits (same transaction), so the index is right after any create, update or delete through
the ORM. Bulk writers that bypass the ORM (imports) call `reindex_persons` themselves.
"""

from __future__ import annotations

import json
import unicodedata
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import (
    Connection,
    bindparam,
    delete,
    event,
    func,
    insert,
    inspect,
    select,
    text,
    update,
)
from sqlalchemy.orm import Session, sessionmaker

from defence_dir.data.bulk_insert import insert_tuples, larger_page_cache
from defence_dir.data.models import (
    Attendance,
    DistributionList,
    EmailAddress,
    Event,
    ListMembership,
    Network,
    NetworkRole,
    Organisation,
    Person,
    PhoneNumber,
    SearchDocument,
    SearchState,
    Topic,
    network_topic,
    organisation_topic,
    person_topic,
)
from defence_dir.records.persons import TEXT_FIELDS as PERSON_TEXT_FIELDS
from defence_dir.search import parallel_documents
from defence_dir.search.documents import (
    TEXT_FIELDS,
    Document,
    document_sort_key,
    network_documents,
    organisation_documents,
    person_documents,
    person_rows,
)

# The FTS table's columns: every text field but the phone (its own trigram table).
FTS_COLUMNS = tuple(field for field in TEXT_FIELDS if field != "phone")

# Space between neighbouring documents' ids, so a new one slots in without renumbering.
GAP = 1 << 20
BATCH = 20_000
# Grows when documents are folded differently; an older index is brought up to date at open.
# 1: words were split at combining marks (decomposed "mu\u0308ller" became "mu", "ller").
# 2: text is composed (NFC) before it is split into words.
INDEX_FORMAT = 2
_PENDING = "defence_dir.search.pending"
_DEFERRED = "defence_dir.search.deferred"  # session.info: inside bulk_writes (FTS deferred)
Progress = Callable[[int, int], None]


def has_fts(session: Session) -> bool:
    """Whether this database answers with FTS5 (SQLite built with it, tables created)."""
    bind = session.get_bind()
    if bind.dialect.name != "sqlite":
        return False
    cached = bind.engine.__dict__.get("_defence_dir_fts")
    if cached is None:
        cached = session.execute(text(
            "SELECT count(*) FROM sqlite_master WHERE name IN ('search_fts', 'search_phone')"
        )).scalar_one() == 2
        bind.engine.__dict__["_defence_dir_fts"] = cached
    return bool(cached)


def generation(session: Session) -> str:
    """Changes whenever the index does; caches of index-derived data compare against it."""
    if session.get_bind().dialect.name == "sqlite":  # asked per query: skip statement building
        row = session.connection().exec_driver_sql(
            "SELECT value FROM search_state WHERE key = 'generation'").first()
        return row[0] if row else ""
    return session.scalar(select(SearchState.value).where(SearchState.key == "generation")) or ""


def _set_state(session: Session, key: str, value: str | None) -> None:
    session.execute(delete(SearchState).where(SearchState.key == key))
    if value is not None:
        session.execute(insert(SearchState).values(key=key, value=value))


def bump_generation(session: Session) -> None:
    _set_state(session, "generation", uuid.uuid4().hex)


def _built_format(session: Session) -> int | None:
    built = session.scalar(select(SearchState.value).where(SearchState.key == "built"))
    return int(built) if built is not None and built.isdigit() else None


def is_built(session: Session) -> bool:
    """Whether the index exists in today's format or a newer one (a newer version of the app
    sharing the database must not make this one rebuild it back and forth)."""
    built = _built_format(session)
    return built is not None and built >= INDEX_FORMAT


def rebuild_if_needed(session: Session) -> None:
    built = _built_format(session)
    if built is None or (built < INDEX_FORMAT and _has_decomposed_text(session)):
        reindex_all(session)
    elif built < INDEX_FORMAT:  # format 1 differs only for decomposed text: none here
        _set_state(session, "built", str(INDEX_FORMAT))


def _has_decomposed_text(session: Session) -> bool:
    """Whether any text a document is built from is not NFC (stored by a version before 2):
    only then does an index of format 1 differ from today's. One pass over the text
    columns, not a rebuild of 100,000 documents at the first start of a new version."""
    columns = [*(getattr(Person, name) for name in PERSON_TEXT_FIELDS), EmailAddress.address,
               Organisation.name, Organisation.city, Network.name, Topic.name]
    for column in columns:
        for (value,) in session.execute(select(column).where(column.is_not(None))):
            if not value.isascii() and not unicodedata.is_normalized("NFC", value):
                return True
    return False


def reindex_all(session: Session, progress: Progress | None = None) -> int:
    """Rebuild the whole index in the caller's transaction; returns the number of documents.

    Alphabetical positions are computed first from the names alone, so documents go straight
    into place while worker processes build the next batch; on SQLite the FTS5 tables are
    then rebuilt in one pass (much faster than through the triggers row by row).
    """
    fts = has_fts(session)
    connection = session.connection()
    sqlite = connection.dialect.name == "sqlite"
    # A larger page cache for the build: B-trees of a million rows otherwise spill to disk
    # over and over (back to what it was afterwards).
    with larger_page_cache(connection, 256 * 1024):
        if fts:  # the FTS tables are rebuilt once at the end, not row by row by the triggers
            _set_state(session, "bulk", "1")
        session.execute(delete(SearchDocument))
        positions = _alphabetical_positions(session)
        ids = sorted(entity_id for kind, entity_id in positions if kind == "person")
        ranges = [(ids[i], ids[min(i + BATCH, len(ids)) - 1]) for i in range(0, len(ids), BATCH)]
        for done, batch in enumerate(_person_batches(session, ranges, len(ids)), start=1):
            insert_documents(session, batch, positions)
            if progress:
                progress(min(done * BATCH, len(ids)), len(ids))
        insert_documents(session, organisation_documents(session) + network_documents(session),
                          positions)
        if fts:
            rebuild_fts(session.connection())
            _set_state(session, "bulk", None)
        _set_state(session, "built", str(INDEX_FORMAT))
        bump_generation(session)
        count = session.scalar(select(func.count()).select_from(SearchDocument)) or 0
        if not sqlite:  # PostgreSQL plans searches by the table's statistics: fresh ones now
            session.execute(text("ANALYZE search_document"))
    return count


def _alphabetical_positions(session: Session) -> dict[tuple[str, int], int]:
    """Document id of every record: its place in sort-key order times GAP (byte order, as the
    database compares the keys: SQLite's BINARY, PostgreSQL's "C" collation of the column)."""
    keys = [(document_sort_key("person", pid, family or given, given if family else None,
                               middle), "person", pid)
            for pid, given, middle, family in session.execute(
                select(Person.id, Person.given_name, Person.middle_name, Person.family_name))]
    keys += [(document_sort_key("organisation", oid, name), "organisation", oid)
             for oid, name in session.execute(select(Organisation.id, Organisation.name))]
    keys += [(document_sort_key("network", nid, name), "network", nid)
             for nid, name in session.execute(select(Network.id, Network.name))]
    keys.sort()
    return {(kind, entity_id): (index + 1) * GAP
            for index, (_key, kind, entity_id) in enumerate(keys)}


def insert_documents(session: Session, documents: list[Document],
                      positions: dict[tuple[str, int], int]) -> None:
    if not documents:
        return
    columns = ["kind", "entity_id", "sort_key", *TEXT_FIELDS]
    if session.get_bind().dialect.name == "sqlite":
        # Many rows per statement: SQLAlchemy's per-row work would cost more than SQLite's
        # for a million documents.
        insert_tuples(session.connection(), "search_document", ["id", *columns],
                      ((positions[(d["kind"], d["entity_id"])], *(d[c] for c in columns))
                       for d in documents))
        return
    session.execute(insert(SearchDocument), [
        {"id": positions[(d["kind"], d["entity_id"])], **{c: d[c] for c in columns}}
        for d in documents])


def _person_batches(session: Session, ranges: list[tuple[int, int]],
                    persons: int) -> Iterator[list[Document]]:
    """Person documents per id range; for many persons built in worker processes from rows
    read here, in this transaction (a rebuild inside an import sees the import's persons)."""
    workers = parallel_documents.worker_count(persons)
    if workers:
        yield from parallel_documents.documents_of_rows_in_workers(
            (person_rows(session, id_range=id_range) for id_range in ranges), workers)
        return
    for id_range in ranges:
        yield person_documents(session, id_range=id_range)


def reindex_persons(session: Session, ids: Iterable[int]) -> None:
    """Refresh the documents of these persons (and drop those of persons that no longer exist)."""
    _refresh(session, "person", sorted(set(ids)))


# A removal takes a document out of FTS5 at about 20 µs; a rebuild reads each remaining one at
# about 15 µs. When a write removes documents by the many (an undo of a large import), against
# an index not much larger, rebuilding once at the end is cheaper (11.7 s instead of 14.5 s to
# undo 80,000 new persons in a directory of 100,000).
REBUILD_SHARE = 8


@contextmanager
def bulk_writes(session: Session, documents: int, *, removing: bool = False) -> Iterator[None]:
    """For a bulk write of about `documents` search documents in the caller's transaction.

    The FTS triggers only note the new documents meanwhile (migration 0006); they go into the
    FTS tables in one statement at the end. Through the triggers each cost about 115 µs; a
    rebuild of all cost 15 µs per document in the index, so an import of 100,000 persons into
    a million paid for the million. A write `removing` documents by the many against the
    index's size keeps the triggers quiet and rebuilds both FTS tables once at the end. On an
    exception nothing is undone here: the caller's rollback takes the state rows back with
    everything else. SQLite's page cache is larger meanwhile (data.bulk_insert)."""
    with larger_page_cache(session.connection()):
        yield from _bulk_writes(session, documents, removing=removing)


def _bulk_writes(session: Session, documents: int, *, removing: bool) -> Iterator[None]:
    if not has_fts(session):
        yield
        return
    connection = session.connection()
    if removing and documents * REBUILD_SHARE >= connection.exec_driver_sql(
            "SELECT count(*) FROM search_document").scalar_one():
        _set_state(session, "bulk", "1")
        yield
        _set_state(session, "bulk", None)
        rebuild_fts(connection)
        return
    _set_state(session, "deferred", "1")
    session.info[_DEFERRED] = True
    try:
        yield
    finally:
        session.info.pop(_DEFERRED, None)
    _set_state(session, "deferred", None)
    _index_noted(session.connection())


def _unindex(session: Session, doc_ids: list[int]) -> None:
    """In a bulk write, take these documents out of the FTS tables in one statement each and
    note them, before they are changed or deleted: the triggers then leave them alone (one
    FTS5 delete per row through a trigger cost ten times as much: 7.8 s for the 31,000
    documents of a matched vCard import). Outside a bulk write the triggers do it."""
    if not doc_ids or not session.info.get(_DEFERRED):
        return
    connection = session.connection()
    columns = ", ".join(FTS_COLUMNS)
    chosen = ("FROM search_document WHERE id IN (SELECT value FROM json_each(?)) "
              "AND id NOT IN (SELECT id FROM search_fts_pending)")
    for start in range(0, len(doc_ids), 100_000):
        ids = (json.dumps(doc_ids[start:start + 100_000]),)
        connection.exec_driver_sql(
            f"INSERT INTO search_fts(search_fts, rowid, {columns}) "
            f"SELECT 'delete', id, {columns} {chosen}", ids)
        connection.exec_driver_sql(
            f"INSERT INTO search_phone(search_phone, rowid, phone) "
            f"SELECT 'delete', id, phone {chosen}", ids)
        connection.exec_driver_sql("INSERT OR IGNORE INTO search_fts_pending (id) "
                                   "SELECT value FROM json_each(?)", ids)


def rebuild_fts(connection: Connection) -> None:
    """Both FTS5 tables anew from every document; documents noted by a bulk write are in
    them then, so the note is cleared."""
    for table in ("search_fts", "search_phone"):
        connection.exec_driver_sql(f"INSERT INTO {table}({table}) VALUES ('rebuild')")
    connection.exec_driver_sql("DELETE FROM search_fts_pending")


def _index_noted(connection: Connection) -> None:
    """The documents noted during a bulk write into the FTS tables, then the note cleared."""
    columns = ", ".join(FTS_COLUMNS)
    values = ", ".join(f"d.{c}" for c in FTS_COLUMNS)
    noted = ("FROM search_fts_pending p JOIN search_document d ON d.id = p.id ORDER BY p.id")
    connection.exec_driver_sql(
        f"INSERT INTO search_fts(rowid, {columns}) SELECT d.id, {values} {noted}")
    connection.exec_driver_sql(
        f"INSERT INTO search_phone(rowid, phone) SELECT d.id, d.phone {noted}")
    connection.exec_driver_sql("DELETE FROM search_fts_pending")


def reindex_organisations(session: Session, ids: Iterable[int]) -> None:
    _refresh(session, "organisation", sorted(set(ids)))


def reindex_networks(session: Session, ids: Iterable[int]) -> None:
    _refresh(session, "network", sorted(set(ids)))


_BUILDERS: dict[str, Callable[[Session, Sequence[int]], list[Document]]] = {
    "person": lambda session, ids: person_documents(session, ids=ids),
    "organisation": organisation_documents,
    "network": network_documents,
}


# Above this many documents to place, positions are found in one pass over the sort keys
# instead of two neighbour queries each (bulk imports).
BULK_PLACEMENT = 200
# Documents refreshed per round (their rows read, FTS entries taken out, places compared):
# a re-imported export refreshing 31,771 took 6.1 s in rounds of 500, 4.8 s in rounds of
# 2,000 (fewer, larger FTS5 deletes), 5.6 s in rounds of 5,000.
REFRESH_CHUNK = 2000


def _refresh(session: Session, kind: str, ids: Sequence[int]) -> None:
    if not ids:
        return
    to_place: list[Document] = []
    for start in range(0, len(ids), REFRESH_CHUNK):
        chunk = ids[start:start + REFRESH_CHUNK]
        documents = {d["entity_id"]: d for d in _BUILDERS[kind](session, chunk)}
        existing = {
            entity_id: (doc_id, key)
            for entity_id, doc_id, key in session.execute(
                select(SearchDocument.entity_id, SearchDocument.id, SearchDocument.sort_key)
                .where(SearchDocument.kind == kind, SearchDocument.entity_id.in_(chunk))
            )
        }
        gone = [existing[i][0] for i in chunk if i in existing and i not in documents]
        moved: list[int] = []
        same_place: list[dict[str, Any]] = []
        for entity_id, document in documents.items():
            old = existing.get(entity_id)
            if old and old[1] == document["sort_key"]:
                same_place.append({"doc_id": old[0], **{f: document[f] for f in TEXT_FIELDS}})
                continue
            if old:
                moved.append(old[0])
            to_place.append(document)
        _unindex(session, gone + moved + [row["doc_id"] for row in same_place])
        if gone or moved:
            session.execute(delete(SearchDocument).where(SearchDocument.id.in_(gone + moved)))
        if same_place:  # one executemany, not a statement per document
            table = SearchDocument.__table__
            session.connection().execute(
                update(table).where(table.c.id == bindparam("doc_id"))
                .values({f: bindparam(f) for f in TEXT_FIELDS}), same_place)
    if len(to_place) > BULK_PLACEMENT:
        positions = positions_in_bulk(session, [d["sort_key"] for d in to_place])
        if positions is None:
            reindex_all(session)
            return
        insert_documents(session, to_place, {(d["kind"], d["entity_id"]): positions[
            d["sort_key"]] for d in to_place})
    else:
        for document in to_place:
            position = _free_position(session, document["sort_key"])
            if position is None:  # no gap left at this place: renumber everything once
                reindex_all(session)
                return
            session.execute(insert(SearchDocument).values(id=position, **document))
    bump_generation(session)


def positions_in_bulk(session: Session, keys: list[str]) -> dict[str, int] | None:
    """Free ids for many new sort keys at once, spread evenly over the gaps they fall into;
    None when a gap is too small (the caller renumbers everything)."""
    dialect = session.get_bind().dialect.name
    documents = (session.scalar(select(func.max(SearchDocument.id))) or 0) // GAP  # about
    if dialect not in ("sqlite", "postgresql") or len(keys) * 16 > documents:
        return _positions_by_scan(session, keys)
    # Few keys in a large index (2,000 rows into 100,000 persons): each key's neighbours,
    # found through the sort-key index, instead of reading the whole index in key order.
    neighbours = ("(SELECT id FROM search_document WHERE sort_key < k "
                  "ORDER BY sort_key DESC LIMIT 1), "
                  "(SELECT id FROM search_document WHERE sort_key > k "
                  "ORDER BY sort_key LIMIT 1)")
    if dialect == "sqlite":
        query = text(f"SELECT k, {neighbours} FROM (SELECT value AS k FROM json_each(:keys))")
        wanted: object = json.dumps(keys)
    else:
        query = text(f"SELECT k, {neighbours} FROM unnest(CAST(:keys AS text[])) AS w(k)")
        wanted = keys
    gaps: dict[tuple[int | None, int | None], list[str]] = {}
    for key, before, after in session.execute(query, {"keys": wanted}):
        gaps.setdefault((before, after), []).append(key)
    positions: dict[str, int] = {}
    for (before, after), group in gaps.items():
        group.sort()
        ids = _spread(len(group), before, after)
        if ids is None:
            return None
        positions.update(zip(group, ids, strict=True))
    return positions


def _spread(count: int, before: int | None, after: int | None) -> list[int] | None:
    """`count` ids spread evenly between two neighbours' ids (None: the first or last place);
    None when the gap is too small for them."""
    if before is None and after is None:
        return [GAP * (i + 1) for i in range(count)]
    if after is None:
        assert before is not None
        return [before + GAP * (i + 1) for i in range(count)]
    if before is None:
        return [after - GAP * (count - i) for i in range(count)]
    step = (after - before) // (count + 1)
    return [before + step * (i + 1) for i in range(count)] if step >= 1 else None


def _positions_by_scan(session: Session, keys: list[str]) -> dict[str, int] | None:
    """`positions_in_bulk` for many keys: one pass over the whole index in key order."""
    # One pass over the index in key order beside the sorted new keys, nothing held but the
    # current gap: an import places 80,000 documents among 180,000 while holding its plan.
    positions: dict[str, int] = {}
    waiting = sorted(keys)
    next_new = 0
    before: int | None = None

    def place(group: list[str], after: int | None) -> bool:
        ids = _spread(len(group), before, after)
        if ids is not None:
            positions.update(zip(group, ids, strict=True))
        return ids is not None

    for key, doc_id in session.execute(select(SearchDocument.sort_key, SearchDocument.id)
                                       .order_by(SearchDocument.sort_key)):
        if next_new == len(waiting):
            break
        end = next_new
        while end < len(waiting) and waiting[end] < key:
            end += 1
        if end > next_new:
            if not place(waiting[next_new:end], doc_id):
                return None
            next_new = end
        before = doc_id
    if next_new < len(waiting) and not place(waiting[next_new:], None):
        return None
    return positions


def _free_position(session: Session, key: str) -> int | None:
    """An unused id between the alphabetical neighbours of `key`, or None if they touch."""
    before = session.scalar(select(SearchDocument.id).where(SearchDocument.sort_key < key)
                            .order_by(SearchDocument.sort_key.desc()).limit(1))
    after = session.scalar(select(SearchDocument.id).where(SearchDocument.sort_key > key)
                           .order_by(SearchDocument.sort_key).limit(1))
    if before is None:
        return GAP if after is None else after - GAP
    if after is None:
        return before + GAP
    return (before + after) // 2 if after - before > 1 else None


# --- automatic refresh -------------------------------------------------------------------------

def install(sessions: sessionmaker[Session]) -> None:
    """Refresh the index for what each session's flushes touched, just before it commits."""
    event.listen(sessions, "before_flush", _note_deletions)
    event.listen(sessions, "after_flush", _note_changes)
    event.listen(sessions, "before_commit", _apply_changes)
    event.listen(sessions, "after_rollback", lambda session: session.info.pop(_PENDING, None))


def _pending(session: Session) -> dict[str, set[Any]]:
    pending: dict[str, set[Any]] = session.info.setdefault(_PENDING, {
        "person": set(), "organisation": set(), "network": set(), "topic": set(),
    })
    return pending


def _note_deletions(session: Session, _context: Any, _instances: Any) -> None:
    """Persons linked to an organisation, network, topic, list or event about to go lose that
    link (documents hold it, in text or filter tags); the rows
    that tell who they are are gone after the flush, so look now."""
    pending = _pending(session)
    with session.no_autoflush:
        for obj in session.deleted:
            if isinstance(obj, Organisation):
                query = select(Person.id).where(Person.organisation_id == obj.id)
            elif isinstance(obj, Network):
                query = select(NetworkRole.person_id).where(NetworkRole.network_id == obj.id)
            elif isinstance(obj, DistributionList):
                query = select(ListMembership.person_id).where(ListMembership.list_id == obj.id)
            elif isinstance(obj, Event):
                query = select(Attendance.person_id).where(Attendance.event_id == obj.id)
            elif isinstance(obj, Topic):
                query = select(person_topic.c.person_id).where(person_topic.c.topic_id == obj.id)
                pending["organisation"].update(session.scalars(
                    select(organisation_topic.c.organisation_id)
                    .where(organisation_topic.c.topic_id == obj.id)))
                pending["network"].update(session.scalars(
                    select(network_topic.c.network_id).where(network_topic.c.topic_id == obj.id)))
            else:
                continue
            pending["person"].update(session.scalars(query))


def _note_changes(session: Session, _context: Any) -> None:
    pending = _pending(session)
    for obj in (*session.new, *session.dirty, *session.deleted):
        if isinstance(obj, Person):
            pending["person"].add(obj.id)
        elif isinstance(obj, EmailAddress | PhoneNumber | NetworkRole):
            pending["person"].add(obj.person_id)
            if isinstance(obj, NetworkRole):
                pending["person"].update(_history_values(obj, "person_id"))
        elif isinstance(obj, Organisation):
            pending["organisation"].add(obj.id)
        elif isinstance(obj, Network):
            pending["network"].add(obj.id)
        elif isinstance(obj, Topic):
            pending["topic"].add(obj.id)
        elif isinstance(obj, ListMembership | Attendance):
            pending["person"].add(obj.person_id)  # list and event filter tags
    for values in pending.values():
        values.discard(None)


def _history_values(obj: Any, attribute: str) -> list[Any]:
    history = inspect(obj).attrs[attribute].history
    return [*(history.deleted or ())]


def refresh_pending(session: Session) -> None:
    """Refresh now the documents of what this session's flushes touched so far (otherwise
    done just before it commits): a bulk writer calls it inside `bulk_writes`."""
    _apply_changes(session)


def _apply_changes(session: Session) -> None:
    session.flush()
    pending = session.info.pop(_PENDING, None)
    if not pending or not any(pending.values()):
        return
    persons = set(pending["person"])
    organisations = set(pending["organisation"])
    networks = set(pending["network"])
    if organisations:
        persons.update(session.scalars(select(Person.id).where(
            Person.organisation_id.in_(organisations))))
    if networks:
        persons.update(session.scalars(select(NetworkRole.person_id).where(
            NetworkRole.network_id.in_(networks))))
    if pending["topic"]:
        topics = pending["topic"]
        persons.update(session.scalars(select(person_topic.c.person_id).where(
            person_topic.c.topic_id.in_(topics))))
        organisations.update(session.scalars(select(organisation_topic.c.organisation_id).where(
            organisation_topic.c.topic_id.in_(topics))))
        networks.update(session.scalars(select(network_topic.c.network_id).where(
            network_topic.c.topic_id.in_(topics))))
    reindex_persons(session, persons)
    reindex_organisations(session, organisations)
    reindex_networks(session, networks)
