"""Taking an import back in one step: delete what it created, restore what it changed.

Written with a few bulk statements per 900 rows, not an ORM object per record: undoing an
import of 100,000 rows took 104 s row by row. The database's ON DELETE CASCADE removes a
deleted person's emails, phones, topics, memberships and attendances.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import CursorResult, bindparam, delete, func, insert, select, update
from sqlalchemy.orm import Session

from defence_dir.data.models import (
    Attendance,
    ConsentRecord,
    EmailAddress,
    ImportBatch,
    ImportChange,
    ImportChangeAction,
    ListMembership,
    NetworkRole,
    Organisation,
    Person,
    PhoneNumber,
    Topic,
    person_topic,
)
from defence_dir.errors import NotFoundError, ValidationError
from defence_dir.gc_pause import gc_paused
from defence_dir.i18n import _
from defence_dir.records.persons import TEXT_FIELDS
from defence_dir.search.indexer import (
    bulk_writes,
    reindex_organisations,
    reindex_persons,
)
from defence_dir.text.contact_values import phone_e164

# Ids per IN list: below the 999 bound parameters of older SQLite builds.
CHUNK = 900
Progress = Callable[[int, int], object]
Changes = dict[tuple[str, bool], list[tuple[int, dict[str, Any]]]]


def _chunks(ids: Sequence[int]) -> Iterator[Sequence[int]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start:start + CHUNK]


def _changes(session: Session, batch_id: int) -> Changes:
    """{(table, created): [(row id, recorded data)]} in the order they were recorded."""
    found: Changes = defaultdict(list)
    for table, row_id, action, before in session.execute(
            select(ImportChange.table_name, ImportChange.row_id, ImportChange.action,
                   ImportChange.before_json)
            .where(ImportChange.batch_id == batch_id).order_by(ImportChange.id)):
        created = action == ImportChangeAction.CREATED.value
        found[table, created].append((row_id, json.loads(before or "{}")))
    return found


def _mismatches(session: Session, column: Any, key_column: Any,
                expected: dict[int, Any]) -> list[int]:
    """Ids whose `column` no longer has the value recorded after the import (None: unknown).

    The rows are locked until the undo commits (FOR UPDATE on a server database; SQLite's
    single writer needs none), so no edit can slip in between this check and the undo."""
    known = {i: v for i, v in expected.items() if v is not None}
    changed = []
    for chunk in _chunks(sorted(known)):
        for row_id, value in session.execute(select(key_column, column)
                                              .where(key_column.in_(chunk))
                                              .with_for_update()):
            if value != known[row_id]:
                changed.append(row_id)
    return changed


def _later_edits(session: Session, changes: Changes) -> list[str]:
    """What was changed after the import and would be lost by undoing it."""
    found: list[str] = []
    persons = {row_id: data.get("version_after")
               for table_created in (("person", True), ("person", False))
               for row_id, data in changes.get(table_created, [])}
    for person_id in _mismatches(session, Person.version, Person.id, persons):
        person = session.get(Person, person_id)
        assert person is not None
        found.append(person.display_name)
    attendances = {row_id: data.get("status_after")
                   for row_id, data in changes.get(("attendance", True), [])
                   + changes.get(("attendance", False), [])}
    for attendance_id in _mismatches(session, Attendance.status, Attendance.id, attendances):
        attendance = session.get(Attendance, attendance_id)
        assert attendance is not None
        found.append(_("attendance of {name}", name=attendance.person.display_name))
    memberships = {row_id: data.get("history_after")
                   for row_id, data in changes.get(("list_membership", True), [])}
    history = (select(ConsentRecord.membership_id, func.count())
               .group_by(ConsentRecord.membership_id).subquery())
    counted: dict[int, int] = {}
    for chunk in _chunks(sorted(memberships)):
        counted.update(session.execute(
            select(ListMembership.id, func.coalesce(history.c[1], 0))
            .outerjoin(history, history.c.membership_id == ListMembership.id)
            .where(ListMembership.id.in_(chunk))
            .with_for_update(of=ListMembership.__table__)).all())
    for membership_id, after in memberships.items():
        if membership_id in counted and after is not None and counted[membership_id] != after:
            membership = session.get(ListMembership, membership_id)
            assert membership is not None
            found.append(_("list membership of {name}", name=membership.person.display_name))
    found += _added_to_created_persons(session, changes)
    return found


def _added_to_created_persons(session: Session, changes: Changes) -> list[str]:
    """Memberships, attendances and network roles given since to persons this import
    created: deleting those persons would take them along (with their consent records),
    and none of these changes a person's version."""
    own = {table: {row_id for created in (True, False)
                   for row_id, _data in changes.get((table, created), [])}
           for table in ("list_membership", "attendance")}
    found: list[str] = []
    created = [row_id for row_id, _data in changes.get(("person", True), [])]
    for chunk in _chunks(created):
        for model, table, label in (
                (ListMembership, "list_membership", _("list membership of {name}")),
                (Attendance, "attendance", _("attendance of {name}")),
                (NetworkRole, None, _("network role of {name}"))):
            for row_id, person_id in session.execute(
                    select(model.id, model.person_id).where(model.person_id.in_(chunk))
                    .with_for_update()):
                if table is None or row_id not in own[table]:
                    person = session.get(Person, person_id)
                    assert person is not None
                    found.append(label.format(name=person.display_name))
    return found


def _delete(session: Session, model: Any, ids: Sequence[int]) -> int:
    deleted = 0
    for chunk in _chunks(ids):
        result = session.execute(delete(model).where(model.id.in_(chunk)),
                                 execution_options={"synchronize_session": False})
        deleted += cast("CursorResult[Any]", result).rowcount
    return deleted


def _persons_of(session: Session, model: Any, ids: Sequence[int]) -> set[int]:
    persons: set[int] = set()
    for chunk in _chunks(ids):
        persons.update(session.scalars(select(model.person_id).where(model.id.in_(chunk))))
    return persons


def _restore_children(session: Session, table: Any, key: str, ids: Sequence[int],
                      wanted: dict[int, list[dict[str, Any]]]) -> None:
    """Make these persons' emails or phones (`key`: address or raw) the recorded ones: rows
    still there keep their id (only kind and position put back), added ones go, missing
    ones come back."""
    connection = session.connection()
    stale, moved = [], []
    for row in connection.execute(select(table).where(table.c.person_id.in_(ids))):
        recorded = {item[key]: item for item in wanted.get(row.person_id, [])}
        item = recorded.pop(row._mapping[key], None)
        if item is None:
            stale.append(row.id)
            continue
        wanted[row.person_id].remove(item)
        if (row.kind, row.position) != (item["kind"], item["position"]):
            moved.append({"row_id": row.id, "kind": item["kind"], "position": item["position"]})
    for part in _chunks(stale):
        connection.execute(delete(table).where(table.c.id.in_(part)))
    if moved:
        connection.execute(update(table).where(table.c.id == bindparam("row_id")).values(
            kind=bindparam("kind"), position=bindparam("position")), moved)
    missing = [{"person_id": person_id, **item} for person_id, items in wanted.items()
               for item in items]
    if key == "raw":  # a phone that comes back gets its normal form again
        missing = [{**item, "e164": phone_e164(item["raw"])} for item in missing]
    if missing:
        connection.execute(insert(table), missing)


def _restore_persons(session: Session, restored: list[tuple[int, dict[str, Any]]]) -> int:
    """Put back the recorded values of these persons (as stored then, not re-validated), with
    their emails, phones and topics; each person's version is bumped like any save."""
    connection = session.connection()
    table = Person.__table__
    put_back = (update(table).where(table.c.id == bindparam("person_id"))
                .values({**{name: bindparam(name) for name in TEXT_FIELDS},
                         "organisation_id": bindparam("organisation"),
                         "version": table.c.version + 1, "updated_at": func.now()}))
    count = 0
    for start in range(0, len(restored), CHUNK):
        chunk = restored[start:start + CHUNK]
        # A person deleted (erased) since stays deleted; a topic or organisation deleted
        # since cannot come back with them (deleting it unlinked its persons, too).
        existing = set(session.scalars(select(Person.id).where(
            Person.id.in_([person_id for person_id, _data in chunk]))))
        chunk = [(person_id, data) for person_id, data in chunk if person_id in existing]
        if not chunk:
            continue
        ids = [person_id for person_id, _data in chunk]
        topic_ids = set(session.scalars(select(Topic.id).where(Topic.id.in_(
            {t for _id, data in chunk for t in data.get("topic_ids", [])}))))
        organisation_ids = set(session.scalars(select(Organisation.id).where(
            Organisation.id.in_({data.get("organisation_id") for _id, data in chunk}
                                - {None}))))
        values, topics = [], []
        emails: dict[int, list[dict[str, Any]]] = {}
        phones: dict[int, list[dict[str, Any]]] = {}
        for person_id, data in chunk:
            organisation = data.get("organisation_id")
            values.append({**{name: data.get(name) for name in TEXT_FIELDS},
                           "organisation": organisation if organisation in organisation_ids
                           else None, "person_id": person_id})
            emails[person_id] = [{"address": e["address"], "kind": e["kind"], "position": i}
                                 for i, e in enumerate(data.get("emails", []))]
            phones[person_id] = [{"raw": p["raw"], "kind": p["kind"], "position": i}
                                 for i, p in enumerate(data.get("phones", []))]
            topics += [{"person_id": person_id, "topic_id": topic_id}
                       for topic_id in data.get("topic_ids", []) if topic_id in topic_ids]
        count += connection.execute(put_back, values).rowcount
        _restore_children(session, EmailAddress.__table__, "address", ids, emails)
        _restore_children(session, PhoneNumber.__table__, "raw", ids, phones)
        connection.execute(delete(person_topic).where(person_topic.c.person_id.in_(ids)))
        if topics:
            connection.execute(insert(person_topic), topics)
    return count


def undo_import(session: Session, batch_id: int,
                progress: Progress | None = None) -> dict[str, int]:
    """Take an import back in the caller's transaction. Refuses, and changes nothing, if
    records were edited after the import (that work would be lost). `progress(done, total)`
    may raise to cancel: the caller's rollback then leaves everything as it was."""
    with gc_paused():
        return _undo_import(session, batch_id, progress)


def _undo_import(session: Session, batch_id: int, progress: Progress | None) -> dict[str, int]:
    batch = session.get(ImportBatch, batch_id)
    if batch is None:
        raise NotFoundError(_("There is no import {id}.", id=batch_id))
    if batch.undone_at is not None:
        raise ValidationError(_("Import {id} was already undone.", id=batch_id))
    changes = _changes(session, batch_id)
    edited = _later_edits(session, changes)
    if edited:
        shown = ", ".join(edited[:5]) + (" …" if len(edited) > 5 else "")
        raise ValidationError(_("Import {id} cannot be undone: {count} records were changed "
                                "since ({names}); undoing would lose those changes.",
                                id=batch_id, count=len(edited), names=shown))

    def ids(table: str, created: bool) -> list[int]:
        return [row_id for row_id, _data in changes.get((table, created), [])]

    total = sum(len(rows) for rows in changes.values())
    done = 0

    def step(count: int) -> None:
        nonlocal done
        done += count
        if progress is not None:
            progress(done, total)

    counts = {"deleted": 0, "restored": 0}
    created_persons, restored = ids("person", True), changes.get(("person", False), [])
    # Persons whose list or event tags change with their attendances and memberships.
    tagged = (_persons_of(session, Attendance, ids("attendance", True) + ids("attendance", False))
              | _persons_of(session, ListMembership, ids("list_membership", True)))
    step(0)
    # Mostly removals when the import created persons: see bulk_writes.
    with bulk_writes(session, len(created_persons) + len(restored) + len(tagged),
                     removing=len(created_persons) > len(restored)):
        counts["deleted"] += _delete(session, Attendance, ids("attendance", True))
        counts["deleted"] += _delete(session, ListMembership, ids("list_membership", True))
        statuses = [{"attendance_id": row_id, "status": data["status"]}
                    for row_id, data in changes.get(("attendance", False), [])]
        if statuses:
            table = Attendance.__table__
            counts["restored"] += session.connection().execute(
                update(table).where(table.c.id == bindparam("attendance_id"))
                .values(status=bindparam("status")), statuses).rowcount
        step(sum(len(changes.get((table, created), [])) for table in
                 ("attendance", "list_membership") for created in (True, False)))
        for start in range(0, len(restored), CHUNK):
            counts["restored"] += _restore_persons(session, restored[start:start + CHUNK])
            step(len(restored[start:start + CHUNK]))
        for chunk in _chunks(created_persons):
            counts["deleted"] += _delete(session, Person, chunk)
            step(len(chunk))
        # Organisations last, and only those no person belongs to any more.
        organisations = ids("organisation", True)
        unused = []
        for chunk in _chunks(organisations):
            used = set(session.scalars(select(Person.organisation_id)
                                       .where(Person.organisation_id.in_(chunk))))
            unused += [organisation_id for organisation_id in chunk if organisation_id not in used]
        counts["deleted"] += _delete(session, Organisation, unused)
        reindex_persons(session, [*created_persons, *(i for i, _d in restored), *tagged])
        reindex_organisations(session, unused)
    batch.undone_at = datetime.now(UTC).replace(tzinfo=None)
    session.flush()
    session.expire_all()
    step(total - done)
    return counts
