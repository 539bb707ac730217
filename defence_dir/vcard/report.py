"""The report of a vCard import, in the keys of a spreadsheet import's report (CLI JSON, GUI)."""

from __future__ import annotations

from typing import Any

from defence_dir.i18n import _
from defence_dir.vcard.importer import Action, CardPlan, ImportPlan
from defence_dir.vcard.reader import LEGACY_ENCODING, encoding_label

REFUSED = (Action.INVALID, Action.DUPLICATE)


def encoding_warning(encoding: str) -> str | None:
    """What to tell about a file wholly in a legacy encoding (mixed files name their lines)."""
    if encoding != LEGACY_ENCODING:
        return None
    return _("The file is not UTF-8; it was read as {encoding}.",
             encoding=encoding_label(encoding))


def card_warnings(plan: ImportPlan) -> list[dict[str, Any]]:
    """Remarks on the cards that come in (a photo not kept, a line read as Windows-1252);
    refused cards are problems, not warnings."""
    return [{"row": card.number, "reason": warning} for card in plan.cards
            if card.action not in REFUSED for warning in card.warnings]


def detail(card: CardPlan) -> dict[str, Any]:
    return {"row": card.number, "action": card.action.value, "name": card.name,
            "reason": card.reason or None, "person_id": card.person_id,
            "warnings": list(card.warnings),
            "differences": [{"field": f, "existing": o, "file": n}
                            for f, o, n in card.changes]}


def import_report(plan: ImportPlan, batch_id: int | None, encoding: str) -> dict[str, Any]:
    """The same keys and meanings as spreadsheet.report.import_report; a "row" is the card's
    number in the file. On a dry run `created`/`updated` are what would happen."""
    counts = plan.counts()
    warnings = card_warnings(plan)
    file_warning = encoding_warning(encoding)
    return {
        "source": "vcard",
        "rows": len(plan.cards), "created": counts[Action.NEW], "updated": counts[Action.UPDATE],
        "unchanged": counts[Action.UNCHANGED], "duplicates_in_file": counts[Action.DUPLICATE],
        "invalid": counts[Action.INVALID], "skipped": counts[Action.SKIPPED],
        "with_warnings": len({w["row"] for w in warnings}),
        "problems": [{"row": card.number, "reason": card.reason} for card in plan.cards
                     if card.action in REFUSED],
        "warnings": ([{"row": None, "reason": file_warning}] if file_warning else [])
        + warnings,
        "batch_id": batch_id,
        "encoding": encoding,
        "details": [detail(card) for card in plan.cards],
    }
