"""What staff type and what they must find: spellings, phonetics, typos, phones, fields, filters."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from defence_dir.data.models import DistributionList, Event, Network, Organisation, Topic
from defence_dir.search.query import Rank
from defence_dir.search.service import COUNT_CAP

SCHNITZMEIER = "Jürgen Schnitzmeier"
CREMER = "Dr.-Ing. Harald Cremer"
GROSCH = "Dr. Matthias Grosch"


@pytest.mark.parametrize("query", ["Jürgen", "Juergen", "Jurgen", "JÜRGEN", "jür", "schnitz",
                                   "Schnitzmeier Jürgen", "juergen schnitzm",
                                   "Ju\u0308rgen"])  # decomposed, as pasted on macOS
def test_umlaut_spellings_and_any_word_order(search, find, query):
    assert find(query)[0] == SCHNITZMEIER


def test_phonetic_spelling_is_found_below_exact_hits(search, find):
    hits = search.search("Kremer").hits
    assert [h.rank for h in hits] == [Rank.SIMILAR_NAME]
    assert find("Kremer") == [CREMER]
    assert hits[0].matched_field == "similar_name"
    assert find("harald kremer") == [CREMER]


def test_typo_is_found(search, find):
    assert find("Schnitzmeir") == [SCHNITZMEIER]
    assert find("Grossch") == [GROSCH]


@pytest.mark.parametrize("query", ["38545917", "385459-17", "+49 211 38545917", "0211 38545917",
                                   "0049 211 38545917", "(0211) 385459-17", "211/3854 5917"])
def test_phone_fragments_in_any_format(search, find, query):
    result = search.search(query)
    assert find(query)[0] == GROSCH
    assert result.hits[0].matched_field == "phone"


def test_phone_digits_are_a_substring_not_only_a_prefix(search, find):
    assert find("5917") == [GROSCH]
    assert find("3000423") == [SCHNITZMEIER]


def test_email_organisation_network_and_topic(search, find):
    assert find("grosch@")[0] == GROSCH
    assert find("rheinm") == ["Rheinmetall"]
    assert find("aerospace")[0] == "AeroSpace.NRW"
    assert {"Dirk Kalinowski", "Dr. Stefan Recher"} <= set(find("aerospace"))
    photonik = search.search("photonik").hits
    assert ("network", "topic") in {(h.kind, h.matched_field) for h in photonik}
    recher = search.search("stephan.recher").hits  # his address is spelled with "ph"
    assert [h.matched_field for h in recher] == ["email"]


def test_all_tokens_must_match(search, find):
    assert find("jürgen nmwp") == []
    assert find("matthias nmwp") == [GROSCH]


def test_ranking_exact_then_prefix_then_other_fields_alphabetical(search, find, db):
    from defence_dir.records.persons import PersonDraft, create_person

    with db.session() as session:
        create_person(session, PersonDraft(given_name="Anna", family_name="Stein"))
        create_person(session, PersonDraft(given_name="Bert", family_name="Steinbach"))
        create_person(session, PersonDraft(given_name="Carl", family_name="Adler",
                                           notes="Kontakt über Stein"))
    hits = search.search("stein").hits
    found = find("stein")
    # Same family name: then the given name decides (Anna before Hans).
    assert found[:4] == ["Anna Stein", "Hans H. Stein", "Bert Steinbach", "Carl Adler"]
    assert [h.rank for h in hits] == [Rank.EXACT_NAME, Rank.EXACT_NAME, Rank.NAME_PREFIX,
                                      Rank.OTHER_FIELD]
    assert hits[3].matched_field == "notes"


def test_ties_are_alphabetical_by_family_name(search, find):
    found = find("", kind="person")
    family = [n.split()[-1] for n in found]
    assert family == sorted(family)


def test_filters_with_and_without_text(search, find, db):
    with db.read_session() as session:
        aero = session.scalar(select(Network.id).where(Network.name == "AeroSpace.NRW"))
        nmwp = session.scalar(select(Network.id).where(Network.name == "NMWP.NRW"))
        photonik = session.scalar(select(Topic.id).where(Topic.name == "Photonik"))
        rheinmetall = session.scalar(select(Organisation.id)
                                     .where(Organisation.name == "Rheinmetall"))
    assert set(find("", network_id=aero, kind="person")) == {"Dirk Kalinowski",
                                                                     "Dr. Stefan Recher"}
    assert find("dirk", network_id=aero) == ["Dirk Kalinowski"]
    assert find("dirk", network_id=nmwp) == []
    assert find("", topic_id=photonik) == ["NMWP.NRW"]
    assert find("", organisation_id=rheinmetall) == ["Rheinmetall"]
    assert set(find("", kind="organisation")) == {"Rheinmetall", "Thyssenkrupp", "KNDS"}


def test_list_and_event_filters(search, find, db):
    from defence_dir.lists.consent import Consent, ConsentSource, set_attendance, subscribe

    with db.session() as session:
        verteiler = session.scalar(select(DistributionList.id))
        event = session.scalar(select(Event.id))
        from defence_dir.data.models import AttendanceStatus, Person

        person_ids = dict(session.execute(select(Person.family_name, Person.id)).all())
        subscribe(session, verteiler, person_ids["Grosch"],
                  Consent(kind=ConsentSource.MANUAL, note="Telefonat"))
        set_attendance(session, event, [person_ids["Cremer"]], AttendanceStatus.ATTENDED)
    assert find("", list_id=verteiler) == [GROSCH]
    assert find("", event_id=event) == [CREMER]
    assert find("cremer", list_id=verteiler) == []


@pytest.mark.parametrize("query", ["", " ", '"', "*", "NEAR(", "AND", "OR", "NOT", "((", ")",
                                   "' OR 1=1 --", "a\x00b", "\t\r\n", "🙂", "名字", "x" * 10_000,
                                   "%", "_", "\\", "{names}: x", "names:grosch", "^grosch"])
def test_any_input_is_answered(search, query):
    result = search.search(query)
    assert result.total >= len(result.hits)


def test_count_is_exact_or_says_it_is_capped(search):
    result = search.search("", limit=2)
    assert len(result.hits) == 2
    assert result.total == 15 and result.total_is_exact
    assert result.total <= COUNT_CAP


def test_paging_continues_where_the_first_page_stopped(search):
    everything = [(h.kind, h.id) for h in search.search("n", limit=100).hits]
    pages = [(h.kind, h.id) for offset in range(0, len(everything), 3)
             for h in search.search("n", limit=3, offset=offset).hits]
    assert pages == everything
    assert len(set(everything)) == len(everything)
