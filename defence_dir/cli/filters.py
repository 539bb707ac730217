"""The filter options that `search` and `export vcard` share, and turning them into filters."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from defence_dir.i18n import _

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from defence_dir.search.service import SearchFilters


def add_filter_options(parser: Any) -> None:
    parser.add_argument("--network", metavar="N", help=_("only this network's contacts"))
    parser.add_argument("--organisation", metavar="O", help=_("only this organisation's staff"))
    parser.add_argument("--topic", metavar="T", help=_("only this technology field"))
    parser.add_argument("--list", metavar="L", help=_("only members of this distribution list"))
    parser.add_argument("--event", metavar="E", help=_("only attendees of this event"))


def filters_of(session: Session, args: argparse.Namespace, kind: str | None) -> SearchFilters:
    from defence_dir.search.filter_names import filters_from_names

    return filters_from_names(session, kind=kind, network=args.network,
                              organisation=args.organisation, topic=args.topic,
                              list=args.list, event=args.event)
