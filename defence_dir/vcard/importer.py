"""Importing vCards: a preview of what each card would do, then one transaction that does it.

Matching: the card's UID against persons' UIDs, then any of its email addresses. A malformed or
invalid card is reported and skipped; the other cards still come in. Everything an import
creates or changes is recorded (ImportBatch/ImportChange) so it can be taken back in one step.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from defence_dir.contact_values import phone_e164
from defence_dir.data.models import (
    EmailAddress,
    ImportBatch,
    Organisation,
    Person,
    Topic,
)
from defence_dir.errors import DefenceDirError, ValidationError
from defence_dir.i18n import _
from defence_dir.import_records import OrganisationResolver, draft_json, record_change, seal_batch
from defence_dir.persons import (
    EmailDraft,
    PersonDraft,
    PhoneDraft,
    create_person,
    draft_of,
    merge_drafts,
    update_person,
)
from defence_dir.search.folding import words
from defence_dir.search.indexer import bulk_writes, refresh_pending
from defence_dir.vcard.reader import RawCard, read_cards
from defence_dir.vcard.text import split_unescaped, unescape

SALUTATIONS = {"herr", "frau", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "hr.", "fr.", "divers"}
MAX_FILE_BYTES = 50 * 1024 * 1024


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

    def as_json(self) -> dict[str, Any]:
        return {"card": self.number, "name": self.name, "action": self.action.value,
                "reason": self.reason or None, "person_id": self.person_id,
                "warnings": self.warnings,
                "changes": [{"field": f, "old": o, "new": n} for f, o, n in self.changes]}


@dataclass
class ImportPlan:
    file_name: str
    cards: list[CardPlan]

    def counts(self) -> dict[str, int]:
        result = {action.value: 0 for action in Action}
        for plan in self.cards:
            result[plan.action.value] += 1
        return result


# --- reading a card into a draft ---------------------------------------------------------------

def _text(card: RawCard, name: str) -> str | None:
    prop = card.first(name)
    value = unescape(prop.value).strip() if prop else ""
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
    values = CardValues(full_name=_text(card, "FN"), function=_text(card, "TITLE"),
                        notes=_text(card, "NOTE"))
    n = card.first("N")
    if n is not None:
        parts = [unescape(p).strip() for p in split_unescaped(n.value, ";")] + [""] * 5
        values.family_name = parts[0] or None
        values.given_name = parts[1] or None
        values.middle_name = parts[2] or None
        values.name_suffix = parts[4] or None
        raw_prefixes = split_unescaped(n.value, ";")
        prefixes = [unescape(p).strip() for p in split_unescaped(
            raw_prefixes[3] if len(raw_prefixes) > 3 else "", ",") if p.strip()]
        values.salutation, values.title = _split_prefixes(prefixes)
    org = card.first("ORG")
    if org is not None:
        org_parts = [unescape(p).strip() for p in split_unescaped(org.value, ";")]
        values.organisation = org_parts[0] or None
        values.department = org_parts[1] if len(org_parts) > 1 and org_parts[1] else None
    for prop in card.all("EMAIL"):
        address = unescape(prop.value).strip()
        if address:
            values.emails.append((address, "home" if "HOME" in prop.types() else "work"))
    for prop in card.all("TEL"):
        number = unescape(prop.value).strip()
        if number.lower().startswith("tel:"):
            number = number[4:]
        if number:
            types = prop.types()
            values.phones.append((number, "fax" if "FAX" in types else "cell" if "CELL" in types
                                  else "home" if "HOME" in types else "work"))
    for prop in card.all("CATEGORIES"):
        values.categories += [unescape(c).strip() for c in split_unescaped(prop.value, ",")
                              if c.strip()]
    uid = _text(card, "UID")
    values.uid = uid[9:] if uid and uid.lower().startswith("urn:uuid:") else uid
    return values


def card_draft(card: RawCard, topics: dict[str, int]) -> tuple[PersonDraft, str | None, str | None]:
    """(draft, organisation name, UID) of a card; raises ValidationError if unusable."""
    values = card_values(card)
    draft = PersonDraft(
        salutation=values.salutation, title=values.title, given_name=values.given_name,
        middle_name=values.middle_name, family_name=values.family_name,
        name_suffix=values.name_suffix, function=values.function,
        department=values.department, notes=values.notes,
        emails=[EmailDraft(address, kind) for address, kind in values.emails],
        phones=[PhoneDraft(number, kind) for number, kind in values.phones])
    if not (draft.given_name or draft.family_name) and values.full_name:
        pieces = values.full_name.rsplit(" ", 1)
        draft.given_name, draft.family_name = (pieces[0], pieces[1]) if len(pieces) == 2 \
            else (None, pieces[0])
    for category in values.categories:
        topic_id = topics.get(" ".join(words(category)))
        if topic_id is not None and topic_id not in draft.topic_ids:
            draft.topic_ids.append(topic_id)
    # Numbers a phone cannot parse are kept in the notes rather than lost.
    unparsable = [p.raw for p in draft.phones if phone_e164(p.raw) is None]
    if unparsable:
        draft.phones = [p for p in draft.phones if phone_e164(p.raw) is not None]
        note = _("Phone numbers from the vCard that could not be read: {numbers}",
                 numbers=", ".join(unparsable))
        draft.notes = f"{draft.notes}\n{note}" if draft.notes else note
    problems = draft.problems()
    if problems:
        raise problems[0]
    return draft.validated(), values.organisation, values.uid


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


def plan_import(session: Session, data: bytes, file_name: str,
                mode: MatchMode = MatchMode.FILL) -> ImportPlan:
    """What importing `data` would do, card by card; writes nothing."""
    if len(data) > MAX_FILE_BYTES:
        raise ValidationError(_("The file is larger than 50 MB; that is not an address book "
                                "export."))
    raw_cards = read_cards(data)
    if not raw_cards:
        raise ValidationError(_("“{name}” contains no vCard (BEGIN:VCARD … END:VCARD).",
                                name=file_name))
    topics = {" ".join(words(name)): topic_id
              for topic_id, name in session.execute(select(Topic.id, Topic.name))}
    organisations = {name.casefold(): org_id for org_id, name in session.execute(
        select(Organisation.id, Organisation.name))}
    seen_uids: set[str] = set()
    seen_emails: set[str] = set()
    plans: list[CardPlan] = []
    for card in raw_cards:
        name = _text(card, "FN") or f"#{card.number}"
        if card.error:
            plans.append(CardPlan(card.number, name, Action.INVALID, card.error))
            continue
        try:
            draft, organisation, uid = card_draft(card, topics)
        except ValidationError as exc:
            plans.append(CardPlan(card.number, name, Action.INVALID, str(exc)))
            continue
        emails = {e.address.casefold() for e in draft.emails}
        if (uid and uid in seen_uids) or emails & seen_emails:
            plans.append(CardPlan(card.number, name, Action.DUPLICATE,
                                  _("the same person as an earlier card of this file")))
            continue
        if uid:
            seen_uids.add(uid)
        seen_emails |= emails
        org_id = organisations.get(organisation.casefold()) if organisation else None
        plan = CardPlan(card.number, name, Action.NEW, uid=uid, draft=draft,
                        organisation=organisation)
        person = _match(session, uid, emails)
        if person is None:
            plans.append(plan)
            continue
        plan.person_id = person.id
        if mode is MatchMode.SKIP:
            plan.action, plan.reason = Action.SKIPPED, _("already in the directory")
            plans.append(plan)
            continue
        existing = draft_of(person)
        merged = merge_drafts(existing, draft, overwrite=mode is MatchMode.OVERWRITE)
        if org_id and (mode is MatchMode.OVERWRITE or not existing.organisation_id):
            merged.organisation_id = org_id
        plan.draft = merged
        plan.changes = _changes(existing, merged)
        if organisation and org_id is None and (mode is MatchMode.OVERWRITE
                                                or not existing.organisation_id):
            plan.changes.append(("organisation", "", organisation))
        plan.action = Action.UPDATE if plan.changes else Action.UNCHANGED
        plans.append(plan)
    for card, card_plan in zip(raw_cards, plans, strict=True):  # hook; issue14 importer copies
        card_plan.warnings = card.warnings
    return ImportPlan(file_name, plans)


def _match(session: Session, uid: str | None, emails: set[str]) -> Person | None:
    if uid:
        person = session.scalar(select(Person).where(Person.uid == uid))
        if person is not None:
            return person
    if emails:
        return session.scalar(select(Person).join(EmailAddress).where(
            func.lower(EmailAddress.address).in_(sorted(emails))).limit(1))
    return None


# --- applying ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ImportResult:
    batch_id: int
    counts: dict[str, int]


def apply_import(session: Session, plan: ImportPlan) -> ImportResult:
    """Do what the plan says, in the caller's transaction, recorded for undo."""
    counts = plan.counts()
    batch = ImportBatch(file_name=Path(plan.file_name).name or plan.file_name, source_kind="vcard",
                        row_count=len(plan.cards), created_count=counts["new"],
                        updated_count=counts["update"], unchanged_count=counts["unchanged"],
                        duplicate_count=counts["duplicate"], invalid_count=counts["invalid"],
                        skipped_count=counts["skipped"])
    session.add(batch)
    session.flush()
    organisation_id = OrganisationResolver(session, batch)

    # Many cards against a small directory: the FTS tables are rebuilt once at the end.
    with bulk_writes(session, counts["new"] + counts["update"]):
        for card in plan.cards:
            if card.action is Action.NEW and card.draft is not None:
                draft = replace(card.draft, organisation_id=organisation_id(card.organisation))
                person = create_person(session, draft, import_batch_id=batch.id)
                if card.uid and session.scalar(select(Person.id).where(Person.uid == card.uid)) \
                        is None:
                    person.uid = card.uid
                session.flush()
                record_change(session, batch, "person", person.id)
            elif card.action is Action.UPDATE and card.draft is not None and card.person_id:
                person = session.get(Person, card.person_id)
                if person is None:
                    raise DefenceDirError(_("A person of this import was deleted meanwhile; "
                                            "please preview again."))
                draft = card.draft
                if card.organisation and not draft.organisation_id:
                    draft = replace(draft, organisation_id=organisation_id(card.organisation))
                before = draft_json(draft_of(person))
                update_person(session, person.id, draft, person.version)
                record_change(session, batch, "person", person.id, before)
        organisation_id.index_created()
        refresh_pending(session)  # while the FTS triggers may be quiet
    seal_batch(session, batch)
    return ImportResult(batch.id, counts)
