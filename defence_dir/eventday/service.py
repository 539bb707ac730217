"""Event day for the window and the command line: badges, attendee lists, check-in.

INTERFACE (issue 18): signatures and types are agreed between the core and the GUI; the
bodies are being built. Each function takes the Database and owns its transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from defence_dir.data.database import Database
from defence_dir.records.persons import PersonDraft

# (done, total); may raise (the GUI's job does, to cancel).
Progress = Callable[[int, int], object]


class BadgeLayout(StrEnum):
    A4_8 = "a4-8"  # A4, 8 badge inserts of 90 x 55 mm
    LABELS_2X4 = "labels-2x4"  # A4 label sheet, 2 x 4
    A6 = "a6"  # one badge per A6 page


class CheckinOutcome(StrEnum):
    CHECKED_IN = "checked_in"  # marked attended now
    ALREADY_IN = "already_in"  # was attended already: nothing changed
    CANCELLED = "cancelled"  # registration cancelled (or no-show): reported, not changed
    NOT_REGISTERED = "not_registered"  # in the directory, not registered for this event
    AMBIGUOUS = "ambiguous"  # a name matching several attendees: see candidates
    NOT_FOUND = "not_found"  # no attendee and no person with that code or name


@dataclass(frozen=True, slots=True)
class Attendee:
    person_id: int
    name: str  # with academic title
    organisation: str | None
    status: str  # AttendanceStatus value; "" for a person not registered


@dataclass(frozen=True, slots=True)
class Headcount:
    present: int  # attended
    expected: int  # registered or attended ("42 von 118 da")


@dataclass(frozen=True, slots=True)
class CheckinResult:
    outcome: CheckinOutcome
    attendee: Attendee | None  # the person concerned, if one
    candidates: tuple[Attendee, ...]  # AMBIGUOUS: the attendees the name matches
    previous_status: str | None  # CHECKED_IN: the status before (for undo); None if new
    headcount: Headcount


@dataclass(frozen=True, slots=True)
class WalkIn:
    person_id: int
    created: bool  # a new person (undo deletes it) or an existing one registered
    list_id: int | None  # the list the walk-in consented to, if any
    headcount: Headcount


def find_event(db: Database, text: str) -> int:
    """An event by id or by name (exact, else the one unambiguous match); NotFoundError else."""
    raise NotImplementedError


def export_badges(db: Database, event_id: int, path: Path, *,
                  layout: BadgeLayout = BadgeLayout.A4_8, crop_marks: bool = False,
                  progress: Progress | None = None) -> int:
    """Write the badges of everyone registered or attended as one PDF; the number of badges.
    Nothing is written (no half file) when there is nobody or the path cannot be written."""
    raise NotImplementedError


def export_attendee_list(db: Database, event_id: int, path: Path, *, sign_in: bool = False,
                         progress: Progress | None = None) -> int:
    """Write the attendee list (with status) or the sign-in sheet (signature column, walk-in
    lines) as one PDF; the number of persons listed."""
    raise NotImplementedError


def headcount(db: Database, event_id: int) -> Headcount:
    raise NotImplementedError


def find_attendees(db: Database, event_id: int, text: str, *, limit: int = 50
                   ) -> list[Attendee]:
    """Attendees (any status) whose name or organisation matches, as the search matches."""
    raise NotImplementedError


def check_in(db: Database, event_id: int, text: str) -> CheckinResult:
    """What a scanner typed (a badge's vCard text or a UID) or a name: mark that attendee
    attended. Changes nothing unless the outcome is CHECKED_IN."""
    raise NotImplementedError


def check_in_person(db: Database, event_id: int, person_id: int, *, force: bool = False
                    ) -> CheckinResult:
    """Mark this person attended. `force`: also a cancelled registration or a person not
    registered (then registered as attended), as the user confirmed."""
    raise NotImplementedError


def undo_check_in(db: Database, event_id: int, person_id: int,
                  previous_status: str | None) -> Headcount:
    """Put the status back as it was (None: the attendance did not exist)."""
    raise NotImplementedError


def add_walk_in(db: Database, event_id: int, draft: PersonDraft, *,
                list_id: int | None = None, consent_note: str | None = None) -> WalkIn:
    """A person who came without registering: created (or, if `draft` is clearly an existing
    person, that one) and marked attended; with `list_id`, subscribed with consent recorded
    (source: the event)."""
    raise NotImplementedError


def undo_walk_in(db: Database, event_id: int, walk_in: WalkIn) -> Headcount:
    """Take a walk-in back: the attendance, the list subscription, and a person it created."""
    raise NotImplementedError
