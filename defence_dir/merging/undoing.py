"""Taking merges back in the caller's transaction: every row of the persons as it was before,
ids included, unless the kept person changed since or the old ids were taken meanwhile."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Table, bindparam, delete, insert, select, update
from sqlalchemy.orm import Session

from defence_dir.data.models import (
    Attendance,
    AuditEntry,
    ConsentRecord,
    DistributionList,
    EmailAddress,
    Event,
    ImportBatch,
    ListMembership,
    Network,
    NetworkRole,
    Organisation,
    Person,
    PersonMerge,
    PhoneNumber,
    Topic,
    person_topic,
)
from defence_dir.errors import DefenceDirError, NotFoundError, ValidationError
from defence_dir.i18n import _
from defence_dir.merging import rows as row_store
from defence_dir.merging.rows import Row
from defence_dir.search.indexer import bulk_writes, reindex_persons

# Columns of restored rows that point at records the merge did not touch.
_REFERENCES: tuple[tuple[str, str, Any], ...] = (
    ("person", "organisation_id", Organisation),
    ("person_topic", "topic_id", Topic),
    ("network_role", "network_id", Network),
    ("list_membership", "list_id", DistributionList),
    ("attendance", "event_id", Event),
)


class UndoRefusedError(DefenceDirError):
    """The merge cannot be taken back exactly; nothing was changed."""


def _records(session: Session, merge_ids: Sequence[int]) -> list[PersonMerge]:
    if len(set(merge_ids)) < len(merge_ids):
        raise ValidationError(_("A merge is named twice."))
    found = {m.id: m for m in session.scalars(
        select(PersonMerge).where(PersonMerge.id.in_(list(merge_ids))))}
    for merge_id in merge_ids:
        record = found.get(merge_id)
        if record is None:
            raise NotFoundError(_("There is no merge {id} (or its kept person was erased).",
                                  id=merge_id))
        if record.undone_at is not None:
            raise UndoRefusedError(_("Merge {id} was already taken back.", id=merge_id))
    return [found[i] for i in merge_ids]


def undo(session: Session, merge_ids: Sequence[int]) -> list[int]:
    """Take the merges back; returns the ids of every person restored or reset."""
    records = _records(session, merge_ids)
    stored = [json.loads(r.before_json) for r in records]
    kept = [r.kept_person_id for r in records]
    _check_unchanged(session, records, stored)
    connection = session.connection()
    # The kept persons' rows as the merge left them go; their rows from before come back.
    for chunk in row_store.chunks(sorted(kept)):
        memberships = select(ListMembership.id).where(ListMembership.person_id.in_(chunk))
        connection.execute(delete(ConsentRecord).where(
            ConsentRecord.membership_id.in_(memberships)))
        for model in (EmailAddress, PhoneNumber, NetworkRole, ListMembership, Attendance):
            connection.execute(delete(model).where(model.person_id.in_(chunk)))
        connection.execute(delete(person_topic).where(person_topic.c.person_id.in_(chunk)))
    restored: dict[str, list[Row]] = {t.name: [] for t in row_store.ALL_TABLES}
    for data in stored:
        for name, table_rows in data["rows"].items():
            restored[name] += row_store.decoded(name, table_rows)
    kept_set = set(kept)
    kept_rows = [r for r in restored["person"] if r["id"] in kept_set]
    restored["person"] = [r for r in restored["person"] if r["id"] not in kept_set]
    _check_free(session, records, restored)
    _check_references(session, [*kept_rows, *restored["person"]], restored)
    _clear_gone_batches(session, restored, kept_rows)
    people = Person.__table__
    connection.execute(
        update(people).where(people.c.id == bindparam("row_id")).values(
            {c.name: bindparam(f"v_{c.name}") for c in people.columns if c.name != "id"}),
        [{"row_id": r["id"], **{f"v_{k}": v for k, v in r.items() if k != "id"}}
         for r in kept_rows])
    for table in row_store.ALL_TABLES:
        if restored[table.name]:
            connection.execute(insert(table), restored[table.name])
    now = datetime.now(UTC).replace(tzinfo=None)
    merges = PersonMerge.__table__
    connection.execute(update(merges).where(merges.c.id.in_(list(merge_ids)))
                       .values(undone_at=now))
    session.execute(insert(AuditEntry.__table__), [
        {"action": "merge_undone", "subject": f"person #{record.kept_person_id}",
         "detail": json.dumps({"merge": record.id,
                               "restored": json.loads(record.merged_ids_json)})}
        for record in records])
    persons = sorted({pid for data in stored for pid in data["group"]})
    with bulk_writes(session, len(persons)):
        reindex_persons(session, persons)
    return persons


def _check_unchanged(session: Session, records: list[PersonMerge],
                     stored: list[dict[str, Any]]) -> None:
    kept = [r.kept_person_id for r in records]
    if len(set(kept)) < len(kept):
        raise UndoRefusedError(_("These merges kept the same person: take them back one at a "
                                 "time, the latest first."))
    now = row_store.split_by_person(row_store.own_rows(session, kept), kept)
    for record, data in zip(records, stored, strict=True):
        current = now[record.kept_person_id]
        if (not current["person"] or current["person"][0]["version"] != record.kept_version
                or row_store.digest(current) != data["after"]):
            raise UndoRefusedError(_(
                "Merge {id} cannot be taken back: person {person} was changed since, and "
                "those changes would be lost.", id=record.id, person=record.kept_person_id))


def _taken(session: Session, table: Table, ids: list[int]) -> int | None:
    for chunk in row_store.chunks(sorted(ids)):
        found = session.execute(select(table.c.id).where(table.c.id.in_(chunk)).limit(1)
                                ).scalar()
        if found is not None:
            return int(found)
    return None


def _check_free(session: Session, records: list[PersonMerge],
                restored: dict[str, list[Row]]) -> None:
    """Refuse when a record made since the merge took a restored row's id (or a UID)."""
    person = _taken(session, Person.__table__, [r["id"] for r in restored["person"]])
    if person is not None:
        raise UndoRefusedError(_(
            "The merge cannot be taken back: the number {person} of a merged person has been "
            "given to a new person since.", person=person))
    uids = [r["uid"] for r in restored["person"]]
    if uids and session.execute(select(Person.id).where(Person.uid.in_(uids)).limit(1)).first():
        raise UndoRefusedError(_("The merge cannot be taken back: a person with the UID of a "
                                 "merged person was added since."))
    for table in row_store.ALL_TABLES:
        if table.name in ("person", "person_topic") or not restored[table.name]:
            continue
        if _taken(session, table, [r["id"] for r in restored[table.name]]) is not None:
            raise UndoRefusedError(_(
                "The merge cannot be taken back: records added since took the numbers of "
                "the merged persons' records."))
    del records


def _check_references(session: Session, persons: list[Row],
                      restored: dict[str, list[Row]]) -> None:
    for table_name, column, model in _REFERENCES:
        rows = persons if table_name == "person" else restored[table_name]
        wanted = sorted({r[column] for r in rows if r[column] is not None})
        existing: set[int] = set()
        for chunk in row_store.chunks(wanted):
            existing.update(session.scalars(select(model.id).where(model.id.in_(chunk))))
        if set(wanted) - existing:
            raise UndoRefusedError(_(
                "The merge cannot be taken back: an organisation, network, technology field, "
                "list or event its persons belonged to was deleted since."))


def _clear_gone_batches(session: Session, restored: dict[str, list[Row]],
                        kept_rows: list[Row]) -> None:
    """An import batch deleted meanwhile: the link goes, as its deletion did for the rest."""
    linked = [*kept_rows, *(r for rows in restored.values() for r in rows
                            if "import_batch_id" in r)]
    wanted = sorted({r["import_batch_id"] for r in linked if r.get("import_batch_id")})
    existing: set[int] = set()
    for chunk in row_store.chunks(wanted):
        existing.update(session.scalars(select(ImportBatch.id).where(ImportBatch.id.in_(chunk))))
    for row in linked:
        if row.get("import_batch_id") and row["import_batch_id"] not in existing:
            row["import_batch_id"] = None
