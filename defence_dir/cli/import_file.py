"""`defence-dir import FILE [options]`: vCards or spreadsheets into the directory, with a report;
`defence-dir imports` lists imports and `defence-dir undo-import ID` takes one back."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from defence_dir.cli.output import print_json, print_table
from defence_dir.cli.session import database_from
from defence_dir.errors import DefenceDirError
from defence_dir.i18n import N_, _, _n

ACTION_LABELS = {"new": N_("new"), "update": N_("update"), "unchanged": N_("unchanged"),
                 "skipped": N_("skipped"), "duplicate": N_("duplicate"),
                 "invalid": N_("invalid")}


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "import", help=_("import persons from a vCard file or a spreadsheet"),
        description=_("vCards are matched to persons by UID, then by email address; "
                      "spreadsheet rows by email, then by a fuzzy match of name and "
                      "organisation. Invalid rows and cards are reported and skipped; "
                      "nothing is written with --dry-run."))
    parser.add_argument("file", type=Path, metavar=_("FILE"))
    parser.add_argument("--on-duplicate", "--matches", dest="matches",
                        choices=("fill", "overwrite", "skip"), default="fill",
                        help=_("for persons already in the directory: fill empty fields "
                               "(default), overwrite them, or skip"))
    parser.add_argument("--sheet", help=_("spreadsheet: the sheet to read (default: the first "
                                          "with data)"))
    parser.add_argument("--header-row", type=int, metavar="N",
                        help=_("spreadsheet: the row holding the column names (default: found)"))
    parser.add_argument("--encoding", help=_("CSV or vCard: the text encoding (default: "
                                             "detected)"))
    parser.add_argument("--delimiter", help=_("CSV: the delimiter (default: detected)"))
    parser.add_argument("--map", action="append", default=[], metavar=_("COLUMN=FIELD"),
                        help=_("spreadsheet: map a column to a field (or “ignore”)"))
    parser.add_argument("--threshold", type=int, default=90, metavar="0-100",
                        help=_("spreadsheet: similarity needed for a name match (default 90)"))
    target = parser.add_mutually_exclusive_group()
    target.add_argument("--list", metavar="L", help=_("also subscribe everyone to this list"))
    target.add_argument("--event", metavar="E", help=_("also register everyone for this event"))
    parser.add_argument("--status", choices=("registered", "attended", "cancelled", "no_show"),
                        help=_("attendance status for all rows without one"))
    parser.add_argument("--status-map", action="append", default=[], metavar=_("WORD=STATUS"),
                        help=_("spreadsheet into an event: the status a word of the file's "
                               "status column stands for (repeatable)"))
    parser.add_argument("--report", type=Path, metavar=_("FILE.xlsx"),
                        help=_("spreadsheet: also save the report (counts and problem rows)"))
    parser.add_argument("--dry-run", action="store_true", help=_("only show what would happen"))
    parser.add_argument("--json", action="store_true", help=_("machine-readable output"))
    parser.set_defaults(run=run)
    imports = subparsers.add_parser("imports", help=_("list earlier imports"))
    imports.add_argument("--json", action="store_true", help=_("machine-readable output"))
    imports.set_defaults(run=run_imports)
    undo = subparsers.add_parser("undo-import", help=_("take an import back"))
    undo.add_argument("batch", type=int, metavar="ID")
    undo.set_defaults(run=run_undo)


def run_imports(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from defence_dir.imports.service import import_batches

    db = database_from(args)
    try:
        batches = import_batches(db)
    finally:
        db.close()
    if args.json:
        print_json([asdict(b) for b in batches])
        return 0
    print_table([_("ID"), _("File"), _("Imported"), _("Rows"), _("New"), _("Updated"), ""],
                [[str(b.id), b.file, (b.imported_at or "")[:16].replace("T", " "),
                  str(b.rows), str(b.created), str(b.updated),
                  _("undone") if b.undone else ""] for b in batches])
    return 0


def run_undo(args: argparse.Namespace) -> int:
    from defence_dir.imports.service import undo

    db = database_from(args)
    try:
        counts = undo(db, args.batch)
    finally:
        db.close()
    print(_("Import {id} undone: {deleted} records removed, {restored} restored.",
            id=args.batch, **counts), file=sys.stderr)
    return 0


def run(args: argparse.Namespace) -> int:
    from defence_dir.imports.spreadsheet.reading import CSV_SUFFIXES, SPREADSHEET_SUFFIXES

    path: Path = args.file
    suffix = path.suffix.lower()
    if suffix in CSV_SUFFIXES + SPREADSHEET_SUFFIXES:
        from defence_dir.cli.import_spreadsheet import run_spreadsheet

        return run_spreadsheet(args)
    if suffix not in (".vcf", ".vcard"):
        raise DefenceDirError(_("{name} is neither a vCard file (.vcf) nor a spreadsheet "
                                "(.xlsx, .xls, .ods, .csv).", name=path.name))
    from defence_dir.records.persons import field_label
    from defence_dir.vcard.importer import MatchMode
    from defence_dir.vcard.reader import file_encoding
    from defence_dir.vcard.report import import_report
    from defence_dir.vcard.service import import_cards, plan_cards

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DefenceDirError(_("{path} cannot be read: {reason}", path=path,
                                reason=exc.strerror or exc)) from exc
    if args.encoding:  # a legacy file the reader would take for Windows-1252 (cp1250, mac_roman)
        data, encoding = _transcoded(data, args.encoding, path.name), args.encoding
    else:
        encoding = file_encoding(data)
    db = database_from(args)
    try:
        # Planning reads; the write lock is taken for the writing alone.
        plan = plan_cards(db, data, path.name, MatchMode(args.matches))
        batch_id = None
        if not args.dry_run:
            batch_id = import_cards(db, plan).batch_id
    finally:
        db.close()
    report = import_report(plan, batch_id, encoding)
    if args.json:
        print_json({**report, "file": str(path), "dry_run": args.dry_run})
        return 0
    print_table([_("Card"), _("Name"), _("Result"), _("Details")],
                [[str(c.number), c.name, _(ACTION_LABELS[c.action.value]),
                  "; ".join(x for x in (c.reason, *c.warnings,
                                        *(f"{field_label(f)}: {n}" for f, _o, n in c.changes))
                            if x)]
                 for c in plan.cards])
    summary = ", ".join(f"{_(ACTION_LABELS[k])}: {v}" for k, v in plan.counts().items() if v)
    verb = _("would be imported (dry run)") if args.dry_run else _("imported")
    print(f"{summary} — {verb}", file=sys.stderr)
    for warning in report["warnings"]:
        if warning["row"] is None:
            print(warning["reason"], file=sys.stderr)
    if report["with_warnings"]:
        count = report["with_warnings"]
        print(_n("{count} card imported with a warning (see Details).",
                 "{count} cards imported with a warning (see Details).", count)
              if batch_id is not None else
              _n("{count} card would be imported with a warning (see Details).",
                 "{count} cards would be imported with a warning (see Details).", count),
              file=sys.stderr)
    return 0


def _transcoded(data: bytes, encoding: str, name: str) -> bytes:
    """The file as UTF-8, read in the encoding the user named."""
    try:
        return data.decode(encoding).encode("utf-8")
    except (LookupError, UnicodeDecodeError) as exc:
        raise DefenceDirError(_("{name} cannot be read as {encoding}.", name=name,
                                encoding=encoding)) from exc
