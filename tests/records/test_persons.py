"""Creating and editing persons: validation, normal forms and the concurrent-edit guard."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import select

from defence_dir.data.models import Person, Topic
from defence_dir.errors import ValidationError
from defence_dir.records.persons import (
    ConcurrentEditError,
    EmailDraft,
    PersonDraft,
    PhoneDraft,
    create_person,
    delete_person,
    draft_of,
    get_person,
    update_person,
)


def test_create_normalises_values(db):
    with db.session() as session:
        person = create_person(session, PersonDraft(
            title=" Prof. Dr. ", given_name="Anna\u00a0", family_name=" Schäfer",
            emails=[EmailDraft("anna.schaefer@Beispiel.DE")],
            phones=[PhoneDraft("0170 1234567", "cell")],
        ))
        assert (person.title, person.given_name, person.family_name) == (
            "Prof. Dr.", "Anna", "Schäfer")
        assert person.emails[0].address == "anna.schaefer@beispiel.de"
        assert person.phones[0].raw == "0170 1234567"
        assert person.phones[0].e164 == "+491701234567"
        assert person.display_name == "Prof. Dr. Anna Schäfer"


def test_all_problems_are_reported_together():
    problems = PersonDraft(
        emails=[EmailDraft("kein-at"), EmailDraft("a@b.de"), EmailDraft("A@b.de")],
        phones=[PhoneDraft("123")],
    ).problems()
    fields = [p.field for p in problems]
    assert fields == ["family_name", "emails.0", "phones.0", "emails.2"]


def test_invalid_values_are_not_saved(db):
    with pytest.raises(ValidationError), db.session() as session:
        create_person(session, PersonDraft(family_name="Fehler", emails=[EmailDraft("x@")]))
    with db.session() as session:
        assert session.scalars(select(Person).where(Person.family_name == "Fehler")).all() == []


def test_update_bumps_the_version_also_for_phone_only_changes(db):
    with db.session() as session:
        grosch = session.scalars(select(Person).where(Person.family_name == "Grosch")).one()
        person_id, version = grosch.id, grosch.version
        draft = draft_of(grosch)
    draft.phones = [PhoneDraft("+49 211 385459-99")]
    with db.session() as session:
        updated = update_person(session, person_id, draft, version)
        assert updated.version == version + 1
        assert updated.phones[0].e164 == "+4921138545999"


def test_an_unchanged_save_writes_nothing(db):
    with db.session() as session:
        stein = session.scalars(select(Person).where(Person.family_name == "Stein")).one()
        person_id, version, draft = stein.id, stein.version, draft_of(stein)
    with db.session() as session:
        assert update_person(session, person_id, draft, version).version == version


def test_a_concurrent_change_is_detected(db):
    with db.session() as session:
        stein = session.scalars(select(Person).where(Person.family_name == "Stein")).one()
        person_id, version, draft = stein.id, stein.version, draft_of(stein)
    theirs = replace(draft, function="Projektleiter")
    with db.session() as session:
        update_person(session, person_id, theirs, version)
    mine = replace(draft, function="Berater")
    with pytest.raises(ConcurrentEditError, match="zwischenzeitlich"), db.session() as session:
        update_person(session, person_id, mine, version)
    with db.session() as session:
        assert get_person(session, person_id).function == "Projektleiter"


def test_editing_a_deleted_person_is_reported(db):
    with db.session() as session:
        stein = session.scalars(select(Person).where(Person.family_name == "Stein")).one()
        person_id, version, draft = stein.id, stein.version, draft_of(stein)
    with db.session() as session:
        delete_person(session, person_id)
    with pytest.raises(ConcurrentEditError, match="gelöscht"), db.session() as session:
        update_person(session, person_id, draft, version)


def test_topics_are_set_by_id(db):
    with db.session() as session:
        photonik = session.scalars(select(Topic).where(Topic.name == "Photonik")).one()
        person = create_person(session, PersonDraft(family_name="Licht",
                                                    topic_ids=[photonik.id]))
        assert [t.name for t in person.topics] == ["Photonik"]


def test_adding_an_email_keeps_the_existing_one(db):
    """Regression: replacing the list re-inserted a kept address before deleting the old row,
    which the unique constraint (person, address) refused."""
    from defence_dir.records.persons import (
        EmailDraft,
        PhoneDraft,
        draft_of,
        get_person,
        update_person,
    )

    with db.session() as session:
        person = session.scalar(select(Person).where(Person.family_name == "Grosch"))
        draft = draft_of(person)
        draft.emails = [EmailDraft("m.grosch@example.org", "home"), *draft.emails]
        draft.phones = [*draft.phones, PhoneDraft("0170 1234567", "cell")]
        update_person(session, person.id, draft, person.version)
    with db.read_session() as session:
        person = get_person(session, person.id)
        assert [e.address for e in person.emails] == ["m.grosch@example.org",
                                                      "matthias.grosch@nmwp.de"]
        assert [p.kind for p in person.phones] == ["work", "cell"]
