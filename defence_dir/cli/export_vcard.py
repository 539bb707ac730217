"""`defence-dir export vcard [filters] [--profile P] -o FILE.vcf|DIR|FILE.zip`: vCards."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from defence_dir.cli.filters import add_filter_options, filters_of
from defence_dir.cli.session import database_from
from defence_dir.errors import DefenceDirError
from defence_dir.i18n import _

PROFILES = ("standard", "outlook", "v4")


def register(formats: Any) -> None:
    parser = formats.add_parser(
        "vcard", help=_("persons as vCards for address books"),
        description=_("Profiles: standard (one 3.0 file: Apple, Google, Android, Thunderbird, "
                      "Nextcloud), outlook (one file per person, in a folder or a .zip), "
                      "v4 (RFC 6350). Without a query or filter, everybody is exported."))
    parser.add_argument("--query", metavar="Q", default="", help=_("only the hits of a search"))
    add_filter_options(parser)
    parser.add_argument("--profile", choices=PROFILES, default="standard",
                        help=_("target address book (default: standard)"))
    parser.add_argument("-o", "--output", required=True, type=Path,
                        metavar=_("FILE.vcf|FOLDER|FILE.zip"))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from defence_dir.search.service import SearchService
    from defence_dir.vcard.export import target_kind
    from defence_dir.vcard.service import export_cards
    from defence_dir.vcard.writer import Profile

    output: Path = args.output
    target_kind(output)  # refuse a wrong target before any work
    if not output.parent.exists():
        raise DefenceDirError(_("The folder {folder} does not exist.", folder=output.parent))
    db = database_from(args)
    try:
        with db.read_session() as session:
            filters = filters_of(session, args, "person")
        ids = SearchService(db.read_session).all_ids(args.query, filters)
        result = export_cards(db, ids, Profile(args.profile), output)
    finally:
        db.close()
    print(_("{count} persons exported to {path}.", count=result.cards, path=result.target),
          file=sys.stderr)
    return 0
