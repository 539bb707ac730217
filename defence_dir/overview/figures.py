"""Figures for the overview page: persons per network and technology field, list sizes over time,
registrations and attendance per event, as plain dataclasses (no Qt), each from grouped queries.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from defence_dir.data.models import (
    Attendance,
    AttendanceStatus,
    ConsentAction,
    ConsentRecord,
    DistributionList,
    Event,
    ListMembership,
    MembershipStatus,
    Network,
    NetworkRole,
    Person,
    Topic,
    person_topic,
)
from defence_dir.text.collation import sort_key


@dataclass(frozen=True, slots=True)
class Count:
    """How many persons one network or technology field has."""

    id: int
    name: str
    persons: int


@dataclass(frozen=True, slots=True)
class SizePoint:
    """A list's number of subscribed members at the end of `day` (UTC)."""

    day: date
    size: int


@dataclass(frozen=True, slots=True)
class ListHistory:
    id: int
    name: str
    points: tuple[SizePoint, ...]  # one per day on which the size changed, oldest first

    @property
    def current_size(self) -> int:
        return self.points[-1].size if self.points else 0


@dataclass(frozen=True, slots=True)
class EventTurnout:
    id: int
    name: str
    starts_on: date | None
    registered: int  # everyone who signed up and did not cancel (attended and no-shows included)
    attended: int

    @property
    def share_attended(self) -> float | None:
        """Attended / registered, or None while nobody is registered."""
        return self.attended / self.registered if self.registered else None


@dataclass(frozen=True, slots=True)
class Overview:
    persons: int
    per_network: tuple[Count, ...]  # most persons first, then by name
    per_topic: tuple[Count, ...]
    lists: tuple[ListHistory, ...]  # by name
    events: tuple[EventTurnout, ...]  # by date (undated last), then by name


def overview(session: Session) -> Overview:
    """Every figure of the overview page, a handful of grouped queries whatever the size."""
    return Overview(
        persons=session.scalar(select(func.count()).select_from(Person)) or 0,
        per_network=persons_per_network(session),
        per_topic=persons_per_topic(session),
        lists=list_histories(session),
        events=event_turnout(session),
    )


def _ranked(rows: list[tuple[int, str, int]]) -> tuple[Count, ...]:
    counts = [Count(id_, name, int(n)) for id_, name, n in rows]
    return tuple(sorted(counts, key=lambda c: (-c.persons, sort_key(c.name), c.id)))


def persons_per_network(session: Session) -> tuple[Count, ...]:
    """Distinct persons with a role in each network (a person with two roles counts once);
    networks without persons are included with 0."""
    persons = func.count(func.distinct(NetworkRole.person_id))
    rows = session.execute(
        select(Network.id, Network.name, persons)
        .outerjoin(NetworkRole, NetworkRole.network_id == Network.id)
        .group_by(Network.id, Network.name)
    ).all()
    return _ranked([tuple(row) for row in rows])  # type: ignore[misc]


def persons_per_topic(session: Session) -> tuple[Count, ...]:
    """Persons per technology field; fields without persons are included with 0."""
    rows = session.execute(
        select(Topic.id, Topic.name, func.count(person_topic.c.person_id))
        .outerjoin(person_topic, person_topic.c.topic_id == Topic.id)
        .group_by(Topic.id, Topic.name)
    ).all()
    return _ranked([tuple(row) for row in rows])  # type: ignore[misc]


def _day(value: object) -> date:
    """SQLite's date() answers text, PostgreSQL's a date."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def list_histories(session: Session) -> tuple[ListHistory, ...]:
    """Each list's size per day from its consent records: consent given +1, withdrawn −1.

    Memberships without any consent record (written before consent was recorded) count from
    their consent date (else creation date) until they were unsubscribed, so the last point
    always equals today's number of subscribed members.
    """
    delta: dict[int, dict[date, int]] = defaultdict(lambda: defaultdict(int))
    day = func.date(ConsentRecord.at)
    for list_id, when, action, n in session.execute(
        select(ListMembership.list_id, day, ConsentRecord.action, func.count())
        .join(ListMembership, ListMembership.id == ConsentRecord.membership_id)
        .group_by(ListMembership.list_id, day, ConsentRecord.action)
    ):
        delta[list_id][_day(when)] += int(n) if action == ConsentAction.GIVEN else -int(n)
    recorded = select(ConsentRecord.membership_id)
    for list_id, consent_at, created_at, unsubscribed_at, status in session.execute(
        select(ListMembership.list_id, ListMembership.consent_at, ListMembership.created_at,
               ListMembership.unsubscribed_at, ListMembership.status)
        .where(ListMembership.id.not_in(recorded))
    ):
        start = consent_at or created_at
        if start is not None:
            delta[list_id][_day(start)] += 1
        if status == MembershipStatus.UNSUBSCRIBED and unsubscribed_at is not None:
            delta[list_id][_day(unsubscribed_at)] -= 1
    histories = []
    for list_id, name in session.execute(select(DistributionList.id, DistributionList.name)):
        size, points = 0, []
        for when in sorted(delta.get(list_id, {})):
            size += delta[list_id][when]
            points.append(SizePoint(when, size))
        histories.append(ListHistory(list_id, name, tuple(points)))
    return tuple(sorted(histories, key=lambda h: (sort_key(h.name), h.id)))


def event_turnout(session: Session) -> tuple[EventTurnout, ...]:
    """Registered (not cancelled) and attended persons per event; events without any are kept."""
    counts: dict[int, dict[str, int]] = defaultdict(dict)
    for event_id, status, n in session.execute(
        select(Attendance.event_id, Attendance.status, func.count())
        .group_by(Attendance.event_id, Attendance.status)
    ):
        counts[event_id][status] = int(n)
    turnout = []
    for event_id, name, starts_on in session.execute(
            select(Event.id, Event.name, Event.starts_on)):
        by_status = counts.get(event_id, {})
        registered = sum(by_status.values()) - by_status.get(AttendanceStatus.CANCELLED, 0)
        turnout.append(EventTurnout(event_id, name, starts_on, registered,
                                    by_status.get(AttendanceStatus.ATTENDED, 0)))
    return tuple(sorted(turnout, key=lambda e: (e.starts_on is None, e.starts_on or date.min,
                                                sort_key(e.name), e.id)))
