"""Walk-ins: a person who came without registering, added at the door and taken back on undo."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from defence_dir.data.models import (
    Attendance,
    EmailAddress,
    ListMembership,
    MembershipStatus,
    Person,
)
from defence_dir.eventday.checkin import ATTENDED, headcount, require_event, restore_status
from defence_dir.eventday.results import WalkIn
from defence_dir.lists.consent import Consent, ConsentSource, SubscribeOutcome, subscribe
from defence_dir.records import persons
from defence_dir.records.persons import PersonDraft
from defence_dir.text.collation import sort_key


def same_person(session: Session, draft: PersonDraft) -> int | None:
    """An existing person the (validated) draft clearly is: an email address in common and a
    name that agrees (same family name, given names equal or one left out); else None."""
    addresses = [e.address.casefold() for e in draft.emails]
    if not addresses:
        return None
    # Any case: the local part is kept as typed, and a walk-in types it as they like. A scan
    # without an index, once per walk-in.
    rows = session.execute(
        select(Person.id, Person.given_name, Person.family_name).join(EmailAddress)
        .where(func.lower(EmailAddress.address).in_(addresses)).order_by(Person.id)).all()
    for person_id, given, family in rows:
        if sort_key(family) != sort_key(draft.family_name):
            continue
        if not given or not draft.given_name or sort_key(given) == sort_key(draft.given_name):
            return int(person_id)
    return None


def add_walk_in(session: Session, event_id: int, draft: PersonDraft, list_id: int | None,
                consent_note: str | None) -> WalkIn:
    event = require_event(session, event_id)
    clean = draft.validated()
    person_id = same_person(session, clean)
    created = person_id is None
    if person_id is None:
        person_id = persons.create_person(session, clean).id
    attendance = session.scalars(select(Attendance).where(
        Attendance.event_id == event_id, Attendance.person_id == person_id)).first()
    previous = None if attendance is None else attendance.status
    if attendance is None:
        session.add(Attendance(event_id=event_id, person_id=person_id, status=ATTENDED))
    else:
        attendance.status = ATTENDED
    subscribed: SubscribeOutcome | None = None
    if list_id is not None:
        subscribed = subscribe(session, list_id, person_id,
                               Consent(ConsentSource.EVENT, source=event.name,
                                       note=consent_note or None))
    session.flush()
    return WalkIn(person_id, created,
                  list_id if subscribed is SubscribeOutcome.SUBSCRIBED else None,
                  headcount(session, event_id), previous_status=previous,
                  subscription=None if subscribed is None else subscribed.value)


def undo_walk_in(session: Session, event_id: int, walk_in: WalkIn) -> None:
    if walk_in.created:
        person = session.get(Person, walk_in.person_id)
        if person is not None:  # its attendance and membership go with it
            persons.delete_person(session, walk_in.person_id)
        return
    if walk_in.list_id is not None:
        membership = session.scalars(select(ListMembership).where(
            ListMembership.list_id == walk_in.list_id,
            ListMembership.person_id == walk_in.person_id,
            ListMembership.status == MembershipStatus.SUBSCRIBED.value)).first()
        if membership is not None:
            session.delete(membership)
            session.flush()
    restore_status(session, event_id, walk_in.person_id, walk_in.previous_status)
