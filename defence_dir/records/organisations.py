"""Creating, changing and deleting organisations and technology fields (topics), validated."""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from defence_dir.data.models import (
    Network,
    Organisation,
    OrganisationKind,
    Person,
    Topic,
    network_topic,
    organisation_topic,
    person_topic,
)
from defence_dir.errors import NotFoundError, ValidationError
from defence_dir.i18n import _
from defence_dir.text.plain import clean_text

ORGANISATION_TEXT_FIELDS = ("name", "street", "postal_code", "city", "country", "website",
                            "notes")


@dataclass
class OrganisationDraft:
    name: str | None = None
    kind: str = OrganisationKind.OTHER.value
    street: str | None = None
    postal_code: str | None = None
    city: str | None = None
    country: str | None = None
    website: str | None = None
    notes: str | None = None
    topic_ids: list[int] = field(default_factory=list)

    def problems(self, session: Session | None = None,
                 organisation_id: int | None = None) -> list[ValidationError]:
        found = []
        if not clean_text(self.name):
            found.append(ValidationError(_("An organisation needs a name."), field="name"))
        if self.kind not in OrganisationKind.__members__.values():
            found.append(ValidationError(_("Unknown kind of organisation “{kind}”.",
                                           kind=self.kind), field="kind"))
        website = clean_text(self.website)
        if website and (" " in website or "." not in website):
            found.append(ValidationError(_("“{url}” is not a web address.", url=website),
                                         field="website"))
        return found

    def validated(self) -> OrganisationDraft:
        problems = self.problems()
        if problems:
            raise problems[0]
        texts: dict[str, Any] = {name: clean_text(getattr(self, name), multiline=name == "notes")
                                 for name in ORGANISATION_TEXT_FIELDS}
        return replace(self, **texts)


def organisation_draft_of(org: Organisation) -> OrganisationDraft:
    values = {f.name: getattr(org, f.name) for f in fields(OrganisationDraft)
              if f.name != "topic_ids"}
    return OrganisationDraft(**values, topic_ids=[t.id for t in org.topics])


def _apply_organisation(session: Session, org: Organisation, draft: OrganisationDraft) -> None:
    for name in (*ORGANISATION_TEXT_FIELDS, "kind"):
        setattr(org, name, getattr(draft, name))
    if sorted(t.id for t in org.topics) != sorted(draft.topic_ids):
        org.topics = list(session.scalars(select(Topic).where(Topic.id.in_(draft.topic_ids))))


def create_organisation(session: Session, draft: OrganisationDraft) -> Organisation:
    clean = draft.validated()
    org = Organisation()
    session.add(org)
    _apply_organisation(session, org, clean)
    session.flush()
    return org


def update_organisation(session: Session, organisation_id: int,
                        draft: OrganisationDraft) -> Organisation:
    clean = draft.validated()
    org = session.get(Organisation, organisation_id)
    if org is None:
        raise NotFoundError(_("The organisation no longer exists."))
    _apply_organisation(session, org, clean)
    session.flush()
    return org


def delete_organisation(session: Session, organisation_id: int) -> None:
    """Delete the organisation; its persons stay, without an organisation."""
    org = session.get(Organisation, organisation_id)
    if org is None:
        raise NotFoundError(_("The organisation no longer exists."))
    session.delete(org)
    session.flush()


def _topic_name(name: str | None, session: Session, topic_id: int | None) -> str:
    clean = clean_text(name)
    if not clean:
        raise ValidationError(_("A technology field needs a name."), field="name")
    clash = session.scalar(select(Topic.id).where(func.lower(Topic.name) == clean.lower(),
                                                  Topic.id != (topic_id or -1)))
    if clash is not None:
        raise ValidationError(_("The technology field “{name}” exists already.", name=clean),
                              field="name")
    return clean


def create_topic(session: Session, name: str | None, description: str | None = None) -> Topic:
    topic = Topic(name=_topic_name(name, session, None),
                  description=clean_text(description, multiline=True))
    session.add(topic)
    session.flush()
    return topic


def update_topic(session: Session, topic_id: int, name: str | None,
                 description: str | None = None) -> Topic:
    topic = session.get(Topic, topic_id)
    if topic is None:
        raise NotFoundError(_("The technology field no longer exists."))
    topic.name = _topic_name(name, session, topic_id)
    topic.description = clean_text(description, multiline=True)
    session.flush()
    return topic


def delete_topic(session: Session, topic_id: int) -> None:
    topic = session.get(Topic, topic_id)
    if topic is None:
        raise NotFoundError(_("The technology field no longer exists."))
    session.delete(topic)
    session.flush()


@dataclass(frozen=True)
class OrganisationSnapshot:
    id: int
    draft: OrganisationDraft
    import_batch_id: int | None
    person_ids: tuple[int, ...]


def snapshot_organisation(session: Session, organisation_id: int) -> OrganisationSnapshot:
    org = session.get(Organisation, organisation_id)
    if org is None:
        raise NotFoundError(_("The organisation no longer exists."))
    return OrganisationSnapshot(org.id, organisation_draft_of(org), org.import_batch_id,
                                tuple(p.id for p in org.persons))


def restore_organisation(session: Session, snapshot: OrganisationSnapshot) -> Organisation:
    """Put a deleted organisation back (same id) with its persons attached again."""
    org = Organisation(id=snapshot.id, import_batch_id=snapshot.import_batch_id)
    session.add(org)
    _apply_organisation(session, org, snapshot.draft)
    session.flush()
    for person in session.scalars(select(Person).where(Person.id.in_(snapshot.person_ids))):
        person.organisation_id = org.id
    session.flush()
    return org


@dataclass(frozen=True)
class TopicSnapshot:
    id: int
    name: str
    description: str | None
    person_ids: tuple[int, ...]
    organisation_ids: tuple[int, ...]
    network_ids: tuple[int, ...]


def snapshot_topic(session: Session, topic_id: int) -> TopicSnapshot:
    topic = session.get(Topic, topic_id)
    if topic is None:
        raise NotFoundError(_("The technology field no longer exists."))
    links = [tuple(session.scalars(select(table.c[column]).where(table.c.topic_id == topic_id)))
             for table, column in ((person_topic, "person_id"),
                                   (organisation_topic, "organisation_id"),
                                   (network_topic, "network_id"))]
    return TopicSnapshot(topic.id, topic.name, topic.description, *links)


def restore_topic(session: Session, snapshot: TopicSnapshot) -> Topic:
    topic = Topic(id=snapshot.id, name=snapshot.name, description=snapshot.description)
    session.add(topic)
    session.flush()
    owners: tuple[tuple[Any, tuple[int, ...]], ...] = (  # models with topics
        (Person, snapshot.person_ids), (Organisation, snapshot.organisation_ids),
        (Network, snapshot.network_ids))
    for model, ids in owners:
        for owner in session.scalars(select(model).where(model.id.in_(ids))):
            owner.topics.append(topic)
    session.flush()
    return topic
