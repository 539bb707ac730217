"""`defence-dir checkin --event E TEXT [--json]`: check a person in at the door."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from defence_dir.cli.output import print_json, print_table
from defence_dir.cli.session import database_from
from defence_dir.i18n import N_, _

if TYPE_CHECKING:
    from defence_dir.eventday.service import Attendee, CheckinResult

EXIT_NOT_CHECKED_IN = 1
OUTCOME_TEXTS = {
    "checked_in": N_("{name} checked in."),
    "already_in": N_("{name} was checked in already."),
    "cancelled": N_("{name} cancelled (or did not come): not checked in. Check in by hand "
                    "in the window if they are here after all."),
    "not_registered": N_("{name} is not registered for this event: not checked in."),
    "ambiguous": N_("“{text}” matches several attendees: not checked in."),
    "not_found": N_("No attendee and no person matches “{text}”."),
}


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "checkin", help=_("mark an attendee as arrived (a scanned badge, a UID or a name)"),
        description=_("Exit status 0: checked in (or already in). 1: not checked in: "
                      "candidates or the reason are printed."))
    parser.add_argument("--event", required=True, metavar=_("EVENT"),
                        help=_("the event's name or id"))
    parser.add_argument("text", metavar=_("TEXT"),
                        help=_("what the scanner read (the badge's vCard or its UID) or a name"))
    parser.add_argument("--json", action="store_true", help=_("output as JSON"))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from defence_dir.eventday.service import CheckinOutcome, check_in, find_event

    db = database_from(args)
    try:
        result = check_in(db, find_event(db, args.event), args.text)
    finally:
        db.close()
    done = result.outcome in (CheckinOutcome.CHECKED_IN, CheckinOutcome.ALREADY_IN)
    if args.json:
        print_json(_as_json(result))
    else:
        _print(result, args.text)
    return 0 if done else EXIT_NOT_CHECKED_IN


def _print(result: CheckinResult, text: str) -> None:
    name = result.attendee.name if result.attendee else ""
    shown = " ".join(text.split())
    if len(shown) > 60:  # a whole scanned card would flood the line
        shown = shown[:59] + "…"
    message = _(OUTCOME_TEXTS[result.outcome.value], name=name, text=shown)
    count = _("{present} of {expected} here", present=result.headcount.present,
              expected=result.headcount.expected)
    if result.candidates:
        print_table([_("ID"), _("Name"), _("Organisation"), _("Status")],
                    [(str(c.person_id), c.name, c.organisation or "", _status(c))
                     for c in result.candidates])
    print(f"{message} {count}.", file=sys.stderr)


def _status(attendee: Attendee) -> str:
    from defence_dir.lists.consent import STATUS_LABELS

    label = STATUS_LABELS.get(attendee.status)
    return _(label) if label else _("not registered")


def _attendee_json(attendee: Attendee) -> dict[str, object]:
    return {"id": attendee.person_id, "name": attendee.name,
            "organisation": attendee.organisation, "status": attendee.status or None}


def _as_json(result: CheckinResult) -> dict[str, object]:
    return {
        "outcome": result.outcome.value,
        "person": _attendee_json(result.attendee) if result.attendee else None,
        "previous_status": result.previous_status,
        "candidates": [_attendee_json(c) for c in result.candidates],
        "present": result.headcount.present,
        "expected": result.headcount.expected,
    }
