"""`defence-dir merge`, `undo-merge` and `merges`: merging duplicate persons from a script."""

from __future__ import annotations

import argparse
from typing import Any

from defence_dir.cli.output import print_json, print_table
from defence_dir.cli.session import database_from
from defence_dir.i18n import _


def register(subparsers: Any) -> None:
    merge = subparsers.add_parser(
        "merge", help=_("merge duplicate persons into the one kept"),
        description=_("Empty fields of the kept person are filled from the others; emails, "
                      "phones, networks, technology fields, lists with their consent history, "
                      "events and notes are united. The merge can be taken back with "
                      "“undo-merge”."))
    merge.add_argument("keep", type=int, metavar="KEEP_ID")
    merge.add_argument("others", type=int, nargs="+", metavar="OTHER_ID")
    merge.add_argument("--json", action="store_true", help=_("machine-readable output"))
    merge.set_defaults(run=run_merge)
    undo = subparsers.add_parser("undo-merge", help=_("take a merge back exactly"))
    undo.add_argument("merge_id", type=int, metavar="MERGE_ID")
    undo.set_defaults(run=run_undo)
    merges = subparsers.add_parser("merges", help=_("past merges, newest first"))
    merges.add_argument("--json", action="store_true", help=_("machine-readable output"))
    merges.set_defaults(run=run_merges)


def run_merge(args: argparse.Namespace) -> int:
    from defence_dir.merging.service import merge_persons

    db = database_from(args)
    try:
        result = merge_persons(db, args.keep, args.others)
    finally:
        db.close()
    if args.json:
        print_json({"kept": result.kept, "merged": list(result.merged),
                    "merge_id": result.merge_id})
    else:
        print(_("Merged {merged} into person {kept} (merge {merge}; take it back with "
                "“defence-dir undo-merge {merge}”).",
                merged=", ".join(str(i) for i in result.merged), kept=result.kept,
                merge=result.merge_id))
    return 0


def run_undo(args: argparse.Namespace) -> int:
    from defence_dir.merging.service import undo_merge

    db = database_from(args)
    try:
        undo_merge(db, args.merge_id)
    finally:
        db.close()
    print(_("Merge {merge} was taken back.", merge=args.merge_id))
    return 0


def run_merges(args: argparse.Namespace) -> int:
    from defence_dir.merging.service import list_merges

    db = database_from(args)
    try:
        merges = list_merges(db)
    finally:
        db.close()
    if args.json:
        print_json([{"merge_id": m.merge_id, "merged_at": m.merged_at.isoformat(),
                     "kept": m.kept, "kept_name": m.kept_name, "merged": list(m.merged),
                     "merged_names": list(m.merged_names), "undone": m.undone}
                    for m in merges])
        return 0
    print_table(
        [_("Merge"), _("Merged at"), _("Kept"), _("Merged"), _("State")],
        [[str(m.merge_id), m.merged_at.strftime("%Y-%m-%d %H:%M"),
          f"{m.kept_name} ({m.kept})",
          ", ".join(f"{name} ({i})" for i, name in zip(m.merged, m.merged_names, strict=True)),
          _("taken back") if m.undone else _("merged")] for m in merges])
    return 0
