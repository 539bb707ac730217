"""Spreadsheet imports, past imports and undo for the window and the command line.

Each function takes the Database and opens and ends its own transaction: the GUI and the CLI
never hold a session. Planning only reads, so a colleague's save is not held up by the preview
of a large file (nor is a dry run refused on a read-only database); applying writes in one
transaction that a cancel or an error rolls back whole.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import select

from defence_dir.data.database import Database
from defence_dir.data.models import ImportBatch
from defence_dir.imports.spreadsheet.cleaning import StatusReading
from defence_dir.imports.spreadsheet.columns import (
    ColumnMapping,
    guess_mapping,
    remember_mapping,
    remember_status_words,
    remembered_status_words,
)
from defence_dir.imports.spreadsheet.planning import (
    DEFAULT_THRESHOLD,
    KnownDirectory,
    MatchChoice,
    SpreadsheetPlan,
    plan_rows,
)
from defence_dir.imports.spreadsheet.reading import Cell
from defence_dir.imports.spreadsheet.writing import ImportTarget, SpreadsheetResult, apply_plan
from defence_dir.imports.undo import undo_import
from defence_dir.lists.consent import get_event_by_name, get_list_by_name
from defence_dir.records.choices import choices

Progress = Callable[[int, int], bool]  # (done, total) -> go on?


@dataclass(frozen=True)
class ImportBatchInfo:
    """One past import as the imports dialog and `defence-dir imports` list it."""

    id: int
    file: str
    sheet: str | None
    kind: str  # "spreadsheet" or "vcard"
    imported_at: str | None  # ISO 8601 in UTC ("…Z")
    rows: int
    created: int
    updated: int
    undone: bool


@dataclass(frozen=True)
class ImportTargets:
    """What a spreadsheet can be imported into besides the directory: (id, name) pairs."""

    lists: list[tuple[int, str]]
    events: list[tuple[int, str]]


def import_batches(db: Database) -> list[ImportBatchInfo]:
    """Every import, newest first."""
    with db.read_session() as session:
        return [ImportBatchInfo(
            id=b.id, file=b.file_name, sheet=b.sheet, kind=b.source_kind,
            imported_at=b.imported_at.isoformat() + "Z" if b.imported_at else None,
            rows=b.row_count or 0, created=b.created_count or 0, updated=b.updated_count or 0,
            undone=b.undone_at is not None)
            for b in session.scalars(select(ImportBatch).order_by(ImportBatch.id.desc()))]


def undo(db: Database, batch_id: int,
         progress: Callable[[int, int], object] | None = None) -> dict[str, int]:
    """Take an import back in one transaction: {"deleted": n, "restored": n}. A refusal
    (later edits), a cancel or an error leaves the database as it was."""
    with db.session() as session:
        return undo_import(session, batch_id, progress)


def import_targets(db: Database) -> ImportTargets:
    return ImportTargets(lists=choices(db, "list"), events=choices(db, "event"))


def target_by_names(db: Database, list_name: str | None, event_name: str | None,
                    status_for_all: str | None = None) -> ImportTarget:
    """The target named on the command line; a misspelt list or event is refused
    (NotFoundError) before any work."""
    with db.read_session() as session:
        return ImportTarget(
            list_id=get_list_by_name(session, list_name).id if list_name else None,
            event_id=get_event_by_name(session, event_name).id if event_name else None,
            status_for_all=status_for_all)


def guess_columns(db: Database, headings: Sequence[Cell]) -> ColumnMapping:
    """The fields for a header row: as remembered for these headings, else guessed."""
    with db.read_session() as session:
        return guess_mapping(list(headings), session)


def load_directory(db: Database) -> KnownDirectory:
    """The directory's persons in memory for matching, loaded once for several previews."""
    with db.read_session() as session:
        return KnownDirectory(session)


def plan_spreadsheet(db: Database, rows: list[list[Cell]], header_index: int,
                     mapping: ColumnMapping, *, file_name: str, sheet: str | None = None,
                     threshold: int = DEFAULT_THRESHOLD,
                     choice: MatchChoice = MatchChoice.FILL,
                     directory: KnownDirectory | None = None,
                     status_default: str | None = None,
                     placed_statuses: Mapping[str, str] | None = None) -> SpreadsheetPlan:
    """The row-by-row preview; writes nothing. `status_default` is given for an import into
    an event (a status is about an event: otherwise status columns are ignored); status words
    are read as remembered from earlier imports and as `placed_statuses` ({folded word:
    status}) places them now."""
    with db.read_session() as session:
        statuses = None
        if status_default is not None:
            statuses = StatusReading(status_default, {**remembered_status_words(session),
                                                      **(placed_statuses or {})})
        return plan_rows(session, rows, header_index, mapping, file_name=file_name,
                         sheet=sheet, threshold=threshold, choice=choice,
                         directory=directory, statuses=statuses)


def apply_spreadsheet(db: Database, plan: SpreadsheetPlan, target: ImportTarget | None = None,
                      progress: Progress | None = None, *,
                      remember: ColumnMapping | None = None,
                      status_words: Mapping[str, str] | None = None) -> SpreadsheetResult:
    """Write the plan, recorded for undo; with `remember`, offer this mapping (and the
    `status_words` placed in the preview) again for files with the same columns. All in one
    transaction: `progress` returning False cancels (ImportCancelled) and nothing is written."""
    with db.session() as session:
        if remember is not None:
            remember_mapping(session, remember)
            remember_status_words(session, dict(status_words or {}))
        return apply_plan(session, plan, target, progress)
