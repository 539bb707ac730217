"""Stored and searched text is NFC without control characters, however it was typed or pasted."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from defence_dir.records.persons import PersonDraft, create_person
from defence_dir.text.folding import words
from defence_dir.text.plain import clean_text, has_control_characters, nfc


def test_decomposed_umlauts_are_composed():
    assert nfc("Mu\u0308ller") == "Müller"
    assert clean_text("  Mu\u0308ller\u00a0") == "Müller"


def test_control_characters_are_removed_and_line_breaks_kept_only_where_wanted():
    assert clean_text("Jür\x00gen\x1b[31m") == "Jürgen[31m"
    assert clean_text("Erste Zeile\r\nzweite\tZeile") == "Erste Zeile zweite Zeile"
    assert clean_text("Erste Zeile\r\nzweite\rdritte\u2028vierte", multiline=True) == (
        "Erste Zeile\nzweite\ndritte\nvierte")
    assert clean_text("\x00\x07 \x7f") is None


@given(st.text())
def test_cleaned_text_is_stable_composed_and_free_of_controls(text):
    once = clean_text(text, multiline=True)
    if once is None:
        return
    assert clean_text(once, multiline=True) == once
    assert unicodedata.is_normalized("NFC", once)
    assert not has_control_characters(once)
    assert once == once.strip()


def test_words_of_decomposed_text_match_the_composed_form():
    assert words("mu\u0308ller") == words("Müller") == ["muller"]


def test_a_person_is_stored_without_control_characters_and_composed(db):
    draft = PersonDraft(given_name="Ju\u0308rgen\x00", family_name="Schnitz\x1bmeier",
                        notes="Zeile 1\r\nZeile 2\x07")
    with db.session() as session:
        person = create_person(session, draft)
        assert (person.given_name, person.family_name, person.notes) == (
            "Jürgen", "Schnitzmeier", "Zeile 1\nZeile 2")
