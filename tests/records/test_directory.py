"""Reading the directory: records in German alphabetical order, counts per status, table rows
in the order asked for, and links in the detail views."""

from __future__ import annotations

import pytest

from defence_dir.lists import service as lists
from defence_dir.records import browsing, directory
from defence_dir.records import service as records
from defence_dir.records.kinds import RecordKind
from defence_dir.records.organisations import OrganisationDraft
from defence_dir.records.persons import EmailDraft, PersonDraft, PhoneDraft


def test_names_sort_with_umlauts_among_their_letters(db):
    for name in ("Zeiss", "Ärzteverband", "Airbus", "öffentliche Hand"):
        records.create_organisation(db, OrganisationDraft(name=name))
    names = [r["name"] for r in records.list_records(db, "organisations")]
    assert names.index("Airbus") < names.index("Ärzteverband") < names.index("Zeiss")
    assert names.index("öffentliche Hand") < names.index("Zeiss")


def test_a_person_in_every_view(db, ids):
    list_id, event_id, _persons = ids
    org = records.create_organisation(db, OrganisationDraft(name="Zenit", city="Bonn"))
    topic = records.create_topic(db, "Sensorik")
    person_id = records.create_person(db, PersonDraft(
        given_name="Ida", family_name="Ärmel", organisation_id=org.id, topic_ids=[topic.id],
        emails=[EmailDraft("ida@zenit.de")], phones=[PhoneDraft("0228 1234-56")]))
    lists.add_members(db, list_id, [person_id], "Visitenkarte")
    lists.register_attendees(db, event_id, [person_id])
    row = browsing.person_rows(db, [person_id])[person_id]
    assert (row["display_name"], row["organisation"], row["email"]) == ("Ida Ärmel", "Zenit",
                                                                        "ida@zenit.de")
    assert row["phone"] == "+49 228 123456"  # the international form where it is known
    detail = browsing.detail(db, RecordKind.PERSON, person_id)
    assert [link["id"] for link in detail["lists"]] == [list_id]
    assert [link["id"] for link in detail["events"]] == [event_id]
    assert detail["topic_links"] == [{"id": topic.id, "name": "Sensorik"}]
    assert [h["action"] for h in detail["consent_history"]] == ["given"]
    org_detail = browsing.detail(db, RecordKind.ORGANISATION, org.id)
    assert org_detail["person_links"] == [{"id": person_id, "name": "Ida Ärmel"}]
    assert browsing.organisation_rows(db, [org.id])[org.id]["persons"] == "1"
    topic_detail = browsing.detail(db, RecordKind.TOPIC, topic.id)
    assert topic_detail["person_links"] == [{"id": person_id, "name": "Ida Ärmel"}]


def test_lists_and_events_count_their_members_by_status(db, ids):
    list_id, event_id, persons = ids
    chosen = [persons["Stein"], persons["Grosch"], persons["Recher"]]
    lists.add_members(db, list_id, chosen, "Messe")
    lists.unsubscribe(db, list_id, chosen[:1])
    lists.register_attendees(db, event_id, chosen)
    lists.set_attendance(db, event_id, chosen[:2], "attended")
    assert browsing.detail(db, RecordKind.LIST, list_id)["members"] == {"subscribed": 2,
                                                                        "unsubscribed": 1}
    event = next(r for r in records.list_records(db, "events") if r["id"] == event_id)
    assert event["attendance"] == {"attended": 2, "registered": 1}
    assert browsing.detail(db, RecordKind.EVENT, event_id)["attendance"] == event["attendance"]


def test_rows_come_in_the_order_asked_and_unknown_ids_are_left_out(db, ids):
    persons = ids[2]
    asked = [persons["Stein"], 987654, persons["Cremer"], persons["Grosch"]]
    assert list(browsing.person_rows(db, asked)) == [
        persons["Stein"], persons["Cremer"], persons["Grosch"]]
    assert browsing.person_rows(db, []) == {}
    assert records.records_by_id(db, "organisations", []) == {}


def test_counts_follow_the_kinds(db):
    counts = records.counts(db)
    assert tuple(counts) == directory.KINDS
    for kind in directory.KINDS:
        assert counts[kind] == len(records.list_records(db, kind))
    with pytest.raises(ValueError):
        records.list_records(db, "people")
    with pytest.raises(ValueError):
        records.records_by_id(db, "topics", [1])
