"""Check-in at the door within one session: a scanned code to a person, a status set and put
back, the headcount. Each step is one or two indexed statements: a scan must feel instant."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import bindparam, case, func, select, update
from sqlalchemy.orm import Session

from defence_dir.data.models import (
    Attendance,
    AttendanceStatus,
    Event,
    Organisation,
    Person,
    display_name_of,
)
from defence_dir.errors import NotFoundError
from defence_dir.eventday.results import Attendee, CheckinOutcome, CheckinResult, Headcount
from defence_dir.i18n import _
from defence_dir.lists.consent import remove_attendance

ATTENDED = AttendanceStatus.ATTENDED.value
EXPECTED = (AttendanceStatus.REGISTERED.value, ATTENDED)
REGISTERED = AttendanceStatus.REGISTERED.value
WITHDRAWN = (AttendanceStatus.CANCELLED.value, AttendanceStatus.NO_SHOW.value)


def require_event(session: Session, event_id: int) -> Event:
    event = session.get(Event, event_id)
    if event is None:
        raise NotFoundError(_("The event no longer exists."))
    return event


# Built once: composing the statement took longer than SQLite took to run it.
_HEADCOUNT = (select(func.count(case((Attendance.status == ATTENDED, 1))),
                     func.count(case((Attendance.status.in_((REGISTERED, ATTENDED)), 1))))
              .where(Attendance.event_id == bindparam("event_id")))
_ATTENDEE = (select(Person.id, Person.title, Person.given_name, Person.middle_name,
                    Person.family_name, Person.name_suffix, Organisation.name, Attendance.status)
             .outerjoin(Organisation, Organisation.id == Person.organisation_id)
             .outerjoin(Attendance, (Attendance.person_id == Person.id)
                        & (Attendance.event_id == bindparam("event_id")))
             .where(Person.id.in_(bindparam("person_ids", expanding=True))))


def headcount(session: Session, event_id: int) -> Headcount:
    """Present and expected in one count over the event's rows (its unique index leads)."""
    present, expected = session.execute(_HEADCOUNT, {"event_id": event_id}).one()
    return Headcount(int(present or 0), int(expected or 0))


def person_by_uid(session: Session, candidates: Sequence[str]) -> int | None:
    """The person whose UID is the first candidate found (UIDs are unique and indexed)."""
    if not candidates:
        return None
    wanted = list(dict.fromkeys([*candidates, *(c.lower() for c in candidates)]))
    found = dict(session.execute(select(Person.uid, Person.id).where(Person.uid.in_(wanted))).all())
    return next((found[c] for c in wanted if c in found), None)


def attendees(session: Session, event_id: int, person_ids: Sequence[int]) -> list[Attendee]:
    """The persons as Attendee, in the order given; status "" for one not registered."""
    if not person_ids:
        return []
    rows = session.execute(_ATTENDEE, {"event_id": event_id,
                                       "person_ids": list(person_ids)}).all()
    by_id = {row[0]: Attendee(row[0], display_name_of(*row[1:6]), row[6], row[7] or "")
             for row in rows}
    return [by_id[i] for i in person_ids if i in by_id]


def mark_attended(session: Session, event_id: int, person_id: int, *, force: bool
                  ) -> CheckinResult:
    """Set the person attended unless that needs the user's word (`force`): a cancelled or
    no-show registration, or no registration at all."""
    found = attendees(session, event_id, [person_id])
    if not found:
        raise NotFoundError(_("The person no longer exists."))
    person = found[0]
    status = person.status or None
    if status == ATTENDED:
        return _result(session, event_id, CheckinOutcome.ALREADY_IN, person)
    if status is None and not force:
        return _result(session, event_id, CheckinOutcome.NOT_REGISTERED, person)
    if status in WITHDRAWN and not force:
        return _result(session, event_id, CheckinOutcome.CANCELLED, person)
    if status is None:
        # A new row: through the ORM, so that the search documents gain the event's tag.
        session.add(Attendance(event_id=event_id, person_id=person_id, status=ATTENDED))
        session.flush()
    else:
        # Only the status changes, which no search document holds: one UPDATE, no reindex.
        session.execute(update(Attendance).where(Attendance.event_id == event_id,
                                                 Attendance.person_id == person_id)
                        .values(status=ATTENDED))
    return _result(session, event_id, CheckinOutcome.CHECKED_IN,
                   Attendee(person.person_id, person.name, person.organisation, ATTENDED),
                   previous=status)


def restore_status(session: Session, event_id: int, person_id: int,
                   previous_status: str | None) -> None:
    """Put a person's attendance back as it was (None: there was none)."""
    if previous_status is None:
        remove_attendance(session, event_id, [person_id])
        return
    AttendanceStatus(previous_status)  # a wrong value fails here, not in the database
    session.execute(update(Attendance).where(Attendance.event_id == event_id,
                                             Attendance.person_id == person_id)
                    .values(status=previous_status))


def _result(session: Session, event_id: int, outcome: CheckinOutcome, person: Attendee | None,
            *, previous: str | None = None, candidates: Sequence[Attendee] = ()
            ) -> CheckinResult:
    return CheckinResult(outcome, person, tuple(candidates), previous,
                         headcount(session, event_id))


def result(session: Session, event_id: int, outcome: CheckinOutcome, person: Attendee | None,
           candidates: Sequence[Attendee] = ()) -> CheckinResult:
    """A result that changed nothing (ambiguous, not found, not registered)."""
    return _result(session, event_id, outcome, person, candidates=candidates)
