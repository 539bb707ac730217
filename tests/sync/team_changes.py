"""A team directory and the kinds of change colleagues make to it, for the sync tests."""

from __future__ import annotations

import random
from datetime import date, datetime
from typing import Any

from sqlalchemy import select

from defence_dir.data.database import Database, open_database
from defence_dir.data.models import (
    AttendanceStatus,
    Event,
    Network,
    NetworkRole,
    Organisation,
    Person,
    SearchDocument,
    Topic,
)
from defence_dir.lists import editing as collections_service
from defence_dir.lists.consent import (
    Consent,
    ConsentSource,
    get_list_by_name,
    set_attendance,
    subscribe,
    unsubscribe,
)
from defence_dir.records.persons import (
    EmailDraft,
    PersonDraft,
    PhoneDraft,
    create_person,
    delete_person,
    draft_of,
    update_person,
)
from defence_dir.search.documents import TEXT_FIELDS
from defence_dir.sync.tables import MIRRORED, copied_columns

FIRST = ("Hans", "Anna", "Jürgen", "Sabine", "Özlem", "Björn", "Änne", "Lea")
LAST = ("Müller", "Schmidt", "Weber", "Meyer", "Schäfer", "Koch", "Schröder", "Zwetsch")


def build_team(target: str, persons: int = 300) -> None:
    """A seeded team directory with `persons` more persons, some on lists and at events."""
    rng = random.Random(15)
    db = open_database(target)
    try:
        with db.session() as session:
            organisations = list(session.scalars(select(Organisation.id)))
            topics = list(session.scalars(select(Topic.id)))
            for i in range(persons):
                create_person(session, PersonDraft(
                    given_name=rng.choice(FIRST), family_name=rng.choice(LAST),
                    function="Leitung Vertrieb" if i % 3 else None,
                    organisation_id=rng.choice(organisations) if i % 2 else None,
                    emails=[EmailDraft(f"kontakt{i}@firma{i % 40}.example")],
                    phones=[PhoneDraft(f"0211 {100000 + i * 7}")],
                    topic_ids=rng.sample(topics, 2) if i % 4 == 0 else []))
        with db.session() as session:
            ids = list(session.scalars(select(Person.id).order_by(Person.id)))
            list_id = get_list_by_name(session, "Defense-Verteiler").id
            for pid in ids[::5]:
                subscribe(session, list_id, pid, Consent(ConsentSource.FORM, "Anmeldeformular"))
            event = collections_service.create(session, "event", "Sicherheitstag Essen",
                                               starts_on=date(2026, 3, 4), city="Essen")
            session.flush()
            set_attendance(session, event.id, ids[::7], AttendanceStatus.REGISTERED)
    finally:
        db.close()


def make_changes(db: Database) -> dict[str, Any]:
    """Edits, creations and deletions of every kind; returns what a test checks by name."""
    with db.session() as session:
        ids = list(session.scalars(select(Person.id).order_by(Person.id)))
        # a person edited: name, emails replaced, topics changed
        edited = session.get(Person, ids[10])
        draft = draft_of(edited)
        draft.family_name = "Quastenberg"
        draft.emails = [EmailDraft("neu.quastenberg@example.org")]
        draft.topic_ids = list(session.scalars(select(Topic.id).limit(1)))
        update_person(session, edited.id, draft, edited.version)
        # a person created
        created = create_person(session, PersonDraft(
            given_name="Zerlina", family_name="Knusperhaus",
            emails=[EmailDraft("zerlina@knusperhaus.example")],
            phones=[PhoneDraft("+49 172 5550123")]))
        # persons deleted (with their emails, memberships, attendances by cascade)
        delete_person(session, ids[5])
        delete_person(session, ids[20])
        # an organisation renamed: the documents of its persons carry its name
        organisation = session.scalars(select(Organisation).join(Person).limit(1)).one()
        organisation.name = "Umbenannt Werke GmbH"
        # a topic renamed
        topic = session.scalars(select(Topic).order_by(Topic.id)).first()
        topic.name = "Quantensensorik"
        # a network role
        network = session.scalars(select(Network)).first()
        session.add(NetworkRole(person_id=ids[30], network_id=network.id, role="Sprecherin"))
    with db.session() as session:
        list_id = get_list_by_name(session, "Defense-Verteiler").id
        unsubscribe(session, list_id, ids[0], note="Abmeldung per Mail")
        subscribe(session, list_id, ids[1], Consent(ConsentSource.EVENT, "Messe"))
        new_list = collections_service.create(session, "list", "Photonik-Verteiler")
        session.flush()
        subscribe(session, new_list.id, created.id, Consent(ConsentSource.MANUAL, "Telefon"))
        event = collections_service.create(session, "event", "Netzwerktreffen Dortmund")
        session.flush()
        set_attendance(session, event.id, [ids[2], created.id], AttendanceStatus.ATTENDED)
        old_event = session.scalars(select(Event)
                                    .where(Event.name ==
                                           "Sicherheitstag Essen")).one()
        collections_service.delete_collection(session, "event", old_event.id)
    return {"created": created.id, "deleted": (ids[5], ids[20]), "edited": edited.id}


def mirrored_rows(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every mirrored table's rows as the copy must have them, comparable across backends."""
    def plain(value: Any) -> Any:
        return value.replace(microsecond=0) if isinstance(value, datetime) else value

    state = {}
    with db.engine.connect() as connection:
        for name in MIRRORED:
            columns = copied_columns(name)
            rows = connection.execute(select(*columns)).all()
            state[name] = sorted((tuple(plain(v) for v in row) for row in rows), key=repr)
    return state


def search_documents(db: Database) -> list[tuple[Any, ...]]:
    """The search index without its ids (positions are local to each database), each field's
    words sorted: the document builder's queries have no ORDER BY, so a word order is the
    backend's (PostgreSQL and SQLite list an organisation's topics differently)."""
    columns = [SearchDocument.kind, SearchDocument.entity_id, SearchDocument.sort_key,
               *(getattr(SearchDocument, f) for f in TEXT_FIELDS)]
    with db.read_session() as session:
        return sorted((kind, entity_id, key, *(tuple(sorted(v.split())) for v in fields))
                      for kind, entity_id, key, *fields in session.execute(select(*columns)))
