"""Distribution-list membership with consent history, and event attendance.

An unsubscribe is a suppression: the membership row stays (status "unsubscribed") so that no later
import or manual add re-subscribes the person without an explicit new consent.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import CursorResult, delete, insert, select, update
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
    Person,
)
from defence_dir.errors import NotFoundError, ValidationError
from defence_dir.i18n import N_, _
from defence_dir.search.indexer import reindex_persons


class ConsentSource(enum.StrEnum):
    """How consent was given."""

    FORM = "form"
    EVENT = "event"
    IMPORT = "import"
    MANUAL = "manual"


CONSENT_SOURCE_LABELS = {
    ConsentSource.FORM: N_("sign-up form"),
    ConsentSource.EVENT: N_("at an event"),
    ConsentSource.IMPORT: N_("import"),
    ConsentSource.MANUAL: N_("by hand"),
}


# What a member's or attendee's status is called where users read it (lists and events).
STATUS_LABELS = {
    "subscribed": N_("subscribed"),
    "unsubscribed": N_("unsubscribed"),
    "registered": N_("registered"),
    "attended": N_("attended"),
    "cancelled": N_("cancelled"),
    "no_show": N_("no-show"),
}


class SubscribeOutcome(enum.StrEnum):
    SUBSCRIBED = "subscribed"
    ALREADY_SUBSCRIBED = "already_subscribed"
    SUPPRESSED = "suppressed"  # unsubscribed earlier; needs an explicit new consent
    RESUBSCRIBED = "resubscribed"


@dataclass(frozen=True)
class Consent:
    """Proof of consent: how (`kind`), from where (`source`: form id, file and row …), a note."""

    kind: ConsentSource
    source: str | None = None
    note: str | None = None
    at: datetime | None = None


def utc_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def now_or(value: datetime | None) -> datetime:
    return value if value is not None else utc_now()


def get_list_by_name(session: Session, name: str) -> DistributionList:
    found = session.scalars(select(DistributionList).where(DistributionList.name == name)).first()
    if found is None:
        raise NotFoundError(_("There is no distribution list “{name}”.", name=name))
    return found


def get_event_by_name(session: Session, name: str) -> Event:
    found = session.scalars(select(Event).where(Event.name == name)).first()
    if found is None:
        raise NotFoundError(_("There is no event “{name}”.", name=name))
    return found


def subscribe(
    session: Session,
    list_id: int,
    person_id: int,
    consent: Consent,
    *,
    new_consent_after_unsubscribe: bool = False,
    import_batch_id: int | None = None,
) -> SubscribeOutcome:
    """Put a person on a list with proof of consent.

    A person who unsubscribed is only put back with `new_consent_after_unsubscribe`, i.e. when the
    user explicitly records a new consent; imports never pass it.
    """
    if consent.kind is ConsentSource.MANUAL and not (consent.note or consent.source):
        raise ValidationError(_("Consent given by hand needs a note saying how it was given."),
                              field="consent_note")
    membership = session.scalars(
        select(ListMembership).where(ListMembership.list_id == list_id,
                                     ListMembership.person_id == person_id)
    ).first()
    at = now_or(consent.at)
    if membership is not None and membership.status == MembershipStatus.SUBSCRIBED:
        return SubscribeOutcome.ALREADY_SUBSCRIBED
    if membership is not None and not new_consent_after_unsubscribe:
        return SubscribeOutcome.SUPPRESSED
    outcome = SubscribeOutcome.SUBSCRIBED
    if membership is None:
        membership = ListMembership(list_id=list_id, person_id=person_id,
                                    import_batch_id=import_batch_id)
        session.add(membership)
    else:
        outcome = SubscribeOutcome.RESUBSCRIBED
        membership.unsubscribed_at = None
    membership.status = MembershipStatus.SUBSCRIBED.value
    membership.consent_at = at
    membership.consent_source = _consent_summary(consent)
    membership.consent_note = consent.note
    membership.consent_history.append(ConsentRecord(
        action=ConsentAction.GIVEN.value, at=at, source_kind=consent.kind.value,
        source=consent.source, note=consent.note, import_batch_id=import_batch_id))
    session.flush()
    return outcome


def _consent_summary(consent: Consent) -> str:
    label = _(CONSENT_SOURCE_LABELS[consent.kind])
    return f"{label}: {consent.source}" if consent.source else label


def unsubscribe(session: Session, list_id: int, person_id: int, note: str | None = None,
                at: datetime | None = None) -> None:
    """Withdraw consent: the person stays recorded as unsubscribed (suppression)."""
    membership = session.scalars(
        select(ListMembership).where(ListMembership.list_id == list_id,
                                     ListMembership.person_id == person_id)
    ).first()
    if membership is None:
        raise NotFoundError(_("The person is not on this list."))
    if membership.status == MembershipStatus.UNSUBSCRIBED:
        return
    when = now_or(at)
    membership.status = MembershipStatus.UNSUBSCRIBED.value
    membership.unsubscribed_at = when
    membership.consent_history.append(ConsentRecord(
        action=ConsentAction.WITHDRAWN.value, at=when, source_kind=ConsentSource.MANUAL.value,
        note=note))
    session.flush()


def unsubscribe_many(session: Session, list_id: int, person_ids: Iterable[int],
                     note: str | None = None, at: datetime | None = None) -> int:
    """unsubscribe() for many persons in three statements, not a flush per person (which
    took 7 s for 5,000); those not subscribed to the list are left as they are. Returns how
    many were unsubscribed."""
    subscribed = session.execute(
        select(ListMembership.id, ListMembership.person_id).where(
            ListMembership.list_id == list_id,
            ListMembership.person_id.in_(list(dict.fromkeys(person_ids))),
            ListMembership.status == MembershipStatus.SUBSCRIBED.value)).all()
    if not subscribed:
        return 0
    session.flush()  # nothing pending may be written over the Core statements below
    when = now_or(at)
    session.execute(
        update(ListMembership.__table__)
        .where(ListMembership.__table__.c.id.in_([m.id for m in subscribed]))
        .values(status=MembershipStatus.UNSUBSCRIBED.value, unsubscribed_at=when))
    session.execute(insert(ConsentRecord.__table__), [
        {"membership_id": m.id, "action": ConsentAction.WITHDRAWN.value, "at": when,
         "source_kind": ConsentSource.MANUAL.value, "source": None, "note": note}
        for m in subscribed])
    _refresh_search(session, [m.person_id for m in subscribed])  # the list's filter tag goes
    return len(subscribed)


def remove_members(session: Session, list_id: int, person_ids: Iterable[int]) -> int:
    """Take persons off a list who never unsubscribed; unsubscribed ones stay as suppressions.

    Returns how many memberships were removed.
    """
    ids = list(person_ids)
    result = session.execute(
        delete(ListMembership).where(
            ListMembership.list_id == list_id,
            ListMembership.person_id.in_(ids),
            ListMembership.status == MembershipStatus.SUBSCRIBED.value,
        )
    )
    _refresh_search(session, ids)
    return int(cast("CursorResult[Any]", result).rowcount or 0)


def members_without_consent(session: Session, list_id: int) -> list[Person]:
    """Subscribed members with no recorded date or source of consent."""
    return list(session.scalars(
        select(Person).join(ListMembership).where(
            ListMembership.list_id == list_id,
            ListMembership.status == MembershipStatus.SUBSCRIBED.value,
            (ListMembership.consent_at.is_(None)) | (ListMembership.consent_source.is_(None)),
        )
    ))


def set_attendance(session: Session, event_id: int, person_ids: Sequence[int],
                   status: AttendanceStatus,
                   import_batch_id: int | None = None) -> int:
    """Register persons for an event or change their status; returns how many rows changed."""
    if session.get(Event, event_id) is None:
        raise NotFoundError(_("The event no longer exists."))
    existing = {
        a.person_id: a
        for a in session.scalars(select(Attendance).where(Attendance.event_id == event_id,
                                                          Attendance.person_id.in_(person_ids)))
    }
    changed = 0
    for person_id in dict.fromkeys(person_ids):
        attendance = existing.get(person_id)
        if attendance is None:
            session.add(Attendance(event_id=event_id, person_id=person_id, status=status.value,
                                   import_batch_id=import_batch_id))
            changed += 1
        elif attendance.status != status.value:
            attendance.status = status.value
            changed += 1
    session.flush()
    return changed


def remove_attendance(session: Session, event_id: int, person_ids: Iterable[int]) -> int:
    """Take persons off an event; returns how many attendance rows went."""
    ids = list(person_ids)
    result = session.execute(delete(Attendance).where(Attendance.event_id == event_id,
                                                      Attendance.person_id.in_(ids)))
    _refresh_search(session, ids)
    return int(cast("CursorResult[Any]", result).rowcount or 0)


def _refresh_search(session: Session, person_ids: list[int]) -> None:
    """A Core DELETE bypasses the ORM events that keep the search documents' list and event
    filter tags current: refresh them here, so that every caller (window, CLI) is right."""
    session.expire_all()
    reindex_persons(session, person_ids)


def consent_history(session: Session, person_id: int) -> list[dict[str, object]]:
    """Every consent step of a person on every list, oldest first."""
    rows = session.execute(
        select(DistributionList.name, ConsentRecord)
        .join(ListMembership, ListMembership.id == ConsentRecord.membership_id)
        .join(DistributionList, DistributionList.id == ListMembership.list_id)
        .where(ListMembership.person_id == person_id)
        .order_by(ConsentRecord.at, ConsentRecord.id)
    ).all()
    return [
        {
            "list": list_name,
            "action": record.action,
            "at": record.at.isoformat() + "Z",
            "source_kind": record.source_kind,
            "source": record.source,
            "note": record.note,
        }
        for list_name, record in rows
    ]
