"""The schema's own constraints reject bad rows, whoever writes them."""

from __future__ import annotations

import pytest
from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError

from defence_dir.data.models import (
    Attendance,
    DistributionList,
    EmailAddress,
    Event,
    ListMembership,
    Network,
    Organisation,
    Person,
    PhoneNumber,
    Topic,
)


def _insert_fails(db, table, **values) -> None:
    with pytest.raises(IntegrityError), db.engine.begin() as connection:
        connection.execute(insert(table), values)


def test_person_needs_a_name(empty_db):
    _insert_fails(empty_db, Person.__table__, uid="u1", given_name=" ", family_name=None)


def test_person_uid_is_unique(empty_db):
    with empty_db.engine.begin() as connection:
        connection.execute(insert(Person.__table__), {"uid": "same", "family_name": "A"})
    _insert_fails(empty_db, Person.__table__, uid="same", family_name="B")


def test_organisation_kind_is_checked(empty_db):
    _insert_fails(empty_db, Organisation.__table__, name="X GmbH", kind="startup")


@pytest.mark.parametrize("model", [Network, Topic, DistributionList])
def test_names_are_unique(empty_db, model):
    with empty_db.engine.begin() as connection:
        connection.execute(insert(model.__table__), {"name": "Gleich"})
    _insert_fails(empty_db, model.__table__, name="Gleich")


def test_email_must_look_like_an_address(empty_db):
    with empty_db.session() as session:
        session.add(Person(family_name="Muster"))
    with empty_db.session() as session:
        person_id = session.scalar(select(Person.id))
    _insert_fails(empty_db, EmailAddress.__table__, person_id=person_id, address="kein-at")


def test_phone_e164_form_is_checked(empty_db):
    with empty_db.session() as session:
        session.add(Person(family_name="Muster"))
    with empty_db.session() as session:
        person_id = session.scalar(select(Person.id))
    _insert_fails(empty_db, PhoneNumber.__table__, person_id=person_id, raw="0211", e164="0211")


def test_foreign_keys_are_enforced(empty_db):
    _insert_fails(empty_db, EmailAddress.__table__, person_id=999, address="a@b.de")


def test_attendance_status_and_uniqueness(db):
    with db.session() as session:
        event_id = session.scalar(select(Event.id))
        person_id = session.scalar(select(Person.id))
    _insert_fails(db, Attendance.__table__, event_id=event_id, person_id=person_id,
                  status="maybe")
    with db.engine.begin() as connection:
        connection.execute(insert(Attendance.__table__),
                           {"event_id": event_id, "person_id": person_id, "status": "attended"})
    _insert_fails(db, Attendance.__table__, event_id=event_id, person_id=person_id,
                  status="registered")


def test_unsubscribed_membership_needs_a_date(db):
    with db.session() as session:
        list_id = session.scalar(select(DistributionList.id))
        person_id = session.scalar(select(Person.id))
    _insert_fails(db, ListMembership.__table__, list_id=list_id, person_id=person_id,
                  status="unsubscribed", unsubscribed_at=None)


def test_deleting_a_person_removes_their_contact_details(db):
    with db.session() as session:
        person = session.scalars(select(Person).where(Person.family_name == "Grosch")).one()
        session.delete(person)
    with db.session() as session:
        emails = session.scalars(select(EmailAddress.address)).all()
    assert "matthias.grosch@nmwp.de" not in emails
    assert len(emails) == 5


def test_version_counter_detects_a_stale_write(db):
    from sqlalchemy.orm.exc import StaleDataError

    first = db.read_session()
    second = db.read_session()
    mine = first.scalars(select(Person).where(Person.family_name == "Stein")).one()
    first.commit()  # as the edit dialog does: load, end the read, save later
    theirs = second.scalars(select(Person).where(Person.family_name == "Stein")).one()
    theirs.function = "Projektleiter"
    second.commit()
    mine.function = "Berater"
    with pytest.raises(StaleDataError):
        first.commit()
    first.close()
    second.close()
