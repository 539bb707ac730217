"""Reading the directory: counts per entity and stable plain-data records of every kind."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from defence_dir.data.models import (
    Attendance,
    DistributionList,
    Event,
    ListMembership,
    Network,
    NetworkRole,
    Organisation,
    Person,
    Topic,
    network_topic,
    organisation_topic,
    person_topic,
)
from defence_dir.i18n import N_, _
from defence_dir.lists.consent import consent_history
from defence_dir.records.person_fields import texts_of
from defence_dir.text.collation import sort_key
from defence_dir.text.contact_values import format_phone_international

Record = dict[str, Any]

KINDS = ("persons", "organisations", "networks", "topics", "events", "lists")
_MODEL_OF_KIND: dict[str, type] = {
    "persons": Person,
    "organisations": Organisation,
    "networks": Network,
    "topics": Topic,
    "events": Event,
    "lists": DistributionList,
}


def counts(session: Session) -> dict[str, int]:
    """Number of records per kind, in KINDS order."""
    return {
        kind: session.scalar(select(func.count()).select_from(model)) or 0
        for kind, model in _MODEL_OF_KIND.items()
    }


def person_load_options() -> list[Any]:
    """Eager loads that a person record needs, so N persons cost a fixed number of queries."""
    return [
        selectinload(Person.organisation),
        selectinload(Person.emails),
        selectinload(Person.phones),
        selectinload(Person.topics),
        selectinload(Person.network_roles).selectinload(NetworkRole.network),
    ]


def load_persons(session: Session, ids: Sequence[int]) -> list[Person]:
    """The persons with these ids, in the order given (missing ids are left out)."""
    rows = session.scalars(
        select(Person).where(Person.id.in_(ids)).options(*person_load_options())
    ).all()
    by_id = {p.id: p for p in rows}
    return [by_id[i] for i in ids if i in by_id]


def person_sort_key(person: Person) -> tuple[str, str, int]:
    return sort_key(person.family_name), sort_key(person.given_name), person.id


def person_record(person: Person) -> Record:
    """A person as stable, JSON-ready data; phones carry their E.164 form."""
    return {
        "id": person.id,
        "uid": person.uid,
        "display_name": person.display_name,
        **texts_of(person),
        "organisation": person.organisation.name if person.organisation else None,
        "organisation_id": person.organisation_id,
        "networks": [
            {"name": role.network.name, "role": role.role, "focus": role.focus}
            for role in sorted(person.network_roles, key=lambda r: sort_key(r.network.name))
        ],
        "topics": [topic.name for topic in person.topics],
        "emails": [{"address": e.address, "kind": e.kind} for e in person.emails],
        "phones": [{"e164": p.e164, "raw": p.raw, "kind": p.kind} for p in person.phones],
        "version": person.version,
        "created_at": _iso(person.created_at),
        "updated_at": _iso(person.updated_at),
    }


def _iso(value: date | datetime | None) -> str | None:
    """ISO 8601; stored timestamps are naive UTC, so they are marked as such."""
    if value is None:
        return None
    if isinstance(value, datetime) and value.tzinfo is None:
        return value.isoformat() + "Z"
    return value.isoformat()


def _organisation_record(org: Organisation) -> Record:
    return {
        "id": org.id,
        "name": org.name,
        "kind": org.kind,
        "street": org.street,
        "postal_code": org.postal_code,
        "city": org.city,
        "country": org.country,
        "website": org.website,
        "topics": [t.name for t in org.topics],
        "notes": org.notes,
        "person_count": len(org.persons),
    }


def _network_record(network: Network) -> Record:
    return {
        "id": network.id,
        "name": network.name,
        "description": network.description,
        "website": network.website,
        "topics": [t.name for t in network.topics],
        "contacts": [
            r.person.display_name
            for r in sorted(network.roles, key=lambda r: person_sort_key(r.person))
        ],
    }


def _topic_record(topic: Topic) -> Record:
    return {"id": topic.id, "name": topic.name, "description": topic.description}


def _status_counts(session: Session, owner: Any, status: Any) -> dict[int, dict[str, int]]:
    """{owner id: {status: count}} in one grouped query (events' attendance, lists' members)."""
    result: dict[int, dict[str, int]] = {}
    for owner_id, state, n in session.execute(
        select(owner, status, func.count()).group_by(owner, status).order_by(owner, status)
    ):
        result.setdefault(owner_id, {})[state] = int(n)
    return result


def _event_record(event: Event, attendance: dict[str, int]) -> Record:
    return {
        "id": event.id,
        "name": event.name,
        "starts_on": _iso(event.starts_on),
        "ends_on": _iso(event.ends_on),
        "city": event.city,
        "venue": event.venue,
        "description": event.description,
        "organiser": event.organiser.name if event.organiser else None,
        "attendance": attendance,
    }


def _list_record(dist: DistributionList, members: dict[str, int]) -> Record:
    return {
        "id": dist.id,
        "name": dist.name,
        "description": dist.description,
        "owner": dist.owner.name if dist.owner else None,
        "members": members,
    }


def list_records(session: Session, kind: str) -> list[Record]:
    """Every record of `kind` (one of KINDS), in alphabetical order."""
    if kind == "persons":
        persons = session.scalars(select(Person).options(*person_load_options())).all()
        return [person_record(p) for p in sorted(persons, key=person_sort_key)]
    if kind not in _MODEL_OF_KIND:
        raise ValueError(f"unknown kind {kind!r}")
    build: Callable[[Any], Record]
    if kind == "organisations":
        options = [selectinload(Organisation.topics), selectinload(Organisation.persons)]
        build = _organisation_record
    elif kind == "networks":
        options = [selectinload(Network.topics),
                   selectinload(Network.roles).selectinload(NetworkRole.person)]
        build = _network_record
    elif kind == "topics":
        options, build = [], _topic_record
    elif kind == "events":
        options = [selectinload(Event.organiser)]
        attendance = _status_counts(session, Attendance.event_id, Attendance.status)
        def build(e: Event) -> Record:
            return _event_record(e, attendance.get(e.id, {}))
    else:
        options = [selectinload(DistributionList.owner)]
        members = _status_counts(session, ListMembership.list_id, ListMembership.status)
        def build(d: DistributionList) -> Record:
            return _list_record(d, members.get(d.id, {}))
    rows: Iterable[Any] = session.scalars(select(_MODEL_OF_KIND[kind]).options(*options)).all()
    return [build(row) for row in sorted(rows, key=lambda r: sort_key(r.name))]


@dataclass(frozen=True, slots=True)
class PersonRow:
    """What a table row shows of a person: cheap to load for the visible rows only."""

    id: int
    display_name: str
    family_name: str
    given_name: str
    networks: str
    organisation: str
    function: str
    email: str
    phone: str


def person_rows(session: Session, ids: Sequence[int]) -> list[PersonRow]:
    """Table rows for these person ids, in the order given (missing ids are left out)."""
    if not ids:
        return []
    persons = session.scalars(
        select(Person).where(Person.id.in_(ids)).options(
            selectinload(Person.organisation), selectinload(Person.emails),
            selectinload(Person.phones),
            selectinload(Person.network_roles).selectinload(NetworkRole.network),
        )
    ).all()
    by_id = {p.id: p for p in persons}
    rows = []
    for person_id in ids:
        person = by_id.get(person_id)
        if person is None:
            continue
        phone = person.phones[0] if person.phones else None
        rows.append(PersonRow(
            id=person.id,
            display_name=person.display_name,
            family_name=person.family_name or "",
            given_name=person.given_name or "",
            networks=", ".join(sorted((r.network.name for r in person.network_roles),
                                      key=sort_key)),
            organisation=person.organisation.name if person.organisation else "",
            function=person.function or "",
            email=person.emails[0].address if person.emails else "",
            phone=(format_phone_international(phone.e164) if phone and phone.e164
                   else (phone.raw if phone else "")),
        ))
    return rows



def records_by_id(session: Session, kind: str, ids: Sequence[int]) -> dict[int, Record]:
    """Records of one kind ("persons", "organisations", "networks") by id."""
    if not ids:
        return {}
    if kind == "persons":
        return {p.id: person_record(p) for p in load_persons(session, ids)}
    if kind == "organisations":
        orgs = session.scalars(select(Organisation).where(Organisation.id.in_(ids)).options(
            selectinload(Organisation.topics), selectinload(Organisation.persons))).all()
        return {o.id: _organisation_record(o) for o in orgs}
    if kind == "networks":
        networks = session.scalars(select(Network).where(Network.id.in_(ids)).options(
            selectinload(Network.topics),
            selectinload(Network.roles).selectinload(NetworkRole.person))).all()
        return {n.id: _network_record(n) for n in networks}
    raise ValueError(f"unknown kind {kind!r}")


def person_detail(session: Session, person_id: int) -> Record | None:
    """A person with everything the detail view links to (ids of networks, topics, lists,
    events), or None if the person no longer exists."""
    person = session.scalars(
        select(Person).where(Person.id == person_id).options(
            *person_load_options(),
            selectinload(Person.memberships).selectinload(ListMembership.distribution_list),
            selectinload(Person.attendances).selectinload(Attendance.event),
        )
    ).first()
    if person is None:
        return None
    record = person_record(person)
    record["network_links"] = [
        {"id": r.network_id, "name": r.network.name, "role": r.role, "focus": r.focus}
        for r in sorted(person.network_roles, key=lambda r: sort_key(r.network.name))]
    record["topic_links"] = [{"id": t.id, "name": t.name} for t in person.topics]
    record["lists"] = [
        {"id": m.list_id, "name": m.distribution_list.name, "status": m.status,
         "consent_at": _iso(m.consent_at), "consent_source": m.consent_source}
        for m in sorted(person.memberships, key=lambda m: sort_key(m.distribution_list.name))]
    record["events"] = [
        {"id": a.event_id, "name": a.event.name, "status": a.status,
         "starts_on": _iso(a.event.starts_on)}
        for a in sorted(person.attendances, key=lambda a: sort_key(a.event.name))]
    record["consent_history"] = consent_history(session, person_id)
    return record


def organisation_detail(session: Session, organisation_id: int) -> Record | None:
    org = session.scalars(select(Organisation).where(Organisation.id == organisation_id).options(
        selectinload(Organisation.topics), selectinload(Organisation.persons))).first()
    if org is None:
        return None
    record = _organisation_record(org)
    record["kind_label"] = organisation_kind_label(org.kind)
    record["topic_links"] = [{"id": t.id, "name": t.name} for t in org.topics]
    record["person_links"] = [{"id": p.id, "name": p.display_name}
                              for p in sorted(org.persons, key=person_sort_key)]
    return record


def network_detail(session: Session, network_id: int) -> Record | None:
    network = session.scalars(select(Network).where(Network.id == network_id).options(
        selectinload(Network.topics),
        selectinload(Network.roles).selectinload(NetworkRole.person))).first()
    if network is None:
        return None
    record = _network_record(network)
    record["topic_links"] = [{"id": t.id, "name": t.name} for t in network.topics]
    record["person_links"] = [
        {"id": r.person_id, "name": r.person.display_name, "role": r.role, "focus": r.focus}
        for r in sorted(network.roles, key=lambda r: person_sort_key(r.person))]
    return record


ORGANISATION_KIND_LABELS = {
    "large_industry": N_("Large industry"),
    "sme": N_("SME"),
    "research": N_("Research"),
    "public_body": N_("Public body"),
    "association": N_("Association"),
    "other": N_("Other"),
}


def organisation_rows(session: Session, ids: Sequence[int]) -> dict[int, Record]:
    """Table rows of organisations: name, kind (translated), city, number of persons."""
    if not ids:
        return {}
    staff = dict(session.execute(
        select(Person.organisation_id, func.count()).where(Person.organisation_id.in_(ids))
        .group_by(Person.organisation_id)).all())
    return {
        org_id: {"name": name, "kind": _(ORGANISATION_KIND_LABELS.get(kind, "Other")),
                 "city": city or "", "persons": str(staff.get(org_id, 0))}
        for org_id, name, kind, city in session.execute(
            select(Organisation.id, Organisation.name, Organisation.kind, Organisation.city)
            .where(Organisation.id.in_(ids)))
    }


def network_rows(session: Session, ids: Sequence[int]) -> dict[int, Record]:
    """Table rows of networks: name, technology fields, number of contact persons."""
    if not ids:
        return {}
    networks = session.scalars(select(Network).where(Network.id.in_(ids)).options(
        selectinload(Network.topics), selectinload(Network.roles))).all()
    return {n.id: {"name": n.name, "topics": ", ".join(t.name for t in n.topics),
                   "contacts": str(len({r.person_id for r in n.roles})),
                   "website": n.website or ""} for n in networks}


def topic_detail(session: Session, topic_id: int) -> Record | None:
    topic = session.get(Topic, topic_id)
    if topic is None:
        return None
    record = _topic_record(topic)
    record["person_links"] = [
        {"id": pid, "name": name} for pid, name in sorted(
            ((p.id, p.display_name) for p in session.scalars(
                select(Person).join(person_topic).where(person_topic.c.topic_id == topic_id))),
            key=lambda pair: sort_key(pair[1]))]
    record["organisation_links"] = [
        {"id": oid, "name": name} for oid, name in session.execute(
            select(Organisation.id, Organisation.name).join(organisation_topic)
            .where(organisation_topic.c.topic_id == topic_id).order_by(Organisation.name))]
    record["network_links"] = [
        {"id": nid, "name": name} for nid, name in session.execute(
            select(Network.id, Network.name).join(network_topic)
            .where(network_topic.c.topic_id == topic_id).order_by(Network.name))]
    return record


def event_detail(session: Session, event_id: int) -> Record | None:
    event = session.get(Event, event_id)
    if event is None:
        return None
    counts = _status_counts(session, Attendance.event_id, Attendance.status)
    return _event_record(event, counts.get(event_id, {}))


def list_detail(session: Session, list_id: int) -> Record | None:
    dist = session.get(DistributionList, list_id)
    if dist is None:
        return None
    counts = _status_counts(session, ListMembership.list_id, ListMembership.status)
    return _list_record(dist, counts.get(list_id, {}))


def organisation_kind_label(kind: str) -> str:
    return _(ORGANISATION_KIND_LABELS.get(kind, "Other"))
