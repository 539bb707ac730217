"""The overview's figures, counted exactly on a small directory built here."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from defence_dir.data.models import (
    AttendanceStatus,
    DistributionList,
    Event,
    ListMembership,
    Network,
    NetworkRole,
    Person,
    Topic,
)
from defence_dir.lists.consent import Consent, ConsentSource, set_attendance, subscribe, unsubscribe
from defence_dir.overview.figures import SizePoint, overview
from defence_dir.overview.service import overview_figures


@pytest.fixture
def figures(empty_db):
    """Networks A (2 persons, one with two roles), B (1), C (none); topics; a list; events."""
    with empty_db.session() as session:
        photonics, cyber, space = Topic(name="Photonik"), Topic(name="Cybersicherheit"), \
            Topic(name="Raumfahrt")
        a, b, c = Network(name="Alpha.NRW"), Network(name="Beta.NRW"), Network(name="Gamma")
        persons = [Person(given_name=f"P{i}", family_name=f"Person{i}") for i in range(4)]
        persons[0].topics = [photonics, cyber]
        persons[1].topics = [photonics]
        persons[2].topics = [photonics]
        persons[0].network_roles = [NetworkRole(network=a, role="Ansprechpartner"),
                                    NetworkRole(network=a, role="Sprecher")]
        persons[1].network_roles = [NetworkRole(network=a, role="Ansprechpartner")]
        persons[2].network_roles = [NetworkRole(network=b, role="Ansprechpartner")]
        news, empty = DistributionList(name="Newsletter"), DistributionList(name="Leer")
        kickoff = Event(name="Kick-off", starts_on=date(2026, 3, 1))
        later = Event(name="Messe", starts_on=date(2026, 9, 1))
        undated = Event(name="Stammtisch")
        session.add_all([space, c, *persons, news, empty, kickoff, later, undated])
        session.flush()
        ids = [p.id for p in persons]
        subscribe(session, news.id, ids[0], Consent(ConsentSource.FORM, "Formular",
                                                    at=datetime(2026, 1, 5, 9)))
        subscribe(session, news.id, ids[1], Consent(ConsentSource.EVENT, "Kick-off",
                                                    at=datetime(2026, 1, 5, 17)))
        subscribe(session, news.id, ids[2], Consent(ConsentSource.FORM, "Formular",
                                                    at=datetime(2026, 2, 1, 12)))
        unsubscribe(session, news.id, ids[1], at=datetime(2026, 2, 10, 8))
        subscribe(session, news.id, ids[1], Consent(ConsentSource.MANUAL, note="Anruf",
                                                    at=datetime(2026, 3, 1, 8)),
                  new_consent_after_unsubscribe=True)
        # A membership written without consent records (older data): counts from its date.
        session.add(ListMembership(list_id=news.id, person_id=ids[3],
                                   consent_at=datetime(2026, 2, 10, 20)))
        set_attendance(session, kickoff.id, ids[:3], AttendanceStatus.REGISTERED)
        set_attendance(session, kickoff.id, ids[:2], AttendanceStatus.ATTENDED)
        set_attendance(session, kickoff.id, [ids[3]], AttendanceStatus.CANCELLED)
        set_attendance(session, later.id, [ids[0]], AttendanceStatus.NO_SHOW)
    return overview_figures(empty_db)  # the service the overview page calls


def test_persons_per_network_counts_each_person_once_and_keeps_empty_networks(figures):
    assert [(c.name, c.persons) for c in figures.per_network] == [
        ("Alpha.NRW", 2), ("Beta.NRW", 1), ("Gamma", 0)]
    assert figures.persons == 4


def test_persons_per_topic_most_first(figures):
    assert [(c.name, c.persons) for c in figures.per_topic] == [
        ("Photonik", 3), ("Cybersicherheit", 1), ("Raumfahrt", 0)]


def test_list_size_per_day_from_consent_given_and_withdrawn(figures):
    lists = {h.name: h for h in figures.lists}
    assert [h.name for h in figures.lists] == ["Leer", "Newsletter"]
    assert lists["Newsletter"].points == (
        SizePoint(date(2026, 1, 5), 2),
        SizePoint(date(2026, 2, 1), 3),
        SizePoint(date(2026, 2, 10), 3),  # one withdrew, the unrecorded membership began
        SizePoint(date(2026, 3, 1), 4),
    )
    assert lists["Newsletter"].current_size == 4
    assert lists["Leer"].points == () and lists["Leer"].current_size == 0


def test_event_turnout_leaves_out_cancellations(figures):
    turnout = [(e.name, e.registered, e.attended) for e in figures.events]
    assert turnout == [("Kick-off", 3, 2), ("Messe", 1, 0), ("Stammtisch", 0, 0)]
    kickoff, messe, stammtisch = figures.events
    assert kickoff.share_attended == pytest.approx(2 / 3)
    assert messe.share_attended == 0
    assert stammtisch.share_attended is None


def test_empty_directory(empty_db):
    with empty_db.read_session() as session:
        figures = overview(session)
    assert (figures.persons, figures.per_network, figures.per_topic, figures.lists,
            figures.events) == (0, (), (), (), ())


def test_seeded_directory_has_one_contact_per_seeded_person(db):
    with db.read_session() as session:
        figures = overview(session)
    assert figures.persons == 6
    assert sum(c.persons for c in figures.per_network) == 6
