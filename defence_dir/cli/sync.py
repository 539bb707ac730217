"""`defence-dir sync --from URL`: make or update the offline copy of the team database."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from defence_dir.cli.output import print_json
from defence_dir.i18n import _, _n


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "sync", help=_("copy the team database into the local offline copy (--db), or bring "
                       "the copy up to date"),
        description=_("The first sync copies the whole team database; later ones bring only "
                      "what changed. The copy is read-only. A sync that is interrupted leaves "
                      "the copy as it was."))
    parser.add_argument("--from", dest="team", metavar="URL|PATH",
                        help=_("the team database (default: the one the copy was made from)"))
    parser.add_argument("--full", action="store_true",
                        help=_("copy everything anew instead of only what changed"))
    parser.add_argument("--replace", action="store_true",
                        help=_("replace a directory of its own at --db by the copy (a backup "
                               "is kept)"))
    parser.add_argument("--json", action="store_true", help=_("machine-readable output"))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from defence_dir.sync import sync_copy

    result = sync_copy(args.team, args.db, full=args.full, replace=args.replace)
    if args.json:
        print_json({
            "copy": str(result.copy),
            "team": result.team,
            "first": result.first,
            "changes": result.changes,
            "removed_persons": result.removed_persons,
            "wiped": result.wiped,
            "synced_at": result.synced_at.isoformat(timespec="seconds"),
            "sequence": result.sequence,
        })
    elif result.first:
        print(_("Offline copy of {team} made: {path} ({rows} records).", team=result.team_label,
                path=result.copy, rows=result.changes))
    else:
        print(_n("Offline copy of {team} brought up to date: {count} change.",
                 "Offline copy of {team} brought up to date: {count} changes.", result.changes,
                 team=result.team_label))
    if not result.wiped:
        print(_("Removed persons are not yet wiped from the copy's file while another program "
                "has it open; this finishes when it is next opened alone."), file=sys.stderr)
    return 0
