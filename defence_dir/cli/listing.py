"""`defence-dir list KIND`: every person, organisation, network, topic, event or list."""

from __future__ import annotations

import argparse
from typing import Any

from defence_dir.cli.output import print_json, print_table
from defence_dir.cli.session import database_from
from defence_dir.i18n import N_, _
from defence_dir.records import directory
from defence_dir.records.directory import Record


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("list", help=_("list the records of one kind"))
    parser.add_argument("kind", choices=directory.KINDS, help=_("what to list"))
    parser.add_argument("--json", action="store_true", help=_("machine-readable output"))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from defence_dir.records.service import list_records

    db = database_from(args)
    try:
        records = list_records(db, args.kind)
    finally:
        db.close()
    if args.json:
        print_json(records)
    else:
        headers, rows = TABLES[args.kind](records)
        print_table(headers, rows)
    return 0


def first_phone(record: Record) -> str:
    """As entered ("0211 385459-0" keeps its extension grouping, which E.164 loses)."""
    return record["phones"][0]["raw"] if record["phones"] else ""


def persons_table(records: list[Record]) -> tuple[list[str], list[list[str]]]:
    headers = [_("Name"), _("Organisation / network"), _("Email"), _("Phone")]
    rows = [
        [
            r["display_name"],
            r["organisation"] or ", ".join(n["name"] for n in r["networks"]),
            r["emails"][0]["address"] if r["emails"] else "",
            first_phone(r),
        ]
        for r in records
    ]
    return headers, rows


def _named_table(*columns: tuple[str, str]) -> Any:
    def table(records: list[Record]) -> tuple[list[str], list[list[str]]]:
        headers = [_(label) for label, _key in columns]
        rows = [[_cell(r[key]) for _label, key in columns] for r in records]
        return headers, rows
    return table


def _cell(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {v}" for k, v in value.items())
    return "" if value is None else str(value)


# Column labels are translated when printed, so the language can change after import.
TABLES: dict[str, Any] = {
    "persons": persons_table,
    "organisations": _named_table((N_("Name"), "name"), (N_("Kind"), "kind"),
                                  (N_("City"), "city")),
    "networks": _named_table((N_("Name"), "name"), (N_("Topics"), "topics"),
                             (N_("Contacts"), "contacts")),
    "topics": _named_table((N_("Name"), "name"), (N_("Description"), "description")),
    "events": _named_table((N_("Name"), "name"), (N_("City"), "city"),
                           (N_("Date"), "starts_on")),
    "lists": _named_table((N_("Name"), "name"), (N_("Members"), "members")),
}
