"""Size limits of a vCard import: the raw file (photos and all) and the text kept of its cards."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from defence_dir.data.models import Person
from defence_dir.errors import ValidationError
from defence_dir.vcard import importer
from defence_dir.vcard.importer import Action, apply_import, plan_import

PHOTO = "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQ" * 120


def _iphone_card(number: int, note: str = "") -> bytes:
    """A card as an iPhone exports it: a folded base64 photo of about 8 KB."""
    lines = [PHOTO[i:i + 74] for i in range(0, len(PHOTO), 74)]
    note_line = f"NOTE:{note}\r\n" if note else ""
    return (f"BEGIN:VCARD\r\nVERSION:3.0\r\nPRODID:-//Apple Inc.//iPhone OS 17.1//EN\r\n"
            f"N:Groß{number};Jörg;;;\r\nFN:Jörg Groß{number}\r\n"
            f"EMAIL;type=INTERNET;type=WORK:joerg{number}@example.org\r\n{note_line}"
            "PHOTO;ENCODING=b;TYPE=JPEG:" + "\r\n ".join(lines) + "\r\nEND:VCARD\r\n").encode()


def _persons(db) -> int:
    with db.read_session() as session:
        return session.scalar(select(func.count()).select_from(Person))


def test_photos_do_not_count_against_the_text_limit(db, monkeypatch):
    """An iPhone export is mostly photos: 300 cards of 8 KB pass a text limit of 100 KB."""
    monkeypatch.setattr(importer, "MAX_FILE_BYTES", 4_000_000)
    monkeypatch.setattr(importer, "MAX_TEXT_CHARS", 100_000)
    data = b"".join(_iphone_card(i) for i in range(300))
    assert len(data) > 2_400_000
    before = _persons(db)
    with db.session() as session:
        plan = plan_import(session, data, "iphone.vcf")
        assert [c.action for c in plan.cards] == [Action.NEW] * 300
        assert plan.cards[0].warnings == ["Foto nicht übernommen"]
        apply_import(session, plan)
    assert _persons(db) == before + 300


def test_a_raw_file_over_the_limit_is_refused(db, monkeypatch):
    monkeypatch.setattr(importer, "MAX_FILE_BYTES", 100_000)
    data = b"".join(_iphone_card(i) for i in range(20))
    assert len(data) > 100_000
    before = _persons(db)
    with db.session() as session, pytest.raises(ValidationError) as refused:
        plan_import(session, data, "iphone.vcf")
    assert str(refused.value) == ("Die Datei ist größer als 500 MB; das ist kein "
                                  "Adressbuch-Export.")
    assert _persons(db) == before


def test_text_over_the_limit_is_refused_while_reading(db, monkeypatch):
    """Long notes, not photos, pass the limit: refused before the rest of the file is read."""
    monkeypatch.setattr(importer, "MAX_TEXT_CHARS", 3 * 1024 * 1024)
    note = "Gespräch über Kooperation; " * 4000  # about 100,000 characters a card
    data = b"".join(_iphone_card(i, note) for i in range(40))
    read: list[int] = []
    reader = importer.read_cards

    def counting(data: bytes):
        for card in reader(data):
            read.append(card.number)
            yield card
    monkeypatch.setattr(importer, "read_cards", counting)
    before = _persons(db)
    with db.session() as session, pytest.raises(ValidationError) as refused:
        plan_import(session, data, "notes.vcf")
    assert str(refused.value) == ("Die Karten enthalten mehr als 3 MB Text (Fotos nicht "
                                  "mitgezählt); bitte importieren Sie das Adressbuch in Teilen.")
    assert len(read) < 40  # the cards after the limit were never read
    assert _persons(db) == before


def test_text_just_under_the_limit_comes_in(db, monkeypatch):
    note = "Gespräch über Kooperation; " * 4000
    data = b"".join(_iphone_card(i, note) for i in range(20))
    monkeypatch.setattr(importer, "MAX_TEXT_CHARS", 3 * 1024 * 1024)
    with db.session() as session:
        plan = plan_import(session, data, "notes.vcf")
    assert plan.counts()["new"] == 20


def test_planning_reports_progress_and_can_be_cancelled(db):
    data = b"".join(_iphone_card(i) for i in range(2500))
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        seen.append((done, total))
        return True
    with db.session() as session:
        plan = plan_import(session, data, "iphone.vcf", progress=progress)
    assert len(plan.cards) == 2500
    assert seen == [(1000, 2500), (2000, 2500)]
    with db.session() as session, pytest.raises(importer.ImportCancelled):
        plan_import(session, data, "iphone.vcf", progress=lambda done, total: False)
