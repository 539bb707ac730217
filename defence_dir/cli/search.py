"""`defence-dir search QUERY`: ranked (or sorted) hits over persons, organisations, networks."""

from __future__ import annotations

import argparse
from typing import Any

from defence_dir.cli.filters import add_filter_options, filters_of
from defence_dir.cli.output import print_json, print_table
from defence_dir.cli.session import database_from
from defence_dir.i18n import N_, _
from defence_dir.search.sorting import SearchOrder, SortKey

KIND_CHOICES = ("person", "organisation", "network")
FIELD_LABELS = {
    "name": N_("name"), "similar_name": N_("similar name"), "organisation": N_("organisation"),
    "network": N_("network"), "function": N_("function"), "topic": N_("technology field"),
    "city": N_("city"), "email": N_("email"), "phone": N_("phone"), "notes": N_("notes"),
}
KIND_LABELS = {"person": N_("person"), "organisation": N_("organisation"),
               "network": N_("network")}


def positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_("not a whole number: {value}", value=text)) from None
    if value < 1:
        raise argparse.ArgumentTypeError(_("must be at least 1: {value}", value=text))
    return value


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "search", help=_("find persons, organisations and networks"),
        description=_("Every word must match the start of a word in some field, in any order; "
                      "umlauts, phonetic spellings, small typos and phone digits are understood."))
    parser.add_argument("query", nargs="?", default="", help=_("what to look for"))
    add_filter_options(parser)
    parser.add_argument("--kind", choices=KIND_CHOICES, help=_("only records of this kind"))
    parser.add_argument("--sort", choices=[key.value for key in SortKey],
                        help=_("all hits sorted by this column instead of by how well they "
                               "match"))
    parser.add_argument("--desc", action="store_true",
                        help=_("sort in descending order (with --sort)"))
    parser.add_argument("--limit", type=positive, default=50, metavar="N",
                        help=_("at most N hits (default 50)"))
    parser.add_argument("--json", action="store_true", help=_("machine-readable output"))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from defence_dir.records.directory import records_by_id
    from defence_dir.search.service import SearchService

    order = SearchOrder(SortKey(args.sort), args.desc) if args.sort else None
    if args.desc and order is None:
        order = SearchOrder(SortKey.NAME, descending=True)
    db = database_from(args)
    try:
        with db.read_session() as session:
            filters = filters_of(session, args, args.kind)
        result = SearchService(db.read_session).search(args.query, filters, limit=args.limit,
                                                       order=order)
        with db.read_session() as session:
            records = {kind: records_by_id(session, kind + "s",
                                           [h.id for h in result.hits if h.kind == kind])
                       for kind in KIND_CHOICES}
    finally:
        db.close()
    found = [(hit, records[hit.kind][hit.id]) for hit in result.hits
             if hit.id in records[hit.kind]]
    if args.json:
        print_json([{**record, "kind": hit.kind, "matched_field": hit.matched_field,
                     "rank": hit.rank} for hit, record in found])
        return 0
    if not found:
        print(_("No hits."))
        return 0
    print_table([_("Name"), _("Kind"), _("Organisation / network"), _("Matched")],
                [[_title(record), _(KIND_LABELS[hit.kind]), _context(hit.kind, record),
                  _(FIELD_LABELS.get(hit.matched_field or "", "")) if hit.matched_field else ""]
                 for hit, record in found])
    more = "" if result.total_is_exact else "+"
    print(_("{shown} of {total}{more} hits", shown=len(found), total=result.total, more=more))
    return 0


def _title(record: dict[str, Any]) -> str:
    return record.get("display_name") or record.get("name") or ""


def _context(kind: str, record: dict[str, Any]) -> str:
    if kind == "person":
        return record["organisation"] or ", ".join(n["name"] for n in record["networks"])
    if kind == "organisation":
        return record.get("city") or ""
    return ", ".join(record.get("topics") or [])
