"""Cards every address book accepts: escaping, folding, line ends, profiles, golden files."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import vobject
from hypothesis import given, settings
from hypothesis import strategies as st

from defence_dir.text.plain import has_control_characters
from defence_dir.vcard.text import escape, fold, split_unescaped, unescape, unfold
from defence_dir.vcard.writer import CardData, Profile, card

GOLDEN = Path(__file__).parent / "golden"


@pytest.mark.parametrize("profile", list(Profile))
def test_matches_the_golden_file(tricky_card, profile):
    """The exact bytes, reviewed once by hand: update deliberately, never blindly."""
    written = card(tricky_card, profile).encode("utf-8")
    golden = GOLDEN / f"tricky_{profile.value}.vcf"
    assert written == golden.read_bytes()


@pytest.mark.parametrize("profile", list(Profile))
def test_structure_every_client_needs(tricky_card, profile):
    text = card(tricky_card, profile)
    raw = text.encode("utf-8")
    assert not raw.startswith(b"\xef\xbb\xbf")
    assert raw.endswith(b"\r\n")
    assert b"\n" not in raw.replace(b"\r\n", b"")  # only CRLF line ends
    for line in raw.split(b"\r\n"):
        assert len(line) <= 75
        line.decode("utf-8")  # folding never cuts a character
    lines = unfold(text).split("\r\n")
    assert lines[0] == "BEGIN:VCARD" and lines[-2] == "END:VCARD"
    assert any(line.startswith("UID:") for line in lines)
    assert any(line.startswith("REV:20261120T093000Z") for line in lines)


def test_outlook_marks_non_ascii_values_with_charset(tricky_card):
    lines = unfold(card(tricky_card, Profile.OUTLOOK)).split("\r\n")
    n_line = next(line for line in lines if line.startswith("N;"))
    assert n_line.startswith("N;CHARSET=UTF-8:")
    email = next(line for line in lines if line.startswith("EMAIL"))
    assert "CHARSET" not in email


def test_v4_uses_uris_and_lower_case_types(tricky_card):
    lines = unfold(card(tricky_card, Profile.V4)).split("\r\n")
    assert "VERSION:4.0" in lines
    assert "UID:urn:uuid:5f0c3a52-2d7b-4f7e-9a61-0d6c1d5b2e11" in lines
    assert "TEL;VALUE=uri;TYPE=work,voice:tel:+49-421-45701" in lines
    assert not any("CHARSET" in line for line in lines)


def test_vobject_reads_back_every_field(tricky_card):
    parsed = vobject.readOne(card(tricky_card, Profile.STANDARD))
    assert parsed.n.value.family == "Schäfer-Łukasiewicz"
    assert parsed.n.value.given == "Anna-Lena"
    assert parsed.n.value.prefix == ["Frau", "Prof. Dr.-Ing."]
    assert parsed.org.value == ["Rheinmetall Electronics GmbH", "Sensorik, Radar"]
    assert parsed.title.value == "Leiterin Forschung; Entwicklung"
    assert parsed.note.value == "Kontakt über Messe; bitte \\ nicht anrufen,\nnur E-Mail."
    assert [e.value for e in parsed.contents["email"]] == ["anna.schaefer@rheinmetall.com",
                                                           "a.s@example.org"]
    assert [t.value for t in parsed.contents["tel"]][:2] == ["+49 421 45701", "+49 170 1234567"]
    assert parsed.adr.value.city == "Bremen"
    assert parsed.categories.value == ["NMWP.NRW", "Photonik", "Nano- und Mikrosystemtechnik"]


# Any text, as rows saved before text was cleaned may hold it: NULs and escape codes included.
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=120)


def norm(text: str) -> str:
    """What a card carries of a text: line breaks as \\n, tabs as spaces, no control codes."""
    text = re.sub(r"\r\n|[\r\x85\u2028\u2029]", "\n", text).replace("\t", " ")
    return re.sub(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]", "", text)


@settings(max_examples=200, deadline=None)
@given(family=TEXT, given_name=TEXT, note=TEXT, org=TEXT, function=TEXT)
def test_any_text_survives_escaping_and_folding(family, given_name, note, org, function):
    data = CardData(id=1, uid="u-1", family_name=family, given_name=given_name, notes=note,
                    organisation=org, function=function)
    text = card(data, Profile.STANDARD)
    for line in text.encode("utf-8").split(b"\r\n"):
        assert len(line) <= 75
        assert not has_control_characters(line.decode("utf-8")) and b"\n" not in line
    properties = {}
    for line in unfold(text).split("\r\n"):
        if ":" in line:
            name, value = line.split(":", 1)
            properties[name.split(";")[0]] = value
    assert unescape(properties["NOTE"]) == norm(note)
    assert unescape(properties["TITLE"]) == norm(function)
    family_part, given_part, *_rest = split_unescaped(properties["N"], ";")
    assert (unescape(family_part), unescape(given_part)) == (norm(family), norm(given_name))
    assert unescape(split_unescaped(properties["ORG"], ";")[0]) == norm(org)


@given(st.text(max_size=300))
def test_fold_unfold_round_trip(text):
    line = "NOTE:" + escape(text)
    assert unfold(fold(line)) == line


def test_rows_saved_before_text_was_cleaned_export_without_control_characters(db, tmp_path):
    """A NUL or escape code in an old row made address books drop the card; never write one."""
    from sqlalchemy import select, update

    from defence_dir.data.models import Person
    from defence_dir.vcard.export import export_persons

    nul = "\x00" if db.engine.dialect.name == "sqlite" else ""  # PostgreSQL refuses NUL in text
    with db.session() as session:
        person_id = session.scalar(select(Person.id).where(Person.family_name == "Grosch"))
        session.execute(update(Person).where(Person.id == person_id).values(
            given_name=f"Mat{nul}thias", family_name="Grosch\x1b[0m", function="Berater\x0b",
            notes=f"Erste Zeile\r\nzweite{nul} Zeile\u2028dritte\x07", uid=f"u{nul}-17"))
    with db.read_session() as session:
        for profile in Profile:
            target = tmp_path / f"{profile.value}.vcf"
            export_persons(session, [person_id], profile, target)
            data = target.read_bytes()
            body = data.replace(b"\r\n", b"")
            assert not has_control_characters(body.decode("utf-8")), profile
            assert b"\n" not in body and b"\r" not in body
            text = unfold(data.decode("utf-8"))
            assert "N:Grosch[0m;Matthias;" in text or "N;CHARSET=UTF-8:Grosch[0m;Matthias;" \
                in text
            assert "NOTE:Erste Zeile\\nzweite Zeile\\ndritte\r\n" in text
            assert "UID:u-17" in text or "UID:urn:uuid:u-17" in text
            [card_back] = vobject.readComponents(text) if profile is not Profile.V4 else [None]
            if card_back is not None:
                assert card_back.note.value == "Erste Zeile\nzweite Zeile\ndritte"
