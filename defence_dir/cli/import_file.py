"""`defence-dir import FILE.vcf [--dry-run] [--json]`: vCards into the directory, with a report."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from defence_dir.cli.output import print_json, print_table
from defence_dir.cli.session import database_from
from defence_dir.errors import DefenceDirError
from defence_dir.i18n import N_, _

ACTION_LABELS = {"new": N_("new"), "update": N_("update"), "unchanged": N_("unchanged"),
                 "skipped": N_("skipped"), "duplicate": N_("duplicate"),
                 "invalid": N_("invalid")}


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "import", help=_("import persons from a vCard file"),
        description=_("Cards are matched to persons by UID, then by email address. Malformed "
                      "cards are reported and skipped; nothing is written with --dry-run."))
    parser.add_argument("file", type=Path, metavar=_("FILE.vcf"))
    parser.add_argument("--matches", choices=("fill", "overwrite", "skip"), default="fill",
                        help=_("for persons already in the directory: fill empty fields "
                               "(default), overwrite them, or skip"))
    parser.add_argument("--dry-run", action="store_true", help=_("only show what would happen"))
    parser.add_argument("--json", action="store_true", help=_("machine-readable output"))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from defence_dir.vcard.importer import MatchMode, apply_import, plan_import

    path: Path = args.file
    if path.suffix.lower() not in (".vcf", ".vcard"):
        raise DefenceDirError(_("{name} is not a vCard file (.vcf).", name=path.name))
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DefenceDirError(_("{path} cannot be read: {reason}", path=path,
                                reason=exc.strerror or exc)) from exc
    db = database_from(args)
    try:
        with db.session() as session:
            plan = plan_import(session, data, path.name, MatchMode(args.matches))
            batch_id = None
            if not args.dry_run:
                batch_id = apply_import(session, plan).batch_id
    finally:
        db.close()
    counts = plan.counts()
    if args.json:
        print_json({"file": str(path), "dry_run": args.dry_run, "import_batch": batch_id,
                    "counts": counts, "cards": [c.as_json() for c in plan.cards]})
        return 0
    print_table([_("Card"), _("Name"), _("Result"), _("Details")],
                [[str(c.number), c.name, _(ACTION_LABELS[c.action.value]),
                  c.reason or "; ".join(f"{f}: {n}" for f, _o, n in c.changes)]
                 for c in plan.cards])
    summary = ", ".join(f"{_(ACTION_LABELS[k])}: {v}" for k, v in counts.items() if v)
    verb = _("would be imported (dry run)") if args.dry_run else _("imported")
    print(f"{summary} — {verb}", file=sys.stderr)
    return 0
