"""The duplicate finder's public functions for the GUI and the CLI.

INTERFACE (issue 17): signatures and types are agreed between the finder, the merge and the
GUI; the bodies are being built. Each function takes the Database and owns its transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from enum import StrEnum

from defence_dir.data.database import Database
from defence_dir.records.persons import PersonDraft

# (done, total); may raise (the GUI's job does, to cancel).
Progress = Callable[[int, int], object]


class Lane(StrEnum):
    """How sure the finder is, strongest first."""

    CERTAIN = "certain"  # safe to merge without reading
    LIKELY = "likely"  # strong evidence, needs a glance
    POSSIBLE = "possible"  # worth a look


@dataclass(frozen=True, slots=True)
class DuplicateGroup:
    """Two or more persons the finder takes for one. `ids[0]` is the suggested keeper (the
    most complete record; the older one on a tie), the rest ascending."""

    ids: tuple[int, ...]
    score: int  # 0-100
    lane: Lane
    reasons: tuple[str, ...]  # translated, one line each, strongest first


@dataclass(frozen=True, slots=True)
class SimilarPerson:
    """An existing person a draft (e.g. an import row) may be the same as."""

    person_id: int
    score: int
    lane: Lane
    reasons: tuple[str, ...]


def find_duplicates(db: Database, *, lanes: Collection[Lane] | None = None,
                    progress: Progress | None = None) -> list[DuplicateGroup]:
    """Every group of likely-same persons in the directory, strongest first (lane, then score),
    leaving out pairs marked "not duplicates"."""
    raise NotImplementedError


def duplicates_of(db: Database, person_id: int) -> list[DuplicateGroup]:
    """The groups (certain or likely) that contain this person: the detail pane's hint. Fast
    enough to run on every selection at 100,000 persons (it looks at this person's keys only)."""
    raise NotImplementedError


def similar_persons(db: Database, drafts: Sequence[PersonDraft], *,
                    progress: Progress | None = None) -> dict[int, list[SimilarPerson]]:
    """For each draft (by its index) the existing persons it may be the same as, strongest
    first; drafts with none are left out. Import previews use it for rows they would create."""
    raise NotImplementedError


def mark_not_duplicates(db: Database, first_id: int, second_id: int) -> None:
    """Remember that these two are different people; the finder never proposes them again.
    Refuses (DefenceDirError) the same id twice or an unknown id; marking twice is fine."""
    raise NotImplementedError


def unmark_not_duplicates(db: Database, first_id: int, second_id: int) -> None:
    """Take a "not duplicates" mark back (the GUI's undo)."""
    raise NotImplementedError
