"""Reading what the finder compares with a few set-based queries: all persons, or some."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator
from typing import Any

from sqlalchemy import ColumnElement, Connection, and_, case, func, select
from sqlalchemy.orm import Session

from defence_dir.data.models import EmailAddress, Organisation, Person, PhoneNumber
from defence_dir.duplicates.organisation_names import organisation_keys
from defence_dir.duplicates.people import Candidate, build_candidate, email_key, is_mobile

CHUNK = 900  # ids per IN (...): below SQLite's old limit of 999 variables

_FILLED_COLUMNS = (Person.salutation, Person.title, Person.given_name, Person.middle_name,
                   Person.family_name, Person.name_suffix, Person.function, Person.department,
                   Person.notes)


def _filled() -> ColumnElement[Any]:
    """How many of a person's single fields hold something (the keeper is the fullest)."""
    parts: list[ColumnElement[Any]] = [
        case((and_(column.is_not(None), column != ""), 1), else_=0) for column in _FILLED_COLUMNS]
    parts.append(case((Person.organisation_id.is_not(None), 1), else_=0))
    total = parts[0]
    for part in parts[1:]:
        total = total + part
    return total


# Per database: (fingerprint of the organisation table, groups, names). The per-person hint
# asks on every selection; the organisations change seldom.
_GROUPS: dict[int, tuple[tuple[Any, ...], dict[int, int], dict[int, str]]] = {}


def organisation_groups(session: Session) -> tuple[dict[int, int], dict[int, str]]:
    """(organisation id -> the smallest id of the organisations taken for one, id -> name).

    Organisations sharing a key (see organisation_keys) are one: a few thousand rows."""
    fingerprint = tuple(session.execute(select(
        func.count(), func.max(Organisation.id), func.sum(Organisation.id),
        func.max(Organisation.updated_at))).one())
    engine = id(session.get_bind())
    cached = _GROUPS.get(engine)
    if cached is not None and cached[0] == fingerprint:
        return cached[1], cached[2]
    names = dict(session.execute(select(Organisation.id, Organisation.name)).all())
    groups = _grouped(names)
    _GROUPS[engine] = (fingerprint, groups, names)
    return groups, names


def _grouped(names: dict[int, str]) -> dict[int, int]:
    parent = {org_id: org_id for org_id in names}

    def root(org_id: int) -> int:
        while parent[org_id] != org_id:
            parent[org_id] = parent[parent[org_id]]
            org_id = parent[org_id]
        return org_id

    first_by_key: dict[str, int] = {}
    for org_id in sorted(names):
        for key in organisation_keys(names[org_id]):
            other = first_by_key.setdefault(key, org_id)
            a, b = root(org_id), root(other)
            if a != b:
                parent[max(a, b)] = min(a, b)
    return {org_id: root(org_id) for org_id in names}


def _chunks(ids: Collection[int]) -> Iterator[list[int]]:
    ordered = sorted(ids)
    for start in range(0, len(ordered), CHUNK):
        yield ordered[start:start + CHUNK]


# Built once: building the expressions again cost more than running them for one person.
_PERSONS = select(Person.id, Person.title, Person.given_name, Person.family_name,
                  Person.organisation_id, _filled())
_EMAILS = select(EmailAddress.person_id, EmailAddress.address).order_by(
    EmailAddress.person_id, EmailAddress.position, EmailAddress.id)
_PHONES = select(PhoneNumber.person_id, PhoneNumber.e164, PhoneNumber.kind).where(
    PhoneNumber.e164.is_not(None)).order_by(
    PhoneNumber.person_id, PhoneNumber.position, PhoneNumber.id)


def _plain_rows(connection: Connection, query: Any) -> list[Any]:
    """All rows of a query without parameters as the driver's plain tuples: making a Row
    object of each of 300,000 rows cost more than reading them."""
    sql = str(query.compile(dialect=connection.dialect,
                            compile_kwargs={"literal_binds": True}))
    cursor = connection.connection.cursor()
    try:
        cursor.execute(sql)
        return list(cursor.fetchall())
    finally:
        cursor.close()


def load_candidates(session: Session, groups: dict[int, int], names: dict[int, str],
                    ids: Collection[int] | None = None, *,
                    contacts: bool = True) -> dict[int, Candidate]:
    """The persons (all, or those of `ids`) as the finder compares them, by id; without
    `contacts` only names and organisation (enough to build name blocks)."""
    person_query, email_query, phone_query = _PERSONS, _EMAILS, _PHONES
    # Core execution on the session's connection: the ORM's result handling cost seconds
    # over 300,000 plain rows.
    connection = session.connection()
    person_rows: list[Any] = []
    email_rows: list[Any] = []
    phone_rows: list[Any] = []
    if ids is None:
        person_rows = _plain_rows(connection, person_query)
        if contacts:
            email_rows = _plain_rows(connection, email_query)
            phone_rows = _plain_rows(connection, phone_query)
    else:
        for chunk in _chunks(ids):
            person_rows += connection.execute(person_query.where(Person.id.in_(chunk))).all()
            if contacts:
                email_rows += connection.execute(
                    email_query.where(EmailAddress.person_id.in_(chunk))).all()
                phone_rows += connection.execute(
                    phone_query.where(PhoneNumber.person_id.in_(chunk))).all()
    emails: dict[int, list[str]] = defaultdict(list)
    for person_id, address in email_rows:
        emails[person_id].append(address)
    phones: dict[int, list[tuple[str, bool]]] = defaultdict(list)
    for person_id, e164, kind in phone_rows:
        if e164:
            phones[person_id].append((e164, is_mobile(e164, kind)))
    found: dict[int, Candidate] = {}
    for person_id, title, given, family, org_id, filled in person_rows:
        found[person_id] = build_candidate(
            person_id, title=title, given=given, family=family, organisation_id=org_id,
            organisation=names.get(org_id) if org_id is not None else None,
            org_group=groups.get(org_id) if org_id is not None else None,
            emails=emails.get(person_id, []), phones=phones.get(person_id, []),
            filled_fields=int(filled or 0))
    return found


def _in_chunks(session: Session, query: Any, column: Any,
               values: Iterable[Any]) -> list[Any]:
    rows: list[Any] = []
    ordered = sorted(set(values))
    connection = session.connection()
    for start in range(0, len(ordered), CHUNK):
        rows += connection.execute(query.where(column.in_(ordered[start:start + CHUNK]))).all()
    return rows


def _case_variants(key: str) -> set[str]:
    """How the local part of an address is typed: as it is, lower, upper, or each word
    capitalised ("Juergen.Mueller@"); domains are stored lower-case."""
    local, _at, domain = key.rpartition("@")
    capitalised = re.sub(r"(^|[._-])([a-z])", lambda m: m.group(1) + m.group(2).upper(), local)
    return {f"{form}@{domain}" for form in (local, local.upper(), capitalised,
                                            local[:1].upper() + local[1:])}


def email_holders(session: Session, keys: Collection[str]) -> dict[str, set[int]]:
    """Who holds each of these addresses (compared as email_key does). The lookup uses the
    index on the address with the usual ways of typing it, so an address typed in a rarer
    mixed case ("JUERGEN.mueller@") is found by the full finder only."""
    variants = {variant for key in keys for variant in _case_variants(key)}
    found: dict[str, set[int]] = defaultdict(set)
    for person_id, address in _in_chunks(
            session, select(EmailAddress.person_id, EmailAddress.address),
            EmailAddress.address, variants):
        key = email_key(address)
        if key in keys:
            found[key].add(person_id)
    return found


def phone_holders(session: Session, numbers: Collection[str]) -> dict[str, set[int]]:
    """Who holds each of these numbers (E.164)."""
    found: dict[str, set[int]] = defaultdict(set)
    for person_id, e164 in _in_chunks(session, select(PhoneNumber.person_id, PhoneNumber.e164),
                                      PhoneNumber.e164, numbers):
        found[e164].add(person_id)
    return found


def persons_of_organisations(session: Session, org_ids: Collection[int]) -> list[int]:
    return [row[0] for row in _in_chunks(session, select(Person.id), Person.organisation_id,
                                         org_ids)]
