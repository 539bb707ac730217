"""Applying a spreadsheet import in one transaction, recorded so it can be undone in one step.

Targets: the directory only, or also a distribution list (membership with consent source =
file and row; an unsubscribed person is never re-subscribed, it is reported) or an event
(attendance status from a column or one for all).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import bindparam, func, insert, select, update
from sqlalchemy.orm import Session

from defence_dir.data.models import (
    Attendance,
    EmailAddress,
    ImportBatch,
    ImportChange,
    ImportChangeAction,
    ListMembership,
    Person,
    PhoneNumber,
    person_topic,
)
from defence_dir.errors import DefenceDirError, NotFoundError, ValidationError
from defence_dir.gc_pause import gc_paused
from defence_dir.i18n import _
from defence_dir.import_records import OrganisationResolver, draft_json, record_change, seal_batch
from defence_dir.memberships import Consent, ConsentSource, SubscribeOutcome, subscribe
from defence_dir.persons import (
    TEXT_FIELDS,
    ConcurrentEditError,
    EmailDraft,
    PersonDraft,
    PhoneDraft,
    merge_drafts,
)
from defence_dir.search.indexer import (
    bulk_writes,
    index_new_persons,
    refresh_pending,
    reindex_persons,
)
from defence_dir.spreadsheet.planning import MatchChoice, RowAction, RowPlan, SpreadsheetPlan


@dataclass
class ImportTarget:
    list_id: int | None = None
    event_id: int | None = None
    status_for_all: str | None = None  # attendance status when the file has no status column


@dataclass
class SpreadsheetResult:
    batch_id: int
    created: int = 0
    updated: int = 0
    skipped: int = 0
    subscribed: int = 0
    suppressed: list[str] = field(default_factory=list)  # names not re-subscribed
    attendances: int = 0


class ImportCancelled(DefenceDirError):
    pass


def _existing_drafts(session: Session, ids: list[int]) -> dict[int, tuple[int, PersonDraft]]:
    """{id: (version, draft)} of these persons read with plain queries (loading ORM objects
    cost more than the rest of an update); phones carry their stored E.164 form."""
    found: dict[int, tuple[int, PersonDraft]] = {}
    person = Person.__table__
    for row in session.connection().execute(
            select(person.c.id, person.c.version, person.c.organisation_id,
                   *(person.c[name] for name in TEXT_FIELDS)).where(person.c.id.in_(ids))):
        found[row.id] = (row.version, PersonDraft(
            **{name: getattr(row, name) for name in TEXT_FIELDS},
            organisation_id=row.organisation_id))
    for person_id, address, kind in session.execute(
            select(EmailAddress.person_id, EmailAddress.address, EmailAddress.kind)
            .where(EmailAddress.person_id.in_(ids)).order_by(EmailAddress.position)):
        found[person_id][1].emails.append(EmailDraft(address, kind))
    for person_id, raw, kind, number in session.execute(
            select(PhoneNumber.person_id, PhoneNumber.raw, PhoneNumber.kind, PhoneNumber.e164)
            .where(PhoneNumber.person_id.in_(ids)).order_by(PhoneNumber.position)):
        found[person_id][1].phones.append(PhoneDraft(raw, kind, number))
    for person_id, topic_id in session.execute(
            select(person_topic.c.person_id, person_topic.c.topic_id)
            .where(person_topic.c.person_id.in_(ids))):
        found[person_id][1].topic_ids.append(topic_id)
    return found


def _update_in_bulk(session: Session, batch: ImportBatch, plan: SpreadsheetPlan,
                    organisation_id: Callable[[str | None], int | None],
                    result: SpreadsheetResult) -> None:
    """Fill in or overwrite matched persons with bulk statements (the ORM took ~7 ms a row);
    counts them in `result`. Each person's version is checked and bumped like any save.

    The merged values need no second validation: the file's were checked in the preview
    (rows with problems are not written) and the stored ones are kept as they are."""
    rows = [r for r in plan.rows if r.action is RowAction.MATCH and r.draft and r.person_id
            and r.choice is not MatchChoice.SKIP]
    changed: set[int] = set()
    connection = session.connection()
    person_table = Person.__table__
    bump = (update(person_table)
            .where(person_table.c.id == bindparam("person_id"),
                   person_table.c.version == bindparam("old_version"))
            .values({**{name: bindparam(name) for name in TEXT_FIELDS},
                     "organisation_id": bindparam("organisation"),
                     "version": bindparam("new_version"), "updated_at": func.now()}))
    for start in range(0, len(rows), 2000):
        chunk = rows[start:start + 2000]
        existing_of = _existing_drafts(session, sorted({r.person_id for r in chunk
                                                        if r.person_id}))
        updates, emails, phones, changes = [], [], [], []
        for row in chunk:
            assert row.draft is not None and row.person_id is not None
            if row.person_id not in existing_of:
                raise NotFoundError(_("A person of this import was deleted meanwhile; "
                                      "please preview again."))
            version, existing = existing_of[row.person_id]
            merged = merge_drafts(existing, row.draft,
                                  overwrite=row.choice is MatchChoice.OVERWRITE)
            if row.organisation and (row.choice is MatchChoice.OVERWRITE
                                     or not existing.organisation_id):
                merged.organisation_id = organisation_id(row.organisation)
            if merged == existing or row.person_id in changed:
                continue
            person_id = row.person_id
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
            changed.add(person_id)
        if updates:
            # One executemany; the summed row count tells whether every version still held.
            done = connection.execute(bump, updates)
            if done.rowcount != len(updates):
                raise ConcurrentEditError(updates[0]["person_id"], updates[0]["old_version"],
                                          None)
        for model, values in ((EmailAddress, emails), (PhoneNumber, phones),
                              (ImportChange, changes)):
            if values:
                connection.execute(insert(model.__table__), values)
    result.updated = len(changed)
    if changed:
        reindex_persons(session, sorted(changed))


def _create_in_bulk(session: Session, batch: ImportBatch, rows: list[RowPlan],
                    organisation_id: Callable[[str | None], int | None],
                    progress: Callable[[int, int], bool] | None,
                    total: int) -> dict[int, int]:
    """New persons with a few bulk statements (the ORM would take minutes for 100,000 rows);
    returns {file row: person id}. Their search documents are placed in one pass."""
    created: dict[int, int] = {}
    for start in range(0, len(rows), 5000):
        if progress is not None and not progress(start, total * 2):
            raise ImportCancelled(_("Import cancelled; nothing was written."))
        chunk = rows[start:start + 5000]
        values = []
        for row in chunk:
            draft = row.draft
            assert draft is not None
            values.append({
                "uid": str(uuid.uuid4()), "salutation": draft.salutation, "title": draft.title,
                "given_name": draft.given_name, "middle_name": draft.middle_name,
                "family_name": draft.family_name, "name_suffix": draft.name_suffix,
                "function": draft.function, "department": draft.department,
                "notes": draft.notes, "organisation_id": organisation_id(row.organisation),
                "version": 1, "import_batch_id": batch.id})
        # Core tables, not ORM classes: the ORM would emit one INSERT per row here.
        connection = session.connection()
        person_table = Person.__table__
        # Ids are matched back by the UIDs we made: asking for them in parameter order would
        # make SQLAlchemy send one INSERT per row on SQLite (it has no other sentinel).
        id_of_uid = dict(connection.execute(insert(person_table).returning(
            person_table.c.uid, person_table.c.id), values).all())
        ids = [id_of_uid[value["uid"]] for value in values]
        emails, phones, changes = [], [], []
        for row, person_id in zip(chunk, ids, strict=True):
            assert row.draft is not None
            created[row.row] = person_id
            emails += [{"person_id": person_id, "address": e.address, "kind": e.kind,
                        "position": i} for i, e in enumerate(row.draft.emails)]
            phones += [{"person_id": person_id, "raw": p.raw, "e164": p.normal_form(),
                        "kind": p.kind, "position": i} for i, p in enumerate(row.draft.phones)]
            changes.append({"batch_id": batch.id, "table_name": "person", "row_id": person_id,
                            "action": ImportChangeAction.CREATED.value,
                            "before_json": '{"version_after": 1}'})
        for model, rows_of in ((EmailAddress, emails), (PhoneNumber, phones),
                               (ImportChange, changes)):
            if rows_of:
                connection.execute(insert(model.__table__), rows_of)
    if created:
        index_new_persons(session, list(created.values()))
    return created


def _link_targets(session: Session, batch: ImportBatch, plan: SpreadsheetPlan,
                  target: ImportTarget, created: dict[int, int], result: SpreadsheetResult,
                  progress: Callable[[int, int], bool] | None) -> None:
    """Subscribe each written or matched person to the target list, or register them for the
    target event; counts skipped matches too."""
    for done, row in enumerate(plan.rows, start=1):
        if progress is not None and done % 200 == 0 and not progress(done, len(plan.rows)):
            raise ImportCancelled(_("Import cancelled; nothing was written."))
        person_id: int | None = created.get(row.row)
        if person_id is None and row.action is RowAction.MATCH and row.person_id:
            person_id = row.person_id
            if row.choice is MatchChoice.SKIP:
                result.skipped += 1
        if person_id is None:
            continue
        if target.list_id is not None and row.consent is not False:
            consent = Consent(kind=ConsentSource.IMPORT,
                              source=_("{file}, row {row}", file=Path(plan.file_name).name,
                                       row=row.row),
                              at=row.consent_at)
            outcome = subscribe(session, target.list_id, person_id, consent,
                                import_batch_id=batch.id)
            if outcome is SubscribeOutcome.SUBSCRIBED:
                session.flush()
                membership_id = session.scalar(select(ListMembership.id).where(
                    ListMembership.list_id == target.list_id,
                    ListMembership.person_id == person_id))
                record_change(session, batch, "list_membership", membership_id)
                result.subscribed += 1
            elif outcome is SubscribeOutcome.SUPPRESSED:
                result.suppressed.append(f"{row.name} ({_('row')} {row.row})")
        if target.event_id is not None:
            status = row.status or target.status_for_all or "registered"
            existing_attendance = session.scalar(select(Attendance).where(
                Attendance.event_id == target.event_id, Attendance.person_id == person_id))
            if existing_attendance is None:
                attendance = Attendance(event_id=target.event_id, person_id=person_id,
                                        status=status, import_batch_id=batch.id)
                session.add(attendance)
                session.flush()
                record_change(session, batch, "attendance", attendance.id)
                result.attendances += 1
            elif existing_attendance.status != status:
                record_change(session, batch, "attendance", existing_attendance.id,
                        {"status": existing_attendance.status})
                existing_attendance.status = status
                result.attendances += 1


def apply_plan(session: Session, plan: SpreadsheetPlan, target: ImportTarget | None = None,
               progress: Callable[[int, int], bool] | None = None) -> SpreadsheetResult:
    """Write the plan in the caller's transaction; `progress(done, total)` returning False
    cancels (ImportCancelled: the caller's rollback leaves the database as before)."""
    with gc_paused():
        return _apply_plan(session, plan, target, progress)


def _apply_plan(session: Session, plan: SpreadsheetPlan, target: ImportTarget | None,
                progress: Callable[[int, int], bool] | None) -> SpreadsheetResult:
    target = target or ImportTarget()
    if target.list_id is not None and target.event_id is not None:
        raise ValidationError(_("Import into a list or an event, not both at once."))
    counts = plan.counts()
    batch = ImportBatch(file_name=Path(plan.file_name).name, sheet=plan.sheet,
                        source_kind="spreadsheet", row_count=len(plan.rows),
                        duplicate_count=counts["duplicate"], invalid_count=counts["invalid"],
                        target_list_id=target.list_id, target_event_id=target.event_id)
    session.add(batch)
    session.flush()
    result = SpreadsheetResult(batch.id)
    organisation_id = OrganisationResolver(session, batch)

    new_rows = [r for r in plan.rows if r.action is RowAction.NEW and r.draft]
    # Every matched person's document may change (its fields, or a list or event tag).
    documents = len(new_rows) + sum(r.action is RowAction.MATCH for r in plan.rows)
    with bulk_writes(session, documents):
        created = _create_in_bulk(session, batch, new_rows, organisation_id, progress,
                                  len(plan.rows))
        result.created = len(created)
        _update_in_bulk(session, batch, plan, organisation_id, result)
        _link_targets(session, batch, plan, target, created, result, progress)
        organisation_id.index_created()
        refresh_pending(session)  # list and event tags, while the FTS triggers may be quiet
    batch.created_count, batch.updated_count = result.created, result.updated
    batch.skipped_count = result.skipped
    seal_batch(session, batch, sealed=("person",))  # written with their after-state
    if progress is not None:
        progress(len(plan.rows), len(plan.rows))
    return result


