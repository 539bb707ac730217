"""The event day's plain results and choices, shared by the service and its modules."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

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
    previous_status: str | None = None  # an existing person's registration before (for undo)
    subscription: str | None = None  # SubscribeOutcome: "suppressed" = unsubscribed before
