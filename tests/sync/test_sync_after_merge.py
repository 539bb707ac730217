"""A merge and its undo move, delete and put back rows with their old ids: a copy synced
after either holds exactly what the team holds."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select
from team_changes import mirrored_rows, search_documents

from defence_dir.data.database import open_database
from defence_dir.data.models import (
    AttendanceStatus,
    DistributionList,
    Event,
    NotDuplicatePair,
    Person,
)
from defence_dir.lists.consent import Consent, ConsentSource, set_attendance, subscribe, unsubscribe
from defence_dir.merging.service import merge_groups, merge_persons, undo_merge, undo_merges
from defence_dir.records.persons import EmailDraft, PersonDraft, PhoneDraft, create_person
from defence_dir.sync import sync_copy


def _state(target: str | Path) -> tuple[dict, list]:
    db = open_database(str(target), seed=False)
    try:
        return mirrored_rows(db), search_documents(db)
    finally:
        db.close()


def _duplicates(db) -> tuple[int, list[list[int]]]:
    """A duplicate of a team member with a list, an event and a "not duplicates" mark, and
    ten more pairs for a lane."""
    with db.session() as session:
        persons = list(session.scalars(select(Person.id).order_by(Person.id)))
        list_id = session.scalars(select(DistributionList.id)).first()
        event_id = session.scalars(select(Event.id)).first()
        kept = persons[10]
        twin = create_person(session, PersonDraft(
            given_name="Zweit", family_name="Eintrag", function="Einkauf",
            emails=[EmailDraft("zweit@eintrag.example")],
            phones=[PhoneDraft("0171 2345678")])).id
        subscribe(session, list_id, kept, Consent(ConsentSource.FORM, "Web"))
        subscribe(session, list_id, twin, Consent(ConsentSource.EVENT, "Messe"))
        unsubscribe(session, list_id, twin)
        set_attendance(session, event_id, [twin], AttendanceStatus.ATTENDED)
        session.add(NotDuplicatePair(person_a_id=persons[20], person_b_id=twin))
    lane = [[persons[30 + 2 * i], persons[31 + 2 * i]] for i in range(10)]
    return merge_persons(db, kept, [twin]).merge_id, lane


@pytest.mark.parametrize("take_back", [False, True], ids=["merged", "undone"])
def test_a_copy_synced_after_a_merge_holds_what_the_team_holds(team, copy_path, take_back):
    sync_copy(team, str(copy_path))
    db = open_database(team)
    try:
        merge_id, lane = _duplicates(db)
        results = merge_groups(db, lane)
        if take_back:
            undo_merges(db, [r.merge_id for r in results])
            undo_merge(db, merge_id)
    finally:
        db.close()
    synced = sync_copy(team, str(copy_path))
    assert not synced.first
    assert _state(copy_path) == _state(team)
    copy = open_database(str(copy_path))
    try:
        with copy.read_session() as session:
            names = set(session.scalars(select(Person.family_name)))
    finally:
        copy.close()
    assert ("Eintrag" in names) is take_back
