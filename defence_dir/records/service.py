"""The records' public API for the window and the command line: persons, organisations and
technology fields (create, edit, delete and undo) and reading the directory, each call in a
transaction of its own, returning plain data. Pick lists are in choices.py, what the window
shows in browsing.py.
"""

from __future__ import annotations

from collections.abc import Sequence

from defence_dir.data.database import Database
from defence_dir.data.models import Organisation, Topic
from defence_dir.records import directory, persons
from defence_dir.records import organisations as orgs
from defence_dir.records.directory import Record
from defence_dir.records.organisations import (
    OrganisationDraft,
    OrganisationSnapshot,
    TopicSnapshot,
)
from defence_dir.records.persons import PersonDraft
from defence_dir.records.snapshots import PersonSnapshot, restore_person, snapshot_person

# --- persons -------------------------------------------------------------------------------------


def person_name(db: Database, person_id: int) -> str:
    """The person's display name; NotFoundError when the person no longer exists."""
    with db.read_session() as session:
        return persons.get_person(session, person_id).display_name


def person_draft(db: Database, person_id: int) -> tuple[PersonDraft, int]:
    """The person's values to edit and the version they were read at (NotFoundError)."""
    with db.read_session() as session:
        person = persons.get_person(session, person_id)
        return persons.draft_of(person), person.version


def create_person(db: Database, draft: PersonDraft) -> int:
    with db.session() as session:
        return persons.create_person(session, draft).id


def update_person(db: Database, person_id: int, draft: PersonDraft, expected_version: int,
                  *, validate: bool = True) -> int:
    """Save over the person unless changed since `expected_version` (ConcurrentEditError);
    returns the new version."""
    with db.session() as session:
        return persons.update_person(session, person_id, draft, expected_version,
                                     validate=validate).version


def delete_persons(db: Database, person_ids: Sequence[int]) -> list[PersonSnapshot]:
    """Delete the persons in one transaction; their snapshots bring them back exactly."""
    with db.session() as session:
        snapshots = [snapshot_person(session, i) for i in person_ids]
        for person_id in person_ids:
            persons.delete_person(session, person_id)
    return snapshots


def restore_persons(db: Database, snapshots: Sequence[PersonSnapshot]) -> None:
    with db.session() as session:
        for snapshot in snapshots:
            restore_person(session, snapshot)


# --- organisations -------------------------------------------------------------------------------


def organisation_draft(db: Database, organisation_id: int) -> OrganisationDraft | None:
    """The organisation's values to edit; None when it no longer exists."""
    with db.read_session() as session:
        org = session.get(Organisation, organisation_id)
        return None if org is None else orgs.organisation_draft_of(org)


def create_organisation(db: Database, draft: OrganisationDraft) -> OrganisationSnapshot:
    """Create it; its snapshot (with the new id) lets an undo delete and a redo restore it."""
    with db.session() as session:
        org_id = orgs.create_organisation(session, draft).id
        return orgs.snapshot_organisation(session, org_id)


def update_organisation(db: Database, organisation_id: int, draft: OrganisationDraft) -> None:
    with db.session() as session:
        orgs.update_organisation(session, organisation_id, draft)


def delete_organisation(db: Database, organisation_id: int) -> OrganisationSnapshot:
    """Delete it (its persons stay, without an organisation); returns what undo restores."""
    with db.session() as session:
        snapshot = orgs.snapshot_organisation(session, organisation_id)
        orgs.delete_organisation(session, organisation_id)
    return snapshot


def restore_organisation(db: Database, snapshot: OrganisationSnapshot) -> None:
    with db.session() as session:
        orgs.restore_organisation(session, snapshot)


# --- technology fields ---------------------------------------------------------------------------


def topic_values(db: Database, topic_id: int) -> tuple[str, str | None] | None:
    """The technology field's name and description; None when it no longer exists."""
    with db.read_session() as session:
        topic = session.get(Topic, topic_id)
        return None if topic is None else (topic.name, topic.description)


def create_topic(db: Database, name: str | None, description: str | None = None
                 ) -> TopicSnapshot:
    with db.session() as session:
        topic_id = orgs.create_topic(session, name, description).id
        return orgs.snapshot_topic(session, topic_id)


def update_topic(db: Database, topic_id: int, name: str | None,
                 description: str | None = None) -> None:
    with db.session() as session:
        orgs.update_topic(session, topic_id, name, description)


def delete_topic(db: Database, topic_id: int) -> TopicSnapshot:
    """Delete it from every person, organisation and network; returns what undo restores."""
    with db.session() as session:
        snapshot = orgs.snapshot_topic(session, topic_id)
        orgs.delete_topic(session, topic_id)
    return snapshot


def restore_topic(db: Database, snapshot: TopicSnapshot) -> None:
    with db.session() as session:
        orgs.restore_topic(session, snapshot)


# --- reading the directory (what the window shows is in browsing.py) ----------------------------


def counts(db: Database) -> dict[str, int]:
    """Number of records per kind (directory.KINDS: "persons", "organisations", …)."""
    with db.read_session() as session:
        return directory.counts(session)


def list_records(db: Database, kind: str) -> list[Record]:
    """Every record of one of directory.KINDS ("persons", … "lists"), alphabetically."""
    with db.read_session() as session:
        return directory.list_records(session, kind)


def records_by_id(db: Database, kind: str, ids: Sequence[int]) -> dict[int, Record]:
    """Records of "persons", "organisations" or "networks" by id."""
    with db.read_session() as session:
        return directory.records_by_id(session, kind, ids)
