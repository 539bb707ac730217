"""What the finder answers: lanes, groups of persons taken for one, similar persons."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


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
