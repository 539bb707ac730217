"""The `--list NAME | --event NAME` choice shared by the mailing commands."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from defence_dir.i18n import _

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from defence_dir.lists.mailing import Recipient


def add_recipient_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--list", metavar=_("NAME"), help=_("a distribution list"))
    group.add_argument("--event", metavar=_("NAME"), help=_("an event"))


def recipients_of(session: Session, args: argparse.Namespace) -> list[Recipient]:
    from defence_dir.lists.mailing import recipients

    return recipients(session, list_name=args.list, event_name=args.event)
