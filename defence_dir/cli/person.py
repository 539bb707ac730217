"""`defence-dir person export|erase ID`: data-protection access and erasure requests."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from defence_dir.cli.session import database_from
from defence_dir.errors import DefenceDirError
from defence_dir.i18n import _


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("person", help=_("data-protection requests for one person"))
    actions = parser.add_subparsers(dest="action", metavar=_("ACTION"), required=True)
    export = actions.add_parser(
        "export", help=_("everything stored about the person, as .json or .xlsx (Auskunft)"))
    export.add_argument("id", type=int)
    export.add_argument("-o", "--output", required=True, type=Path,
                        metavar=_("FILE.json|FILE.xlsx"))
    export.set_defaults(run=run_export)
    erase = actions.add_parser("erase", help=_("erase the person completely (Löschen)"))
    erase.add_argument("id", type=int)
    erase.add_argument("--yes", action="store_true", help=_("do not ask for confirmation"))
    erase.set_defaults(run=run_erase)


def run_export(args: argparse.Namespace) -> int:
    from defence_dir.privacy import access_report, write_access_json, write_access_xlsx

    output: Path = args.output
    writers = {".json": write_access_json, ".xlsx": write_access_xlsx}
    writer = writers.get(output.suffix.lower())
    if writer is None:
        raise DefenceDirError(_("The output file must end in .json or .xlsx."))
    db = database_from(args)
    try:
        with db.session() as session:
            report = access_report(session, args.id)
            try:
                writer(report, output)
            except OSError as exc:
                raise DefenceDirError(_("{path} cannot be written: {reason}", path=output,
                                        reason=exc.strerror or exc)) from exc
    finally:
        db.close()
    return 0


def run_erase(args: argparse.Namespace) -> int:
    from defence_dir.persons import get_person
    from defence_dir.privacy import erase_person

    db = database_from(args)
    try:
        with db.session() as session:
            name = get_person(session, args.id).display_name
        if not args.yes:
            if not sys.stdin.isatty():
                raise DefenceDirError(_("Erasing needs --yes when not asked at a terminal."))
            answer = input(_("Erase {name} completely? This cannot be undone. [y/N] ",
                             name=name))
            if answer.strip().lower() not in ("y", "j", "yes", "ja"):
                print(_("Nothing was erased."), file=sys.stderr)
                return 1
        result = erase_person(db, args.id)
    finally:
        db.close()
    print(_("Person {id} erased ({rows} records).", id=result.person_id, rows=result.rows_deleted),
          file=sys.stderr)
    if result.backups:
        print(_("Note: {count} older backup copies of the database still contain the data: {paths}",
                count=len(result.backups), paths=", ".join(str(p) for p in result.backups)),
              file=sys.stderr)
    return 0
