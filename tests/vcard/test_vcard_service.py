"""The vCard service as the window calls it: each call one transaction, so a preview writes
nothing and a cancelled or failed import leaves the directory as it was."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from defence_dir.data.models import ImportBatch, Person
from defence_dir.errors import ValidationError
from defence_dir.imports.writing import ImportCancelled
from defence_dir.vcard import service
from defence_dir.vcard.importer import Action, MatchMode
from defence_dir.vcard.writer import Profile

# As an iPhone shares two contacts: vCard 3.0, CRLF, one of them already in the directory.
IPHONE = (b"BEGIN:VCARD\r\nVERSION:3.0\r\nN:Vogt;Anna;;;\r\nFN:Anna Vogt\r\n"
          b"EMAIL;type=INTERNET;type=WORK;type=pref:anna.vogt@example.org\r\n"
          b"TEL;type=CELL;type=VOICE;type=pref:0171 2345678\r\nEND:VCARD\r\n"
          b"BEGIN:VCARD\r\nVERSION:3.0\r\nN:Cremer;Harald;;;\r\nFN:Harald Cremer\r\n"
          b"EMAIL;type=INTERNET;type=WORK:harald.cremer@nmwp.de\r\n"
          b"TITLE:Vorstand\r\nEND:VCARD\r\n")


def _counts(db) -> tuple[int, int]:
    with db.read_session() as session:
        return (session.scalar(select(func.count()).select_from(Person)) or 0,
                session.scalar(select(func.count()).select_from(ImportBatch)) or 0)


def test_preview_writes_nothing_and_import_does_what_it_said(db):
    directory = service.known_cards(db)
    plan = service.plan_cards(db, IPHONE, "kontakte.vcf", MatchMode.OVERWRITE, directory)
    assert [c.action for c in plan.cards] == [Action.NEW, Action.UPDATE]
    assert _counts(db) == (6, 0)
    result = service.import_cards(db, plan)
    assert result.counts["new"] == 1 and result.counts["update"] == 1
    assert _counts(db) == (7, 1)
    with db.read_session() as session:
        assert session.scalar(select(Person.function).where(
            Person.family_name == "Cremer")) == "Vorstand"


def test_a_cancelled_import_writes_nothing(db):
    plan = service.plan_cards(db, IPHONE, "kontakte.vcf")
    seen: list[int] = []
    with pytest.raises(ImportCancelled):
        service.import_cards(db, plan, lambda done, total: bool(seen.append(done)))
    assert seen and _counts(db) == (6, 0)


def test_cards_copy_export_and_qr_code(db, tmp_path):
    with db.read_session() as session:
        cremer = session.scalar(select(Person).where(Person.family_name == "Cremer"))
        cremer_id = cremer.id
    with db.session() as session:
        session.get(Person, cremer_id).notes = "Rückruf erbeten; nur vormittags"
    cards, text = service.card_texts(db, [cremer_id])
    assert [c.family_name for c in cards] == ["Cremer"]
    assert text.startswith("BEGIN:VCARD\r\nVERSION:3.0") and "NOTE:Rückruf" in text
    name, qr_text = service.qr_card(db, cremer_id) or ("", "")
    assert "Cremer" in name and "NOTE" not in qr_text and "harald.cremer@nmwp.de" in qr_text
    assert service.qr_card(db, 10**9) is None  # deleted meanwhile
    result = service.export_cards(db, [cremer_id], Profile.V4, tmp_path / "k.vcf")
    assert result.cards == 1 and "VERSION:4.0" in (tmp_path / "k.vcf").read_text("utf-8")
    with pytest.raises(ValidationError):
        service.export_cards(db, [], Profile.STANDARD, tmp_path / "leer.vcf")
