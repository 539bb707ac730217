"""The card a QR code carries: a person's vCard without notes and categories, small enough
to scan from a screen."""

from __future__ import annotations

from defence_dir.data.database import Database
from defence_dir.vcard.writer import Profile, card, load_cards


def qr_card(db: Database, person_id: int) -> tuple[str, str] | None:
    """(display name, vCard text) of the person, or None if the person is gone."""
    with db.read_session() as session:
        cards = load_cards(session, [person_id])
    if not cards:
        return None
    compact = cards[0]
    compact.notes, compact.categories = None, []  # keep the code small enough to scan
    return compact.display_name, card(compact, Profile.STANDARD)
