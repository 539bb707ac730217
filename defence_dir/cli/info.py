"""`defence-dir info`: where the database is, its schema version and what it holds."""

from __future__ import annotations

import argparse
from typing import Any

from defence_dir import __version__
from defence_dir.cli.output import print_json
from defence_dir.cli.session import database_from
from defence_dir.i18n import _


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "info", help=_("show the database location, schema version and counts")
    )
    parser.add_argument("--json", action="store_true", help=_("machine-readable output"))
    parser.set_defaults(run=run)


def kind_label(kind: str) -> str:
    labels = {
        "persons": _("Persons"),
        "organisations": _("Organisations"),
        "networks": _("Networks"),
        "topics": _("Topics"),
        "events": _("Events"),
        "lists": _("Distribution lists"),
    }
    return labels[kind]


def run(args: argparse.Namespace) -> int:
    from defence_dir.privacy.service import wipe_pending
    from defence_dir.records.service import counts

    db = database_from(args)
    try:
        numbers = counts(db)
        pending = wipe_pending(db)
    finally:
        db.close()
    copy = db.offline_copy
    if args.json:
        print_json({
            "database": db.location,
            "backend": db.url.get_backend_name(),
            "schema_version": db.revision,
            "app_version": __version__,
            "counts": numbers,
            "erasure_wipe_pending": pending,
            "offline_copy": None if copy is None else {
                "team": copy.team_url, "synced_at": copy.synced_at.isoformat()},
        })
        return 0
    rows = [
        [_("Database"), db.location],
        [_("Schema version"), db.revision],
        *[[kind_label(kind), str(n)] for kind, n in numbers.items()],
    ]
    if copy is not None:
        rows.append([_("Offline copy of"), copy.team_label])
        rows.append([_("Synced"), copy.synced_at.astimezone().strftime("%Y-%m-%d %H:%M")])
    if pending:
        rows.append([_("Erasure"), _("not complete: old copies of erased data are still in "
                                     "the file while another program has it open")])
    for label, value in rows:
        print(f"{label + ':':<20} {value}")
    return 0
