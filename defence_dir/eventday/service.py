"""Event day for the window and the command line: badges, attendee lists, check-in.

The signatures and types were agreed between the core and the GUI (issue 18). Each function
takes the Database and owns its transaction; the modules beside it take a session.
"""

from __future__ import annotations

import threading
from pathlib import Path

from sqlalchemy import select

from defence_dir.data.database import Database
from defence_dir.data.models import Event
from defence_dir.errors import DefenceDirError, NotFoundError
from defence_dir.eventday import checkin, walk_ins
from defence_dir.eventday.attendee_pages import write_attendee_pages
from defence_dir.eventday.attendees import attendee_rows, event_info
from defence_dir.eventday.badge_cards import badge_cards
from defence_dir.eventday.badges import write_badges
from defence_dir.eventday.pdf_files import check_target, saving
from defence_dir.eventday.results import (
    Attendee,
    BadgeLayout,
    CheckinOutcome,
    CheckinResult,
    Headcount,
    Progress,
    WalkIn,
)
from defence_dir.eventday.scanned_codes import looks_like_card, uid_candidates, without_titles
from defence_dir.i18n import _
from defence_dir.records.persons import PersonDraft
from defence_dir.search.query import Rank
from defence_dir.search.service import SearchFilters, SearchHit, SearchService
from defence_dir.text.collation import sort_key

__all__ = [
    "Attendee", "BadgeLayout", "CheckinOutcome", "CheckinResult", "Headcount", "Progress",
    "WalkIn", "add_walk_in", "check_in", "check_in_person", "export_attendee_list",
    "export_badges", "find_attendees", "find_event", "headcount", "undo_check_in",
    "undo_walk_in",
]

# The search service of the database last used: it keeps the name words for typo-tolerant
# matching, which a new one per keystroke would read again. One only, so that no closed
# database is kept alive.
_last_search: list[tuple[Database, SearchService]] = []
_search_lock = threading.Lock()


def _search(db: Database) -> SearchService:
    with _search_lock:
        if not _last_search or _last_search[0][0] is not db:
            _last_search[:] = [(db, SearchService(db.read_session))]
        return _last_search[0][1]


def find_event(db: Database, text: str) -> int:
    """An event by id or by name (exact, else the one unambiguous match); NotFoundError else."""
    wanted = text.strip()
    with db.read_session() as session:
        if wanted.isdigit() and session.get(Event, int(wanted)) is not None:
            return int(wanted)
        events = session.execute(select(Event.id, Event.name)).all()
    exact = [i for i, name in events if name == wanted]
    if exact:
        return int(exact[0])
    key = sort_key(wanted)
    folded = [(i, name) for i, name in events if sort_key(name) == key] if key else []
    matching = folded or ([(i, name) for i, name in events if key in sort_key(name)]
                          if key else [])
    if len(matching) == 1:
        return int(matching[0][0])
    if not matching:
        raise NotFoundError(_("There is no event “{name}”.", name=wanted))
    names = "; ".join(sorted((name for _i, name in matching), key=sort_key))
    raise NotFoundError(_("Several events match “{name}”: {events}. Give the whole name or "
                          "the id.", name=wanted, events=names))


def export_badges(db: Database, event_id: int, path: Path, *,
                  layout: BadgeLayout = BadgeLayout.A4_8, crop_marks: bool = False,
                  progress: Progress | None = None) -> int:
    """Write the badges of everyone registered or attended as one PDF; the number of badges.
    Nothing is written (no half file) when there is nobody or the path cannot be written."""
    layout = BadgeLayout(layout)
    with db.read_session() as session:
        event = event_info(session, event_id)
        rows = attendee_rows(session, event_id)
        if not rows:
            raise DefenceDirError(_("Nobody is registered for “{event}”: there are no badges "
                                    "to print.", event=event.name))
        check_target(path)
        cards = badge_cards(session, [r.person_id for r in rows])
    saving(path, lambda temporary: write_badges(temporary, event, rows, cards, layout,
                                                crop_marks, progress))
    return len(rows)


def export_attendee_list(db: Database, event_id: int, path: Path, *, sign_in: bool = False,
                         progress: Progress | None = None) -> int:
    """Write the attendee list (with status) or the sign-in sheet (signature column, walk-in
    lines) as one PDF; the number of persons listed."""
    with db.read_session() as session:
        event = event_info(session, event_id)
        rows = attendee_rows(session, event_id, statuses=None if not sign_in else
                             checkin.EXPECTED)
        if not rows:
            raise DefenceDirError(_("Nobody is registered for “{event}”: there is no list "
                                    "to print.", event=event.name))
    saving(path, lambda temporary: write_attendee_pages(temporary, event, rows, sign_in,
                                                        progress))
    return len(rows)


def headcount(db: Database, event_id: int) -> Headcount:
    with db.read_session() as session:
        checkin.require_event(session, event_id)
        return checkin.headcount(session, event_id)


def find_attendees(db: Database, event_id: int, text: str, *, limit: int = 50
                   ) -> list[Attendee]:
    """Attendees (any status) whose name or organisation matches, as the search matches."""
    hits = _attendee_hits(db, event_id, text, limit)
    with db.read_session() as session:
        return checkin.attendees(session, event_id, [h.id for h in hits])


def _attendee_hits(db: Database, event_id: int, text: str, limit: int,
                   *, registered: bool = True) -> list[SearchHit]:
    if not text.strip():
        return []
    filters = SearchFilters(event_id=event_id if registered else None, kind="person")
    return _search(db).search(without_titles(text), filters, limit=limit, count=False).hits


def check_in(db: Database, event_id: int, text: str) -> CheckinResult:
    """What a scanner typed (a badge's vCard text or a UID) or a name: mark that attendee
    attended. Changes nothing unless the outcome is CHECKED_IN."""
    candidates = uid_candidates(text)
    with db.session() as session:
        checkin.require_event(session, event_id)
        person_id = checkin.person_by_uid(session, candidates)
        if person_id is not None:
            return checkin.mark_attended(session, event_id, person_id, force=False)
        if looks_like_card(text) or not text.strip():
            return checkin.result(session, event_id, CheckinOutcome.NOT_FOUND, None)
    return _check_in_by_name(db, event_id, text)


def _check_in_by_name(db: Database, event_id: int, text: str) -> CheckinResult:
    hits = _attendee_hits(db, event_id, text, 50)
    registered = bool(hits)
    if not hits:  # someone in the directory who is not registered?
        hits = _attendee_hits(db, event_id, text, 50, registered=False)
    exact = [h for h in hits if h.rank == Rank.EXACT_NAME]
    chosen = exact if len(exact) == 1 else hits
    with db.session() as session:
        found = checkin.attendees(session, event_id, [h.id for h in hits])
        if not found:
            return checkin.result(session, event_id, CheckinOutcome.NOT_FOUND, None)
        if len(chosen) > 1:
            outcome = CheckinOutcome.AMBIGUOUS if registered else CheckinOutcome.NOT_REGISTERED
            return checkin.result(session, event_id, outcome, None, found)
        if not registered:
            return checkin.result(session, event_id, CheckinOutcome.NOT_REGISTERED, found[0])
        return checkin.mark_attended(session, event_id, chosen[0].id, force=False)


def check_in_person(db: Database, event_id: int, person_id: int, *, force: bool = False
                    ) -> CheckinResult:
    """Mark this person attended. `force`: also a cancelled registration or a person not
    registered (then registered as attended), as the user confirmed."""
    with db.session() as session:
        checkin.require_event(session, event_id)
        return checkin.mark_attended(session, event_id, person_id, force=force)


def undo_check_in(db: Database, event_id: int, person_id: int,
                  previous_status: str | None) -> Headcount:
    """Put the status back as it was (None: the attendance did not exist)."""
    with db.session() as session:
        checkin.require_event(session, event_id)
        checkin.restore_status(session, event_id, person_id, previous_status)
        return checkin.headcount(session, event_id)


def add_walk_in(db: Database, event_id: int, draft: PersonDraft, *,
                list_id: int | None = None, consent_note: str | None = None) -> WalkIn:
    """A person who came without registering: created (or, if `draft` is clearly an existing
    person, that one) and marked attended; with `list_id`, subscribed with consent recorded
    (source: the event)."""
    with db.session() as session:
        return walk_ins.add_walk_in(session, event_id, draft, list_id, consent_note)


def undo_walk_in(db: Database, event_id: int, walk_in: WalkIn) -> Headcount:
    """Take a walk-in back: the attendance, the list subscription, and a person it created."""
    with db.session() as session:
        checkin.require_event(session, event_id)
        walk_ins.undo_walk_in(session, event_id, walk_in)
        return checkin.headcount(session, event_id)
