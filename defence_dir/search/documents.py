"""Search documents: the folded, matchable text of persons, organisations and networks.

Loaded with a few Core queries per batch (not one ORM object graph per person), so the whole index
of a million persons builds in well under a minute.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import QueryableAttribute, Session

from defence_dir.data.models import (
    Attendance,
    EmailAddress,
    ListMembership,
    MembershipStatus,
    Network,
    NetworkRole,
    Organisation,
    Person,
    PhoneNumber,
    Topic,
    network_topic,
    organisation_topic,
    person_topic,
)
from defence_dir.text.collation import sort_key
from defence_dir.text.folding import phone_digit_forms, phonetic_code, words

Document = dict[str, Any]
TEXT_FIELDS = ("names", "phonetic", "organisation", "networks", "function", "topics", "city",
               "email", "phone", "notes", "tags")
KIND_LETTER = {"person": "p", "organisation": "o", "network": "n"}


def _joined(parts: Iterable[str]) -> str:
    """Words between single spaces with a space at both ends, so LIKE '% word%' finds a prefix."""
    body = " ".join(p for p in parts if p)
    return f" {body} " if body else " "


# Folded forms per text, cached: names, organisations, cities, functions and topics repeat
# across many persons, and building a million documents is dominated by this work.
@lru_cache(maxsize=200_000)
def _fragment(text: str) -> str:
    return " ".join(words(text))


@lru_cache(maxsize=200_000)
def _phonetic_fragment(text: str) -> str:
    return " ".join(code for word in words(text) if (code := phonetic_code(word)))


_sort_part = lru_cache(maxsize=200_000)(sort_key)


def _field(*texts: str | None) -> str:
    # The same text as _joined(_fragment(t) for t in texts if t), without a generator per
    # field: a million fields of an import's documents went through it.
    parts = [fragment for t in texts if t and (fragment := _fragment(t))]
    return f" {' '.join(parts)} " if parts else " "


def document_sort_key(kind: str, entity_id: int, first: str | None, second: str | None = None,
                      third: str | None = None) -> str:
    """Unique alphabetical key: family, given, middle name (or name), then kind and id."""
    return "\x1f".join((_sort_part(first), _sort_part(second), _sort_part(third),
                        f"{KIND_LETTER[kind]}{entity_id:012d}"))


def _new_document(kind: str, entity_id: int, key: str) -> Document:
    document: Document = {field: " " for field in TEXT_FIELDS}
    document.update(kind=kind, entity_id=entity_id, sort_key=key)
    return document


def _name_fields(document: Document, *texts: str | None) -> None:
    document["names"] = _field(*texts)
    document["phonetic"] = _joined(_phonetic_fragment(t) for t in texts if t)


@dataclass(slots=True)
class PersonRows:
    """What the documents of some persons are made of, as plain rows: read in one process,
    the documents can be built in another (see parallel_documents)."""

    persons: list[tuple[Any, ...]]
    emails: dict[int, list[str]]
    phones: dict[int, list[tuple[str | None, str | None]]]  # (E.164, as written)
    networks: dict[int, list[str]]
    roles: dict[int, list[str]]
    topics: dict[int, list[str]]
    tags: dict[int, list[str]]


def person_documents(session: Session, ids: Sequence[int] | None = None,
                     id_range: tuple[int, int] | None = None) -> list[Document]:
    """Documents of the persons with these ids, or with ids in `id_range` (inclusive)."""
    return documents_of_rows(person_rows(session, ids, id_range))


def person_rows(session: Session, ids: Sequence[int] | None = None,
                id_range: tuple[int, int] | None = None) -> PersonRows:
    """The rows the documents of these persons (see person_documents) are built from."""
    if ids is not None:
        def related(column: ColumnElement[int] | QueryableAttribute[int]) -> ColumnElement[bool]:
            return column.in_(ids)
    elif id_range is not None:
        # A range scan on person_id is cheaper than a long IN list for a bulk build.
        def related(column: ColumnElement[int] | QueryableAttribute[int]) -> ColumnElement[bool]:
            return column.between(*id_range)
    else:
        raise ValueError("person_documents needs ids or an id range")
    # Plain rows from the connection, fetched whole (iterating fetched them one by one): the
    # ORM's result processing cost more than building the documents' text for an import of
    # 100,000 rows. The connection does not autoflush.
    session.flush()
    run = session.connection().execute
    rows = PersonRows([tuple(row) for row in run(
        select(Person.id, Person.given_name, Person.middle_name, Person.family_name,
               Person.name_suffix, Person.function, Person.department, Person.notes,
               Organisation.name, Organisation.city, Organisation.postal_code,
               Person.organisation_id)
        .outerjoin(Organisation, Person.organisation_id == Organisation.id)
        .where(related(Person.id)))], *({} for _ in range(6)))
    if not rows.persons:
        return rows
    for person_id, address in run(
        select(EmailAddress.person_id, EmailAddress.address).where(related(EmailAddress.person_id))
        .order_by(EmailAddress.id)
    ).all():
        rows.emails.setdefault(person_id, []).append(address)
    for person_id, e164, raw in run(
        select(PhoneNumber.person_id, PhoneNumber.e164, PhoneNumber.raw)
        .where(related(PhoneNumber.person_id)).order_by(PhoneNumber.id)
    ).all():
        rows.phones.setdefault(person_id, []).append((e164, raw))
    for person_id, network_id, network, role, focus in run(
        select(NetworkRole.person_id, Network.id, Network.name, NetworkRole.role,
               NetworkRole.focus)
        .join(Network, NetworkRole.network_id == Network.id)
        .where(related(NetworkRole.person_id)).order_by(NetworkRole.id)
    ).all():
        rows.networks.setdefault(person_id, []).append(network)
        rows.roles.setdefault(person_id, []).extend((role, focus or ""))
        rows.tags.setdefault(person_id, []).append(f"n{network_id}")
    for person_id, topic_id, topic in run(
        select(person_topic.c.person_id, Topic.id, Topic.name)
        .join(Topic, person_topic.c.topic_id == Topic.id)
        .where(related(person_topic.c.person_id))
        .order_by(person_topic.c.person_id, person_topic.c.topic_id)
    ).all():
        rows.topics.setdefault(person_id, []).append(topic)
        rows.tags.setdefault(person_id, []).append(f"t{topic_id}")
    for person_id, list_id in run(
        select(ListMembership.person_id, ListMembership.list_id)
        .where(related(ListMembership.person_id),
               ListMembership.status == MembershipStatus.SUBSCRIBED.value)
        .order_by(ListMembership.id)
    ).all():
        rows.tags.setdefault(person_id, []).append(f"l{list_id}")
    for person_id, event_id in run(
        select(Attendance.person_id, Attendance.event_id).where(related(Attendance.person_id))
        .order_by(Attendance.id)
    ).all():
        rows.tags.setdefault(person_id, []).append(f"e{event_id}")
    return rows


def documents_of_rows(rows: PersonRows) -> list[Document]:
    """The persons' documents from their rows: folding and phonetics, no database."""
    networks, roles, topics, tags = rows.networks, rows.roles, rows.topics, rows.tags
    emails, phones = rows.emails, rows.phones
    documents = []
    for (pid, given, middle, family, suffix, function, department, notes, org, city,
         postal_code, org_id) in rows.persons:
        document = _new_document("person", pid, document_sort_key(
            "person", pid, family or given, given if family else None, middle))
        _name_fields(document, given, middle, family, suffix)
        document["organisation"] = _field(org)
        document["networks"] = _field(*networks.get(pid, ()))
        person_roles = roles.get(pid, [])
        document["function"] = _field(function, department, *person_roles[::2])
        document["topics"] = _field(*topics.get(pid, ()), *person_roles[1::2])
        document["city"] = _field(city, postal_code)
        document["email"] = _joined(" ".join(words(e)) for e in emails.get(pid, ()))
        document["phone"] = _joined(form for e164, raw in phones.get(pid, ())
                                    for form in phone_digit_forms(e164, raw))
        document["notes"] = _field(notes)
        org_tag = [f"o{org_id}"] if org_id else []
        document["tags"] = _joined(["kperson", *org_tag, *tags.get(pid, ())])
        documents.append(document)
    return documents


def _topics_of(session: Session, owner: Any, ids: Sequence[int] | None,
               ) -> tuple[defaultdict[int, list[str]], defaultdict[int, list[str]]]:
    """{owner id: topic names} and {owner id: topic tags} through a link table's owner column
    (organisation_topic.organisation_id, network_topic.network_id)."""
    query = select(owner, Topic.id, Topic.name).join(
        Topic, owner.table.c.topic_id == Topic.id).order_by(owner, Topic.id)
    if ids is not None:
        query = query.where(owner.in_(ids))
    topics: defaultdict[int, list[str]] = defaultdict(list)
    tags: defaultdict[int, list[str]] = defaultdict(list)
    for owner_id, topic_id, topic in session.execute(query):
        topics[owner_id].append(topic)
        tags[owner_id].append(f"t{topic_id}")
    return topics, tags


def organisation_documents(session: Session, ids: Sequence[int] | None = None) -> list[Document]:
    query = select(Organisation.id, Organisation.name, Organisation.city,
                   Organisation.postal_code, Organisation.street, Organisation.website,
                   Organisation.notes)
    if ids is not None:
        query = query.where(Organisation.id.in_(ids))
    topics, tags = _topics_of(session, organisation_topic.c.organisation_id, ids)
    documents = []
    for org_id, name, city, postal_code, street, website, notes in session.execute(query):
        document = _new_document("organisation", org_id,
                                 document_sort_key("organisation", org_id, name))
        _name_fields(document, name)
        document["organisation"] = _field(name)
        document["topics"] = _field(*topics.get(org_id, ()))
        document["city"] = _field(city, postal_code, street)
        document["email"] = _field(website)
        document["notes"] = _field(notes)
        document["tags"] = _joined(["korganisation", f"o{org_id}", *tags.get(org_id, ())])
        documents.append(document)
    return documents


def network_documents(session: Session, ids: Sequence[int] | None = None) -> list[Document]:
    query = select(Network.id, Network.name, Network.description, Network.website)
    if ids is not None:
        query = query.where(Network.id.in_(ids))
    topics, tags = _topics_of(session, network_topic.c.network_id, ids)
    documents = []
    for network_id, name, description, website in session.execute(query):
        document = _new_document("network", network_id,
                                 document_sort_key("network", network_id, name))
        _name_fields(document, name)
        document["networks"] = _field(name)
        document["topics"] = _field(*topics.get(network_id, ()))
        document["email"] = _field(website)
        document["notes"] = _field(description)
        document["tags"] = _joined(["knetwork", f"n{network_id}", *tags.get(network_id, ())])
        documents.append(document)
    return documents
