"""Importing vCards: a preview of what each card would do, then one transaction that does it.

Matching: the card's UID against persons' UIDs, then any of its email addresses, unless the
names clearly disagree (a shared mailbox: the card is someone else, and says so); an address
several persons hold, or a role's (info@), only by the same names (`shared_address`). A
malformed or invalid card is reported and skipped; the other cards still come in. Everything an
import creates or changes is recorded (ImportBatch/ImportChange) so it can be taken back in one
step.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field, fields
from operator import attrgetter
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from defence_dir.data.models import (
    EmailAddress,
    ImportBatch,
    Organisation,
    Person,
    PhoneNumber,
    Topic,
    display_name_of,
)
from defence_dir.errors import ValidationError
from defence_dir.gc_pause import gc_paused
from defence_dir.i18n import _, language_fixed
from defence_dir.imports.batches import OrganisationResolver, seal_batch
from defence_dir.imports.writing import (
    ImportCancelled,
    NewPerson,
    PersonUpdate,
    create_persons,
    existing_drafts,
    update_persons,
)
from defence_dir.records.persons import PersonDraft, merge_drafts
from defence_dir.records.shared_address import AddressHolders, DirectoryAddresses
from defence_dir.search.indexer import bulk_writes, refresh_pending
from defence_dir.text.folding import words
from defence_dir.vcard import parallel_reading
from defence_dir.vcard.card_reading import ReadCard, read_card
from defence_dir.vcard.reader import iter_cards as read_cards

# The raw file is held as bytes while read; photos in it are skipped, so an iPhone export
# may be large. What is kept of the cards (their text) has a limit of its own.
MAX_FILE_BYTES = 500 * 1024 * 1024
MAX_TEXT_CHARS = 50 * 1024 * 1024


class MatchMode(enum.StrEnum):
    FILL = "fill"  # fill empty fields of the existing person (the default: nothing is lost)
    OVERWRITE = "overwrite"
    SKIP = "skip"


class Action(enum.StrEnum):
    NEW = "new"
    UPDATE = "update"
    UNCHANGED = "unchanged"
    SKIPPED = "skipped"
    DUPLICATE = "duplicate"
    INVALID = "invalid"


@dataclass
class CardPlan:
    number: int
    name: str
    action: Action
    reason: str = ""
    uid: str | None = None
    person_id: int | None = None
    draft: PersonDraft | None = None
    organisation: str | None = None
    changes: list[tuple[str, str, str]] = field(default_factory=list)  # field, old, new
    warnings: list[str] = field(default_factory=list)  # the card comes in, with these remarks
    # A matched card's own values (`draft` is them merged with the person's): the write
    # merges these with the person as stored then.
    incoming: PersonDraft | None = None

    def as_json(self) -> dict[str, Any]:
        return {"card": self.number, "name": self.name, "action": self.action.value,
                "reason": self.reason or None, "person_id": self.person_id,
                "warnings": self.warnings,
                "changes": [{"field": f, "old": o, "new": n} for f, o, n in self.changes]}


@dataclass
class ImportPlan:
    file_name: str
    cards: list[CardPlan]
    mode: MatchMode = MatchMode.FILL

    def counts(self) -> dict[str, int]:
        result = {action.value: 0 for action in Action}
        for plan in self.cards:
            result[plan.action.value] += 1
        return result


# --- planning ------------------------------------------------------------------------------------

_DRAFT_FIELDS = tuple(item.name for item in fields(PersonDraft))
_draft_values = attrgetter(*_DRAFT_FIELDS)


def _changes(before: PersonDraft, after: PersonDraft) -> list[tuple[str, str, str]]:
    old_values, new_values = _draft_values(before), _draft_values(after)
    if old_values == new_values:  # most cards of a re-imported export change nothing
        return []
    return [(name, _show(old), _show(new))
            for name, old, new in zip(_DRAFT_FIELDS, old_values, new_values, strict=True)
            if old != new]


def _show(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(getattr(v, "address", None) or getattr(v, "raw", None) or str(v)
                         for v in value)
    return "" if value is None else str(value)


class KnownCards:
    """The directory's UIDs, email addresses and names in memory, loaded once per preview,
    so each card is matched without a query (the spreadsheet's KnownDirectory does the
    same for rows)."""

    def __init__(self, session: Session) -> None:
        self.by_uid: dict[str, int] = {}
        self.names: dict[int, tuple[str | None, str | None]] = {}
        # Many persons share a given name: each is held once, not once per person.
        texts: dict[str, str] = {}
        for pid, uid, given, family in session.execute(
                select(Person.id, Person.uid, Person.given_name, Person.family_name)):
            self.by_uid[uid] = pid
            self.names[pid] = (None if given is None else texts.setdefault(given, given),
                               family)
        # Numbers as stored, with their normal form: a card repeating one is not parsed again.
        self.phones: dict[str, str] = {raw: e164 for raw, e164 in session.execute(
            select(PhoneNumber.raw, PhoneNumber.e164).where(PhoneNumber.e164.is_not(None)))
            if e164 is not None}
        # Holders in id order, so both backends pick the same first one.
        self.addresses = DirectoryAddresses(self.names.__getitem__)
        for pid, address in session.execute(select(EmailAddress.person_id,
                                                   EmailAddress.address)
                                            .order_by(EmailAddress.person_id)):
            self.addresses.add(address.casefold(), pid)

    def match(self, uid: str | None, emails: list[str], given: str | None,
              family: str | None) -> tuple[int | None, list[tuple[str, int]]]:
        """(the person this card is, or None; [(address, person)] whose address the card
        shares although the names say it is someone else). A UID match always wins; an
        email match only when the names do not clearly disagree."""
        if uid and uid in self.by_uid:
            return self.by_uid[uid], []
        shared: list[tuple[str, int]] = []
        for email in emails:
            # Of an address several persons hold (or a role's, info@), only the one with the
            # same names (the first of namesakes, the others named in a warning): when they
            # fit several, none is picked (the card is new, and warned).
            same, first, others = self.addresses.holder(email, given, family)
            if same is not None:
                return same, [(email, other) for other in others]
            if first is not None:
                shared.append((email, first))
        return None, shared


@dataclass(slots=True)
class _Seen:
    number: int
    name: str
    given: str | None
    family: str | None


class _Planner:
    """Each card matched against the file's earlier cards and the directory, in file order."""

    def __init__(self, directory: KnownCards, mode: MatchMode) -> None:
        self.directory, self.mode = directory, mode
        self.seen_uids: set[str] = set()
        self.seen_emails: dict[str, AddressHolders[_Seen]] = {}
        self.claimed: set[int] = set()  # persons an earlier card of the file matched
        self.shared_with_persons: list[tuple[CardPlan, str, int]] = []

    def plan(self, card: ReadCard) -> CardPlan:
        name = card.name or f"#{card.number}"
        if card.error is not None or card.draft is None:
            return CardPlan(card.number, name, Action.INVALID, card.error or "",
                            warnings=card.warnings)
        draft, uid = card.draft, card.uid
        plan = CardPlan(card.number, name, Action.NEW, uid=uid, draft=draft,
                        organisation=card.organisation, warnings=card.warnings)
        given, family = draft.given_name, draft.family_name
        emails = list(dict.fromkeys(e.address.casefold() for e in draft.emails))
        holders_of = [(email, self.seen_emails[email]) for email in emails
                      if email in self.seen_emails]
        if (uid and uid in self.seen_uids) or any(
                holders.same_person(given, family) is not None
                for _email, holders in holders_of):
            plan.action, plan.draft = Action.DUPLICATE, None
            plan.reason = _("the same person as an earlier card of this file")
            return plan
        # The same address on an earlier card of someone else: a shared mailbox (named by
        # its first card: a file of 3,000 colleagues at info@ gets 3,000 remarks, not 4.5 M).
        plan.warnings += [_("shares the address {address} with card {number} ({name})",
                            address=email, number=holders.first.number,
                            name=holders.first.name)
                          for email, holders in holders_of]
        if uid:
            self.seen_uids.add(uid)
        me = _Seen(card.number, name, given, family)
        for email in emails:
            holders = self.seen_emails.get(email)
            if holders is None:
                holders = self.seen_emails[email] = AddressHolders(me, email)
            holders.add(me, given, family)
        person_id, shared = self.directory.match(uid, emails, given, family)
        self.shared_with_persons += [(plan, email, pid) for email, pid in shared]
        if person_id is None:
            return plan
        if person_id in self.claimed:
            plan.action, plan.draft = Action.DUPLICATE, None
            plan.reason = _("the same person as an earlier card of this file")
            return plan
        self.claimed.add(person_id)
        plan.person_id = person_id
        if self.mode is MatchMode.SKIP:
            plan.action, plan.reason = Action.SKIPPED, _("already in the directory")
        return plan


def plan_import(session: Session, data: bytes, file_name: str,
                mode: MatchMode = MatchMode.FILL,
                directory: KnownCards | None = None,
                progress: Callable[[int, int], bool] | None = None) -> ImportPlan:
    """What importing `data` would do, card by card; writes nothing. `directory` may be
    loaded ahead (and kept while the user tries another mode). `progress(cards read, cards
    in the file)` is asked every 1,000 cards; False cancels (ImportCancelled)."""
    if len(data) > MAX_FILE_BYTES:
        raise ValidationError(_("The file is larger than 500 MB; that is not an address book "
                                "export."))
    with language_fixed(), gc_paused():
        return _plan_import(session, data, file_name, mode, directory, progress)


def _plan_import(session: Session, data: bytes, file_name: str, mode: MatchMode,
                 directory: KnownCards | None,
                 progress: Callable[[int, int], bool] | None = None) -> ImportPlan:
    topics = {" ".join(words(name)): topic_id
              for topic_id, name in session.execute(select(Topic.id, Topic.name))}
    plans: list[CardPlan] = []
    # Cards are counted by their BEGIN lines (a fast scan in C), as the reader streams them.
    expected = data.count(b"BEGIN:VCARD") + data.count(b"begin:vcard") if progress else 0
    with _reading(data, topics) as read:
        planner = _Planner(directory or KnownCards(session), mode)
        # Found persons are compared as they come, while the workers read on.
        comparison = _Comparison(session, mode)
        for card in _within_limit(read(planner.directory.phones)):
            if progress is not None and card.number % 1000 == 0 \
                    and not progress(card.number, max(expected, card.number)):
                raise ImportCancelled(_("Import cancelled; nothing was written."))
            plan = planner.plan(card)
            plans.append(plan)
            if plan.person_id and plan.action is Action.NEW:
                comparison.add(plan)
    if not plans:
        raise ValidationError(_("“{name}” contains no vCard (BEGIN:VCARD … END:VCARD).",
                                name=file_name))
    comparison.finish()
    _name_shared_addresses(session, planner.shared_with_persons)
    return ImportPlan(file_name, plans, mode)


@contextmanager
def _reading(data: bytes, topics: dict[str, int]) -> Iterator[parallel_reading.Reading]:
    """How the file's cards are read and checked, in file order: a large file's by worker
    processes, started now so that they get ready while the directory is loaded."""
    workers = parallel_reading.worker_count(len(data))
    if workers:
        with parallel_reading.reading_in_workers(data, topics, workers) as read:
            yield read
        return

    def read_here(known_phones: Mapping[str, str]) -> Iterator[ReadCard]:
        for card in read_cards(data):  # streamed: each card is let go once it is planned
            yield read_card(card, topics, known_phones)

    yield read_here


def _within_limit(cards: Iterable[ReadCard]) -> Iterator[ReadCard]:
    """The cards, refused once the text kept of them passes MAX_TEXT_CHARS (counted as they
    come, so an oversized file is refused before it is all held)."""
    kept = 0
    for card in cards:
        kept += card.size
        if kept > MAX_TEXT_CHARS:
            raise ValidationError(_("The cards hold more than {size} MB of text (photos not "
                                    "counted); please import the address book in parts.",
                                    size=MAX_TEXT_CHARS // (1024 * 1024)))
        yield card


class _Comparison:
    """Turns the cards that found their person into updates (or unchanged), with what
    changes; the persons are read a few thousand at a time, not one by one."""

    CHUNK = 2000

    def __init__(self, session: Session, mode: MatchMode) -> None:
        self.session, self.overwrite = session, mode is MatchMode.OVERWRITE
        self.organisations = {name.casefold(): org_id for org_id, name in session.execute(
            select(Organisation.id, Organisation.name))}
        self.waiting: list[CardPlan] = []

    def add(self, plan: CardPlan) -> None:
        self.waiting.append(plan)
        if len(self.waiting) >= self.CHUNK:
            self.finish()

    def finish(self) -> None:
        chunk, self.waiting = self.waiting, []
        if not chunk:
            return
        existing_of = existing_drafts(self.session, sorted({p.person_id for p in chunk
                                                            if p.person_id}))
        overwrite = self.overwrite
        for plan in chunk:
            assert plan.draft is not None and plan.person_id is not None
            existing = existing_of[plan.person_id][1]
            organisation = plan.organisation
            org_id = self.organisations.get(organisation.casefold()) if organisation else None
            merged = merge_drafts(existing, plan.draft, overwrite=overwrite)
            if org_id and (overwrite or not existing.organisation_id):
                merged.organisation_id = org_id
            plan.incoming, plan.draft = plan.draft, merged
            plan.changes = _changes(existing, merged)
            if organisation and org_id is None and (overwrite or not existing.organisation_id):
                plan.changes.append(("organisation", "", organisation))
            plan.action = Action.UPDATE if plan.changes else Action.UNCHANGED


def _name_shared_addresses(session: Session, shared: list[tuple[CardPlan, str, int]]) -> None:
    """Warn on each card that shares an address with a different person in the directory."""
    names: dict[int, str] = {}
    ids = sorted({pid for _plan, _email, pid in shared})
    for start in range(0, len(ids), 900):
        names.update((pid, display_name_of(*parts)) for pid, *parts in session.execute(
            select(Person.id, Person.title, Person.given_name, Person.middle_name,
                   Person.family_name, Person.name_suffix)
            .where(Person.id.in_(ids[start:start + 900]))))
    for plan, email, pid in shared:
        plan.warnings.append(_("shares the address {address} with {name}, who is in the "
                               "directory already", address=email, name=names.get(pid, "")))


# --- applying ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ImportResult:
    batch_id: int
    counts: dict[str, int]


def apply_import(session: Session, plan: ImportPlan,
                 progress: Callable[[int, int], bool] | None = None) -> ImportResult:
    """Do what the plan says, in the caller's transaction, recorded for undo. Written in
    bulk like a spreadsheet import; `progress(done, total)` returning False cancels
    (ImportCancelled: the caller's rollback leaves the database as before)."""
    with gc_paused():
        return _apply_import(session, plan, progress)


def _apply_import(session: Session, plan: ImportPlan,
                  progress: Callable[[int, int], bool] | None) -> ImportResult:
    counts = plan.counts()
    batch = ImportBatch(file_name=Path(plan.file_name).name or plan.file_name, source_kind="vcard",
                        row_count=len(plan.cards), created_count=counts["new"],
                        updated_count=counts["update"], unchanged_count=counts["unchanged"],
                        duplicate_count=counts["duplicate"], invalid_count=counts["invalid"],
                        skipped_count=counts["skipped"])
    session.add(batch)
    session.flush()
    organisation_id = OrganisationResolver(session, batch)
    new = [NewPerson(c.number, c.draft, c.organisation, c.uid) for c in plan.cards
           if c.action is Action.NEW and c.draft is not None]
    overwrite = plan.mode is MatchMode.OVERWRITE
    updates = [PersonUpdate(c.person_id, c.incoming or c.draft, c.organisation, overwrite)
               for c in plan.cards if c.action is Action.UPDATE and c.draft is not None
               and c.person_id is not None]
    total = len(plan.cards)
    with bulk_writes(session, len(new) + len(updates)):
        created = create_persons(session, batch, new, organisation_id, progress, total)
        if progress is not None and not progress(total, total * 2):
            raise ImportCancelled(_("Import cancelled; nothing was written."))
        changed = update_persons(session, batch, updates, organisation_id)
        organisation_id.index_created()
        refresh_pending(session)  # while the FTS triggers may be quiet
    batch.created_count, batch.updated_count = len(created), len(changed)
    seal_batch(session, batch, sealed=("person",))  # written with their after-state
    if progress is not None:
        progress(total * 2, total * 2)
    return ImportResult(batch.id, counts)
