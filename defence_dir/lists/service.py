"""Lists' and events' public API for the window and the command line: create, rename, delete
and undo, who is on them and changing that, and the mailing; each call in a transaction of its
own, returning plain data.

A change of members runs a step at a time (`progress(done, total)` after each; an exception
it raises rolls the whole change back) and returns the members' state before and after, so
that undo can put the rows back exactly.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from defence_dir.data.database import Database
from defence_dir.data.models import AttendanceStatus as AttendanceStatus  # for the views
from defence_dir.data.models import DistributionList, Event
from defence_dir.errors import NotFoundError
from defence_dir.lists import consent, editing, mailing
from defence_dir.lists import member_rows as members
from defence_dir.lists.editing import CollectionSnapshot as CollectionSnapshot
from defence_dir.lists.mailing import EmailLine as EmailLine
from defence_dir.lists.mailing import Recipient
from defence_dir.lists.member_rows import AddOutcome as AddOutcome
from defence_dir.lists.member_rows import MemberRow as MemberRow
from defence_dir.lists.member_rows import MembersState as MembersState
from defence_dir.lists.member_rows import Progress as Progress
from defence_dir.lists.member_rows import combine_states as combine_states
from defence_dir.records.kinds import RecordKind

# --- the lists and events themselves ----------------------------------------------------------


def name_of(db: Database, kind: RecordKind, record_id: int) -> str:
    """The list's or event's name; NotFoundError when it no longer exists."""
    with db.read_session() as session:
        return editing.get_collection(session, kind, record_id).name


def _found(session: Session, kind: RecordKind, record_id: int) -> DistributionList | Event | None:
    try:
        return editing.get_collection(session, kind, record_id)
    except NotFoundError:
        return None


def values_of(db: Database, kind: RecordKind, record_id: int) -> dict[str, Any] | None:
    """What create() and rename() take, as stored now; None when it no longer exists."""
    with db.read_session() as session:
        record = _found(session, kind, record_id)
        return None if record is None else editing.values_of(record)


def create(db: Database, kind: RecordKind, values: dict[str, Any]) -> CollectionSnapshot:
    """A new list or event from the dialog's values (name, description; an event's starts_on
    and city); its snapshot (id in `record["id"]`) lets undo delete and redo restore it."""
    with db.session() as session:
        record_id = editing.create(session, kind, **values).id
        return editing.snapshot(session, kind, record_id)


def rename(db: Database, kind: RecordKind, record_id: int, values: dict[str, Any]) -> None:
    with db.session() as session:
        editing.rename(session, kind, record_id, **values)


def delete(db: Database, kind: RecordKind, record_id: int) -> CollectionSnapshot:
    """Delete it with its memberships and consent history (attendances); returns what undo
    restores."""
    with db.session() as session:
        saved = editing.snapshot(session, kind, record_id)
        editing.delete_collection(session, kind, record_id)
    return saved


def restore(db: Database, saved: CollectionSnapshot) -> None:
    """Bring a deleted list or event back with the same id, members and consent history."""
    with db.session() as session:
        editing.restore(session, saved)


def member_count(db: Database, kind: RecordKind, record_id: int) -> int:
    with db.read_session() as session:
        return editing.member_count(session, kind, record_id)


def member_rows(db: Database, kind: RecordKind, owner_id: int, *,
                without_consent: bool = False) -> tuple[str, list[MemberRow]] | None:
    """The name and the members (attendees), alphabetically; with `without_consent` only the
    subscribed members without proof of consent (lists). None when it no longer exists."""
    with db.read_session() as session:
        record = _found(session, kind, owner_id)
        if record is None:
            return None
        rows = members.member_rows(session, kind, owner_id)
        if kind == RecordKind.LIST and without_consent:
            # The core's definition of "no proof of consent" decides what the filter shows.
            missing = {p.id for p in consent.members_without_consent(session, owner_id)}
            rows = [r for r in rows if r.person_id in missing]
        return record.name, rows


# --- changing who is on them --------------------------------------------------------------------


@dataclass(frozen=True)
class MembersChanged:
    """A change of members: their rows before and after, and what it did (an AddOutcome for
    adding, else the number of persons changed)."""

    before: MembersState
    after: MembersState
    result: Any


def _merged(results: list[Any]) -> Any:
    """One result for a change made in steps: counts added up, add outcomes joined."""
    if results and all(isinstance(r, AddOutcome) for r in results):
        return AddOutcome(added=[i for r in results for i in r.added],
                          already=[i for r in results for i in r.already],
                          suppressed=[i for r in results for i in r.suppressed])
    if results and all(isinstance(r, int) for r in results):
        return sum(results)
    return results[-1] if results else None


def _change(db: Database, kind: RecordKind, owner_id: int, person_ids: Sequence[int],
            change: Callable[[Session, list[int]], Any],
            progress: Progress | None) -> MembersChanged:
    with db.session() as session:
        before, results, after = members.change_in_steps(session, kind, owner_id, person_ids,
                                                         change, progress)
    return MembersChanged(before, after, _merged(results))


def add_members(db: Database, list_id: int, person_ids: Sequence[int], note: str | None = None,
                *, new_consent: bool = False, progress: Progress | None = None
                ) -> MembersChanged:
    """Subscribe persons by hand; those who unsubscribed earlier are left out (the result's
    `suppressed`) unless `new_consent` records an explicit new consent for them."""
    return _change(db, RecordKind.LIST, list_id, person_ids,
                   lambda s, ids: members.add_members(s, list_id, ids, note,
                                                      new_consent=new_consent), progress)


def register_attendees(db: Database, event_id: int, person_ids: Sequence[int], *,
                       progress: Progress | None = None) -> MembersChanged:
    """Register persons for an event; those already on it keep their status."""
    return _change(db, RecordKind.EVENT, event_id, person_ids,
                   lambda s, ids: members.register_attendees(s, event_id, ids), progress)


def remove_members(db: Database, kind: RecordKind, owner_id: int, person_ids: Sequence[int], *,
                   progress: Progress | None = None) -> MembersChanged:
    """Take persons off a list (the unsubscribed stay as suppressions) or an event."""
    return _change(db, kind, owner_id, person_ids,
                   lambda s, ids: members.remove_from(s, kind, owner_id, ids), progress)


def unsubscribe(db: Database, list_id: int, person_ids: Sequence[int], note: str | None = None,
                *, progress: Progress | None = None) -> MembersChanged:
    """Unsubscribe subscribed members (they stay as suppressions); the result counts them."""
    return _change(db, RecordKind.LIST, list_id, person_ids,
                   lambda s, ids: consent.unsubscribe_many(s, list_id, ids, note=note),
                   progress)


def set_attendance(db: Database, event_id: int, person_ids: Sequence[int],
                   status: AttendanceStatus | str, *,
                   progress: Progress | None = None) -> MembersChanged:
    """Set the attendees' status (registers those not yet on the event)."""
    wanted = AttendanceStatus(status)
    return _change(db, RecordKind.EVENT, event_id, person_ids,
                   lambda s, ids: consent.set_attendance(s, event_id, ids, wanted), progress)


def set_members_state(db: Database, state: MembersState,
                      progress: Progress | None = None) -> None:
    """Make these persons' rows exactly what `state` holds (undo and redo); with `progress`
    a step at a time."""
    with db.session() as session:
        if progress is None:
            members.apply_members_state(session, state)
        else:
            members.apply_in_steps(session, state, progress)


# --- the mailing --------------------------------------------------------------------------------


def _recipients(session: Session, kind: RecordKind, owner_id: int) -> list[Recipient]:
    name = editing.get_collection(session, kind, owner_id).name  # or NotFoundError
    if kind == RecordKind.LIST:
        return mailing.recipients(session, list_name=name)
    return mailing.recipients(session, event_name=name)


def write_mail_merge(db: Database, kind: RecordKind, owner_id: int, path: Path) -> int:
    """The recipients as a mail-merge .xlsx (OSError when it cannot be written); their count."""
    with db.read_session() as session:
        return mailing.write_mail_merge_xlsx(_recipients(session, kind, owner_id), path)


def email_line(db: Database, kind: RecordKind, owner_id: int,
               separator: str = ", ") -> EmailLine:
    """The addresses for a BCC field, without the unsubscribed, cancelled and invalid."""
    with db.read_session() as session:
        return mailing.email_line(_recipients(session, kind, owner_id), separator)


def write_mail_merge_named(db: Database, path: Path, *, list_name: str | None = None,
                           event_name: str | None = None) -> int:
    """write_mail_merge() for the list or event of that name (the command line's way)."""
    with db.read_session() as session:
        found = mailing.recipients(session, list_name=list_name, event_name=event_name)
        return mailing.write_mail_merge_xlsx(found, path)


def email_line_named(db: Database, *, list_name: str | None = None,
                     event_name: str | None = None, separator: str = ", ") -> EmailLine:
    """email_line() for the list or event of that name."""
    with db.read_session() as session:
        found = mailing.recipients(session, list_name=list_name, event_name=event_name)
        return mailing.email_line(found, separator)
