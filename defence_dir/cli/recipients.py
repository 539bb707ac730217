"""The `--list NAME | --event NAME` choice shared by the mailing commands."""

from __future__ import annotations

import argparse

from defence_dir.i18n import _


def add_recipient_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--list", metavar=_("NAME"), help=_("a distribution list"))
    group.add_argument("--event", metavar=_("NAME"), help=_("an event"))


def recipient_names(args: argparse.Namespace) -> dict[str, str | None]:
    """The chosen list's or event's name, as the lists service's *_named calls take it."""
    return {"list_name": args.list, "event_name": args.event}
