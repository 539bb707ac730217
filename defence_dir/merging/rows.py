"""Every stored row of a set of persons, read in bulk, as JSON and back, with a digest.

A merge keeps these rows (`person_merge.before_json`) so its undo puts them back as they were,
ids included; the digest of the kept person's rows right after the merge lets the undo see
any later change (a membership added by an import does not move the person's version).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import Date, DateTime, Table, or_, select
from sqlalchemy.orm import Session

from defence_dir.data.models import (
    Attendance,
    ConsentRecord,
    EmailAddress,
    ListMembership,
    NetworkRole,
    NotDuplicatePair,
    Person,
    PersonMerge,
    PhoneNumber,
    person_topic,
)

Row = dict[str, Any]
# Ids per IN (...) list: well below SQLite's limit of bound parameters.
CHUNK = 900

# A person's own rows, parents before children (the order they are inserted back in).
OWN_TABLES: tuple[Table, ...] = (
    Person.__table__, EmailAddress.__table__, PhoneNumber.__table__, person_topic,
    NetworkRole.__table__, ListMembership.__table__, ConsentRecord.__table__,
    Attendance.__table__)
# Rows that go with a merged person by cascade, though they are not its own: marks "not
# duplicates" and records of earlier merges into it.
CASCADED_TABLES: tuple[Table, ...] = (NotDuplicatePair.__table__, PersonMerge.__table__)
ALL_TABLES = OWN_TABLES + CASCADED_TABLES
TABLES: dict[str, Table] = {t.name: t for t in ALL_TABLES}


def chunks(values: Sequence[int], size: int = CHUNK) -> Iterable[Sequence[int]]:
    for start in range(0, len(values), size):
        yield values[start:start + size]


def _select(session: Session, table: Table, where: Any) -> list[Row]:
    result = session.execute(select(table).where(where))
    keys = list(result.keys())
    return [dict(zip(keys, row, strict=True)) for row in result]


def _by_ids(session: Session, table: Table, column: str, ids: Sequence[int]) -> list[Row]:
    found: list[Row] = []
    for chunk in chunks(sorted(set(ids))):
        found += _select(session, table, table.c[column].in_(chunk))
    return found


def own_rows(session: Session, person_ids: Sequence[int]) -> dict[str, list[Row]]:
    """The persons' own rows per table name (consent records through their memberships)."""
    rows = {table.name: _by_ids(session, table, "id" if table.name == "person" else "person_id",
                                person_ids)
            for table in OWN_TABLES if table.name != "consent_record"}
    rows["consent_record"] = _by_ids(session, ConsentRecord.__table__, "membership_id",
                                     [m["id"] for m in rows["list_membership"]])
    return rows


def cascaded_rows(session: Session, person_ids: Sequence[int]) -> dict[str, list[Row]]:
    """Rows deleting these persons would take with them besides their own."""
    pairs = NotDuplicatePair.__table__
    found: list[Row] = []
    for chunk in chunks(sorted(set(person_ids))):
        found += _select(session, pairs, or_(pairs.c.person_a_id.in_(chunk),
                                              pairs.c.person_b_id.in_(chunk)))
    unique = {row["id"]: row for row in found}
    return {"not_duplicate_pair": list(unique.values()),
            "person_merge": _by_ids(session, PersonMerge.__table__, "kept_person_id",
                                    person_ids)}


def owner_of(table: str, row: Row, membership_owner: dict[int, int]) -> int | None:
    """The person a row belongs to (for a consent record: its membership's person)."""
    if table == "person":
        return int(row["id"])
    if table == "consent_record":
        return membership_owner.get(row["membership_id"])
    if table == "person_merge":
        return int(row["kept_person_id"])
    if table == "not_duplicate_pair":
        return None  # belongs to both; the caller sorts it
    return int(row["person_id"])


def _encode(value: object) -> object:
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(f"not stored as JSON: {type(value).__name__}")


def dumps(value: object) -> str:
    return json.dumps(value, default=_encode, ensure_ascii=False, sort_keys=True,
                      separators=(",", ":"))


def decoded(table_name: str, rows: list[Row]) -> list[Row]:
    """Rows read back from JSON with their dates and times as Python values again."""
    table = TABLES[table_name]
    timed = [(c.name, isinstance(c.type, DateTime)) for c in table.columns
             if isinstance(c.type, DateTime | Date)]
    out = []
    for row in rows:
        row = dict(row)
        for name, is_datetime in timed:
            value = row.get(name)
            if isinstance(value, str):
                row[name] = (datetime.fromisoformat(value) if is_datetime
                             else date.fromisoformat(value))
        out.append(row)
    return out


def _key(table_name: str, row: Row) -> tuple[Any, ...]:
    if table_name == "person_topic":
        return (row["person_id"], row["topic_id"])
    return (row["id"],)


def digest(rows: dict[str, list[Row]]) -> str:
    """A fingerprint of a person's own rows, independent of the order they were read in."""
    ordered = {name: sorted(rows.get(name, []), key=lambda r, n=name: _key(n, r))  # type: ignore[misc]
               for name in sorted(rows)}
    return hashlib.sha256(dumps(ordered).encode()).hexdigest()


def split_by_person(rows: dict[str, list[Row]], person_ids: Iterable[int]
                    ) -> dict[int, dict[str, list[Row]]]:
    """Own rows read for many persons, per person."""
    split: dict[int, dict[str, list[Row]]] = {
        pid: {t.name: [] for t in OWN_TABLES} for pid in person_ids}
    owners = {m["id"]: m["person_id"] for m in rows.get("list_membership", [])}
    for name, table_rows in rows.items():
        for row in table_rows:
            owner = owner_of(name, row, owners)
            if owner in split:
                split[owner][name].append(row)
    return split
