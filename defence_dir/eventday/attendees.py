"""An event's attendees as the badges and lists show them, in German alphabetical order."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from defence_dir.data.models import (
    Attendance,
    AttendanceStatus,
    Event,
    Network,
    NetworkRole,
    Organisation,
    Person,
    display_name_of,
)
from defence_dir.errors import NotFoundError
from defence_dir.i18n import _, current_language
from defence_dir.text.collation import sort_key

# Who gets a badge and a line on the sign-in sheet: not who cancelled or did not come.
EXPECTED = (AttendanceStatus.REGISTERED.value, AttendanceStatus.ATTENDED.value)


@dataclass(frozen=True, slots=True)
class EventInfo:
    id: int
    name: str
    city: str | None
    dates: str  # as a reader writes them ("12.03.2026"; "" when unknown)


@dataclass(frozen=True, slots=True)
class AttendeeRow:
    person_id: int
    uid: str
    name: str  # with academic title, without salutation
    family_name: str | None
    given_name: str | None
    function: str | None
    organisation: str | None
    networks: tuple[str, ...]
    status: str


def event_info(session: Session, event_id: int) -> EventInfo:
    event = session.get(Event, event_id)
    if event is None:
        raise NotFoundError(_("The event no longer exists."))
    return EventInfo(event.id, event.name, event.city, event_dates(event.starts_on, event.ends_on))


def event_dates(starts: date | None, ends: date | None) -> str:
    pattern = "%d.%m.%Y" if current_language() == "de" else "%Y-%m-%d"
    if starts is None:
        return ends.strftime(pattern) if ends else ""
    if ends is None or ends == starts:
        return starts.strftime(pattern)
    return f"{starts.strftime(pattern)} – {ends.strftime(pattern)}"


def attendee_rows(session: Session, event_id: int,
                  statuses: Iterable[str] | None = EXPECTED) -> list[AttendeeRow]:
    """The event's attendees with these statuses (None: all), by family name as a German
    phone book sorts (Ä with A, ß as ss); a person without a family name by the given name."""
    query = (select(Person.id, Person.uid, Person.title, Person.given_name, Person.middle_name,
                    Person.family_name, Person.name_suffix, Person.function,
                    Organisation.name, Attendance.status)
             .join(Attendance, Attendance.person_id == Person.id)
             .outerjoin(Organisation, Organisation.id == Person.organisation_id)
             .where(Attendance.event_id == event_id))
    if statuses is not None:
        query = query.where(Attendance.status.in_(list(statuses)))
    found = session.execute(query).all()
    networks: defaultdict[int, list[str]] = defaultdict(list)
    ids = [row[0] for row in found]
    for start in range(0, len(ids), 5000):
        for person_id, name in session.execute(
                select(NetworkRole.person_id, Network.name).join(Network)
                .where(NetworkRole.person_id.in_(ids[start:start + 5000]))
                .order_by(Network.name)):
            if name not in networks[person_id]:
                networks[person_id].append(name)
    rows = [AttendeeRow(pid, uid, display_name_of(title, given, middle, family, suffix),
                        family, given, function, organisation, tuple(networks.get(pid, ())),
                        status)
            for pid, uid, title, given, middle, family, suffix, function, organisation, status
            in found]
    rows.sort(key=alphabetical)
    return rows


def alphabetical(row: AttendeeRow) -> tuple[str, str, str, int]:
    return (sort_key(row.family_name or row.given_name), sort_key(row.given_name),
            sort_key(row.name), row.person_id)
