"""The records service: each call its own transaction; a deletion's snapshot brings back exactly
what was there; a refused change leaves the database as it was."""

from __future__ import annotations

from dataclasses import replace

import pytest

from defence_dir.errors import NotFoundError, ValidationError
from defence_dir.lists import service as lists
from defence_dir.lists.consent import Consent, ConsentSource, subscribe, unsubscribe
from defence_dir.records import browsing
from defence_dir.records import service as records
from defence_dir.records.choices import choices
from defence_dir.records.kinds import RecordKind
from defence_dir.records.organisations import OrganisationDraft
from defence_dir.records.persons import ConcurrentEditError, EmailDraft, PersonDraft
from defence_dir.text.collation import sort_key


def test_deleting_persons_and_restoring_them_brings_back_what_they_had(db, ids):
    list_id, event_id, persons = ids
    with db.session() as session:
        subscribe(session, list_id, persons["Stein"], Consent(ConsentSource.FORM, "Formular"))
        unsubscribe(session, list_id, persons["Stein"], note="per Mail")
    lists.register_attendees(db, event_id, [persons["Stein"], persons["Grosch"]])
    chosen = [persons["Stein"], persons["Grosch"]]
    before = {i: _kept(browsing.detail(db, RecordKind.PERSON, i)) for i in chosen}
    members_before = lists.member_rows(db, RecordKind.LIST, list_id)
    snapshots = records.delete_persons(db, chosen)
    assert [s.id for s in snapshots] == chosen
    for person_id in chosen:
        assert browsing.detail(db, RecordKind.PERSON, person_id) is None
    records.restore_persons(db, snapshots)
    # Same ids, values, memberships with consent history, attendances.
    assert {i: _kept(browsing.detail(db, RecordKind.PERSON, i)) for i in chosen} == before
    assert lists.member_rows(db, RecordKind.LIST, list_id) == members_before


def _kept(record: dict | None) -> dict:
    """What a restore keeps: all but the version and the times (the snapshot has no
    created_at; a restore is a change)."""
    assert record is not None
    return {k: v for k, v in record.items()
            if k not in ("version", "created_at", "updated_at")}


def test_deleting_persons_is_all_or_nothing(db, ids, directory_state):
    _, _, persons = ids
    before = directory_state()
    with pytest.raises(NotFoundError):
        records.delete_persons(db, [persons["Stein"], 987654])
    assert directory_state() == before


def test_a_stale_edit_is_refused_and_the_newer_values_stay(db, ids):
    person_id = ids[2]["Stein"]
    draft, version = records.person_draft(db, person_id)
    mine = replace(draft, function="Leitung")
    theirs = replace(draft, function="Vertrieb")
    records.update_person(db, person_id, theirs, version)
    with pytest.raises(ConcurrentEditError) as refused:
        records.update_person(db, person_id, mine, version)
    assert refused.value.found == version + 1
    assert records.person_draft(db, person_id)[0].function == "Vertrieb"


def test_a_new_person_is_cleaned_and_an_invalid_one_writes_nothing(db, directory_state):
    person_id = records.create_person(db, PersonDraft(
        given_name="  Jörg ", family_name="Ärmel", emails=[EmailDraft("JOERG@Example.DE ")]))
    assert records.person_name(db, person_id) == "Jörg Ärmel"
    before = directory_state()
    with pytest.raises(ValidationError):
        records.create_person(db, PersonDraft(given_name="Ohne", emails=[EmailDraft("kein@")]))
    assert directory_state() == before
    with pytest.raises(NotFoundError):
        records.person_name(db, 987654)


def test_an_organisation_deleted_and_restored_gets_its_persons_back(db, ids):
    org_id = records.create_organisation(db, OrganisationDraft(name="Zenit GmbH")).id
    person_ids = [ids[2]["Stein"], ids[2]["Grosch"]]
    for person_id in person_ids:
        draft, version = records.person_draft(db, person_id)
        draft.organisation_id = org_id
        records.update_person(db, person_id, draft, version)
    before = _kept(browsing.detail(db, RecordKind.ORGANISATION, org_id))
    snapshot = records.delete_organisation(db, org_id)
    assert records.organisation_draft(db, org_id) is None
    for person_id in person_ids:  # the persons stay, without an organisation
        assert browsing.detail(db, RecordKind.PERSON, person_id)["organisation_id"] is None
    records.restore_organisation(db, snapshot)
    assert _kept(browsing.detail(db, RecordKind.ORGANISATION, org_id)) == before
    for person_id in person_ids:
        assert browsing.detail(db, RecordKind.PERSON, person_id)["organisation_id"] == org_id


def test_organisations_are_created_edited_and_offered_by_name(db):
    snapshot = records.create_organisation(db, OrganisationDraft(
        name=" Zeppelin Werke ", city="Köln"))
    assert snapshot.draft.name == "Zeppelin Werke"
    records.update_organisation(db, snapshot.id, OrganisationDraft(
        name="Aachener Antriebe", city="Aachen"))
    assert records.organisation_draft(db, snapshot.id).city == "Aachen"
    assert (snapshot.id, "Aachener Antriebe") in choices(db, RecordKind.ORGANISATION)
    with pytest.raises(ValidationError):
        records.update_organisation(db, snapshot.id, OrganisationDraft(name="  "))
    assert records.organisation_draft(db, snapshot.id).name == "Aachener Antriebe"


def test_a_technology_field_deleted_and_restored_is_linked_again(db, ids, directory_state):
    person_id = ids[2]["Stein"]
    snapshot = records.create_topic(db, "Quantensensorik", "Sensoren")
    draft, version = records.person_draft(db, person_id)
    draft.topic_ids = [*draft.topic_ids, snapshot.id]
    records.update_person(db, person_id, draft, version)
    before = directory_state()
    deleted = records.delete_topic(db, snapshot.id)
    assert deleted.person_ids == (person_id,)
    assert records.topic_values(db, snapshot.id) is None
    records.restore_topic(db, deleted)
    assert directory_state() == before
    assert records.topic_values(db, snapshot.id) == ("Quantensensorik", "Sensoren")


def test_a_technology_field_name_is_unique_without_case(db, directory_state):
    records.create_topic(db, "Robotik")
    before = directory_state()
    with pytest.raises(ValidationError):
        records.create_topic(db, "ROBOTIK")
    assert directory_state() == before
    assert "Robotik" in [name for _id, name in choices(db, RecordKind.TOPIC)]


@pytest.mark.parametrize("kind", list(RecordKind))
def test_every_kind_has_a_detail_and_a_missing_one_is_none(db, ids, kind):
    list_id, event_id, persons = ids
    record_id = {RecordKind.PERSON: persons["Stein"], RecordKind.LIST: list_id,
                 RecordKind.EVENT: event_id}.get(kind)
    if record_id is None:
        key = {RecordKind.ORGANISATION: "organisations", RecordKind.NETWORK: "networks",
               RecordKind.TOPIC: "topics"}[kind]
        record_id = records.list_records(db, key)[0]["id"]
    found = browsing.detail(db, kind, record_id)
    assert found is not None and found["id"] == record_id
    assert browsing.detail(db, kind, 987654) is None


def test_the_command_line_reads_go_through_the_service(db, ids):
    persons = ids[2]
    chosen = [persons["Grosch"], 987654, persons["Stein"]]
    assert set(records.records_by_id(db, "persons", chosen)) == {persons["Grosch"],
                                                                 persons["Stein"]}
    counts = records.counts(db)
    assert counts["persons"] == len(records.list_records(db, "persons"))
    names = [r["name"] for r in records.list_records(db, "organisations")]
    assert names == sorted(names, key=sort_key)
