"""Who is on a distribution list or at an event: the rows the window shows, adding persons by
hand, taking them off, and the state of some persons' rows that undo puts back exactly.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from defence_dir.data.models import (
    Attendance,
    AttendanceStatus,
    ConsentAction,
    ConsentRecord,
    EmailAddress,
    ListMembership,
    MembershipStatus,
    Organisation,
    Person,
    display_name_of,
)
from defence_dir.i18n import _
from defence_dir.lists.consent import (
    Consent,
    ConsentSource,
    SubscribeOutcome,
    subscribe,
    utc_now,
)
from defence_dir.lists.consent import _consent_summary as consent_summary  # as subscribe() writes
from defence_dir.lists.editing import (
    Row,
    get_collection,
    insert_rows,
    refresh_search,
    table_rows,
)
from defence_dir.records.kinds import RecordKind
from defence_dir.text.collation import sort_key
from defence_dir.text.plain import clean_text


@dataclass(frozen=True)
class MembersState:
    """The membership (a list's) or attendance (an event's) rows of some persons in one
    collection, as they were at one moment; a person without a row is not a member."""

    kind: RecordKind
    owner_id: int
    person_ids: tuple[int, ...]
    members: tuple[Row, ...]
    consent: tuple[Row, ...] = field(default=())


def members_state(session: Session, kind: RecordKind, owner_id: int,
                  person_ids: Iterable[int]) -> MembersState:
    ids = tuple(dict.fromkeys(person_ids))
    if kind == RecordKind.EVENT:
        rows = table_rows(session, Attendance, (Attendance.event_id == owner_id)
                     & Attendance.person_id.in_(ids))
        return MembersState(kind, owner_id, ids, rows)
    rows = table_rows(session, ListMembership, (ListMembership.list_id == owner_id)
                 & ListMembership.person_id.in_(ids))
    consent = table_rows(session, ConsentRecord,
                    ConsentRecord.membership_id.in_([m["id"] for m in rows]))
    return MembersState(kind, owner_id, ids, rows, consent)


def apply_members_state(session: Session, state: MembersState) -> None:
    """Make the rows of these persons exactly what `state` holds (for undo and redo)."""
    get_collection(session, state.kind, state.owner_id)
    if state.kind == RecordKind.EVENT:
        session.execute(delete(Attendance).where(Attendance.event_id == state.owner_id,
                                                 Attendance.person_id.in_(state.person_ids)))
        insert_rows(session, Attendance, state.members)
    else:
        # Consent records go with their membership (ON DELETE CASCADE).
        session.execute(delete(ListMembership).where(
            ListMembership.list_id == state.owner_id,
            ListMembership.person_id.in_(state.person_ids)))
        insert_rows(session, ListMembership, state.members)
        insert_rows(session, ConsentRecord, state.consent)
    refresh_search(session, state.person_ids)
    session.expire_all()


# --- big changes in steps (the window runs them in a worker thread with progress and cancel) ---

CHUNK = 500  # persons per step: about 50 ms of work, so progress moves and cancel answers soon
Progress = Callable[[int, int], object]  # (persons done, persons in all); may raise to cancel


def combine_states(first: MembersState, then: MembersState) -> MembersState:
    """`first`, with the rows of `then`'s persons as `then` has them (same list or event)."""
    replaced = set(then.person_ids)
    members = tuple(m for m in first.members if m["person_id"] not in replaced)
    kept = {m["id"] for m in members}
    consent = tuple(c for c in first.consent if c["membership_id"] in kept)
    return MembersState(first.kind, first.owner_id,
                        tuple(dict.fromkeys(first.person_ids + then.person_ids)),
                        members + then.members, consent + then.consent)


def _chunks(person_ids: Sequence[int], size: int) -> list[list[int]]:
    ids = list(dict.fromkeys(person_ids))
    return [ids[start:start + size] for start in range(0, len(ids), size)] or [[]]


def change_in_steps(session: Session, kind: RecordKind, owner_id: int, person_ids: Sequence[int],
                    change: Callable[[Session, list[int]], Any],
                    progress: Progress | None = None,
                    size: int | None = None) -> tuple[MembersState, list[Any], MembersState]:
    """Run `change(session, some_ids)` over the persons a step at a time, in the caller's
    transaction; returns the members' state before, each step's result and the state after.
    `progress` is called after each step; an exception it raises undoes everything (the
    caller's transaction rolls back)."""
    before = after = None
    results = []
    done = 0
    chunks = _chunks(person_ids, size or CHUNK)
    total = sum(len(chunk) for chunk in chunks)
    for chunk in chunks:
        state = members_state(session, kind, owner_id, chunk)
        results.append(change(session, chunk))
        new = members_state(session, kind, owner_id, chunk)
        before = state if before is None else combine_states(before, state)
        after = new if after is None else combine_states(after, new)
        done += len(chunk)
        if progress is not None:
            progress(done, total)
    assert before is not None and after is not None
    return before, results, after


def apply_in_steps(session: Session, state: MembersState, progress: Progress | None = None,
                   size: int | None = None) -> None:
    """apply_members_state a step at a time (undo and redo of a big change)."""
    chunks = _chunks(state.person_ids, size or CHUNK)
    total, done = sum(len(chunk) for chunk in chunks), 0
    for chunk in chunks:
        wanted = set(chunk)
        members = tuple(m for m in state.members if m["person_id"] in wanted)
        ids = {m["id"] for m in members}
        apply_members_state(session, MembersState(
            state.kind, state.owner_id, tuple(chunk), members,
            tuple(c for c in state.consent if c["membership_id"] in ids)))
        done += len(chunk)
        if progress is not None:
            progress(done, total)


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
    get_collection(session, RecordKind.LIST, list_id)
    consent = Consent(ConsentSource.MANUAL, source=_("added in the directory window"),
                      note=clean_text(note, multiline=True), at=utc_now())
    ids = list(dict.fromkeys(person_ids))
    known = set(session.scalars(select(ListMembership.person_id).where(
        ListMembership.list_id == list_id, ListMembership.person_id.in_(ids))))
    new = set(session.scalars(select(Person.id).where(Person.id.in_(
        [i for i in ids if i not in known]))))
    # Persons not yet on the list (nearly everyone in a big add) with two Core inserts: one
    # subscribe() per person flushes each time and took 7 s for 5,000 persons. Same rows as
    # subscribe() writes.
    if new:
        insert_rows(session, ListMembership, [{
            "list_id": list_id, "person_id": person_id,
            "status": MembershipStatus.SUBSCRIBED.value, "consent_at": consent.at,
            "consent_source": consent_summary(consent), "consent_note": consent.note}
            for person_id in new])
        membership_ids = session.scalars(select(ListMembership.id).where(
            ListMembership.list_id == list_id, ListMembership.person_id.in_(new)))
        insert_rows(session, ConsentRecord, [{
            "membership_id": membership_id, "action": ConsentAction.GIVEN.value,
            "at": consent.at, "source_kind": consent.kind.value, "source": consent.source,
            "note": consent.note} for membership_id in membership_ids])
        refresh_search(session, new)
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
    get_collection(session, RecordKind.EVENT, event_id)
    ids = list(dict.fromkeys(person_ids))
    present = set(session.scalars(select(Attendance.person_id).where(
        Attendance.event_id == event_id, Attendance.person_id.in_(ids))))
    existing = set(session.scalars(select(Person.id).where(Person.id.in_(
        [i for i in ids if i not in present]))))
    outcome = AddOutcome(already=[i for i in ids if i in present],
                         added=[i for i in ids if i in existing])  # not: deleted meanwhile
    # One Core insert, not an ORM object per person (5,000 took 0.8 s that way).
    insert_rows(session, Attendance, [{
        "event_id": event_id, "person_id": person_id,
        "status": AttendanceStatus.REGISTERED.value} for person_id in outcome.added])
    refresh_search(session, outcome.added)
    session.expire_all()
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


def member_rows(session: Session, kind: RecordKind, owner_id: int) -> list[MemberRow]:
    """Everyone on the list (any status) or at the event, alphabetically.

    One flat query without ORM objects: a list of 5,000 members loads in well under the 200 ms
    the window can spend on the GUI thread (ORM objects with their emails took 0.7 s).
    """
    get_collection(session, kind, owner_id)
    link: Any = ListMembership if kind == RecordKind.LIST else Attendance
    owner_column = link.list_id if kind == RecordKind.LIST else link.event_id
    first_email = (select(EmailAddress.address).where(EmailAddress.person_id == Person.id)
                   .order_by(EmailAddress.position, EmailAddress.id).limit(1)
                   .correlate(Person).scalar_subquery())
    consent = ((link.consent_at, link.consent_source, link.consent_note, link.unsubscribed_at)
               if kind == RecordKind.LIST else ())
    rows = session.execute(
        select(Person.id, Person.title, Person.given_name, Person.middle_name,
               Person.family_name, Person.name_suffix, Organisation.name, first_email,
               link.status, *consent)
        .join(link, link.person_id == Person.id)
        .outerjoin(Organisation, Organisation.id == Person.organisation_id)
        .where(owner_column == owner_id)).all()
    rows = sorted(rows, key=lambda r: (sort_key(r.family_name), sort_key(r.given_name), r.id))
    return [MemberRow(r[0], display_name_of(*r[1:6]), r[6] or "", r[7] or "", r[8], *r[9:])
            for r in rows]

def remove_from(session: Session, kind: RecordKind, owner_id: int,
                person_ids: Iterable[int]) -> int:
    """Take persons off a list (the unsubscribed stay as suppressions) or an event."""
    from defence_dir.lists.consent import remove_attendance, remove_members

    get_collection(session, kind, owner_id)
    # Both refresh the search documents (list and event filter tags) themselves.
    return (remove_members if kind == RecordKind.LIST else remove_attendance)(session, owner_id,
                                                                     list(person_ids))
