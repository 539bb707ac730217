"""Taking an import back (imports/undo.py through the imports service): what it restores,
and when it refuses because later edits would be lost, leaving the database as it was."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from defence_dir.data.models import Event, Organisation, Person
from defence_dir.errors import ValidationError
from defence_dir.imports.service import apply_spreadsheet, guess_columns, plan_spreadsheet, undo
from defence_dir.imports.spreadsheet.columns import find_header_row
from defence_dir.imports.spreadsheet.planning import MatchChoice
from defence_dir.imports.spreadsheet.reading import read_table_file
from defence_dir.imports.spreadsheet.writing import ImportTarget, SpreadsheetResult


def imported(db, path: Path, target: ImportTarget | None = None,
             **options) -> SpreadsheetResult:
    """The file imported as the wizard and `defence-dir import` do it."""
    sheet = read_table_file(path).sheet(None)
    header = find_header_row(sheet.rows)
    mapping = guess_columns(db, sheet.rows[header])
    plan = plan_spreadsheet(db, sheet.rows, header, mapping, file_name=path.name, **options)
    return apply_spreadsheet(db, plan, target)


def test_undo_refuses_when_later_edits_would_be_lost(db, attendee_xlsx):
    from defence_dir.records.persons import draft_of, update_person

    result = imported(db, attendee_xlsx)
    with db.session() as session:
        person = session.scalar(select(Person).where(Person.family_name == "Brandt"))
        draft = draft_of(person)
        draft.function = "Leiter Einkauf"
        update_person(session, person.id, draft, person.version)
    with pytest.raises(ValidationError) as refused:
        undo(db, result.batch_id)
    assert "Bernd Brandt" in str(refused.value)
    with db.read_session() as session:  # nothing was undone
        assert session.scalar(select(func.count()).select_from(Person)) == 8


def test_undo_restores_stored_values_that_todays_checks_would_refuse(db, tmp_path: Path):
    """Older data (an earlier version, another tool on a shared database) may hold a phone
    that no longer passes validation; undoing an import must put it back, not refuse."""
    from defence_dir.data.models import PhoneNumber
    from defence_dir.records.persons import draft_of

    with db.session() as session:
        person = Person(given_name="Olga", family_name="Altbestand", uid="old-1", version=1,
                        function="Einkauf")
        person.phones = [PhoneNumber(raw="0151 3995191", e164=None, kind="cell", position=0)]
        session.add(person)
        session.flush()
        before = draft_of(person)
    path = tmp_path / "update.csv"
    path.write_text("Vorname;Nachname;Funktion;Mobil\nOlga;Altbestand;Vertrieb;0171 2345678\n",
                    encoding="utf-8")
    result = imported(db, path, choice=MatchChoice.OVERWRITE)
    assert result.updated == 1
    undo(db, result.batch_id)
    with db.read_session() as session:
        restored = session.scalar(select(Person).where(Person.family_name == "Altbestand"))
        assert draft_of(restored) == before
        assert [(p.raw, p.e164) for p in restored.phones] == [("0151 3995191", None)]


@pytest.mark.parametrize("target", ["directory", "list", "event"])
def test_undo_restores_every_table_as_it_was(db, attendee_xlsx, german_csv, tmp_path, target,
                                             directory_state):
    from defence_dir.data.models import DistributionList

    with db.session() as session:
        choice = {"directory": MatchChoice.OVERWRITE, "list": MatchChoice.FILL,
                  "event": MatchChoice.OVERWRITE}[target]
        where = ImportTarget(list_id=session.scalar(select(DistributionList.id))
                             if target == "list" else None,
                             event_id=session.scalar(select(Event.id))
                             if target == "event" else None)
    path = tmp_path / "abgleich.csv"  # changes a seeded person: function, a second number
    path.write_text("Vorname;Nachname;E-Mail;Funktion;Mobil\n"
                    "Harald;Cremer;harald.cremer@nmwp.de;Vorstand;0171 2345678\n",
                    encoding="utf-8")
    before = directory_state()
    for file in (attendee_xlsx, german_csv, path):
        batch_id = imported(db, file, where, choice=choice).batch_id
        assert directory_state() != before
        undo(db, batch_id)
        assert directory_state() == before, file.name


def test_undo_leaves_deleted_persons_topics_and_organisations_deleted(db, tmp_path: Path):
    """Deleting a person (an erasure), a topic or an organisation after an import changes
    no person's version; undoing the import must still work and bring none of them back."""
    from sqlalchemy import delete

    from defence_dir.data.models import Topic, person_topic
    from defence_dir.records.persons import delete_person

    with db.session() as session:
        grosch = session.scalar(select(Person).where(Person.family_name == "Grosch"))
        cremer = session.scalar(select(Person).where(Person.family_name == "Cremer"))
        topic = session.scalar(select(Topic).limit(1))
        cremer.topics.append(topic)
        cremer.organisation = Organisation(name="Cremer Consulting", kind="sme")
        session.flush()
        cremer_org = cremer.organisation_id
        grosch_id, cremer_id, topic_id = grosch.id, cremer.id, topic.id
    path = tmp_path / "update.csv"
    path.write_text("Vorname;Nachname;E-Mail;Funktion;Mobil\n"
                    "Matthias;Grosch;matthias.grosch@nmwp.de;Vorstand;0171 2345678\n"
                    "Harald;Cremer;harald.cremer@nmwp.de;Vorstand;0171 2345679\n",
                    encoding="utf-8")
    result = imported(db, path, choice=MatchChoice.OVERWRITE)
    assert result.updated == 2
    with db.session() as session:
        delete_person(session, grosch_id)
        session.delete(session.get(Topic, topic_id))
        # As another program on a shared database would (the app's own delete saves the
        # persons it unlinks, which then counts as a later edit).
        session.execute(delete(Organisation).where(Organisation.id == cremer_org))
    assert undo(db, result.batch_id)["restored"] == 1
    with db.read_session() as session:
        assert session.get(Person, grosch_id) is None
        cremer = session.get(Person, cremer_id)
        assert (cremer.function, cremer.organisation_id) == ("Clustermanager", None)
        assert "0171 2345679" not in [p.raw for p in cremer.phones]
        assert session.scalar(select(func.count()).select_from(person_topic).where(
            person_topic.c.topic_id == topic_id)) == 0


def test_undo_refuses_when_a_created_person_was_added_to_a_list_since(db, german_csv,
                                                                     directory_state):
    """Adding an imported person to a list changes no version, but undoing the import would
    delete the person with that membership and its consent record: refused, nothing changed."""
    from defence_dir.lists.consent import Consent, ConsentSource, get_list_by_name, subscribe

    result = imported(db, german_csv)
    with db.session() as session:
        mueller = session.scalar(select(Person.id).where(Person.family_name == "Müller"))
        subscribe(session, get_list_by_name(session, "Defense-Verteiler").id, mueller,
                  Consent(ConsentSource.FORM, source="Anmeldeformular"))
    before = directory_state()
    with pytest.raises(ValidationError) as refused:
        undo(db, result.batch_id)
    assert "Verteilereintrag von Jörg Müller" in str(refused.value)
    assert directory_state() == before
