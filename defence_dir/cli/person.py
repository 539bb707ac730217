"""`defence-dir person export|erase ID`: data-protection access and erasure requests."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from defence_dir.cli.session import database_from
from defence_dir.errors import DefenceDirError
from defence_dir.i18n import _, _n

if TYPE_CHECKING:
    from defence_dir.privacy.service import ErasureResult


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("person", help=_("data-protection requests for one person"))
    actions = parser.add_subparsers(dest="action", metavar=_("ACTION"), required=True)
    export = actions.add_parser(
        "export", help=_("everything stored about the person, as .json or .xlsx (Auskunft)"))
    export.add_argument("id", type=int)
    export.add_argument("-o", "--output", required=True, type=Path,
                        metavar=_("FILE.json|FILE.xlsx"))
    export.set_defaults(run=run_export)
    erase = actions.add_parser(
        "erase", help=_("erase the person completely (Löschen)"),
        description=_("Exit status 0: nothing of the person is left in the database file. "
                      "3: erased from the directory, but traces are left: another program has "
                      "the database open (the wipe finishes when the database is next opened "
                      "alone) or older backups still hold the person."))
    erase.add_argument("id", type=int)
    erase.add_argument("--yes", action="store_true", help=_("do not ask for confirmation"))
    erase.add_argument("--delete-backups", action="store_true",
                       help=_("also delete older backups of the database that hold the person"))
    erase.set_defaults(run=run_erase)


def run_export(args: argparse.Namespace) -> int:
    from defence_dir.privacy.service import ACCESS_REPORT_WRITERS, export_access_report

    output: Path = args.output
    if output.suffix.lower() not in ACCESS_REPORT_WRITERS:  # before opening the database
        raise DefenceDirError(_("The output file must end in .json or .xlsx."))
    db = database_from(args)
    try:
        export_access_report(db, args.id, output)
    except OSError as exc:
        raise DefenceDirError(_("{path} cannot be written: {reason}", path=output,
                                reason=exc.strerror or exc)) from exc
    finally:
        db.close()
    return 0


INCOMPLETE = 3  # erased from the directory, but traces are left in files


def run_erase(args: argparse.Namespace) -> int:
    from defence_dir.privacy.service import erase_person
    from defence_dir.records.service import person_name

    db = database_from(args)
    try:
        name = person_name(db, args.id)  # no write lock while the user is asked
        if not args.yes:
            if not sys.stdin.isatty():
                raise DefenceDirError(_("Erasing needs --yes when not asked at a terminal."))
            answer = input(_("Erase {name} completely? This cannot be undone. [y/N] ",
                             name=name))
            if not _yes(answer):
                print(_("Nothing was erased."), file=sys.stderr)
                return 1
        result = erase_person(db, args.id)
    finally:
        db.close()
    complete = _report_wipe(result)
    return 0 if _settle_backups(result.backups, args.delete_backups) and complete else INCOMPLETE


def _yes(answer: str) -> bool:
    return answer.strip().lower() in ("y", "j", "yes", "ja")


def _report_wipe(result: ErasureResult) -> bool:
    """One line on what the erasure achieved; True when nothing is left in the database."""
    if result.pending:
        print(_("Person {id} erased from the directory ({rows} records), but another program "
                "has the database open, so old copies of the data are still in the database "
                "file. The wipe finishes when the database is next opened with no other "
                "program using it.", id=result.person_id, rows=result.rows_deleted),
              file=sys.stderr)
        return False
    if result.server:
        print(_("Person {id} erased ({rows} records). On a database server, old row versions "
                "can stay in the server's files, WAL archives and backups until the server "
                "reuses the space.", id=result.person_id, rows=result.rows_deleted),
              file=sys.stderr)
        return True
    print(_("Person {id} erased ({rows} records); nothing of them is left in the database "
            "file.", id=result.person_id, rows=result.rows_deleted), file=sys.stderr)
    return True


def _settle_backups(backups: list[Path], delete: bool) -> bool:
    """Name the backups that still hold the person and delete them if wanted; True when none
    are left."""
    from defence_dir.privacy.service import delete_backups

    if not backups:
        return True
    paths = ", ".join(str(p) for p in backups)
    if not delete and sys.stdin.isatty():
        delete = _yes(input(_n("An older backup of the database still holds the person: "
                               "{paths}. Delete this backup? [y/N] ",
                               "{count} older backups of the database still hold the person: "
                               "{paths}. Delete these backups? [y/N] ",
                               len(backups), paths=paths)))
    if not delete:
        print(_n("Note: an older backup of the database still holds the person: {paths} "
                 "(delete it with --delete-backups).",
                 "Note: {count} older backups of the database still hold the person: {paths} "
                 "(delete them with --delete-backups).", len(backups), paths=paths),
              file=sys.stderr)
        return False
    failed = delete_backups(backups)
    for path, reason in failed:
        print(_("{path} cannot be deleted: {reason}", path=path, reason=reason),
              file=sys.stderr)
    if not failed:
        print(_n("An older backup deleted.", "{count} older backups deleted.", len(backups)),
              file=sys.stderr)
    return not failed
