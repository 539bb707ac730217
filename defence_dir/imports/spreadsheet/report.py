"""The report of a spreadsheet import: the counts (same keys in CLI JSON and GUI), every row not
imported with its reason (`problems`) and every row imported with a remark (`warnings`: a
repaired phone, an unknown status word, a shared address), also as an .xlsx file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from defence_dir.errors import DefenceDirError
from defence_dir.i18n import N_, _
from defence_dir.imports.spreadsheet.planning import MatchChoice, RowAction, SpreadsheetPlan
from defence_dir.imports.spreadsheet.writing import SpreadsheetResult
from defence_dir.text.xlsx_cells import write_text_sheets

COUNT_LABELS = {
    "rows": N_("rows"), "created": N_("created"), "updated": N_("updated"),
    "unchanged": N_("unchanged"), "duplicates_in_file": N_("duplicates in the file"),
    "invalid": N_("invalid"), "skipped": N_("skipped"),
    "with_warnings": N_("imported with a warning"),
}


def import_report(plan: SpreadsheetPlan, result: SpreadsheetResult | None) -> dict[str, Any]:
    """Counts, problems and warnings; on a dry run `created`/`updated` are what would
    happen."""
    counts = plan.counts()
    matches = [r for r in plan.rows if r.action is RowAction.MATCH]
    skipped = sum(1 for r in matches if r.choice is MatchChoice.SKIP)
    if result is not None:
        created, updated = result.created, result.updated
    else:
        created = counts["new"]
        updated = sum(1 for r in matches if r.choice is not MatchChoice.SKIP and r.differences)
    problems = [{"row": r.row, "reason": r.reason} for r in plan.rows
                if r.action in (RowAction.INVALID, RowAction.DUPLICATE)]
    warnings = [{"row": r.row, "reason": note} for r in plan.rows for note in r.remarks]
    if result is not None:
        problems += [{"row": None, "reason": _("not re-subscribed (unsubscribed before): "
                                               "{name}", name=name)}
                     for name in result.suppressed]
    problems.sort(key=lambda p: (p["row"] is None, p["row"] or 0))
    return {
        "rows": sum(1 for r in plan.rows if r.action is not RowAction.EMPTY),
        "created": created, "updated": updated,
        "unchanged": len(matches) - skipped - updated if result is None
        else len(matches) - skipped - result.updated,
        "duplicates_in_file": counts["duplicate"], "invalid": counts["invalid"],
        "skipped": skipped,
        "with_warnings": len({w["row"] for w in warnings}),
        "problems": problems, "warnings": warnings,
        "batch_id": result.batch_id if result is not None else None,
    }


def write_report_xlsx(path: Path, plan: SpreadsheetPlan, report: dict[str, Any]) -> None:
    if path.suffix.lower() != ".xlsx":
        raise DefenceDirError(_("The report file must end in .xlsx."))
    summary = [[_(COUNT_LABELS[key]), str(report[key])] for key in COUNT_LABELS]
    problems = [[str(p["row"] or ""), p["reason"]] for p in report["problems"]]
    warnings = [[str(w["row"]), w["reason"]] for w in report["warnings"]]
    rows = [[str(r.row), r.name, r.action.value, r.reason, "; ".join(r.remarks)]
            for r in plan.rows if r.action is not RowAction.EMPTY]
    try:
        write_text_sheets(path, [
            (_("Summary"), [_("What"), _("Count")], summary),
            (_("Problems"), [_("Row"), _("Reason")], problems),
            (_("Warnings"), [_("Row"), _("Warning")], warnings),
            (_("All rows"), [_("Row"), _("Name"), _("Result"), _("Reason"), _("Warnings")],
             rows),
        ])
    except OSError as exc:
        raise DefenceDirError(_("Cannot write {target}: {reason}", target=path,
                                reason=exc.strerror or exc)) from exc
