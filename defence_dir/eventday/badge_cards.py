"""The vCard on a badge: the person's essentials only, so its QR code stays easy to scan."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.orm import Session

from defence_dir.vcard.writer import PRODID, CardData, Profile, card, load_cards


def badge_cards(session: Session, person_ids: Sequence[int]) -> dict[int, str]:
    """Each person's card for a badge: name, organisation, function, two addresses and two
    numbers, UID; no notes, categories, postal address or photo, so the code stays small
    enough to scan from a badge."""
    return {c.id: compact_card(c) for c in load_cards(session, person_ids)}


def compact_card(data: CardData) -> str:
    data.notes, data.categories, data.website, data.updated_at = None, [], None, None
    data.street = data.postal_code = data.city = data.country = None
    data.emails, data.phones = data.emails[:2], data.phones[:2]
    return card(data, Profile.STANDARD).replace(f"PRODID:{PRODID}\r\n", "")
