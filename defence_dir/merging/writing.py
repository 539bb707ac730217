"""Merging groups of persons in the caller's transaction, set-based: a statement per kind of
write for all groups at once, so a certain lane of 1,000 pairs is a few dozen statements."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Table, bindparam, delete, insert, select, update
from sqlalchemy.orm import Session

from defence_dir.data.models import (
    Attendance,
    AuditEntry,
    ConsentRecord,
    EmailAddress,
    ListMembership,
    NetworkRole,
    Person,
    PersonMerge,
    PhoneNumber,
    person_topic,
)
from defence_dir.errors import DefenceDirError, NotFoundError, ValidationError
from defence_dir.i18n import _
from defence_dir.merging import rows as row_store
from defence_dir.merging.rows import Row
from defence_dir.merging.rules import GroupPlan, check_picks, plan_group
from defence_dir.search.indexer import bulk_writes, reindex_persons

Progress = Callable[[int, int], object]  # may raise to cancel
FORMAT = 1  # of before_json


class MergeConflictError(DefenceDirError):
    """A person was changed since the comparison was shown; nothing was merged."""

    def __init__(self, person_id: int, expected: int, found: int) -> None:
        super().__init__(_("Person {id} was changed elsewhere since the comparison was shown "
                           "(version {found}, expected {expected}); compare again.",
                           id=person_id, found=found, expected=expected))
        self.person_id = person_id
        self.expected = expected
        self.found = found


def check_groups(groups: Sequence[Sequence[int]]) -> list[tuple[int, ...]]:
    """The groups as tuples; refuses a group of one, a person twice, ids that are no ids."""
    seen: set[int] = set()
    checked = []
    for group in groups:
        ids = tuple(group)
        if any(isinstance(i, bool) or not isinstance(i, int) for i in ids):
            raise ValidationError(_("Person ids must be whole numbers."))
        if len(set(ids)) < len(ids):
            if len(set(ids)) == 1:
                raise ValidationError(_("A person cannot be merged with itself."))
            raise ValidationError(_("A person is named twice in the merge."))
        if len(ids) < 2:
            raise ValidationError(_("A merge needs the person to keep and at least one other."))
        if seen & set(ids):
            raise ValidationError(_("Person {id} is in more than one group.",
                                    id=min(seen & set(ids))))
        seen.update(ids)
        checked.append(ids)
    return checked


def merge(session: Session, groups: Sequence[Sequence[int]], *,
          picks: Sequence[Mapping[str, int]] | None = None,
          expected_versions: Mapping[int, int] | None = None,
          progress: Progress | None = None) -> list[tuple[int, tuple[int, ...], int]]:
    """Merge each group into its first person; returns (kept, merged, merge id) per group."""
    checked = check_groups(groups)
    all_ids = [i for ids in checked for i in ids]
    before = row_store.own_rows(session, all_ids)
    found = {row["id"]: row for row in before["person"]}
    missing = [i for i in all_ids if i not in found]
    if missing:
        raise NotFoundError(_("Person {id} does not exist (deleted or erased meanwhile).",
                              id=missing[0]))
    for person_id, version in (expected_versions or {}).items():
        if person_id in found and found[person_id]["version"] != version:
            raise MergeConflictError(person_id, version, found[person_id]["version"])
    merged_ids = [i for ids in checked for i in ids[1:]]
    cascaded = row_store.cascaded_rows(session, merged_ids)
    per_person = row_store.split_by_person(before, all_ids)
    plans: list[GroupPlan] = []
    total = len(checked)
    for index, ids in enumerate(checked):
        chosen = picks[index] if picks else {}
        check_picks(chosen, ids)
        plans.append(plan_group(ids, per_person, chosen))
        if progress and index % 50 == 0:
            progress(index, total)
    # The records first: on SQLite a new row takes the largest id plus one, and the records
    # of earlier merges into the merged persons go with them below (their undo restores them).
    records = PersonMerge.__table__
    merge_ids = list(session.execute(
        insert(records).returning(records.c.id, sort_by_parameter_order=True),
        [{"kept_person_id": plan.kept, "merged_ids_json": json.dumps(list(plan.merged)),
          "kept_version": 0, "before_json": ""} for plan in plans]).scalars())
    _write(session, plans, {p.kept: found[p.kept]["version"] for p in plans})
    after = row_store.split_by_person(row_store.own_rows(session, [p.kept for p in plans]),
                                      [p.kept for p in plans])
    filled = []
    for plan, merge_id in zip(plans, merge_ids, strict=True):
        group = (plan.kept, *plan.merged)
        snapshot = {name: [r for pid in group for r in per_person[pid][name]]
                    for name in per_person[plan.kept]}
        snapshot.update(_cascaded_of(cascaded, set(plan.merged)))
        filled.append({"id": merge_id, "kept_version": after[plan.kept]["person"][0]["version"],
                       "before_json": row_store.dumps({
                           "format": FORMAT, "group": list(group),
                           "after": row_store.digest(after[plan.kept]), "rows": snapshot})})
    _many(session, records, filled)
    session.execute(insert(AuditEntry.__table__), [
        {"action": "persons_merged", "subject": f"person #{plan.kept}",
         "detail": json.dumps({"merge": merge_id, "merged": list(plan.merged)})}
        for plan, merge_id in zip(plans, merge_ids, strict=True)])
    with bulk_writes(session, len(all_ids)):
        reindex_persons(session, all_ids)
    if progress:
        progress(total, total)
    return [(plan.kept, plan.merged, merge_id)
            for plan, merge_id in zip(plans, merge_ids, strict=True)]


def _cascaded_of(cascaded: dict[str, list[Row]], merged: set[int]) -> dict[str, list[Row]]:
    return {
        "not_duplicate_pair": [r for r in cascaded["not_duplicate_pair"]
                               if r["person_a_id"] in merged or r["person_b_id"] in merged],
        "person_merge": [r for r in cascaded["person_merge"] if r["kept_person_id"] in merged],
    }


def _many(session: Session, table: Table, values: list[Row]) -> None:
    """One executemany UPDATE of `table` by id for rows of the same keys."""
    if not values:
        return
    setting: dict[str, Any] = {k: bindparam(f"v_{k}") for k in values[0] if k != "id"}
    session.connection().execute(
        update(table).where(table.c.id == bindparam("row_id")).values(setting),
        [{"row_id": v["id"], **{f"v_{k}": v[k] for k in v if k != "id"}} for v in values])


def _write(session: Session, plans: list[GroupPlan], versions: dict[int, int]) -> None:
    now = datetime.now(UTC).replace(tzinfo=None)
    people = Person.__table__
    _many(session, people, [{"id": p.kept, **p.person, "version": versions[p.kept] + 1,
                             "updated_at": now} for p in plans])
    for table, attribute in ((EmailAddress.__table__, "email_moves"),
                             (PhoneNumber.__table__, "phone_moves"),
                             (NetworkRole.__table__, "role_moves"),
                             (NetworkRole.__table__, "role_updates"),
                             (ConsentRecord.__table__, "consent_moves"),
                             (ListMembership.__table__, "membership_updates"),
                             (ListMembership.__table__, "membership_moves"),
                             (Attendance.__table__, "attendance_updates"),
                             (Attendance.__table__, "attendance_moves")):
        _many(session, table, [row for p in plans for row in getattr(p, attribute)])
    inserts = [row for p in plans for row in p.topic_inserts]
    if inserts:
        session.execute(insert(person_topic), inserts)
    merged = [i for p in plans for i in p.merged]
    connection = session.connection()
    # Children first and by name, not by the database's cascade: what is left of the merged
    # persons (duplicate addresses, memberships whose consent moved) goes with them.
    for chunk in row_store.chunks(sorted(merged)):
        memberships = select(ListMembership.id).where(ListMembership.person_id.in_(chunk))
        connection.execute(delete(ConsentRecord).where(
            ConsentRecord.membership_id.in_(memberships)))
        for model in (EmailAddress, PhoneNumber, NetworkRole, ListMembership, Attendance):
            connection.execute(delete(model).where(model.person_id.in_(chunk)))
        connection.execute(delete(person_topic).where(person_topic.c.person_id.in_(chunk)))
        connection.execute(delete(Person).where(Person.id.in_(chunk)))
