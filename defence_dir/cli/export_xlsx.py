"""`defence-dir export xlsx (--list NAME | --event NAME) -o FILE.xlsx`: a mail-merge spreadsheet."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from defence_dir.cli.recipients import add_recipient_options, recipient_names
from defence_dir.cli.session import database_from
from defence_dir.errors import DefenceDirError
from defence_dir.i18n import _


def register(formats: Any) -> None:
    parser = formats.add_parser(
        "xlsx", help=_("members of a list or attendees of an event as a mail-merge .xlsx"))
    add_recipient_options(parser)
    parser.add_argument("-o", "--output", required=True, type=Path, metavar=_("FILE.xlsx"))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from defence_dir.lists.service import write_mail_merge_named

    output: Path = args.output
    if output.suffix.lower() != ".xlsx":
        raise DefenceDirError(_("The output file must end in .xlsx."))
    db = database_from(args)
    try:
        count = write_mail_merge_named(db, output, **recipient_names(args))
    except OSError as exc:
        raise DefenceDirError(_("{path} cannot be written: {reason}", path=output,
                                reason=exc.strerror or exc)) from exc
    finally:
        db.close()
    print(_("{count} recipients written to {path}.", count=count, path=output), file=sys.stderr)
    return 0
