"""Applying a spreadsheet import in one transaction, recorded so it can be undone in one step.

Targets: the directory only, or also a distribution list (membership with consent source =
file and row; an unsubscribed person is never re-subscribed, it is reported) or an event
(attendance status from a column or one for all).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from defence_dir.data.models import Attendance, ImportBatch, ListMembership
from defence_dir.errors import ValidationError
from defence_dir.gc_pause import gc_paused
from defence_dir.i18n import _
from defence_dir.imports.batches import OrganisationResolver, record_change, seal_batch
from defence_dir.imports.spreadsheet.planning import (
    MatchChoice,
    RowAction,
    RowPlan,
    SpreadsheetPlan,
)
from defence_dir.imports.writing import (
    ImportCancelled,
    NewPerson,
    PersonUpdate,
    create_persons,
    update_persons,
)
from defence_dir.lists.consent import Consent, ConsentSource, SubscribeOutcome, subscribe
from defence_dir.search.indexer import bulk_writes, refresh_pending

__all__ = ["ImportCancelled", "ImportTarget", "SpreadsheetResult", "apply_plan"]


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


def _update_in_bulk(session: Session, batch: ImportBatch, plan: SpreadsheetPlan,
                    organisation_id: Callable[[str | None], int | None],
                    result: SpreadsheetResult) -> None:
    """Fill in or overwrite matched persons (import_writing); counts them in `result`."""
    result.updated = len(update_persons(session, batch, [
        PersonUpdate(r.person_id, r.draft, r.organisation, r.choice is MatchChoice.OVERWRITE)
        for r in plan.rows if r.action is RowAction.MATCH and r.draft and r.person_id
        and r.choice is not MatchChoice.SKIP], organisation_id))


def _create_in_bulk(session: Session, batch: ImportBatch, rows: list[RowPlan],
                    organisation_id: Callable[[str | None], int | None],
                    progress: Callable[[int, int], bool] | None,
                    total: int) -> dict[int, int]:
    """New persons (import_writing); returns {file row: person id}."""
    return create_persons(session, batch, [NewPerson(r.row, r.draft, r.organisation)
                                           for r in rows if r.draft is not None],
                          organisation_id, progress, total)


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
                membership_id = session.scalars(select(ListMembership.id).where(
                    ListMembership.list_id == target.list_id,
                    ListMembership.person_id == person_id)).one()
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
            elif existing_attendance.status != status and not (
                    row.status is None and row.unknown_status):
                # (an unplaced status word never changes a status the event already has)
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
    organisation_id.create_all(r.organisation for r in new_rows)
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


