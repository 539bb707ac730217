"""A certain lane of 1,000 pairs in a directory of 5,000 persons: merged in one go, found by
the search under the merged-away addresses, and taken back to every row as it was."""

from __future__ import annotations

import random

from merge_helpers import dump
from sqlalchemy import func, select

from defence_dir.data.models import EmailAddress, Person, PhoneNumber
from defence_dir.merging.service import list_merges, merge_groups, undo_merges
from defence_dir.records.persons import EmailDraft, PersonDraft, PhoneDraft, create_person
from defence_dir.search.service import SearchFilters, SearchService

FIRST = ("Jürgen", "Jörg", "Björn", "Änne", "Özlem", "Sabine", "Lukas", "Marie", "Hans", "Lea")
LAST = ("Müller", "Schröder", "Schäfer", "Köhler", "Weiß", "Krüger", "Schmidt", "Koch")


def _fold(text: str) -> str:
    for plain, spelled in (("ü", "ue"), ("ö", "oe"), ("ä", "ae"), ("ß", "ss"), ("Ä", "Ae"),
                           ("Ö", "Oe")):
        text = text.replace(plain, spelled)
    return text


def test_a_lane_of_a_thousand_pairs_merges_and_comes_back(db):
    rng = random.Random(17)
    lane: list[list[int]] = []
    with db.session() as session:
        for i in range(4000):
            given, family = rng.choice(FIRST), rng.choice(LAST)
            original = create_person(session, PersonDraft(
                given_name=given, family_name=family,
                emails=[EmailDraft(f"p{i}@firma{i % 97}.example")],
                phones=[PhoneDraft(f"0211 {300000 + i}")])).id
            if i % 4 == 0:
                clone = create_person(session, PersonDraft(
                    given_name=_fold(given), family_name=_fold(family), title="Dr.",
                    emails=[EmailDraft(f"P{i}@firma{i % 97}.example"),
                            EmailDraft(f"privat{i}@web.example")],
                    phones=[PhoneDraft(f"+49 211 {300000 + i}")])).id
                lane.append([original, clone])
    assert len(lane) == 1000
    before = dump(db)
    seen: list[tuple[int, int]] = []
    results = merge_groups(db, lane, progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (1000, 1000)
    with db.read_session() as session:
        assert session.scalar(select(func.count()).select_from(Person)) == 4006
        kept = lane[500][0]
        emails = session.scalars(select(EmailAddress.address).where(
            EmailAddress.person_id == kept).order_by(EmailAddress.position)).all()
        phones = session.scalar(select(func.count()).select_from(PhoneNumber).where(
            PhoneNumber.person_id == kept))
        title = session.scalar(select(Person.title).where(Person.id == kept))
    assert emails == ["p2000@firma60.example", "privat2000@web.example"]
    assert (phones, title) == (1, "Dr.")
    search = SearchService(db.read_session)
    assert search.all_ids("privat2000@web.example", SearchFilters(kind="person")) == [kept]
    assert len(list_merges(db)) == 1000
    undo_merges(db, [r.merge_id for r in results])
    assert dump(db) == before
    assert search.all_ids("privat2000@web.example", SearchFilters(kind="person")) == [
        lane[500][1]]
