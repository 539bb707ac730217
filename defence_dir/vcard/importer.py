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
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from defence_dir.contact_values import phone_e164
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
from defence_dir.import_records import OrganisationResolver, seal_batch
from defence_dir.import_writing import (
    ImportCancelled,
    NewPerson,
    PersonUpdate,
    create_persons,
    existing_drafts,
    update_persons,
)
from defence_dir.persons import EmailDraft, PersonDraft, PhoneDraft, merge_drafts
from defence_dir.search.folding import words
from defence_dir.search.indexer import bulk_writes, refresh_pending
from defence_dir.shared_address import AddressHolders, DirectoryAddresses
from defence_dir.vcard.reader import Property, RawCard, card_size
from defence_dir.vcard.reader import iter_cards as read_cards  # planned as they are read
from defence_dir.vcard.text import split_unescaped, unescape

SALUTATIONS = {"herr", "frau", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "hr.", "fr.", "divers"}
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


# --- reading a card into a draft ---------------------------------------------------------------

def _unescape(value: str) -> str:
    return unescape(value) if "\\" in value else value  # most values have no escapes


def _split(value: str, separator: str) -> list[str]:
    return split_unescaped(value, separator) if "\\" in value else value.split(separator)


def _text(card: RawCard, name: str) -> str | None:
    return _value(card.first(name))


def _value(prop: Property | None) -> str | None:
    value = _unescape(prop.value).strip() if prop else ""
    return value or None


def _split_prefixes(prefixes: list[str]) -> tuple[str | None, str | None]:
    salutation = [p for p in prefixes if p.casefold() in SALUTATIONS]
    titles = [p for p in prefixes if p.casefold() not in SALUTATIONS]
    return (" ".join(salutation) or None, " ".join(titles) or None)


@dataclass
class CardValues:
    """Every field of a card as plain text, before any checking."""

    full_name: str | None = None
    salutation: str | None = None
    title: str | None = None
    given_name: str | None = None
    middle_name: str | None = None
    family_name: str | None = None
    name_suffix: str | None = None
    organisation: str | None = None
    department: str | None = None
    function: str | None = None
    notes: str | None = None
    uid: str | None = None
    emails: list[tuple[str, str]] = field(default_factory=list)  # (address, kind)
    phones: list[tuple[str, str]] = field(default_factory=list)  # (number, kind)
    categories: list[str] = field(default_factory=list)


def card_values(card: RawCard) -> CardValues:
    # The card's properties by name in one pass (asking the card per name scanned it ten times).
    by_name: dict[str, list[Property]] = {}
    for prop in card.properties:
        by_name.setdefault(prop.name, []).append(prop)

    def first(name: str) -> Property | None:
        found = by_name.get(name)
        return found[0] if found else None

    values = CardValues(full_name=_value(first("FN")), function=_value(first("TITLE")),
                        notes=_value(first("NOTE")))
    n = first("N")
    if n is not None:
        parts = [_unescape(p).strip() for p in _split(n.value, ";")] + [""] * 5
        values.family_name = parts[0] or None
        values.given_name = parts[1] or None
        values.middle_name = parts[2] or None
        values.name_suffix = parts[4] or None
        raw_prefixes = _split(n.value, ";")
        prefixes = [_unescape(p).strip() for p in _split(
            raw_prefixes[3] if len(raw_prefixes) > 3 else "", ",") if p.strip()]
        values.salutation, values.title = _split_prefixes(prefixes)
    org = first("ORG")
    if org is not None:
        org_parts = [_unescape(p).strip() for p in _split(org.value, ";")]
        values.organisation = org_parts[0] or None
        values.department = org_parts[1] if len(org_parts) > 1 and org_parts[1] else None
    for prop in by_name.get("EMAIL", ()):
        address = _unescape(prop.value).strip()
        if address:
            values.emails.append((address, "home" if "HOME" in prop.types() else "work"))
    for prop in by_name.get("TEL", ()):
        number = _unescape(prop.value).strip()
        if number.lower().startswith("tel:"):
            number = number[4:]
        if number:
            types = prop.types()
            values.phones.append((number, "fax" if "FAX" in types else "cell" if "CELL" in types
                                  else "home" if "HOME" in types else "work"))
    for prop in by_name.get("CATEGORIES", ()):
        values.categories += [_unescape(c).strip() for c in _split(prop.value, ",")
                              if c.strip()]
    uid = _value(first("UID"))
    values.uid = uid[9:] if uid and uid.lower().startswith("urn:uuid:") else uid
    return values


def card_draft(card: RawCard, topics: dict[str, int],
               known_phones: Mapping[str, str] | None = None,
               ) -> tuple[PersonDraft, str | None, str | None]:
    """(draft, organisation name, UID) of a card; raises ValidationError if unusable.
    `known_phones` ({number as stored: its normal form}) spares parsing numbers the
    directory holds already (a re-imported export: parsing was half of planning)."""
    known_phones = known_phones or {}
    values = card_values(card)
    draft = PersonDraft(
        salutation=values.salutation, title=values.title, given_name=values.given_name,
        middle_name=values.middle_name, family_name=values.family_name,
        name_suffix=values.name_suffix, function=values.function,
        department=values.department, notes=values.notes,
        emails=[EmailDraft(address, kind) for address, kind in values.emails],
        # Each number parsed once here; its normal form travels on the draft.
        phones=[PhoneDraft(number, kind, known_phones.get(number) or phone_e164(number))
                for number, kind in values.phones])
    if not (draft.given_name or draft.family_name) and values.full_name:
        pieces = values.full_name.rsplit(" ", 1)
        draft.given_name, draft.family_name = (pieces[0], pieces[1]) if len(pieces) == 2 \
            else (None, pieces[0])
    for category in values.categories:
        topic_id = topics.get(" ".join(words(category)))
        if topic_id is not None and topic_id not in draft.topic_ids:
            draft.topic_ids.append(topic_id)
    # Numbers a phone cannot parse are kept in the notes rather than lost.
    unparsable = [p.raw for p in draft.phones if p.e164 is None]
    if unparsable:
        draft.phones = [p for p in draft.phones if p.e164 is not None]
        note = _("Phone numbers from the vCard that could not be read: {numbers}",
                 numbers=", ".join(unparsable))
        draft.notes = f"{draft.notes}\n{note}" if draft.notes else note
    return draft.validated(), values.organisation, values.uid  # raises the first problem


# --- planning ------------------------------------------------------------------------------------

def _changes(before: PersonDraft, after: PersonDraft) -> list[tuple[str, str, str]]:
    found = []
    for item in fields(PersonDraft):
        old, new = getattr(before, item.name), getattr(after, item.name)
        if old != new:
            found.append((item.name, _show(old), _show(new)))
    return found


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
            select(PhoneNumber.raw, PhoneNumber.e164).where(PhoneNumber.e164.is_not(None)))}
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


def _card_name(card: RawCard) -> str:
    """What the preview calls a card: its FN, else the names of its N (many phones and
    Outlook write no FN), else its first address, else its number in the file."""
    full_name = _text(card, "FN")
    if full_name:
        return full_name
    values = card_values(card)
    named = " ".join(x for x in (values.title, values.given_name, values.family_name) if x)
    return named or (values.emails[0][0] if values.emails else f"#{card.number}")


@dataclass(slots=True)
class _Seen:
    number: int
    name: str
    given: str | None
    family: str | None


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
    directory = directory or KnownCards(session)
    seen_uids: set[str] = set()
    seen_emails: dict[str, AddressHolders[_Seen]] = {}
    claimed: set[int] = set()  # persons an earlier card of the file matched
    shared_with_persons: list[tuple[CardPlan, str, int]] = []
    plans: list[CardPlan] = []
    # Cards are counted by their BEGIN lines (a fast scan in C), as the reader streams them.
    expected = data.count(b"BEGIN:VCARD") + data.count(b"begin:vcard") if progress else 0
    for card in _within_limit(_one_by_one(read_cards(data))):
        if progress is not None and card.number % 1000 == 0 \
                and not progress(card.number, max(expected, card.number)):
            raise ImportCancelled(_("Import cancelled; nothing was written."))
        name = _card_name(card)
        if card.error:
            plans.append(CardPlan(card.number, name, Action.INVALID, card.error,
                                  warnings=list(card.warnings)))
            continue
        try:
            draft, organisation, uid = card_draft(card, topics, directory.phones)
        except ValidationError as exc:
            plans.append(CardPlan(card.number, name, Action.INVALID, str(exc),
                                  warnings=list(card.warnings)))
            continue
        plan = CardPlan(card.number, name, Action.NEW, uid=uid, draft=draft,
                        organisation=organisation, warnings=list(card.warnings))
        plans.append(plan)
        given, family = draft.given_name, draft.family_name
        emails = list(dict.fromkeys(e.address.casefold() for e in draft.emails))
        holders_of = [(email, seen_emails[email]) for email in emails if email in seen_emails]
        if (uid and uid in seen_uids) or any(
                holders.same_person(given, family) is not None
                for _email, holders in holders_of):
            plan.action, plan.draft = Action.DUPLICATE, None
            plan.reason = _("the same person as an earlier card of this file")
            continue
        # The same address on an earlier card of someone else: a shared mailbox (named by
        # its first card: a file of 3,000 colleagues at info@ gets 3,000 remarks, not 4.5 M).
        plan.warnings += [_("shares the address {address} with card {number} ({name})",
                            address=email, number=holders.first.number,
                            name=holders.first.name)
                          for email, holders in holders_of]
        if uid:
            seen_uids.add(uid)
        me = _Seen(card.number, name, given, family)
        for email in emails:
            holders = seen_emails.get(email)
            if holders is None:
                holders = seen_emails[email] = AddressHolders(me, email)
            holders.add(me, given, family)
        person_id, shared = directory.match(uid, emails, given, family)
        shared_with_persons += [(plan, email, pid) for email, pid in shared]
        if person_id is None:
            continue
        if person_id in claimed:
            plan.action, plan.draft = Action.DUPLICATE, None
            plan.reason = _("the same person as an earlier card of this file")
            continue
        claimed.add(person_id)
        plan.person_id = person_id
        if mode is MatchMode.SKIP:
            plan.action, plan.reason = Action.SKIPPED, _("already in the directory")
    if not plans:
        raise ValidationError(_("“{name}” contains no vCard (BEGIN:VCARD … END:VCARD).",
                                name=file_name))
    _compare_with_directory(session, [p for p in plans if p.person_id and p.action is
                                      Action.NEW], mode)
    _name_shared_addresses(session, shared_with_persons)
    return ImportPlan(file_name, plans, mode)


def _one_by_one(cards: Iterable[RawCard]) -> Iterator[RawCard]:
    """Each card, not held by the list once it is planned (a 100,000-card file's properties
    would otherwise stay until the end); a reader that streams is passed through."""
    if isinstance(cards, list):
        for index, card in enumerate(cards):
            cards[index] = None
            yield card
    else:
        yield from cards


def _within_limit(cards: Iterable[RawCard]) -> Iterator[RawCard]:
    """The cards, refused once the text kept of them passes MAX_TEXT_CHARS (counted as they
    come, so an oversized file is refused before it is all held)."""
    kept = 0
    for card in cards:
        kept += card_size(card)
        if kept > MAX_TEXT_CHARS:
            raise ValidationError(_("The cards hold more than {size} MB of text (photos not "
                                    "counted); please import the address book in parts.",
                                    size=MAX_TEXT_CHARS // (1024 * 1024)))
        yield card


def _compare_with_directory(session: Session, matched: list[CardPlan], mode: MatchMode) -> None:
    """Turn the cards that found their person into updates (or unchanged), with what changes;
    the persons are read a few thousand at a time, not one by one."""
    organisations = {name.casefold(): org_id for org_id, name in session.execute(
        select(Organisation.id, Organisation.name))}
    overwrite = mode is MatchMode.OVERWRITE
    for start in range(0, len(matched), 2000):
        chunk = matched[start:start + 2000]
        existing_of = existing_drafts(session, sorted({p.person_id for p in chunk
                                                       if p.person_id}))
        for plan in chunk:
            assert plan.draft is not None and plan.person_id is not None
            existing = existing_of[plan.person_id][1]
            organisation = plan.organisation
            org_id = organisations.get(organisation.casefold()) if organisation else None
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
