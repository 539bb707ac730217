"""The one declaration of a person's texts reaches the database, drafts, vCards and records."""

from __future__ import annotations

from dataclasses import fields

from defence_dir.data.models import Person
from defence_dir.records.directory import person_record
from defence_dir.records.person_fields import (
    MULTILINE_FIELDS,
    NAME_FIELDS,
    TEXT_FIELDS,
    PersonTexts,
    texts_of,
)
from defence_dir.records.persons import PersonDraft, create_person, draft_of, field_label
from defence_dir.vcard.card_reading import CardValues, card_draft
from defence_dir.vcard.reader import read_cards
from defence_dir.vcard.writer import CardData, Profile, card, load_cards

# A value per field that tells the fields apart and would show a swapped pair.
EVERY_TEXT = {
    "salutation": "Frau", "title": "Prof. Dr.-Ing.", "given_name": "Anna-Lena",
    "middle_name": "Zoë", "family_name": "Schäfer-Łukasiewicz", "name_suffix": "MBA",
    "function": "Leiterin Forschung; Entwicklung", "department": "Sensorik, Radar",
    "notes": "Kontakt über Messe,\nnur E-Mail.",
}


def test_the_declaration_names_the_stored_columns():
    assert set(EVERY_TEXT) == set(TEXT_FIELDS)
    assert set(TEXT_FIELDS) <= set(Person.__table__.columns.keys())
    assert NAME_FIELDS == ("salutation", "title", "given_name", "middle_name", "family_name",
                           "name_suffix")
    assert {"notes"} == MULTILINE_FIELDS
    # Each field has a label of its own for previews and reports, not its code name.
    assert all(field_label(name) != name for name in TEXT_FIELDS)


def test_drafts_and_cards_are_person_texts():
    for cls in (PersonDraft, CardValues, CardData):
        assert issubclass(cls, PersonTexts)
        assert {f.name for f in fields(cls)} >= set(TEXT_FIELDS)
    # load_cards passes the texts by position (a Row's attributes by name cost seconds).
    assert tuple(f.name for f in fields(CardData) if not f.kw_only) == TEXT_FIELDS


def test_every_text_travels_from_storage_to_draft_card_and_record(db):
    with db.session() as session:
        person_id = create_person(session, PersonDraft(**EVERY_TEXT)).id
    with db.read_session() as session:
        person = session.get(Person, person_id)
        assert person is not None
        assert texts_of(person) == EVERY_TEXT
        assert texts_of(draft_of(person)) == EVERY_TEXT
        record = person_record(person)
        assert {name: record[name] for name in TEXT_FIELDS} == EVERY_TEXT
        [data] = load_cards(session, [person_id])
    assert texts_of(data) == EVERY_TEXT
    for profile in Profile:
        [raw] = read_cards(card(data, profile).encode("utf-8"))
        draft, _organisation, uid = card_draft(raw, topics={})
        assert texts_of(draft) == EVERY_TEXT, profile
        assert uid == data.uid
