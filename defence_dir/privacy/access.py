"""Access requests (DSGVO Art. 15, "Auskunft"): everything stored about a person, as JSON or .xlsx;
each export is logged (what and when)."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from defence_dir.data.models import (
    AuditEntry,
    DistributionList,
    Event,
    ImportBatch,
    ImportChange,
    Person,
)
from defence_dir.errors import NotFoundError
from defence_dir.i18n import _
from defence_dir.lists.consent import utc_now
from defence_dir.private_files import write_private_bytes
from defence_dir.text.xlsx_cells import write_text_sheets

Record = dict[str, Any]


def _row(obj: Any) -> Record:
    """Every column of a mapped row, JSON-ready: nothing stored is left out."""
    return {column.key: _plain(getattr(obj, column.key)) for column in obj.__table__.columns}


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat() + "Z" if value.tzinfo is None else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def find_person(session: Session, person_id: int) -> Person:
    person = session.get(Person, person_id)
    if person is None:
        raise NotFoundError(_("There is no person with the number {id}.", id=person_id))
    return person


def audit(session: Session, action: str, person_id: int, detail: str | None = None) -> None:
    session.add(AuditEntry(action=action, subject=f"person #{person_id}", detail=detail))


def access_report(session: Session, person_id: int) -> Record:
    """Everything stored about a person: fields, contact details, roles, topics, memberships with
    their consent history, attendances and where imports created or changed the record."""
    person = find_person(session, person_id)
    memberships = []
    for membership in person.memberships:
        entry = _row(membership)
        entry["list"] = session.get(DistributionList, membership.list_id).name  # type: ignore[union-attr]
        entry["consent_history"] = [_row(c) for c in membership.consent_history]
        memberships.append(entry)
    attendances = []
    for attendance in person.attendances:
        entry = _row(attendance)
        entry["event"] = session.get(Event, attendance.event_id).name  # type: ignore[union-attr]
        attendances.append(entry)
    report: Record = {
        "generated_at": _plain(utc_now()),
        "person": _row(person),
        "organisation": _row(person.organisation) if person.organisation else None,
        "emails": [_row(e) for e in person.emails],
        "phones": [_row(p) for p in person.phones],
        "topics": [t.name for t in person.topics],
        "network_roles": [{**_row(r), "network": r.network.name} for r in person.network_roles],
        "list_memberships": memberships,
        "attendances": attendances,
        "import_provenance": _provenance(session, person),
    }
    audit(session, "access_export", person_id)
    return report


def personal_rows(person: Person) -> list[tuple[str, int]]:
    """(table, id) of every row that holds this person's data."""
    rows = [("person", person.id)]
    rows += [("email_address", e.id) for e in person.emails]
    rows += [("phone_number", p.id) for p in person.phones]
    rows += [("list_membership", m.id) for m in person.memberships]
    rows += [("attendance", a.id) for a in person.attendances]
    rows += [("network_role", r.id) for r in person.network_roles]
    return rows


def changes_about(person: Person) -> Any:
    conditions = [
        (ImportChange.table_name == table) & (ImportChange.row_id == row_id)
        for table, row_id in personal_rows(person)
    ]
    return or_(*conditions)


def _provenance(session: Session, person: Person) -> list[Record]:
    entries: list[Record] = []
    batch_ids = {person.import_batch_id} if person.import_batch_id else set()
    for change in session.scalars(select(ImportChange).where(changes_about(person))):
        batch_ids.add(change.batch_id)
        entries.append({"batch_id": change.batch_id, "table": change.table_name,
                        "row_id": change.row_id, "action": change.action,
                        "before": json.loads(change.before_json) if change.before_json else None})
    batches = {b.id: _row(b) for b in session.scalars(
        select(ImportBatch).where(ImportBatch.id.in_(batch_ids)))}
    for entry in entries:
        entry["batch"] = batches.get(entry["batch_id"])
    if person.import_batch_id and not entries:
        entries.append({"batch_id": person.import_batch_id, "table": "person",
                        "row_id": person.id, "action": "created",
                        "batch": batches.get(person.import_batch_id), "before": None})
    return entries


def write_access_json(report: Record, path: Path) -> None:
    """The report as UTF-8 JSON, readable by the user alone (0600)."""
    text = json.dumps(report, ensure_ascii=False, indent=2) + "\n"
    write_private_bytes(path, text.encode("utf-8"))


def write_access_xlsx(report: Record, path: Path) -> None:
    """One sheet per section; nested values as JSON text so nothing is lost."""
    def rows_of(items: list[Record]) -> tuple[list[str], list[list[object]]]:
        header = sorted({key for item in items for key in item})
        return header, [[_cell(item.get(k)) for k in header] for item in items]

    sheets = [(_("Person"), [_("Field"), _("Value")],
               [[k, _cell(v)] for k, v in report["person"].items()])]
    for key, title in (("emails", _("Emails")), ("phones", _("Phones")),
                       ("network_roles", _("Network roles")),
                       ("list_memberships", _("Lists")), ("attendances", _("Events")),
                       ("import_provenance", _("Imports"))):
        header, rows = rows_of(report[key])
        sheets.append((title, header, rows))
    sheets.append((_("Topics"), [_("Topic")], [[t] for t in report["topics"]]))
    if report["organisation"]:
        sheets.append((_("Organisation"), [_("Field"), _("Value")],
                       [[k, _cell(v)] for k, v in report["organisation"].items()]))
    write_text_sheets(path, sheets)


def _cell(value: Any) -> object:
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return value
