"""The starting directory holds the platform's published facts exactly as published."""

from __future__ import annotations

from sqlalchemy import select

from defence_dir.data.models import DistributionList, Event, Network, Organisation, Topic
from defence_dir.data.seed import seed_person_uid
from defence_dir.records import directory

PUBLISHED_CONTACTS = {
    # display name: (phone as published, E.164, email as published, network, focus)
    "Dr.-Ing. Harald Cremer": ("0211 385459-0", "+492113854590", "harald.cremer@nmwp.de",
                               "NMWP.NRW", None),
    "Dr. Matthias Grosch": ("0211 385459-17", "+4921138545917", "matthias.grosch@nmwp.de",
                            "NMWP.NRW", None),
    "Jürgen Schnitzmeier": ("0208 30004-23", "+492083000423", "juergen.schnitzmeier@zenit.eu",
                            "ZENIT GmbH", None),
    "Hans H. Stein": ("0208 30004-53", "+492083000453", "hans.stein@zenit.eu",
                      "ZENIT GmbH", None),
    "Dirk Kalinowski": ("+49 211 385459-15", "+4921138545915", "dirk.kalinowski@aerospace.nrw",
                        "AeroSpace.NRW", "Luftfahrt"),
    "Dr. Stefan Recher": (None, None, "stephan.recher@aerospace.nrw", "AeroSpace.NRW",
                          "Raumfahrt"),
}


def test_six_networks(db):
    with db.session() as session:
        names = set(session.scalars(select(Network.name)))
    assert names == {"NMWP.NRW", "ZENIT GmbH", "KI.NRW", "Digital.Sicher.NRW", "AeroSpace.NRW",
                     "automotivland.nrw"}


def test_contact_persons_as_published(db):
    with db.session() as session:
        persons = {p["display_name"]: p for p in directory.list_records(session, "persons")}
    assert set(persons) == set(PUBLISHED_CONTACTS)
    for name, (raw, e164, email, network, focus) in PUBLISHED_CONTACTS.items():
        person = persons[name]
        assert [e["address"] for e in person["emails"]] == [email]
        assert [(p["raw"], p["e164"]) for p in person["phones"]] == ([(raw, e164)] if raw else [])
        assert person["networks"] == [{"name": network, "role": "Ansprechpartner",
                                       "focus": focus}]


def test_recher_keeps_his_published_email_spelling(db):
    """The source spells the first name Stefan but the address stephan.recher@…: keep both."""
    with db.session() as session:
        recher = next(p for p in directory.list_records(session, "persons")
                      if p["family_name"] == "Recher")
    assert recher["given_name"] == "Stefan"
    assert recher["emails"][0]["address"] == "stephan.recher@aerospace.nrw"


def test_titles_are_kept_apart_from_names(db):
    with db.session() as session:
        cremer = next(p for p in directory.list_records(session, "persons")
                      if p["family_name"] == "Cremer")
    assert (cremer["title"], cremer["given_name"]) == ("Dr.-Ing.", "Harald")
    assert cremer["function"] == "Clustermanager"


def test_topics_organisations_event_and_list(db):
    with db.session() as session:
        topics = set(session.scalars(select(Topic.name)))
        organisations = {(o.name, o.kind) for o in session.scalars(select(Organisation))}
        event = session.scalars(select(Event)).one()
        lists = session.scalars(select(DistributionList.name)).all()
        aerospace = session.scalars(select(Network).where(Network.name == "AeroSpace.NRW")).one()
        aerospace_topics = [t.name for t in aerospace.topics]
        organiser = event.organiser.name
    assert {"Nanotechnologie", "Photonik", "Cybersicherheit", "Luftfahrt", "Raumfahrt",
            "Künstliche Intelligenz", "Werkstoffe", "Nano- und Mikrosystemtechnik"} <= topics
    assert organisations == {("Rheinmetall", "large_industry"), ("Thyssenkrupp", "large_industry"),
                             ("KNDS", "large_industry")}
    assert event.name == "High-Tech aus NRW für die Sicherheits- und Verteidigungsindustrie"
    assert event.city == "Düsseldorf" and organiser == "NMWP.NRW"
    assert lists == ["Defense-Verteiler"]
    assert aerospace_topics == ["Luftfahrt", "Raumfahrt"]


def test_seeded_uids_are_the_same_in_every_installation(db, tmp_path):
    from defence_dir.data.database import open_database

    other = open_database(str(tmp_path / "other.sqlite3"))
    try:
        with db.session() as a, other.session() as b:
            uids_a = sorted(p["uid"] for p in directory.list_records(a, "persons"))
            uids_b = sorted(p["uid"] for p in directory.list_records(b, "persons"))
    finally:
        other.close()
    assert uids_a == uids_b
    assert seed_person_uid("harald.cremer@nmwp.de") in uids_a
