"""`defence-dir export badges|attendees --event E -o FILE.pdf`: the event day's PDFs."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from defence_dir.cli.session import database_from
from defence_dir.errors import DefenceDirError
from defence_dir.i18n import _

LAYOUTS = ("a4-8", "labels-2x4", "a6")


def register(formats: Any) -> None:
    badges = formats.add_parser(
        "badges", help=_("name badges with a contact QR code for an event's attendees (PDF)"))
    badges.add_argument("--event", required=True, metavar=_("EVENT"),
                        help=_("the event's name or id"))
    badges.add_argument("--layout", choices=LAYOUTS, default="a4-8",
                        help=_("a4-8: 90 x 55 mm inserts, 8 per A4 page; labels-2x4: A4 label "
                               "sheets; a6: one badge per A6 page (default: a4-8)"))
    badges.add_argument("--crop-marks", action="store_true", help=_("print crop marks"))
    badges.add_argument("-o", "--output", required=True, type=Path, metavar=_("FILE.pdf"))
    badges.set_defaults(run=run_badges)

    attendees = formats.add_parser(
        "attendees", help=_("an event's attendee list or sign-in sheet (PDF)"))
    attendees.add_argument("--event", required=True, metavar=_("EVENT"),
                           help=_("the event's name or id"))
    attendees.add_argument("--sign-in", action="store_true",
                           help=_("a sign-in sheet: a signature column, the expected attendees "
                                  "only"))
    attendees.add_argument("-o", "--output", required=True, type=Path, metavar=_("FILE.pdf"))
    attendees.set_defaults(run=run_attendees)


def _pdf(output: Path) -> Path:
    if output.suffix.lower() != ".pdf":
        raise DefenceDirError(_("The output file must end in .pdf."))
    return output


def run_badges(args: argparse.Namespace) -> int:
    from defence_dir.eventday.service import BadgeLayout, export_badges, find_event

    output = _pdf(args.output)
    db = database_from(args)
    try:
        count = export_badges(db, find_event(db, args.event), output,
                              layout=BadgeLayout(args.layout), crop_marks=args.crop_marks)
    finally:
        db.close()
    print(_("{count} badges written to {path}.", count=count, path=output), file=sys.stderr)
    return 0


def run_attendees(args: argparse.Namespace) -> int:
    from defence_dir.eventday.service import export_attendee_list, find_event

    output = _pdf(args.output)
    db = database_from(args)
    try:
        count = export_attendee_list(db, find_event(db, args.event), output,
                                     sign_in=args.sign_in)
    finally:
        db.close()
    print(_("{count} attendees written to {path}.", count=count, path=output), file=sys.stderr)
    return 0
