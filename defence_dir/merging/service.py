"""Merging persons: the comparison shown before, the merge, its record and its exact undo.

Signatures and types are agreed between the finder, the merge and the GUI (issue 17). Each
function takes the Database and owns its transaction; the rules are in rules.py, the writes
in writing.py, the undo in undoing.py.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from defence_dir.data.database import Database
from defence_dir.data.models import Person, PersonMerge
from defence_dir.merging import comparison, undoing, writing
from defence_dir.merging.comparison import person_name
from defence_dir.merging.rows import chunks
from defence_dir.merging.rules import single_value
from defence_dir.merging.writing import check_groups

# (done, total); may raise (the GUI's job does, to cancel).
Progress = Callable[[int, int], object]


@dataclass(frozen=True, slots=True)
class FieldValues:
    """One field of the persons compared, a value per person in `Comparison.ids` order."""

    field: str  # a PersonTexts field name, "organisation", or a collection: "emails", "phones",
    #             "networks", "topics", "lists", "events"
    label: str  # translated
    values: tuple[str | None, ...]  # as shown; a collection as one line ("a@x.de, b@y.de")
    differs: bool  # the non-empty values disagree (after the normal form)
    chosen: int  # index into ids of the value the merge takes by default (fill-empty)


@dataclass(frozen=True, slots=True)
class Comparison:
    """Persons side by side, as the merge would see them."""

    ids: tuple[int, ...]  # the keeper first
    names: tuple[str, ...]
    versions: tuple[int, ...]  # pass back as expected_versions: a colleague's edit is refused
    single: tuple[FieldValues, ...]  # one value each: the user may pick
    united: tuple[FieldValues, ...]  # collections: the merge unites them


@dataclass(frozen=True, slots=True)
class MergeResult:
    kept: int
    merged: tuple[int, ...]
    merge_id: int


@dataclass(frozen=True, slots=True)
class MergeSummary:
    merge_id: int
    merged_at: datetime
    kept: int
    kept_name: str
    merged: tuple[int, ...]
    merged_names: tuple[str, ...]
    undone: bool


def compare(db: Database, ids: Sequence[int]) -> Comparison:
    """The persons side by side, `ids[0]` as the keeper. Refuses unknown ids and repeats.

    `single` holds the name parts, function, department and "organisation" (the user may
    pick); `united` holds "emails", "phones", "networks", "topics", "lists", "events" and
    "notes" (appended, unless a pick for "notes" names one person's)."""
    checked = check_groups([ids])[0]
    with db.read_session() as session:
        rows = comparison.load(session, checked)
        persons = [rows[pid]["person"][0] for pid in checked]
        single = tuple(
            FieldValues(name, label, tuple(values), comparison.differs(values),
                        single_value(name, persons, {}))
            for name, label, values in comparison.single_fields(session, persons))
        united = tuple(
            FieldValues(name, label, tuple(v or None for v in values),
                        comparison.contacts_differ(name, checked, rows)
                        if name in ("emails", "phones")
                        else comparison.differs([v or None for v in values]), 0)
            for name, label, values in comparison.united_fields(session, checked, rows))
    return Comparison(ids=checked, names=tuple(person_name(p) for p in persons),
                      versions=tuple(p["version"] for p in persons), single=single,
                      united=united)


def merge_persons(db: Database, keep_id: int, other_ids: Sequence[int], *,
                  picks: Mapping[str, int] | None = None,
                  expected_versions: Mapping[int, int] | None = None) -> MergeResult:
    """Merge `other_ids` into `keep_id` in one transaction. `picks`: field -> person id whose
    value wins (default fill-empty: the keeper's value, else the first other's). Refuses
    (DefenceDirError, nothing changed) itself, unknown or erased ids, and persons whose version
    moved since `expected_versions`."""
    with db.session() as session:
        kept, merged, merge_id = writing.merge(
            session, [[keep_id, *other_ids]], picks=[dict(picks or {})],
            expected_versions=expected_versions)[0]
    return MergeResult(kept, merged, merge_id)


def merge_groups(db: Database, groups: Sequence[Sequence[int]], *,
                 progress: Progress | None = None) -> list[MergeResult]:
    """Merge each group (first id kept, fill-empty) in one transaction: a whole certain lane
    after one confirmation. A cancel or a refusal leaves everything as it was."""
    if not groups:
        return []
    with db.session() as session:
        done = writing.merge(session, groups, progress=progress)
    return [MergeResult(kept, merged, merge_id) for kept, merged, merge_id in done]


def undo_merge(db: Database, merge_id: int) -> None:
    """Take a merge back exactly: both persons as they were, ids, UIDs, memberships, consent
    history. Refuses (nothing changed) an unknown or undone merge, or when later edits of the
    kept person would be lost."""
    undo_merges(db, [merge_id])


def undo_merges(db: Database, merge_ids: Sequence[int], *,
                progress: Progress | None = None) -> None:
    """Take several merges back in one transaction (a lane merged by `merge_groups`): all of
    them or, on a refusal or a cancel, none."""
    if not merge_ids:
        return
    with db.session() as session:
        if progress:
            progress(0, len(merge_ids))
        undoing.undo(session, list(merge_ids))
        if progress:
            progress(len(merge_ids), len(merge_ids))


def list_merges(db: Database) -> list[MergeSummary]:
    """Past merges, newest first."""
    with db.read_session() as session:
        records = session.execute(
            select(PersonMerge.id, PersonMerge.merged_at, PersonMerge.kept_person_id,
                   PersonMerge.merged_ids_json, PersonMerge.before_json,
                   PersonMerge.undone_at)
            .order_by(PersonMerge.merged_at.desc(), PersonMerge.id.desc())).all()
        kept_ids = sorted({r.kept_person_id for r in records})
        names: dict[int, str] = {}
        for chunk in chunks(kept_ids):
            names.update((p.id, p.display_name) for p in session.scalars(
                select(Person).where(Person.id.in_(chunk))))
    summaries = []
    for record in records:
        before = json.loads(record.before_json)
        shown = {p["id"]: person_name(p) for p in before["rows"]["person"]}
        merged = tuple(json.loads(record.merged_ids_json))
        summaries.append(MergeSummary(
            merge_id=record.id, merged_at=record.merged_at, kept=record.kept_person_id,
            kept_name=names.get(record.kept_person_id, shown.get(record.kept_person_id, "")),
            merged=merged, merged_names=tuple(shown.get(i, "") for i in merged),
            undone=record.undone_at is not None))
    return summaries
