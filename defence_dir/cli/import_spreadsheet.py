"""The spreadsheet half of `defence-dir import`: read, map, preview, apply."""

from __future__ import annotations

import argparse
import sys

from defence_dir.cli.output import print_json, print_table
from defence_dir.cli.session import database_from
from defence_dir.errors import ValidationError
from defence_dir.i18n import N_, _, _n

ROW_LABELS = {"new": N_("new"), "match": N_("match"), "duplicate": N_("duplicate"),
              "invalid": N_("invalid"), "empty": N_("empty")}


def run_spreadsheet(args: argparse.Namespace) -> int:
    from defence_dir.imports import service
    from defence_dir.imports.spreadsheet.columns import (
        EVENT_ONLY,
        FIELDS,
        IGNORE,
        STATUSES,
        find_header_row,
        status_key,
    )
    from defence_dir.imports.spreadsheet.planning import MatchChoice
    from defence_dir.imports.spreadsheet.reading import read_table_file
    from defence_dir.imports.spreadsheet.report import import_report
    from defence_dir.records.persons import field_label

    if not 0 <= args.threshold <= 100:
        raise ValidationError(_("The threshold must be between 0 and 100."))
    placed: dict[str, str] = {}
    for item in getattr(args, "status_map", []):
        word, _sep, status = item.rpartition("=")
        if not status_key(word) or status not in STATUSES:
            raise ValidationError(_("--status-map {item}: expected WORD=STATUS with STATUS one "
                                    "of {statuses}.", item=item, statuses=", ".join(STATUSES)))
        placed[status_key(word)] = status
    table = read_table_file(args.file, encoding=args.encoding, delimiter=args.delimiter)
    sheet = table.sheet(args.sheet)
    if not sheet.rows:
        raise ValidationError(_("The sheet “{name}” is empty.", name=sheet.name))
    header = (args.header_row - 1) if args.header_row else find_header_row(sheet.rows)
    if not 0 <= header < len(sheet.rows):
        raise ValidationError(_("Row {row} does not exist in the sheet.", row=args.header_row))
    db = database_from(args)
    try:
        # First: a misspelt list or event fails before the work.
        target = service.target_by_names(db, args.list, args.event, args.status)
        mapping = service.guess_columns(db, sheet.rows[header])
        for item in args.map:
            column, _sep, field = item.partition("=")
            if field not in (*FIELDS, IGNORE) or column not in mapping.headings:
                raise ValidationError(_("--map {item}: no such column or field.", item=item))
            mapping.fields[mapping.headings.index(column)] = field
        # A status is about an event: for the directory alone or a list it is ignored.
        plan = service.plan_spreadsheet(
            db, sheet.rows, header, mapping, file_name=args.file.name,
            sheet=sheet.name if len(table.sheets) > 1 else None, threshold=args.threshold,
            choice=MatchChoice(args.matches),
            status_default=(args.status or "registered") if args.event else None,
            placed_statuses=placed)
        sheet.rows.clear()  # the plan holds what is written: 100 MB less for 100,000 rows
        result = None
        if not args.dry_run:
            result = service.apply_spreadsheet(db, plan, target)
    finally:
        db.close()
    counts = plan.counts()
    report = import_report(plan, result)
    if args.report:
        from defence_dir.imports.spreadsheet.report import write_report_xlsx

        write_report_xlsx(args.report, plan, report)
    if args.json:
        print_json({**report, "source": "spreadsheet", "file": str(args.file),
                    "sheet": sheet.name,
                    "header_row": header + 1, "encoding": table.encoding,
                    "delimiter": table.delimiter,
                    "mapping": {heading: IGNORE if not args.event and field in EVENT_ONLY
                                else field for heading, field in zip(
                                    mapping.headings, mapping.fields, strict=True)},
                    "unknown_statuses": {word: count for word, (count, status)
                                         in plan.unknown_statuses().items() if not status},
                    "dry_run": args.dry_run,
                    "details": [r.as_json() for r in plan.rows if r.action.value != "empty"]})
        return 0
    print_table([_("Row"), _("Name"), _("Result"), _("Details")],
                [[str(r.row), r.name, _(ROW_LABELS[r.action.value]),
                  "; ".join(x for x in (r.reason, *r.remarks,
                                        *(f"{field_label(f)}: {o} → {n}"
                                          for f, o, n in r.differences)) if x)]
                 for r in plan.rows if r.action.value != "empty"])
    summary = ", ".join(f"{_(ROW_LABELS[k])}: {v}" for k, v in counts.items()
                        if v and k != "empty")
    if result is None:
        print(f"{summary} — {_('dry run, nothing written')}", file=sys.stderr)
    else:
        print(_("{summary} — import {id}: {created} new, {updated} updated", summary=summary,
                id=result.batch_id, created=result.created, updated=result.updated),
              file=sys.stderr)
        if result.suppressed:
            print(_("Not re-subscribed (they had unsubscribed): {names}",
                    names=", ".join(result.suppressed)), file=sys.stderr)
    if report["warnings"]:
        count = report["with_warnings"]
        print(_n("{count} row imported with a warning (see Details).",
                 "{count} rows imported with a warning (see Details).", count)
              if result is not None else
              _n("{count} row would be imported with a warning (see Details).",
                 "{count} rows would be imported with a warning (see Details).", count),
              file=sys.stderr)
    return 0
