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


@pytest.mark.parametrize("where", ["directory", "list", "event"])
def test_a_copy_synced_between_an_import_and_its_undo_follows_both(
        team, copy_path, where, attendee_xlsx, german_csv):
    """Synced after the import and again after its undo: the second sync sees only what the
    undo's writes logged (persons, their contacts, attendances, memberships with consent)."""
    from defence_dir.data.models import DistributionList, Event
    from defence_dir.imports.service import (
        apply_spreadsheet,
        guess_columns,
        plan_spreadsheet,
        undo,
    )
    from defence_dir.imports.spreadsheet.columns import find_header_row
    from defence_dir.imports.spreadsheet.planning import MatchChoice
    from defence_dir.imports.spreadsheet.reading import read_table_file
    from defence_dir.imports.spreadsheet.writing import ImportTarget

    sync_copy(team, str(copy_path))
    db = open_database(team)
    try:
        with db.read_session() as session:
            target = ImportTarget(
                list_id=session.scalar(select(DistributionList.id)) if where == "list" else None,
                event_id=session.scalar(select(Event.id)) if where == "event" else None)
        batches = []
        for path in (attendee_xlsx, german_csv):
            sheet = read_table_file(path).sheet(None)
            header = find_header_row(sheet.rows)
            plan = plan_spreadsheet(db, sheet.rows, header, guess_columns(db, sheet.rows[header]),
                                    file_name=path.name, choice=MatchChoice.OVERWRITE)
            batches.append(apply_spreadsheet(db, plan, target).batch_id)
        sync_copy(team, str(copy_path))
        assert _state(copy_path) == _state(team)
        for batch_id in reversed(batches):
            undo(db, batch_id)
    finally:
        db.close()
    sync_copy(team, str(copy_path))
    assert _state(copy_path) == _state(team)
