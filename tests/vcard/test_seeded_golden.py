"""The six published contact persons, byte for byte, in every profile (golden files)."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select, update

from defence_dir.data.models import Person
from defence_dir.vcard.writer import Profile, card, load_cards

GOLDEN = Path(__file__).parent / "golden"


@pytest.mark.parametrize("profile", list(Profile))
def test_seeded_contacts(db, profile):
    with db.session() as session:
        # REV is the time of the last change; fixed here so the files can be compared.
        session.execute(update(Person).values(updated_at=datetime(2026, 11, 25, 12, 0, 0)))
    with db.read_session() as session:
        ids = list(session.scalars(select(Person.id).order_by(Person.family_name)))
        written = "".join(card(c, profile) for c in load_cards(session, ids)).encode("utf-8")
    golden = GOLDEN / f"seeded_{profile.value}.vcf"
    if os.environ.get("DEFENCE_DIR_WRITE_GOLDEN"):  # after a reviewed, intended change
        golden.write_bytes(written)
    assert written == golden.read_bytes()
    assert written.count(b"BEGIN:VCARD") == 6
