"""`defence-dir duplicates` and `not-duplicates ID ID`: the duplicate finder headless."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from defence_dir.cli.output import print_json
from defence_dir.cli.session import database_from
from defence_dir.i18n import N_, _, _n

if TYPE_CHECKING:
    from defence_dir.data.database import Database
    from defence_dir.duplicates.service import DuplicateGroup

LANES = ("certain", "likely", "possible")
LANE_LABELS = {"certain": N_("Certain"), "likely": N_("Likely"), "possible": N_("Possible")}


def register(subparsers: Any) -> None:
    finder = subparsers.add_parser(
        "duplicates", help=_("persons entered more than once, strongest first"),
        description=_("Groups of persons that look like one person, in lanes: certain (safe "
                      "to merge without reading), likely (needs a glance), possible (worth a "
                      "look). Pairs marked with “not-duplicates” are left out."))
    finder.add_argument("--lane", choices=LANES, help=_("only this lane"))
    finder.add_argument("--json", action="store_true",
                        help=_("print JSON: a list of {ids, score, lane, reasons}"))
    finder.set_defaults(run=run_duplicates)
    marker = subparsers.add_parser(
        "not-duplicates", help=_("mark two persons as different people"),
        description=_("The finder never proposes these two as duplicates again."))
    marker.add_argument("ids", type=int, nargs=2, metavar="ID")
    marker.set_defaults(run=run_not_duplicates)


def run_duplicates(args: argparse.Namespace) -> int:
    from defence_dir.duplicates.service import Lane, find_duplicates

    db = database_from(args)
    try:
        lanes = [Lane(args.lane)] if args.lane else None
        groups = find_duplicates(db, lanes=lanes)
        if args.json:
            print_json([{"ids": list(g.ids), "score": g.score, "lane": g.lane.value,
                         "reasons": list(g.reasons)} for g in groups])
        else:
            _print_groups(db, groups)
    finally:
        db.close()
    return 0


def _print_groups(db: Database, groups: list[DuplicateGroup]) -> None:
    """One block per group: lane and score, each person by id, name and organisation (the
    suggested keeper first), then the reasons."""
    from defence_dir.records.service import records_by_id

    ids = sorted({i for g in groups for i in g.ids})
    records: dict[int, dict[str, Any]] = {}
    for start in range(0, len(ids), 900):
        records.update(records_by_id(db, "persons", ids[start:start + 900]))
    for index, group in enumerate(groups):
        if index:
            print()
        print(_("{lane} ({score}): {count} persons", lane=_(LANE_LABELS[group.lane.value]),
                score=group.score, count=len(group.ids)))
        for position, person_id in enumerate(group.ids):
            record = records.get(person_id, {})
            name = _one_line(record.get("display_name") or "")
            organisation = _one_line(record.get("organisation") or "")
            line = f"  {person_id:>7}  {name}" + (f" · {organisation}" if organisation else "")
            print(line + (f"  {_('(keep)')}" if position == 0 else ""))
        for reason in group.reasons:
            print(f"    - {_one_line(reason)}")
    if not groups:
        print(_("No duplicates found."))
    else:
        print()
        print(_n("{count} group", "{count} groups", len(groups)))


def _one_line(text: str) -> str:
    """User data stays on its line: newlines and tabs become spaces."""
    return " ".join(text.split())


def run_not_duplicates(args: argparse.Namespace) -> int:
    from defence_dir.duplicates.service import mark_not_duplicates

    first, second = args.ids
    db = database_from(args)
    try:
        mark_not_duplicates(db, first, second)
    finally:
        db.close()
    print(_("Persons {first} and {second} are marked as different people.",
            first=first, second=second))
    return 0
