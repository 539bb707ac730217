"""A fake of the event-day service (the core is built in parallel) and the check-in window."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from defence_dir.errors import DefenceDirError
from defence_dir.eventday import service
from defence_dir.eventday.service import (
    Attendee,
    CheckinOutcome,
    CheckinResult,
    Headcount,
    WalkIn,
)
from defence_dir.lists import service as lists

SERVICE_FUNCTIONS = ("headcount", "find_attendees", "check_in", "check_in_person",
                     "undo_check_in", "add_walk_in", "undo_walk_in", "export_badges",
                     "export_attendee_list")


@dataclass
class FakePerson:
    person_id: int
    name: str
    organisation: str | None
    uid: str
    status: str  # "" not registered


@dataclass
class FakeEventDay:
    """The service's behaviour as agreed, on a dict: enough to drive the widgets."""

    persons: dict[int, FakePerson]
    calls: list[tuple] = field(default_factory=list)
    next_id: int = 10_000

    def _attendee(self, person: FakePerson) -> Attendee:
        return Attendee(person.person_id, person.name, person.organisation, person.status)

    def headcount(self, _db, _event_id) -> Headcount:
        statuses = [p.status for p in self.persons.values()]
        return Headcount(statuses.count("attended"),
                         sum(s in ("registered", "attended") for s in statuses))

    def find_attendees(self, _db, _event_id, text, *, limit=50) -> list[Attendee]:
        self.calls.append(("find_attendees", text))
        return [self._attendee(p) for p in self.persons.values()
                if p.status and text.casefold() in p.name.casefold()][:limit]

    def _result(self, outcome, person=None, candidates=(), previous=None) -> CheckinResult:
        return CheckinResult(outcome, self._attendee(person) if person else None,
                             tuple(self._attendee(c) for c in candidates), previous,
                             self.headcount(None, None))

    def check_in(self, db, event_id, text) -> CheckinResult:
        self.calls.append(("check_in", text))
        found = re.search(r"^UID:(.*)$", text, re.MULTILINE)
        code = (found.group(1) if found else text).strip()
        by_uid = [p for p in self.persons.values() if p.uid == code]
        matches = by_uid or [p for p in self.persons.values()
                             if p.status and code.casefold() in p.name.casefold()]
        if not matches:
            return self._result(CheckinOutcome.NOT_FOUND)
        if len(matches) > 1:
            return self._result(CheckinOutcome.AMBIGUOUS, candidates=matches)
        return self.check_in_person(db, event_id, matches[0].person_id, calls=False)

    def check_in_person(self, _db, _event_id, person_id, *, force=False,
                        calls=True) -> CheckinResult:
        if calls:
            self.calls.append(("check_in_person", person_id, force))
        person = self.persons[person_id]
        if person.status == "attended":
            return self._result(CheckinOutcome.ALREADY_IN, person)
        if person.status in ("cancelled", "no_show") and not force:
            return self._result(CheckinOutcome.CANCELLED, person)
        if not person.status and not force:
            return self._result(CheckinOutcome.NOT_REGISTERED, person)
        previous, person.status = person.status or None, "attended"
        return self._result(CheckinOutcome.CHECKED_IN, person, previous=previous)

    def undo_check_in(self, _db, _event_id, person_id, previous_status) -> Headcount:
        self.calls.append(("undo_check_in", person_id, previous_status))
        self.persons[person_id].status = previous_status or ""
        return self.headcount(None, None)

    def add_walk_in(self, _db, _event_id, draft, *, list_id=None, consent_note=None) -> WalkIn:
        self.calls.append(("add_walk_in", draft, list_id, consent_note))
        self.next_id += 1
        name = " ".join(x for x in (draft.title, draft.given_name, draft.family_name) if x)
        self.persons[self.next_id] = FakePerson(self.next_id, name, None, f"new-{self.next_id}",
                                                "attended")
        return WalkIn(self.next_id, True, list_id, self.headcount(None, None))

    def undo_walk_in(self, _db, _event_id, walk_in) -> Headcount:
        self.calls.append(("undo_walk_in", walk_in.person_id))
        del self.persons[walk_in.person_id]
        return self.headcount(None, None)

    def _export(self, name, path: Path, progress, **options) -> int:
        self.calls.append((name, path, options))
        listed = [p for p in self.persons.values() if p.status in ("registered", "attended")]
        if not listed:
            raise DefenceDirError("Nobody is registered for this event: nothing to print.")
        for done in range(len(listed)):
            if progress is not None:
                progress(done, len(listed))
        path.write_bytes(b"%PDF-1.4 fake\n")
        return len(listed)

    def export_badges(self, _db, _event_id, path, *, layout=None, crop_marks=False,
                      progress=None) -> int:
        return self._export("export_badges", path, progress, layout=layout,
                            crop_marks=crop_marks)

    def export_attendee_list(self, _db, _event_id, path, *, sign_in=False,
                             progress=None) -> int:
        return self._export("export_attendee_list", path, progress, sign_in=sign_in)


@pytest.fixture
def fake(monkeypatch, ids) -> FakeEventDay:
    """Four attendees of the seeded event (seeded persons' ids): two Müllers, one cancelled,
    and one person of the directory not registered."""
    _, _, persons = ids
    stein, cremer, grosch, recher = (persons[n] for n in ("Stein", "Cremer", "Grosch",
                                                          "Recher"))
    fake = FakeEventDay({
        stein: FakePerson(stein, "Hans H. Stein", "Rheinmetall AG", "uid-stein", "registered"),
        cremer: FakePerson(cremer, "Dr.-Ing. Harald Cremer", "Fraunhofer FHR", "uid-cremer",
                           "registered"),
        grosch: FakePerson(grosch, "Anna Grosch", None, "uid-grosch", "cancelled"),
        recher: FakePerson(recher, "Jörg Recher", "Hensoldt", "uid-recher", ""),
    })
    for name in SERVICE_FUNCTIONS:
        monkeypatch.setattr(service, name, getattr(fake, name))
    monkeypatch.setattr(lists, "member_count", lambda _db, _kind, _event_id: sum(
        bool(p.status) for p in fake.persons.values()))
    return fake
