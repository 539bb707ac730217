"""Reading what address books export: 2.1, 3.0, 4.0, LF or CRLF, BOM, broken cards."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from defence_dir.data.models import ImportBatch, Organisation, Person
from defence_dir.errors import ValidationError
from defence_dir.vcard.export import export_persons
from defence_dir.vcard.importer import Action, MatchMode, apply_import, plan_import
from defence_dir.vcard.writer import Profile

OUTLOOK_21 = (
    "BEGIN:VCARD\r\nVERSION:2.1\r\n"
    "N;CHARSET=Windows-1252;ENCODING=QUOTED-PRINTABLE:M=FCller;J=FCrgen;;Dr.;\r\n"
    "FN;CHARSET=Windows-1252;ENCODING=QUOTED-PRINTABLE:Dr. J=FCrgen M=FCller\r\n"
    "ORG:Hensoldt Sensors GmbH;Radar\r\n"
    "TEL;WORK;VOICE:+49 731 3920\r\n"
    "TEL;CELL:0171 5551234\r\n"
    "EMAIL;PREF;INTERNET:juergen.mueller@hensoldt.example\r\n"
    "NOTE;ENCODING=QUOTED-PRINTABLE:Erste Zeile=0D=0A=\r\nzweite Zeile mit =C3=A4\r\n"
    "END:VCARD\r\n"
).encode("cp1252")
APPLE_30_LF = (
    b"BEGIN:VCARD\nVERSION:3.0\nN:Smith;John;;;\nFN:Smith\\, John\n"
    b"EMAIL;type=INTERNET;type=WORK;type=pref:john.smith@example.org\n"
    b"TEL;type=CELL;type=VOICE;type=pref:+44 20 7123 4567\n"
    b"TEL;type=FAX:+44 7700 900123\n"
    b"item1.ADR;type=WORK:;;1 Main St;London;;EC1A 1BB;UK\nCATEGORIES:Photonik,Other\n"
    b"NOTE:Met at DSEI\\; follow up\nEND:VCARD\n"
)
GOOGLE_40 = (
    "\ufeffBEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ayşe Yılmaz\r\nN:Yılmaz;Ayşe;;;\r\n"
    "TEL;VALUE=uri;TYPE=work:tel:+49-211-555-0100\r\n"
    "EMAIL;TYPE=work:ayse.yilmaz@example.de\r\nUID:urn:uuid:7d1c9c42-1111-4a0b-8c1d-"
    "00000000abcd\r\nEND:VCARD\r\n"
).encode()
BROKEN = b"BEGIN:VCARD\r\nVERSION:3.0\r\nthis line has no colon\r\nEND:VCARD\r\n"
NO_NAME = b"BEGIN:VCARD\r\nVERSION:3.0\r\nEMAIL:nobody@example.org\r\nEND:VCARD\r\n"
BAD_EMAIL = b"BEGIN:VCARD\r\nVERSION:3.0\r\nN:Kaputt;Karl;;;\r\nEMAIL:karl@@x\r\nEND:VCARD\r\n"
UNCLOSED = b"BEGIN:VCARD\r\nVERSION:3.0\r\nN:Offen;Otto;;;\r\n"


def by_name(plan):
    return {c.name: c for c in plan.cards}


def test_versions_encodings_and_line_ends(db):
    data = OUTLOOK_21 + APPLE_30_LF + GOOGLE_40
    with db.session() as session:
        plan = plan_import(session, data, "mixed.vcf")
        cards = by_name(plan)
        assert [c.action for c in plan.cards] == [Action.NEW] * 3
        mueller = cards["Dr. Jürgen Müller"].draft
        assert (mueller.title, mueller.given_name, mueller.family_name) == ("Dr.", "Jürgen",
                                                                           "Müller")
        assert mueller.department == "Radar"
        assert mueller.notes == "Erste Zeile\nzweite Zeile mit ä"  # QP, with a hard break
        assert [p.kind for p in mueller.phones] == ["work", "cell"]
        smith = cards["Smith, John"].draft  # a comma in FN is text, not a separator
        assert (smith.given_name, smith.family_name) == ("John", "Smith")
        assert smith.notes == ("Met at DSEI; follow up\nTelefonnummern aus der vCard, die "
                               "nicht gelesen werden konnten: +44 7700 900123")  # kept
        assert [p.raw for p in smith.phones] == ["+44 20 7123 4567"]
        assert len(smith.topic_ids) == 1  # "Photonik" is a known technology field
        ayse = cards["Ayşe Yılmaz"].draft
        assert ayse.phones[0].raw == "+49-211-555-0100"
        apply_import(session, plan)
    with db.read_session() as session:
        person = session.scalar(select(Person).where(Person.family_name == "Yılmaz"))
        assert person.uid == "7d1c9c42-1111-4a0b-8c1d-00000000abcd"
        assert person.phones[0].e164 == "+492115550100"
        org = session.scalar(select(Organisation).where(Organisation.name ==
                                                        "Hensoldt Sensors GmbH"))
        assert org is not None and org.import_batch_id is not None


def test_a_malformed_card_is_reported_and_the_good_ones_still_come_in(db):
    data = BROKEN + APPLE_30_LF + NO_NAME + BAD_EMAIL + UNCLOSED
    with db.session() as session:
        plan = plan_import(session, data, "mixed.vcf")
        actions = [(c.number, c.action) for c in plan.cards]
        assert actions == [(1, Action.INVALID), (2, Action.NEW), (3, Action.INVALID),
                           (4, Action.INVALID), (5, Action.INVALID)]
        reasons = [c.reason for c in plan.cards if c.action is Action.INVALID]
        assert reasons[0] == "Zeile 3 ist keine vCard-Eigenschaft: „this line has no colon“"
        assert "keine gültige E-Mail-Adresse" in reasons[2]
        result = apply_import(session, plan)
        assert result.counts["new"] == 1 and result.counts["invalid"] == 4
    with db.read_session() as session:
        assert session.scalar(select(func.count()).select_from(Person)) == 7


def test_matching_by_uid_then_email_and_fill_mode(db, tmp_path: Path):
    with db.session() as session:
        grosch = session.scalar(select(Person).where(Person.family_name == "Grosch"))
        export_persons(session, [grosch.id], Profile.STANDARD, tmp_path / "grosch.vcf")
    data = (tmp_path / "grosch.vcf").read_bytes()
    with db.session() as session:
        plan = plan_import(session, data, "grosch.vcf")
        assert [c.action for c in plan.cards] == [Action.UNCHANGED]  # exported, re-imported
    changed = data.replace(b"END:VCARD", b"TITLE:Projektleiter\r\nEND:VCARD").replace(
        b"UID:", b"X-OLD-UID:")
    with db.session() as session:
        plan = plan_import(session, changed, "grosch.vcf")  # matched by email now
        card = plan.cards[0]
        assert card.action is Action.UPDATE and card.person_id == grosch.id
        assert ("function", "", "Projektleiter") in card.changes
        apply_import(session, plan)
    with db.read_session() as session:
        assert session.get(Person, grosch.id).function == "Projektleiter"
        assert session.scalar(select(func.count()).select_from(Person)) == 6


def test_fill_keeps_existing_values_overwrite_replaces_them(db):
    card = (b"BEGIN:VCARD\r\nVERSION:3.0\r\nN:Cremer;Harald;;;\r\nTITLE:Vorstand\r\n"
            b"EMAIL:harald.cremer@nmwp.de\r\nEND:VCARD\r\n")
    with db.session() as session:
        fill = plan_import(session, card, "c.vcf", MatchMode.FILL).cards[0]
        assert fill.draft.function == "Clustermanager"
        overwrite = plan_import(session, card, "c.vcf", MatchMode.OVERWRITE).cards[0]
        assert overwrite.draft.function == "Vorstand"
        skip = plan_import(session, card, "c.vcf", MatchMode.SKIP).cards[0]
        assert skip.action is Action.SKIPPED


def test_duplicates_within_the_file(db):
    with db.session() as session:
        plan = plan_import(session, APPLE_30_LF + APPLE_30_LF, "twice.vcf")
        assert [c.action for c in plan.cards] == [Action.NEW, Action.DUPLICATE]


@pytest.mark.parametrize("data", [b"", b"just some text", b"\xff\xfe\x00garbage",
                                  b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"])
def test_files_without_cards_are_refused(db, data):
    with db.session() as session, pytest.raises(ValidationError):
        plan_import(session, data, "x.vcf")


def test_every_profile_round_trips(db, tmp_path: Path):
    with db.session() as session:
        ids = list(session.scalars(select(Person.id)))
    for profile in Profile:
        target = tmp_path / ("cards" if profile is Profile.OUTLOOK else f"{profile.value}.vcf")
        with db.session() as session:
            export_persons(session, ids, profile, target)
        files = sorted(target.glob("*.vcf")) if target.is_dir() else [target]
        data = b"".join(f.read_bytes() for f in files)
        with db.session() as session:
            plan = plan_import(session, data, "round.vcf")
            assert {c.action for c in plan.cards} == {Action.UNCHANGED}, profile
            assert len(plan.cards) == 6


def test_import_is_recorded_for_undo(db):
    with db.session() as session:
        result = apply_import(session, plan_import(session, APPLE_30_LF, "apple.vcf"))
    with db.read_session() as session:
        batch = session.get(ImportBatch, result.batch_id)
        assert (batch.file_name, batch.source_kind, batch.created_count) == ("apple.vcf",
                                                                              "vcard", 1)
        assert [c.table_name for c in batch.changes] == ["person"]


def _dump(db) -> list[tuple]:
    from sqlalchemy import inspect, text

    with db.engine.connect() as connection:
        tables = sorted(t for t in inspect(connection).get_table_names()
                        if not t.startswith(("search_", "sqlite_")))
        return [(t, *sorted(map(tuple, connection.execute(text(f'SELECT * FROM "{t}"')))))
                for t in tables]


GOOD = b"BEGIN:VCARD\r\nVERSION:3.0\r\nN:Gut;Gerda;;;\r\nEND:VCARD\r\n"


@pytest.mark.parametrize(("data", "expect_cards"), [
    (GOOD[:40], 0),  # truncated inside the first card
    (bytes(range(256)) * 200, None),  # binary
    (b"BEGIN:VCARD\r\nVERSION:3.0\r\nN:Ohne;Ende;;;\r\nBEGIN:VCARD\r\nN:Zwei;Z;;;\r\n", 0),
    (b"BEGIN:VCARD\r\nVERSION:3.0\r\nN:Lang;Lina;;;\r\nNOTE:" + b"x" * 10_000_000
     + b"\r\nEND:VCARD\r\n", None),  # a 10 MB line
    ("BEGIN:VCARD\r\nVERSION:3.0\r\nN:Müller;Jörg;;;\r\nEND:VCARD\r\n".encode("cp1252"), 1),
    (b"BEGIN:\r\nVERSION:3.0\r\nN:X;Y;;;\r\nEND:\r\n", None),  # BEGIN without VCARD
    (GOOD + b"BEGIN:VCARD\r\nVERSION:3.0\r\nN:Abgeschnitten;A", 1),
])
def test_bad_files_are_reported_and_change_nothing(db, data, expect_cards):
    before = _dump(db)
    with db.session() as session:
        try:
            plan = plan_import(session, data, "bad.vcf")
        except ValidationError as exc:
            assert str(exc)  # a clear message
            plan = None
        if plan is not None:
            for card in plan.cards:
                if card.action is Action.INVALID:
                    assert card.reason
            good = [c for c in plan.cards if c.action is Action.NEW]
            if expect_cards is not None:
                assert len(good) == expect_cards
            # The preview never writes.
    assert _dump(db) == before


def test_wrong_charset_is_read_right(db):
    data = "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Müller;Jörg;;;\r\nEND:VCARD\r\n".encode("cp1252")
    with db.session() as session:
        [card] = plan_import(session, data, "ansi.vcf").cards
        assert (card.draft.given_name, card.draft.family_name) == ("Jörg", "Müller")


def test_undo_of_a_vcard_import_restores_every_table_as_it_was(db, directory_state):
    from defence_dir.imports.undo import undo_import

    update = (b"BEGIN:VCARD\r\nVERSION:3.0\r\nN:Cremer;Harald;;;\r\nTITLE:Vorstand\r\n"
              b"TEL;TYPE=CELL:0171 2345678\r\nEMAIL:harald.cremer@nmwp.de\r\n"
              b"EMAIL:h.cremer@example.org\r\nEND:VCARD\r\n")
    before = directory_state()
    with db.session() as session:
        plan = plan_import(session, APPLE_30_LF + update, "mix.vcf", MatchMode.OVERWRITE)
        assert sorted(c.action for c in plan.cards) == sorted([Action.NEW, Action.UPDATE])
        result = apply_import(session, plan)
    assert directory_state() != before
    with db.session() as session:
        undo_import(session, result.batch_id)
    assert directory_state() == before
