"""Writing an import's persons in bulk: new persons and updates of matched ones, recorded for undo.

Shared by the spreadsheet and vCard importers. Core INSERT/UPDATE statements per few thousand
persons instead of ORM objects (the ORM took about 7 ms a person), the new persons' search
documents placed in one pass; each change is recorded with its state after the import, so
`seal_batch(..., sealed=("person",))` need not read them again.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, Table, bindparam, func, insert, select, update
from sqlalchemy.orm import Session

from defence_dir.data.bulk_insert import insert_tuples
from defence_dir.data.change_log import BulkLog, logged_in_bulk
from defence_dir.data.insert_pipeline import pipelined_inserts
from defence_dir.data.models import (
    EmailAddress,
    ImportBatch,
    ImportChange,
    ImportChangeAction,
    Organisation,
    Person,
    PhoneNumber,
    Topic,
    person_topic,
)
from defence_dir.errors import DefenceDirError, NotFoundError
from defence_dir.i18n import _
from defence_dir.imports.batches import draft_json
from defence_dir.records.persons import (
    TEXT_FIELDS,
    ConcurrentEditError,
    EmailDraft,
    PersonDraft,
    PhoneDraft,
    merge_drafts,
)
from defence_dir.search.documents import PersonRows
from defence_dir.search.indexer import reindex_persons
from defence_dir.search.new_persons import BATCH as CHUNK
from defence_dir.search.new_persons import indexing_new_persons

# The longest UID the person table holds (String(100)); a longer one from a file is not kept.
UID_LENGTH = 100


# Tables an import adds rows to: logged for offline copies by id range (see change_log).
NEW_ROWS = ("person", "email_address", "phone_number", "organisation")


class ImportCancelled(DefenceDirError):
    pass


@dataclass(slots=True)
class NewPerson:
    key: int  # the caller's handle (file row, card number); the result maps it to the id
    draft: PersonDraft
    organisation: str | None = None
    uid: str | None = None  # kept if given (a vCard's UID), else a new one


@dataclass(slots=True)
class PersonUpdate:
    person_id: int
    draft: PersonDraft  # what the file says; merged with the stored values when written
    organisation: str | None = None
    overwrite: bool = False


def insert_rows(connection: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert rows that all name the same columns (every column without a Python default).

    On SQLite many rows per statement (data.bulk_insert); SQLAlchemy's per-row parameter work
    also cost more than SQLite's own for the 300,000 rows of a 100,000-card import."""
    if not rows:
        return
    if connection.dialect.name != "sqlite":
        connection.execute(insert(table), rows)
        return
    columns = list(rows[0])
    insert_tuples(connection, table.name, columns, map(itemgetter(*columns), rows)
                  if len(columns) > 1 else ((row[columns[0]],) for row in rows))


def existing_drafts(session: Session, ids: Sequence[int]) -> dict[int, tuple[int, PersonDraft]]:
    """{id: (version, draft)} of these persons read with plain queries (loading ORM objects
    cost more than the rest of an update); phones carry their stored E.164 form."""
    found: dict[int, tuple[int, PersonDraft]] = {}
    person = Person.__table__
    connection = session.connection()
    # Positional: PersonDraft's fields are TEXT_FIELDS, then organisation_id (a dict per row
    # cost a second for the 100,000 persons of a re-imported export).
    for person_id, version, *values in connection.execute(
            select(person.c.id, person.c.version, *(person.c[name] for name in TEXT_FIELDS),
                   person.c.organisation_id).where(person.c.id.in_(ids))).all():
        found[person_id] = (version, PersonDraft(*values))
    for person_id, address, kind in connection.execute(
            select(EmailAddress.person_id, EmailAddress.address, EmailAddress.kind)
            .where(EmailAddress.person_id.in_(ids)).order_by(EmailAddress.position)).all():
        found[person_id][1].emails.append(EmailDraft(address, kind))
    for person_id, raw, kind, number in connection.execute(
            select(PhoneNumber.person_id, PhoneNumber.raw, PhoneNumber.kind, PhoneNumber.e164)
            .where(PhoneNumber.person_id.in_(ids)).order_by(PhoneNumber.position)).all():
        found[person_id][1].phones.append(PhoneDraft(raw, kind, number))
    for person_id, topic_id in connection.execute(
            select(person_topic.c.person_id, person_topic.c.topic_id)
            .where(person_topic.c.person_id.in_(ids))).all():
        found[person_id][1].topic_ids.append(topic_id)
    return found


class _Topics:
    """Topic ids that still exist (one may have been deleted since the preview)."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.ids: set[int] | None = None
        self.names: dict[int, str] = {}

    def load(self) -> set[int]:
        if self.ids is None:
            self.names = {topic_id: name for topic_id, name in self.session.execute(
                select(Topic.id, Topic.name))}
            self.ids = set(self.names)
        return self.ids

    def rows(self, person_id: int, topic_ids: list[int]) -> list[dict[str, int]]:
        if not topic_ids:
            return []
        ids = self.load()
        return [{"person_id": person_id, "topic_id": t} for t in topic_ids if t in ids]


def update_persons(session: Session, batch: ImportBatch, items: Sequence[PersonUpdate],
                   organisation_id: Callable[[str | None], int | None]) -> set[int]:
    """Fill in or overwrite matched persons with bulk statements; returns the ids changed.
    Each person's version is checked and bumped like any save; a person listed twice is
    written once.

    The merged values need no second validation: the file's were checked in the preview
    (items with problems are not written) and the stored ones are kept as they are."""
    changed: set[int] = set()
    connection = session.connection()
    person_table = Person.__table__
    topics = _Topics(session)
    bump = (update(person_table)
            .where(person_table.c.id == bindparam("person_id"),
                   person_table.c.version == bindparam("old_version"))
            .values({**{name: bindparam(name) for name in TEXT_FIELDS},
                     "organisation_id": bindparam("organisation"),
                     "version": bindparam("new_version"), "updated_at": func.now()}))
    with logged_in_bulk(connection, NEW_ROWS) as log:
        for start in range(0, len(items), 2000):
            _update_chunk(session, batch, items[start:start + 2000], organisation_id, bump,
                          topics, changed, log)
    if changed:
        reindex_persons(session, sorted(changed))
    return changed


def _update_chunk(session: Session, batch: ImportBatch, chunk: Sequence[PersonUpdate],
                  organisation_id: Callable[[str | None], int | None], bump: Any,
                  topics: _Topics, changed: set[int], log: BulkLog) -> None:
    connection = session.connection()
    existing_of = existing_drafts(session, sorted({item.person_id for item in chunk}))
    updates, emails, phones, links, changes = [], [], [], [], []
    for item in chunk:
        if item.person_id not in existing_of:
            raise NotFoundError(_("A person of this import was deleted meanwhile; "
                                  "please preview again."))
        version, existing = existing_of[item.person_id]
        merged = merge_drafts(existing, item.draft, overwrite=item.overwrite)
        if item.organisation and (item.overwrite or not existing.organisation_id):
            merged.organisation_id = organisation_id(item.organisation)
        if merged == existing or item.person_id in changed:
            continue
        person_id = item.person_id
        changes.append({"batch_id": batch.id, "table_name": "person", "row_id": person_id,
                        "action": ImportChangeAction.UPDATED.value,
                        "before_json": json.dumps({**draft_json(existing),
                                                   "version_after": version + 1},
                                                  ensure_ascii=False)})
        updates.append({**{name: getattr(merged, name) for name in TEXT_FIELDS},
                        "organisation": merged.organisation_id, "person_id": person_id,
                        "old_version": version, "new_version": version + 1})
        known = {e.address for e in existing.emails}
        emails += [{"person_id": person_id, "address": e.address, "kind": e.kind,
                    "position": i} for i, e in enumerate(merged.emails)
                   if e.address not in known]
        raws = {p.raw for p in existing.phones}
        phones += [{"person_id": person_id, "raw": p.raw, "e164": p.normal_form(),
                    "kind": p.kind, "position": i} for i, p in enumerate(merged.phones)
                   if p.raw not in raws]
        links += topics.rows(person_id, [t for t in merged.topic_ids
                                         if t not in existing.topic_ids])
        changed.add(person_id)
    if updates:
        # One executemany; the summed row count tells whether every version still held.
        done = connection.execute(bump, updates)
        if done.rowcount != len(updates):
            raise ConcurrentEditError(updates[0]["person_id"], updates[0]["old_version"],
                                      None)
    for table, values in ((EmailAddress.__table__, emails),
                          (PhoneNumber.__table__, phones), (person_topic, links),
                          (ImportChange.__table__, changes)):
        insert_rows(connection, table, values)
    log.rows("person", [row["person_id"] for row in updates])
    log.rows("person_topic", [row["person_id"] for row in links])


def _new_person_ids(connection: Connection, count: int) -> list[int]:
    """Ids for `count` new persons, given before they are written (their search documents
    are placed from names and ids first), in increasing order."""
    if count == 0:
        return []
    if connection.dialect.name == "sqlite":
        # The write lock is this transaction's: ids follow the largest, as SQLite would give
        # them (nothing else adds persons until the import ends).
        first = connection.exec_driver_sql("SELECT coalesce(max(id), 0) FROM person") \
            .scalar_one() + 1
        return list(range(first, first + count))
    # Taken from the column's own sequence, as an INSERT would take them.
    return sorted(connection.execute(
        select(func.nextval(func.pg_get_serial_sequence("person", "id")))
        .select_from(func.generate_series(1, count))).scalars())


def _person_uids(session: Session, items: Sequence[NewPerson]) -> list[str]:
    """The UID each new person gets: the file's, unless a person has it already (one created
    since the preview, or twice in the items: the UID column is unique), else a new one."""
    wanted = {item.uid for item in items if item.uid and len(item.uid) <= UID_LENGTH}
    ordered = sorted(wanted)
    taken: set[str | None] = set()
    for start in range(0, len(ordered), CHUNK):
        taken.update(session.scalars(select(Person.uid).where(
            Person.uid.in_(ordered[start:start + CHUNK]))))
    uids = []
    for item in items:
        keep = item.uid is not None and item.uid in wanted and item.uid not in taken
        if keep:
            taken.add(item.uid)
        uids.append(item.uid if keep and item.uid is not None else str(uuid.uuid4()))
    return uids


def _create_chunk(connection: Connection, batch: ImportBatch, chunk: Sequence[NewPerson],
                  ids: Sequence[int], uids: Sequence[str], organisation_ids: Sequence[int | None],
                  topics: _Topics, created: dict[int, int]) -> list[int]:
    """Write these new persons (adding to `created`); returns the ids given topics. Only
    INSERTs: they run beside the caller's next work (data.insert_pipeline), which must not
    read them back meanwhile (`_rows_written` says what they are)."""
    # Core tables, not ORM classes: the ORM would emit one INSERT per row here.
    insert_rows(connection, Person.__table__, [{
        "id": person_id, "uid": uid, "salutation": draft.salutation, "title": draft.title,
        "given_name": draft.given_name, "middle_name": draft.middle_name,
        "family_name": draft.family_name, "name_suffix": draft.name_suffix,
        "function": draft.function, "department": draft.department, "notes": draft.notes,
        "organisation_id": organisation, "version": 1, "import_batch_id": batch.id}
        for person_id, uid, organisation, draft in zip(
            ids, uids, organisation_ids, (item.draft for item in chunk), strict=True)])
    emails, phones, links, changes = [], [], [], []
    for item, person_id in zip(chunk, ids, strict=True):
        created[item.key] = person_id
        emails += [{"person_id": person_id, "address": e.address, "kind": e.kind,
                    "position": i} for i, e in enumerate(item.draft.emails)]
        phones += [{"person_id": person_id, "raw": p.raw, "e164": p.normal_form(),
                    "kind": p.kind, "position": i} for i, p in enumerate(item.draft.phones)]
        links += topics.rows(person_id, item.draft.topic_ids)
        changes.append({"batch_id": batch.id, "table_name": "person", "row_id": person_id,
                        "action": ImportChangeAction.CREATED.value,
                        "before_json": '{"version_after": 1}'})
    for table, rows_of in ((EmailAddress.__table__, emails),
                           (PhoneNumber.__table__, phones), (person_topic, links),
                           (ImportChange.__table__, changes)):
        insert_rows(connection, table, rows_of)
    return [row["person_id"] for row in links]


def create_persons(session: Session, batch: ImportBatch, items: Sequence[NewPerson],
                   organisation_id: Callable[[str | None], int | None],
                   progress: Callable[[int, int], bool] | None = None,
                   total: int = 0) -> dict[int, int]:
    """New persons with a few bulk statements (the ORM would take minutes for 100,000);
    returns {key: person id}. Their search documents are placed in one pass.
    `progress(done, total * 2)` is asked per 5,000; False cancels (ImportCancelled)."""
    created: dict[int, int] = {}
    topics = _Topics(session)
    topics.load()
    connection = session.connection()
    # Everything that reads or creates other rows first: the persons' own rows are then
    # written while the next are prepared.
    ids = _new_person_ids(connection, len(items))
    uids = _person_uids(session, items)
    organisation_ids = [organisation_id(item.organisation) for item in items]
    names = [(pid, item.draft.given_name, item.draft.middle_name, item.draft.family_name)
             for pid, item in zip(ids, items, strict=True)]
    linked: list[int] = []
    organisations = _organisation_rows(session, organisation_ids)
    with pipelined_inserts(connection), logged_in_bulk(connection, NEW_ROWS) as log, \
            indexing_new_persons(session, names) as index:
        for start in range(0, len(items), CHUNK):
            if progress is not None and not progress(start, total * 2):
                raise ImportCancelled(_("Import cancelled; nothing was written."))
            end = start + CHUNK
            chunk, chunk_ids = items[start:end], ids[start:end]
            linked += _create_chunk(connection, batch, chunk, chunk_ids, uids[start:end],
                                    organisation_ids[start:end], topics, created)
            # Their documents are built while the next are written.
            index.written(chunk_ids, _rows_written(chunk, chunk_ids,
                                                   organisation_ids[start:end],
                                                   organisations, topics))
        log.rows("person_topic", linked)
    return created


def _organisation_rows(session: Session, ids: Iterable[int | None],
                       ) -> dict[int, tuple[str, str | None, str | None]]:
    """(name, city, postal code) of these organisations."""
    wanted = sorted({org_id for org_id in ids if org_id is not None})
    found: dict[int, tuple[str, str | None, str | None]] = {}
    for start in range(0, len(wanted), CHUNK):
        for org_id, name, city, postal_code in session.execute(
                select(Organisation.id, Organisation.name, Organisation.city,
                       Organisation.postal_code)
                .where(Organisation.id.in_(wanted[start:start + CHUNK]))):
            found[org_id] = (name, city, postal_code)
    return found


def _rows_written(chunk: Sequence[NewPerson], ids: Sequence[int],
                  organisation_ids: Sequence[int | None],
                  organisations: dict[int, tuple[str, str | None, str | None]],
                  topics: _Topics) -> PersonRows:
    """The rows `person_rows` would read back for these new persons, from what was written:
    reading them back would wait for the writing (tests compare both)."""
    rows = PersonRows([], {}, {}, {}, {}, {}, {})
    for item, person_id, org_id in zip(chunk, ids, organisation_ids, strict=True):
        draft = item.draft
        name, city, postal_code = organisations[org_id] if org_id is not None \
            else (None, None, None)
        rows.persons.append((person_id, draft.given_name, draft.middle_name, draft.family_name,
                             draft.name_suffix, draft.function, draft.department, draft.notes,
                             name, city, postal_code, org_id))
        if draft.emails:
            rows.emails[person_id] = [e.address for e in draft.emails]
        if draft.phones:
            rows.phones[person_id] = [(p.normal_form(), p.raw) for p in draft.phones]
        topic_ids = sorted({t for t in draft.topic_ids if t in topics.load()})
        if topic_ids:
            rows.topics[person_id] = [topics.names[t] for t in topic_ids]
            rows.tags[person_id] = [f"t{t}" for t in topic_ids]
    return rows
