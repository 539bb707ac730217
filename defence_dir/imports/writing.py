"""Writing an import's persons in bulk: new persons and updates of matched ones, recorded for undo.

Shared by the spreadsheet and vCard importers. Core INSERT/UPDATE statements per few thousand
persons instead of ORM objects (the ORM took about 7 ms a person), the new persons' search
documents placed in one pass; each change is recorded with its state after the import, so
`seal_batch(..., sealed=("person",))` need not read them again.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, Table, bindparam, func, insert, select, update
from sqlalchemy.orm import Session

from defence_dir.data.bulk_insert import insert_tuples
from defence_dir.data.change_log import BulkLog, logged_in_bulk
from defence_dir.data.models import (
    EmailAddress,
    ImportBatch,
    ImportChange,
    ImportChangeAction,
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
                   person.c.organisation_id).where(person.c.id.in_(ids))):
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

    def rows(self, person_id: int, topic_ids: list[int]) -> list[dict[str, int]]:
        if not topic_ids:
            return []
        if self.ids is None:
            self.ids = set(self.session.scalars(select(Topic.id)))
        return [{"person_id": person_id, "topic_id": t} for t in topic_ids if t in self.ids]


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


def _create_chunk(session: Session, batch: ImportBatch, chunk: Sequence[NewPerson],
                  ids: Sequence[int], organisation_id: Callable[[str | None], int | None],
                  topics: _Topics, created: dict[int, int]) -> list[int]:
    """Write these new persons (adding to `created`); returns the ids given topics."""
    # A file's UID is kept unless a person has it already (one created since the preview,
    # or twice in the items): the UID column is unique.
    wanted = {item.uid for item in chunk if item.uid and len(item.uid) <= UID_LENGTH}
    taken: set[str | None] = set(session.scalars(
        select(Person.uid).where(Person.uid.in_(sorted(wanted))))) if wanted else set()
    values: list[dict[str, Any]] = []
    for item, person_id in zip(chunk, ids, strict=True):
        draft = item.draft
        keep = item.uid is not None and item.uid in wanted and item.uid not in taken
        if keep:
            taken.add(item.uid)
        values.append({
            "id": person_id, "uid": item.uid if keep else str(uuid.uuid4()),
            "salutation": draft.salutation, "title": draft.title,
            "given_name": draft.given_name, "middle_name": draft.middle_name,
            "family_name": draft.family_name, "name_suffix": draft.name_suffix,
            "function": draft.function, "department": draft.department,
            "notes": draft.notes, "organisation_id": organisation_id(item.organisation),
            "version": 1, "import_batch_id": batch.id})
    # Core tables, not ORM classes: the ORM would emit one INSERT per row here.
    connection = session.connection()
    insert_rows(connection, Person.__table__, values)
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
    connection = session.connection()
    ids = _new_person_ids(connection, len(items))
    names = [(pid, item.draft.given_name, item.draft.middle_name, item.draft.family_name)
             for pid, item in zip(ids, items, strict=True)]
    with logged_in_bulk(connection, NEW_ROWS) as log, \
            indexing_new_persons(session, names) as index:
        for start in range(0, len(items), CHUNK):
            if progress is not None and not progress(start, total * 2):
                raise ImportCancelled(_("Import cancelled; nothing was written."))
            chunk_ids = ids[start:start + CHUNK]
            linked = _create_chunk(session, batch, items[start:start + CHUNK], chunk_ids,
                                   organisation_id, topics, created)
            log.rows("person_topic", linked)
            index.written(chunk_ids)  # their documents are built while the next are written
    return created
