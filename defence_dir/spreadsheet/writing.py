"""Applying a spreadsheet import in one transaction, recorded so it can be undone in one step.

Targets: the directory only, or also a distribution list (membership with consent source =
file and row; an unsubscribed person is never re-subscribed, it is reported) or an event
(attendance status from a column or one for all).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from defence_dir.data.models import (
    Attendance,
    ImportBatch,
    ImportChange,
    ImportChangeAction,
    ListMembership,
    Organisation,
    Person,
)
from defence_dir.errors import NotFoundError, ValidationError
from defence_dir.i18n import _
from defence_dir.memberships import Consent, ConsentSource, SubscribeOutcome, subscribe
from defence_dir.persons import (
    EmailDraft,
    PersonDraft,
    PhoneDraft,
    create_person,
    draft_of,
    update_person,
)
from defence_dir.spreadsheet.planning import MatchChoice, RowAction, SpreadsheetPlan


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


def _merge(existing: PersonDraft, incoming: PersonDraft, overwrite: bool) -> PersonDraft:
    merged = replace(existing, emails=list(existing.emails), phones=list(existing.phones))
    for name in ("salutation", "title", "given_name", "family_name", "function", "department",
                 "notes"):
        new = getattr(incoming, name)
        if new and (overwrite or not getattr(existing, name)):
            setattr(merged, name, new)
    known = {e.address.casefold() for e in merged.emails}
    merged.emails += [e for e in incoming.emails if e.address.casefold() not in known]
    raws = {p.raw for p in merged.phones}
    merged.phones += [p for p in incoming.phones if p.raw not in raws]
    return merged


def _draft_json(draft: PersonDraft) -> dict[str, Any]:
    data = {item.name: getattr(draft, item.name) for item in fields(PersonDraft)}
    data["emails"] = [{"address": e.address, "kind": e.kind} for e in draft.emails]
    data["phones"] = [{"raw": p.raw, "kind": p.kind} for p in draft.phones]
    return data


def _record(session: Session, batch: ImportBatch, table: str, row_id: int,
            before: dict[str, Any] | None = None) -> None:
    exists = session.scalar(select(ImportChange.id).where(
        ImportChange.batch_id == batch.id, ImportChange.table_name == table,
        ImportChange.row_id == row_id))
    if exists is None:
        session.add(ImportChange(
            batch_id=batch.id, table_name=table, row_id=row_id,
            action=(ImportChangeAction.UPDATED if before is not None
                    else ImportChangeAction.CREATED).value,
            before_json=json.dumps(before, ensure_ascii=False) if before is not None else None))


def apply_plan(session: Session, plan: SpreadsheetPlan,
               target: ImportTarget | None = None) -> SpreadsheetResult:
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
    organisations: dict[str, int] = {}

    def organisation_id(name: str | None) -> int | None:
        if not name:
            return None
        key = name.casefold()
        if key not in organisations:
            found = session.scalar(select(Organisation.id).where(
                func.lower(Organisation.name) == key))
            if found is None:
                org = Organisation(name=name, import_batch_id=batch.id)
                session.add(org)
                session.flush()
                _record(session, batch, "organisation", org.id)
                found = org.id
            organisations[key] = found
        return organisations[key]

    for row in plan.rows:
        person_id: int | None = None
        if row.action is RowAction.NEW and row.draft is not None:
            draft = replace(row.draft, organisation_id=organisation_id(row.organisation))
            person_id = create_person(session, draft, import_batch_id=batch.id).id
            _record(session, batch, "person", person_id)
            result.created += 1
        elif row.action is RowAction.MATCH and row.draft is not None and row.person_id:
            person_id = row.person_id
            if row.choice is MatchChoice.SKIP:
                result.skipped += 1
            else:
                person = session.get(Person, person_id)
                if person is None:
                    raise NotFoundError(_("A person of this import was deleted meanwhile; "
                                          "please preview again."))
                existing = draft_of(person)
                merged = _merge(existing, row.draft, row.choice is MatchChoice.OVERWRITE)
                if row.organisation and (row.choice is MatchChoice.OVERWRITE
                                         or not existing.organisation_id):
                    merged.organisation_id = organisation_id(row.organisation)
                if merged != existing:
                    _record(session, batch, "person", person_id, _draft_json(existing))
                    update_person(session, person_id, merged, person.version)
                    result.updated += 1
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
                _record(session, batch, "list_membership", membership_id)
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
                _record(session, batch, "attendance", attendance.id)
                result.attendances += 1
            elif existing_attendance.status != status:
                _record(session, batch, "attendance", existing_attendance.id,
                        {"status": existing_attendance.status})
                existing_attendance.status = status
                result.attendances += 1
    batch.created_count, batch.updated_count = result.created, result.updated
    batch.skipped_count = result.skipped
    session.flush()
    return result


def undo_import(session: Session, batch_id: int) -> dict[str, int]:
    """Take an import back: delete what it created, restore what it changed."""
    batch = session.get(ImportBatch, batch_id)
    if batch is None:
        raise NotFoundError(_("There is no import {id}.", id=batch_id))
    if batch.undone_at is not None:
        raise ValidationError(_("Import {id} was already undone.", id=batch_id))
    counts = {"deleted": 0, "restored": 0}
    changes = sorted(batch.changes, key=lambda c: c.id, reverse=True)
    for change in changes:
        before = json.loads(change.before_json) if change.before_json else None
        if change.table_name == "attendance":
            if before is None:
                session.execute(delete(Attendance).where(Attendance.id == change.row_id))
                counts["deleted"] += 1
            else:
                attendance = session.get(Attendance, change.row_id)
                if attendance is not None:
                    attendance.status = before["status"]
                    counts["restored"] += 1
        elif change.table_name == "list_membership":
            membership = session.get(ListMembership, change.row_id)
            if membership is not None:
                session.delete(membership)
                counts["deleted"] += 1
        elif change.table_name == "person":
            person = session.get(Person, change.row_id)
            if person is None:
                continue
            if before is None:
                session.delete(person)
                counts["deleted"] += 1
            else:
                draft = PersonDraft(**{
                    **{k: v for k, v in before.items() if k not in ("emails", "phones")},
                    "emails": [EmailDraft(e["address"], e["kind"]) for e in before["emails"]],
                    "phones": [PhoneDraft(p["raw"], p["kind"]) for p in before["phones"]]})
                update_person(session, person.id, draft, person.version)
                counts["restored"] += 1
        session.flush()
    for change in changes:  # organisations last: their persons are gone or restored by now
        if change.table_name == "organisation" and change.before_json is None:
            org = session.get(Organisation, change.row_id)
            if org is not None and not org.persons:
                session.delete(org)
                counts["deleted"] += 1
    batch.undone_at = datetime.now(UTC).replace(tzinfo=None)
    session.flush()
    return counts


def import_batches(session: Session) -> list[dict[str, Any]]:
    return [{"id": b.id, "file": b.file_name, "sheet": b.sheet, "kind": b.source_kind,
             "imported_at": b.imported_at.isoformat() + "Z" if b.imported_at else None,
             "rows": b.row_count, "created": b.created_count, "updated": b.updated_count,
             "undone": b.undone_at is not None}
            for b in session.scalars(select(ImportBatch).order_by(ImportBatch.id.desc()))]
