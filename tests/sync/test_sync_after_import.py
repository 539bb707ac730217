"""Imports write in bulk past the change-log triggers and log their rows themselves: a copy
synced afterwards must hold exactly what the team holds, and the triggers log again after."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select, text
from team_changes import mirrored_rows, search_documents

from defence_dir.data.database import open_database
from defence_dir.data.models import Person, Topic
from defence_dir.imports.undo import undo_import
from defence_dir.records.persons import PersonDraft, create_person
from defence_dir.sync import sync_copy
from defence_dir.vcard.importer import apply_import, plan_import


def _state(target: str | Path) -> tuple[dict, list]:
    db = open_database(str(target), seed=False)
    try:
        return mirrored_rows(db), search_documents(db)
    finally:
        db.close()


def _cards(uid: str, topic: str) -> bytes:
    """As Outlook and an iPhone write them: two new people (one at a new firm, with a
    technology field) and one the team knows, by UID, with a new number, address and field."""
    return (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Quastenberg;Ilse;;Dr.;\r\nFN:Dr. Ilse Quastenberg\r\n"
        "ORG:Radarwerk Lippstadt GmbH\r\nEMAIL;TYPE=INTERNET,WORK:ilse@radarwerk.example\r\n"
        "EMAIL;TYPE=INTERNET,HOME:ilse.q@web.example\r\nTEL;TYPE=WORK:+49 2941 123-45\r\n"
        f"TEL;TYPE=CELL:0171 2345678\r\nCATEGORIES:{topic}\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Özdemir;Cem;;;\r\nFN:Cem Özdemir\r\n"
        "EMAIL:cem@oezdemir.example\r\nEND:VCARD\r\n"
        f"BEGIN:VCARD\r\nVERSION:3.0\r\nUID:{uid}\r\nN:Bekannt;Berta;;;\r\nFN:Berta Bekannt\r\n"
        "EMAIL:berta.neu@firma.example\r\nTEL;TYPE=CELL:0172 9876543\r\n"
        f"CATEGORIES:{topic}\r\nEND:VCARD\r\n").encode()


@pytest.mark.parametrize("take_back", [False, True], ids=["imported", "undone"])
def test_a_copy_synced_after_an_import_holds_what_the_team_holds(team, copy_path, take_back):
    sync_copy(team, str(copy_path))
    db = open_database(team)
    try:
        with db.read_session() as session:
            uid = session.scalars(select(Person.uid).order_by(Person.id)).first()
            topic = session.scalars(select(Topic.name).order_by(Topic.id)).first()
        with db.session() as session:
            plan = plan_import(session, _cards(uid, topic), "kontakte.vcf")
            result = apply_import(session, plan)
            assert (result.counts["new"], result.counts["update"]) == (2, 1), result.counts
            # Later writes in the same transaction are logged by the triggers again.
            create_person(session, PersonDraft(given_name="Nach", family_name="Import"))
        if take_back:
            with db.session() as session:
                undo_import(session, result.batch_id)
        with db.read_session() as session:
            flags = session.execute(text(
                "SELECT count(*) FROM sync_state WHERE key = 'quiet_log'")).scalar_one()
        assert flags == 0
    finally:
        db.close()
    synced = sync_copy(team, str(copy_path))
    assert not synced.first
    assert _state(copy_path) == _state(team)
    copy = open_database(str(copy_path))
    try:
        with copy.read_session() as session:
            names = set(session.scalars(select(Person.family_name)))
        assert "Import" in names
        assert ("Quastenberg" in names) is not take_back
    finally:
        copy.close()
