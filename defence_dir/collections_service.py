"""Distribution lists and events as collections of persons: create, rename, delete, undo.

Besides the records themselves, this module captures the membership (or attendance) rows of
some persons as a state that can be put back exactly, so that every change the window makes
to who is on a list or at an event can be undone, consent history included.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import delete, func, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from defence_dir.data.models import (
    Attendance,
    AttendanceStatus,
    ConsentAction,
    ConsentRecord,
    DistributionList,
    EmailAddress,
    Event,
    ListMembership,
    MembershipStatus,
    Organisation,
    Person,
    display_name_of,
)
from defence_dir.errors import NotFoundError, ValidationError
from defence_dir.i18n import _
from defence_dir.memberships import (
    Consent,
    ConsentSource,
    SubscribeOutcome,
    subscribe,
    utc_now,
)
from defence_dir.memberships import _consent_summary as consent_summary  # as subscribe() writes
from defence_dir.text_folding import sort_key

Row = dict[str, Any]
# The two kinds of collection and their record class.
MODELS: dict[str, type[DistributionList] | type[Event]] = {
    "list": DistributionList, "event": Event}


def _clean(value: str | None) -> str | None:
    text = (value or "").replace("\u00a0", " ").strip()
    return text or None


def _model(kind: str) -> type[DistributionList] | type[Event]:
    if kind not in MODELS:
        raise ValueError(f"unknown collection kind {kind!r}")
    return MODELS[kind]


def _checked_name(session: Session, kind: str, name: str | None, own_id: int | None) -> str:
    """A non-blank name no other list (or event) has, compared without case: the schema only
    rejects exact duplicates, but two lists "Presse" and "presse" would confuse everyone."""
    clean = _clean(name)
    if clean is None:
        raise ValidationError(_("A distribution list needs a name.") if kind == "list"
                              else _("An event needs a name."), field="name")
    model = _model(kind)
    clash = session.scalar(select(model.id).where(func.lower(model.name) == clean.lower(),
                                                  model.id != (own_id or -1)))
    if clash is not None:
        raise ValidationError(
            _("A distribution list “{name}” exists already.", name=clean) if kind == "list"
            else _("An event “{name}” exists already.", name=clean), field="name")
    return clean


def _get(session: Session, kind: str, record_id: int) -> DistributionList | Event:
    record = session.get(_model(kind), record_id)
    if record is None:
        raise NotFoundError(_("The distribution list no longer exists.") if kind == "list"
                            else _("The event no longer exists."))
    return record


def _flush_named(session: Session, kind: str, name: str) -> None:
    """Flush; the unique name may still clash with one saved meanwhile from another window."""
    try:
        session.flush()
    except IntegrityError as exc:
        raise ValidationError(
            _("A distribution list “{name}” exists already.", name=name) if kind == "list"
            else _("An event “{name}” exists already.", name=name), field="name") from exc


def _set_values(session: Session, kind: str, record: DistributionList | Event,
                name: str | None, description: str | None, starts_on: date | None,
                city: str | None) -> None:
    with session.no_autoflush:  # a new record must not be flushed before it has its name
        record.name = _checked_name(session, kind, name, record.id)
    record.description = _clean(description)
    if isinstance(record, Event):  # lists have neither date nor city
        if record.ends_on is not None and starts_on is not None and record.ends_on < starts_on:
            record.ends_on = None  # the schema wants the end after the start
        record.starts_on, record.city = starts_on, _clean(city)
    _flush_named(session, kind, record.name)


def create(session: Session, kind: str, name: str | None, description: str | None = None, *,
           starts_on: date | None = None, city: str | None = None) -> DistributionList | Event:
    """A new list (kind "list") or event ("event"; with its date and city if known)."""
    record = _model(kind)()
    session.add(record)
    _set_values(session, kind, record, name, description, starts_on, city)
    return record


def rename(session: Session, kind: str, record_id: int, name: str | None,
           description: str | None = None, *, starts_on: date | None = None,
           city: str | None = None) -> DistributionList | Event:
    """Change the name and description (and an event's date and city)."""
    record = _get(session, kind, record_id)
    _set_values(session, kind, record, name, description, starts_on, city)
    return record


def values_of(record: DistributionList | Event) -> dict[str, Any]:
    """What create() and rename() take, as the record has it now (for the dialog and undo)."""
    values: dict[str, Any] = {"name": record.name, "description": record.description}
    if isinstance(record, Event):
        values.update(starts_on=record.starts_on, city=record.city)
    return values


def delete_collection(session: Session, kind: str, record_id: int) -> None:
    """Delete a list with its memberships and consent history, or an event with its
    attendances (snapshot it first to be able to undo)."""
    session.delete(_get(session, kind, record_id))
    session.flush()


# --- snapshots ---------------------------------------------------------------------------------

def _rows(session: Session, model: Any, where: Any) -> tuple[Row, ...]:
    return tuple(dict(r._mapping) for r in session.execute(select(model.__table__).where(where)))


@dataclass(frozen=True)
class CollectionSnapshot:
    """A list or event with everything that hangs on it."""

    kind: str
    record: Row
    members: tuple[Row, ...]  # list_membership or attendance rows
    consent: tuple[Row, ...] = field(default=())


def snapshot(session: Session, kind: str, record_id: int) -> CollectionSnapshot:
    record = _get(session, kind, record_id)
    row = _rows(session, type(record), type(record).id == record_id)[0]
    if kind == "event":
        return CollectionSnapshot(kind, row, _rows(session, Attendance,
                                                   Attendance.event_id == record_id))
    members = _rows(session, ListMembership, ListMembership.list_id == record_id)
    consent = _rows(session, ConsentRecord,
                    ConsentRecord.membership_id.in_([m["id"] for m in members]))
    return CollectionSnapshot(kind, row, members, consent)


def _insert(session: Session, model: Any, rows: Sequence[Row]) -> None:
    if rows:
        session.execute(insert(model.__table__), list(rows))


def _reindex(session: Session, person_ids: Iterable[int]) -> None:
    # Rows written with Core bypass the ORM events that keep the search tags (which lists and
    # events a person is in) current.
    from defence_dir.search.indexer import reindex_persons

    reindex_persons(session, set(person_ids))


def restore(session: Session, saved: CollectionSnapshot) -> None:
    """Put a deleted list or event back with the same id, members and consent history."""
    _insert(session, _model(saved.kind), [saved.record])
    if saved.kind == "event":
        _insert(session, Attendance, saved.members)
    else:
        _insert(session, ListMembership, saved.members)
        _insert(session, ConsentRecord, saved.consent)
    _reindex(session, (m["person_id"] for m in saved.members))
    session.expire_all()


@dataclass(frozen=True)
class MembersState:
    """The membership (kind "list") or attendance ("event") rows of some persons in one
    collection, as they were at one moment; a person without a row is not a member."""

    kind: str
    owner_id: int
    person_ids: tuple[int, ...]
    members: tuple[Row, ...]
    consent: tuple[Row, ...] = field(default=())


def members_state(session: Session, kind: str, owner_id: int,
                  person_ids: Iterable[int]) -> MembersState:
    ids = tuple(dict.fromkeys(person_ids))
    if kind == "event":
        rows = _rows(session, Attendance, (Attendance.event_id == owner_id)
                     & Attendance.person_id.in_(ids))
        return MembersState(kind, owner_id, ids, rows)
    rows = _rows(session, ListMembership, (ListMembership.list_id == owner_id)
                 & ListMembership.person_id.in_(ids))
    consent = _rows(session, ConsentRecord,
                    ConsentRecord.membership_id.in_([m["id"] for m in rows]))
    return MembersState(kind, owner_id, ids, rows, consent)


def apply_members_state(session: Session, state: MembersState) -> None:
    """Make the rows of these persons exactly what `state` holds (for undo and redo)."""
    _get(session, state.kind, state.owner_id)
    if state.kind == "event":
        session.execute(delete(Attendance).where(Attendance.event_id == state.owner_id,
                                                 Attendance.person_id.in_(state.person_ids)))
        _insert(session, Attendance, state.members)
    else:
        # Consent records go with their membership (ON DELETE CASCADE).
        session.execute(delete(ListMembership).where(
            ListMembership.list_id == state.owner_id,
            ListMembership.person_id.in_(state.person_ids)))
        _insert(session, ListMembership, state.members)
        _insert(session, ConsentRecord, state.consent)
    _reindex(session, state.person_ids)
    session.expire_all()


# --- adding persons by hand ------------------------------------------------------------------

@dataclass
class AddOutcome:
    """What adding persons by hand did; `suppressed` unsubscribed earlier and were skipped."""

    added: list[int] = field(default_factory=list)
    already: list[int] = field(default_factory=list)
    suppressed: list[int] = field(default_factory=list)


def add_members(session: Session, list_id: int, person_ids: Iterable[int],
                note: str | None = None, *, new_consent: bool = False) -> AddOutcome:
    """Subscribe persons by hand (consent source "manual"). Persons who unsubscribed are left
    out unless `new_consent` says the user recorded an explicit new consent for them."""
    _get(session, "list", list_id)
    consent = Consent(ConsentSource.MANUAL, source=_("added in the directory window"),
                      note=_clean(note), at=utc_now())
    ids = list(dict.fromkeys(person_ids))
    known = set(session.scalars(select(ListMembership.person_id).where(
        ListMembership.list_id == list_id, ListMembership.person_id.in_(ids))))
    new = set(session.scalars(select(Person.id).where(Person.id.in_(
        [i for i in ids if i not in known]))))
    # Persons not yet on the list (nearly everyone in a big add) with two Core inserts: one
    # subscribe() per person flushes each time and took 7 s for 5,000 persons. Same rows as
    # subscribe() writes.
    if new:
        _insert(session, ListMembership, [{
            "list_id": list_id, "person_id": person_id,
            "status": MembershipStatus.SUBSCRIBED.value, "consent_at": consent.at,
            "consent_source": consent_summary(consent), "consent_note": consent.note}
            for person_id in new])
        membership_ids = session.scalars(select(ListMembership.id).where(
            ListMembership.list_id == list_id, ListMembership.person_id.in_(new)))
        _insert(session, ConsentRecord, [{
            "membership_id": membership_id, "action": ConsentAction.GIVEN.value,
            "at": consent.at, "source_kind": consent.kind.value, "source": consent.source,
            "note": consent.note} for membership_id in membership_ids])
        _reindex(session, new)
    outcome = AddOutcome()
    for person_id in ids:
        if person_id in new:
            outcome.added.append(person_id)
            continue
        if person_id not in known:
            continue  # deleted meanwhile
        result = subscribe(session, list_id, person_id, consent,
                           new_consent_after_unsubscribe=new_consent)
        if result in (SubscribeOutcome.SUBSCRIBED, SubscribeOutcome.RESUBSCRIBED):
            outcome.added.append(person_id)
        elif result is SubscribeOutcome.ALREADY_SUBSCRIBED:
            outcome.already.append(person_id)
        else:
            outcome.suppressed.append(person_id)
    return outcome


def register_attendees(session: Session, event_id: int,
                       person_ids: Iterable[int]) -> AddOutcome:
    """Register persons for an event; persons already on it keep their status."""
    _get(session, "event", event_id)
    ids = list(dict.fromkeys(person_ids))
    present = set(session.scalars(select(Attendance.person_id).where(
        Attendance.event_id == event_id, Attendance.person_id.in_(ids))))
    outcome = AddOutcome(already=[i for i in ids if i in present])
    for person_id in ids:
        if person_id not in present:
            session.add(Attendance(event_id=event_id, person_id=person_id,
                                   status=AttendanceStatus.REGISTERED.value))
            outcome.added.append(person_id)
    session.flush()
    return outcome


# --- what the views show ---------------------------------------------------------------------

@dataclass(frozen=True)
class MemberRow:
    """One person on a list or at an event, as the members table shows it."""

    person_id: int
    name: str
    organisation: str
    email: str
    status: str
    consent_at: datetime | None = None
    consent_source: str | None = None
    consent_note: str | None = None
    unsubscribed_at: datetime | None = None

    @property
    def without_consent(self) -> bool:
        return (self.status == MembershipStatus.SUBSCRIBED.value
                and (self.consent_at is None or self.consent_source is None))


def member_rows(session: Session, kind: str, owner_id: int) -> list[MemberRow]:
    """Everyone on the list (any status) or at the event, alphabetically.

    One flat query without ORM objects: a list of 5,000 members loads in well under the 200 ms
    the window can spend on the GUI thread (ORM objects with their emails took 0.7 s).
    """
    _get(session, kind, owner_id)
    link: Any = ListMembership if kind == "list" else Attendance
    owner_column = link.list_id if kind == "list" else link.event_id
    first_email = (select(EmailAddress.address).where(EmailAddress.person_id == Person.id)
                   .order_by(EmailAddress.position, EmailAddress.id).limit(1)
                   .correlate(Person).scalar_subquery())
    consent = ((link.consent_at, link.consent_source, link.consent_note, link.unsubscribed_at)
               if kind == "list" else ())
    rows = session.execute(
        select(Person.id, Person.title, Person.given_name, Person.middle_name,
               Person.family_name, Person.name_suffix, Organisation.name, first_email,
               link.status, *consent)
        .join(link, link.person_id == Person.id)
        .outerjoin(Organisation, Organisation.id == Person.organisation_id)
        .where(owner_column == owner_id)).all()
    rows.sort(key=lambda r: (sort_key(r.family_name), sort_key(r.given_name), r.id))
    return [MemberRow(r[0], display_name_of(*r[1:6]), r[6] or "", r[7] or "", r[8], *r[9:])
            for r in rows]

def remove_from(session: Session, kind: str, owner_id: int, person_ids: Iterable[int]) -> int:
    """Take persons off a list (the unsubscribed stay as suppressions) or an event."""
    from defence_dir.memberships import remove_attendance, remove_members

    ids = list(person_ids)
    _get(session, kind, owner_id)
    removed = (remove_members if kind == "list" else remove_attendance)(session, owner_id, ids)
    _reindex(session, ids)
    return removed
