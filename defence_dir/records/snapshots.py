"""Everything stored with a person, captured so that a deletion can be undone exactly.

Undo of "delete" in the window restores the same id and UID (vCards exported earlier still
match), the network roles, list memberships with their consent history, and attendances.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from defence_dir.data.models import (
    Attendance,
    ConsentRecord,
    ListMembership,
    NetworkRole,
    Person,
)
from defence_dir.errors import NotFoundError
from defence_dir.i18n import _
from defence_dir.records.persons import PersonDraft, _apply, draft_of


@dataclass(frozen=True)
class PersonSnapshot:
    id: int
    uid: str
    import_batch_id: int | None
    draft: PersonDraft
    roles: tuple[dict[str, Any], ...]
    memberships: tuple[dict[str, Any], ...]
    consent: tuple[dict[str, Any], ...]
    attendances: tuple[dict[str, Any], ...]


def _rows(session: Session, model: Any, where: Any) -> tuple[dict[str, Any], ...]:
    table = model.__table__
    return tuple(dict(row._mapping) for row in session.execute(select(table).where(where)))


def snapshot_person(session: Session, person_id: int) -> PersonSnapshot:
    person = session.get(Person, person_id)
    if person is None:
        raise NotFoundError(_("The person no longer exists."))
    memberships = _rows(session, ListMembership, ListMembership.person_id == person_id)
    membership_ids = [m["id"] for m in memberships]
    return PersonSnapshot(
        id=person.id, uid=person.uid, import_batch_id=person.import_batch_id,
        draft=draft_of(person),
        roles=_rows(session, NetworkRole, NetworkRole.person_id == person_id),
        memberships=memberships,
        consent=_rows(session, ConsentRecord, ConsentRecord.membership_id.in_(membership_ids)),
        attendances=_rows(session, Attendance, Attendance.person_id == person_id),
    )


def restore_person(session: Session, snapshot: PersonSnapshot) -> Person:
    """Put a deleted person back as it was (same id and UID)."""
    person = Person(id=snapshot.id, uid=snapshot.uid, import_batch_id=snapshot.import_batch_id)
    session.add(person)
    _apply(session, person, snapshot.draft)
    session.flush()
    for model, rows in ((NetworkRole, snapshot.roles), (ListMembership, snapshot.memberships),
                        (ConsentRecord, snapshot.consent), (Attendance, snapshot.attendances)):
        if rows:
            session.execute(insert(model.__table__), list(rows))
    # Rows inserted with Core bypass the ORM events: refresh this person's search document.
    from defence_dir.search.indexer import reindex_persons

    reindex_persons(session, [snapshot.id])
    session.expire(person)
    return person
