"""Merging persons: the comparison shown before, the merge, its record and its exact undo.

INTERFACE (issue 17): signatures and types are agreed between the finder, the merge and the
GUI; the bodies are being built. Each function takes the Database and owns its transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from defence_dir.data.database import Database

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
    """The persons side by side, `ids[0]` as the keeper. Refuses unknown ids and repeats."""
    raise NotImplementedError


def merge_persons(db: Database, keep_id: int, other_ids: Sequence[int], *,
                  picks: Mapping[str, int] | None = None,
                  expected_versions: Mapping[int, int] | None = None) -> MergeResult:
    """Merge `other_ids` into `keep_id` in one transaction. `picks`: field -> person id whose
    value wins (default fill-empty: the keeper's value, else the first other's). Refuses
    (DefenceDirError, nothing changed) itself, unknown or erased ids, and persons whose version
    moved since `expected_versions`."""
    raise NotImplementedError


def merge_groups(db: Database, groups: Sequence[Sequence[int]], *,
                 progress: Progress | None = None) -> list[MergeResult]:
    """Merge each group (first id kept, fill-empty) in one transaction: a whole certain lane
    after one confirmation. A cancel or a refusal leaves everything as it was."""
    raise NotImplementedError


def undo_merge(db: Database, merge_id: int) -> None:
    """Take a merge back exactly: both persons as they were, ids, UIDs, memberships, consent
    history. Refuses (nothing changed) an unknown or undone merge, or when later edits of the
    kept person would be lost."""
    raise NotImplementedError


def list_merges(db: Database) -> list[MergeSummary]:
    """Past merges, newest first."""
    raise NotImplementedError
