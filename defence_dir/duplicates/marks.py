"""Pairs marked "not duplicates": stored once, the smaller id first."""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import delete, func, or_, select
from sqlalchemy.orm import Session

from defence_dir.data.models import NotDuplicatePair, Person
from defence_dir.errors import NotFoundError, ValidationError
from defence_dir.i18n import _

Pair = tuple[int, int]


def ordered_pair(first_id: int, second_id: int) -> Pair:
    if first_id == second_id:
        raise ValidationError(_("A person cannot be marked as different from itself "
                                "(id {id} twice).", id=first_id))
    return (first_id, second_id) if first_id < second_id else (second_id, first_id)


def all_marks(session: Session) -> set[Pair]:
    return set(session.execute(select(NotDuplicatePair.person_a_id,
                                      NotDuplicatePair.person_b_id)))


def marks_of(session: Session, ids: Collection[int]) -> set[Pair]:
    ordered = sorted(ids)
    found: set[Pair] = set()
    for start in range(0, len(ordered), 400):
        chunk = ordered[start:start + 400]
        found.update(session.execute(
            select(NotDuplicatePair.person_a_id, NotDuplicatePair.person_b_id).where(or_(
                NotDuplicatePair.person_a_id.in_(chunk),
                NotDuplicatePair.person_b_id.in_(chunk)))))
    return found


def require_persons(session: Session, pair: Pair) -> None:
    found = set(session.scalars(select(Person.id).where(Person.id.in_(pair))))
    missing = [i for i in pair if i not in found]
    if missing:
        raise NotFoundError(_("There is no person with the number {id}.", id=missing[0]))


def mark(session: Session, pair: Pair) -> None:
    require_persons(session, pair)
    exists = session.scalar(select(func.count()).select_from(NotDuplicatePair).where(
        NotDuplicatePair.person_a_id == pair[0], NotDuplicatePair.person_b_id == pair[1]))
    if not exists:
        session.add(NotDuplicatePair(person_a_id=pair[0], person_b_id=pair[1]))


def unmark(session: Session, pair: Pair) -> None:
    session.execute(delete(NotDuplicatePair).where(NotDuplicatePair.person_a_id == pair[0],
                                                   NotDuplicatePair.person_b_id == pair[1]))
