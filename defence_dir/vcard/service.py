"""vCards for the window and the command line: cards, export, import preview and import.

Each function takes the Database and opens and ends its own transaction. Planning only reads;
an import writes in one transaction that a cancel or an error rolls back whole.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from defence_dir.data.database import Database
from defence_dir.vcard.export import ExportResult, export_persons
from defence_dir.vcard.importer import (
    ImportPlan,
    ImportResult,
    KnownCards,
    MatchMode,
    apply_import,
    plan_import,
)
from defence_dir.vcard.writer import CardData, Profile, card, load_cards

Progress = Callable[[int, int], bool]  # (done, total) -> go on?


def cards_of(db: Database, person_ids: Sequence[int]) -> list[CardData]:
    """Card data for these persons, in the order given."""
    with db.read_session() as session:
        return load_cards(session, person_ids)


def card_texts(db: Database, person_ids: Sequence[int],
               profile: Profile = Profile.STANDARD) -> tuple[list[CardData], str]:
    """The persons' cards and their text in one .vcf (clipboard, drag)."""
    cards = cards_of(db, person_ids)
    return cards, "".join(card(c, profile) for c in cards)


def qr_card(db: Database, person_id: int) -> tuple[str, str] | None:
    """(name, card text) for a QR code: without notes and categories, to stay small enough
    to scan; None when the person is gone."""
    cards = cards_of(db, [person_id])
    if not cards:
        return None
    compact = cards[0]
    compact.notes, compact.categories = None, []
    return compact.display_name, card(compact, Profile.STANDARD)


def export_cards(db: Database, person_ids: Sequence[int], profile: Profile, target: Path,
                 progress: Progress | None = None) -> ExportResult:
    """Write the persons' cards to a .vcf file, a folder or a .zip; nothing is left behind
    when it fails or is cancelled."""
    with db.read_session() as session:
        return export_persons(session, person_ids, profile, target, progress)


def known_cards(db: Database) -> KnownCards:
    """The directory's UIDs and addresses, read once for several previews."""
    with db.read_session() as session:
        return KnownCards(session)


def plan_cards(db: Database, data: bytes, file_name: str, mode: MatchMode = MatchMode.FILL,
               directory: KnownCards | None = None,
               progress: Progress | None = None) -> ImportPlan:
    """What importing the file would do, card by card; writes nothing."""
    with db.read_session() as session:
        return plan_import(session, data, file_name, mode, directory, progress)


def import_cards(db: Database, plan: ImportPlan,
                 progress: Progress | None = None) -> ImportResult:
    """Do what the plan says, recorded for undo, in one transaction: `progress` returning
    False cancels (ImportCancelled) and nothing is written."""
    with db.session() as session:
        return apply_import(session, plan, progress)
