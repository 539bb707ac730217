"""vCard imports at realistic sizes and with shared mailboxes: written in bulk, undone exactly
(SQLite and PostgreSQL), a preview, a cancel or a failure leaves the database as it was."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, func, select, text

from defence_dir.data.database import open_database
from defence_dir.data.models import (
    Base,
    EmailAddress,
    ImportBatch,
    ImportChange,
    Organisation,
    Person,
)
from defence_dir.data.seed import seed_person_uid
from defence_dir.errors import DefenceDirError
from defence_dir.imports.undo import undo_import
from defence_dir.imports.writing import ImportCancelled
from defence_dir.vcard import importer
from defence_dir.vcard.importer import Action, MatchMode, apply_import, plan_import
from defence_dir.vcard.reader import read_cards

# An iPhone export (3.0, LF) of a firm's contacts: three colleagues reach us through the
# firm's info@ mailbox, and Petra Krause's card is in it twice (the second time with her UID
# only, as iOS does after a contact was linked).
IPHONE = (
    "BEGIN:VCARD\nVERSION:3.0\nPRODID:-//Apple Inc.//iPhone OS 17.5//EN\nN:Krause;Petra;;;\n"
    "FN:Petra Krause\nORG:Sauerland Optik GmbH;\nTITLE:Geschäftsführerin\n"
    "EMAIL;type=INTERNET;type=WORK;type=pref:info@sauerland-optik.de\n"
    "TEL;type=WORK;type=VOICE;type=pref:02931 5550-10\n"
    "UID:8A6E5C3B-0D0C-4F1A-9A55-1B2C3D4E5F60\nEND:VCARD\n"
    "BEGIN:VCARD\nVERSION:3.0\nN:Öztürk;Mehmet;;;\nFN:Mehmet Öztürk\n"
    "ORG:Sauerland Optik GmbH;Vertrieb\n"
    "EMAIL;type=INTERNET;type=WORK;type=pref:info@sauerland-optik.de\n"
    "EMAIL;type=INTERNET;type=HOME:m.oeztuerk@web.de\n"
    "TEL;type=CELL;type=VOICE:0171 5550123\nEND:VCARD\n"
    "BEGIN:VCARD\nVERSION:3.0\nN:Lange;Sabine;;;\nFN:Sabine Lange\n"
    "ORG:Sauerland Optik GmbH;Einkauf\nEMAIL;type=INTERNET;type=WORK:Info@Sauerland-Optik.de\n"
    "CATEGORIES:Photonik\nEND:VCARD\n"
    "BEGIN:VCARD\nVERSION:3.0\nN:Krause;Petra;;;\nFN:Petra Krause\n"
    "NOTE:Kick-off 2026 getroffen\nUID:8A6E5C3B-0D0C-4F1A-9A55-1B2C3D4E5F60\nEND:VCARD\n"
).encode()

# Outlook 2.1: the assistant of Dr.-Ing. Harald Cremer (seeded) writes from his mailbox, and a
# card with Cremer's UID but an old, different name is still him.
OUTLOOK_ASSISTANT = (
    "BEGIN:VCARD\r\nVERSION:2.1\r\nN:Schmitz;Bärbel;;;\r\nFN:Bärbel Schmitz\r\n"
    "ORG:NMWP.NRW\r\nTITLE:Assistenz der Geschäftsführung\r\n"
    "EMAIL;PREF;INTERNET:harald.cremer@nmwp.de\r\nTEL;WORK;VOICE:0211 385459-20\r\n"
    "END:VCARD\r\n"
).encode("cp1252")


def _card(uid: str | None, given: str, family: str, email: str | None, *, extra: str = "") -> str:
    lines = ["BEGIN:VCARD", "VERSION:3.0", f"N:{family};{given};;;", f"FN:{given} {family}"]
    if email:
        lines.append(f"EMAIL;type=INTERNET;type=WORK:{email}")
    if uid:
        lines.append(f"UID:{uid}")
    return "\r\n".join(lines) + ("\r\n" + extra if extra else "") + "\r\nEND:VCARD\r\n"


def test_colleagues_sharing_a_mailbox_are_each_imported(db):
    with db.session() as session:
        plan = plan_import(session, IPHONE, "iphone.vcf")
        assert [c.action for c in plan.cards] == [Action.NEW, Action.NEW, Action.NEW,
                                                  Action.DUPLICATE]
        assert plan.cards[0].warnings == []
        assert plan.cards[1].warnings == [
            "teilt die Adresse info@sauerland-optik.de mit Karte 1 (Petra Krause)"]
        assert plan.cards[2].warnings == [  # the address's first card is named, once
            "teilt die Adresse info@sauerland-optik.de mit Karte 1 (Petra Krause)"]
        assert plan.cards[3].reason == "dieselbe Person wie eine frühere Karte dieser Datei"
        assert plan.cards[1].as_json()["warnings"] == plan.cards[1].warnings
        apply_import(session, plan)
    with db.read_session() as session:
        holders = session.scalars(select(Person.family_name).join(EmailAddress).where(
            func.lower(EmailAddress.address) == "info@sauerland-optik.de")
            .order_by(Person.family_name)).all()
        assert holders == ["Krause", "Lange", "Öztürk"]
        krause = session.scalar(select(Person).where(Person.family_name == "Krause"))
        assert krause.uid == "8A6E5C3B-0D0C-4F1A-9A55-1B2C3D4E5F60"
    # The same export again: each colleague finds herself, not the first holder of info@.
    with db.session() as session:
        again = plan_import(session, IPHONE, "iphone.vcf")
        assert [c.action for c in again.cards[:3]] == [Action.UNCHANGED] * 3
        assert len({c.person_id for c in again.cards[:3]}) == 3
        # Found by her own address and name: the directory's other holders are no remark
        # (as for spreadsheet rows); the file's own sharing still is.
        assert again.cards[1].warnings == [
            "teilt die Adresse info@sauerland-optik.de mit Karte 1 (Petra Krause)"]


def test_an_assistant_using_her_bosss_address_is_not_merged_into_him(db):
    cremer_uid = seed_person_uid("harald.cremer@nmwp.de")
    renamed = _card(cremer_uid, "H.", "Cremer-Alt", None, extra="TITLE:Vorstand")
    same = _card(None, "Harald", "Cremer", "Harald.Cremer@nmwp.de", extra="TITLE:Vorstand")
    with db.session() as session:
        cremer_id = session.scalar(select(Person.id).where(Person.family_name == "Cremer"))
        plan = plan_import(session, OUTLOOK_ASSISTANT + renamed.encode(), "outlook.vcf")
        assistant, by_uid = plan.cards
        assert assistant.action is Action.NEW and assistant.person_id is None
        assert assistant.warnings == ["teilt die Adresse harald.cremer@nmwp.de mit "
                                      "Dr.-Ing. Harald Cremer (bereits im Verzeichnis)"]
        assert by_uid.person_id == cremer_id  # a UID match wins over any name
        assert by_uid.action is Action.UNCHANGED  # fill mode: his function stays
        # The card that is Cremer himself, by email, still finds him.
        [himself] = plan_import(session, same.encode(), "c.vcf", MatchMode.OVERWRITE).cards
        assert (himself.action, himself.person_id, himself.warnings) == (Action.UPDATE,
                                                                         cremer_id, [])
        apply_import(session, plan)
    with db.read_session() as session:
        schmitz = session.scalar(select(Person).where(Person.family_name == "Schmitz"))
        assert [e.address for e in schmitz.emails] == ["harald.cremer@nmwp.de"]
        assert schmitz.function == "Assistenz der Geschäftsführung"
        assert session.get(Person, cremer_id).function == "Clustermanager"


def test_two_cards_of_one_person_are_written_once(db):
    """One card finds Cremer by UID, a later one by email: the second is a duplicate, not
    a second update of the same person."""
    cremer_uid = seed_person_uid("harald.cremer@nmwp.de")
    data = (_card(cremer_uid, "Harald", "Cremer", None, extra="NOTE:erste Karte")
            + _card(None, "Harald", "Cremer", "harald.cremer@nmwp.de",
                    extra="NOTE:zweite Karte")).encode()
    with db.session() as session:
        plan = plan_import(session, data, "twice.vcf")
        assert [c.action for c in plan.cards] == [Action.UPDATE, Action.DUPLICATE]
        apply_import(session, plan)
    with db.read_session() as session:
        assert session.scalar(select(Person.notes).where(Person.uid == cremer_uid)) \
            == "erste Karte"


def test_reader_warnings_reach_the_card_plan(db, monkeypatch):
    def with_warning(data: bytes):
        cards = read_cards(data)
        cards[0].warnings.append("Foto nicht übernommen")
        return cards
    monkeypatch.setattr(importer, "read_cards", with_warning)
    with db.session() as session:
        [card] = plan_import(session, _card(None, "Lena", "Vogt", None).encode(), "x.vcf").cards
    assert card.warnings == ["Foto nicht übernommen"]
    assert card.as_json()["warnings"] == ["Foto nicht übernommen"]


# --- several thousand cards ----------------------------------------------------------------------

NEW = 3000


def _first_file() -> bytes:
    """3,000 people as an address book exports them: organisations (some known), topics from
    CATEGORIES, phones, UIDs; every tenth without a UID."""
    cards = []
    for i in range(NEW):
        uid = None if i % 10 == 0 else f"5d2c{i:04d}-aaaa-4bbb-8ccc-{i:012d}"
        extra = [f"ORG:{'RHEINMETALL' if i % 7 == 0 else f'Kartenfirma {i % 40} GmbH'};"
                 f"Abteilung {i % 3}", f"TEL;type=WORK:0211 7{i:06d}",
                 f"CATEGORIES:{('Photonik', 'Luftfahrt,Raumfahrt', 'Unbekannt')[i % 3]}"]
        if i % 4 == 0:
            extra.append("NOTE:Kontakt über Messe\\, Halle 3")
        cards.append(_card(uid, f"Vorname{i}", f"Nachname{i}", f"p{i}@kartenfirma{i % 40}.de",
                           extra="\r\n".join(extra)))
    return "".join(cards).encode()


def _second_file() -> bytes:
    """The same people again (by UID, or by email where the first card had none), with a
    new mobile number for some and a function for others; 2,000 new people; three new
    colleagues sharing one existing person's address."""
    cards = []
    for i in range(NEW):
        uid = None if i % 10 == 0 else f"5d2c{i:04d}-aaaa-4bbb-8ccc-{i:012d}"
        email = f"p{i}@kartenfirma{i % 40}.de" if uid is None or i % 2 else None
        extra = []
        if i % 3 == 0:
            extra.append(f"TEL;type=CELL:0171 9{i:06d}")
        if i % 5 == 0:
            extra.append("TITLE:Projektleitung")
        if i % 11 == 0:
            extra.append("ORG:Neue Firma AG")
        if i % 13 == 0:
            extra.append("CATEGORIES:Werkstoffe")
        cards.append(_card(uid, f"Vorname{i}", f"Nachname{i}", email,
                           extra="\r\n".join(extra)))
    for i in range(NEW, NEW + 2000):
        cards.append(_card(None, f"Neu{i}", f"Person{i}", f"neu{i}@example.org",
                           extra="ORG:Noch eine Firma KG\r\nCATEGORIES:Cybersicherheit"))
    for given, family in (("Eva", "Teamassistenz"), ("Olaf", "Empfang"), ("Ina", "Büro")):
        cards.append(_card(None, given, family, "p1@kartenfirma1.de"))
    return "".join(cards).encode()


def _state(engine: Engine) -> dict[str, list[tuple]]:
    """Every table's rows on either backend, apart from the import records and what an undo
    is meant to change (a restored person's version and time of change). On SQLite, FTS5's
    own integrity check of the index runs first."""
    skipped = {"person": {"version", "updated_at"}}
    rows: dict[str, list[tuple]] = {}
    with engine.connect() as connection:
        if engine.dialect.name == "sqlite":
            for table in ("search_fts", "search_phone"):
                connection.execute(text(f"INSERT INTO {table}({table}, rank) "
                                        "VALUES ('integrity-check', 1)"))
        for table in Base.metadata.sorted_tables:
            if table.name in ("import_batch", "import_change", "search_state", "change_log"):
                continue
            columns = [c for c in table.c if c.name not in skipped.get(table.name, ())]
            rows[table.name] = sorted(map(tuple, connection.execute(select(*columns))),
                                      key=repr)
    return rows


def _import_and_undo(url: str) -> None:
    database = open_database(url)
    engine = database.engine
    try:
        with database.session() as session:
            plan = plan_import(session, _first_file(), "adressbuch.vcf")
            assert plan.counts()["new"] == NEW
            first = apply_import(session, plan).batch_id
        with database.read_session() as session:
            assert session.scalar(select(func.count()).select_from(Person)) == NEW + 6
            assert session.scalar(select(Person.id).where(
                Person.uid == "5d2c0001-aaaa-4bbb-8ccc-000000000001")) is not None
            # Topics from CATEGORIES, known names only; organisations made and recorded.
            person = session.scalar(select(Person).where(Person.family_name == "Nachname4"))
            assert sorted(t.name for t in person.topics) == ["Luftfahrt", "Raumfahrt"]
            assert person.organisation.name == "Kartenfirma 4 GmbH"
            assert person.notes == "Kontakt über Messe, Halle 3"
            assert [p.e164 for p in person.phones] == ["+492117000004"]
            made = session.scalars(select(Organisation.id).where(
                Organisation.import_batch_id == first)).all()
            assert len(made) == 40
            assert session.scalar(select(func.count()).select_from(ImportChange).where(
                ImportChange.batch_id == first, ImportChange.table_name == "organisation")) \
                == 40
            nmwp = session.scalar(select(Person).where(Person.family_name == "Nachname7"))
            assert nmwp.organisation.import_batch_id is None  # the seeded Rheinmetall (any case)
        before = _state(engine)

        # A preview writes nothing.
        second_file = _second_file()
        with database.session() as session:
            plan = plan_import(session, second_file, "adressbuch-neu.vcf")
            counts = plan.counts()
        assert _state(engine) == before
        assert counts["new"] == 2003 and counts["update"] + counts["unchanged"] == NEW
        shared = [c for c in plan.cards if c.name in ("Eva Teamassistenz", "Olaf Empfang")]
        assert [c.warnings[0] for c in shared] == [
            "teilt die Adresse p1@kartenfirma1.de mit Karte 2 (Vorname1 Nachname1)"] * 2
        assert [c.warnings[-1] for c in shared] == [
            "teilt die Adresse p1@kartenfirma1.de mit Vorname1 Nachname1 "
            "(bereits im Verzeichnis)"] * 2

        # A cancel half-way, and a failure, leave it as it was.
        with pytest.raises(ImportCancelled), database.session() as session:
            plan = plan_import(session, second_file, "adressbuch-neu.vcf")
            apply_import(session, plan, progress=lambda done, total: done < 1000)
        assert _state(engine) == before
        with database.session() as session:
            plan = plan_import(session, second_file, "adressbuch-neu.vcf")
        with database.session() as session:  # someone deletes a matched person meanwhile
            gone = next(c.person_id for c in plan.cards if c.action is Action.UPDATE)
            session.execute(text("DELETE FROM person WHERE id = :id"), {"id": gone})
            with pytest.raises(DefenceDirError):
                apply_import(session, plan)
            session.rollback()
        assert _state(engine) == before

        with database.session() as session:
            plan = plan_import(session, second_file, "adressbuch-neu.vcf")
            second = apply_import(session, plan).batch_id
        with database.read_session() as session:
            batch = session.get(ImportBatch, second)
            assert (batch.created_count, batch.updated_count) == (2003, plan.counts()["update"])
            person = session.scalar(select(Person).where(Person.family_name == "Nachname0"))
            assert person.function == "Projektleitung"
            assert sorted(t.name for t in person.topics) == ["Photonik", "Werkstoffe"]
            assert [p.e164 for p in person.phones] == ["+492117000000", "+491719000000"]
            holders = session.scalar(select(func.count()).select_from(EmailAddress).where(
                EmailAddress.address == "p1@kartenfirma1.de"))
            assert holders == 4
        assert _state(engine) != before
        with database.session() as session:
            undo_import(session, second)
        assert _state(engine) == before  # the first import's persons as it left them
    finally:
        database.close()


def test_thousands_of_new_and_matched_cards_are_undone_exactly(db_url):
    _import_and_undo(db_url)


def test_cards_without_fn_are_named_by_their_n_or_address(empty_db):
    """Many phones and Outlook write no FN: the preview names the card by its N, else by its
    address, instead of a bare number."""
    data = (b"BEGIN:VCARD\nVERSION:3.0\nN:Brandt;Ulrike;;Dr.;\nEMAIL:u.brandt@example.de\n"
            b"END:VCARD\n"
            b"BEGIN:VCARD\nVERSION:3.0\nEMAIL:kontakt@example.de\nTEL:kaputt\nEND:VCARD\n"
            b"BEGIN:VCARD\nVERSION:3.0\nNOTE:nichts\nEND:VCARD\n")
    with empty_db.read_session() as session:
        plan = plan_import(session, data, "ohne-fn.vcf")
    assert [c.name for c in plan.cards] == ["Dr. Ulrike Brandt", "kontakt@example.de", "#3"]


def test_thousands_of_colleagues_at_one_mailbox(empty_db):
    """A firm's export where 3,000 people reach us through info@: each is imported with one
    remark, and importing the file again finds each of them by name among the 3,000 holders
    (looked up by name part, not compared pairwise: that took 48 s and made 4.5 M remarks)."""
    cards = "".join(f"BEGIN:VCARD\nVERSION:3.0\nN:Familie{n};Vorname{n};;;\n"
                    f"FN:Vorname{n} Familie{n}\nEMAIL:info@grossfirma.example\nEND:VCARD\n"
                    for n in range(3000)).encode()
    with empty_db.session() as session:
        plan = plan_import(session, cards, "grossfirma.vcf")
        assert {c.action for c in plan.cards} == {Action.NEW}
        assert [len(c.warnings) for c in plan.cards] == [0] + [1] * 2999
        apply_import(session, plan)
    with empty_db.read_session() as session:
        again = plan_import(session, cards, "grossfirma.vcf")
    assert {c.action for c in again.cards} == {Action.UNCHANGED}
    assert len({c.person_id for c in again.cards}) == 3000
