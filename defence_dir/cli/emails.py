"""`defence-dir emails (--list NAME | --event NAME)`: one line of addresses for the BCC field."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from defence_dir.cli.recipients import add_recipient_options, recipient_names
from defence_dir.cli.session import database_from
from defence_dir.i18n import _


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "emails", help=_("email addresses of a list or an event as one line for BCC"))
    add_recipient_options(parser)
    parser.add_argument("--separator", default=", ",
                        help=_("between addresses (default “, ”; Outlook wants “; ”)"))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from defence_dir.lists.service import email_line_named

    db = database_from(args)
    try:
        result = email_line_named(db, **recipient_names(args), separator=args.separator)
    finally:
        db.close()
    print(result.line)
    # The count goes to stderr so that stdout stays pasteable.
    print(_("{included} addresses; left out: {unsubscribed} unsubscribed or cancelled, "
            "{invalid} without a valid address.", included=result.included,
            unsubscribed=result.left_out_unsubscribed, invalid=result.left_out_invalid),
          file=sys.stderr)
    return 0
