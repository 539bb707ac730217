"""Distribution lists and events as collections of persons: create, rename, delete, and the
snapshot that brings a deleted one back with its members and consent history (for undo).

Who is on a list or at an event is in defence_dir/lists/member_rows.py.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, cast

from sqlalchemy import func, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from defence_dir.data.models import (
    Attendance,
    ConsentRecord,
    DistributionList,
    Event,
    ListMembership,
)
from defence_dir.errors import NotFoundError, ValidationError
from defence_dir.i18n import _
from defence_dir.records.kinds import RecordKind
from defence_dir.text.plain import clean_text

Row = dict[str, Any]
# The two kinds of collection and their record class.
MODELS: dict[RecordKind, type[DistributionList | Event]] = {
    RecordKind.LIST: DistributionList, RecordKind.EVENT: Event}


def _model(kind: RecordKind) -> type[DistributionList | Event]:
    if kind not in MODELS:
        raise ValueError(f"unknown collection kind {kind!r}")
    return MODELS[kind]


def _checked_name(session: Session, kind: RecordKind, name: str | None, own_id: int | None) -> str:
    """A non-blank name no other list (or event) has, compared without case: the schema only
    rejects exact duplicates, but two lists "Presse" and "presse" would confuse everyone."""
    clean = clean_text(name)
    if clean is None:
        raise ValidationError(_("A distribution list needs a name.") if kind == RecordKind.LIST
                              else _("An event needs a name."), field="name")
    model = _model(kind)
    clash = session.scalar(select(model.id).where(func.lower(model.name) == clean.lower(),
                                                  model.id != (own_id or -1)))
    if clash is not None:
        raise ValidationError(
            _("A distribution list “{name}” exists already.", name=clean) if kind == RecordKind.LIST
            else _("An event “{name}” exists already.", name=clean), field="name")
    return clean


def get_collection(session: Session, kind: RecordKind, record_id: int) -> DistributionList | Event:
    # (session.get types a model given as a union as their common base)
    record = cast("DistributionList | Event | None", session.get(_model(kind), record_id))
    if record is None:
        raise NotFoundError(_("The distribution list no longer exists.") if kind == RecordKind.LIST
                            else _("The event no longer exists."))
    return record


def _flush_named(session: Session, kind: RecordKind, name: str) -> None:
    """Flush; the unique name may still clash with one saved meanwhile from another window."""
    try:
        session.flush()
    except IntegrityError as exc:
        raise ValidationError(
            _("A distribution list “{name}” exists already.", name=name) if kind == RecordKind.LIST
            else _("An event “{name}” exists already.", name=name), field="name") from exc


def _set_values(session: Session, kind: RecordKind, record: DistributionList | Event,
                name: str | None, description: str | None, starts_on: date | None,
                city: str | None) -> None:
    with session.no_autoflush:  # a new record must not be flushed before it has its name
        record.name = _checked_name(session, kind, name, record.id)
    record.description = clean_text(description, multiline=True)
    if isinstance(record, Event):  # lists have neither date nor city
        if record.ends_on is not None and starts_on is not None and record.ends_on < starts_on:
            record.ends_on = None  # the schema wants the end after the start
        record.starts_on, record.city = starts_on, clean_text(city)
    _flush_named(session, kind, record.name)


def create(session: Session, kind: RecordKind, name: str | None, description: str | None = None, *,
           starts_on: date | None = None, city: str | None = None) -> DistributionList | Event:
    """A new list (RecordKind.LIST) or event (with its date and city if known)."""
    record = _model(kind)()
    session.add(record)
    _set_values(session, kind, record, name, description, starts_on, city)
    return record


def rename(session: Session, kind: RecordKind, record_id: int, name: str | None,
           description: str | None = None, *, starts_on: date | None = None,
           city: str | None = None) -> DistributionList | Event:
    """Change the name and description (and an event's date and city)."""
    record = get_collection(session, kind, record_id)
    _set_values(session, kind, record, name, description, starts_on, city)
    return record


def values_of(record: DistributionList | Event) -> dict[str, Any]:
    """What create() and rename() take, as the record has it now (for the dialog and undo)."""
    values: dict[str, Any] = {"name": record.name, "description": record.description}
    if isinstance(record, Event):
        values.update(starts_on=record.starts_on, city=record.city)
    return values


def delete_collection(session: Session, kind: RecordKind, record_id: int) -> None:
    """Delete a list with its memberships and consent history, or an event with its
    attendances (snapshot it first to be able to undo)."""
    session.delete(get_collection(session, kind, record_id))
    session.flush()


def member_count(session: Session, kind: RecordKind, record_id: int) -> int:
    """How many memberships (a list) or attendances (an event) hang on the record."""
    model, owner = ((Attendance, Attendance.event_id) if kind == RecordKind.EVENT
                    else (ListMembership, ListMembership.list_id))
    return session.scalar(select(func.count()).select_from(model).where(
        owner == record_id)) or 0


# --- snapshots ---------------------------------------------------------------------------------

def table_rows(session: Session, model: Any, where: Any) -> tuple[Row, ...]:
    return tuple(dict(r._mapping) for r in session.execute(select(model.__table__).where(where)))


@dataclass(frozen=True)
class CollectionSnapshot:
    """A list or event with everything that hangs on it."""

    kind: RecordKind
    record: Row
    members: tuple[Row, ...]  # list_membership or attendance rows
    consent: tuple[Row, ...] = field(default=())


def snapshot(session: Session, kind: RecordKind, record_id: int) -> CollectionSnapshot:
    record = get_collection(session, kind, record_id)
    row = table_rows(session, type(record), type(record).id == record_id)[0]
    if kind == RecordKind.EVENT:
        return CollectionSnapshot(kind, row, table_rows(session, Attendance,
                                                   Attendance.event_id == record_id))
    members = table_rows(session, ListMembership, ListMembership.list_id == record_id)
    consent = table_rows(session, ConsentRecord,
                    ConsentRecord.membership_id.in_([m["id"] for m in members]))
    return CollectionSnapshot(kind, row, members, consent)


def insert_rows(session: Session, model: Any, rows: Sequence[Row]) -> None:
    if rows:
        session.execute(insert(model.__table__), list(rows))


def refresh_search(session: Session, person_ids: Iterable[int]) -> None:
    # Rows written with Core bypass the ORM events that keep the search tags (which lists and
    # events a person is in) current.
    from defence_dir.search.indexer import reindex_persons

    reindex_persons(session, set(person_ids))


def restore(session: Session, saved: CollectionSnapshot) -> None:
    """Put a deleted list or event back with the same id, members and consent history."""
    insert_rows(session, _model(saved.kind), [saved.record])
    if saved.kind == RecordKind.EVENT:
        insert_rows(session, Attendance, saved.members)
    else:
        insert_rows(session, ListMembership, saved.members)
        insert_rows(session, ConsentRecord, saved.consent)
    refresh_search(session, (m["person_id"] for m in saved.members))
    session.expire_all()
